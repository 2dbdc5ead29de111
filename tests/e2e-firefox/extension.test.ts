/**
 * The extension's whole journey in Firefox ESR: the development build installed in headless Firefox, against a fresh
 * emulator on a free port. What the Chromium e2e (tests/e2e/extension.spec.ts) does, in Firefox's own terms: the
 * options page asks for the tenant's origins on Check and Save (Firefox grants host permissions only on request),
 * sign-in returns to the extension's extensions.allizom.org URL, the side panel is the sidebar (sidebar_action), the
 * background is an event page. One Firefox serves every test, in order, as one admin's session would.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import type {Frame, Page} from 'puppeteer-core';
import type {Browser} from 'webextension-polyfill';
import {
  createEmulator,
  defaultSeed,
  EXTENSION_FIREFOX_REDIRECT_URI,
  EXTENSION_GECKO_ID,
  type Emulator,
  type StoreData,
} from '@conga-connections/emulator';
import {buildExtension} from '../../extension/scripts/build.mjs';
import {
  choose,
  click,
  deepText,
  fill,
  find,
  launchFirefoxExtension,
  nextWindow,
  role,
  UUID,
  waitForText,
  waitUntil,
  type FirefoxExtension,
} from './support/firefox-extension.js';

const TENANT_NAME = 'Acme (test emulator)';
const SEEDED = ['Salesforce CLM sync', 'Conga Copilot in Salesforce', 'Sandbox CLM sync'];
const NEW_CONNECTION = 'Field service app (Firefox e2e)';
const OPTIONS = 'conga-extension-options';
const TARGET_NAME = 'Acme production';
const SALESFORCE = '00D5g000008XyZaEAK';
const SANDBOX = '00D7z000000AbCdEAG';
const CLM_SYNC = `Salesforce CLM sync (API to API, ${SALESFORCE})`;
const COPILOT = `Conga Copilot in Salesforce (UI to API, ${SALESFORCE})`;
const SANDBOX_SYNC = `Sandbox CLM sync (API to API, ${SANDBOX})`;

let directory: string;
let emulator: Emulator;
/** The second tenant, Promote's target. */
let production: Emulator;
let portal: Server;
let portalUrl: string;
let firefox: FirefoxExtension;
/** Every access and refresh token the extension held during the run, for the final storage.local check. */
const tokensSeen = new Set<string>();

/** Runs `fn` in the inspector, an extension page, where the `browser` namespace is the extension's. */
function inExtension<T, A extends unknown[]>(fn: (...args: A) => Promise<T> | T, ...args: A): Promise<T> {
  // puppeteer's evaluate() types its arguments per call; this one helper passes them through.
  const evaluate = firefox.inspector.evaluate.bind(firefox.inspector) as (f: typeof fn, ...a: A) => Promise<T>;
  return evaluate(fn, ...args);
}

/** Records the tokens now in storage.session and returns the whole area. */
async function collectTokens(): Promise<Record<string, unknown>> {
  const items = await inExtension(() => browser.storage.session.get(null));
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith('conga:tokens:')) continue;
    const record = value as {accessToken?: string; refreshToken?: string};
    for (const token of [record.accessToken, record.refreshToken]) if (token) tokensSeen.add(token);
  }
  return items;
}

/** The emulator's login form in the launchWebAuthFlow window. */
async function logIn(auth: Page, at: Emulator = emulator): Promise<void> {
  await waitUntil(() => auth.url().startsWith(`${at.issuer}/interaction/`), 'the login form opens');
  await fill(auth, '#username', at.users.admin.username);
  await fill(auth, '#password', at.users.admin.password);
  await click(auth, role('button', 'Sign in'));
}

/** Fills the options page's form for a tenant at `target`. */
async function describeTenant(options: Page, name: string, target: Emulator, clientId: string): Promise<void> {
  await fill(options, `${OPTIONS} >>> input[name=name]`, name);
  await choose(options, `${OPTIONS} >>> select[name=preset]`, 'custom');
  await fill(options, `${OPTIONS} >>> input[name=issuer]`, target.issuer);
  await fill(options, `${OPTIONS} >>> input[name=apiBaseUrl]`, target.apiBaseUrl);
  await fill(options, `${OPTIONS} >>> input[name=clientId]`, clientId);
}

