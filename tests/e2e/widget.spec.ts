/**
 * <conga-api-connections> end to end, in Chromium, against the servers `npm start` runs (`startDemo()` on free ports):
 * the demo host portal (the element from source, strict CSP) and the minimal page that loads only the built module.
 * Every step goes through the page's accessible roles and labels, as a new admin would; token requests are made from
 * here, with Node's fetch, as the admin's integration would make them.
 *
 * This file: an admin's API-to-API and UI-to-API connections from sign-in to a working token, the member's view,
 * B1-01 payloads rendered as text, and the portal's tabs and theme. What a page script or the host page can reach
 * (B4-02, B6-01 to B6-05) is in widget-security.spec.ts.
 *
 * Every test also asserts that no Content Security Policy was violated and nothing set `window.__pwned`.
 */
import type {Locator, Page} from '@playwright/test';
import type {Demo} from '../../widget/demo/start.js';
import {authorizationUrl, basicAuth, pkcePair, tokenRequest} from '../support/emulator.js';
import {
  ADMIN,
  addApiToApi,
  closeHandoff,
  escapeRegExp,
  expect,
  MEMBER,
  openConnectionsTab,
  portalTest,
  readHandoff,
  signIn,
  tab,
  table,
} from './support/portal.js';

const test = portalTest();

const MICROSOFT_TENANT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const SALESFORCE_SANDBOX = '00D7z000000AbCdEAG';
const SEEDED_NAMES = [
  'Salesforce CLM sync',
  'Conga Copilot in Salesforce',
  'Sandbox CLM sync',
  'Conga API Connections browser extension',
];

test.describe.configure({mode: 'parallel'});

/** The External Identifier control that opens a connection ("<identifier>, edit the API to API connection"). */
function editButton(page: Page, externalIdentifier: string, type: 'API to API' | 'UI to API'): Locator {
  return table(page).getByRole('button', {
    name: new RegExp(`^${escapeRegExp(externalIdentifier)}\\s*, edit the ${type} connection$`),
  });
}

/** A client_credentials token request, as an integration would send it. */
async function clientCredentials(demo: Demo, clientId: string, clientSecret: string) {
  return tokenRequest(
    demo.issuer,
    {grant_type: 'client_credentials'},
    {authorization: basicAuth(clientId, clientSecret)},
  );
}

/** Deactivates or reactivates a row through the Actions column and its confirmation. */
async function toggleStatus(page: Page, name: string, action: 'Deactivate' | 'Reactivate'): Promise<void> {
  await table(page)
    .getByRole('button', {name: `${action} ${name}`})
    .click();
  const confirm = tab(page).getByRole('dialog', {name: `${action} ${name}?`});
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', {name: action, exact: true}).click();
  await expect(confirm).toBeHidden();
  const row = table(page).getByRole('row').filter({hasText: name});
  await expect(
    row.getByRole('cell', {name: action === 'Deactivate' ? 'Inactive' : 'Active', exact: true}),
  ).toBeVisible();
}

