/// <reference types="chrome" />
/**
 * Promote between tenants, in the built extension: two emulators on two ports are two tenants. The source has the
 * default seed; the target (the "production" tenant) has no External Integration for the sandbox org, and already has
 * the Copilot UI-to-API connection with older settings. The admin adds both tenants, opens Promote from the side
 * panel, signs in to each, selects three connections, reads the dry run (create / update with its field changes /
 * invalid for the target), applies it, takes the new API-to-API secret from the one-time hand-off and gets a
 * client_credentials token with it from the target; the target's REST API then lists the promoted settings.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, expect, test, type BrowserContext, type Locator, type Page, type Worker} from '@playwright/test';
import {createEmulator, defaultSeed, type Emulator, type StoreData} from '@conga-connections/emulator';
import {buildExtension} from '../../extension/scripts/build.mjs';
import {args, executablePath} from '../support/chromium.mjs';
import {api, basicAuth, CONNECTIONS_PATH, signInUser, tokenRequest} from '../support/emulator.js';

test.describe.configure({mode: 'serial'});

const EXTENSION_ID = 'lmbadgbaohkjlkfmjkkbhlcdedjcbjkc';
const SOURCE_NAME = 'Acme sandbox';
const TARGET_NAME = 'Acme production';
const SALESFORCE = '00D5g000008XyZaEAK';
const SANDBOX = '00D7z000000AbCdEAG';
/** The three connections the admin promotes, as the page labels them. */
const CLM_SYNC = `Salesforce CLM sync (API to API, ${SALESFORCE})`;
const COPILOT = `Conga Copilot in Salesforce (UI to API, ${SALESFORCE})`;
const SANDBOX_SYNC = `Sandbox CLM sync (API to API, ${SANDBOX})`;
const EXTENSION_CONNECTION =
  'Conga API Connections browser extension (UI to API, 6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f)';
const OLD_COPILOT_REDIRECT = 'https://acme.my.salesforce.com/static/clm/congacopilot/';
const NEW_COPILOT_REDIRECT = 'https://acme.my.salesforce.com/static/clm/congacopilot/?q=param';

/**
 * The target tenant: the default organization without the sandbox org's External Integration (and so without its
 * connection), without the Salesforce API-to-API connection, and with the Copilot connection's older settings.
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
        ? {...connection, Description: 'Copilot, first rollout.', RedirectURI: [OLD_COPILOT_REDIRECT]}
        : connection,
    );
  return seed;
}

let directory: string;
let source: Emulator;
let target: Emulator;
let context: BrowserContext;
let promote: Page;
let clientId = '';
let clientSecret = '';
const problems: string[] = [];
/** The one error the run causes on purpose: the injected 503 of the second promotion. */
const EXPECTED_CONSOLE_ERRORS = [/^Failed to load resource: the server responded with a status of 503/];

async function serviceWorker(): Promise<Worker> {
  const [current] = context.serviceWorkers();
  return current ?? context.waitForEvent('serviceworker');
}

function view(page: Page): Locator {
  return page.locator('conga-extension-promote');
}

async function addTenant(name: string, emulator: Emulator): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
  const page = options.locator('conga-extension-options');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Region').selectOption('custom');
  await page.getByLabel('Issuer (sign-in service)').fill(emulator.issuer);
  await page.getByLabel('API base URL').fill(emulator.apiBaseUrl);
  await page.getByLabel('Client ID').fill(emulator.clients.extension.clientId);
  await page.getByRole('button', {name: 'Save tenant'}).click();
  await expect(page.getByRole('status')).toHaveText(`Saved “${name}”.`);
  await options.close();
}

async function signIn(page: Page, tenant: string, emulator: Emulator): Promise<void> {
  const authWindow = context.waitForEvent('page');
  await view(page)
    .getByRole('button', {name: `Sign in to ${tenant}`})
    .click();
  const auth = await authWindow;
  expect(auth.url()).toContain(`${emulator.issuer}/interaction/`);
  await auth.getByLabel('User name').fill(emulator.users.admin.username);
  await auth.getByLabel('Password').fill(emulator.users.admin.password);
  await auth.getByRole('button', {name: 'Sign in'}).click();
}

