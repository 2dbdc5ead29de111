/**
 * `@conga-connections/auth` against a real emulator over HTTP: the session signs in through the emulator's login and
 * consent pages (walked by a cookie-jar client instead of a browser), renews, rotates, serves concurrent callers with
 * one refresh, and ends the provider session on sign-out.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createApiClient} from '@conga-connections/api-client';
import {BrowserAuthSession, createMemoryStorage, type AuthLauncher} from '@conga-connections/auth';
import {createEmulator, type Emulator} from '@conga-connections/emulator';
import {CookieJar, signInThroughLoginForm, tokenRequest, type LoginWalk} from '../support/emulator.js';

const ORIGIN = 'https://admin.example.test';
const REDIRECT_URI = `${ORIGIN}/portal/`;
const EXTERNAL_IDENTIFIER = 'AUTHINTEGRATION001';
const SCOPE = 'openid profile email offline_access api.user-management';
/** Short access tokens, so a few minutes on the session's clock reach the refresh margin. */
const ACCESS_TOKEN_SECONDS = 300;

let emulator: Emulator;
let clientId = '';

beforeAll(async () => {
  emulator = await createEmulator({port: 0, testHooks: true, ttl: {AccessToken: ACCESS_TOKEN_SECONDS}});
  emulator.addIntegration(EXTERNAL_IDENTIFIER, 'auth package tests');
  clientId = emulator.createConnection({
    ExternalIdentifier: EXTERNAL_IDENTIFIER,
    type: 'UItoAPI',
    ClientName: 'Auth package tests',
    RedirectURI: [REDIRECT_URI],
    CorsOrigins: [ORIGIN],
    AllowedScopes: SCOPE.split(' '),
  }).ClientId;
});
afterAll(() => emulator.close());

/**
 * Opens the end-session URL as the browser would, confirms the emulator's "Sign out" page, and returns where the
 * provider sent the browser back.
 */
