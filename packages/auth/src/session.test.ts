import {describe, expect, it, vi} from 'vitest';
import {AuthError} from './errors.js';
import {createBrowserPage, POPUP_NAME} from './launchers/redirect.js';
import {BrowserAuthSession, type AuthLauncher, type AuthPage, type BrowserAuthSessionOptions} from './session.js';
import type {AuthState} from './state.js';
import {createFakeOpenIdProvider} from './testing.js';
import {createMemoryStorage} from './transaction-store.js';

const ORIGIN = 'https://app.example.test';
const REDIRECT_URI = `${ORIGIN}/admin/`;
const T0 = 1_760_000_000_000;
const HOUR = 3_600_000;

interface Setup {
  session: BrowserAuthSession;
  provider: ReturnType<typeof createFakeOpenIdProvider>;
  storage: ReturnType<typeof createMemoryStorage>;
  /** Every navigation a launcher was asked to perform. */
  navigations: string[];
  states: AuthState[];
  advance: (ms: number) => void;
}

/** A launcher that plays the user at the fake provider, the way a popup would bring the answer back. */
function providerLauncher(
  provider: ReturnType<typeof createFakeOpenIdProvider>,
  navigations: string[],
  answer: (url: string) => Promise<string | undefined> = (url) => provider.authorize(url),
): AuthLauncher {
  return {
    async launch(navigation) {
      const target = await navigation;
      if (target === undefined) return undefined;
      navigations.push(target);
      // After sign-out, the provider sends the browser back with the state.
      if (target.includes('/connect/endsession')) {
        return `${REDIRECT_URI}?state=${new URL(target).searchParams.get('state') ?? ''}`;
      }
      return answer(target);
    },
  };
}

function setup(options: Partial<BrowserAuthSessionOptions> = {}): Setup {
  let time = T0;
  const now = () => time;
  const provider = createFakeOpenIdProvider({now});
  const storage = createMemoryStorage();
  const navigations: string[] = [];
  const session = new BrowserAuthSession({
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri: REDIRECT_URI,
    fetch: provider.fetch,
    now,
    transactionStore: storage,
    launcher: providerLauncher(provider, navigations),
    silentLauncher: providerLauncher(provider, navigations),
    redirectLauncher: providerLauncher(provider, navigations),
    ...options,
  });
  const states: AuthState[] = [];
  session.subscribe((state) => states.push(state));
  return {session, provider, storage, navigations, states, advance: (ms) => (time += ms)};
}

async function signedIn(options: Partial<BrowserAuthSessionOptions> = {}): Promise<Setup & {token: string}> {
  const context = setup(options);
  await context.session.signIn();
  const token = await context.session.getAccessToken();
  return {...context, token};
}

/** A session on another page load of the same tab: a new object over the same sessionStorage. */
function nextPage(context: Setup, options: Partial<BrowserAuthSessionOptions>): BrowserAuthSession {
  return new BrowserAuthSession({
    issuer: context.provider.issuer,
    clientId: context.provider.clientId,
    redirectUri: REDIRECT_URI,
    fetch: context.provider.fetch,
    now: () => T0,
    transactionStore: context.storage,
    ...options,
  });
}

/** A page whose address bar and relay record what happens to them, in the same log as the provider's requests. */
function recordingPage(href: string, log: string[], relay = false): AuthPage & {href: string} {
  return {
    href,
    replace(url) {
      log.push(`replace ${url}`);
      this.href = url;
    },
    relay(url) {
      log.push(`relay ${url}`);
      return relay;
    },
  };
}

/**
 * A browser window at `href` for {@link createBrowserPage}, opened by a window of this origin (`same`) or of another
 * one (`other`, whose location throws on reading as a browser's does); records what is posted to the opener.
 */
function openedWindow(href: string, options: {opener: 'same' | 'other'; name?: string}) {
  const posted: unknown[] = [];
  const location = {origin: ORIGIN, href};
  const opener = {
    get location(): {origin: string} {
      if (options.opener === 'other') throw new DOMException('Blocked a frame.', 'SecurityError');
      return {origin: ORIGIN};
    },
    postMessage(message: unknown) {
      posted.push(message);
    },
  };
  const self: Record<string, unknown> = {
    location,
    name: options.name ?? '',
    opener,
    history: {
      state: null,
      replaceState(_state: unknown, _title: string, url: string) {
        location.href = new URL(url, location.href).href;
      },
    },
  };
  self.parent = self;
  return {window: self as unknown as Window, posted, location};
}