/**
 * axe-core (the engine the component tests' `.accessible()` runs; installed with @open-wc/testing), evaluated in the
 * page through DevTools, which the extension page's CSP doesn't apply to.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function expectAccessible(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const {passes, violations} = await page.evaluate(async () => {
    const axe = (globalThis as unknown as {axe: {run(context: Document, options: object): Promise<AxeResults>}}).axe;
    interface AxeResults {
      violations: {id: string; impact: string | null; nodes: {target: unknown[]}[]}[];
      passes: unknown[];
    }
    const results = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    const found = results.violations.map(
      (violation) =>
        `${violation.id} (${String(violation.impact)}): ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
    return {passes: results.passes.length, violations: found};
  });
  // Some rules ran and passed (the page was really checked), and none failed.
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
}

/** Every text and field value in the page, shadow roots included. */
async function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLInputElement) parts.push(element.value);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
      parts.push(root instanceof Document ? root.body.innerText : root.textContent);
    };
    walk(document);
    return parts.join('\n');
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  directory = mkdtempSync(join(tmpdir(), 'conga-promote-e2e-'));
  const extensionDir = await buildExtension({browser: 'chromium', flavour: 'dev', outDir: join(directory, 'build')});
  [source, target] = await Promise.all([
    createEmulator({port: 0}),
    createEmulator({port: 0, seed: targetSeed(), testHooks: true}),
  ]);
  context = await chromium.launchPersistentContext(join(directory, 'profile'), {
    executablePath,
    headless: true,
    args: [...args, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    page.on('console', (message) => {
      const expected = EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()));
      if (message.type() === 'error' && message.location().url.startsWith('chrome-extension://') && !expected) {
        problems.push(`${message.location().url}: ${message.text()}`);
      }
    });
  });
  expect(new URL((await serviceWorker()).url()).host).toBe(EXTENSION_ID);
});

test.afterAll(async () => {
  await context.close();
  await Promise.all([source.close(), target.close()]);
  rmSync(directory, {recursive: true, force: true});
});

test('two tenants are configured, and Promote opens in a tab from the settings and from the side panel', async () => {
  await addTenant(SOURCE_NAME, source);
  await addTenant(TARGET_NAME, target);
  // From the settings, where the tenants are.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${EXTENSION_ID}/src/options/index.html`);
  const fromOptions = context.waitForEvent('page');
  await options
    .locator('conga-extension-options')
    .getByRole('button', {name: 'Promote connections between tenants…'})
    .click();
  const promoteFromOptions = await fromOptions;
  await promoteFromOptions.waitForURL(`chrome-extension://${EXTENSION_ID}/src/promote/index.html`);
  await promoteFromOptions.close();
  await options.close();
  // And from the side panel (here as a tab), where the connections are.
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${EXTENSION_ID}/src/panel/index.html?surface=tab`);
  const opened = context.waitForEvent('page');
  await panel.locator('conga-extension-shell').getByRole('button', {name: 'Promote…'}).click();
  promote = await opened;
  await promote.waitForURL(`chrome-extension://${EXTENSION_ID}/src/promote/index.html`);
  await expect(view(promote).getByRole('heading', {name: 'Promote connections between tenants'})).toBeVisible();
  await panel.close();
});

test('the admin picks source and target (they must differ) and signs in to each through the worker', async () => {
  const page = view(promote);
  await page.getByLabel('From (source tenant)').selectOption({label: SOURCE_NAME});
  await page.getByLabel('To (target tenant)').selectOption({label: SOURCE_NAME});
  await expect(page.getByRole('alert').filter({hasText: 'Choose two different tenants.'})).toBeVisible();
  await page.getByLabel('To (target tenant)').selectOption({label: TARGET_NAME});
  await expect(page.getByText('Choose two different tenants.')).toBeHidden();

  await signIn(promote, SOURCE_NAME, source);
  await expect(page.getByRole('checkbox', {name: CLM_SYNC})).toBeVisible();
  await signIn(promote, TARGET_NAME, target);
  await expect(page.getByText(/^Signed in as /)).toHaveCount(2);
});

