/**
 * `@conga-connections/auth` in Chromium against the emulator: a tiny host page (tests/fixtures/auth-host, bundled on
 * the fly by Vite) signs in with the redirect and the popup launcher, through the emulator's real login page.
 */
import {resolve} from 'node:path';
import {expect, test, type Page, type Request} from '@playwright/test';
import {createServer, type Plugin, type ViteDevServer} from 'vite';
import {createEmulator, type Emulator} from '@conga-connections/emulator';

const EXTERNAL_IDENTIFIER = 'AUTHBROWSERTESTS01';
const CONFIG_MODULE = 'virtual:auth-host-config';

let emulator: Emulator;
let vite: ViteDevServer;
let host = '';
const config = {issuer: '', clientId: '', apiBaseUrl: ''};

/** Serves the host page's settings as a module, filled in once the emulator and the connection exist. */
function hostConfig(): Plugin {
  return {
    name: 'auth-host-config',
    resolveId: (id) => (id === CONFIG_MODULE ? `\0${CONFIG_MODULE}` : undefined),
    load: (id) => (id === `\0${CONFIG_MODULE}` ? `export default ${JSON.stringify(config)};` : undefined),
  };
}

test.beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  vite = await createServer({
    configFile: false,
    root: resolve(import.meta.dirname, '../fixtures/auth-host'),
    cacheDir: resolve(import.meta.dirname, '../../.tmp/vite-auth-host'),
    logLevel: 'error',
    plugins: [hostConfig()],
    optimizeDeps: {noDiscovery: true, include: []},
    server: {host: '127.0.0.1', port: 0, strictPort: true, headers: {'Referrer-Policy': 'no-referrer'}},
  });
  await vite.listen();
  const address = vite.httpServer?.address();
  if (address === null || address === undefined || typeof address === 'string') throw new Error('vite has no port');
  host = `http://127.0.0.1:${String(address.port)}`;
  emulator.addIntegration(EXTERNAL_IDENTIFIER, 'auth browser tests');
  const {ClientId} = emulator.createConnection({
    ExternalIdentifier: EXTERNAL_IDENTIFIER,
    type: 'UItoAPI',
    ClientName: 'Auth host page',
    RedirectURI: [`${host}/`],
    CorsOrigins: [host],
    AllowedScopes: ['openid', 'profile', 'email', 'offline_access', 'api.user-management'],
  });
  Object.assign(config, {issuer: emulator.issuer, clientId: ClientId, apiBaseUrl: emulator.apiBaseUrl});
});

test.afterAll(async () => {
  await vite.close();
  await emulator.close();
});

/** Opens the host page and waits until it has handled any callback and tried a silent sign-in. */
async function openHost(page: Page, path = '/'): Promise<void> {
  await page.goto(`${host}${path}`);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

/** Fills the emulator's login form by its labels, then allows access on the consent page when it is shown. */
async function logIn(page: Page): Promise<void> {
  await page.getByLabel('User name').fill(emulator.users.admin.username);
  await page.getByLabel('Password').fill(emulator.users.admin.password);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await page.getByRole('button', {name: 'Allow'}).click();
}

test.describe('redirect mode', () => {
  test('B2-08 signs in through the login page, lands on the page it started from, with a clean address bar', async ({
    page,
  }) => {
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await openHost(page, '/?view=connections#list');
    await expect(page.locator('#status')).toHaveText('signed-out');
    await page.getByRole('button', {name: 'Sign in'}).click();
    await logIn(page);
    await expect(page.locator('#status')).toHaveText('signed-in');
    await expect(page.locator('#user')).toHaveText(emulator.users.admin.id);
    // B2-08 and B2-09: code, state and iss are gone, and the page the admin was on is back.
    expect(page.url()).toBe(`${host}/?view=connections#list`);
    await expect.poll(() => page.evaluate(() => location.href)).not.toMatch(/code=|state=|iss=/);
    await page.getByRole('button', {name: 'Call API'}).click();
    await expect(page.locator('#api-result')).toHaveText(`200 ${emulator.users.admin.username}`);
    // No request URL carries a token, and nothing carries the callback URL in a Referer.
    for (const request of requests) {
      expect(request.url()).not.toMatch(/access_token|refresh_token|id_token=/);
      expect((await request.allHeaders()).referer ?? '').not.toMatch(/code=/);
    }
  });

  test('signs in again without the password after a reload, while the provider session lives', async ({page}) => {
    await openHost(page);
    await page.getByRole('button', {name: 'Sign in'}).click();
    await logIn(page);
    await expect(page.locator('#status')).toHaveText('signed-in');
    await openHost(page, '/?after=reload');
    await expect(page.locator('#status')).toHaveText('signed-in');
    expect(page.url()).toBe(`${host}/?after=reload`);
  });

  test('C1-08 signs out at the provider: after a reload the login form is asked for again', async ({page}) => {
    await openHost(page);
    await page.getByRole('button', {name: 'Sign in'}).click();
    await logIn(page);
    await expect(page.locator('#status')).toHaveText('signed-in');
    await page.getByRole('button', {name: 'Sign out'}).click();
    // The emulator asks for confirmation, as oidc-provider does for RP-initiated logout.
    await page.getByRole('button', {name: 'Sign out'}).click();
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    expect(page.url()).toBe(`${host}/`);
    await expect(page.locator('#status')).toHaveText('signed-out');
    await expect(page.locator('#error')).toHaveText('');
    await openHost(page);
    await expect(page.locator('#status')).toHaveText('signed-out');
    await page.getByRole('button', {name: 'Sign in'}).click();
    await expect(page.getByLabel('User name')).toBeVisible();
  });
});

test.describe('popup mode', () => {
  test('signs in through a popup while the page and what the admin typed stay as they are', async ({page}) => {
    await openHost(page, '/?mode=popup');
    await page.getByLabel('Draft').fill('unsaved description');
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', {name: 'Sign in'}).click();
    const popup = await popupOpened;
    await logIn(popup);
    await popup.waitForEvent('close');
    await expect(page.locator('#status')).toHaveText('signed-in');
    await expect(page.getByLabel('Draft')).toHaveValue('unsaved description');
    expect(page.url()).toBe(`${host}/?mode=popup`);
    await page.getByRole('button', {name: 'Call API'}).click();
    await expect(page.locator('#api-result')).toHaveText(`200 ${emulator.users.admin.username}`);

    // Sign-out runs in a popup too, and the page still keeps the draft.
    const signOutOpened = page.waitForEvent('popup');
    await page.getByRole('button', {name: 'Sign out'}).click();
    const signOutPopup = await signOutOpened;
    await signOutPopup.getByRole('button', {name: 'Sign out'}).click();
    await signOutPopup.waitForEvent('close');
    await expect(page.locator('#status')).toHaveText('signed-out');
    await expect(page.getByLabel('Draft')).toHaveValue('unsaved description');
  });

  test('reports AUTH_POPUP_CLOSED when the admin closes the popup', async ({page}) => {
    await openHost(page, '/?mode=popup');
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', {name: 'Sign in'}).click();
    const popup = await popupOpened;
    await expect(popup.getByLabel('User name')).toBeVisible();
    await popup.close();
    await expect(page.locator('#error')).toHaveText(
      'AUTH_POPUP_CLOSED: The sign-in window was closed before sign-in finished.',
    );
    await expect(page.locator('#status')).toHaveText('error');
  });
});
