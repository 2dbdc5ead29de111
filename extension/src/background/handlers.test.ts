import {beforeEach, describe, expect, it, vi} from 'vitest';
import type {Tabs} from 'webextension-polyfill';
import {createFakeOpenIdProvider, type FakeOpenIdProvider} from '@conga-connections/auth/testing';
import {SessionStore, SettingsStore, tokensKey, type Tenant} from '../storage.js';
import {
  contentScriptSender,
  createFakeIdentity,
  createMemoryArea,
  createMemoryLocks,
  pageSender,
  TEST_EXTENSION,
  type MemoryArea,
} from '../testing.js';
import {createWorkerHandlers, type WorkerEnvironment, type WorkerHandlers} from './handlers.js';

vi.mock('webextension-polyfill', () => ({default: {}}));

const ISSUER = 'https://login.example.test/api/v1/auth';
const TENANT: Tenant = {
  id: '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b',
  name: 'Acme',
  preset: 'custom',
  issuer: ISSUER,
  apiBaseUrl: 'https://api.example.test',
  clientId: 'test-client',
};
const PORTAL_TAB = {id: 7, url: 'https://portal.example.test/admin'} as Tabs.Tab;

let provider: FakeOpenIdProvider;
let local: MemoryArea;
let sessionArea: MemoryArea;
let granted: Set<string>;
let injected: number[];
let accessLevels: string[];
let handlers: WorkerHandlers;
let identity: ReturnType<typeof createFakeIdentity>;

beforeEach(async () => {
  provider = createFakeOpenIdProvider({issuer: ISSUER});
  local = createMemoryArea('local');
  sessionArea = createMemoryArea('session');
  granted = new Set();
  injected = [];
  accessLevels = [];
  identity = createFakeIdentity(provider);
  const environment: WorkerEnvironment = {
    settings: new SettingsStore(local),
    session: new SessionStore(sessionArea),
    sessionArea: {
      setAccessLevel: ({accessLevel}) => {
        accessLevels.push(accessLevel);
        return Promise.resolve();
      },
    },
    identity,
    locks: createMemoryLocks(),
    fetch: provider.fetch,
    now: Date.now,
    extension: () => TEST_EXTENSION,
    tabs: {
      get: (tabId) => (tabId === PORTAL_TAB.id ? Promise.resolve(PORTAL_TAB) : Promise.reject(new Error('No tab'))),
    },
    permissions: {contains: ({origins}) => Promise.resolve(origins.every((origin) => granted.has(origin)))},
    injectDrawer: (tabId) => {
      injected.push(tabId);
      return Promise.resolve(true);
    },
  };
  handlers = createWorkerHandlers(environment);
  // The worker watches settings changes like index.ts wires it.
  local.onChanged((changes, area) => void handlers.handleStorageChanged(changes, area));
  await new SettingsStore(local).write({tenants: [TENANT], activeTenantId: TENANT.id});
});

const message = (type: string, payload: unknown) => ({type, payload});