test('dry run: create, update with its field changes, and invalid for the target; nothing written', async () => {
  const page = view(promote);
  // Search, select what it shows, then the third one from the full list.
  await page.getByLabel('Search connections').fill('clm sync');
  await expect(page.getByRole('checkbox', {name: COPILOT})).toBeHidden();
  await page.getByRole('checkbox', {name: CLM_SYNC}).check();
  await page.getByRole('checkbox', {name: SANDBOX_SYNC}).check();
  await page.getByLabel('Search connections').fill('');
  await page.getByRole('checkbox', {name: COPILOT}).check();
  await expect(page.getByText('3 of 4 selected')).toBeVisible();

  const writesBefore = target.requestLog().filter((request) => request.method !== 'GET').length;
  await page.getByRole('button', {name: 'Preview changes (dry run)'}).click();
  const plan = page.getByRole('list', {name: 'Dry run'});
  await expect(
    page.getByText('1 to create, 1 to update, 0 unchanged, 1 invalid for the target.', {exact: true}),
  ).toBeVisible();

  const create = plan.getByRole('listitem', {name: CLM_SYNC});
  await expect(create).toContainText('Create');
  await expect(create).toContainText('A new Client Secret is issued and handed over once after the apply.');

  const update = plan.getByRole('listitem', {name: COPILOT});
  await expect(update).toContainText('Update');
  await expect(update.locator('dt')).toHaveText(['Description:', 'Redirect URI:']);
  await expect(update.locator('dd').nth(0).locator('del')).toHaveText('Copilot, first rollout.');
  await expect(update.locator('dd').nth(0).locator('ins')).toHaveText('Copilot side panel in the production org.');
  await expect(update.locator('dd').nth(1).locator('del')).toHaveText(OLD_COPILOT_REDIRECT);
  await expect(update.locator('dd').nth(1).locator('ins')).toHaveText(NEW_COPILOT_REDIRECT);
  // Its Client ID in the target stays.
  const copilotInTarget = target.data.connections.find(
    (connection) => connection.ExternalIdentifier === SALESFORCE && connection.type === 'UItoAPI',
  );
  await expect(update).toContainText(`Keeps its Client ID ${copilotInTarget?.ClientId ?? '?'}.`);

  const invalid = plan.getByRole('listitem', {name: SANDBOX_SYNC});
  await expect(invalid).toContainText('Invalid for the target');
  await expect(invalid).toContainText(
    `The target has no External Integration with the identifier ${SANDBOX}. Add it to the target's External Integrations first.`,
  );
  expect(target.requestLog().filter((request) => request.method !== 'GET').length).toBe(writesBefore);
  await expectAccessible(promote);
});

