import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
import {createAuthSession} from '@conga-connections/widget';
import {App} from './App.js';
import {TagApp} from './TagApp.js';
import {config} from './config.js';

// The host owns sign-in: it builds the session (finishing a sign-in that redirected back here) and hands it over.
const session = await createAuthSession({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}/`,
});
await session.handleRedirectCallback();

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
// `?tag` renders the element by its tag (React 19 JSX typings) instead of the @lit/react wrapper.
const Host = new URLSearchParams(location.search).has('tag') ? TagApp : App;
createRoot(root).render(
  <StrictMode>
    <Host session={session} />
  </StrictMode>,
);