/** A launcher that sends the whole page away, as the redirect launcher does: it records where and resolves nothing. */
function leavingLauncher(navigations: string[]): AuthLauncher {
  return {
    kind: 'redirect',
    async launch(navigation) {
      navigations.push((await navigation) ?? '');
      return undefined;
    },
  };
}

describe('BrowserAuthSession', () => {
  describe('renewal failures first', () => {
    it('C1-02 signs out with reason renewal-failed and rejects with AUTH_RENEWAL_FAILED when the refresh token is refused', async () => {
      const {session, provider, advance, token} = await signedIn();
      provider.failNextTokenRequest(400, {error: 'invalid_grant'});
      advance(HOUR);
      await expect(session.getAccessToken()).rejects.toMatchObject({
        code: 'AUTH_RENEWAL_FAILED',
        message: 'Your session expired. Sign in again to continue — your changes are kept.',
      });
      expect(session.state).toEqual({status: 'signed-out', reason: 'renewal-failed'});
      // Signed out: later calls fail at once, without a request.
      const before = provider.requests.length;
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
      expect(provider.requests).toHaveLength(before);
      // The caller keeps its work, signs in again and resumes with a new token.
      await session.signIn();
      const resumed = await session.getAccessToken();
      expect(resumed).not.toBe(token);
      expect(session.state.status).toBe('signed-in');
    });

    it('C1-02 rejects every waiting caller when the shared renewal fails', async () => {
      const {session, provider, advance} = await signedIn();
      provider.failNextTokenRequest(400, {error: 'invalid_grant'});
      advance(HOUR);
      const results = await Promise.allSettled([1, 2, 3].map(() => session.getAccessToken()));
      expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const result of results) {
        expect((result as PromiseRejectedResult).reason).toMatchObject({code: 'AUTH_RENEWAL_FAILED'});
      }
      expect(provider.tokenRequests()).toHaveLength(2); // the code grant and one refresh
    });

    it('C1-05 does not loop: a token that a forced renewal just produced and that is rejected again signs out', async () => {
      const {session, provider, token} = await signedIn();
      const renewed = await session.getAccessToken({forceRefresh: true, rejectedToken: token});
      expect(renewed).not.toBe(token);
      expect(provider.tokenRequests()).toHaveLength(2);
      await expect(session.getAccessToken({forceRefresh: true, rejectedToken: renewed})).rejects.toMatchObject({
        code: 'AUTH_RENEWAL_FAILED',
      });
      expect(provider.tokenRequests()).toHaveLength(2);
      expect(session.state).toEqual({status: 'signed-out', reason: 'renewal-failed'});
    });

    it('C1-05 still renews a forced-renewed token that is rejected much later', async () => {
      const {session, provider, token, advance} = await signedIn();
      const renewed = await session.getAccessToken({forceRefresh: true, rejectedToken: token});
      advance(10 * 60_000);
      await expect(session.getAccessToken({forceRefresh: true, rejectedToken: renewed})).resolves.not.toBe(renewed);
      expect(provider.tokenRequests()).toHaveLength(3);
    });

    it('C3-01 keeps the session when the sign-in service is unreachable during a renewal', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR);
      provider.offline = true;
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_NETWORK_ERROR'});
      expect(session.state.status).toBe('signed-in');
      provider.offline = false;
      await expect(session.getAccessToken()).resolves.toMatch(/^access-/);
    });

    it('keeps the session when the token endpoint answers 503 during a renewal', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR);
      provider.failNextTokenRequest(503, {error: 'temporarily_unavailable'});
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_NETWORK_ERROR'});
      expect(session.state.status).toBe('signed-in');
    });

    it('drops a renewal that finishes after sign-out', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR);
      const release = provider.holdTokenRequests();
      const pending = session.getAccessToken();
      await session.signOut();
      release();
      await expect(pending).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
      expect(session.state).toEqual({status: 'signed-out', reason: 'signed-out'});
    });

    it('signs out with reason expired when the token expires and there is no refresh token', async () => {
      const {session, provider, advance} = await signedIn({scope: 'openid api.user-management'});
      provider.rewriteTokens(undefined);
      advance(HOUR - 30_000);
      await expect(session.getAccessToken()).resolves.toMatch(/^access-/); // inside the margin, still valid
      advance(30_000);
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_RENEWAL_FAILED'});
      expect(session.state).toEqual({status: 'signed-out', reason: 'expired'});
    });
  });

  describe('renewal', () => {
    it('C1-03 renews before the request once the token is inside the refresh margin', async () => {
      const {session, provider, advance, token} = await signedIn();
      advance(HOUR - 61_000);
      await expect(session.getAccessToken()).resolves.toBe(token);
      expect(provider.tokenRequests()).toHaveLength(1);
      advance(2_000);
      const renewed = await session.getAccessToken();
      expect(renewed).not.toBe(token);
      expect(provider.tokenRequests()).toHaveLength(2);
      expect(provider.tokenRequests()[1]?.body.get('grant_type')).toBe('refresh_token');
    });

    it('C1-03 honours a configured refresh margin', async () => {
      const {session, provider, advance} = await signedIn({refreshMarginSeconds: 300});
      advance(HOUR - 299_000);
      await session.getAccessToken();
      expect(provider.tokenRequests()).toHaveLength(2);
    });

    it('renews with the rotated refresh token each time', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR);
      await session.getAccessToken();
      advance(HOUR);
      await session.getAccessToken();
      const sent = provider
        .tokenRequests()
        .slice(1)
        .map((request) => request.body.get('refresh_token'));
      expect(sent).toHaveLength(2);
      expect(sent[1]).not.toBe(sent[0]);
      expect(provider.validRefreshTokens()).not.toContain(sent[0]);
    });

    it('C1-04 makes exactly one refresh request for five parallel 401s with the same rejected token', async () => {
      const {session, provider, token} = await signedIn();
      const tokens = await Promise.all(
        [1, 2, 3, 4, 5].map(() => session.getAccessToken({forceRefresh: true, rejectedToken: token})),
      );
      expect(provider.tokenRequests()).toHaveLength(2);
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).not.toBe(token);
      expect(session.state.status).toBe('signed-in');
    });

    it('C1-04 returns the current token without renewing when a late 401 names a token already replaced', async () => {
      const {session, provider, token} = await signedIn();
      const renewed = await session.getAccessToken({forceRefresh: true, rejectedToken: token});
      await expect(session.getAccessToken({forceRefresh: true, rejectedToken: token})).resolves.toBe(renewed);
      expect(provider.tokenRequests()).toHaveLength(2);
    });

    it('C1-04 makes exactly one refresh request for five parallel calls with an expired token', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR + 1);
      const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => session.getAccessToken()));
      expect(
        provider.tokenRequests().filter((request) => request.body.get('grant_type') === 'refresh_token'),
      ).toHaveLength(1);
      expect(new Set(tokens).size).toBe(1);
    });

    it('B6-06 serves three consumers of one session near expiry with a single renewal', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR - 10_000);
      const consumers = [session, session, session];
      const release = provider.holdTokenRequests();
      const pending = consumers.map((consumer) => consumer.getAccessToken());
      release();
      const tokens = await Promise.all(pending);
      expect(new Set(tokens).size).toBe(1);
      expect(provider.tokenRequests()).toHaveLength(2);
    });

    it('lets one caller stop waiting while the shared renewal goes on for the others', async () => {
      const {session, provider, advance} = await signedIn();
      advance(HOUR);
      const release = provider.holdTokenRequests();
      const controller = new AbortController();
      const impatient = session.getAccessToken({signal: controller.signal});
      const patient = session.getAccessToken();
      controller.abort();
      await expect(impatient).rejects.toMatchObject({name: 'AbortError'});
      release();
      await expect(patient).resolves.toMatch(/^access-/);
      expect(provider.tokenRequests()).toHaveLength(2);
    });

    it('rejects with AUTH_SIGNED_OUT before sign-in, without any request', async () => {
      const {session, provider} = setup();
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
      expect(provider.requests).toHaveLength(0);
    });
  });

  describe('sign-in', () => {
    it('moves through signing-in to signed-in with the user from the ID token', async () => {
      const {session, states} = setup();
      await session.signIn();
      expect(states.map((state) => state.status)).toEqual(['signing-in', 'signed-in']);
      expect(session.state).toEqual({
        status: 'signed-in',
        user: {sub: 'user-1', name: 'Test Admin', email: 'admin@example.test'},
        expiresAt: T0 + HOUR,
        scopes: ['openid', 'profile', 'email', 'offline_access', 'api.user-management'],
      });
      expect(Object.isFrozen(session.state)).toBe(true);
    });

    it('B6-01 keeps the tokens out of the state, the enumerable properties and any serialisation', async () => {
      const {session, token, provider} = await signedIn();
      const refreshToken = provider.validRefreshTokens()[0] ?? '';
      const visible = JSON.stringify({state: session.state, own: Object.entries(session), keys: Object.keys(session)});
      expect(visible).not.toContain(token);
      expect(visible).not.toContain(refreshToken);
      expect(Object.getOwnPropertyNames(session)).toEqual([]);
    });

    it('B2-12 starts in an error state for a plain-http issuer away from loopback and sends nothing', async () => {
      const provider = createFakeOpenIdProvider({issuer: 'http://login.example.test/api/v1/auth'});
      const session = new BrowserAuthSession({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        fetch: provider.fetch,
        transactionStore: createMemoryStorage(),
        launcher: providerLauncher(provider, []),
      });
      expect(session.state).toMatchObject({status: 'error', error: {code: 'AUTH_INSECURE_ISSUER'}});
      await expect(session.signIn()).rejects.toMatchObject({code: 'AUTH_INSECURE_ISSUER'});
      expect(provider.requests).toHaveLength(0);
    });

    it('B2-03 reports a configuration mismatch and opens nothing', async () => {
      const {session, provider, navigations} = setup();
      provider.metadata.issuer = 'https://login.evil.example/api/v1/auth';
      await expect(session.signIn()).rejects.toMatchObject({code: 'AUTH_CONFIGURATION_MISMATCH'});
      expect(navigations).toHaveLength(0);
      expect(session.state).toMatchObject({
        status: 'error',
        error: {code: 'AUTH_CONFIGURATION_MISMATCH', message: 'Sign-in service configuration mismatch.'},
      });
    });

    it('B2-06 creates no session when the token request fails', async () => {
      const {session, provider} = setup();
      provider.failNextTokenRequest(400, {error: 'invalid_grant'});
      await expect(session.signIn()).rejects.toMatchObject({code: 'AUTH_TOKEN_REQUEST_FAILED'});
      expect(session.state).toMatchObject({status: 'error', error: {code: 'AUTH_TOKEN_REQUEST_FAILED'}});
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
    });

    it('reports a closed popup as AUTH_POPUP_CLOSED and forgets the attempt', async () => {
      const {session, storage} = setup({
        launcher: {
          async launch(navigation) {
            await navigation;
            throw new AuthError('AUTH_POPUP_CLOSED');
          },
        },
      });
      await expect(session.signIn()).rejects.toMatchObject({code: 'AUTH_POPUP_CLOSED'});
      expect(session.state).toMatchObject({status: 'error', error: {code: 'AUTH_POPUP_CLOSED'}});
      await Promise.resolve();
      expect(storage.length).toBe(0);
    });

    it('falls back to a full-page redirect after AUTH_POPUP_BLOCKED when asked to', async () => {
      const redirected: string[] = [];
      const {session} = setup({
        loginMode: 'popup',
        launcher: {
          launch: (navigation) => {
            navigation.catch(() => undefined);
            return Promise.reject(new AuthError('AUTH_POPUP_BLOCKED'));
          },
        },
        redirectLauncher: {
          async launch(navigation) {
            redirected.push((await navigation) ?? '');
            return undefined;
          },
        },
      });
      await expect(session.signIn()).rejects.toMatchObject({
        code: 'AUTH_POPUP_BLOCKED',
        message: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.',
      });
      await session.signIn({loginMode: 'redirect', returnTo: '/admin/org'});
      expect(redirected).toHaveLength(1);
      expect(session.state.status).toBe('signing-in');
    });

    it('calls the launcher synchronously, so a popup opens within the click', () => {
      let launched = false;
      const {session} = setup({
        launcher: {
          launch(navigation) {
            launched = true;
            return navigation.then(() => undefined);
          },
        },
      });
      void session.signIn();
      expect(launched).toBe(true);
    });

    it('shares one sign-in between two clicks', async () => {
      const {session, navigations} = setup();
      await Promise.all([session.signIn(), session.signIn()]);
      expect(navigations).toHaveLength(1);
    });
  });

  describe('redirect callback', () => {
    it('B2-08 removes code, state and iss from the address bar before anything else, then restores the page', async () => {
      const log: string[] = [];
      const context = setup();
      const {provider, navigations} = context;
      const recordingFetch: typeof fetch = (input, init) => {
        log.push(`fetch ${typeof input === 'string' ? input : input instanceof URL ? input.href : input.url}`);
        return provider.fetch(input, init);
      };
      const first = nextPage(context, {
        fetch: recordingFetch,
        launcher: {
          async launch(navigation) {
            navigations.push((await navigation)!);
            return undefined; // the page leaves
          },
        },
      });
      await first.signIn({returnTo: '/admin/org?tab=connections#list'});
      const callback = await provider.authorize(navigations[0] ?? '', {extra: {session_state: 'abc'}});
      log.length = 0;
      // The next page load: a new session object, the same sessionStorage.
      const page = recordingPage(callback, log);
      const second = nextPage(context, {
        fetch: recordingFetch,
        page,
      });
      await expect(second.handleRedirectCallback()).resolves.toBe(true);
      expect(log[0]).toBe(`replace ${REDIRECT_URI}`);
      expect(log[1]).toBe(`relay ${callback}`);
      expect(log.slice(2).some((entry) => entry.startsWith('fetch') && entry.endsWith('/connect/token'))).toBe(true);
      expect(log.at(-1)).toBe('replace /admin/org?tab=connections#list');
      expect(second.state.status).toBe('signed-in');
      for (const entry of log.filter((line) => line.startsWith('replace'))) {
        expect(entry).not.toMatch(/code=|state=|iss=|session_state=/);
      }
    });

    it.each([
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      '/%2F%2Fevil.example',
      '\t//evil.example',
      'javascript:x',
    ])('B2-09 ignores the return-to %j and lands on the default view', async (returnTo) => {
      const log: string[] = [];
      const context = setup();
      const {provider} = context;
      let authorizationUrl = '';
      const first = nextPage(context, {
        launcher: {
          async launch(navigation) {
            authorizationUrl = (await navigation) ?? '';
            return undefined;
          },
        },
      });
      await first.signIn({returnTo});
      const page = recordingPage(await provider.authorize(authorizationUrl), log);
      const second = nextPage(context, {
        page,
      });
      await second.handleRedirectCallback();
      expect(second.state.status).toBe('signed-in');
      expect(page.href).toBe(REDIRECT_URI);
      expect(log.filter((entry) => entry.startsWith('replace'))).toEqual([`replace ${REDIRECT_URI}`]);
    });

    it('B2-02 rejects a replayed callback with the verification message, after cleaning the address bar', async () => {
      const log: string[] = [];
      const context = setup();
      const {session, provider, navigations} = context;
      await session.signIn();
      const used = await provider.authorize(navigations[0] ?? '');
      // the code grant above used the state already; the same answer arrives again
      const page = recordingPage(used, log);
      const replay = nextPage(context, {
        page,
      });
      const before = provider.tokenRequests().length;
      await expect(replay.handleRedirectCallback()).rejects.toMatchObject({code: 'AUTH_STATE_MISMATCH'});
      expect(replay.state).toMatchObject({
        status: 'error',
        error: {message: "Sign-in couldn't be verified. Please try again."},
      });
      expect(log[0]).toBe(`replace ${REDIRECT_URI}`);
      expect(provider.tokenRequests()).toHaveLength(before);
    });

    it('relays the answer to the opener when the page is a sign-in popup, and redeems nothing itself', async () => {
      const log: string[] = [];
      const context = setup();
      const {provider} = context;
      const callback = `${REDIRECT_URI}?code=c&state=s&iss=${encodeURIComponent(provider.issuer)}`;
      const popupPage = nextPage(context, {
        page: recordingPage(callback, log, true),
      });
      await expect(popupPage.handleRedirectCallback()).resolves.toBe(true);
      expect(log).toEqual([`replace ${REDIRECT_URI}`, `relay ${callback}`]);
      expect(provider.requests).toHaveLength(0);
    });

    it.each<[string, {opener: 'same' | 'other'; name?: string}]>([
      ["another origin's page", {opener: 'other'}],
      ['a page of this origin', {opener: 'same'}],
      ['a page of this origin, under the popup name', {opener: 'same', name: POPUP_NAME}],
    ])(
      'redeems a redirect sign-in in place in a window that %s opened, and posts nothing to the opener',
      async (_name, options) => {
        const context = setup();
        const {provider, navigations} = context;
        await nextPage(context, {launcher: leavingLauncher(navigations)}).signIn({returnTo: '/admin/?tab=x'});
        const callback = await provider.authorize(navigations[0] ?? '');
        const {window, posted, location} = openedWindow(callback, options);
        const back = nextPage(context, {page: createBrowserPage(window)});
        await expect(back.handleRedirectCallback()).resolves.toBe(true);
        expect(posted).toEqual([]);
        expect(back.state.status).toBe('signed-in');
        expect(provider.tokenRequests()).toHaveLength(1);
        expect(location.href).toBe(`${ORIGIN}/admin/?tab=x`);
      },
    );

    it('relays from the sign-in popup, whose own store was copied before the attempt began, to its opener', async () => {
      const context = setup();
      const {provider, navigations} = context;
      const opener = nextPage(context, {
        launcher: {
          kind: 'popup',
          async launch(navigation) {
            navigations.push((await navigation) ?? '');
            return new Promise(() => undefined); // the popup is still open
          },
        },
      });
      void opener.signIn();
      await vi.waitFor(() => {
        expect(navigations).toHaveLength(1);
      });
      const callback = await provider.authorize(navigations[0] ?? '');
      const {window, posted} = openedWindow(callback, {opener: 'same', name: POPUP_NAME});
      // The popup's sessionStorage is its own copy, taken when it opened: it does not know the attempt.
      const popup = new BrowserAuthSession({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        fetch: provider.fetch,
        transactionStore: createMemoryStorage(),
        page: createBrowserPage(window),
      });
      await expect(popup.handleRedirectCallback()).resolves.toBe(true);
      expect(posted).toEqual([{type: 'conga:auth-response', url: callback}]);
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('tells the page how the attempt it holds the answer to was launched', async () => {
      const context = setup();
      const {provider, navigations} = context;
      await nextPage(context, {launcher: leavingLauncher(navigations)}).signIn();
      // A silent attempt whose frame is still loading: its transaction is in the store, as the frame's page sees it.
      let framed: (url: string) => void = () => undefined;
      const frameNavigation = new Promise<string>((resolve) => {
        framed = resolve;
      });
      void nextPage(context, {
        silentLauncher: {
          kind: 'frame',
          launch: (navigation) => {
            void navigation.then((url) => {
              framed(url ?? '');
            });
            return new Promise(() => undefined);
          },
        },
      }).trySilentSignIn();
      navigations.push(await frameNavigation);
      const relayed: unknown[] = [];
      const answers = await Promise.all(
        navigations.map((navigation) => provider.authorize(navigation, {error: 'login_required'})),
      );
      for (const callback of [...answers, `${REDIRECT_URI}?state=unknown&error=login_required`]) {
        const page: AuthPage = {
          href: callback,
          replace: () => undefined,
          relay(_url, startedBy) {
            relayed.push(startedBy);
            return true;
          },
        };
        await nextPage(context, {page}).handleRedirectCallback();
      }
      expect(relayed).toEqual(['redirect', 'frame', undefined]);
    });

    it('ignores a page that is not an answer at the redirect URI', async () => {
      const log: string[] = [];
      const context = setup();
      for (const href of [`${ORIGIN}/admin/`, `${ORIGIN}/other?code=x&state=y`]) {
        const session = nextPage(context, {
          page: recordingPage(href, log),
        });
        await expect(session.handleRedirectCallback()).resolves.toBe(false);
      }
      expect(log).toEqual([]);
      expect(context.provider.requests).toHaveLength(0);
    });

    it('treats the return from the end-session endpoint (state only) as nothing to redeem', async () => {
      const log: string[] = [];
      const context = setup();
      const {provider} = context;
      const session = nextPage(context, {
        page: recordingPage(`${REDIRECT_URI}?state=logout-state`, log),
      });
      await expect(session.handleRedirectCallback()).resolves.toBe(true);
      expect(session.state).toEqual({status: 'signed-out'});
      expect(log).toEqual([`replace ${REDIRECT_URI}`, `relay ${REDIRECT_URI}?state=logout-state`]);
      expect(provider.requests).toHaveLength(0);
    });
  });

  describe('silent sign-in', () => {
    it('signs in without interaction while the provider session lives (prompt=none)', async () => {
      const {session, navigations} = setup();
      await expect(session.trySilentSignIn()).resolves.toBe(true);
      expect(new URL(navigations[0] ?? '').searchParams.get('prompt')).toBe('none');
      expect(session.state.status).toBe('signed-in');
    });

    it('resolves false on login_required and stays signed out, with no token request', async () => {
      const {provider, navigations} = setup();
      const {session} = setup({
        fetch: provider.fetch,
        issuer: provider.issuer,
        silentLauncher: providerLauncher(provider, navigations, (url) =>
          provider.authorize(url, {error: 'login_required'}),
        ),
      });
      await expect(session.trySilentSignIn()).resolves.toBe(false);
      expect(session.state).toEqual({status: 'signed-out'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('C3-04 reports an unreachable sign-in service through the state, with the issuer', async () => {
      const {session, provider} = setup();
      provider.offline = true;
      await expect(session.trySilentSignIn()).resolves.toBe(false);
      expect(session.state).toMatchObject({
        status: 'error',
        error: {code: 'AUTH_DISCOVERY_FAILED', message: `Can't reach the sign-in service at ${provider.issuer}.`},
      });
    });
  });

  describe('sign-out', () => {
    it('C1-08 clears the tokens and ends the provider session at the end-session endpoint, with no token in the URL', async () => {
      const {session, provider, navigations, token} = await signedIn();
      await session.signOut();
      expect(session.state).toEqual({status: 'signed-out', reason: 'signed-out'});
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
      const endSession = new URL(navigations.at(-1) ?? '');
      expect(endSession.origin + endSession.pathname).toBe(`${provider.issuer}/connect/endsession`);
      expect(Object.fromEntries(endSession.searchParams)).toEqual({
        client_id: provider.clientId,
        post_logout_redirect_uri: REDIRECT_URI,
        state: expect.stringMatching(/^[\w-]{20,}$/) as string,
      });
      // The access and refresh tokens are in no URL (B2-08).
      for (const navigation of navigations) expect(navigation).not.toMatch(/access-|refresh-/);
      expect(token).toMatch(/^access-/);
    });

    it('C1-08 sends the configured post-logout redirect URI', async () => {
      const {session, navigations} = await signedIn({postLogoutRedirectUri: `${ORIGIN}/signed-out`});
      await session.signOut();
      expect(new URL(navigations.at(-1) ?? '').searchParams.get('post_logout_redirect_uri')).toBe(
        `${ORIGIN}/signed-out`,
      );
    });

    it('B6-05 forgets the tokens when disposed (issuer changed), without contacting the provider', async () => {
      const {session, provider, states} = await signedIn();
      const before = provider.requests.length;
      const statesBefore = states.length;
      session.dispose();
      await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
      expect(provider.requests).toHaveLength(before);
      expect(states).toHaveLength(statesBefore);
    });
  });
});