test('apply: one confirmation, per-connection results, and the new secret handed over once', async () => {
  const page = view(promote);
  await page.getByRole('button', {name: 'Apply…'}).click();
  const confirm = page.getByRole('dialog', {name: `Apply to ${TARGET_NAME}?`});
  await expect(confirm).toBeVisible();
  // The body is slotted into the dialog, so it is the confirm element's own (light DOM) text.
  const body = page.locator('conga-confirm-dialog');
  await expect(body).toContainText(`This creates 1 connection and updates 1 connection in ${TARGET_NAME}.`);
  await expect(body).toContainText('It issues 1 new Client Secret and regenerates 0 Client Secrets.');
  await confirm.getByRole('button', {name: 'Apply', exact: true}).click();

  const reveal = page.getByRole('dialog', {name: 'API connection created'});
  await expect(reveal).toBeVisible();
  clientId = await reveal.getByLabel('Client ID', {exact: true}).inputValue();
  clientSecret = await reveal.getByLabel('Client Secret', {exact: true}).inputValue();
  expect(clientSecret).not.toBe('');
  const created = target.data.connections.find(
    (connection) => connection.ExternalIdentifier === SALESFORCE && connection.type === 'APItoAPI',
  );
  expect(created?.ClientId).toBe(clientId);

  const results = page.getByRole('list', {name: 'Results'});
  await expect(results.getByRole('listitem', {name: CLM_SYNC})).toContainText(`Created. Client ID ${clientId}.`);
  await expect(results.getByRole('listitem', {name: COPILOT})).toContainText('Updated.');
  await expect(page.getByText('2 succeeded, 0 failed.', {exact: true})).toBeVisible();

  // The check below can see a secret in the page: here it does.
  expect(await deepText(promote)).toContain(clientSecret);
  // "Get a token now" in the hand-off asks the target tenant, through the worker.
  await reveal.getByRole('button', {name: 'Get a token now'}).click();
  await expect(reveal.getByText('The platform issued a token to this connection.').first()).toBeVisible();
  await reveal.getByLabel('I have stored the secret').check();
  await reveal.getByRole('button', {name: 'Done'}).click();
  await expect(reveal).toBeHidden();
  // Handed over once: the page no longer holds it, and nothing in the extension's storage ever did.
  expect(await deepText(promote)).not.toContain(clientSecret);
  const stored = await (
    await serviceWorker()
  ).evaluate(async () =>
    JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]),
  );
  expect(stored).not.toContain(clientSecret);
  expect(promote.url()).not.toContain(clientSecret);
  await expectAccessible(promote);
  // The writes went to the target only: one POST and one PUT.
  const writes = target.requestLog().filter((request) => request.method !== 'GET' && request.path.includes('/api-'));
  expect(writes.map((request) => [request.method, request.status < 300])).toEqual([
    ['POST', true],
    ['PUT', true],
  ]);
  expect(source.requestLog().filter((request) => request.method !== 'GET' && request.path.includes('/api-'))).toEqual(
    [],
  );
});

test('the new secret gets a client_credentials token from the target, whose REST API lists the promoted settings', async () => {
  const token = await tokenRequest(
    target.issuer,
    {grant_type: 'client_credentials', scope: 'api.user-management'},
    {authorization: basicAuth(clientId, clientSecret)},
  );
  expect(token.status).toBe(200);
  expect(token.body.access_token).toEqual(expect.any(String));

  const admin = await signInUser(target, target.users.admin);
  const list = await api(target, 'GET', `${CONNECTIONS_PATH}?pageSize=500`, {
    authorization: `Bearer ${String(admin.access_token)}`,
  });
  expect(list.status).toBe(200);
  const items = list.body.Data as {
    ExternalIdentifier: string;
    APIType: string;
    ClientId: string;
    ClientName: string;
    Description: string;
    RedirectURI: string[];
  }[];
  const byKey = (identifier: string, type: string) =>
    items.find((item) => item.ExternalIdentifier === identifier && item.APIType === type);
  expect(byKey(SALESFORCE, 'API to API')).toMatchObject({
    ClientId: clientId,
    ClientName: 'Salesforce CLM sync',
    Description: 'Nightly contract sync from Salesforce; also the client the README uses with curl.',
  });
  expect(byKey(SALESFORCE, 'UI to API')).toMatchObject({
    Description: 'Copilot side panel in the production org.',
    RedirectURI: [NEW_COPILOT_REDIRECT],
  });
  expect(items.some((item) => item.ExternalIdentifier === SANDBOX)).toBe(false);
  // The source's Client ID was not copied.
  expect(clientId).not.toBe(source.clients.script.clientId);
});

