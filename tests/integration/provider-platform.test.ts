/**
 * Issue 13: OAuth details where the emulator's provider must answer like the platform's (IdentityServer): scopes a
 * client lacks, platform apps and consent, the login form's answer to a wrong password.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {
  api,
  authorizationUrl,
  basicAuth,
  CookieJar,
  pkcePair,
  signInThroughLoginForm,
  tokenRequest,
} from '../support/emulator.js';

const PORTAL_REDIRECT = 'http://127.0.0.1:5173/';
const THIRD_PARTY_REDIRECT = 'https://third-party.example.test/cb';
const SCOPE = 'openid profile offline_access api.user-management';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await createEmulator({port: 0, portal: {redirectUris: [PORTAL_REDIRECT]}});
});
afterAll(() => emulator.close());

function scriptToken(scope: string | undefined) {
  const {clientId, clientSecret} = emulator.clients.script;
  return tokenRequest(
    emulator.issuer,
    {grant_type: 'client_credentials', ...(scope === undefined ? {} : {scope})},
    {authorization: basicAuth(clientId, clientSecret)},
  );
}

describe('a client_credentials request for a scope the connection lacks', () => {
  it.each([
    ['a platform scope the connection is not allowed', 'openid', 'openid'],
    ['a scope the platform does not have', 'api.unknown', 'api.unknown'],
    ['an allowed scope next to one it lacks', 'api.user-management email', 'email'],
    ['an allowed scope next to an unknown one', 'api.user-management api.unknown', 'api.unknown'],
  ])('answers invalid_scope for %s, naming it, and issues no token', async (_case, scope, refused) => {
    const answer = await scriptToken(scope);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: 'invalid_scope',
      error_description: 'requested scope is not allowed',
      scope: refused,
    });
    expect(answer.body).not.toHaveProperty('access_token');
  });

  it('still grants the allowed scope, and every allowed scope when none is asked for', async () => {
    const asked = await scriptToken('api.user-management');
    expect(asked.status).toBe(200);
    expect(asked.body.scope).toBe('api.user-management');
    const none = await scriptToken(undefined);
    expect(none.status).toBe(200);
    const headers = {authorization: `Bearer ${String(none.body.access_token)}`, 'user-id': emulator.users.admin.id};
    expect((await api(emulator, 'GET', '/api/user-management/v1/api-connections', headers)).status).toBe(200);
  });
});

/** Signs the admin in with `clientId` (keeping the provider session in `jar`) and redeems the code. */
async function signIn(clientId: string, redirectUri: string, jar: CookieJar, scope = SCOPE) {
  const {verifier, challenge} = pkcePair();
  const walk = await signInThroughLoginForm(
    authorizationUrl(emulator.issuer, {clientId, redirectUri, challenge, scope}),
    emulator.users.admin,
    {jar, consent: 'allow'},
  );
  const code = walk.callback.searchParams.get('code');
  expect(code, walk.callback.search).toBeTruthy();
  const token = await tokenRequest(emulator.issuer, {
    grant_type: 'authorization_code',
    code: code ?? '',
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
  expect(token.status, JSON.stringify(token.body)).toBe(200);
  return {walk, token: token.body};
}

/** Replays a used refresh token, which makes the provider revoke the whole grant (RFC 9700 §4.14.2). */
async function revokeGrantByReplay(clientId: string, refreshToken: string): Promise<void> {
  const refresh = () =>
    tokenRequest(emulator.issuer, {grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId});
  expect((await refresh()).status).toBe(200);
  expect((await refresh()).body.error).toBe('invalid_grant');
}

describe('platform apps never see a consent page', () => {
  it.each([
    ['the extension', () => emulator.clients.extension.clientId, () => emulator.clients.extension.redirectUri],
    ['the demo portal', () => emulator.clients.portal!.clientId, () => PORTAL_REDIRECT],
  ])('%s signs in again without consent after a replayed refresh token revoked its grant', async (_app, id, uri) => {
    const jar = new CookieJar();
    const first = await signIn(id(), uri(), jar);
    expect(first.walk).toMatchObject({loginForms: 1, consentPages: 0});
    await revokeGrantByReplay(id(), String(first.token.refresh_token));

    const again = await signIn(id(), uri(), jar);
    expect(again.walk).toMatchObject({loginForms: 0, consentPages: 0});
    // The same tokens as the first time (the access token's scope never lists offline_access; the refresh token is it).
    expect(again.token.scope).toBe(first.token.scope);
    expect(String(again.token.scope).split(' ')).toContain('api.user-management');
    expect(again.token.refresh_token).toEqual(expect.any(String));
    const bearer = {authorization: `Bearer ${String(again.token.access_token)}`};
    expect((await api(emulator, 'GET', '/api/user-management/v1/user/info', bearer)).status).toBe(200);
  });

  it('the extension asking for more scopes later gets them without consent', async () => {
    const {clientId, redirectUri} = emulator.clients.extension;
    const jar = new CookieJar();
    expect((await signIn(clientId, redirectUri, jar, 'openid')).walk.consentPages).toBe(0);
    const wider = await signIn(clientId, redirectUri, jar, SCOPE);
    expect(wider.walk.consentPages).toBe(0);
    expect(String(wider.token.scope).split(' ')).toEqual(['openid', 'profile', 'api.user-management']);
    expect(wider.token.refresh_token).toEqual(expect.any(String));
  });

  it('an admin-created UI-to-API connection still asks, again after its grant was revoked', async () => {
    const {ClientId} = emulator.createConnection({
      ExternalIdentifier: '00D7z000000AbCdEAG',
      type: 'UItoAPI',
      ClientName: 'Third-party app',
      RedirectURI: [THIRD_PARTY_REDIRECT],
      AllowedScopes: SCOPE.split(' '),
    });
    const jar = new CookieJar();
    const first = await signIn(ClientId, THIRD_PARTY_REDIRECT, jar);
    expect(first.walk.consentPages).toBe(1);
    await revokeGrantByReplay(ClientId, String(first.token.refresh_token));
    expect((await signIn(ClientId, THIRD_PARTY_REDIRECT, jar)).walk.consentPages).toBe(1);
  });
});

describe('the login page', () => {
  it('answers a wrong password with a 200 page that shows the error and the form again', async () => {
    const {clientId, redirectUri} = emulator.clients.extension;
    const jar = new CookieJar();
    const start = await fetch(authorizationUrl(emulator.issuer, {clientId, redirectUri, challenge: 'x'.repeat(43)}), {
      redirect: 'manual',
    });
    jar.store(start);
    const login = new URL(start.headers.get('location')!, emulator.issuer);
    const response = await fetch(`${login.href}/login`, {
      method: 'POST',
      headers: {cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({username: emulator.users.admin.username, password: 'not-the-password'}),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<p class="error" role="alert">That user name and password don’t match. Try again.</p>');
    expect(html).toContain(`value="${emulator.users.admin.username}"`);
    expect(html).toContain('name="password"');

    // The same interaction still accepts the right password.
    const retry = await fetch(`${login.href}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: {cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({username: emulator.users.admin.username, password: emulator.users.admin.password}),
    });
    expect(retry.status).toBe(303);
  });
});
