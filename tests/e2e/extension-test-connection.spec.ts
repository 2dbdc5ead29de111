/// <reference types="chrome" />
/**
 * "Test a connection, in place" in the built extension (development build, fixed ID) in headless Chromium, against a
 * fresh emulator: Test sign-in of a UI-to-API connection through the extension's own redirect URL
 * (launchWebAuthFlow, run by the background worker) showing the decoded claims, the "redirect URI not registered"
 * diagnosis for a connection that doesn't list that URL, and Get a token now with a pasted secret, answered by the
 * worker with the token's claims, scopes and expiry (never the token).
 */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, expect, test, type BrowserContext, type Locator, type Page} from '@playwright/test';
import {createEmulator, EXTENSION_REDIRECT_URI, type Emulator} from '@conga-connections/emulator';
import {buildExtension} from '../../extension/scripts/build.mjs';
import {args, executablePath} from '../support/chromium.mjs';

test.describe.configure({mode: 'serial'});

const EXTENSION_ID = 'lmbadgbaohkjlkfmjkkbhlcdedjcbjkc';
const SANDBOX = '00D7z000000AbCdEAG';
const SALESFORCE = '00D5g000008XyZaEAK';
const MICROSOFT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const UI_NAME = 'Field app (extension test sign-in)';
const API_NAME = 'Entra sync (extension token test)';

let directory: string;
let emulator: Emulator;
let context: BrowserContext;
let apiSecret = '';
/** Uncaught errors and console errors of the extension's pages and worker. */
const problems: string[] = [];

function extensionUrl(path: string): string {
  return `chrome-extension://${EXTENSION_ID}/${path}`;
}

function tab(page: Page): Locator {
  return page.locator('conga-api-connections');
}

async function openPage(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(extensionUrl(path));
  return page;
}

/** Plays the admin in a launchWebAuthFlow window (Playwright sees it as a page): login if asked, then consent. */
async function finishInAuthWindow(auth: Page): Promise<void> {
  const closed = auth.waitForEvent('close');
  const login = auth.getByLabel('User name');
  const allow = auth.getByRole('button', {name: 'Allow'});
  for (;;) {
    const next = await Promise.race([
      closed.then(() => 'closed' as const),
      login.waitFor().then(() => 'login' as const),
      allow.waitFor().then(() => 'consent' as const),
    ]);
    if (next === 'closed') return;
    if (next === 'login') {
      await login.fill(emulator.users.admin.username);
      await auth.getByLabel('Password').fill(emulator.users.admin.password);
      await auth.getByRole('button', {name: 'Sign in'}).click();
      // The window may close at once (a first-party client has no consent step) or move on to consent.
      await Promise.race([closed, auth.waitForURL((url) => !url.pathname.includes('/login')).catch(() => undefined)]);
    } else {
      await allow.click();
      await closed;
      return;
    }
  }
}

