import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {
  adminHeaders,
  api,
  authorizationUrl,
  CONNECTIONS_PATH,
  CookieJar,
  pkcePair,
  signInThroughLoginForm,
  tokenRequest,
} from '../support/emulator.js';

/** The identifier the default seed leaves free for a UI-to-API connection. */
const FREE_IDENTIFIER = '00D7z000000AbCdEAG';
const REDIRECTS = ['https://app.example.test/callback', 'https://app.example.test/other/callback'];

let emulator: Emulator;
let admin: Record<string, string>;

beforeAll(async () => {
  emulator = await createEmulator({port: 0, testHooks: true});
  admin = await adminHeaders(emulator);
});
afterAll(() => emulator.close());

describe('a UI-to-API connection, from creation to an API call', () => {
  let clientId = '';

  it('is created as a public client: a Client ID and no secret', async () => {
    const created = await api(
      emulator,
      'POST',
      `${CONNECTIONS_PATH}/${FREE_IDENTIFIER}?apiConnectionType=UItoAPI`,
      admin,
      {
        ClientName: 'Partner portal',
        RedirectURI: REDIRECTS,
        CorsOrigins: ['https://app.example.test'],
        AllowedScopes: ['openid', 'profile', 'offline_access', 'api.user-management'],
      },
    );
    expect(created.status).toBe(200);
    expect(created.body.Data).toMatchObject({APIType: 'UI to API', ClientSecret: null, RedirectURI: REDIRECTS});
    clientId = created.body.Data.ClientId;
  });

  it('signs a user in through the login form and consent with PKCE, and the token calls the API', async () => {
    const {verifier, challenge} = pkcePair();
    const state = 'state-123';
    const walk = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {
        clientId,
        redirectUri: REDIRECTS[1]!,
        challenge,
        state,
        scope: 'openid profile offline_access api.user-management',
      }),
      emulator.users.admin,
    );
    expect(walk.loginForms).toBe(1);
    expect(walk.consentPages).toBe(1);
    expect(walk.callback.origin + walk.callback.pathname).toBe(REDIRECTS[1]);
    expect(walk.callback.searchParams.get('state')).toBe(state);
    // B3-17: the response names its issuer (RFC 9207).
    expect(walk.callback.searchParams.get('iss')).toBe(emulator.issuer);
    const tokens = await tokenRequest(emulator.issuer, {
      grant_type: 'authorization_code',
      code: walk.callback.searchParams.get('code')!,
      redirect_uri: REDIRECTS[1]!,
      client_id: clientId,
      code_verifier: verifier,
    });
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({token_type: 'Bearer', expires_in: 3600});
    expect(tokens.body.refresh_token).toEqual(expect.any(String));
    expect(tokens.body.id_token).toEqual(expect.any(String));
    const list = await api(emulator, 'GET', CONNECTIONS_PATH, {
      authorization: `Bearer ${String(tokens.body.access_token)}`,
    });
    expect(list.status).toBe(200);
    expect(list.body.RecordCount).toBe(emulator.data.connections.length);
  });

  it('asks for consent only once per scope set, and a live provider session skips the login form', async () => {
    const jar = new CookieJar();
    const first = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECTS[0]!, challenge: pkcePair().challenge}),
      emulator.users.admin,
      {jar},
    );
    expect(first.callback.searchParams.get('code')).toBeTruthy();
    const second = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECTS[0]!, challenge: pkcePair().challenge}),
      emulator.users.admin,
      {jar},
    );
    expect(second).toMatchObject({loginForms: 0, consentPages: 0});
    expect(second.callback.searchParams.get('code')).toBeTruthy();
  });

  it('sends error=access_denied with state and iss when the user denies consent', async () => {
    const walk = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {
        clientId,
        redirectUri: REDIRECTS[0]!,
        challenge: pkcePair().challenge,
        state: 'deny-state',
        scope: 'openid profile',
      }),
      emulator.users.member!,
      {consent: 'deny'},
    );
    expect(walk.callback.searchParams.get('error')).toBe('access_denied');
    expect(walk.callback.searchParams.get('state')).toBe('deny-state');
    expect(walk.callback.searchParams.get('iss')).toBe(emulator.issuer);
  });

  it("redirects with invalid_scope when a scope is not among the connection's Allowed Scopes", async () => {
    const response = await fetch(
      authorizationUrl(emulator.issuer, {
        clientId,
        redirectUri: REDIRECTS[0]!,
        challenge: pkcePair().challenge,
        scope: 'openid email',
      }),
      {redirect: 'manual'},
    );
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_scope');
    expect(location.searchParams.get('iss')).toBe(emulator.issuer);
  });

  it('B3-13 refuses authorization and refresh for a deactivated connection, and allows them again after reactivation', async () => {
    const {verifier, challenge} = pkcePair();
    const jar = new CookieJar();
    const walk = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {
        clientId,
        redirectUri: REDIRECTS[0]!,
        challenge,
        scope: 'openid offline_access api.user-management',
      }),
      emulator.users.admin,
      {jar},
    );
    const tokens = await tokenRequest(emulator.issuer, {
      grant_type: 'authorization_code',
      code: walk.callback.searchParams.get('code')!,
      redirect_uri: REDIRECTS[0]!,
      client_id: clientId,
      code_verifier: verifier,
    });
    const refreshToken = String(tokens.body.refresh_token);
    const statusPath = `${CONNECTIONS_PATH}/${FREE_IDENTIFIER}/status?apiConnectionType=UItoAPI`;
    expect((await api(emulator, 'PUT', statusPath, admin, {IsActive: false})).status).toBe(200);

    const refresh = await tokenRequest(emulator.issuer, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
    });
    expect(refresh.body.error).toBe('invalid_client');
    const authorize = await fetch(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECTS[0]!, challenge: pkcePair().challenge}),
      {redirect: 'manual'},
    );
    expect(authorize.status).toBe(400);
    expect(authorize.headers.get('location')).toBeNull();
    expect(await authorize.text()).toContain('invalid_client');

    expect((await api(emulator, 'PUT', statusPath, admin, {IsActive: true})).status).toBe(200);
    const again = await tokenRequest(emulator.issuer, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
    });
    expect(again.status).toBe(200);
  });
});

