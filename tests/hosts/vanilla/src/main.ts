import {createAuthSession, type AuthState} from '@conga-connections/widget';
import {config} from './config.js';

// The host owns sign-in: it builds the session (finishing a sign-in that redirected back here) and hands it over.
const session = await createAuthSession({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}/`,
});
await session.handleRedirectCallback();

function find<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

const element = find<HTMLElementTagNameMap['conga-api-connections']>('conga-api-connections');
element.setAttribute('api-base-url', config.apiBaseUrl);
element.session = session;

// Host state that follows the session it shares with the element (already signed in after a redirect back).
const hostUser = find('#host-user');
const showUser = (state: AuthState) => {
  hostUser.textContent = state.status === 'signed-in' ? (state.user.name ?? state.user.sub) : 'signed out';
};
showUser(session.state);
session.subscribe(showUser);

// The element's events are typed: `event` is a ConnectionStatusChangedEvent.
const lastChange = find('#last-change');
element.addEventListener('conga-connection-status-changed', (event) => {
  lastChange.textContent = `${event.name ?? event.externalIdentifier} is now ${event.isActive ? 'active' : 'inactive'}`;
});