/** The ID the options page gave the tenant called `name`. */
async function tenantId(name: string): Promise<string> {
  const settings = await inExtension(() => browser.storage.local.get('conga:settings'));
  const {tenants} = settings['conga:settings'] as {tenants: {id: string; name: string}[]};
  const tenant = tenants.find((item) => item.name === name);
  if (!tenant) throw new Error(`no tenant ${name}`);
  return tenant.id;
}

/** Adds a tenant in the options page, as the admin would: the form, then Save (which asks for its origins). */
async function addTenant(name: string, target: Emulator, clientId: string): Promise<void> {
  const options = await firefox.open('src/options/index.html');
  await describeTenant(options, name, target, clientId);
  await click(options, role('button', 'Save tenant'));
  await waitForText(options, `Saved “${name}”.`);
  await options.close();
}

/**
 * The Promote target (the "production" tenant): the default organization without the sandbox org's External
 * Integration and its connection, without the Salesforce API-to-API connection, and with the Copilot connection's
 * older description (as in tests/e2e/promote.spec.ts).
 */
function targetSeed(): StoreData {
  const seed = defaultSeed();
  seed.organization = {...seed.organization, Name: 'Acme production'};
  seed.externalIntegrations = seed.externalIntegrations.filter((integration) => integration.ExternalId !== SANDBOX);
  seed.connections = seed.connections
    .filter((connection) => connection.ExternalIdentifier !== SANDBOX)
    .filter((connection) => !(connection.ExternalIdentifier === SALESFORCE && connection.type === 'APItoAPI'))
    .map((connection) =>
      connection.ExternalIdentifier === SALESFORCE
        ? {...connection, Description: 'Copilot, first rollout.'}
        : connection,
    );
  return seed;
}

const firefoxThere = inject('firefox');