test('a new admin signs in, creates an API-to-API connection whose secret works, regenerates it, deactivates and reactivates it', async ({
  page,
  demo,
}) => {
  const name = 'Nightly export (e2e)';
  const callbacks: {url: string; referrerPolicy: string | undefined}[] = [];
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && /[?&]code=/.test(response.url())) {
      callbacks.push({url: response.url(), referrerPolicy: response.headers()['referrer-policy']});
    }
  });

  await test.step('open the portal, the tab, and sign in through the emulator (credentials on the login page)', async () => {
    await openConnectionsTab(page, demo);
    await tab(page).getByRole('button', {name: 'Sign in', exact: true}).click();
    await page.waitForURL((url) => url.href.startsWith(demo.issuer));
    await expect(page.getByText('admin@acme.test / conga-demo')).toBeVisible();
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', {name: 'Sign in'}).click();
    await expect(tab(page).getByText(/^Signed in as /)).toBeVisible();
  });

  await test.step('B2-08: back on the tab, with code, state and iss gone from the address bar', async () => {
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]?.referrerPolicy).toBe('no-referrer');
    await expect.poll(() => page.evaluate(() => location.href)).toBe(`${demo.portalUrl}/?tab=api-connections`);
    await expect(page.getByRole('tab', {name: 'Conga API Connections'})).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('the table shows the seeded connections', async () => {
    for (const seeded of SEEDED_NAMES) {
      await expect(table(page).getByRole('cell', {name: seeded, exact: true})).toBeVisible();
    }
  });

  let clientId = '';
  let firstSecret = '';
  await test.step('add an API-to-API connection: the shown secret gets a client_credentials token at once', async () => {
    const handoff = await addApiToApi(page, MICROSOFT_TENANT, name);
    ({clientId, clientSecret: firstSecret} = await readHandoff(handoff));
    const token = await clientCredentials(demo, clientId, firstSecret);
    expect(token.status).toBe(200);
    expect(token.body.access_token).toEqual(expect.any(String));
    await closeHandoff(handoff);
    await expect(table(page).getByRole('cell', {name, exact: true})).toBeVisible();
  });

  let secondSecret = '';
  await test.step('open it and regenerate the secret: the old one fails at once, the new one works', async () => {
    await editButton(page, MICROSOFT_TENANT, 'API to API').click();
    const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
    await expect(form.getByLabel('Client Name')).toHaveValue(name);
    await form.getByLabel('Description').fill('Rotated by the end-to-end test');
    await form.getByRole('button', {name: 'Save & Regenerate Client Secret'}).click();
    await expect(form.getByText('Saving issues a new client secret.')).toBeVisible();
    await form.getByRole('button', {name: 'Confirm'}).click();
    const handoff = tab(page).getByRole('dialog', {name: 'New client secret issued'});
    await expect(handoff).toBeVisible();
    const shown = await readHandoff(handoff);
    expect(shown.clientId).toBe(clientId);
    secondSecret = shown.clientSecret;
    expect(secondSecret).not.toBe(firstSecret);
    const old = await clientCredentials(demo, clientId, firstSecret);
    expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
    expect((await clientCredentials(demo, clientId, secondSecret)).status).toBe(200);
    await closeHandoff(handoff);
  });

  await test.step('deactivate: token requests fail; reactivate: they work again', async () => {
    await toggleStatus(page, name, 'Deactivate');
    const refused = await clientCredentials(demo, clientId, secondSecret);
    expect([refused.status, refused.body.error]).toEqual([401, 'invalid_client']);
    await toggleStatus(page, name, 'Reactivate');
    expect((await clientCredentials(demo, clientId, secondSecret)).status).toBe(200);
  });

  await test.step('"Your changes" lists the four changes, newest first; kept across a reload, never with a secret', async () => {
    const history = tab(page).getByRole('button', {name: 'Your changes'});
    const expected = [
      /^Reactivated\s+.*\(API to API\)$/,
      /^Deactivated\s+.*\(API to API\)$/,
      new RegExp(`^Saved, with a new client secret\\s+${escapeRegExp(name)} · ${MICROSOFT_TENANT} \\(API to API\\)$`),
      new RegExp(`^Created\\s+${escapeRegExp(name)} · ${MICROSOFT_TENANT} \\(API to API\\)$`),
    ];
    const changes = tab(page).getByRole('table', {name: 'Your changes in this session'});
    const rows = async () =>
      (await changes.locator('tbody tr').evaluateAll((found) => found.map((row) => row.textContent))).map((text) =>
        text
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/^\S+ (?:[AP]M )?/, ''),
      );
    await history.click();
    await expect(history).toHaveAttribute('aria-expanded', 'true');
    await expect(changes.locator('tbody tr')).toHaveCount(4);
    const shown = await rows();
    expected.forEach((pattern, index) => {
      expect(shown[index]).toMatch(pattern);
    });
    const stored = await page.evaluate(() =>
      JSON.stringify(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
    );
    expect(stored).toContain(MICROSOFT_TENANT);
    expect(stored).not.toContain(firstSecret);
    expect(stored).not.toContain(secondSecret);

    await page.reload();
    // The portal signs back in silently when the provider's session still holds; otherwise the admin signs in.
    const signInButton = tab(page).getByRole('button', {name: 'Sign in', exact: true});
    const signedIn = tab(page).getByText(/^Signed in as /);
    await expect(signInButton.or(signedIn)).toBeVisible();
    if (await signInButton.isVisible()) await signIn(page, demo);
    await tab(page).getByRole('button', {name: 'Your changes'}).click();
    await expect(changes.locator('tbody tr')).toHaveCount(4);
  });
});

