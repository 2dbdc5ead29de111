/// <reference types="chrome" />
/** 3. Sign-in: authorize → token → first API response, on a host page and in the extension, next to a bare PKCE page. */
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {chromium, type Browser, type BrowserContext, type Page, type Request} from 'playwright-core';
import type {BenchEmulator} from './emulator-process.js';
import {executablePath} from '../support/chromium.mjs';
import {BENCH_ARGS, withBrowser} from './browsers.js';
import type {Builds} from './builds.js';
import {BUDGET, EXTENSION_ID, RUNS} from './config.js';
import {figures, round, timing} from './figures.js';

/**
 * Fills and submits the emulator's login form as soon as a page of `context` shows it: one `evaluate` per form, the
 * same for the host page (a navigation of the tab) and for the extension (its launchWebAuthFlow window, which an
 * init script never reaches).
 */
export function submitLoginForms(context: BrowserContext, credentials: {username: string; password: string}): void {
  const submit = async (page: Page) => {
    if (!page.url().includes('/interaction/')) return;
    try {
      await page.evaluate((user) => {
        const form = document.querySelector('form');
        const username = document.querySelector<HTMLInputElement>('input[name="username"]');
        const password = document.querySelector<HTMLInputElement>('input[name="password"]');
        if (!form || !username || !password || form.dataset.benchSubmitted) return;
        form.dataset.benchSubmitted = 'yes';
        username.value = user.username;
        password.value = user.password;
        form.submit();
      }, credentials);
    } catch {
      // The page navigated on while we looked: the form was already submitted.
    }
  };
  const watch = (page: Page) => {
    page.on('domcontentloaded', () => void submit(page));
    void page.waitForLoadState('domcontentloaded').then(() => submit(page));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/**
 * Times authorize → token → first API response: from the emulator receiving the interactive `/connect/authorize`
 * request (its request log; the extension's auth window is not visible to Playwright before it has loaded) to the
 * end of the first API Connections list response in the browser (its resource timing), both wall-clock times of this
 * machine; and the share of it the login form was on screen (from its request to the login POST), which is the
 * user's time (here Playwright's) rather than the system's. Call `start()` just before the sign-in is triggered.
 */
interface RoundTrip {
  readonly total: number;
  readonly form: number;
}

function watchRoundTrip(
  context: BrowserContext,
  emulator: BenchEmulator,
): {start(): Promise<void>; result: Promise<RoundTrip>} {
  let since = Number.POSITIVE_INFINITY;
  const result = new Promise<RoundTrip>((resolveRoundTrip, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('no sign-in round trip within 30 s'));
    }, 30_000);
    const measure = async (request: Request) => {
      const url = new URL(request.url());
      if (request.method() !== 'GET' || !url.pathname.endsWith('/api-connections')) return;
      const {startTime, responseEnd} = request.timing();
      const log = (await emulator.requestLog()).slice(since);
      const authorize = log.findIndex(
        (entry) => entry.path.endsWith('/connect/authorize') && !/(?:^|&)prompt=none/.test(entry.query),
      );
      const form = log.findIndex((entry, index) => index > authorize && entry.path.includes('/interaction/'));
      const login = log.findIndex((entry, index) => index > form && entry.method === 'POST');
      const [start, shown, submitted] = [log[authorize], log[form], log[login]];
      if (authorize < 0 || !start || !shown || !submitted) return;
      const roundTrip = {total: startTime + responseEnd - start.time, form: submitted.time - shown.time};
      clearTimeout(timer);
      if (process.env.CONGA_BENCH_DEBUG) {
        const lines = log
          .slice(authorize)
          .map((entry) => `${String(entry.time - start.time).padStart(5)} ${entry.method} ${entry.path}`);
        console.log(
          `${lines.join('\n')}\n${roundTrip.total.toFixed(0)} ms, ${roundTrip.form.toFixed(0)} ms on the form`,
        );
      }
      resolveRoundTrip(roundTrip);
    };
    context.on('requestfinished', (request) => {
      measure(request).catch(reject);
    });
  });
  return {
    async start() {
      since = (await emulator.requestLog()).length;
    },
    result,
  };
}

