import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import * as oauth from 'oauth4webapi';
import {describe, expect, it} from 'vitest';
import {DEFAULT_SCOPE, PkceFlow} from './pkce-flow.js';
import {createFakeOpenIdProvider, type FakeOpenIdProvider} from './testing.js';
import {createMemoryStorage, TRANSACTION_LIFETIME_MS, type TransactionStorage} from './transaction-store.js';

const REDIRECT_URI = 'https://app.example.test/admin/';
const T0 = 1_760_000_000_000;

function setup(options: {issuer?: string; scope?: string; storage?: TransactionStorage; fetch?: typeof fetch} = {}) {
  let time = T0;
  const now = () => time;
  const provider = createFakeOpenIdProvider({now, ...(options.issuer === undefined ? {} : {issuer: options.issuer})});
  const storage = options.storage ?? createMemoryStorage();
  const flow = new PkceFlow({
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri: REDIRECT_URI,
    fetch: options.fetch ?? provider.fetch,
    now,
    transactionStorage: storage,
    ...(options.scope === undefined ? {} : {scope: options.scope}),
  });
  return {flow, provider, storage, advance: (ms: number) => (time += ms)};
}

/** Reads the verifier the flow stored for `state`, as the token request will send it. */
async function storedVerifier(storage: TransactionStorage, state: string): Promise<string> {
  const stored = await storage.getItem(`conga:auth-transaction:${state}`);
  return (JSON.parse(stored ?? '{}') as {verifier: string}).verifier;
}

function routeTo(...providers: FakeOpenIdProvider[]): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const provider = providers.find((candidate) => url.startsWith(candidate.issuer));
    return provider ? provider.fetch(input, init) : Promise.reject(new TypeError('no route'));
  };
}

