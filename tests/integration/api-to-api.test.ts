import * as oauth from 'oauth4webapi';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {adminHeaders, api, basicAuth, CONNECTIONS_PATH, tokenRequest} from '../support/emulator.js';

/** The identifier the default seed leaves free for an API-to-API connection. */
const FREE_IDENTIFIER = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

let emulator: Emulator;
let admin: Record<string, string>;
let as: oauth.AuthorizationServer;

beforeAll(async () => {
  emulator = await createEmulator({port: 0, testHooks: true});
  admin = await adminHeaders(emulator);
  const issuer = new URL(emulator.issuer);
  // The emulator is plain http on loopback; oauth4webapi refuses http unless told, which is right for real issuers.
  as = await oauth.processDiscoveryResponse(
    issuer,
    await oauth.discoveryRequest(
      issuer, // eslint-disable-next-line @typescript-eslint/no-deprecated -- the emulator is http on loopback, on purpose
      {algorithm: 'oidc', [oauth.allowInsecureRequests]: true},
    ),
  );
});
afterAll(() => emulator.close());

/** The OAuth error code of a failed oauth4webapi call (a 401 arrives as a WWW-Authenticate challenge). */
async function oauthError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    const e = error as {error?: string; cause?: {parameters?: {error?: string}}[] | {error?: string}};
    if (Array.isArray(e.cause)) return e.cause[0]?.parameters?.error;
    return e.error ?? e.cause?.error;
  }
  return undefined;
}

async function clientCredentials(clientId: string, clientSecret: string, method: 'basic' | 'post' = 'basic') {
  const client: oauth.Client = {client_id: clientId};
  const auth = method === 'basic' ? oauth.ClientSecretBasic(clientSecret) : oauth.ClientSecretPost(clientSecret);
  const response = await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams(), {
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the emulator is http on loopback, on purpose
    [oauth.allowInsecureRequests]: true,
  });
  return oauth.processClientCredentialsResponse(as, client, response);
}

describe('an API-to-API connection, from creation to reactivation', () => {
  let clientId = '';
  let firstSecret = '';
  let secondSecret = '';
  const path = `${CONNECTIONS_PATH}/${FREE_IDENTIFIER}?apiConnectionType=APItoAPI`;

  it('is created with a Client ID and a Client Secret shown once', async () => {
    const created = await api(emulator, 'POST', path, admin, {ClientName: 'Nightly export', Description: 'ERP export'});
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      Success: true,
      StatusCode: 'OK',
      Data: {APIType: 'API to API', IsActive: true},
    });
    clientId = created.body.Data.ClientId;
    firstSecret = created.body.Data.ClientSecret;
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(firstSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('B4-01 never returns the secret again, in the list or by identifier', async () => {
    const list = await api(emulator, 'GET', CONNECTIONS_PATH, admin);
    const items = list.body.Data as {ClientId: string; ClientSecret: string}[];
    const item = items.find((c) => c.ClientId === clientId);
    expect(item?.ClientSecret).toBe('');
    const one = await api(emulator, 'GET', path, admin);
    expect(one.body.Data.ClientSecret).toBeNull();
    expect(JSON.stringify([list.body, one.body])).not.toContain(firstSecret);
  });

  it('gets a client_credentials token with the shown secret, by client_secret_basic and client_secret_post', async () => {
    const basic = await clientCredentials(clientId, firstSecret, 'basic');
    expect(basic.token_type.toLowerCase()).toBe('bearer');
    expect(basic.expires_in).toBe(3600);
    const post = await clientCredentials(clientId, firstSecret, 'post');
    expect(post.access_token).not.toBe(basic.access_token);
    // The token works on the API with the user-id header, as the platform requires for API-to-API tokens.
    const me = await api(emulator, 'GET', '/api/user-management/v1/user/info', {
      authorization: `Bearer ${basic.access_token}`,
      'user-id': emulator.users.admin.id,
    });
    expect(me.status).toBe(200);
    expect(me.body.Data.UserName).toBe(emulator.users.admin.username);
  });

  it('rotates the secret on update: the old secret fails at once and the new one works', async () => {
    const updated = await api(emulator, 'PUT', path, admin, {ClientName: 'Nightly export (v2)'});
    expect(updated.status).toBe(200);
    secondSecret = updated.body.Data.ClientSecret;
    expect(secondSecret).toBeTruthy();
    expect(secondSecret).not.toBe(firstSecret);
    expect(updated.body.Data.ClientName).toBe('Nightly export (v2)');
    expect(await oauthError(clientCredentials(clientId, firstSecret))).toBe('invalid_client');
    await expect(clientCredentials(clientId, secondSecret)).resolves.toHaveProperty('access_token');
  });

  it('B3-13 fails token requests with invalid_client once deactivated, and works again once reactivated', async () => {
    const before = await clientCredentials(clientId, secondSecret);
    const off = await api(
      emulator,
      'PUT',
      `${CONNECTIONS_PATH}/${FREE_IDENTIFIER}/status?apiConnectionType=APItoAPI`,
      admin,
      {
        IsActive: false,
      },
    );
    expect(off.body).toMatchObject({Success: true, Data: true, StatusCode: 'OK'});
    expect(await oauthError(clientCredentials(clientId, secondSecret))).toBe('invalid_client');
    // Tokens already issued stay valid until they expire, as the deactivation dialog says.
    const stillValid = await api(emulator, 'GET', '/api/user-management/v1/user/info', {
      authorization: `Bearer ${before.access_token}`,
      'user-id': emulator.users.admin.id,
    });
    expect(stillValid.status).toBe(200);

    const on = await api(
      emulator,
      'PUT',
      `${CONNECTIONS_PATH}/${FREE_IDENTIFIER}/status?apiConnectionType=APItoAPI`,
      admin,
      {
        IsActive: true,
      },
    );
    expect(on.status).toBe(200);
    await expect(clientCredentials(clientId, secondSecret)).resolves.toHaveProperty('access_token');
  });
});

describe('B3-12 grant and authentication rules', () => {
  it('answers invalid_client (401) to a wrong secret', async () => {
    const {clientId} = emulator.clients.script;
    const result = await tokenRequest(
      emulator.issuer,
      {grant_type: 'client_credentials'},
      {authorization: basicAuth(clientId, 'wrong-secret')},
    );
    expect(result.status).toBe(401);
    expect(result.body.error).toBe('invalid_client');
  });

  it('refuses authorization_code for an API-to-API client', async () => {
    const {clientId, clientSecret} = emulator.clients.script;
    const result = await tokenRequest(
      emulator.issuer,
      {grant_type: 'authorization_code', code: 'x', redirect_uri: 'https://a.example/cb'},
      {authorization: basicAuth(clientId, clientSecret)},
    );
    expect(result.body.error).toBe('unauthorized_client');
  });

  it('refuses client_credentials and secret authentication for a UI-to-API client', async () => {
    const {clientId} = emulator.clients.extension;
    const publicClient = await tokenRequest(emulator.issuer, {grant_type: 'client_credentials', client_id: clientId});
    expect(publicClient.body.error).toBe('unauthorized_client');
    const withSecret = await tokenRequest(
      emulator.issuer,
      {grant_type: 'client_credentials'},
      {authorization: basicAuth(clientId, 'anything')},
    );
    expect(withSecret.body.error).toBe('invalid_client');
  });
});
