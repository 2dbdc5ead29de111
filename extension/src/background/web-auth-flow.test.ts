import {beforeEach, describe, expect, it, vi} from 'vitest';
import {createFakeOpenIdProvider, type FakeOpenIdProvider} from '@conga-connections/auth/testing';
import {SessionStore, SettingsStore, tokensKey, type Tenant} from '../storage.js';
import {
  createFakeIdentity,
  createMemoryArea,
  createMemoryLocks,
  TEST_REDIRECT_URL,
  type FakeIdentity,
  type MemoryArea,
} from '../testing.js';
import {createWebAuthFlowLauncher, WorkerAuth} from './web-auth-flow.js';

// The worker's words come from the real _locales/en, placeholders substituted as the browser does (issue 17).
vi.mock('webextension-polyfill', async () => {
  const {getMessageOf} = await import('../locales-testing.js');
  return {default: {i18n: {getMessage: getMessageOf('en')}}};
});

const ISSUER = 'https://login.example.test/api/v1/auth';
const TENANT: Tenant = {
  id: '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b',
  name: 'Acme',
  preset: 'custom',
  issuer: ISSUER,
  apiBaseUrl: 'https://api.example.test',
  clientId: 'test-client',
};

let now: number;
let provider: FakeOpenIdProvider;
let identity: FakeIdentity;
let local: MemoryArea;
let sessionArea: MemoryArea;
let locks: ReturnType<typeof createMemoryLocks>;

/** A worker as it is after any (re)start: a fresh instance over the same storage. */
function worker(): WorkerAuth {
  return new WorkerAuth({
    settings: new SettingsStore(local),
    session: new SessionStore(sessionArea),
    identity,
    locks,
    fetch: provider.fetch,
    now: () => now,
  });
}

beforeEach(async () => {
  now = Date.UTC(2026, 10, 1, 9);
  provider = createFakeOpenIdProvider({issuer: ISSUER, now: () => now, accessTokenLifetime: 3600});
  identity = createFakeIdentity(provider);
  local = createMemoryArea('local');
  sessionArea = createMemoryArea('session');
  locks = createMemoryLocks();
  await new SettingsStore(local).write({tenants: [TENANT], activeTenantId: TENANT.id});
});

function storedTokens(): Record<string, unknown> | undefined {
  return sessionArea.dump()[tokensKey(TENANT.id)] as Record<string, unknown> | undefined;
}