describe('PkceFlow', () => {
  describe('callback failures (no token request in any of them)', () => {
    it('B2-02 rejects a callback without state, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url, {state: null});
      await expect(flow.complete(callback)).rejects.toMatchObject({
        code: 'AUTH_STATE_MISMATCH',
        message: "Sign-in couldn't be verified. Please try again.",
      });
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-02 rejects a callback whose state belongs to no attempt, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url, {state: 'forged-state'});
      await expect(flow.complete(callback)).rejects.toMatchObject({
        code: 'AUTH_STATE_MISMATCH',
        message: "Sign-in couldn't be verified. Please try again.",
      });
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-02 rejects a callback whose state was already used, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url);
      await flow.complete(callback);
      expect(provider.tokenRequests()).toHaveLength(1);
      await expect(flow.complete(callback)).rejects.toMatchObject({code: 'AUTH_STATE_MISMATCH'});
      expect(provider.tokenRequests()).toHaveLength(1);
    });

    it('B2-02 uses up the state even when the callback fails, so a corrected replay is refused too', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      await expect(flow.complete(await provider.authorize(url, {iss: 'https://evil.example'}))).rejects.toThrow();
      await expect(flow.complete(await provider.authorize(url))).rejects.toMatchObject({code: 'AUTH_STATE_MISMATCH'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-04 rejects a callback whose iss is not the expected issuer, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url, {iss: 'https://login.evil.example/api/v1/auth'});
      await expect(flow.complete(callback)).rejects.toMatchObject({code: 'AUTH_ISSUER_MISMATCH'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-04 rejects a callback without iss when the provider advertises it, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url, {iss: null});
      await expect(flow.complete(callback)).rejects.toMatchObject({code: 'AUTH_ISSUER_MISMATCH'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it("B2-05 rejects a mix-up: started at the emulator, answered with the foreign provider's iss and code; neither token endpoint is called", async () => {
      const emulator = createFakeOpenIdProvider({issuer: 'http://127.0.0.1:4000/api/v1/auth'});
      const foreign = createFakeOpenIdProvider({issuer: 'https://foreign.example.test/api/v1/auth'});
      const flow = new PkceFlow({
        issuer: emulator.issuer,
        clientId: emulator.clientId,
        redirectUri: REDIRECT_URI,
        fetch: routeTo(emulator, foreign),
        transactionStorage: createMemoryStorage(),
      });
      const {url} = await flow.start();
      // The foreign provider answers with its own code and iss, and the state of our attempt.
      const callback = await foreign.authorize(url);
      expect(new URL(callback).searchParams.get('iss')).toBe(foreign.issuer);
      await expect(flow.complete(callback)).rejects.toMatchObject({code: 'AUTH_ISSUER_MISMATCH'});
      expect(emulator.tokenRequests()).toHaveLength(0);
      expect(foreign.tokenRequests()).toHaveLength(0);
    });

    it('B2-05 stores the issuer with each attempt and refuses to complete it at another issuer', async () => {
      const storage = createMemoryStorage();
      const first = setup({storage});
      const second = setup({storage, issuer: 'https://login.example.eu/api/v1/auth'});
      const {url, state} = await first.flow.start();
      const stored = JSON.parse(storage.getItem(`conga:auth-transaction:${state}`) ?? '{}') as {issuer: string};
      expect(stored.issuer).toBe(first.provider.issuer);
      await expect(second.flow.complete(await first.provider.authorize(url))).rejects.toMatchObject({
        code: 'AUTH_ISSUER_MISMATCH',
      });
      expect(first.provider.tokenRequests()).toHaveLength(0);
      expect(second.provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-07 rejects a callback carrying access_token or id_token (query or fragment), with no token request', async () => {
      const {flow, provider} = setup();
      const extras: Record<string, string>[] = [{access_token: 'leaked'}, {id_token: 'leaked'}];
      for (const extra of extras) {
        const {url} = await flow.start();
        await expect(flow.complete(await provider.authorize(url, {extra}))).rejects.toMatchObject({
          code: 'AUTH_UNEXPECTED_RESPONSE',
        });
      }
      const {url} = await flow.start();
      const inFragment = `${await provider.authorize(url)}#access_token=leaked&token_type=bearer`;
      await expect(flow.complete(inFragment)).rejects.toMatchObject({code: 'AUTH_UNEXPECTED_RESPONSE'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('B2-07 always asks for response_type=code', async () => {
      const {flow} = setup();
      const {url} = await flow.start();
      expect(new URL(url).searchParams.getAll('response_type')).toEqual(['code']);
    });

    it('rejects error=access_denied with AUTH_ACCESS_DENIED, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url, {
        error: 'access_denied',
        extra: {error_description: '<img src=x onerror=alert(1)>'},
      });
      await expect(flow.complete(callback)).rejects.toMatchObject({
        code: 'AUTH_ACCESS_DENIED',
        message: 'Sign-in was cancelled or access was denied.',
      });
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('rejects error=login_required with AUTH_LOGIN_REQUIRED and other errors with AUTH_PROVIDER_ERROR', async () => {
      const {flow, provider} = setup();
      const first = await flow.start({prompt: 'none'});
      await expect(flow.complete(await provider.authorize(first.url, {error: 'login_required'}))).rejects.toMatchObject(
        {
          code: 'AUTH_LOGIN_REQUIRED',
        },
      );
      const second = await flow.start();
      await expect(flow.complete(await provider.authorize(second.url, {error: 'server_error'}))).rejects.toMatchObject({
        code: 'AUTH_PROVIDER_ERROR',
      });
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('C1-09 refuses a transaction older than 10 minutes: "Sign-in was interrupted. Try again."', async () => {
      const {flow, provider, advance} = setup();
      const {url} = await flow.start();
      const callback = await provider.authorize(url);
      advance(TRANSACTION_LIFETIME_MS + 1);
      await expect(flow.complete(callback)).rejects.toMatchObject({
        code: 'AUTH_INTERRUPTED',
        message: 'Sign-in was interrupted. Try again.',
      });
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('rejects a callback that arrives at another path than the redirect URI, with no token request', async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const callback = new URL(await provider.authorize(url));
      callback.pathname = '/elsewhere';
      await expect(flow.complete(callback.href)).rejects.toMatchObject({code: 'AUTH_UNEXPECTED_RESPONSE'});
      expect(provider.tokenRequests()).toHaveLength(0);
    });
  });

  describe('token request failures', () => {
    it('B2-06 fails cleanly when a code from another sign-in is injected: the token request is refused', async () => {
      const {flow, provider} = setup();
      const victim = await flow.start();
      const other = await flow.start();
      const otherCode = new URL(await provider.authorize(other.url)).searchParams.get('code') ?? '';
      const injected = new URL(await provider.authorize(victim.url));
      injected.searchParams.set('code', otherCode);
      await expect(flow.complete(injected.href)).rejects.toMatchObject({
        code: 'AUTH_TOKEN_REQUEST_FAILED',
        message: "Sign-in couldn't be completed. Please try again.",
      });
      // The provider refused the verifier that doesn't match the code's challenge.
      expect(provider.tokenRequests()).toHaveLength(1);
      expect(provider.tokenRequests()[0]?.body.get('code')).toBe(otherCode);
    });

    it('B2-13 accepts token_type "bearer" in lower case', async () => {
      const {flow, provider} = setup();
      provider.rewriteTokens((body) => ({...body, token_type: 'bearer'}));
      const {url} = await flow.start();
      const {tokens} = await flow.complete(await provider.authorize(url));
      expect(tokens.accessToken).toMatch(/^access-/);
    });

    it('B2-13 gives a token without expires_in a short default lifetime of 300 s', async () => {
      const {flow, provider} = setup();
      provider.rewriteTokens((body) => without(body, 'expires_in'));
      const {url} = await flow.start();
      const {tokens} = await flow.complete(await provider.authorize(url));
      expect(tokens.expiresAt).toBe(T0 + 300_000);
    });

    it('B2-13 rejects a DPoP token that was never requested', async () => {
      const {flow, provider} = setup();
      provider.rewriteTokens((body) => ({...body, token_type: 'DPoP'}));
      const {url} = await flow.start();
      await expect(flow.complete(await provider.authorize(url))).rejects.toMatchObject({
        code: 'AUTH_TOKEN_REQUEST_FAILED',
      });
    });

    it("rejects an ID token whose nonce is not the attempt's", async () => {
      const {flow, provider} = setup();
      const {url} = await flow.start();
      const forged = new URL(url);
      forged.searchParams.set('nonce', 'another-nonce');
      await expect(flow.complete(await provider.authorize(forged.href))).rejects.toMatchObject({
        code: 'AUTH_TOKEN_REQUEST_FAILED',
      });
    });

    it('never puts a token, code or verifier into an error message or its cause', async () => {
      const {flow, provider, storage} = setup();
      // A body without token_type: oauth4webapi attaches the whole body, tokens included, to its error.
      provider.rewriteTokens((body) => without(body, 'token_type'));
      const {url, state} = await flow.start();
      const verifier = await storedVerifier(storage, state);
      const callback = await provider.authorize(url);
      const code = new URL(callback).searchParams.get('code') ?? '';
      const error: unknown = await flow.complete(callback).catch((caught: unknown) => caught);
      const seen = new Set<unknown>();
      const text = JSON.stringify(error, (_key, value: unknown) => {
        if (value instanceof Error) {
          if (seen.has(value)) return undefined;
          seen.add(value);
          return {message: value.message, cause: (value as {cause?: unknown}).cause};
        }
        return value instanceof URLSearchParams ? value.toString() : value;
      });
      expect(text).toContain('redacted');
      for (const secret of ['access-', 'refresh-', code, verifier]) expect(text).not.toContain(secret);
    });
  });

  describe('the authorization request', () => {
    it('B2-01 computes the RFC 7636 Appendix B challenge', async () => {
      await expect(oauth.calculatePKCECodeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe(
        'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      );
    });

    it('B2-01 uses a new 43–128 character verifier per attempt and S256, never plain, not even after an error', async () => {
      const {flow, provider, storage} = setup();
      const verifiers = new Set<string>();
      for (let attempt = 0; attempt < 3; attempt++) {
        const {url, state} = await flow.start();
        const parameters = new URL(url).searchParams;
        const verifier = await storedVerifier(storage, state);
        expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
        expect(parameters.get('code_challenge_method')).toBe('S256');
        expect(parameters.get('code_challenge')).toBe(await oauth.calculatePKCECodeChallenge(verifier));
        verifiers.add(verifier);
        // Every attempt fails; the next one is still S256.
        await expect(flow.complete(await provider.authorize(url, {error: 'invalid_request'}))).rejects.toThrow();
      }
      expect(verifiers.size).toBe(3);
      expect(provider.requests.some((request) => request.url.includes('plain'))).toBe(false);
    });

    it('B2-01 sends the stored verifier to the token endpoint', async () => {
      const {flow, provider, storage} = setup();
      const {url, state} = await flow.start();
      const verifier = await storedVerifier(storage, state);
      await flow.complete(await provider.authorize(url));
      expect(provider.tokenRequests()[0]?.body.get('code_verifier')).toBe(verifier);
    });

    it('sends state and nonce, fresh per attempt', async () => {
      const {flow} = setup();
      const first = new URL((await flow.start()).url).searchParams;
      const second = new URL((await flow.start()).url).searchParams;
      expect(first.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(first.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(second.get('state')).not.toBe(first.get('state'));
      expect(second.get('nonce')).not.toBe(first.get('nonce'));
    });

    it('B2-11 asks for exactly the default scope list', async () => {
      const {flow} = setup();
      const {url} = await flow.start();
      expect(new URL(url).searchParams.get('scope')).toBe(DEFAULT_SCOPE);
      expect(DEFAULT_SCOPE).toBe('openid profile email offline_access api.user-management');
    });

    it('B2-11 asks for exactly a configured scope list', async () => {
      const {flow} = setup({scope: 'openid api.user-management'});
      const {url} = await flow.start();
      expect(new URL(url).searchParams.get('scope')).toBe('openid api.user-management');
    });

    it('B2-03 stops before any redirect when discovery names another issuer: "Sign-in service configuration mismatch."', async () => {
      const {flow, provider, storage} = setup();
      provider.metadata.issuer = 'https://login.evil.example/api/v1/auth';
      await expect(flow.start()).rejects.toMatchObject({
        code: 'AUTH_CONFIGURATION_MISMATCH',
        message: 'Sign-in service configuration mismatch.',
      });
      expect(storage.length).toBe(0);
      expect(provider.tokenRequests()).toHaveLength(0);
    });

    it('C3-04 reports an unreachable discovery with the issuer and succeeds on retry', async () => {
      const {flow, provider} = setup();
      provider.offline = true;
      await expect(flow.start()).rejects.toMatchObject({
        code: 'AUTH_DISCOVERY_FAILED',
        message: `Can't reach the sign-in service at ${provider.issuer}.`,
      });
      provider.offline = false;
      await expect(flow.start()).resolves.toMatchObject({url: expect.stringContaining('/connect/authorize') as string});
    });

    it('C3-04 gives up on a discovery that never answers, and asks again on the next call', async () => {
      const provider = createFakeOpenIdProvider();
      let hang = true;
      const fetch: typeof globalThis.fetch = (input, init) =>
        hang
          ? new Promise((_resolve, reject) => {
              init?.signal?.addEventListener('abort', () => {
                reject(init.signal?.reason as Error);
              });
            })
          : provider.fetch(input, init);
      const flow = new PkceFlow({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        fetch,
        transactionStorage: createMemoryStorage(),
        discoveryTimeoutMs: 20,
      });
      await expect(flow.start()).rejects.toMatchObject({code: 'AUTH_DISCOVERY_FAILED'});
      hang = false;
      await expect(flow.start()).resolves.toMatchObject({url: expect.stringContaining('/connect/authorize') as string});
    });

    it('B2-09 stores only a safe same-origin return-to path with the attempt', async () => {
      const {flow, storage} = setup();
      const safe = await flow.start({returnTo: '/admin/org?tab=connections#list'});
      const unsafe = await flow.start({returnTo: '//evil.example'});
      const read = async (state: string) =>
        JSON.parse((await storage.getItem(`conga:auth-transaction:${state}`)) ?? '{}') as {returnTo?: string};
      expect((await read(safe.state)).returnTo).toBe('/admin/org?tab=connections#list');
      expect((await read(unsafe.state)).returnTo).toBeUndefined();
    });
  });

  describe('the page the provider sends back to (issue 18: no second discovery)', () => {
    const discoveries = (provider: FakeOpenIdProvider) =>
      provider.requests.filter((request) => request.url.endsWith('/.well-known/openid-configuration'));

    it('redeems the code at the token endpoint the attempt was started with, without asking discovery again', async () => {
      const {flow, provider, storage} = setup();
      const {url} = await flow.start();
      expect(discoveries(provider)).toHaveLength(1);
      // A new page: a new flow over the same sessionStorage, nothing cached in memory.
      const returned = new PkceFlow({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        fetch: provider.fetch,
        now: () => T0,
        transactionStorage: storage,
      });
      const {tokens} = await returned.complete(await provider.authorize(url));
      expect(tokens.accessToken).not.toBe('');
      expect(provider.tokenRequests()).toHaveLength(1);
      // The refresh and the end session use the same metadata.
      await returned.refresh(tokens);
      expect(await returned.endSession({postLogoutRedirectUri: REDIRECT_URI})).toMatch(
        /^https:\/\/login\.example\.test\//,
      );
      expect(discoveries(provider)).toHaveLength(1);
    });

    it('B2-05 ignores stored metadata of another issuer or with a non-https token endpoint, and asks discovery', async () => {
      for (const tampered of [
        {issuer: 'https://evil.example', token_endpoint: 'https://evil.example/token'},
        {token_endpoint: 'http://login.example.test/token'},
      ]) {
        const {flow, provider, storage} = setup();
        const evil: string[] = [];
        const fetch: typeof globalThis.fetch = (input, init) => {
          const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
          if (!target.startsWith(provider.issuer)) evil.push(target);
          return provider.fetch(input, init);
        };
        const {url, state} = await flow.start();
        const key = `conga:auth-transaction:${state}`;
        const stored = JSON.parse((await storage.getItem(key)) ?? '{}') as {provider: Record<string, unknown>};
        Object.assign(stored.provider, tampered);
        await storage.setItem(key, JSON.stringify(stored));
        const returned = new PkceFlow({
          issuer: provider.issuer,
          clientId: provider.clientId,
          redirectUri: REDIRECT_URI,
          fetch,
          now: () => T0,
          transactionStorage: storage,
        });
        await returned.complete(await provider.authorize(url));
        expect(evil).toEqual([]);
        expect(discoveries(provider)).toHaveLength(2);
        expect(provider.tokenRequests()).toHaveLength(1);
      }
    });
  });

  describe("the user's name from the userinfo endpoint (the platform's ID tokens name only sub)", () => {
    /** The provider's ID tokens without name and e-mail, a userinfo endpoint, and what it answers. */
    function withUserinfo(
      answer: (sub: string) => Response,
      endpoint = 'https://fake-op.example.test/connect/userinfo',
    ) {
      const seen: {url: string; init: RequestInit | undefined}[] = [];
      const route: {provider?: FakeOpenIdProvider} = {};
      const fetchFunction: typeof fetch = (input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url === endpoint) {
          seen.push({url, init});
          return Promise.resolve(answer('user-1'));
        }
        return route.provider ? route.provider.fetch(input, init) : Promise.reject(new TypeError('no provider yet'));
      };
      const context = setup({fetch: fetchFunction});
      const {provider} = context;
      route.provider = provider;
      provider.metadata.userinfo_endpoint = endpoint;
      provider.rewriteTokens((body) => {
        const [header, payload, signature] = String(body.id_token).split('.');
        const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
        delete claims.name;
        delete claims.email;
        return {
          ...body,
          id_token: `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`,
        };
      });
      return {...context, seen};
    }

    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), {status, headers: {'content-type': 'application/json'}});

    it('fills in the name and e-mail, asking with the access token and following no redirect', async () => {
      const {flow, provider, seen} = withUserinfo((sub) => json({sub, name: 'Ada Admin', email: 'ada@example.test'}));
      const {url} = await flow.start();
      const {tokens, profile} = await flow.complete(await provider.authorize(url));
      expect(tokens.user).toEqual({sub: 'user-1'});
      const profiled = await profile?.();
      expect(profiled?.user).toEqual({sub: 'user-1', name: 'Ada Admin', email: 'ada@example.test'});
      expect(seen).toHaveLength(1);
      expect(new Headers(seen[0]?.init?.headers).get('authorization')).toBe(`Bearer ${tokens.accessToken}`);
      expect(seen[0]?.init?.redirect).toBe('manual');
    });

    it('ignores an answer about another user (OpenID Connect Core 5.3.4)', async () => {
      const {flow, provider} = withUserinfo(() => json({sub: 'someone-else', name: 'Mallory'}));
      const {url} = await flow.start();
      const {profile} = await flow.complete(await provider.authorize(url));
      expect((await profile?.())?.user).toEqual({sub: 'user-1'});
    });

    it('keeps the user as they are when userinfo fails or answers something else than a JSON object', async () => {
      for (const answer of [
        () => json({error: 'invalid_token'}, 401),
        () => new Response('<html>'),
        () => json(null),
      ]) {
        const {flow, provider} = withUserinfo(answer);
        const {url} = await flow.start();
        const {profile} = await flow.complete(await provider.authorize(url));
        expect((await profile?.())?.user).toEqual({sub: 'user-1'});
      }
    });

    it('B2-12 sends the access token to no plain-http userinfo endpoint', async () => {
      const {flow, provider, seen} = withUserinfo(
        (sub) => json({sub, name: 'Ada Admin'}),
        'http://fake-op.example.test/connect/userinfo',
      );
      const {url} = await flow.start();
      const {profile} = await flow.complete(await provider.authorize(url));
      expect((await profile?.())?.user).toEqual({sub: 'user-1'});
      expect(seen).toEqual([]);
    });
  });

  describe('B2-12 transport security', () => {
    it('B2-12 refuses a plain-http issuer away from loopback without sending anything', async () => {
      const provider = createFakeOpenIdProvider({issuer: 'http://login.example.test/api/v1/auth'});
      const flow = new PkceFlow({
        issuer: provider.issuer,
        clientId: provider.clientId,
        redirectUri: REDIRECT_URI,
        fetch: provider.fetch,
        transactionStorage: createMemoryStorage(),
      });
      expect(flow.insecureIssuer).toBe(true);
      await expect(flow.start()).rejects.toMatchObject({code: 'AUTH_INSECURE_ISSUER'});
      expect(provider.requests).toHaveLength(0);
    });

    it.each(['http://127.0.0.1:4000', 'http://localhost:4000', 'http://[::1]:4000'])(
      'B2-12 accepts the loopback emulator issuer %s',
      async (origin) => {
        const provider = createFakeOpenIdProvider({issuer: `${origin}/api/v1/auth`});
        const flow = new PkceFlow({
          issuer: provider.issuer,
          clientId: provider.clientId,
          redirectUri: REDIRECT_URI,
          fetch: provider.fetch,
          transactionStorage: createMemoryStorage(),
        });
        const {url} = await flow.start();
        const {tokens} = await flow.complete(await provider.authorize(url));
        expect(tokens.accessToken).toMatch(/^access-/);
      },
    );

    it('B2-12 refuses an https issuer whose token endpoint is plain http', async () => {
      const {flow, provider} = setup();
      provider.metadata.token_endpoint = 'http://login.example.test/api/v1/auth/connect/token';
      await expect(flow.start()).rejects.toMatchObject({code: 'AUTH_DISCOVERY_FAILED'});
    });

    it('B2-12 sets allowInsecureRequests in exactly one function and never uses nopkce or skipStateCheck', () => {
      const sources = listSources(join(import.meta.dirname)).map((file) => readFileSync(file, 'utf8'));
      const all = sources.join('\n');
      expect(all.match(/\[oauth\.allowInsecureRequests\]/g)).toHaveLength(1);
      expect(all).not.toMatch(/\bnopkce\b|\bskipStateCheck\b|\bexpectNoState\b/);
    });
  });
});

function without(body: Record<string, unknown>, name: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([key]) => key !== name));
}

function listSources(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true}).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}
