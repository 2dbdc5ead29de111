import {networkInterfaces} from 'node:os';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {api, authorizationUrl, CookieJar, pkcePair, signInThroughLoginForm, tokenRequest} from '../support/emulator.js';

const REDIRECT = 'http://127.0.0.1:5173/cb';
const ORIGIN = 'https://app.example.test';
const XSS = '<img src=x onerror=window.__pwned=1>';

let emulator: Emulator;
let clientId = '';

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  ({ClientId: clientId} = emulator.createConnection({
    ExternalIdentifier: '00D7z000000AbCdEAG',
    type: 'UItoAPI',
    ClientName: 'Provider rules',
    RedirectURI: [REDIRECT, 'https://app.example.test/cb'],
    CorsOrigins: [ORIGIN],
    AllowedScopes: ['openid', 'profile', 'offline_access', 'api.user-management'],
  }));
});
afterAll(() => emulator.close());

/** Sends an authorization request without following redirects. */
async function authorize(params: Record<string, string | undefined>): Promise<Response> {
  const url = new URL(`${emulator.issuer}/connect/authorize`);
  const all: Record<string, string | undefined> = {
    client_id: clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'openid',
    state: 'abc',
    ...params,
  };
  for (const [key, value] of Object.entries(all)) if (value !== undefined) url.searchParams.set(key, value);
  return fetch(url, {redirect: 'manual'});
}

function errorOf(response: Response): {error: string | null; iss: string | null; code: string | null} {
  const location = new URL(response.headers.get('location') ?? 'http://none.invalid/');
  return {
    error: location.searchParams.get('error'),
    iss: location.searchParams.get('iss'),
    code: location.searchParams.get('code'),
  };
}

/** A full sign-in of the admin; returns the code, its verifier and the jar. */
async function codeFor(scope = 'openid offline_access api.user-management', redirectUri = REDIRECT) {
  const {verifier, challenge} = pkcePair();
  const jar = new CookieJar();
  const walk = await signInThroughLoginForm(
    authorizationUrl(emulator.issuer, {clientId, redirectUri, challenge, scope}),
    emulator.users.admin,
    {jar, consent: 'allow'},
  );
  return {code: walk.callback.searchParams.get('code')!, verifier, jar};
}

