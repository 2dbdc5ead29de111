/**
 * "Test sign-in" and "Get a token now" (`testSignIn`, `testClientCredentials` of @conga-connections/auth) against a
 * real emulator over HTTP: what each answers for a working connection, a wrong secret, an inactive connection, a
 * refused consent and a scope outside Allowed Scopes — the outcomes the element's messages are chosen from.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {testClientCredentials, testSignIn, type AuthLauncher} from '@conga-connections/auth';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {adminHeaders, api, CONNECTIONS_PATH, signInThroughLoginForm} from '../support/emulator.js';

const SANDBOX = '00D7z000000AbCdEAG';
const MICROSOFT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const REDIRECT = 'https://app.example.test/callback';

let emulator: Emulator;
let uiClientId = '';
let apiClientId = '';
let apiSecret = '';

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  uiClientId = emulator.createConnection({
    ExternalIdentifier: SANDBOX,
    type: 'UItoAPI',
    ClientName: 'Test sign-in',
    RedirectURI: [REDIRECT],
    AllowedScopes: ['openid', 'profile'],
  }).ClientId;
  const created = emulator.createConnection({ExternalIdentifier: MICROSOFT, type: 'APItoAPI', ClientName: 'Token'});
  apiClientId = created.ClientId;
  apiSecret = created.ClientSecret ?? '';
});
afterAll(() => emulator.close());

/** A launcher that walks the emulator's login and consent pages in Node, as the admin in the popup would. */
function loginFormLauncher(consent: 'allow' | 'deny' = 'allow'): AuthLauncher {
  return {
    async launch(url) {
      const target = await url;
      if (target === undefined) return undefined;
      const walk = await signInThroughLoginForm(target, emulator.users.admin, {consent});
      return walk.callback.href;
    },
  };
}

describe('testSignIn against the emulator', () => {
  it('signs in with the connection and answers the ID token claims, an opaque access token and the scopes', async () => {
    const result = await testSignIn({
      issuer: emulator.issuer,
      clientId: uiClientId,
      redirectUri: REDIRECT,
      scope: 'openid profile',
      launcher: loginFormLauncher(),
    });
    expect(result).toMatchObject({
      ok: true,
      idToken: {format: 'jwt', claims: {iss: emulator.issuer, aud: uiClientId, sub: emulator.users.admin.id}},
      accessToken: {format: 'opaque'},
      scopes: expect.arrayContaining(['openid', 'profile']) as unknown,
    });
    expect(result.ok && result.expiresIn).toBeGreaterThan(0);
  });

  it('answers access_denied when consent is refused', async () => {
    const result = await testSignIn({
      issuer: emulator.issuer,
      clientId: uiClientId,
      redirectUri: REDIRECT,
      scope: 'openid',
      launcher: loginFormLauncher('deny'),
    });
    expect(result).toEqual({ok: false, error: 'access_denied'});
  });

  it('answers invalid_scope for a scope outside Allowed Scopes', async () => {
    const result = await testSignIn({
      issuer: emulator.issuer,
      clientId: uiClientId,
      redirectUri: REDIRECT,
      scope: 'openid email',
      launcher: loginFormLauncher(),
    });
    expect(result).toEqual({ok: false, error: 'invalid_scope'});
  });
});

describe('testClientCredentials against the emulator', () => {
  it('answers an opaque token with its scopes and lifetime for the right secret', async () => {
    const result = await testClientCredentials({
      issuer: emulator.issuer,
      clientId: apiClientId,
      clientSecret: apiSecret,
      scope: 'api.user-management',
    });
    expect(result).toEqual({
      ok: true,
      accessToken: {format: 'opaque'},
      scopes: ['api.user-management'],
      expiresIn: expect.any(Number) as unknown,
    });
  });

  it('answers invalid_client for a wrong secret', async () => {
    await expect(
      testClientCredentials({issuer: emulator.issuer, clientId: apiClientId, clientSecret: `${apiSecret}x`}),
    ).resolves.toEqual({ok: false, error: 'invalid_client'});
  });

  it('answers invalid_client for an inactive connection, with the right secret', async () => {
    const headers = await adminHeaders(emulator);
    const path = `${CONNECTIONS_PATH}/${MICROSOFT}/status?apiConnectionType=APItoAPI`;
    expect((await api(emulator, 'PUT', path, headers, {IsActive: false})).status).toBe(200);
    await expect(
      testClientCredentials({issuer: emulator.issuer, clientId: apiClientId, clientSecret: apiSecret}),
    ).resolves.toEqual({ok: false, error: 'invalid_client'});
    expect((await api(emulator, 'PUT', path, headers, {IsActive: true})).status).toBe(200);
  });
});
