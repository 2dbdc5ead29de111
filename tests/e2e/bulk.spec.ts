/**
 * The list for large organizations, end to end in Chromium against the emulator (through the demo portal, which turns
 * `url-state` on): select several connections, bulk deactivate with exactly ONE status change failing (an emulator
 * fault hook), see that failure reported with its message while the others really are inactive (their token requests
 * fail), retry it; export CSV and JSON (captured downloads, never a secret); and the view kept in the address across a
 * reload. Every test also asserts that no Content Security Policy was violated and nothing threw.
 */
import {readFile} from 'node:fs/promises';
import type {Download, Locator, Page} from '@playwright/test';
import type {Demo} from '../../widget/demo/start.js';
import {basicAuth, tokenRequest} from '../support/emulator.js';
import {expect, openAndSignIn, portalTest, tab, table} from './support/portal.js';
/** Three API-to-API connections of our own (with secrets to test), on integrations of our own. */
const BULK = ['Bulk alpha', 'Bulk bravo', 'Bulk charlie'].map((name, index) => ({
  name,
  externalIdentifier: `BULK-E2E-${String(index + 1)}`,
}));
const FAILURE_MESSAGE = 'Injected by the test: this connection is locked by a migration.';

interface Created {
  name: string;
  externalIdentifier: string;
  clientId: string;
  clientSecret: string;
}

const test = portalTest().extend<object, {created: Created[]}>({
  created: [
    async ({demo}, use) => {
      const created = BULK.map(({name, externalIdentifier}) => {
        demo.emulator.addIntegration(externalIdentifier, `${name} (e2e)`);
        const data = demo.emulator.createConnection({
          ExternalIdentifier: externalIdentifier,
          type: 'APItoAPI',
          ClientName: name,
        });
        if (!data.ClientSecret) throw new Error('no secret');
        return {name, externalIdentifier, clientId: data.ClientId, clientSecret: data.ClientSecret};
      });
      await use(created);
    },
    {scope: 'worker'},
  ],
});

// One emulator for the file, whose connections the tests change: one after another.
test.describe.configure({mode: 'serial'});

/** Opens the portal's tab, signs in, and waits for the table. */
async function signIn(page: Page, demo: Demo): Promise<void> {
  await openAndSignIn(page, demo);
  await expect(table(page)).toBeVisible();
}

async function searchFor(page: Page, text: string): Promise<void> {
  await tab(page).getByLabel('Search connections').fill(text);
}

/** A row's checkbox: "Select <name>", the name isolated (FSI … PDI) so its direction can't reorder the label (B1-06). */
function rowCheckbox(page: Page, name: string): Locator {
  return table(page).getByRole('checkbox', {name: new RegExp(`^Select \u2068?${name}\u2069?$`)});
}

/** The outcome of the last bulk action. */
function report(page: Page): Locator {
  return tab(page).locator('conga-bulk-actions [part="report"]');
}

function statusCell(page: Page, name: string): Locator {
  return table(page).getByRole('row').filter({hasText: name}).locator('td.status');
}

async function clientCredentials(demo: Demo, connection: Created) {
  return tokenRequest(
    demo.issuer,
    {grant_type: 'client_credentials'},
    {authorization: basicAuth(connection.clientId, connection.clientSecret)},
  );
}

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

