import type {IncomingMessage, ServerResponse} from 'node:http';
import type Provider from 'oidc-provider';
import type {Store} from '../store.js';
import {authenticate} from './accounts.js';
import {ISSUER_PATH} from './configuration.js';
import {consentPage, loginPage, PAGE_HEADERS} from './pages.js';

/** The interaction routes: `<issuer>/interaction/:uid[/login|/confirm|/abort]`. */
export const INTERACTION = new RegExp(`^${ISSUER_PATH}/interaction/([A-Za-z0-9_-]+)(?:/(login|confirm|abort))?$`);

/** What the login and consent pages need from the emulator. */
export interface InteractionContext {
  provider: Provider;
  store: Store;
  firstPartyClientIds: ReadonlySet<string>;
  /** The hint under the login form; the CLI puts the seeded credentials there. */
  loginHint: string | undefined;
  readForm: (request: IncomingMessage) => Promise<URLSearchParams>;
}

function sendPage(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {...PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8'});
  response.end(html);
}

async function clientName(provider: Provider, store: Store, clientId: string): Promise<string> {
  const connection = store.findByClientId(clientId);
  if (connection) return connection.ClientName;
  const client = await provider.Client.find(clientId);
  return client?.clientName ?? clientId;
}

/** Serves the login form and the consent step, and hands their results back to the provider. */
export async function handleInteraction(
  context: InteractionContext,
  request: IncomingMessage,
  response: ServerResponse,
  uid: string,
  action: string | undefined,
): Promise<void> {
  const {provider, store} = context;
  let details;
  try {
    details = await provider.interactionDetails(request, response);
  } catch {
    sendPage(response, 400, loginExpiredPage());
    return;
  }
  if (details.uid !== uid) {
    sendPage(response, 400, loginExpiredPage());
    return;
  }
  const base = `${ISSUER_PATH}/interaction/${uid}`;
  const clientId = typeof details.params.client_id === 'string' ? details.params.client_id : '';
  const name = await clientName(provider, store, clientId);

  if (request.method === 'GET' && action === undefined) {
    if (details.prompt.name === 'login') {
      sendPage(response, 200, loginPage({action: `${base}/login`, clientName: name, hint: context.loginHint}));
      return;
    }
    const missing = (details.prompt.details.missingOIDCScope as string[] | undefined) ?? [];
    sendPage(
      response,
      200,
      consentPage({action: `${base}/confirm`, abortAction: `${base}/abort`, clientName: name, scopes: missing}),
    );
    return;
  }
  if (request.method !== 'POST') {
    sendPage(response, 405, loginExpiredPage());
    return;
  }

  if (action === 'login') {
    const form = await context.readForm(request);
    const userName = form.get('username') ?? '';
    const user = authenticate(store, userName, form.get('password') ?? '');
    if (!user) {
      // A form login answers a wrong password with the form again and the message, as a 200 page: the page itself
      // is fine, only the credentials were not (a 401 would ask for HTTP authentication).
      sendPage(
        response,
        200,
        loginPage({
          action: `${base}/login`,
          clientName: name,
          userName,
          error: 'That user name and password don’t match. Try again.',
          hint: context.loginHint,
        }),
      );
      return;
    }
    await provider.interactionFinished(
      request,
      response,
      {login: {accountId: user.Id}},
      {mergeWithLastSubmission: false},
    );
    return;
  }

  if (action === 'confirm') {
    const {accountId} = details.session ?? {};
    if (!accountId) {
      sendPage(response, 400, loginExpiredPage());
      return;
    }
    const grant = details.grantId
      ? ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({accountId, clientId}))
      : new provider.Grant({accountId, clientId});
    const missing = (details.prompt.details.missingOIDCScope as string[] | undefined) ?? [];
    if (missing.length) grant.addOIDCScope(missing.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(request, response, {consent: {grantId}}, {mergeWithLastSubmission: true});
    return;
  }

  // "Deny": the client gets error=access_denied at its redirect URI, with state and iss, as RFC 6749 §4.1.2.1 says.
  await provider.interactionFinished(
    request,
    response,
    {error: 'access_denied', error_description: 'The user denied access.'},
    {mergeWithLastSubmission: false},
  );
}

function loginExpiredPage(): string {
  return loginPage({
    action: '#',
    clientName: 'the application',
    error: 'This sign-in page has expired. Go back to the application and sign in again.',
  }).replace(/<form[\s\S]*<\/form>/, '');
}
