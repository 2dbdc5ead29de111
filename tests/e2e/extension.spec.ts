/// <reference types="chrome" />
/**
 * The built extension (development build, fixed ID) loaded into headless Chromium, against a fresh emulator on a free
 * port: the admin configures the tenant in the options page, signs in from the popup through the emulator's login
 * form in the launchWebAuthFlow window, creates and deactivates a UI-to-API connection in the side panel page, uses
 * the drawer on a local portal page, and signs out; plus the B5 cases (SECURITY-CASES.md) a loaded extension can show.
 *
 * The extension's "Local emulator" preset is fixed to port 7070, so the tenant is added with the custom issuer and
 * API fields pointing at this test's emulator, exactly as an admin would for any other tenant.
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
  chromium,
  expect,
  test,
  type BrowserContext,
  type CDPSession,
  type Frame,
  type Locator,
  type Page,
  type Worker,
} from '@playwright/test';
import {createEmulator, EXTENSION_REDIRECT_URI, type Emulator} from '@conga-connections/emulator';
import {buildExtension} from '../../extension/scripts/build.mjs';
import {args, executablePath} from '../support/chromium.mjs';

test.describe.configure({mode: 'serial'});

const EXTENSION_ID = 'lmbadgbaohkjlkfmjkkbhlcdedjcbjkc';
const TENANT_NAME = 'Acme (test emulator)';
const SEEDED = ['Salesforce CLM sync', 'Conga Copilot in Salesforce', 'Sandbox CLM sync'];
const NEW_CONNECTION = 'Field service app (extension e2e)';

let directory: string;
let emulator: Emulator;
let portal: Server;
let portalUrl: string;
let context: BrowserContext;
/** Every access and refresh token the worker held during the run, for the final storage.local check. */
const tokensSeen = new Set<string>();
/** Uncaught errors, CSP violations and console errors of the extension's pages and worker (B5-09). */
const problems: string[] = [];
/** The one error the run causes on purpose: "Check" calls the API without a token to see that it answers. */
const EXPECTED_CONSOLE_ERRORS = [/^Failed to load resource: the server responded with a status of 401/];

function watchForProblems(page: Page): void {
  page.on('pageerror', (error) => {
    if (page.url().startsWith('chrome-extension://')) problems.push(`${page.url()}: ${error.message}`);
  });
  page.on('console', (message) => {
    const source = message.location().url;
    if (message.type() !== 'error' || !source.startsWith('chrome-extension://')) return;
    if (!EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()))) {
      problems.push(`${source}: ${message.text()}`);
    }
  });
}

function extensionUrl(path: string): string {
  return `chrome-extension://${EXTENSION_ID}/${path}`;
}

/** The running service worker (it may have been restarted since the last call). */
async function serviceWorker(): Promise<Worker> {
  const [current] = context.serviceWorkers();
  return current ?? context.waitForEvent('serviceworker');
}

/** Records the tokens now in storage.session (read from the worker, which may read it). */
async function collectTokens(): Promise<Record<string, unknown>> {
  const items = await (await serviceWorker()).evaluate(() => chrome.storage.session.get(null));
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith('conga:tokens:')) continue;
    const record = value as {accessToken?: string; refreshToken?: string};
    for (const token of [record.accessToken, record.refreshToken]) if (token) tokensSeen.add(token);
  }
  return items;
}

function tab(page: Page | Frame): Locator {
  return page.locator('conga-api-connections');
}

function table(page: Page | Frame): Locator {
  return tab(page).getByRole('table', {name: 'API connections'});
}

async function openPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(path));
  return page;
}

/** The emulator's login form in the launchWebAuthFlow window, which Playwright sees as a page. */
async function logIn(authWindow: Page): Promise<void> {
  await authWindow.getByLabel('User name').fill(emulator.users.admin.username);
  await authWindow.getByLabel('Password').fill(emulator.users.admin.password);
  await authWindow.getByRole('button', {name: 'Sign in'}).click();
}

