import {mount} from 'svelte';
import {createAuthSession} from '@conga-connections/widget';
import App from './App.svelte';
import {config} from './config.js';

// The host owns sign-in: it builds the session (finishing a sign-in that redirected back here) and hands it over.
const session = await createAuthSession({
  issuer: config.issuer,
  clientId: config.clientId,
  redirectUri: `${location.origin}/`,
});
await session.handleRedirectCallback();

const target = document.getElementById('app');
if (!target) throw new Error('no #app');
mount(App, {target, props: {session}});
