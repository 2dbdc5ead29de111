/**
 * 5. Cold load (issue 18): a host page loaded with nothing cached on simulated 4G → first rows painted, the element
 * signing in silently against a live provider session, next to the same flow on a bare oauth4webapi + Lit page
 * (tests/bench/pages/cold-reference.ts). Each run is a fresh browser context: the provider session is made first
 * (the login form, on the bare page, outside the measurement), then the browser cache is cleared and disabled, the
 * network throttled through CDP, and the measured page loaded.
 */
import type {Browser, BrowserContext} from 'playwright-core';
import type {BenchEmulator} from './emulator-process.js';
import {withBrowser} from './browsers.js';
import {RUNS} from './config.js';
import {timing} from './figures.js';
import {submitLoginForms} from './sign-in.js';
import {detectFirstRows} from './first-rows.js';

/** Chromium's "4G" preset as issue 18 names it: 4 Mbit/s down, 3 Mbit/s up, 20 ms round trip; the CPU as it is. */
export const FOUR_G = {offline: false, latency: 20, downloadThroughput: 4_000_000 / 8, uploadThroughput: 3_000_000 / 8};

/** When the first rows were painted (first-rows.ts). */
const DETECT_FIRST_ROWS = detectFirstRows(/\/cold(?:-reference)?\.html$/, {topFrameOnly: true});

/** Signs in once through the login form on the bare sign-in page, leaving a provider session in `context`. */
async function providerSession(context: BrowserContext, origin: string, emulator: BenchEmulator): Promise<void> {
  submitLoginForms(context, emulator.users.admin);
  const page = await context.newPage();
  await page.goto(`${origin}/signin-reference.html`);
  await page.getByRole('button', {name: 'Sign in', exact: true}).click();
  await page.waitForFunction(() => document.body.dataset.listed !== undefined, undefined, {timeout: 30_000});
  await page.close();
}

async function coldRun(browser: Browser, url: string, origin: string, emulator: BenchEmulator): Promise<number> {
  const context = await browser.newContext();
  try {
    await providerSession(context, origin, emulator);
    await context.addInitScript({content: DETECT_FIRST_ROWS});
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', {cacheDisabled: true});
    await cdp.send('Network.emulateNetworkConditions', FOUR_G);
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as Window & {congaFirstRows?: number}).congaFirstRows, {
      timeout: 60_000,
    });
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

export async function measureCold(origin: string, emulator: BenchEmulator): Promise<void> {
  process.stdout.write('bench: cold load…');
  const element: number[] = [];
  const reference: number[] = [];
  await withBrowser(async (browser) => {
    for (let run = 0; run < RUNS; run += 1) {
      process.stdout.write(` ${String(run + 1)}`);
      element.push(await coldRun(browser, `${origin}/cold.html`, origin, emulator));
      reference.push(await coldRun(browser, `${origin}/cold-reference.html`, origin, emulator));
    }
  });
  process.stdout.write('\n');
  // Reported with its ratio; issue 18 sets no budget for it.
  timing('cold load', 'page load on 4G, nothing cached → first rows (silent sign-in)', element, reference);
}
