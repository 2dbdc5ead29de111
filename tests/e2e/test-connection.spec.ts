/**
 * "Test a connection, in place" on the demo host portal, end to end in Chromium against the emulator: Test sign-in
 * of a UI-to-API connection (a popup to the portal's callback page) with each diagnosis an admin meets on the way —
 * redirect URI not registered (and fixed through the Add offer), origin missing from Cors Origins (fixed the same
 * way), success with the claims shown, inactive connection — and Get a token now in the one-time hand-off, where the
 * page can't reach the token endpoint and shows the command instead.
 *
 * The steps share one organization, so they run in order. Every test asserts that no Content Security Policy was
 * violated in any page of its context (the popup included) and nothing set `window.__pwned`.
 */
import type {Locator, Page} from '@playwright/test';
import {adminHeaders, api, CONNECTIONS_PATH} from '../support/emulator.js';
import {ADMIN, expect, openAndSignIn as signIn, portalTest, tab} from './support/portal.js';

const test = portalTest();

const SALESFORCE_SANDBOX = '00D7z000000AbCdEAG';
const MICROSOFT_TENANT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const CLIENT_NAME = 'Sandbox portal (test sign-in)';

test.describe.configure({mode: 'serial'});

/** Opens the edit view of the sandbox's UI-to-API connection and its Tools section; returns the dialog. */
async function openTools(page: Page): Promise<Locator> {
  await tab(page)
    .getByRole('table', {name: 'API connections'})
    .getByRole('button', {name: new RegExp(`^${SALESFORCE_SANDBOX}\\s*, edit the UI to API connection$`)})
    .click();
  const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
  await expect(form.getByLabel('Client Name')).toHaveValue(CLIENT_NAME);
  await form.getByText('Tools', {exact: true}).click();
  await expect(form.getByRole('heading', {name: 'Test sign-in'})).toBeVisible();
  return form;
}

/** What the Test sign-in section shows as its outcome. */
function outcome(form: Locator): Locator {
  return form.locator('conga-sign-in-test [part="outcome"]');
}

/**
 * Clicks "Test sign-in" and plays the admin in the popup: the emulator's login form if it asks, then its consent
 * page (the tested connection is not one of the platform's own apps). The popup closes itself once the answer is
 * posted back.
 */
async function testThroughPopup(page: Page, form: Locator): Promise<void> {
  const opened = page.waitForEvent('popup');
  await form.getByRole('button', {name: 'Test sign-in'}).click();
  const popup = await opened;
  const closed = popup.waitForEvent('close');
  const login = popup.getByLabel('User name');
  const allow = popup.getByRole('button', {name: 'Allow'});
  for (;;) {
    const next = await Promise.race([
      closed.then(() => 'closed' as const),
      login.waitFor().then(() => 'login' as const),
      allow.waitFor().then(() => 'consent' as const),
    ]);
    if (next === 'closed') return;
    if (next === 'login') {
      await login.fill(ADMIN.username);
      await popup.getByLabel('Password').fill(ADMIN.password);
      await popup.getByRole('button', {name: 'Sign in'}).click();
      // The window may close at once (a first-party client has no consent step) or move on to consent.
      await Promise.race([closed, popup.waitForURL((url) => !url.pathname.includes('/login')).catch(() => undefined)]);
    } else {
      await allow.click();
      await closed;
      return;
    }
  }
}

test('Test sign-in: a redirect URI that is not registered is diagnosed (closest, difference) before any window opens, and the Add offer puts it in the form', async ({
  page,
  demo,
}) => {
  const testRedirect = `${demo.portalUrl}/callback.html`;
  demo.emulator.createConnection({
    ExternalIdentifier: SALESFORCE_SANDBOX,
    type: 'UItoAPI',
    ClientName: CLIENT_NAME,
    // One character off: what an app registered with a trailing slash.
    RedirectURI: [`${testRedirect}/`],
    CorsOrigins: [],
    AllowedScopes: ['openid', 'profile'],
  });
  await signIn(page, demo);
  const form = await openTools(page);
  let popups = 0;
  page.on('popup', () => popups++);
  await form.getByRole('button', {name: 'Test sign-in'}).click();
  await expect(outcome(form)).toContainText(
    `The redirect URI ${testRedirect} isn't registered on this connection. Closest registered: ${testRedirect}/ — differs by`,
  );
  await expect(outcome(form)).toContainText('trailing slash');
  expect(popups).toBe(0);

  await form.getByRole('button', {name: `Add ${testRedirect} to Redirect URIs`}).click();
  const added = form.getByRole('textbox', {name: 'Redirect URI 2'});
  await expect(added).toHaveValue(testRedirect);
  await expect(added).toBeFocused();
  await expect(tab(page).getByRole('status').filter({hasText: 'Save the connection'})).toHaveText(
    `Added ${testRedirect} to Redirect URIs. Save the connection to apply it, then test again.`,
  );
  await form.getByRole('button', {name: 'Save', exact: true}).click();
  await expect(form).toBeHidden();
  const saved = await api(
    demo.emulator,
    'GET',
    `${CONNECTIONS_PATH}/${SALESFORCE_SANDBOX}?apiConnectionType=UItoAPI`,
    await adminHeaders(demo.emulator),
  );
  expect(String(saved.body.Data.RedirectURI)).toContain(testRedirect);
});

