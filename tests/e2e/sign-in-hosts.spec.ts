/**
 * Issue 12 §2 and §3 in real Chromium against the real emulator: the element's sign-in where real host portals put
 * it. A portal window opened by `window.open` (from another origin's page, or from one of its own) signs in by
 * redirect in place; a real popup sign-in still hands its answer back. Silent sign-in gives up fast when it cannot
 * work: a host policy without `frame-src` for the issuer, a provider refusing to be framed, `login_required`, and a
 * provider that never answers.
 */
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Page} from '@playwright/test';
import {ADMIN, expect, portalTest, signIn, tab} from './support/portal.js';

/** The host page whose policy leaves the issuer out of `frame-src` (by `default-src 'self'`), and nothing else. */
const LOCKED_PAGE = '/locked.html';

/** `default-src 'self'`, plus what the module needs (its API and sign-in calls, the page's `data:` favicon). */
function lockedPolicy(urls: {issuer: string; apiBaseUrl: string}): string {
  const origins = [...new Set([new URL(urls.issuer).origin, new URL(urls.apiBaseUrl).origin])].join(' ');
  return ["default-src 'self'", `connect-src 'self' ${origins}`, "img-src 'self' data:"].join('; ');
}

const test = portalTest({policyPages: {[LOCKED_PAGE]: lockedPolicy}});

/** The bound for a silent attempt that cannot work, from the element's attach to the Sign in button. */
const BLOCKED_BOUND_MS = 1_500;
/** The bound for a provider that does not answer at all. */
const NO_ANSWER_BOUND_MS = 5_000;

declare global {
  interface Window {
    /** `performance.now()` when the element was defined (attached) and when its silent frame was added. */
    __congaMarks?: {defined?: number; frame?: number};
    __congaReceived?: unknown[];
  }
}

/** Another origin's page: the opener of case (a). */
let other: Server;
let otherUrl = '';

test.beforeAll(async () => {
  other = createServer((_request, response) => {
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'});
    response.end('<!doctype html><title>Another portal</title><h1>Another portal</h1>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  otherUrl = `http://127.0.0.1:${String((other.address() as AddressInfo).port)}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => other.close(resolve));
});

/** Records, in every document of the page, when the element is defined and when the silent frame is added. */
async function markTimes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: NonNullable<Window['__congaMarks']> = {};
    window.__congaMarks = marks;
    void customElements.whenDefined('conga-api-connections').then(() => {
      marks.defined = performance.now();
    });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLIFrameElement && node.name === 'conga-silent-sign-in')
            marks.frame ??= performance.now();
        }
      }
    }).observe(document, {childList: true, subtree: true});
  });
}

/**
 * Resolves `performance.now()` (milliseconds since navigation) at the first animation frame in which the element's
 * Sign in button is visible: checked in the page every frame, so the figure is the page's, not the test's polling.
 */
async function signInButtonShownAt(page: Page): Promise<number> {
  const shown = await page.waitForFunction(
    () => {
      const roots: (Document | ShadowRoot)[] = [document];
      for (let root = roots.pop(); root !== undefined; root = roots.pop()) {
        for (const element of root.querySelectorAll('*')) {
          if (element.getAttribute('part') === 'sign-in-button' && element.checkVisibility()) return performance.now();
          if (element.shadowRoot) roots.push(element.shadowRoot);
        }
      }
      return false;
    },
    undefined,
    {polling: 'raf', timeout: 20_000},
  );
  return (await shown.jsonValue()) as number;
}

/** The page's marks, once the element is defined. */
async function marks(page: Page): Promise<{defined: number; frame?: number}> {
  const value = await page.evaluate(() => window.__congaMarks);
  if (value?.defined === undefined) throw new Error('the element was never defined');
  return {...value, defined: value.defined};
}

/** Console errors of every frame of the page, the browser's own CSP reports apart. */
function consoleErrors(page: Page): {other: string[]; csp: string[]} {
  const errors = {other: [] as string[], csp: [] as string[]};
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    (message.text().includes('Content Security Policy') ? errors.csp : errors.other).push(message.text());
  });
  return errors;
}

function record(name: string, figures: Record<string, number>): void {
  const text = Object.entries(figures)
    .map(([key, value]) => `${key} ${String(Math.round(value))} ms`)
    .join(', ');
  test.info().annotations.push({type: 'timing', description: `${name}: ${text}`});
}

