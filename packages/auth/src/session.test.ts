/**
 * BrowserAuthSession: renewal failures, renewal and sign-in (the redirect callback, silent sign-in and sign-out are in
 * session-callback.test.ts; the shared setup in test-support.ts).
 */
import {describe, expect, it} from 'vitest';
import {AuthError} from './errors.js';
import {BrowserAuthSession} from './session.js';
import {createFakeOpenIdProvider} from './testing.js';
import {createMemoryStorage} from './transaction-store.js';
import {REDIRECT_URI, T0, providerLauncher, setup, signedIn} from './test-support.js';

const HOUR = 3_600_000;

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
});
