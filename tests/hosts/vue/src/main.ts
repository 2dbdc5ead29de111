import {createApp} from 'vue';
import {createAuthSession} from '@conga-connections/widget';
import App from './App.vue';
import {config} from './config.js';

// The host owns sign-in: it builds the session (finishing a sign-in that redirected back here) and hands it over.
const session = await createAuthSession({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}/`,
});
await session.handleRedirectCallback();

createApp(App, {session}).mount('#app');