test('an admin adds a UI-to-API connection with two redirect URIs, and a browser app signs in with its Client ID through one of them', async ({
  page,
  demo,
  browser,
}) => {
  const name = 'Sandbox portal app (e2e)';
  const redirectUri = `${demo.portalUrl}/callback.html`;
  const secondRedirectUri = `${demo.portalUrl}/other-app/callback.html`;
  await openConnectionsTab(page, demo);
  await signIn(page, demo);

  await tab(page).getByRole('button', {name: 'Add UI To API Connection'}).click();
  const form = tab(page).getByRole('dialog', {name: 'Add UI To API Connection'});
  await form.getByLabel('External Identifier').selectOption(SALESFORCE_SANDBOX);
  await form.getByLabel('Client Name').fill(name);
  await form.getByRole('textbox', {name: 'Redirect URI 1'}).fill(redirectUri);
  await form.getByRole('button', {name: 'Add redirect URI'}).click();
  await form.getByRole('textbox', {name: 'Redirect URI 2'}).fill(secondRedirectUri);
  await form.getByRole('button', {name: 'Use suggested origins'}).click();
  await expect(form.getByRole('textbox', {name: 'Cors Origins 1'})).toHaveValue(demo.portalUrl);
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();

  // Issue 12: a UI-to-API connection gets a Client ID and no secret, and the hand-off says so.
  const handoff = tab(page).getByRole('dialog', {name: 'Client ID generated'});
  const clientId = await handoff.getByLabel('Client ID', {exact: true}).inputValue();
  // A public client: no secret to hand over.
  await expect(handoff.getByLabel('Client Secret', {exact: true})).toHaveCount(0);
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
  await expect(table(page).getByRole('cell', {name, exact: true})).toBeVisible();

  // The app: authorization code + PKCE in a browser of its own (a first sign-in there), the code redeemed here.
  const app = await browser.newContext();
  try {
    const appPage = await app.newPage();
    const {verifier, challenge} = pkcePair();
    const state = 'e2e-ui-to-api';
    await appPage.goto(
      authorizationUrl(demo.issuer, {clientId, redirectUri, scope: 'openid profile', state, challenge}).href,
    );
    await appPage.getByLabel('User name').fill(ADMIN.username);
    await appPage.getByLabel('Password').fill(ADMIN.password);
    await appPage.getByRole('button', {name: 'Sign in'}).click();
    // Not one of the platform's own apps: the emulator asks for consent.
    await appPage.getByRole('button', {name: 'Allow'}).click();
    await appPage.waitForURL((url) => url.href.startsWith(`${redirectUri}?`));
    await expect(appPage.getByRole('heading', {name: 'Back from sign-in'})).toBeVisible();
    const callback = new URL(appPage.url());
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(demo.issuer);
    const token = await tokenRequest(demo.issuer, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      token_type: expect.stringMatching(/^bearer$/i),
      access_token: expect.any(String),
    });
  } finally {
    await app.close();
  }
});

test("a first Deactivate whose confirmation can't load says so and sends nothing; the next one asks", async ({
  page,
  demo,
}) => {
  const statusRequests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/status')) statusRequests.push(request.url());
  });
  await openConnectionsTab(page, demo);
  await signIn(page, demo);
  // The confirmation is a chunk loaded on the first status change (issue 18): here, as after a redeploy or offline,
  // it doesn't arrive.
  const confirmation = (url: URL) => /\/(?:status-dialog|confirm-dialog)[^/]*$/.test(url.pathname);
  await page.route(confirmation, (route) => route.abort());
  const deactivate = table(page).getByRole('button', {name: 'Deactivate Salesforce CLM sync'});
  await deactivate.click();
  // Shown under the toolbar and said once through the live region.
  await expect(
    tab(page).getByRole('paragraph').filter({hasText: 'Something went wrong. Try again in a moment.'}),
  ).toBeVisible();
  await expect(tab(page).getByRole('alert')).toHaveText('Something went wrong. Try again in a moment.');
  await expect(tab(page).getByRole('dialog')).toHaveCount(0);
  await page.unroute(confirmation);
  await deactivate.click();
  const confirm = tab(page).getByRole('dialog', {name: 'Deactivate Salesforce CLM sync?'});
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', {name: 'Cancel'})).toBeFocused();
  await confirm.getByRole('button', {name: 'Cancel'}).click();
  await expect(confirm).toBeHidden();
  await expect(
    table(page)
      .getByRole('row')
      .filter({hasText: 'Salesforce CLM sync'})
      .getByRole('cell', {name: 'Active', exact: true}),
  ).toBeVisible();
  expect(statusRequests).toEqual([]);
});