describe.skipIf(!firefoxThere)('the extension in Firefox ESR', () => {
  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'conga-firefox-e2e-'));
    const extensionDir = await buildExtension({browser: 'firefox', flavour: 'dev', outDir: join(directory, 'build')});
    [emulator, production] = await Promise.all([
      createEmulator({port: 0}),
      createEmulator({port: 0, seed: targetSeed()}),
    ]);
    portal = createServer((_request, response) => {
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end('<!doctype html><html lang="en"><title>Acme portal</title><h1>Acme admin portal</h1></html>');
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    const address = portal.address();
    if (address === null || typeof address === 'string') throw new Error('the portal has no port');
    portalUrl = `http://127.0.0.1:${String(address.port)}/admin`;
    firefox = await launchFirefoxExtension(extensionDir, EXTENSION_GECKO_ID);
  });

  afterAll(async () => {
    // Whatever beforeAll got to start, even if it failed half-way.
    const started = {firefox, emulator, production, portal} as Partial<{
      firefox: FirefoxExtension;
      emulator: Emulator;
      production: Emulator;
      portal: Server;
    }>;
    await started.firefox?.close();
    await Promise.all([started.emulator?.close(), started.production?.close()]);
    const {portal: server} = started;
    if (server) await new Promise((resolve) => server.close(resolve));
    rmSync(directory, {recursive: true, force: true});
  });

  it('B5-08 the options page shows the allizom.org redirect URL the seed registers; Check and Save ask for the origins', async () => {
    const options = await firefox.open('src/options/index.html');
    await waitForText(options, EXTENSION_FIREFOX_REDIRECT_URI);
    expect(await (await find(options, `${OPTIONS} >>> #redirect-url`)).evaluate((e) => e.textContent)).toBe(
      EXTENSION_FIREFOX_REDIRECT_URI,
    );
    await describeTenant(options, TENANT_NAME, emulator, emulator.clients.extension.clientId);
    await click(options, role('button', 'Check'));
    await waitForText(options, `The sign-in service at ${emulator.issuer} answered.`);
    await waitForText(options, `The API at ${emulator.apiBaseUrl} answered.`);
    await click(options, role('button', 'Save tenant'));
    await waitForText(options, `Saved “${TENANT_NAME}”.`);
    expect(await deepText(options)).toContain(emulator.issuer);
    // The request from the real click was granted: the loopback origins are the extension's now.
    expect(
      await inExtension(() => browser.permissions.contains({origins: ['http://127.0.0.1/*', 'http://localhost/*']})),
    ).toBe(true);
    await options.close();
  });

  it('signs in from the popup through the login form in the auth window; the list shows the seeded connections', async () => {
    const popup = await firefox.open('src/popup/index.html');
    await find(popup, role('combobox', 'Tenant'));
    const authWindow = nextWindow(firefox.browser);
    await click(popup, role('button', 'Sign in'));
    await logIn(await authWindow);
    await waitForText(popup, 'Signed in as ');
    for (const name of SEEDED) await waitForText(popup, name);
    // The sign-in returned to the add-on's extensions.allizom.org URL, with PKCE S256.
    const authorize = emulator.requestLog().find((request) => request.path.endsWith('/connect/authorize'));
    expect(new URLSearchParams(authorize?.query).get('redirect_uri')).toBe(EXTENSION_FIREFOX_REDIRECT_URI);
    expect(new URLSearchParams(authorize?.query).get('code_challenge_method')).toBe('S256');
    const session = await collectTokens();
    expect(tokensSeen.size).toBeGreaterThan(0);
    expect(Object.keys(session).some((key) => key.startsWith('conga:auth-state:'))).toBe(true);
    await popup.close();
  });

  it('C4-04 the popup hands "add" over to the sidebar (sidebar_action) instead of opening a form that shows a secret', async () => {
    const popup = await firefox.open('src/popup/index.html');
    await waitForText(popup, SEEDED[0] ?? '');
    expect(await inExtension(() => browser.sidebarAction.isOpen({}))).toBe(false);
    // The popup closes itself once the sidebar is asked for; a click error counts only while it is still open.
    await click(popup, role('button', 'Add API To API Connection')).catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
    // The real click carries the user gesture sidebarAction.open() needs; the sidebar shows the panel page.
    await waitUntil(() => inExtension(() => browser.sidebarAction.isOpen({})), 'the sidebar opens');
    await waitUntil(
      async () =>
        (await inExtension(() => browser.extension.getViews().map((view) => view.location.href))).includes(
          firefox.url('src/panel/index.html'),
        ),
      'the sidebar shows the panel page',
    );
    const popupUrl = firefox.url('src/popup/index.html');
    await waitUntil(
      async () =>
        !(await inExtension(() => browser.extension.getViews().map((v) => v.location.href))).includes(popupUrl),
      'the popup closes itself',
    );
  });

  it('creates a UI-to-API connection in the panel page and deactivates it', async () => {
    const panel = await firefox.open('src/panel/index.html?surface=tab');
    await waitForText(panel, SEEDED[0] ?? '');
    await click(panel, role('button', 'Add UI To API Connection'));
    await find(panel, role('dialog', 'Add UI To API Connection'));
    await choose(panel, role('combobox', 'External Identifier', false), '00D7z000000AbCdEAG');
    await fill(panel, role('textbox', 'Client Name', false), NEW_CONNECTION);
    await fill(panel, role('textbox', 'Redirect URI 1', false), 'https://field.acme.test/callback');
    await click(panel, role('button', 'Save & Generate Client Secret'));
    await find(panel, role('dialog', 'Client ID generated'));
    const clientId = await (
      await find(panel, role('textbox', 'Client ID'))
    ).evaluate((input) => (input as HTMLInputElement).value);
    expect(clientId).not.toBe('');
    await click(panel, role('button', 'Done'));
    await waitUntil(async () => (await panel.$(role('dialog', 'Client ID generated'))) === null, 'the hand-off closes');
    expect(emulator.data.connections.find((c) => c.ClientName === NEW_CONNECTION)?.IsActive).toBe(true);

    await click(panel, role('button', `Deactivate ${NEW_CONNECTION}`));
    await find(panel, role('dialog', `Deactivate ${NEW_CONNECTION}?`));
    await click(panel, role('button', 'Deactivate'));
    await waitUntil(
      () => emulator.data.connections.find((c) => c.ClientName === NEW_CONNECTION)?.IsActive === false,
      'the connection is inactive',
    );
    // The page called the API with the worker's token from the extension's origin (host permission, not CORS).
    const writes = emulator.requestLog().filter((r) => r.method !== 'GET' && r.path.includes('/api-connections'));
    expect(writes.map((r) => [r.method, r.status < 300, r.authorization, r.origin])).toEqual([
      ['POST', true, 'Bearer [redacted]', `moz-extension://${UUID}`],
      [expect.stringMatching(/^(PUT|PATCH|POST)$/), true, 'Bearer [redacted]', `moz-extension://${UUID}`],
    ]);
    await collectTokens();
    await panel.close();
  });

  it('the real toolbar popup is as wide as its content; over a page the admin enabled it offers the drawer, which works there and the page cannot reach into', async () => {
    const host = await firefox.browser.newPage();
    await host.goto(portalUrl);
    await host.bringToFront();
    await inExtension(() => browser.action.openPopup());
    // The popup is no BiDi target; it is one of the extension's views.
    const popupView = () =>
      inExtension(() => {
        const [view] = browser.extension.getViews({type: 'popup'});
        const shell = view?.document.querySelector('conga-extension-shell');
        const buttons = [...(shell?.shadowRoot?.querySelectorAll('button') ?? [])].map((b) => b.textContent.trim());
        return view && {width: view.innerWidth, scrollWidth: view.document.documentElement.scrollWidth, buttons};
      });
    await waitUntil(
      async () => (await popupView())?.buttons.includes('Show in this page') === true,
      'the popup offers the drawer',
    );
    // Firefox sizes a popup to its content after the content's first layout, a few frames after it renders (the
    // localized shell renders once its catalogue is in), so the width is read once Firefox has resized the view.
    await waitUntil(async () => ((await popupView())?.width ?? 0) >= 420, 'Firefox sizes the popup to its content');
    const popup = await popupView();
    expect(popup?.width).toBeGreaterThanOrEqual(420);
    expect(popup?.scrollWidth).toBeLessThanOrEqual(popup?.width ?? 0);
    // What "Show in this page" does once the origin is granted (it is: the loopback origins were granted on Save);
    // the click itself can't be given to a popup over BiDi, so the popup's own runtime sends the message.
    const shown = await inExtension(async (url) => {
      // Firefox match patterns carry no port, so the tab is found by its address.
      const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === url);
      const [view] = browser.extension.getViews({type: 'popup'});
      if (tab?.id === undefined || !view) throw new Error('no portal tab or popup');
      return (view as unknown as {browser: typeof browser}).browser.runtime.sendMessage({
        type: 'drawer:toggle',
        payload: {tabId: tab.id},
      });
    }, portalUrl);
    expect(shown).toEqual({ok: true, value: {open: true}});
    let drawer: Frame | undefined;
    // BiDi names moz-extension frames about:blank; the frame itself knows where it is.
    const drawerUrl = `${firefox.url('src/panel/index.html')}?surface=drawer`;
    await waitUntil(async () => {
      for (const frame of host.frames()) {
        if ((await frame.evaluate(() => location.href).catch(() => '')) === drawerUrl) drawer = frame;
      }
      return drawer !== undefined;
    }, 'the drawer frame appears');
    if (!drawer) throw new Error('no drawer');
    await waitForText(drawer, 'Signed in as ');
    await waitForText(drawer, SEEDED[0] ?? '');
    // B5-07: the host page sees a host element with a closed shadow root, and no way into the extension's frame.
    const view = await host.evaluate(() => {
      const hostElement = document.documentElement.lastElementChild as HTMLElement;
      const frames = Array.from({length: window.length}, (_, index) => {
        try {
          return String(window.frames[index]?.document.body.textContent.length);
        } catch {
          return 'denied';
        }
      });
      return {shadowRoot: hostElement.shadowRoot, frames, iframes: document.querySelectorAll('iframe').length};
    });
    expect(view).toEqual({shadowRoot: null, frames: [], iframes: 0});
    await host.close();
  });

  it('B5-05 a web page has no runtime messaging to reach the extension', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(portalUrl);
    const answer = await page.evaluate(() => {
      const scope = globalThis as {chrome?: {runtime?: {sendMessage?: unknown}}; browser?: {runtime?: unknown}};
      return {chrome: typeof scope.chrome?.runtime?.sendMessage, browser: typeof scope.browser?.runtime};
    });
    expect(answer).toEqual({chrome: 'undefined', browser: 'undefined'});
    await page.close();
  });

  it('B5-03 B5-04 a content script can neither read storage.session nor get a token', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(portalUrl);
    const results = await inExtension(async (url) => {
      const {['conga:settings']: settings} = await browser.storage.local.get('conga:settings');
      const tenantId = (settings as {tenants: {id: string}[]}).tenants[0]?.id ?? '';
      const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === url);
      if (tab?.id === undefined) throw new Error('no portal tab');
      const [injection] = await browser.scripting.executeScript({
        target: {tabId: tab.id},
        args: [tenantId],
        func: async (id: string) => {
          let session: string;
          try {
            session = JSON.stringify(await browser.storage.session.get(null));
          } catch (error) {
            session = `refused: ${String(error)}`;
          }
          const token: unknown = await browser.runtime.sendMessage({
            type: 'auth:get-access-token',
            payload: {tenantId: id},
          });
          return {session, token};
        },
      });
      return injection?.result;
    }, portalUrl);
    expect(results).toEqual({
      // Firefox has no storage.session in content scripts at all.
      session: expect.stringMatching(/^refused: TypeError: .*storage\.session is undefined/) as string,
      token: {
        ok: false,
        error: {
          name: 'MessageError',
          code: 'MESSAGE_FORBIDDEN_SENDER',
          message: 'only pages of this extension may send this message',
        },
      },
    });
    await page.close();
  });
  it('Promote: a second tenant, both signed in, and a dry run that lists create, update and invalid and writes nothing', async () => {
    await addTenant(TARGET_NAME, production, production.clients.extension.clientId);
    // From the settings, where the tenants are: Promote opens in a tab of its own.
    const options = await firefox.open('src/options/index.html');
    const opened = nextWindow(firefox.browser);
    await click(options, role('button', 'Promote connections between tenants…'));
    const promote = await opened;
    await waitUntil(
      async () =>
        (await promote.evaluate(() => location.href).catch(() => '')) === firefox.url('src/promote/index.html'),
      'Promote opens',
    );
    await options.close();
    await choose(promote, role('combobox', 'From (source tenant)'), await tenantId(TENANT_NAME));
    await choose(promote, role('combobox', 'To (target tenant)'), await tenantId(TARGET_NAME));
    // The source tenant's session (signed in from the popup) serves here too; the target asks for its own sign-in.
    await find(promote, role('checkbox', CLM_SYNC));
    const authWindow = nextWindow(firefox.browser);
    await click(promote, role('button', `Sign in to ${TARGET_NAME}`));
    await logIn(await authWindow, production);
    await waitUntil(
      async () => ((await deepText(promote)).match(/Signed in as /g) ?? []).length === 2,
      'both tenants are signed in',
    );
    for (const name of [CLM_SYNC, SANDBOX_SYNC, COPILOT]) await click(promote, role('checkbox', name));
    const writesBefore = production.requestLog().filter((request) => request.method !== 'GET').length;
    await click(promote, role('button', 'Preview changes (dry run)'));
    await waitForText(promote, '1 to create, 1 to update, 0 unchanged, 1 invalid for the target.');
    const item = async (name: string) =>
      (await find(promote, role('listitem', name))).evaluate((element) => element.textContent.replace(/\s+/g, ' '));
    const create = await item(CLM_SYNC);
    expect(create).toContain('Create');
    expect(create).toContain('A new Client Secret is issued and handed over once after the apply.');
    const copilotInTarget = production.data.connections.find(
      (connection) => connection.ExternalIdentifier === SALESFORCE && connection.type === 'UItoAPI',
    );
    const update = await item(COPILOT);
    expect(update).toContain('Update');
    expect(update).toContain('Copilot, first rollout.');
    expect(update).toContain(`Keeps its Client ID ${copilotInTarget?.ClientId ?? '?'}.`);
    const invalid = await item(SANDBOX_SYNC);
    expect(invalid).toContain('Invalid for the target');
    expect(invalid).toContain(
      `The target has no External Integration with the identifier ${SANDBOX}. Add it to the target's External Integrations first.`,
    );
    expect(production.requestLog().filter((request) => request.method !== 'GET').length).toBe(writesBefore);
    await collectTokens();
    await promote.close();
  });

  it('C1-08 signs out in every page at once and ends the provider session; the next sign-in asks for the password', async () => {
    const popup = await firefox.open('src/popup/index.html');
    const panel = await firefox.open('src/panel/index.html?surface=tab');
    await waitForText(panel, 'Signed in as ');
    await waitForText(popup, 'Signed in as ');
    const endSessionWindow = nextWindow(firefox.browser);
    await click(panel, role('button', 'Sign out'));
    // The provider's sign-out window comes first: while Firefox shows a launchWebAuthFlow window, WebDriver BiDi
    // calls into the extension's other tabs can stall until it closes, so those tabs are read once it has.
    const endSession = await endSessionWindow;
    // Listen for the close before clicking: the window closes itself once the flow reaches the redirect URL. The
    // click's own BiDi call may then never be answered (its window is gone), so the close is what is waited for; a
    // click that fails while the window is still open fails the test.
    const closed = new Promise((resolve) => endSession.once('close', resolve));
    const clicking = click(endSession, role('button', 'Sign out')).catch((error: unknown) => {
      if (!endSession.isClosed()) throw error;
    });
    await Promise.race([closed, clicking.then(() => closed)]);
    // Every page shows the signed-out state without a reload.
    await find(popup, role('button', 'Sign in'));
    await find(panel, role('button', 'Sign in'));
    // The signed-out tenant's tokens are gone; only Promote's target tenant still holds a session.
    const session = await inExtension(() => browser.storage.session.get(null));
    expect(Object.keys(session).filter((key) => key.startsWith('conga:tokens:'))).toEqual([
      `conga:tokens:${await tenantId(TARGET_NAME)}`,
    ]);
    expect(emulator.requestLog().some((r) => r.path.endsWith('/connect/endsession'))).toBe(true);

    const signInWindow = nextWindow(firefox.browser);
    await click(popup, role('button', 'Sign in'));
    const auth = await signInWindow;
    await find(auth, '#username');
    await auth.close();
    await waitForText(popup, 'The sign-in window was closed before sign-in finished.');
    await popup.close();
    await panel.close();
  });

  it("B5-08 a tenant whose connection lacks the extension's redirect URL: the popup says what to add, and no window opens", async () => {
    emulator.addIntegration('B508-E2E', 'B5-08 extension redirect check');
    const {ClientId: clientId} = emulator.createConnection({
      ExternalIdentifier: 'B508-E2E',
      type: 'UItoAPI',
      ClientName: 'Portal without the extension',
      RedirectURI: ['https://portal.example.test/callback'],
      AllowedScopes: ['openid', 'profile', 'email', 'offline_access', 'api.user-management'],
    });
    await addTenant('Acme (no extension redirect)', emulator, clientId);
    const popup = await firefox.open('src/popup/index.html');
    await choose(popup, role('combobox', 'Tenant'), await tenantId('Acme (no extension redirect)'));
    const targets = firefox.browser.targets().length;
    await click(popup, role('button', 'Sign in'));
    await waitForText(
      popup,
      `Redirect URI not registered for extension ID ${EXTENSION_GECKO_ID}: add ${EXTENSION_FIREFOX_REDIRECT_URI} to the Redirect URIs of the UI-to-API connection with Client ID ${clientId} on ${new URL(emulator.issuer).host}, then sign in again.`,
    );
    expect(firefox.browser.targets()).toHaveLength(targets);
    await choose(popup, role('combobox', 'Tenant'), await tenantId(TENANT_NAME));
    await popup.close();
  });

  it('B5-03 storage.local never held a token', async () => {
    const local = await inExtension(() => browser.storage.local.get(null));
    const text = JSON.stringify(local);
    expect(Object.keys(local)).toEqual(['conga:settings']);
    // Both tenants' access and refresh tokens, at least.
    expect(tokensSeen.size).toBeGreaterThanOrEqual(4);
    for (const token of tokensSeen) expect(text).not.toContain(token);
    expect(text).not.toMatch(/token/i);
  });

  it('B5-09 the whole run left no uncaught error, CSP violation or console error in the extension', () => {
    expect(firefox.problems).toEqual([]);
  });
});

/** The extension's namespace, in the extension's pages and content scripts where these functions run. */
declare const browser: Browser;