test('bulk deactivate with one injected failure: the others really stop working, the failure is reported with its message and retried', async ({
  page,
  demo,
  created,
}) => {
  const [alpha, bravo, charlie] = created as [Created, Created, Created];
  for (const connection of created) expect((await clientCredentials(demo, connection)).status).toBe(200);

  await signIn(page, demo);
  await searchFor(page, 'Bulk');
  await expect(table(page).getByRole('row')).toHaveCount(4);

  await test.step('select the three (one by its own checkbox, then the page), with the header tri-state', async () => {
    await rowCheckbox(page, 'Bulk bravo').check();
    await expect(tab(page).getByText('1 selected', {exact: true})).toBeVisible();
    const pageBox = table(page).getByRole('checkbox', {name: 'Select all on this page'});
    expect(await pageBox.evaluate((input: HTMLInputElement) => input.indeterminate)).toBe(true);
    await pageBox.check();
    await expect(tab(page).getByText('3 selected', {exact: true})).toBeVisible();
  });

  await test.step('exactly one status change fails (emulator fault hook on bravo only)', async () => {
    demo.emulator.faults.add({
      method: 'PUT',
      path: new RegExp(`/api-connections/${bravo.externalIdentifier}/status\\?`),
      status: 400,
      body: {Success: false, Data: null, Errors: [{Message: FAILURE_MESSAGE}], StatusCode: '400'},
    });
    const bar = tab(page).getByRole('group', {name: '3 selected'});
    await bar.getByRole('button', {name: 'Deactivate', exact: true}).click();
    const confirm = tab(page).getByRole('dialog', {name: 'Deactivate 3 connections?'});
    await expect(confirm).toBeVisible();
    // The names are the dialog's slotted body (children of the dialog element's host, rendered inside the dialog).
    const body = tab(page).locator('conga-bulk-actions conga-confirm-dialog');
    for (const connection of created) await expect(body.getByText(connection.name, {exact: true})).toBeVisible();
    await confirm.getByRole('button', {name: 'Deactivate 3'}).click();
    await expect(confirm).toBeHidden();
  });

  await test.step('the report names the failure and its message; the others are inactive in place', async () => {
    await expect(report(page).getByText('Deactivated 2 of 3 connections; 1 failed and stays selected:')).toBeVisible();
    await expect(report(page).getByRole('listitem')).toHaveText([
      `Bulk bravo: The server rejected the request (400). ${FAILURE_MESSAGE}`,
    ]);
    // Announced through the root's live region (an alert, since something failed).
    await expect(tab(page).getByRole('alert')).toHaveText(
      `Deactivated 2 of 3 connections; 1 failed and stays selected: \u2068Bulk bravo\u2069: The server rejected the request (400). ${FAILURE_MESSAGE}`,
    );
    await expect(statusCell(page, 'Bulk alpha')).toHaveText('Inactive');
    await expect(statusCell(page, 'Bulk charlie')).toHaveText('Inactive');
    await expect(statusCell(page, 'Bulk bravo')).toHaveText('Active');
    await expect(tab(page).getByText('1 selected', {exact: true})).toBeVisible();
    await expect(rowCheckbox(page, 'Bulk bravo')).toBeChecked();
    // Really inactive on the platform: their token requests now fail; bravo's still works.
    for (const connection of [alpha, charlie]) {
      const token = await clientCredentials(demo, connection);
      expect(token.status).toBe(401);
      expect(token.body.error).toBe('invalid_client');
    }
    expect((await clientCredentials(demo, bravo)).status).toBe(200);
  });

  await test.step('Retry failed deactivates bravo too, with no second confirmation', async () => {
    await tab(page).getByRole('button', {name: 'Retry failed (1)'}).click();
    await expect(report(page).getByText('Deactivated 1 connection.')).toBeVisible();
    await expect(statusCell(page, 'Bulk bravo')).toHaveText('Inactive');
    expect((await clientCredentials(demo, bravo)).body.error).toBe('invalid_client');
    const writes = demo.emulator
      .requestLog()
      .filter((entry) => entry.method === 'PUT' && entry.path.endsWith('/status'))
      .map((entry) => `${entry.path.split('/').at(-2) ?? ''} ${String(entry.status)}`);
    expect(writes.sort()).toEqual(
      [
        `${alpha.externalIdentifier} 200`,
        `${bravo.externalIdentifier} 400`,
        `${bravo.externalIdentifier} 200`,
        `${charlie.externalIdentifier} 200`,
      ].sort(),
    );
  });

  await test.step('bulk reactivate all three', async () => {
    await table(page).getByRole('checkbox', {name: 'Select all on this page'}).check();
    await tab(page)
      .getByRole('group', {name: '3 selected'})
      .getByRole('button', {name: 'Reactivate', exact: true})
      .click();
    await tab(page)
      .getByRole('dialog', {name: 'Reactivate 3 connections?'})
      .getByRole('button', {name: 'Reactivate 3'})
      .click();
    await expect(report(page).getByText('Reactivated 3 connections.')).toBeVisible();
    for (const connection of created) expect((await clientCredentials(demo, connection)).status).toBe(200);
  });
});