/**
 * The real toolbar popup (`action.openPopup()`), which Playwright does not list as a page: reached through a raw
 * DevTools session. `click()` runs with a user gesture, as a click on the popup would.
 */
async function openToolbarPopup(
  over: Page,
): Promise<{evaluate(expression: string, gesture?: boolean): Promise<unknown>}> {
  const cdp: CDPSession = await context.newCDPSession(over);
  await over.bringToFront();
  await (await serviceWorker()).evaluate(() => chrome.action.openPopup());
  let targetId = '';
  await expect
    .poll(async () => {
      const {targetInfos} = await cdp.send('Target.getTargets');
      targetId =
        targetInfos.find((t) => t.type === 'page' && t.url === extensionUrl('src/popup/index.html'))?.targetId ?? '';
      return targetId;
    })
    .not.toBe('');
  const {sessionId} = await cdp.send('Target.attachToTarget', {targetId, flatten: false});
  let next = 0;
  const pending = new Map<number, (message: {result?: {result?: {value?: unknown}}; error?: unknown}) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as {id?: number; result?: {result?: {value?: unknown}}; error?: unknown};
    if (message.id !== undefined) pending.get(message.id)?.(message);
  });
  return {
    async evaluate(expression, gesture = false) {
      const id = ++next;
      const answer = new Promise<{result?: {result?: {value?: unknown}}; error?: unknown}>((resolve) =>
        pending.set(id, resolve),
      );
      const params = {expression, awaitPromise: true, returnByValue: true, userGesture: gesture};
      await cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({id, method: 'Runtime.evaluate', params}),
      });
      const message = await answer;
      if (message.error) throw new Error(JSON.stringify(message.error));
      return message.result?.result?.value;
    },
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  directory = mkdtempSync(join(tmpdir(), 'conga-extension-e2e-'));
  const extensionDir = await buildExtension({browser: 'chromium', flavour: 'dev', outDir: join(directory, 'build')});
  emulator = await createEmulator({port: 0});
  portal = createServer((_request, response) => {
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.end('<!doctype html><html lang="en"><title>Acme portal</title><h1>Acme admin portal</h1></html>');
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  const address = portal.address();
  if (address === null || typeof address === 'string') throw new Error('the portal has no port');
  portalUrl = `http://127.0.0.1:${String(address.port)}/admin`;
  context = await chromium.launchPersistentContext(join(directory, 'profile'), {
    executablePath,
    headless: true,
    args: [...args, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  context.on('page', watchForProblems);
  const watchWorker = (worker: Worker) =>
    worker.on('console', (message) => {
      if (message.type() === 'error') problems.push(`worker: ${message.text()}`);
    });
  context.on('serviceworker', watchWorker);
  context.serviceWorkers().forEach(watchWorker);
  expect(new URL((await serviceWorker()).url()).host).toBe(EXTENSION_ID);
});

test.afterAll(async () => {
  await context.close();
  await emulator.close();
  await new Promise((resolve) => portal.close(resolve));
  rmSync(directory, {recursive: true, force: true});
});

test('B5-08 the options page shows the redirect URL the emulator seed registers, and adds the tenant after Check', async () => {
  const options = await openPage('src/options/index.html');
  const page = options.locator('conga-extension-options');
  await expect(page.locator('#redirect-url')).toHaveText(EXTENSION_REDIRECT_URI);
  await page.getByLabel('Name').fill(TENANT_NAME);
  await page.getByLabel('Region').selectOption('custom');
  await page.getByLabel('Issuer (sign-in service)').fill(emulator.issuer);
  await page.getByLabel('API base URL').fill(emulator.apiBaseUrl);
  await page.getByLabel('Client ID').fill(emulator.clients.extension.clientId);
  await page.getByRole('button', {name: 'Check'}).click();
  const findings = page.getByRole('list', {name: 'Check results'});
  await expect(findings.getByText(`The sign-in service at ${emulator.issuer} answered.`)).toBeVisible();
  await expect(findings.getByText(`The API at ${emulator.apiBaseUrl} answered.`)).toBeVisible();
  await page.getByRole('button', {name: 'Save tenant'}).click();
  await expect(page.getByRole('status')).toHaveText(`Saved “${TENANT_NAME}”.`);
  await expect(page.getByRole('listitem').filter({hasText: TENANT_NAME})).toContainText(emulator.issuer);
  await options.close();
});

test('signs in from the popup through the login form in the auth window; the list shows the seeded connections', async () => {
  const popup = await openPage('src/popup/index.html');
  await expect(popup.getByRole('combobox', {name: 'Tenant'})).toHaveValue(/.+/);
  const authWindow = context.waitForEvent('page');
  await tab(popup).getByRole('button', {name: 'Sign in', exact: true}).click();
  const auth = await authWindow;
  expect(auth.url()).toContain(`${emulator.issuer}/interaction/`);
  await logIn(auth);
  await expect(tab(popup).getByText(/^Signed in as /)).toBeVisible();
  for (const name of SEEDED) await expect(table(popup).getByRole('cell', {name, exact: true})).toBeVisible();
  // The sign-in redirect went to the extension's chromiumapp.org URL, with PKCE S256.
  const authorize = emulator.requestLog().find((request) => request.path.endsWith('/connect/authorize'));
  expect(new URLSearchParams(authorize?.query).get('redirect_uri')).toBe(EXTENSION_REDIRECT_URI);
  expect(new URLSearchParams(authorize?.query).get('code_challenge_method')).toBe('S256');
  const session = await collectTokens();
  expect(tokensSeen.size).toBeGreaterThan(0);
  expect(Object.keys(session).some((key) => key.startsWith('conga:auth-state:'))).toBe(true);
  await popup.close();
});

test('C4-04 the popup hands "add" and "edit" over to the side panel instead of opening a form that shows a secret', async () => {
  const observer = await context.newPage();
  const cdp = await context.newCDPSession(observer);
  const openers: [string, (popup: Page) => Locator][] = [
    ['add', (popup) => tab(popup).getByRole('button', {name: 'Add API To API Connection'}).first()],
    // The seeded API-to-API connection: saving its edit form would regenerate and show a secret.
    [
      'edit',
      (popup) => table(popup).getByRole('button', {name: /^00D5g000008XyZaEAK\s*, edit the API to API connection$/}),
    ],
  ];
  for (const [, opener] of openers) {
    const popup = await openPage('src/popup/index.html');
    await expect(table(popup)).toBeVisible();
    const closed = popup.waitForEvent('close');
    // The popup opens the side panel (for this window) and closes itself; a form opening instead would keep it open.
    // It can close before the click's own bookkeeping ends, which then reports the closed page: that is the outcome
    // this test wants, so only an error while the popup is still open fails it.
    await opener(popup)
      .click()
      .catch((error: unknown) => {
        if (!popup.isClosed()) throw error;
      });
    await closed;
  }
  await expect
    .poll(async () => {
      const {targetInfos} = await cdp.send('Target.getTargets');
      return targetInfos.map((target) => target.url);
    })
    .toContain(extensionUrl('src/panel/index.html'));
  await observer.close();
});

test('creates a UI-to-API connection in the side panel page and deactivates it', async () => {
  const panel = await openPage('src/panel/index.html');
  await expect(table(panel).getByRole('cell', {name: SEEDED[0], exact: true})).toBeVisible();
  await tab(panel).getByRole('button', {name: 'Add UI To API Connection'}).first().click();
  const form = tab(panel).getByRole('dialog', {name: 'Add UI To API Connection'});
  await form.getByLabel('External Identifier').selectOption('00D7z000000AbCdEAG');
  await form.getByLabel('Client Name').fill(NEW_CONNECTION);
  await form.getByRole('textbox', {name: 'Redirect URI 1'}).fill('https://field.acme.test/callback');
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();
  // Issue 12: a UI-to-API connection gets a Client ID and no secret, and the hand-off says so.
  const handoff = tab(panel).getByRole('dialog', {name: 'Client ID generated'});
  await expect(handoff.getByLabel('Client ID', {exact: true})).not.toHaveValue('');
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
  const row = table(panel).getByRole('row').filter({hasText: NEW_CONNECTION});
  await expect(row.getByRole('cell', {name: 'Active', exact: true})).toBeVisible();
  expect(emulator.data.connections.find((c) => c.ClientName === NEW_CONNECTION)?.IsActive).toBe(true);

  await table(panel)
    .getByRole('button', {name: `Deactivate ${NEW_CONNECTION}`})
    .click();
  const confirm = tab(panel).getByRole('dialog', {name: `Deactivate ${NEW_CONNECTION}?`});
  await confirm.getByRole('button', {name: 'Deactivate', exact: true}).click();
  await expect(row.getByRole('cell', {name: 'Inactive', exact: true})).toBeVisible();
  expect(emulator.data.connections.find((c) => c.ClientName === NEW_CONNECTION)?.IsActive).toBe(false);
  // The page called the API with the worker's token from the extension's origin (host permission, not CORS).
  const writes = emulator.requestLog().filter((r) => r.method !== 'GET' && r.path.includes('/api-connections'));
  expect(writes.map((r) => [r.method, r.status < 300, r.authorization, r.origin])).toEqual([
    ['POST', true, 'Bearer [redacted]', `chrome-extension://${EXTENSION_ID}`],
    [expect.stringMatching(/^(PUT|PATCH|POST)$/), true, 'Bearer [redacted]', `chrome-extension://${EXTENSION_ID}`],
  ]);
  await panel.close();
});

test('C1-09 the service worker restarting mid-session loses nothing: the next request still works', async () => {
  const panel = await openPage('src/panel/index.html');
  await expect(table(panel).getByRole('cell', {name: SEEDED[0], exact: true})).toBeVisible();
  await (
    await serviceWorker()
  ).evaluate(() => {
    (globalThis as {congaTestMarker?: boolean}).congaTestMarker = true;
  });
  const cdp = await context.newCDPSession(panel);
  const statuses: string[] = [];
  let versionId = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({versions}) => {
    for (const version of versions) {
      if (!version.scriptURL.startsWith(`chrome-extension://${EXTENSION_ID}/`)) continue;
      versionId = version.versionId;
      statuses.push(version.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => versionId).not.toBe('');
  await cdp.send('ServiceWorker.stopWorker', {versionId});
  await expect.poll(() => statuses.at(-1)).toBe('stopped');

  const before = emulator.requestLog().length;
  await tab(panel).getByRole('button', {name: 'Refresh'}).click();
  await expect.poll(() => statuses.at(-1)).toBe('running');
  await expect(table(panel).getByRole('cell', {name: NEW_CONNECTION, exact: true})).toBeVisible();
  await expect(tab(panel).getByText(/^Signed in as /)).toBeVisible();
  // A new worker (the marker is gone) answered from storage.session: the list call carried a token, no sign-in ran.
  expect(
    await (await serviceWorker()).evaluate(() => (globalThis as {congaTestMarker?: boolean}).congaTestMarker),
  ).toBeUndefined();
  const after = emulator.requestLog().slice(before);
  expect(after.some((r) => r.path.endsWith('/api-connections') && r.status === 200 && r.authorization)).toBe(true);
  expect(after.some((r) => r.path.includes('/connect/'))).toBe(false);
  await collectTokens();
  await panel.close();
});

test('the drawer opens on a local portal page from the toolbar popup and works there; the page cannot reach into it', async () => {
  const host = await context.newPage();
  await host.goto(portalUrl);
  const popup = await openToolbarPopup(host);
  // Wait until the popup knows the page it was opened on, then press "Show in this page".
  await popup.evaluate(`new Promise((resolve) => {
    const find = () => [...(document.querySelector('conga-extension-shell')?.shadowRoot?.querySelectorAll('button') ?? [])]
      .find((button) => button.textContent.trim() === 'Show in this page');
    const wait = () => (find() ? resolve(true) : requestAnimationFrame(wait));
    wait();
  })`);
  await popup.evaluate(
    `[...document.querySelector('conga-extension-shell').shadowRoot.querySelectorAll('button')]
      .find((button) => button.textContent.trim() === 'Show in this page').click()`,
    true,
  );
  let drawer: Frame | undefined;
  await expect
    .poll(() => (drawer = host.frames().find((frame) => frame.url().includes('src/panel/index.html?surface=drawer'))))
    .toBeDefined();
  if (!drawer) throw new Error('no drawer');
  await expect(tab(drawer).getByText(/^Signed in as /)).toBeVisible();
  await expect(table(drawer).getByRole('cell', {name: SEEDED[0], exact: true})).toBeVisible();
  // B5-07: the host page sees a host element with a closed shadow root, and no way into the extension's frame.
  // The frame sits in a closed shadow tree, so it isn't even among window.frames; any frame the page can reach is
  // cross-origin to it (chrome-extension://), so its document is out of reach too.
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

test('B5-05 a web page gets nothing from chrome.runtime.sendMessage', async () => {
  const page = await context.newPage();
  await page.goto(portalUrl);
  const answer = await page.evaluate(async (id) => {
    const runtime = (globalThis as {chrome?: {runtime?: {sendMessage?: (...a: unknown[]) => Promise<unknown>}}}).chrome
      ?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return 'no runtime messaging';
    try {
      return JSON.stringify(await runtime.sendMessage(id, {type: 'auth:get-access-token', payload: {}}));
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, EXTENSION_ID);
  expect(answer).toBe('no runtime messaging');
  await page.close();
});

test('B5-03 B5-04 a content script can neither read storage.session nor get a token', async () => {
  const page = await context.newPage();
  await page.goto(portalUrl);
  const tenantId = await (
    await serviceWorker()
  ).evaluate(async () => {
    const {['conga:settings']: settings} = await chrome.storage.local.get('conga:settings');
    return (settings as {tenants: {id: string}[]}).tenants[0]?.id ?? '';
  });
  const results = await (
    await serviceWorker()
  ).evaluate(
    async ({url, tenantId}) => {
      const [tab] = await chrome.tabs.query({url});
      if (tab?.id === undefined) throw new Error('no portal tab');
      const [injection] = await chrome.scripting.executeScript({
        target: {tabId: tab.id},
        args: [tenantId],
        func: async (id: string) => {
          let session: string;
          try {
            session = JSON.stringify(await chrome.storage.session.get(null));
          } catch (error) {
            session = `refused: ${String(error)}`;
          }
          const token: unknown = await chrome.runtime.sendMessage({
            type: 'auth:get-access-token',
            payload: {tenantId: id},
          });
          return {session, token};
        },
      });
      return injection?.result;
    },
    {url: portalUrl, tenantId},
  );
  expect(results).toEqual({
    session: 'refused: Error: Access to storage is not allowed from this context.',
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

test('C1-08 signs out in every page at once and ends the provider session; the next sign-in asks for the password', async () => {
  const popup = await openPage('src/popup/index.html');
  const panel = await openPage('src/panel/index.html');
  await expect(tab(panel).getByText(/^Signed in as /)).toBeVisible();
  await expect(tab(popup).getByText(/^Signed in as /)).toBeVisible();
  const endSessionWindow = context.waitForEvent('page');
  await tab(panel).getByRole('button', {name: 'Sign out'}).click();
  // Tokens are gone everywhere before the provider is even asked.
  await expect(tab(popup).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
  await expect(tab(panel).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
  const endSession = await endSessionWindow;
  // Listen for the close before clicking: the window can close (the flow ends at the redirect URL) before a
  // listener registered after the click would exist, and then the wait would never end.
  const closed = endSession.waitForEvent('close');
  await endSession.getByRole('button', {name: 'Sign out'}).click();
  await closed;
  const session = await (await serviceWorker()).evaluate(() => chrome.storage.session.get(null));
  expect(Object.keys(session).filter((key) => key.startsWith('conga:tokens:'))).toEqual([]);
  expect(emulator.requestLog().some((r) => r.path.endsWith('/connect/endsession'))).toBe(true);

  const signInWindow = context.waitForEvent('page');
  await tab(popup).getByRole('button', {name: 'Sign in', exact: true}).click();
  const auth = await signInWindow;
  await expect(auth.getByLabel('User name')).toBeVisible();
  await auth.close();
  await expect(tab(popup).getByText('The sign-in window was closed before sign-in finished.')).toBeVisible();
  await popup.close();
  await panel.close();
});

test("B5-08 a tenant whose connection lacks the extension's redirect URL: the popup says what to add, and no window opens", async () => {
  emulator.addIntegration('B508-E2E', 'B5-08 extension redirect check');
  const {ClientId: clientId} = emulator.createConnection({
    ExternalIdentifier: 'B508-E2E',
    type: 'UItoAPI',
    ClientName: 'Portal without the extension',
    RedirectURI: ['https://portal.example.test/callback'],
    AllowedScopes: ['openid', 'profile', 'email', 'offline_access', 'api.user-management'],
  });
  const options = await openPage('src/options/index.html');
  const settings = options.locator('conga-extension-options');
  await settings.getByLabel('Name').fill('Acme (no extension redirect)');
  await settings.getByLabel('Region').selectOption('custom');
  await settings.getByLabel('Issuer (sign-in service)').fill(emulator.issuer);
  await settings.getByLabel('API base URL').fill(emulator.apiBaseUrl);
  await settings.getByLabel('Client ID').fill(clientId);
  await settings.getByRole('button', {name: 'Save tenant'}).click();
  await expect(settings.getByRole('status')).toHaveText('Saved “Acme (no extension redirect)”.');
  await options.close();

  const popup = await openPage('src/popup/index.html');
  const tenants = popup.getByRole('combobox', {name: 'Tenant'});
  const previous = await tenants.inputValue();
  await tenants.selectOption({label: 'Acme (no extension redirect)'});
  const pages = context.pages().length;
  await tab(popup).getByRole('button', {name: 'Sign in', exact: true}).click();
  await expect(tab(popup).getByRole('alert').filter({hasText: /./})).toHaveText(
    `Redirect URI not registered for extension ID ${EXTENSION_ID}: add ${EXTENSION_REDIRECT_URI} to the Redirect URIs of the UI-to-API connection with Client ID ${clientId} on ${new URL(emulator.issuer).host}, then sign in again.`,
  );
  expect(context.pages()).toHaveLength(pages);
  // Back to the tenant the other tests use.
  await tenants.selectOption(previous);
  await popup.close();
});

test('B5-03 storage.local never held a token', async () => {
  const local = await (await serviceWorker()).evaluate(() => chrome.storage.local.get(null));
  const text = JSON.stringify(local);
  expect(Object.keys(local)).toEqual(['conga:settings']);
  expect(tokensSeen.size).toBeGreaterThan(1);
  for (const token of tokensSeen) expect(text).not.toContain(token);
  expect(text).not.toMatch(/token/i);
});

test('B5-09 the whole run left no uncaught error, CSP violation or console error in the extension', () => {
  expect(problems).toEqual([]);
});
