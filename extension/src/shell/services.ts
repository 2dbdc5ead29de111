/**
 * What the popup and the panel pages need from the browser, in one object the shell element receives: settings,
 * a session and an API client per tenant, and the ways to open the other surfaces. The element itself never touches
 * storage, messaging or the network (STYLE §1).
 */
import browser from 'webextension-polyfill';
import {createApiClient, type ApiClient} from '@conga-connections/api-client';
import type {HistoryStore} from '@conga-connections/widget';
import type {AuthSession} from '@conga-connections/auth';
import type {ConnectionTester} from '@conga-connections/widget';
import {sendMessage} from '../messaging.js';
import {PAGES} from '../pages.js';
import {RuntimeAuthSession} from '../runtime-session.js';
import {SETTINGS_KEY, SettingsStore, parseSettings, type Settings, type Tenant} from '../storage.js';
import {originPattern} from '../tenants.js';

/** Chromium's side panel API, which webextension-polyfill passes through but does not type. */
interface SidePanelApi {
  open(options: {windowId: number}): Promise<void>;
}

/** Firefox's sidebar API. */
interface SidebarActionApi {
  open(): Promise<void>;
}

/** The tab the popup was opened on, when the drawer can be offered there. */
export interface ActivePage {
  tabId: number;
  /** The host permission that enables the drawer on this page's origin. */
  pattern: string;
  /** For display: the page's host. */
  host: string;
}

/** Everything the shell element asks of its page. */
export interface ShellServices {
  readSettings(): Promise<Settings>;
  /** Calls `listener` whenever the settings change (in any page); returns the unsubscribe function. */
  watchSettings(listener: (settings: Settings) => void): () => void;
  setActiveTenant(tenantId: string): Promise<void>;
  openSession(tenant: Tenant): Promise<RuntimeAuthSession>;
  createApiClient(tenant: Tenant, session: AuthSession): ApiClient;
  /** "Test sign-in" and "Get a token now" for the tenant's connections, run by the background worker. */
  createConnectionTester(tenant: Tenant): ConnectionTester;
  openOptions(): void;
  /** Opens the side panel (sidebar in Firefox); must run within the click. False when the browser has none. */
  openSidePanel(): boolean;
  openTab(): void;
  /** Opens the Promote page (copy connections between tenants) in a tab. */
  openPromote(): void;
  /** The popup's page, if the drawer can be offered there. */
  activePage(): Promise<ActivePage | undefined>;
  /**
   * Enables the drawer on the page (the browser asks the admin for its origin, at this moment) and shows it.
   * Must be called within the click, before anything is awaited. Resolves false when the admin said no.
   */
  showInPage(page: ActivePage): Promise<boolean>;
  /** Closes the popup. */
  close(): void;
  /**
   * Where the tab keeps the admin's own changes of this browser session: `storage.session`, so the popup, the side
   * panel and the drawer share one list and it is gone when the browser quits. Secret-free records only.
   * Undefined where the page can't reach `storage.session` (Firefox's drawer frame): the widget's default then.
   */
  readonly historyStore: HistoryStore | undefined;
}

/** The admin's session history in `storage.session` (extension pages are trusted contexts; see storage.ts). */
export const sessionHistoryStore: HistoryStore = {
  read: async (key) => {
    const value: unknown = (await browser.storage.session.get(key))[key];
    return typeof value === 'string' ? value : null;
  },
  write: (key, value) => browser.storage.session.set({[key]: value}),
  remove: (key) => browser.storage.session.remove(key),
};

/**
 * Calls `use` with the settings as they are now and again on every change (made in any page), and `failed` if they
 * can't be read; returns the function that stops following them. Both tab pages (the shell and Promote) start so.
 */
export function followSettings(
  services: Pick<ShellServices, 'readSettings' | 'watchSettings'>,
  use: (settings: Settings) => void,
  failed: (error: unknown) => void,
): () => void {
  const unwatch = services.watchSettings(use);
  services.readSettings().then(use, failed);
  return unwatch;
}

/**
 * The real services, over webextension-polyfill. `windowId` is read at start-up, so that `sidePanel.open()` can be
 * called synchronously in the click (it needs the user gesture, developer.chrome.com/docs/extensions/reference/api/
 * sidePanel#user-interaction).
 */
