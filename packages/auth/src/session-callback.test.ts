/**
 * BrowserAuthSession: the redirect callback (the address bar cleaned first, replays refused, the popup's relay to its
 * opener), silent sign-in and sign-out; renewal and sign-in are in session.test.ts, the shared setup in
 * test-support.ts.
 */
import {describe, expect, it, vi} from 'vitest';
import {createBrowserPage, POPUP_NAME} from './launchers/redirect.js';
import {BrowserAuthSession, type AuthLauncher, type AuthPage, type BrowserAuthSessionOptions} from './session.js';
import {createMemoryStorage} from './transaction-store.js';
import {ORIGIN, REDIRECT_URI, T0, providerLauncher, setup, signedIn, type Setup} from './test-support.js';

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

    it('shows signing-in from the first moment of a callback, then signed-in after the token request (issue 18)', async () => {
      const log: string[] = [];
      const context = setup();
      const {provider, navigations} = context;
      const recordingFetch: typeof fetch = (input, init) => {
        log.push(`fetch ${typeof input === 'string' ? input : input instanceof URL ? input.href : input.url}`);
        return provider.fetch(input, init);
      };
      await nextPage(context, {launcher: leavingLauncher(navigations)}).signIn({returnTo: '/admin/'});
      const callback = await provider.authorize(navigations[0] ?? '');
      const page = recordingPage(callback, log);
      const back = nextPage(context, {fetch: recordingFetch, page});
      back.subscribe((state) => log.push(`state ${state.status}`));
      const done = back.handleRedirectCallback();
      // Synchronously: the address bar is clean and the session says signing-in, so no sign-in button shows first.
      expect(log).toEqual([`replace ${REDIRECT_URI}`, 'state signing-in']);
      await expect(done).resolves.toBe(true);
      const signedInAt = log.indexOf('state signed-in');
      expect(signedInAt).toBeGreaterThan(log.findIndex((entry) => entry.endsWith('/connect/token')));
    });

    it('restores the previous state when the answer is relayed to the window that opened the popup', async () => {
      const log: string[] = [];
      const context = setup();
      const {provider, navigations} = context;
      await nextPage(context, {launcher: leavingLauncher(navigations)}).signIn();
      const callback = await provider.authorize(navigations[0] ?? '');
      const popup = nextPage(context, {page: recordingPage(callback, log, true)});
      popup.subscribe((state) => log.push(`state ${state.status}`));
      await expect(popup.handleRedirectCallback()).resolves.toBe(true);
      expect(log.filter((entry) => entry.startsWith('state'))).toEqual(['state signing-in', 'state signed-out']);
      expect(popup.state.status).toBe('signed-out');
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