/** Opens the portal from `page` with `window.open` (an opener, no `noopener`) and resolves its window. */
async function openPortalFrom(page: Page, url: string): Promise<Page> {
  const opened = page.waitForEvent('popup');
  await page.evaluate((target) => {
    window.open(target, 'conga-portal');
  }, url);
  const portal = await opened;
  const errors: string[] = [];
  portal.on('pageerror', (error) => errors.push(error.message));
  portalErrors.set(portal, errors);
  expect(await portal.evaluate(() => window.opener !== null)).toBe(true);
  return portal;
}

const portalErrors = new WeakMap<Page, string[]>();

test.describe('issue 12 §2: redirect sign-in in a window that has an opener', () => {
  test("signs in by redirect in a portal window opened by another origin's page", async ({page, demo}) => {
    await page.goto(otherUrl);
    const portal = await openPortalFrom(page, `${demo.portalUrl}/?tab=api-connections`);
    // Without the fix, the answer went to the opener and this window stayed on "Sign in".
    await signIn(portal, demo);
    expect(new URL(portal.url()).search).toBe('?tab=api-connections');
    expect(portalErrors.get(portal)).toEqual([]);
  });

  test('signs in by redirect in a portal window opened by a page of its own origin, posting nothing to it', async ({
    page,
    demo,
  }) => {
    await page.goto(`${demo.portalUrl}/callback.html`);
    await page.evaluate(() => {
      const received: unknown[] = [];
      window.__congaReceived = received;
      window.addEventListener('message', (event) => received.push(event.data));
    });
    const portal = await openPortalFrom(page, `${demo.portalUrl}/?tab=api-connections`);
    // Without the fix, the answer went to the opener and this window stayed on "Sign in".
    await signIn(portal, demo);
    expect(await page.evaluate(() => window.__congaReceived)).toEqual([]);
    expect(portalErrors.get(portal)).toEqual([]);
  });

  test("signs in through a real popup from a portal window that another origin's page opened", async ({page, demo}) => {
    await page.goto(otherUrl);
    const portal = await openPortalFrom(page, `${demo.portalUrl}/?tab=api-connections`);
    const signInButton = tab(portal).getByRole('button', {name: 'Sign in', exact: true});
    await expect(signInButton).toBeVisible();
    await tab(portal).evaluate((element) => {
      element.setAttribute('login-mode', 'popup');
    });
    const popupOpened = portal.waitForEvent('popup');
    await signInButton.click();
    const popup = await popupOpened;
    await popup.getByLabel('User name').fill(ADMIN.username);
    await popup.getByLabel('Password').fill(ADMIN.password);
    await popup.getByRole('button', {name: 'Sign in'}).click();
    await popup.waitForEvent('close');
    await expect(tab(portal).getByText(/^Signed in as /)).toBeVisible();
    // The portal itself never left: the popup carried the whole sign-in.
    expect(new URL(portal.url()).search).toBe('?tab=api-connections');
    expect(portalErrors.get(portal)).toEqual([]);
  });
});

/** What one page load measured: when the Sign in button showed, the element was defined and the frame added. */
interface Timing {
  shown: number;
  defined: number;
  frame?: number;
}

/** Loads `url` (or reloads) in `page` and measures, in the page, when the Sign in button shows. */
async function timeToSignIn(page: Page, url?: string): Promise<Timing> {
  if (url === undefined) await page.reload();
  else await page.goto(url);
  const shown = await signInButtonShownAt(page);
  return {shown, ...(await marks(page))};
}

/**
 * The first load after the worker started its servers also measures their cold start (the demo and the emulator run
 * in the test's own process); the bound is about the element, so the figure comes from a second load.
 */
async function warmTimeToSignIn(page: Page, url: string): Promise<Timing> {
  await timeToSignIn(page, url);
  return timeToSignIn(page);
}

function figures(timing: Timing): Record<string, number> {
  return {
    'from navigation': timing.shown,
    'from attach': timing.shown - timing.defined,
    ...(timing.frame === undefined ? {} : {'from frame': timing.shown - timing.frame}),
  };
}

