/**
 * The demo host portal's end-to-end harness, shared by every spec that drives `<conga-api-connections>` in it: a
 * worker-scoped `demo` (the servers `npm start` runs, on free ports, test hooks on), an automatic `watch` that fails
 * the test on any Content Security Policy violation in any page of its context (popups included), any uncaught
 * exception, or anything that set `window.__pwned`, and the steps every spec takes the same way an admin does.
 */
import {expect, test as base, type Locator, type Page} from '@playwright/test';
import {startDemo, type Demo, type DemoOptions} from '../../../widget/demo/start.js';

declare global {
  interface Window {
    __pwned?: unknown;
    __congaViolation?: (text: string) => void;
  }
}

export const ADMIN = {username: 'admin@acme.test', password: 'conga-demo'};
export const MEMBER = {username: 'member@acme.test', password: 'conga-demo'};

/** What `watch` collected; a test may read it, and it is checked when the test ends. */
export interface Watch {
  /** `securitypolicyviolation` reports from every frame of every page of the test's context. */
  violations: string[];
  /** Uncaught exceptions in the test's page. */
  pageErrors: string[];
}

/**
 * The spec file's `test`: call it once per file. Each call defines its own fixtures, so each file gets its own
 * servers, as it had before this harness was shared: the specs change the organization (deactivate the seeded
 * connections, inject faults), and a worker that runs two files must not carry one file's changes into the other.
 * `options.policyPages` adds pages served under a policy of the file's own (a locked-down host).
 */
export function portalTest(options: Pick<DemoOptions, 'policyPages'> = {}) {
  return base.extend<{watch: Watch}, {demo: Demo}>({
    demo: [
      // eslint-disable-next-line no-empty-pattern -- Playwright names a fixture's dependencies by destructuring: none here.
      async ({}, use) => {
        const demo = await startDemo({...options, emulatorPort: 0, portalPort: 0, testHooks: true});
        await use(demo);
        await demo.close();
      },
      {scope: 'worker', timeout: 60_000},
    ],
    watch: [
      async ({context, page}, use) => {
        const watch: Watch = {violations: [], pageErrors: []};
        await context.exposeFunction('__congaViolation', (text: string) => {
          watch.violations.push(text);
        });
        await context.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            window.__congaViolation?.(`${event.effectiveDirective} blocked ${event.blockedURI} at ${event.sourceFile}`);
          });
        });
        page.on('pageerror', (error) => watch.pageErrors.push(error.message));
        await use(watch);
        // B1, B6-04: whatever the test did, no policy was violated and no injected script ran.
        expect(watch.violations, 'CSP violations').toEqual([]);
        expect(watch.pageErrors, 'uncaught exceptions').toEqual([]);
        if (!page.isClosed()) expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
      },
      {auto: true},
    ],
  });
}

export {expect};

/** The element's own accessible root: everything the tab shows is inside it. */
export function tab(page: Page): Locator {
  return page.locator('conga-api-connections');
}

/** The list's table, once it shows rows. */
export function table(page: Page): Locator {
  return tab(page).getByRole('table', {name: 'API connections'});
}

/** Opens the portal and the "Conga API Connections" tab through the portal's own tab bar. */
export async function openConnectionsTab(page: Page, demo: Demo): Promise<void> {
  await page.goto(`${demo.portalUrl}/`);
  await page.getByRole('tab', {name: 'Conga API Connections'}).click();
  await expect(page.getByRole('tab', {name: 'Conga API Connections'})).toHaveAttribute('aria-selected', 'true');
}

/**
 * Signs in through the element's "Sign in" button and the emulator's login page, back to the page it started on;
 * waits until the element says who is signed in.
 */
export async function signIn(page: Page, demo: Demo, user = ADMIN): Promise<void> {
  await tab(page).getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.waitForURL((url) => url.href.startsWith(demo.issuer));
  await page.getByLabel('User name').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await expect(tab(page).getByText(/^Signed in as /)).toBeVisible();
}

/** Opens the portal on the tab (by its address) and signs in as the admin. */
export async function openAndSignIn(page: Page, demo: Demo): Promise<void> {
  await page.goto(`${demo.portalUrl}/?tab=api-connections`);
  await signIn(page, demo);
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Fills and saves the "Add API To API Connection" dialog; returns the hand-off dialog. */
export async function addApiToApi(page: Page, externalIdentifier: string, clientName: string): Promise<Locator> {
  await tab(page).getByRole('button', {name: 'Add API To API Connection'}).click();
  const form = tab(page).getByRole('dialog', {name: 'Add API To API Connection'});
  await expect(form).toBeVisible();
  await form.getByLabel('External Identifier').selectOption(externalIdentifier);
  await form.getByLabel('Client Name').fill(clientName);
  await form.getByLabel('Description').fill('Created by the end-to-end test');
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();
  const handoff = tab(page).getByRole('dialog', {name: 'API connection created'});
  await expect(handoff).toBeVisible();
  return handoff;
}

/** Reads the Client ID and Secret from the one-time hand-off. */
export async function readHandoff(handoff: Locator): Promise<{clientId: string; clientSecret: string}> {
  const clientId = await handoff.getByLabel('Client ID', {exact: true}).inputValue();
  const clientSecret = await handoff.getByLabel('Client Secret', {exact: true}).inputValue();
  expect(clientId).not.toBe('');
  expect(clientSecret).not.toBe('');
  return {clientId, clientSecret};
}

/** Confirms the secret is stored and closes the hand-off. */
export async function closeHandoff(handoff: Locator): Promise<void> {
  await handoff.getByRole('checkbox', {name: 'I have stored the secret'}).check();
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
}