describe('WorkerAuth sign-in', () => {
  it('C1-09 reports a sign-in whose worker stopped as interrupted ("Sign-in was interrupted. Try again.")', async () => {
    identity.nextLaunch = 'hang';
    void worker().signIn(TENANT.id);
    await vi.waitFor(async () => {
      expect(await worker().state(TENANT.id)).toEqual({status: 'signing-in'});
    });
    // The worker dies: its lock goes with it, the launchWebAuthFlow answer never comes.
    locks.crash(`conga:sign-in:${TENANT.id}`);
    await expect(worker().state(TENANT.id)).resolves.toEqual({
      status: 'error',
      error: {name: 'AuthError', code: 'AUTH_INTERRUPTED', message: 'Sign-in was interrupted. Try again.'},
    });
  });

  it('reports a closed sign-in window as AUTH_POPUP_CLOSED and forgets the transaction', async () => {
    identity.nextLaunch = 'close';
    await expect(worker().signIn(TENANT.id)).rejects.toMatchObject({code: 'AUTH_POPUP_CLOSED'});
    await expect(worker().state(TENANT.id)).resolves.toMatchObject({
      status: 'error',
      error: {code: 'AUTH_POPUP_CLOSED'},
    });
    expect(Object.keys(sessionArea.dump()).filter((key) => key.startsWith('conga:auth-transaction:'))).toEqual([]);
  });

  it('reports an unreachable provider page as AUTH_NETWORK_ERROR', async () => {
    identity.nextLaunch = 'unreachable';
    await expect(worker().signIn(TENANT.id)).rejects.toMatchObject({code: 'AUTH_NETWORK_ERROR'});
  });

  describe('B5-08 a redirect URL the tenant does not know', () => {
    /** The provider as the tests' fake, except that its authorization endpoint answers with `answer`. */
    function workerWhoseAuthorizeAnswers(answer: () => Response, seen: RequestInit[] = []): WorkerAuth {
      const fetch: typeof globalThis.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (url.includes('/authorize') || url.includes('/auth?')) {
          seen.push(init ?? {});
          return Promise.resolve(answer());
        }
        return provider.fetch(input, init);
      };
      return new WorkerAuth({
        settings: new SettingsStore(local),
        session: new SessionStore(sessionArea),
        identity,
        locks,
        fetch,
        now: () => now,
        extensionId: 'lmbadgbaohkjlkfmjkkbhlcdedjcbjkc',
      });
    }

    it('says which redirect URL to register, names the extension ID, and opens no window (no hang)', async () => {
      const seen: RequestInit[] = [];
      const page = () =>
        new Response('<h1>Sign-in error</h1><p>invalid_redirect_uri: redirect_uri did not match</p>', {status: 400});
      const auth = workerWhoseAuthorizeAnswers(page, seen);
      await expect(auth.signIn(TENANT.id)).rejects.toMatchObject({
        code: 'AUTH_REDIRECT_URI_NOT_REGISTERED',
        message: `Redirect URI not registered for extension ID lmbadgbaohkjlkfmjkkbhlcdedjcbjkc: add ${TEST_REDIRECT_URL} to the Redirect URIs of the UI-to-API connection with Client ID test-client on login.example.test, then sign in again.`,
      });
      expect(identity.launched).toEqual([]);
      // The probe follows no redirect and sends no cookie.
      expect(seen).toEqual([{redirect: 'manual', credentials: 'omit'}]);
      await expect(auth.state(TENANT.id)).resolves.toMatchObject({
        status: 'error',
        error: {code: 'AUTH_REDIRECT_URI_NOT_REGISTERED'},
      });
    });

    it('leaves any other answer to the sign-in window: a redirect, another error page, an unreachable provider', async () => {
      for (const answer of [
        () => new Response(null, {status: 303, headers: {location: 'https://login.example.test/interaction/1'}}),
        () => new Response('<p>invalid_client</p>', {status: 400}),
        () => {
          throw new TypeError('fetch failed');
        },
      ]) {
        identity.launched.length = 0;
        await workerWhoseAuthorizeAnswers(answer).signIn(TENANT.id);
        expect(identity.launched).toHaveLength(1);
      }
    });
  });

  it('refuses an unknown tenant with TENANT_NOT_FOUND before opening anything', async () => {
    await expect(worker().signIn('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      name: 'MessageError',
      code: 'TENANT_NOT_FOUND',
    });
    expect(identity.launched).toEqual([]);
  });

  it('B5-03 signs in with PKCE S256 at the redirect URL and keeps the tokens in storage.session only', async () => {
    const state = await worker().signIn(TENANT.id);
    expect(state).toMatchObject({status: 'signed-in', user: {sub: 'user-1'}, expiresAt: now + 3_600_000});
    const request = new URL(identity.launched[0] ?? '');
    expect(request.searchParams.get('redirect_uri')).toBe(TEST_REDIRECT_URL);
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(request.searchParams.get('client_id')).toBe('test-client');
    expect(storedTokens()).toMatchObject({accessToken: 'access-2', refreshToken: 'refresh-2', issuer: ISSUER});
    // Nothing token-like anywhere in storage.local, and the ID token isn't kept at all.
    const localText = JSON.stringify(local.dump());
    expect(localText).not.toMatch(/access-|refresh-|"accessToken"|"refreshToken"/);
    expect(JSON.stringify(sessionArea.dump())).not.toContain('idToken');
  });

  it('answers a second sign-in while one runs with the current state, opening no second window', async () => {
    identity.nextLaunch = 'hang';
    void worker().signIn(TENANT.id);
    await vi.waitFor(() => {
      expect(identity.launched).toHaveLength(1);
    });
    await expect(worker().signIn(TENANT.id)).resolves.toEqual({status: 'signing-in'});
    expect(identity.launched).toHaveLength(1);
  });
});