test('a second promotion: an API-to-API update regenerates and hands over the secret; one failed write loses nothing else', async () => {
  // The sandbox admin changes two connections since the first promotion.
  const sourceAdmin = await signInUser(source, source.users.admin);
  const headers = {authorization: `Bearer ${String(sourceAdmin.access_token)}`};
  for (const type of ['APItoAPI', 'UItoAPI']) {
    const changed = await api(source, 'PUT', `${CONNECTIONS_PATH}/${SALESFORCE}?apiConnectionType=${type}`, headers, {
      Description: `Changed in the sandbox (${type}).`,
    });
    expect(changed.status).toBe(200);
  }
  // The target's gateway fails the Copilot update once.
  target.faults.add({
    method: 'PUT',
    path: new RegExp(`/api-connections/${SALESFORCE}\\?apiConnectionType=UItoAPI`),
    status: 503,
  });

  const page = view(promote);
  await page.getByRole('button', {name: 'Start a new promotion'}).click();
  await expect(page.getByText('0 of 4 selected')).toBeVisible();
  await page.getByRole('checkbox', {name: CLM_SYNC}).check();
  await page.getByRole('checkbox', {name: COPILOT}).check();
  await page.getByRole('checkbox', {name: EXTENSION_CONNECTION}).check();
  await page.getByRole('button', {name: 'Preview changes (dry run)'}).click();
  await expect(
    page.getByText('0 to create, 2 to update, 1 unchanged, 0 invalid for the target.', {exact: true}),
  ).toBeVisible();
  const plan = page.getByRole('list', {name: 'Dry run'});
  const update = plan.getByRole('listitem', {name: CLM_SYNC});
  await expect(update).toContainText('Update');
  await expect(update).toContainText(
    'Saving regenerates this API-to-API connection’s Client Secret: whoever uses the current one stops working until they get the new one.',
  );
  await expect(update.locator('dd ins')).toHaveText('Changed in the sandbox (APItoAPI).');
  await expect(plan.getByRole('listitem', {name: EXTENSION_CONNECTION})).toContainText('No change');

  await page.getByRole('button', {name: 'Apply…'}).click();
  const body = page.locator('conga-confirm-dialog');
  await expect(body).toContainText(`This creates 0 connections and updates 2 connections in ${TARGET_NAME}.`);
  await expect(body).toContainText(
    'It issues 0 new Client Secrets and regenerates 1 Client Secret: whoever uses a regenerated secret stops working until they get the new one.',
  );
  await page
    .getByRole('dialog', {name: `Apply to ${TARGET_NAME}?`})
    .getByRole('button', {name: 'Apply', exact: true})
    .click();

  const reveal = page.getByRole('dialog', {name: 'New client secret issued'});
  await expect(reveal).toBeVisible();
  expect(await reveal.getByLabel('Client ID', {exact: true}).inputValue()).toBe(clientId);
  const regenerated = await reveal.getByLabel('Client Secret', {exact: true}).inputValue();
  expect(regenerated).not.toBe(clientSecret);
  const results = page.getByRole('list', {name: 'Results'});
  await expect(results.getByRole('listitem', {name: CLM_SYNC})).toContainText('Updated.');
  await expect(results.getByRole('listitem', {name: COPILOT})).toContainText(
    'Failed: The server had a problem answering. Try again in a moment.',
  );
  await expect(
    page.getByText('1 succeeded, 1 failed. The others were applied; fix the failed ones and run the dry run again.', {
      exact: true,
    }),
  ).toBeVisible();
  await reveal.getByLabel('I have stored the secret').check();
  await reveal.getByRole('button', {name: 'Done'}).click();
  await expect(reveal).toBeHidden();

  // The old secret stopped working; the regenerated one works.
  const grant = {grant_type: 'client_credentials', scope: 'api.user-management'};
  expect((await tokenRequest(target.issuer, grant, {authorization: basicAuth(clientId, clientSecret)})).status).toBe(
    401,
  );
  expect((await tokenRequest(target.issuer, grant, {authorization: basicAuth(clientId, regenerated)})).status).toBe(
    200,
  );
  // The failed update wrote nothing; the unchanged connection wasn't written at all.
  const copilot = target.data.connections.find((c) => c.ExternalIdentifier === SALESFORCE && c.type === 'UItoAPI');
  expect(copilot?.Description).toBe('Copilot side panel in the production org.');
  const puts = target.requestLog().filter((request) => request.method === 'PUT');
  expect(puts.map((request) => [request.query, request.status])).toEqual([
    ['?apiConnectionType=UItoAPI', 200],
    ['?apiConnectionType=APItoAPI', 200],
    ['?apiConnectionType=UItoAPI', 503],
  ]);
});

test('the run left no uncaught error or console error in the extension', () => {
  expect(problems).toEqual([]);
});