export async function createShellServices(): Promise<ShellServices> {
  const store = new SettingsStore(browser.storage.local);
  // Firefox gives an extension page framed by a web page (the drawer) neither `windows` nor `storage.session`
  // (both are undefined there, unlike in Chromium); the drawer needs no window (it opens no side panel), and keeps
  // its session history in its own sessionStorage (the widget's default) instead of the shared one.
  const namespace = browser as unknown as {windows?: typeof browser.windows; storage: {session?: unknown}};
  const windowId = namespace.windows ? (await namespace.windows.getCurrent()).id : undefined;
  const extras = browser as unknown as {sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi};
  return {
    historyStore: namespace.storage.session ? sessionHistoryStore : undefined,
    readSettings: () => store.read(),
    watchSettings(listener) {
      const handle = (changes: Record<string, {newValue?: unknown}>, areaName: string) => {
        const change = changes[SETTINGS_KEY];
        if (areaName === 'local' && change !== undefined) listener(parseSettings(change.newValue));
      };
      browser.storage.onChanged.addListener(handle);
      return () => {
        browser.storage.onChanged.removeListener(handle);
      };
    },
    async setActiveTenant(tenantId) {
      const settings = await store.read();
      await store.write({...settings, activeTenantId: tenantId});
    },
    openSession: (tenant) => RuntimeAuthSession.create({tenantId: tenant.id, issuer: tenant.issuer}),
    createApiClient: (tenant, session) =>
      // Extension pages reach the API through the tenant's host permission; the token comes from the worker.
      createApiClient({baseUrl: tenant.apiBaseUrl, getAccessToken: (options) => session.getAccessToken(options)}),
    createConnectionTester: (tenant) => createWorkerConnectionTester(tenant, browser.identity.getRedirectURL()),
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
    openSidePanel() {
      if (extras.sidePanel && windowId !== undefined) {
        extras.sidePanel.open({windowId}).catch((error: unknown) => {
          console.error(error);
        });
        return true;
      }
      if (extras.sidebarAction) {
        extras.sidebarAction.open().catch((error: unknown) => {
          console.error(error);
        });
        return true;
      }
      return false;
    },
    openTab() {
      void browser.tabs.create({url: `${browser.runtime.getURL(PAGES.panel)}?surface=tab`});
    },
    openPromote() {
      void browser.tabs.create({url: browser.runtime.getURL(PAGES.promote)});
    },
    async activePage() {
      const [tab] = await browser.tabs.query({active: true, currentWindow: true});
      // The URL is visible thanks to activeTab (the toolbar click) or an already granted host permission.
      const pattern = tab?.url === undefined ? undefined : originPattern(tab.url);
      if (tab?.id === undefined || tab.url === undefined || pattern === undefined) return undefined;
      return {tabId: tab.id, pattern, host: new URL(tab.url).host};
    },
    async showInPage(page) {
      // First, while the click's user activation lasts: the browser asks the admin for this origin now, never at
      // install (optional_host_permissions; B5-01).
      const granted = await browser.permissions.request({origins: [page.pattern]});
      if (!granted) return false;
      await sendMessage('drawer:toggle', {tabId: page.tabId});
      return true;
    },
    close() {
      window.close();
    },
  };
}

/**
 * The extension's {@link ConnectionTester}: both tests run in the background worker, at the tenant's issuer, through
 * the extension's own redirect URL (launchWebAuthFlow); the pages get back only decoded claims, scopes and expiry.
 * The worker's requests come from no web page (host permissions reach the provider), so no Cors Origin applies.
 */
export function createWorkerConnectionTester(
  tenant: Pick<Tenant, 'id'>,
  redirectUri: string,
  send: typeof sendMessage = sendMessage,
): ConnectionTester {
  return {
    redirectUri,
    origin: '',
    testSignIn: ({clientId, scope}) => send('connection-test:sign-in', {tenantId: tenant.id, clientId, scope}),
    // The secret travels in this one message to the worker, which drops it after the request.
    getToken: ({clientId, clientSecret, scope}) =>
      send('connection-test:token', {
        tenantId: tenant.id,
        clientId,
        clientSecret,
        ...(scope === undefined ? {} : {scope}),
      }),
  };
}