describe('handleRuntimeMessage', () => {
  it('B5-04 gives a content script no token, even when signed in', async () => {
    await handlers.handleRuntimeMessage(message('auth:sign-in', {tenantId: TENANT.id}), pageSender());
    const reply = await handlers.handleRuntimeMessage(
      message('auth:get-access-token', {tenantId: TENANT.id}),
      contentScriptSender(),
    );
    expect(reply).toMatchObject({ok: false, error: {code: 'MESSAGE_FORBIDDEN_SENDER'}});
    expect(JSON.stringify(reply)).not.toMatch(/access-\d/);
  });

  it('B5-04 lets a content script neither sign in nor toggle the drawer', async () => {
    granted.add('https://portal.example.test/*');
    for (const raw of [
      message('auth:sign-in', {tenantId: TENANT.id}),
      message('auth:sign-out', {tenantId: TENANT.id}),
      message('drawer:toggle', {tabId: PORTAL_TAB.id}),
    ]) {
      await expect(handlers.handleRuntimeMessage(raw, contentScriptSender())).resolves.toMatchObject({
        ok: false,
        error: {code: 'MESSAGE_FORBIDDEN_SENDER'},
      });
    }
    expect(provider.requests).toEqual([]);
    expect(injected).toEqual([]);
  });

  it('B5-04 answers junk with structured errors and keeps working', async () => {
    const junk = [undefined, 42, 'x', {}, message('auth:get-state', {}), message('debug:eval', {code: '1'})];
    for (const raw of junk) {
      await expect(handlers.handleRuntimeMessage(raw, pageSender())).resolves.toMatchObject({ok: false});
    }
    await expect(
      handlers.handleRuntimeMessage(message('auth:get-state', {tenantId: TENANT.id}), pageSender()),
    ).resolves.toEqual({ok: true, value: {status: 'signed-out'}});
  });

  it('answers a page with a token after sign-in, and restricts storage.session to trusted contexts first', async () => {
    await expect(
      handlers.handleRuntimeMessage(message('auth:sign-in', {tenantId: TENANT.id}), pageSender()),
    ).resolves.toMatchObject({ok: true, value: {status: 'signed-in'}});
    expect(accessLevels).toEqual(['TRUSTED_CONTEXTS']);
    await expect(
      handlers.handleRuntimeMessage(message('auth:get-access-token', {tenantId: TENANT.id}), pageSender()),
    ).resolves.toEqual({ok: true, value: 'access-2'});
  });

  it('reports an unknown tenant as TENANT_NOT_FOUND', async () => {
    await expect(
      handlers.handleRuntimeMessage(
        message('auth:get-access-token', {tenantId: '00000000-0000-4000-8000-000000000000'}),
        pageSender(),
      ),
    ).resolves.toMatchObject({ok: false, error: {code: 'TENANT_NOT_FOUND'}});
  });

  it('refuses the drawer on a page the admin did not enable', async () => {
    await expect(
      handlers.handleRuntimeMessage(message('drawer:toggle', {tabId: PORTAL_TAB.id}), pageSender()),
    ).resolves.toMatchObject({ok: false, error: {code: 'DRAWER_NOT_ALLOWED'}});
    expect(injected).toEqual([]);
  });

  it('toggles the drawer on an enabled page', async () => {
    granted.add('https://portal.example.test/*');
    await expect(
      handlers.handleRuntimeMessage(message('drawer:toggle', {tabId: PORTAL_TAB.id}), pageSender()),
    ).resolves.toEqual({ok: true, value: {open: true}});
    expect(injected).toEqual([PORTAL_TAB.id]);
  });
});

describe('handleCommand', () => {
  it('does nothing on a page that is not enabled, or on a non-web page', async () => {
    await handlers.handleCommand('toggle-drawer', PORTAL_TAB);
    await handlers.handleCommand('toggle-drawer', {id: 3, url: 'chrome://settings/'} as Tabs.Tab);
    await handlers.handleCommand('toggle-drawer', {id: 4, url: 'http://portal.example.test/'} as Tabs.Tab);
    expect(injected).toEqual([]);
  });

  it('toggles the drawer on an enabled page, and ignores other commands', async () => {
    granted.add('https://portal.example.test/*');
    await handlers.handleCommand('something-else', PORTAL_TAB);
    await handlers.handleCommand('toggle-drawer', PORTAL_TAB);
    expect(injected).toEqual([PORTAL_TAB.id]);
  });
});

describe('handleStorageChanged', () => {
  it('B6-05 forgets the tokens of a tenant that was removed', async () => {
    await handlers.handleRuntimeMessage(message('auth:sign-in', {tenantId: TENANT.id}), pageSender());
    expect(sessionArea.dump()[tokensKey(TENANT.id)]).toBeDefined();
    await new SettingsStore(local).write({tenants: []});
    await vi.waitFor(() => {
      expect(sessionArea.dump()[tokensKey(TENANT.id)]).toBeUndefined();
    });
  });

  it('B6-05 forgets the tokens of a tenant whose issuer changed, and keeps them for a renamed one', async () => {
    await handlers.handleRuntimeMessage(message('auth:sign-in', {tenantId: TENANT.id}), pageSender());
    await new SettingsStore(local).write({tenants: [{...TENANT, name: 'Acme Corp'}]});
    expect(sessionArea.dump()[tokensKey(TENANT.id)]).toBeDefined();
    await new SettingsStore(local).write({tenants: [{...TENANT, issuer: 'https://login.other.test/api/v1/auth'}]});
    await vi.waitFor(() => {
      expect(sessionArea.dump()[tokensKey(TENANT.id)]).toBeUndefined();
    });
  });
});