async function endSessionThroughPage(url: string, jar: CookieJar): Promise<string> {
  let response = await fetch(url, {redirect: 'manual', headers: {cookie: jar.header()}});
  jar.store(response);
  const html = await response.text();
  const action = /<form[^>]*id="op\.logoutForm"[^>]*action="([^"]+)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no logout form (HTTP ${String(response.status)})`);
  const confirm = new URLSearchParams({logout: 'yes'});
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) {
    confirm.set(name ?? '', value ?? '');
  }
  response = await fetch(new URL(action.replaceAll('&amp;', '&'), url), {
    method: 'POST',
    redirect: 'manual',
    headers: {cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded'},
    body: confirm,
  });
  jar.store(response);
  const location = response.headers.get('location');
  if (location === null) throw new Error(`sign-out was not confirmed (HTTP ${String(response.status)})`);
  return new URL(location, url).href;
}

/** A launcher for Node: instead of a browser, the login form is walked over HTTP with `jar` as the cookie store. */
function httpLauncher(jar: CookieJar, walks: LoginWalk[]): AuthLauncher {
  return {
    async launch(url) {
      const target = await url;
      if (target === undefined) return undefined;
      if (new URL(target).pathname.endsWith('/connect/endsession')) return endSessionThroughPage(target, jar);
      const walk = await signInThroughLoginForm(target, emulator.users.admin, {jar});
      walks.push(walk);
      return walk.callback.href;
    },
  };
}

interface Harness {
  session: BrowserAuthSession;
  jar: CookieJar;
  walks: LoginWalk[];
  /** The refresh tokens the session sent, in order, read from its own requests. */
  refreshTokensSent: string[];
  /** Moves the session's clock forward (the provider keeps real time). */
  advance: (seconds: number) => void;
}

function harness(jar = new CookieJar()): Harness {
  let offset = 0;
  const walks: LoginWalk[] = [];
  const refreshTokensSent: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    if (init?.body instanceof URLSearchParams && init.body.get('grant_type') === 'refresh_token') {
      refreshTokensSent.push(init.body.get('refresh_token') ?? '');
    }
    return fetch(input, init);
  };
  const launcher = httpLauncher(jar, walks);
  const session = new BrowserAuthSession({
    issuer: emulator.issuer,
    clientId,
    redirectUri: REDIRECT_URI,
    fetch: recordingFetch,
    now: () => Date.now() + offset,
    transactionStore: createMemoryStorage(),
    launcher,
    silentLauncher: launcher,
  });
  return {session, jar, walks, refreshTokensSent, advance: (seconds) => (offset += seconds * 1000)};
}

function tokenPosts(): number {
  return emulator
    .requestLog()
    .filter(
      (request) => request.method === 'POST' && request.path === new URL(`${emulator.issuer}/connect/token`).pathname,
    ).length;
}

async function userInfo(token: string): Promise<{status: number; userName: unknown}> {
  const response = await fetch(`${emulator.apiBaseUrl}/api/user-management/v1/user/info`, {
    headers: {authorization: `Bearer ${token}`},
  });
  const body = (await response.json()) as {Data?: {UserName?: unknown}};
  return {status: response.status, userName: body.Data?.UserName};
}

describe('BrowserAuthSession against the emulator', () => {
  it('signs in through the login form with PKCE and the token reads user/info', async () => {
    const {session, walks} = harness();
    await session.signIn();
    expect(walks).toHaveLength(1);
    expect(walks[0]).toMatchObject({loginForms: 1, consentPages: 1});
    // Signed in as soon as the tokens are in (the first API call needn't wait for userinfo, issue 18)…
    expect(session.state).toMatchObject({status: 'signed-in', user: {sub: emulator.users.admin.id}});
    // …and the ID token names only the user: the name and e-mail follow from the userinfo endpoint.
    const named = new Promise<void>((resolve) => {
      const check = () => {
        if (session.state.status === 'signed-in' && session.state.user.name !== undefined) resolve();
      };
      session.subscribe(check);
      check();
    });
    await named;
    expect(session.state).toMatchObject({
      status: 'signed-in',
      user: {sub: emulator.users.admin.id, name: 'Ada Admin', email: emulator.users.admin.username},
      scopes: expect.arrayContaining(['openid', 'api.user-management']) as string[],
    });
    const token = await session.getAccessToken();
    await expect(userInfo(token)).resolves.toEqual({status: 200, userName: emulator.users.admin.username});
  });

  it('C1-03 renews inside the refresh margin, before any request meets a 401', async () => {
    const {session, advance} = harness();
    await session.signIn();
    const first = await session.getAccessToken();
    advance(ACCESS_TOKEN_SECONDS - 30);
    emulator.clearRequestLog();
    const renewed = await session.getAccessToken();
    expect(renewed).not.toBe(first);
    expect(tokenPosts()).toBe(1);
    await expect(userInfo(renewed)).resolves.toMatchObject({status: 200});
    expect(emulator.requestLog().filter((request) => request.status === 401)).toHaveLength(0);
  });

  it('rotates the refresh token: each renewal sends the newest one, and the provider refuses the old one', async () => {
    const {session, advance, refreshTokensSent} = harness();
    await session.signIn();
    advance(ACCESS_TOKEN_SECONDS);
    await session.getAccessToken();
    advance(ACCESS_TOKEN_SECONDS);
    await session.getAccessToken();
    expect(refreshTokensSent).toHaveLength(2);
    expect(refreshTokensSent[1]).not.toBe(refreshTokensSent[0]);
    const reuse = await tokenRequest(emulator.issuer, {
      grant_type: 'refresh_token',
      refresh_token: refreshTokensSent[0] ?? '',
      client_id: clientId,
    });
    expect(reuse).toMatchObject({status: 400, body: {error: 'invalid_grant'}});
  });

  it('C1-02 signs out with renewal-failed once the refresh token is revoked (reuse detected, B3-10)', async () => {
    const {session, advance, refreshTokensSent} = harness();
    await session.signIn();
    advance(ACCESS_TOKEN_SECONDS);
    await session.getAccessToken();
    // Someone replays the spent refresh token: the provider revokes the whole family, the session's one too.
    await tokenRequest(emulator.issuer, {
      grant_type: 'refresh_token',
      refresh_token: refreshTokensSent[0] ?? '',
      client_id: clientId,
    });
    advance(ACCESS_TOKEN_SECONDS);
    await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_RENEWAL_FAILED'});
    expect(session.state).toEqual({status: 'signed-out', reason: 'renewal-failed'});
  });

  it('C1-04 five concurrent forced renewals with the same rejected token make exactly one token request', async () => {
    const {session} = harness();
    await session.signIn();
    const rejected = await session.getAccessToken();
    emulator.clearRequestLog();
    const tokens = await Promise.all(
      [1, 2, 3, 4, 5].map(() => session.getAccessToken({forceRefresh: true, rejectedToken: rejected})),
    );
    expect(tokenPosts()).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    await expect(userInfo(tokens[0] ?? '')).resolves.toMatchObject({status: 200});
  });

  it('C1-04 five parallel calls with an expired token make exactly one token request', async () => {
    const {session, advance} = harness();
    await session.signIn();
    advance(ACCESS_TOKEN_SECONDS + 1);
    emulator.clearRequestLog();
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => session.getAccessToken()));
    expect(tokenPosts()).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('C1-01/C1-04 five API calls that meet 401 renew once through the api-client and are each replayed once', async () => {
    const {session} = harness();
    await session.signIn();
    const api = createApiClient({
      baseUrl: emulator.apiBaseUrl,
      getAccessToken: (options) => session.getAccessToken(options),
    });
    await api.user.info(); // a first call with the current token
    emulator.faults.add({method: 'GET', path: '/api/user-management/v1/user/info', status: 401, times: 5});
    emulator.clearRequestLog();
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => api.user.info()));
    expect(users.map((user) => user.UserName)).toEqual(Array(5).fill(emulator.users.admin.username));
    expect(tokenPosts()).toBe(1);
    const calls = emulator.requestLog().filter((request) => request.path.endsWith('/user/info'));
    expect(calls.map((request) => request.status).sort()).toEqual([200, 200, 200, 200, 200, 401, 401, 401, 401, 401]);
  });

  it('signs in again without the password while the provider session lives (silent, prompt=none)', async () => {
    const first = harness();
    await first.session.signIn();
    const reload = harness(first.jar);
    await expect(reload.session.trySilentSignIn()).resolves.toBe(true);
    expect(reload.walks[0]).toMatchObject({loginForms: 0});
    expect(reload.session.state.status).toBe('signed-in');
  });

  it('C1-08 sign-out ends the provider session: the next authorization request shows the login form again', async () => {
    const first = harness();
    await first.session.signIn();
    const before = await first.session.getAccessToken();
    await first.session.signOut();
    expect(first.session.state).toEqual({status: 'signed-out', reason: 'signed-out'});
    await expect(first.session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
    // The same browser (cookie jar): a silent attempt fails, and an interactive one asks for the password.
    const next = harness(first.jar);
    await expect(next.session.trySilentSignIn()).resolves.toBe(false);
    await next.session.signIn();
    expect(next.walks.at(-1)).toMatchObject({loginForms: 1});
    // The grant was revoked with the session: the old access token no longer works.
    await expect(userInfo(before)).resolves.toMatchObject({status: 401});
  });
});