describe('WorkerAuth access tokens', () => {
  it('rejects with AUTH_SIGNED_OUT when there are no tokens', async () => {
    await expect(worker().accessToken(TENANT.id)).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
  });

  it('drops tokens of another issuer or client instead of using them (B6-05)', async () => {
    await worker().signIn(TENANT.id);
    await new SettingsStore(local).write({tenants: [{...TENANT, clientId: 'other-client'}]});
    await expect(worker().accessToken(TENANT.id)).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
    expect(storedTokens()).toBeUndefined();
  });

  it('C1-09 serves the stored token from a restarted worker without any request', async () => {
    await worker().signIn(TENANT.id);
    const requests = provider.requests.length;
    await expect(worker().accessToken(TENANT.id)).resolves.toBe('access-2');
    expect(provider.requests).toHaveLength(requests);
  });

  it('C1-03 renews before expiry, within the margin, and stores the rotated refresh token', async () => {
    await worker().signIn(TENANT.id);
    now += 3_600_000 - 30_000; // 30 s left, inside the 60 s margin
    await expect(worker().accessToken(TENANT.id)).resolves.toBe('access-3');
    expect(storedTokens()).toMatchObject({accessToken: 'access-3', refreshToken: 'refresh-3'});
    expect(provider.validRefreshTokens()).toEqual(['refresh-3']);
  });

  it('C1-04 renews once for five callers across two worker instances', async () => {
    await worker().signIn(TENANT.id);
    now += 3_600_000;
    const release = provider.holdTokenRequests();
    const callers = [worker(), worker(), worker(), worker(), worker()].map((w) => w.accessToken(TENANT.id));
    await vi.waitFor(() => {
      expect(provider.tokenRequests()).toHaveLength(2);
    });
    release();
    await expect(Promise.all(callers)).resolves.toEqual(Array(5).fill('access-3'));
    expect(
      provider.tokenRequests().filter((request) => request.body.get('grant_type') === 'refresh_token'),
    ).toHaveLength(1);
  });

  it('returns the current token without renewing when the rejected one is already replaced', async () => {
    await worker().signIn(TENANT.id);
    await expect(worker().accessToken(TENANT.id, {forceRefresh: true, rejectedToken: 'access-1'})).resolves.toBe(
      'access-2',
    );
    expect(provider.tokenRequests()).toHaveLength(1);
  });

  it('C1-05 renews once after a 401, and ends the session when the fresh token is rejected too', async () => {
    await worker().signIn(TENANT.id);
    await expect(worker().accessToken(TENANT.id, {forceRefresh: true, rejectedToken: 'access-2'})).resolves.toBe(
      'access-3',
    );
    await expect(
      worker().accessToken(TENANT.id, {forceRefresh: true, rejectedToken: 'access-3'}),
    ).rejects.toMatchObject({code: 'AUTH_RENEWAL_FAILED'});
    await expect(worker().state(TENANT.id)).resolves.toEqual({status: 'signed-out', reason: 'renewal-failed'});
  });

  it('C1-02 signs out with renewal-failed when the refresh token is refused', async () => {
    await worker().signIn(TENANT.id);
    now += 3_600_000;
    provider.failNextTokenRequest(400, {error: 'invalid_grant'});
    await expect(worker().accessToken(TENANT.id)).rejects.toMatchObject({code: 'AUTH_RENEWAL_FAILED'});
    expect(storedTokens()).toBeUndefined();
    await expect(worker().state(TENANT.id)).resolves.toEqual({status: 'signed-out', reason: 'renewal-failed'});
  });

  it('C3-01 keeps the session when the provider is unreachable during renewal', async () => {
    await worker().signIn(TENANT.id);
    now += 3_600_000;
    provider.offline = true;
    await expect(worker().accessToken(TENANT.id)).rejects.toMatchObject({code: 'AUTH_DISCOVERY_FAILED'});
    await expect(worker().state(TENANT.id)).resolves.toMatchObject({status: 'signed-in'});
    expect(storedTokens()).toMatchObject({accessToken: 'access-2'});
  });

  it('C1-08 does not bring tokens back when a sign-out happens while a renewal is out', async () => {
    await worker().signIn(TENANT.id);
    now += 3_600_000;
    const release = provider.holdTokenRequests();
    const renewal = worker().accessToken(TENANT.id);
    await vi.waitFor(() => {
      expect(provider.tokenRequests()).toHaveLength(2);
    });
    await worker().signOut(TENANT.id);
    release();
    await expect(renewal).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
    expect(storedTokens()).toBeUndefined();
  });
});

describe('WorkerAuth sign-out', () => {
  it('C1-08 forgets the tokens, then ends the provider session at the redirect URL, without any token in the URL', async () => {
    await worker().signIn(TENANT.id);
    await expect(worker().signOut(TENANT.id)).resolves.toEqual({status: 'signed-out', reason: 'signed-out'});
    expect(storedTokens()).toBeUndefined();
    const endSession = new URL(identity.launched.at(-1) ?? '');
    expect(endSession.pathname).toBe('/api/v1/auth/connect/endsession');
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(TEST_REDIRECT_URL);
    expect(endSession.searchParams.get('client_id')).toBe('test-client');
    expect(endSession.href).not.toMatch(/access-|refresh-|id_token_hint/);
  });

  it('stays signed out when the admin closes the end-session window', async () => {
    await worker().signIn(TENANT.id);
    identity.nextLaunch = 'close';
    await expect(worker().signOut(TENANT.id)).resolves.toEqual({status: 'signed-out', reason: 'signed-out'});
    await expect(worker().accessToken(TENANT.id)).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
  });

  it('opens nothing when already signed out', async () => {
    await worker().signOut(TENANT.id);
    expect(identity.launched).toEqual([]);
  });
});

describe('createWebAuthFlowLauncher', () => {
  it('opens nothing for an absent URL', async () => {
    await expect(
      createWebAuthFlowLauncher(identity).launch(Promise.resolve(undefined), {redirectUri: ''}),
    ).resolves.toBe(undefined);
    expect(identity.launched).toEqual([]);
  });

  it.each([
    ['User cancelled or denied access.', 'AUTH_POPUP_CLOSED'],
    ['User interaction required.', 'AUTH_LOGIN_REQUIRED'],
    ['Something else', 'AUTH_PROVIDER_ERROR'],
  ])('maps "%s" to %s', async (message, code) => {
    const launcher = createWebAuthFlowLauncher({
      getRedirectURL: () => TEST_REDIRECT_URL,
      launchWebAuthFlow: () => Promise.reject(new Error(message)),
    });
    await expect(
      launcher.launch(Promise.resolve('https://login.example.test/'), {redirectUri: ''}),
    ).rejects.toMatchObject({code});
  });
});