describe('handleStartup', () => {
  it('B5-03 sets the storage.session access level to TRUSTED_CONTEXTS', async () => {
    await handlers.handleStartup();
    expect(accessLevels).toEqual(['TRUSTED_CONTEXTS']);
  });
});

describe('connection tests', () => {
  it("runs Test sign-in through the extension's redirect URL and answers claims, never a token, leaving the session alone", async () => {
    const reply = await handlers.handleRuntimeMessage(
      message('connection-test:sign-in', {tenantId: TENANT.id, clientId: 'test-client', scope: 'openid profile'}),
      pageSender('/src/panel/index.html'),
    );
    expect(reply).toMatchObject({
      ok: true,
      value: {
        ok: true,
        idToken: {format: 'jwt', claims: {iss: ISSUER, aud: 'test-client', sub: 'user-1'}},
        accessToken: {format: 'opaque'},
        scopes: ['openid', 'profile'],
        expiresIn: 3600,
      },
    });
    const request = new URL(identity.launched[0] ?? '');
    expect(request.searchParams.get('redirect_uri')).toBe(identity.getRedirectURL());
    expect(request.searchParams.get('code_challenge_method')).toBe('S256');
    expect(JSON.stringify(reply)).not.toMatch(/access-\d|\.c2ln/);
    // Nothing of the test reached the tenant's own session.
    expect(await new SessionStore(sessionArea).readTokens(TENANT.id)).toBeUndefined();
    expect(Object.keys(sessionArea.dump())).toEqual([]);
  });

  it('answers the reason a Test sign-in stopped: the window closed', async () => {
    identity.nextLaunch = 'close';
    await expect(
      handlers.handleRuntimeMessage(
        message('connection-test:sign-in', {tenantId: TENANT.id, clientId: 'test-client', scope: 'openid'}),
        pageSender(),
      ),
    ).resolves.toEqual({ok: true, value: {ok: false, code: 'AUTH_POPUP_CLOSED'}});
  });

  it("runs Get a token now at the tenant's issuer and answers invalid_client for a refused secret, never echoing it", async () => {
    const reply = await handlers.handleRuntimeMessage(
      message('connection-test:token', {tenantId: TENANT.id, clientId: 'api-client', clientSecret: 'wrong-s3cret'}),
      pageSender(),
    );
    expect(reply).toEqual({ok: true, value: {ok: false, error: 'invalid_client'}});
    const tokenRequests = provider.tokenRequests();
    expect(tokenRequests.map((request) => request.body.get('grant_type'))).toEqual(['client_credentials']);
    expect(tokenRequests[0]?.url.startsWith(ISSUER)).toBe(true);
    expect(JSON.stringify(reply)).not.toContain('wrong-s3cret');
  });

  it('B5-04 refuses connection tests from a content script and for an unknown tenant', async () => {
    await expect(
      handlers.handleRuntimeMessage(
        message('connection-test:token', {tenantId: TENANT.id, clientId: 'api-client', clientSecret: 's'}),
        contentScriptSender(),
      ),
    ).resolves.toMatchObject({ok: false, error: {code: 'MESSAGE_FORBIDDEN_SENDER'}});
    await expect(
      handlers.handleRuntimeMessage(
        message('connection-test:sign-in', {
          tenantId: '00000000-0000-4000-8000-000000000000',
          clientId: 'test-client',
          scope: 'openid',
        }),
        pageSender(),
      ),
    ).resolves.toMatchObject({ok: false, error: {code: 'TENANT_NOT_FOUND'}});
    expect(provider.requests).toEqual([]);
  });
});
