import {useState} from 'react';
import type {AuthSession, ConnectionStatusChangedEvent} from '@conga-connections/widget';
import {CongaApiConnections} from '@conga-connections/widget/react';
import {config} from './config.js';
import {useSessionUser} from './use-session-user.js';

/** The host app with the @lit/react wrapper (React 18 and 19): properties as props, events as `on…` props. */
export function App({session}: {session: AuthSession}) {
  const user = useSessionUser(session);
  const [lastChange, setLastChange] = useState('none yet');
  const handleStatusChanged = (event: ConnectionStatusChangedEvent) => {
    setLastChange(`${event.name ?? event.externalIdentifier} is now ${event.isActive ? 'active' : 'inactive'}`);
  };
  return (
    <main>
      <header>
        <h1>React host</h1>
        <p>Host user: {user ?? 'signed out'}</p>
        <p>
          Last change: <output aria-label="Last change">{lastChange}</output>
        </p>
      </header>
      <CongaApiConnections
        apiBaseUrl={config.apiBaseUrl}
        session={session}
        onCongaConnectionStatusChanged={handleStatusChanged}
      />
    </main>
  );
}