/** Opens the edit view of a connection in the side panel page and its Tools section. */
async function openTools(panel: Page, identifier: string, type: 'API to API' | 'UI to API'): Promise<Locator> {
  await tab(panel)
    .getByRole('table', {name: 'API connections'})
    .getByRole('button', {name: new RegExp(`^${identifier}\\s*, edit the ${type} connection$`)})
    .click();
  const form = tab(panel).getByRole('dialog', {name: 'Edit API connection'});
  await expect(form.getByLabel('Client Name')).not.toHaveValue('');
  await form.getByText('Tools', {exact: true}).click();
  return form;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  directory = mkdtempSync(join(tmpdir(), 'conga-extension-test-connection-'));
  const extensionDir = await buildExtension({browser: 'chromium', flavour: 'dev', outDir: join(directory, 'build')});
  emulator = await createEmulator({port: 0, testHooks: true});
  emulator.createConnection({
    ExternalIdentifier: SANDBOX,
    type: 'UItoAPI',
    ClientName: UI_NAME,
    // The extension's own redirect URL: what Test sign-in sends from the extension.
    RedirectURI: [EXTENSION_REDIRECT_URI],
    AllowedScopes: ['openid', 'profile'],
  });
  apiSecret =
    emulator.createConnection({ExternalIdentifier: MICROSOFT, type: 'APItoAPI', ClientName: API_NAME}).ClientSecret ??
    '';
  context = await chromium.launchPersistentContext(join(directory, 'profile'), {
    executablePath,
    headless: true,
    args: [...args, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => {
      if (page.url().startsWith('chrome-extension://')) problems.push(`${page.url()}: ${error.message}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://')) {
        problems.push(`${message.location().url}: ${message.text()}`);
      }
    });
  });

  // The tenant, as an admin adds it in the options page; then sign in from the side panel page.
  const options = await openPage('src/options/index.html');
  const settings = options.locator('conga-extension-options');
  await settings.getByLabel('Name').fill('Acme (test emulator)');
  await settings.getByLabel('Region').selectOption('custom');
  await settings.getByLabel('Issuer (sign-in service)').fill(emulator.issuer);
  await settings.getByLabel('API base URL').fill(emulator.apiBaseUrl);
  await settings.getByLabel('Client ID').fill(emulator.clients.extension.clientId);
  await settings.getByRole('button', {name: 'Save tenant'}).click();
  await expect(settings.getByRole('status')).toContainText('Saved');
  await options.close();
  const panel = await openPage('src/panel/index.html');
  const authWindow = context.waitForEvent('page');
  await tab(panel).getByRole('button', {name: 'Sign in', exact: true}).click();
  await finishInAuthWindow(await authWindow);
  await expect(tab(panel).getByText(/^Signed in as /)).toBeVisible();
  await panel.close();
});

test.afterAll(async () => {
  await context.close();
  await emulator.close();
  rmSync(directory, {recursive: true, force: true});
});

test("Test sign-in in the extension runs through the extension's redirect URL and shows the decoded claims", async () => {
  const panel = await openPage('src/panel/index.html');
  const form = await openTools(panel, SANDBOX, 'UI to API');
  await expect(form.getByText(`comes back to ${EXTENSION_REDIRECT_URI}`)).toBeVisible();
  const before = emulator.requestLog().length;
  const authWindow = context.waitForEvent('page');
  await form.getByRole('button', {name: 'Test sign-in'}).click();
  await finishInAuthWindow(await authWindow);
  const outcome = form.locator('conga-sign-in-test [part="outcome"]');
  await expect(outcome).toContainText('Sign-in works: the platform issued tokens to this connection.');
  await expect(outcome.getByRole('heading', {name: 'ID token claims'})).toBeVisible();
  await expect(outcome).toContainText(emulator.issuer);
  await expect(outcome).toContainText('openid profile');
  await expect(outcome).toContainText(/expires in \d+ minutes, at \d\d:\d\d/);
  // The authorization request named the tested connection and the extension's redirect URL, with PKCE S256; the
  // token request came from the worker.
  const tested = emulator.data.connections.find((c) => c.ClientName === UI_NAME);
  const authorize = emulator
    .requestLog()
    .slice(before)
    .find((request) => request.path.endsWith('/connect/authorize'));
  const query = new URLSearchParams(authorize?.query);
  expect(query.get('client_id')).toBe(tested?.ClientId);
  expect(query.get('redirect_uri')).toBe(EXTENSION_REDIRECT_URI);
  expect(query.get('code_challenge_method')).toBe('S256');
  // The admin's own session is untouched.
  await form.getByRole('button', {name: 'Cancel'}).click();
  await expect(tab(panel).getByText(/^Signed in as /)).toBeVisible();
  await panel.close();
});

test("Test sign-in in the extension diagnoses a connection that doesn't list the extension's redirect URL, before any window opens", async () => {
  const panel = await openPage('src/panel/index.html');
  const form = await openTools(panel, SALESFORCE, 'UI to API');
  let windows = 0;
  const count = () => windows++;
  context.on('page', count);
  await form.getByRole('button', {name: 'Test sign-in'}).click();
  const outcome = form.locator('conga-sign-in-test [part="outcome"]');
  await expect(outcome).toContainText(
    `The redirect URI ${EXTENSION_REDIRECT_URI} isn't registered on this connection, whose only redirect URI (https://acme.my.salesforce.com/static/clm/congacopilot/?q=param) is nothing like it.`,
  );
  await expect(form.getByRole('button', {name: `Add ${EXTENSION_REDIRECT_URI} to Redirect URIs`})).toBeVisible();
  context.off('page', count);
  expect(windows).toBe(0);
  await form.getByRole('button', {name: 'Cancel'}).click();
  await panel.close();
});

test('Get a token now in the extension: the worker runs client_credentials with the pasted secret and answers claims, scopes and expiry', async () => {
  const panel = await openPage('src/panel/index.html');
  const form = await openTools(panel, MICROSOFT, 'API to API');
  const secretField = form.getByLabel('Client Secret');
  await expect(secretField).toHaveAttribute('type', 'password');
  await secretField.fill(apiSecret);
  const before = emulator.requestLog().length;
  await form.getByRole('button', {name: 'Get a token now'}).click();
  const outcome = form.locator('conga-token-test [part="outcome"]');
  await expect(outcome).toContainText('The platform issued a token to this connection.');
  await expect(outcome).toContainText('Granted scopes api.user-management');
  await expect(outcome).toContainText(/expires in \d+ minutes, at \d\d:\d\d/);
  await expect(outcome).toContainText('The access token is opaque (not a JWT)');
  await expect(secretField).toHaveValue('');
  // The request went from the worker, with the secret in the Authorization header (never in a URL).
  const token = emulator
    .requestLog()
    .slice(before)
    .filter((request) => request.path.endsWith('/connect/token'));
  expect(token.map((request) => [request.method, request.status, request.authorization])).toEqual([
    ['POST', 200, 'Basic [redacted]'],
  ]);
  expect(token[0]?.query).not.toContain(apiSecret);
  // Nothing of it reached the extension's storage.
  const [worker] = context.serviceWorkers();
  const stored = JSON.stringify(
    await worker?.evaluate(async () => ({
      session: await chrome.storage.session.get(null),
      local: await chrome.storage.local.get(null),
    })),
  );
  expect(stored).not.toContain(apiSecret);
  await form.getByRole('button', {name: 'Cancel'}).click();
  await panel.close();
});

test('the run left no uncaught error or console error in the extension', () => {
  expect(problems).toEqual([]);
});