async function hostSignInRun(browser: Browser, url: string, emulator: BenchEmulator): Promise<RoundTrip> {
  const context = await browser.newContext();
  try {
    submitLoginForms(context, emulator.users.admin);
    const roundTrip = watchRoundTrip(context, emulator);
    const page = await context.newPage();
    await page.goto(url);
    const button = page.getByRole('button', {name: 'Sign in', exact: true});
    await button.waitFor();
    await roundTrip.start();
    await button.click();
    return await roundTrip.result;
  } finally {
    await context.close();
  }
}

export interface ExtensionSession {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

async function launchExtension(extensionDir: string, emulator: BenchEmulator): Promise<ExtensionSession> {
  const profile = mkdtempSync(join(tmpdir(), 'conga-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...BENCH_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const tenant = {
    id: '00000000-0000-4000-8000-00000000be7c',
    name: 'Bench emulator',
    preset: 'custom',
    issuer: emulator.issuer,
    apiBaseUrl: emulator.apiBaseUrl,
    clientId: emulator.clients.extension.clientId,
  };
  await worker.evaluate((settings) => chrome.storage.local.set({'conga:settings': settings}), {
    tenants: [tenant],
    activeTenantId: tenant.id,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, {recursive: true, force: true});
    },
  };
}

export const popupUrl = `chrome-extension://${EXTENSION_ID}/src/popup/index.html`;

async function extensionSignInRun(session: ExtensionSession, emulator: BenchEmulator): Promise<RoundTrip> {
  submitLoginForms(session.context, emulator.users.admin);
  const roundTrip = watchRoundTrip(session.context, emulator);
  const popup = await session.context.newPage();
  await popup.goto(popupUrl);
  const button = popup.locator('conga-api-connections').getByRole('button', {name: 'Sign in', exact: true});
  await button.waitFor();
  await roundTrip.start();
  await button.click();
  const result = await roundTrip.result;
  await popup.close();
  return result;
}

export async function measureSignIn(
  builds: Builds,
  origin: string,
  emulator: BenchEmulator,
): Promise<ExtensionSession | undefined> {
  process.stdout.write('bench: sign-in…');
  const host: RoundTrip[] = [];
  const bare: RoundTrip[] = [];
  await withBrowser(async (browser) => {
    // One unmeasured round of each first: the first navigation of a new browser warms caches neither side keeps.
    await hostSignInRun(browser, `${origin}/signin.html`, emulator);
    await hostSignInRun(browser, `${origin}/signin-reference.html`, emulator);
    for (let run = 0; run < RUNS; run += 1) {
      process.stdout.write(` ${String(run + 1)}`);
      host.push(await hostSignInRun(browser, `${origin}/signin.html`, emulator));
      bare.push(await hostSignInRun(browser, `${origin}/signin-reference.html`, emulator));
    }
  });
  const extension: RoundTrip[] = [];
  let last: ExtensionSession | undefined;
  if (builds.extensionDir) {
    for (let run = 0; run < RUNS; run += 1) {
      process.stdout.write(` x${String(run + 1)}`);
      await last?.close();
      last = await launchExtension(builds.extensionDir, emulator);
      extension.push(await extensionSignInRun(last, emulator));
    }
  }
  process.stdout.write('\n');
  const budget = {text: `≤ ${String(BUDGET.signIn)} ms`, pass: (value: number) => value <= BUDGET.signIn};
  const total = (trips: RoundTrip[]) => trips.map((trip) => trip.total);
  const system = (trips: RoundTrip[]) => trips.map((trip) => trip.total - trip.form);
  const modes: [string, RoundTrip[]][] = [['host page (redirect)', host]];
  if (extension.length) modes.push(['extension', extension]);
  for (const [mode, trips] of modes) {
    timing('sign-in', `${mode}: authorize → token → first API response`, total(trips), total(bare), budget);
    Object.assign(figures.at(-1)?.data ?? {}, {
      loginFormMilliseconds: trips.map((trip) => round(trip.form, 1)),
      referenceLoginFormMilliseconds: bare.map((trip) => round(trip.form, 1)),
    });
    timing('sign-in', `${mode}: the same without the login form's time on screen`, system(trips), system(bare), {
      text: `≤ ${String(BUDGET.signInRatio)}× ref`,
      pass: (_value, ratio) => ratio <= BUDGET.signInRatio,
    });
  }
  return last;
}