function redeem(code: string, verifier: string, redirectUri = REDIRECT) {
  return tokenRequest(emulator.issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
}

describe("B3 the emulator's OpenID provider", () => {
  it('B3-16 advertises S256 only, the iss parameter, and no implicit, token or password', async () => {
    const discovery = (await (await fetch(`${emulator.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(discovery.issuer).toBe(emulator.issuer);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.authorization_response_iss_parameter_supported).toBe(true);
    expect(discovery.response_types_supported).toEqual(['code']);
    expect(discovery.grant_types_supported).not.toContain('password');
    expect(discovery.grant_types_supported).not.toContain('implicit');
    expect(discovery.authorization_endpoint).toBe(`${emulator.issuer}/connect/authorize`);
    expect(discovery.token_endpoint).toBe(`${emulator.issuer}/connect/token`);
    expect(discovery.end_session_endpoint).toBe(`${emulator.issuer}/connect/endsession`);
    expect(discovery.jwks_uri).toBe(`${emulator.issuer}/.well-known/openid-configuration/jwks`);
    expect(discovery.scopes_supported).toEqual(
      expect.arrayContaining(['openid', 'offline_access', 'api.user-management']),
    );
  });

  it('B3-01 refuses an authorization request without code_challenge, with iss (B3-17) and no code', async () => {
    const result = errorOf(await authorize({}));
    expect(result).toEqual({error: 'invalid_request', iss: emulator.issuer, code: null});
  });

  it.each([
    ['plain method', {code_challenge: 'a'.repeat(43), code_challenge_method: 'plain'}],
    ['no method', {code_challenge: pkcePair().challenge}],
    ['a 42-character challenge', {code_challenge: 'a'.repeat(42), code_challenge_method: 'S256'}],
    ['a challenge with bad characters', {code_challenge: `${'a'.repeat(42)}+`, code_challenge_method: 'S256'}],
  ])('B3-02 refuses %s', async (_name, params) => {
    expect(errorOf(await authorize(params)).error).toBe('invalid_request');
  });

  it('B3-03 refuses a wrong verifier with invalid_grant', async () => {
    const {code} = await codeFor();
    const result = await redeem(code, pkcePair().verifier);
    expect(result.body.error).toBe('invalid_grant');
  });

  it.each([
    ['42 characters', 'a'.repeat(42)],
    ['129 characters', 'a'.repeat(129)],
    ['a "+"', `${'a'.repeat(42)}+`],
    ['a "/"', `${'a'.repeat(42)}/`],
    ['a "="', `${'a'.repeat(42)}=`],
  ])('B3-03 refuses a verifier with %s', async (_name, verifier) => {
    const {code} = await codeFor();
    const result = await redeem(code, verifier);
    expect(['invalid_request', 'invalid_grant']).toContain(result.body.error);
    expect(result.status).toBe(400);
  });

  it("B3-05 refuses a code redeemed twice and revokes the first redemption's access token", async () => {
    const {code, verifier} = await codeFor();
    const first = await redeem(code, verifier);
    expect(first.status).toBe(200);
    const bearer = {authorization: `Bearer ${String(first.body.access_token)}`};
    expect((await api(emulator, 'GET', '/api/user-management/v1/user/info', bearer)).status).toBe(200);
    const second = await redeem(code, verifier);
    expect(second.body.error).toBe('invalid_grant');
    expect((await api(emulator, 'GET', '/api/user-management/v1/user/info', bearer)).status).toBe(401);
  });

  it("B3-06 refuses a token request whose redirect_uri differs from the authorization request's", async () => {
    const {code, verifier} = await codeFor();
    const result = await redeem(code, verifier, 'https://app.example.test/cb');
    expect(result.body.error).toBe('invalid_grant');
  });

  it.each([
    ['a trailing slash', `${REDIRECT}/`],
    ['a different path case', 'http://127.0.0.1:5173/CB'],
    ['an extra query', `${REDIRECT}?x=1`],
    ['a removed port', 'http://127.0.0.1/cb'],
    ['B3-08 another port', 'http://127.0.0.1:5174/cb'],
    ['user-info', 'http://user@127.0.0.1:5173/cb'],
    ['a ..;/ segment', 'http://127.0.0.1:5173/x/..;/cb'],
    ['a fragment', `${REDIRECT}#x`],
    ['an added port', 'https://app.example.test:443/cb'],
  ])('B3-07 shows an error page (400, no Location) for a near-miss redirect_uri: %s', async (_name, redirectUri) => {
    const response = await authorize({
      redirect_uri: redirectUri,
      ...{code_challenge: pkcePair().challenge, code_challenge_method: 'S256'},
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toContain('redirect_uri');
  });

  it('B3-14 escapes the state on the error page', async () => {
    const response = await authorize({redirect_uri: 'https://evil.example/cb', state: XSS});
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).not.toContain('<img');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it("B3-09 echoes Origin from the token endpoint only for the connection's Cors Origins", async () => {
    const send = (origin: string) =>
      tokenRequest(
        emulator.issuer,
        {grant_type: 'refresh_token', refresh_token: 'nope', client_id: clientId},
        {origin},
      );
    const allowed = await send(ORIGIN);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await send('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    // Never refused because of the Origin: the answer is the grant's own error, not an origin error.
    expect(other.body.error).toBe('invalid_grant');
    const opaque = await send('null');
    expect(opaque.headers.get('access-control-allow-origin')).toBeNull();
    const extension = await send('chrome-extension://lmbadgbaohkjlkfmjkkbhlcdedjcbjkc');
    expect(extension.body.error).toBe('invalid_grant');

    const authorization = await fetch(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECT, challenge: pkcePair().challenge}),
      {redirect: 'manual', headers: {origin: ORIGIN}},
    );
    expect(authorization.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('B3-10 refuses a refresh token used twice and revokes the newest tokens too', async () => {
    const {code, verifier} = await codeFor();
    const first = await redeem(code, verifier);
    const refresh = (token: string) =>
      tokenRequest(emulator.issuer, {grant_type: 'refresh_token', refresh_token: token, client_id: clientId});
    const rotated = await refresh(String(first.body.refresh_token));
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(first.body.refresh_token);
    const replay = await refresh(String(first.body.refresh_token));
    expect(replay.body.error).toBe('invalid_grant');
    expect((await refresh(String(rotated.body.refresh_token))).body.error).toBe('invalid_grant');
    const bearer = {authorization: `Bearer ${String(rotated.body.access_token)}`};
    expect((await api(emulator, 'GET', '/api/user-management/v1/user/info', bearer)).status).toBe(401);
  });

  it('B3-19 serves a login page that cannot be framed', async () => {
    const jar = new CookieJar();
    const start = await fetch(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECT, challenge: pkcePair().challenge}),
      {redirect: 'manual'},
    );
    jar.store(start);
    const response = await fetch(new URL(start.headers.get('location')!, emulator.issuer), {
      headers: {cookie: jar.header()},
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('name="username"');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('shows the login form again with a clear message after a wrong password', async () => {
    await expect(
      signInThroughLoginForm(
        authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECT, challenge: pkcePair().challenge}),
        {username: emulator.users.admin.username, password: 'wrong'},
      ),
    ).rejects.toThrow('the login form came back');
  });

  it('B3-15 listens on 127.0.0.1 only', async () => {
    expect(new URL(emulator.issuer).hostname).toBe('127.0.0.1');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    // A machine with no other interface can't reach the emulator any other way; nothing more to check.
    if (!external) return;
    await expect(fetch(`http://${external.address}:${String(emulator.port)}/`)).rejects.toThrow();
  });
});

describe('B3-04 a code issued without a challenge', () => {
  it('refuses a token request that carries a code_verifier', async () => {
    const lax = await createEmulator({port: 0, pkceRequired: false});
    try {
      const {ClientId} = lax.createConnection({
        ExternalIdentifier: '00D7z000000AbCdEAG',
        type: 'UItoAPI',
        ClientName: 'No PKCE fixture',
        RedirectURI: [REDIRECT],
        AllowedScopes: ['openid'],
      });
      const walk = await signInThroughLoginForm(
        authorizationUrl(lax.issuer, {clientId: ClientId, redirectUri: REDIRECT, scope: 'openid'}),
        lax.users.admin,
      );
      const code = walk.callback.searchParams.get('code');
      expect(code).toBeTruthy();
      const result = await tokenRequest(lax.issuer, {
        grant_type: 'authorization_code',
        code: code!,
        redirect_uri: REDIRECT,
        client_id: ClientId,
        code_verifier: pkcePair().verifier,
      });
      expect(result.body.error).toBe('invalid_grant');
    } finally {
      await lax.close();
    }
  });
});
