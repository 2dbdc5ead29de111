/**
 * What the background worker does for each event: the messages of `MessageMap`, the drawer's keyboard command,
 * setting changes and start-up. `index.ts` only registers these; everything they need is passed in, so the unit
 * tests run them against fakes.
 */
import type {Runtime, Storage, Tabs} from 'webextension-polyfill';
import {handleMessages, MessageError, type ExtensionIdentity, type MessageHandlers, type Reply} from '../messaging.js';
import {parseSettings, SETTINGS_KEY, type SessionStore, type SettingsStore} from '../storage.js';
import {originPattern} from '../tenants.js';
import {testClientCredentials, testSignIn} from '@conga-connections/auth';
import {createWebAuthFlowLauncher, WorkerAuth, type IdentityApi, type Locks} from './web-auth-flow.js';

/** The browser APIs the worker uses; `index.ts` passes the real ones (through webextension-polyfill). */
export interface WorkerEnvironment {
  settings: SettingsStore;
  session: SessionStore;
  /** `storage.session`, to restrict it to trusted contexts. */
  sessionArea: {setAccessLevel?: (options: {accessLevel: 'TRUSTED_CONTEXTS'}) => Promise<void>};
  identity: IdentityApi;
  locks: Locks;
  fetch: typeof fetch;
  now: () => number;
  extension: () => ExtensionIdentity;
  tabs: {get(tabId: number): Promise<Tabs.Tab>};
  permissions: {contains(permissions: {origins: string[]}): Promise<boolean>};
  /** Runs the drawer's content script (a self-contained file) in the tab's top frame. */
  injectDrawer(tabId: number): Promise<boolean>;
}

/** The listeners `index.ts` registers, synchronously, on every start of the worker. */
export interface WorkerHandlers {
  handleRuntimeMessage: (message: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>>;
  handleCommand: (command: string, tab?: Tabs.Tab) => Promise<void>;
  handleStorageChanged: (changes: Record<string, Storage.StorageChange>, areaName: string) => Promise<void>;
  handleStartup: () => Promise<void>;
}

/**
 * Restricts `storage.session` to the extension's trusted contexts (its pages and worker), so a content script can
 * never read the tokens (B5-03). It is Chromium's default, but set explicitly on every start; Firefox never exposes
 * `storage.session` to content scripts and has no such call.
 */
export async function restrictSessionStorage(area: WorkerEnvironment['sessionArea']): Promise<void> {
  await area.setAccessLevel?.({accessLevel: 'TRUSTED_CONTEXTS'});
}

/** Builds the worker's listeners over an environment. */
export function createWorkerHandlers(environment: WorkerEnvironment): WorkerHandlers {
  const auth = () =>
    new WorkerAuth({
      settings: environment.settings,
      session: environment.session,
      identity: environment.identity,
      locks: environment.locks,
      fetch: environment.fetch,
      now: environment.now,
      extensionId: environment.extension().id,
    });

  const tenantOf = async (tenantId: string) => {
    const tenant = await environment.settings.tenant(tenantId);
    if (tenant === undefined) throw new MessageError('TENANT_NOT_FOUND');
    return tenant;
  };

  /** Shows or hides the drawer in `tab`, if the admin enabled the drawer for its origin. */
  const toggleDrawer = async (tab: Tabs.Tab): Promise<{open: boolean}> => {
    const pattern = tab.url === undefined ? undefined : originPattern(tab.url);
    // Only pages the admin enabled (a granted optional host permission): never any page the worker is asked about.
    if (
      tab.id === undefined ||
      pattern === undefined ||
      !(await environment.permissions.contains({origins: [pattern]}))
    ) {
      throw new MessageError('DRAWER_NOT_ALLOWED');
    }
    return {open: await environment.injectDrawer(tab.id)};
  };

  const handlers: MessageHandlers = {
    'auth:get-state': ({tenantId}) => auth().state(tenantId),
    'auth:sign-in': async ({tenantId}) => {
      // Before any token can be written.
      await restrictSessionStorage(environment.sessionArea);
      return auth().signIn(tenantId);
    },
    'auth:sign-out': ({tenantId}) => auth().signOut(tenantId),
    'auth:get-access-token': ({tenantId, ...options}) => auth().accessToken(tenantId, options),
    'drawer:toggle': async ({tabId}) => toggleDrawer(await environment.tabs.get(tabId)),
    // The tests reach only the tenant's own issuer, read from the settings: a page names a client, never a URL (B5-04).
    'connection-test:sign-in': async ({tenantId, clientId, scope}) => {
      const tenant = await tenantOf(tenantId);
      // In memory, with its own transaction: the tenant's session, tokens and stored transactions are never touched.
      return testSignIn({
        issuer: tenant.issuer,
        clientId,
        redirectUri: environment.identity.getRedirectURL(),
        scope,
        launcher: createWebAuthFlowLauncher(environment.identity),
        fetch: environment.fetch,
        now: environment.now,
      });
    },
    'connection-test:token': async ({tenantId, clientId, clientSecret, scope}) => {
      const tenant = await tenantOf(tenantId);
      // The secret is used for this request and goes out of scope with this call; nothing stores or logs it.
      return testClientCredentials({
        issuer: tenant.issuer,
        clientId,
        clientSecret,
        ...(scope === undefined ? {} : {scope}),
        fetch: environment.fetch,
      });
    },
  };
  const handleRuntimeMessage = handleMessages(handlers, environment.extension);

  return {
    handleRuntimeMessage,

    async handleCommand(command, tab) {
      if (command !== 'toggle-drawer' || tab === undefined) return;
      try {
        await toggleDrawer(tab);
      } catch (error) {
        // A shortcut on a page that isn't enabled does nothing; the popup is where a page gets enabled.
        if (!(error instanceof MessageError)) console.error(error);
      }
    },

    async handleStorageChanged(changes, areaName) {
      const change = changes[SETTINGS_KEY];
      if (areaName !== 'local' || change === undefined) return;
      // A tenant that was removed, or now names another issuer or client, loses its tokens at once (B6-05).
      const before = new Map(parseSettings(change.oldValue).tenants.map((tenant) => [tenant.id, tenant]));
      const after = new Map(parseSettings(change.newValue).tenants.map((tenant) => [tenant.id, tenant]));
      for (const [id, tenant] of before) {
        const next = after.get(id);
        if (next?.issuer !== tenant.issuer || next.clientId !== tenant.clientId) {
          await environment.session.forgetTenant(id);
        }
      }
    },

    async handleStartup() {
      await restrictSessionStorage(environment.sessionArea);
    },
  };
}