test('export as CSV and JSON: the matching connections or the selection, downloaded, never a secret', async ({
  page,
  demo,
  created,
}) => {
  await signIn(page, demo);
  await searchFor(page, 'Bulk');
  await expect(table(page).getByRole('row')).toHaveCount(4);

  const [csvDownload] = await Promise.all([
    page.waitForEvent('download'),
    tab(page).getByRole('button', {name: 'Export CSV'}).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^api-connections-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await downloaded(csvDownload);
  const lines = csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    // Issue 12: no Created/Modified columns, which the list endpoint never fills.
    'ExternalIdentifier,ClientName,APIType,ClientId,IsActive,Description,RedirectURI,CorsOrigins,BackChannelLogoutURI,FrontChannelLogoutURI,AllowedScopes',
  );
  expect(lines).toHaveLength(4);
  for (const connection of created) {
    expect(csv).toContain(`${connection.externalIdentifier},${connection.name},API to API,${connection.clientId},`);
    expect(csv).not.toContain(connection.clientSecret);
  }
  expect(csv).not.toContain(demo.emulator.clients.script.clientSecret);
  expect(csv).not.toContain('ClientSecret');

  await rowCheckbox(page, 'Bulk charlie').check();
  const [jsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    tab(page).getByRole('button', {name: 'Export JSON'}).click(),
  ]);
  expect(jsonDownload.suggestedFilename()).toMatch(/^api-connections-\d{4}-\d{2}-\d{2}\.json$/);
  const json = await downloaded(jsonDownload);
  const records = JSON.parse(json) as Record<string, unknown>[];
  expect(records.map((record) => record.ClientName)).toEqual(['Bulk charlie']);
  expect(Object.keys(records[0] ?? {})).not.toContain('ClientSecret');
  for (const connection of created) expect(json).not.toContain(connection.clientSecret);
  // Announced in the live region, and (issue 12) shown on screen until dismissed.
  await expect(tab(page).getByRole('status').filter({hasText: 'Exported 1 connection as JSON.'})).toBeAttached();
  await expect(tab(page).locator('[part="notice"]')).toContainText('Exported 1 connection as JSON.');
});

test('URL state: a filtered, searched, sorted view survives a reload', async ({page, demo}) => {
  await signIn(page, demo);
  await searchFor(page, 'Bulk');
  await tab(page).getByLabel('Status').selectOption('active');
  await table(page).getByRole('button', {name: 'Client Name'}).click();
  await table(page).getByRole('button', {name: 'Client Name'}).click();
  await expect
    .poll(() => new URL(page.url()).searchParams.toString())
    .toBe('tab=api-connections&cac-q=Bulk&cac-status=active&cac-sort=-clientName');
  const before = await table(page).locator('td.name').allTextContents();
  expect(before).toEqual(['Bulk charlie', 'Bulk bravo', 'Bulk alpha']);

  await page.reload();
  // The element signs in again silently (the provider session) and shows the same view.
  await expect(table(page)).toBeVisible();
  await expect(tab(page).getByLabel('Search connections')).toHaveValue('Bulk');
  await expect(tab(page).getByLabel('Status')).toHaveValue('active');
  await expect(table(page).getByRole('columnheader', {name: /Client Name/})).toHaveAttribute('aria-sort', 'descending');
  await expect(table(page).locator('td.name')).toHaveText(before);
  // Nothing but the view in the address: no selection, no secret, no token.
  expect(page.url()).not.toMatch(/secret|token|code=|state=/i);
});