test.describe('issue 12 §3: silent sign-in fails fast', () => {
  test("under a host policy of default-src 'self' (no frame-src for the issuer), Sign in shows within 1.5 s", async ({
    page,
    demo,
    watch,
  }) => {
    await markTimes(page);
    const errors = consoleErrors(page);
    const timing = await warmTimeToSignIn(page, `${demo.portalUrl}${LOCKED_PAGE}`);
    record("default-src 'self'", figures(timing));
    expect(timing.shown - timing.defined).toBeLessThanOrEqual(BLOCKED_BOUND_MS);
    await expect(tab(page).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
    // Nothing is reported to the admin: the Sign in button is all there is to do.
    await expect(tab(page).getByRole('alert').filter({hasText: /\S/})).toHaveCount(0);
    // The browser's own report of the blocked frame (once per load), and nothing else.
    const issuerOrigin = new URL(demo.issuer).origin;
    const report = expect.stringMatching(new RegExp(`^frame-src blocked ${issuerOrigin}`));
    expect(watch.violations).toEqual([report, report]);
    watch.violations.length = 0;
    const framing = expect.stringMatching(new RegExp(`^Framing '${issuerOrigin}/' violates`));
    expect(errors.csp).toEqual([framing, framing]);
    expect(errors.other).toEqual([]);
    await expect(page.locator('iframe')).toHaveCount(0);
  });

  test('with a provider that refuses to be framed (X-Frame-Options, frame-ancestors), Sign in shows within 1.5 s', async ({
    page,
    demo,
  }) => {
    await markTimes(page);
    const errors = consoleErrors(page);
    demo.emulator.clearRequestLog();
    const removeFault = demo.emulator.faults.add({
      path: `${new URL(demo.issuer).pathname}/connect/authorize`,
      status: 200,
      headers: {'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'"},
      body: '<!doctype html><title>Sign in</title><p>Sign in to continue.</p>',
      times: 2,
    });
    try {
      const timing = await warmTimeToSignIn(page, demo.minimalUrl);
      record('framing refused', figures(timing));
      expect(timing.frame).toBeDefined();
      expect(timing.shown - timing.defined).toBeLessThanOrEqual(BLOCKED_BOUND_MS);
    } finally {
      removeFault();
    }
    await expect(tab(page).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
    const refused = expect.objectContaining({fault: 'status'});
    expect(demo.emulator.requestLog().filter((entry) => entry.path.endsWith('/connect/authorize'))).toEqual([
      refused,
      refused,
    ]);
    // The provider's own frame-ancestors report is the browser's; the element adds nothing.
    expect(errors.other).toEqual([]);
    await expect(page.locator('iframe')).toHaveCount(0);
  });

  test('with login_required (no provider session, or its cookie not sent), Sign in shows within 1.5 s', async ({
    page,
    context,
    demo,
  }) => {
    await markTimes(page);
    const errors = consoleErrors(page);
    const fresh = await warmTimeToSignIn(page, demo.minimalUrl);
    record('login_required, no session', figures(fresh));
    expect(fresh.shown - fresh.defined).toBeLessThanOrEqual(BLOCKED_BOUND_MS);

    // A provider session exists, but its cookie does not reach the frame (as when third-party cookies are blocked).
    await signIn(page, demo);
    await context.clearCookies();
    const again = await timeToSignIn(page);
    record('login_required, cookie not sent', figures(again));
    expect(again.shown - again.defined).toBeLessThanOrEqual(BLOCKED_BOUND_MS);
    expect(errors.other).toEqual([]);
  });

  test('stops the attempt within 5 s when the provider never answers the silent frame', async ({page, demo}) => {
    await markTimes(page);
    const errors = consoleErrors(page);
    demo.emulator.clearRequestLog();
    const removeFault = demo.emulator.faults.add({
      path: `${new URL(demo.issuer).pathname}/connect/authorize`,
      drop: 'hang',
    });
    try {
      const timing = await timeToSignIn(page, demo.minimalUrl);
      record('provider never answers', figures(timing));
      expect(timing.frame).toBeDefined();
      expect(timing.shown - (timing.frame ?? Infinity)).toBeLessThanOrEqual(NO_ANSWER_BOUND_MS);
    } finally {
      removeFault();
    }
    expect(demo.emulator.requestLog().filter((entry) => entry.path.endsWith('/connect/authorize'))).toEqual([
      expect.objectContaining({fault: 'hang'}),
    ]);
    await expect(tab(page).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);
    expect(errors.other).toEqual([]);
  });
});