describe('access rules of the REST API', () => {
  it('answers 401 with the envelope and WWW-Authenticate without a token, or with a bad one', async () => {
    const none = await api(emulator, 'GET', CONNECTIONS_PATH, {});
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({Success: false, StatusCode: 'Unauthorized', Data: null});
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    const bad = await api(emulator, 'GET', CONNECTIONS_PATH, {authorization: 'Bearer not-a-token'});
    expect(bad.status).toBe(401);
    expect(bad.body.Errors[0].Message).toBe('The access token is invalid or has expired.');
  });

  it('answers 403 to a signed-in user without the admin role, but tells them who they are', async () => {
    const {signInUser} = await import('../support/emulator.js');
    const tokens = await signInUser(emulator, emulator.users.member!);
    const headers = {authorization: `Bearer ${String(tokens.access_token)}`};
    const list = await api(emulator, 'GET', CONNECTIONS_PATH, headers);
    expect(list.status).toBe(403);
    expect(list.body).toMatchObject({
      Success: false,
      StatusCode: 'Forbidden',
      Errors: [{Message: 'You need the administrator role to manage API connections.'}],
    });
    const me = await api(emulator, 'GET', '/api/user-management/v1/user/info', headers);
    expect(me.status).toBe(200);
    expect(me.body.Data.Role.Name).toBe('GeneralUser');
  });

  it('answers 403 to a token without the api.user-management scope', async () => {
    const {signInUser} = await import('../support/emulator.js');
    const tokens = await signInUser(emulator, emulator.users.admin, 'openid profile');
    const list = await api(emulator, 'GET', CONNECTIONS_PATH, {authorization: `Bearer ${String(tokens.access_token)}`});
    expect(list.status).toBe(403);
    expect(list.headers.get('www-authenticate')).toContain('insufficient_scope');
  });

  it('answers 401 to an API-to-API token without the user-id header', async () => {
    const {authorization} = await adminHeaders(emulator);
    const list = await api(emulator, 'GET', CONNECTIONS_PATH, {authorization: authorization!});
    expect(list.status).toBe(401);
    expect(list.body.Errors[0].Message).toContain('user-id');
  });
});