test('Test sign-in: the portal origin missing from Cors Origins is diagnosed from the blocked token request, and added', async ({
  page,
  demo,
}) => {
  await signIn(page, demo);
  const form = await openTools(page);
  await testThroughPopup(page, form);
  await expect(outcome(form)).toHaveText(
    new RegExp(
      `^The browser blocked the token request: ${demo.portalUrl.replace(/[.]/g, '\\.')} isn't in this connection's Cors Origins\\.`,
    ),
  );
  await form.getByRole('button', {name: `Add ${demo.portalUrl} to Cors Origins`}).click();
  await expect(form.getByRole('textbox', {name: 'Cors Origins 1'})).toHaveValue(demo.portalUrl);
  await form.getByRole('button', {name: 'Save', exact: true}).click();
  await expect(form).toBeHidden();
});

test('Test sign-in: after the fixes the round trip works and shows the decoded ID-token claims, the opaque access token and the granted scopes', async ({
  page,
  demo,
}) => {
  await signIn(page, demo);
  const form = await openTools(page);
  await testThroughPopup(page, form);
  const shown = outcome(form);
  await expect(shown).toContainText('Sign-in works: the platform issued tokens to this connection.');
  await expect(shown.getByRole('heading', {name: 'ID token claims'})).toBeVisible();
  const claims = shown.getByRole('definition');
  await expect(claims.filter({hasText: demo.issuer}).first()).toBeVisible();
  await expect(shown).toContainText('Granted scopes');
  await expect(shown).toContainText('openid profile');
  await expect(shown).toContainText(/expires in \d+ minutes, at \d\d:\d\d/);
  await expect(shown).toContainText('The access token is opaque (not a JWT)');
  // The admin's own session is untouched: still signed in, the list still loads.
  await form.getByRole('button', {name: 'Cancel'}).click();
  await expect(tab(page).getByText(/^Signed in as /)).toBeVisible();
});

test('Test sign-in: an inactive connection is diagnosed before any window opens', async ({page, demo}) => {
  const headers = await adminHeaders(demo.emulator);
  const status = await api(
    demo.emulator,
    'PUT',
    `${CONNECTIONS_PATH}/${SALESFORCE_SANDBOX}/status?apiConnectionType=UItoAPI`,
    headers,
    {IsActive: false},
  );
  expect(status.status).toBe(200);
  await signIn(page, demo);
  const form = await openTools(page);
  let popups = 0;
  page.on('popup', () => popups++);
  await form.getByRole('button', {name: 'Test sign-in'}).click();
  await expect(outcome(form)).toHaveText(
    'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
  );
  expect(popups).toBe(0);
});

test('Get a token now in the hand-off: the host page shows the exact curl command, which holds no secret', async ({
  page,
  demo,
}) => {
  await signIn(page, demo);
  await tab(page).getByRole('button', {name: 'Add API To API Connection'}).click();
  const form = tab(page).getByRole('dialog', {name: 'Add API To API Connection'});
  await form.getByLabel('External Identifier').selectOption(MICROSOFT_TENANT);
  await form.getByLabel('Client Name').fill('Entra export (token test)');
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();
  const handoff = tab(page).getByRole('dialog', {name: 'API connection created'});
  const clientId = await handoff.getByLabel('Client ID', {exact: true}).inputValue();
  const secret = await handoff.getByLabel('Client Secret', {exact: true}).inputValue();
  expect(secret).not.toBe('');

  const logged = demo.emulator.requestLog().length;
  await handoff.getByRole('button', {name: 'Get a token now'}).click();
  const command = handoff.locator('conga-token-test pre code');
  await expect(command).toBeVisible();
  await expect(handoff.locator('conga-token-test [part="outcome"]')).toContainText(
    "This page can't call the token endpoint: the browser blocks it",
  );
  const text = await command.textContent();
  expect(text).toBe(
    [
      `curl -sS -X POST "${demo.issuer}/connect/token" \\`,
      `  -u "${clientId}:$CONGA_CLIENT_SECRET" \\`,
      '  -d grant_type=client_credentials',
    ].join('\n'),
  );
  expect(text).not.toContain(secret);
  // The secret went in an Authorization header only, never in a URL.
  expect(
    demo.emulator
      .requestLog()
      .slice(logged)
      .filter((entry) => entry.query.includes(secret)),
  ).toEqual([]);

  // The command works as shown, with the secret in the environment variable.
  const token = await fetch(`${demo.issuer}/connect/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(token.status).toBe(200);
  await handoff.getByLabel('I have stored the secret').check();
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
});