test('a signed-in user without the admin role sees the administrator-role message, not a broken table', async ({
  page,
  demo,
}) => {
  await openConnectionsTab(page, demo);
  await signIn(page, demo, MEMBER);
  await expect(tab(page).getByText('You need the administrator role to manage API connections.')).toBeVisible();
  await expect(tab(page).getByRole('table')).toHaveCount(0);
  await expect(tab(page).getByRole('button', {name: 'Add API To API Connection'})).toHaveCount(0);
});

test('B1-01 payloads in names and descriptions render as text in the list, the confirmation, the edit form and the live region', async ({
  page,
  demo,
}) => {
  const payloads = ['<img src=x onerror=window.__pwned=1>', '"><svg onload=window.__pwned=1>', '${7*7} {{7*7}}'];
  for (const [index, payload] of payloads.entries()) {
    const identifier = `B1PAYLOAD0${String(index)}`;
    demo.emulator.addIntegration(identifier, payload);
    demo.emulator.createConnection({
      ExternalIdentifier: identifier,
      type: 'APItoAPI',
      ClientName: payload,
      Description: `${payload} (description)`,
    });
  }
  await openConnectionsTab(page, demo);
  const title = await page.title();
  await signIn(page, demo);
  for (const payload of payloads) {
    await expect(table(page).getByRole('cell', {name: payload, exact: true})).toBeVisible();
    await expect(table(page).getByRole('cell', {name: `${payload} (description)`, exact: true})).toBeVisible();
  }
  const [first] = payloads;
  if (first === undefined) throw new Error('no payload');

  // The confirmation names the connection, as text.
  await table(page)
    .getByRole('button', {name: `Deactivate ${first}`})
    .click();
  const confirm = tab(page).getByRole('dialog', {name: `Deactivate ${first}?`});
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', {name: 'Deactivate', exact: true}).click();
  // The live region announces the result with the name as text (direction-isolated, B1-06).
  const announced = new RegExp(`^[\u2066-\u2068]?${escapeRegExp(first)}\u2069? is deactivated\\.$`);
  await expect(tab(page).getByRole('status').filter({hasText: announced})).toHaveCount(1);

  // The edit form holds the name as a value.
  await editButton(page, 'B1PAYLOAD00', 'API to API').click();
  const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
  await expect(form.getByLabel('Client Name')).toHaveValue(first);
  await form.getByRole('button', {name: 'Cancel'}).click();
  await expect(form).toBeHidden();

  expect(await page.title()).toBe(title);
  // No element was created from a payload anywhere, shadow roots included.
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('img[src="x"], svg[onload], [onerror]')) found.push(element.tagName);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
  expect(injected).toEqual([]);
});

test('the portal: keyboard tabs (arrow keys, Home, End) and a theme toggle that the element follows', async ({
  page,
  demo,
}) => {
  await page.goto(`${demo.portalUrl}/`);
  const tabs = page.getByRole('tablist', {name: 'Organization settings'});
  await tabs.getByRole('tab', {name: 'Organization details'}).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', {name: 'External Integrations'})).toBeFocused();
  await expect(page.getByRole('tabpanel', {name: 'External Integrations'})).toBeVisible();
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', {name: 'Users'})).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', {name: 'Organization details'})).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', {name: 'Conga API Connections'})).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', {name: 'Conga API Connections'})).toBeVisible();
  await expect(page.getByRole('tabpanel', {name: 'Organization details'})).toBeHidden();

  const toggle = page.getByRole('button', {name: 'Dark theme'});
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  const dark = before !== 'true';
  await expect(toggle).toHaveAttribute('aria-pressed', String(dark));
  await expect(tab(page)).toHaveAttribute('theme', dark ? 'dark' : 'light');
});
