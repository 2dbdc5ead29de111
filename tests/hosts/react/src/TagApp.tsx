import {useState} from 'react';
import type {AuthSession, ConnectionStatusChangedEvent} from '@conga-connections/widget';
import type {} from '@conga-connections/widget/react/jsx';
import {config} from './config.js';
import {useSessionUser} from './use-session-user.js';

/** The same host with the tag itself (React 19 sets properties and listens to `on<event-name>` on custom elements). */
export function TagApp({session}: {session: AuthSession}) {
  const user = useSessionUser(session);
  const [lastChange, setLastChange] = useState('none yet');
  const handleStatusChanged = (event: ConnectionStatusChangedEvent) => {
    setLastChange(`${event.name ?? event.externalIdentifier} is now ${event.isActive ? 'active' : 'inactive'}`);
  };
  return (
    <main>
      <header>
        <h1>React host (tag)</h1>
        <p>Host user: {user ?? 'signed out'}</p>
        <p>
          Last change: <output aria-label="Last change">{lastChange}</output>
        </p>
      </header>
      <conga-api-connections
        api-base-url={config.apiBaseUrl}
        session={session}
        onconga-connection-status-changed={handleStatusChanged}
      />
    </main>
  );
}
