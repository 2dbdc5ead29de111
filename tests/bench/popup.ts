/// <reference types="chrome" />
/** 4. Extension: the popup opened → first rows painted, next to the same element on a plain page. */
import type {BrowserContext, Page} from 'playwright-core';
import type {BenchEmulator} from './emulator-process.js';
import {BUDGET, RUNS} from './config.js';
import {timing} from './figures.js';
import {popupUrl, type ExtensionSession} from './sign-in.js';
import {detectFirstRows} from './first-rows.js';

/** When the first rows were painted (first-rows.ts). */
const DETECT_FIRST_ROWS = detectFirstRows(/\/(?:popup\/index|plain)\.html$/);

async function firstRowsFromNavigation(context: BrowserContext, url: string): Promise<number> {
  const page: Page = await context.newPage();
  try {
    await page.goto(url);
    const handle = await page.waitForFunction(() => (window as Window & {congaFirstRows?: number}).congaFirstRows, {
      timeout: 30_000,
    });
    return Number(await handle.jsonValue());
  } finally {
    await page.close();
  }
}

export async function measurePopup(session: ExtensionSession, origin: string, emulator: BenchEmulator): Promise<void> {
  process.stdout.write('bench: extension popup…');
  const {context} = session;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const stored = await worker.evaluate(() => chrome.storage.session.get(null));
  const record = Object.entries(stored).find(([key]) => key.startsWith('conga:tokens:'))?.[1] as
    {accessToken?: string} | undefined;
  if (!record?.accessToken) throw new Error('the extension holds no token after sign-in');
  await context.addInitScript({content: DETECT_FIRST_ROWS});
  await context.addInitScript(
    (config) => {
      (window as Window & {congaBenchPlain?: unknown}).congaBenchPlain = config;
    },
    {apiBaseUrl: emulator.apiBaseUrl, accessToken: record.accessToken},
  );
  // Unmeasured: the first open of each starts caches (the worker, the module) that every later open finds warm.
  await firstRowsFromNavigation(context, popupUrl);
  await firstRowsFromNavigation(context, `${origin}/plain.html`);
  const popup: number[] = [];
  const plain: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    process.stdout.write(` ${String(run + 1)}`);
    popup.push(await firstRowsFromNavigation(context, popupUrl));
    plain.push(await firstRowsFromNavigation(context, `${origin}/plain.html`));
  }
  process.stdout.write('\n');
  timing('extension', 'popup opened → first rows (vs the element on a plain page)', popup, plain, {
    text: `≤ ${String(BUDGET.popupRatio)}× ref`,
    pass: (_value, ratio) => ratio <= BUDGET.popupRatio,
  });
}
