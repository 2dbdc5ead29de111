/** 2. Big organizations: the element and the reference table on 10,000 and 100,000 connections. */
import {signInUser} from '../support/emulator.js';
import {withBrowser, rendererPeakRss} from './browsers.js';
import {
  BUDGET,
  COLUMN_LABELS,
  COLUMNS,
  MAIN,
  PAGE_ROWS,
  PORTAL_CLIENT_ID,
  RUNS,
  SEARCH,
  SEARCH_LETTERS,
} from './config.js';
import {figures, mb, median, round, timing} from './figures.js';
import {startEmulator, type BenchEmulator} from './emulator-process.js';
import type {BenchServer} from './server.js';

interface OrganizationRun {
  firstRows: number;
  /** Attach → every connection in (the element paints its first page before the rest arrive). */
  allLoaded: number;
  /** When the first list request started and the last list response ended, after the attach. */
  api: {firstRequest?: number; lastResponse?: number; requests?: number};
  sorts: Record<string, number>;
  keystrokes: number[];
  rows: number;
  heapPeak: number;
  heapRetained: number;
  /** The JS heap after a forced GC on the bench page before the mount: what the page holds without the list. */
  heapBaseline: number;
  rendererPeak: number;
}

async function organizationRun(
  implementation: 'element' | 'reference',
  origin: string,
  emulator: BenchEmulator,
  accessToken: string,
): Promise<OrganizationRun> {
  return withBrowser(async (browser) => {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    page.on('pageerror', (error) => {
      console.error(`${implementation}: ${error.message}`);
    });
    await page.goto(`${origin}/bench.html`);
    await page.waitForFunction(() => 'bench' in window);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const baseline = await cdp.send('Runtime.getHeapUsage');
    const moduleUrl = implementation === 'element' ? `/widget/${MAIN}` : '/pages/reference-table.js';
    const mounted = await page.evaluate((options) => window.bench.mount(options), {
      implementation,
      moduleUrl,
      apiBaseUrl: emulator.apiBaseUrl,
      accessToken,
    });
    const sorts: Record<string, number> = {};
    for (const column of COLUMNS) {
      sorts[column] = (await page.evaluate((name) => window.bench.sort(name), column)).milliseconds;
    }
    const keystrokes: number[] = [];
    for (const letter of SEARCH_LETTERS) {
      keystrokes.push((await page.evaluate((key) => window.bench.type(key), letter)).milliseconds);
    }
    const rows = await page.evaluate(() => window.bench.rows());
    const heap = await page.evaluate(() => window.bench.heap());
    await cdp.send('HeapProfiler.collectGarbage');
    const {usedSize} = await cdp.send('Runtime.getHeapUsage');
    return {
      firstRows: mounted.milliseconds,
      allLoaded: mounted.allLoaded,
      api: {firstRequest: mounted.firstRequest, lastResponse: mounted.lastResponse, requests: mounted.requests},
      sorts,
      keystrokes,
      rows,
      heapPeak: heap.peak,
      heapRetained: usedSize,
      heapBaseline: baseline.usedSize,
      rendererPeak: await rendererPeakRss(browser),
    };
  });
}

export async function measureOrganization(count: number, server: BenchServer): Promise<void> {
  const {origin} = server;
  const label = count >= 1000 ? `${String(count / 1000)}k` : String(count);
  process.stdout.write(`bench: ${label} connections: seeding…`);
  const emulator = await startEmulator({
    connections: count,
    portal: {clientId: PORTAL_CLIENT_ID, redirectUris: [`${origin}/bench.html`], corsOrigins: [origin]},
  });
  await server.configure({issuer: emulator.issuer, apiBaseUrl: emulator.apiBaseUrl});
  try {
    const tokens = await signInUser(emulator, emulator.users.admin);
    const accessToken = String(tokens.access_token);
    const element: OrganizationRun[] = [];
    const reference: OrganizationRun[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      process.stdout.write(` ${String(run + 1)}`);
      // Alternate which side goes first, so a drift of the machine doesn't favour one of them.
      const order = run % 2 ? (['reference', 'element'] as const) : (['element', 'reference'] as const);
      for (const side of order) {
        const result = await organizationRun(side, origin, emulator, accessToken);
        (side === 'element' ? element : reference).push(result);
      }
    }
    process.stdout.write('\n');
    const section = `${label} connections`;
    timing(section, 'attach → first rows painted', pick(element, 'firstRows'), pick(reference, 'firstRows'), {
      text: `≤ ${String(BUDGET.firstRowsRatio)}× ref`,
      pass: (_value, ratio) => ratio <= BUDGET.firstRowsRatio,
    });
    // How much of it was the API's: the list requests' window (resource timing), for reading the figure.
    Object.assign(figures.at(-1)?.data ?? {}, {
      api: element.map((run) => run.api),
      referenceApi: reference.map((run) => run.api),
    });
    // The reference paints only once everything is in, so for it both figures are the same moment.
    timing(section, 'attach → every connection loaded', pick(element, 'allLoaded'), pick(reference, 'allLoaded'));
    for (const column of COLUMNS) {
      timing(
        section,
        `sort by ${COLUMN_LABELS[column]} (first time)`,
        element.map((run) => run.sorts[column] ?? Number.NaN),
        reference.map((run) => run.sorts[column] ?? Number.NaN),
        {text: `≤ ${String(BUDGET.sortRatio)}× ref`, pass: (_value, ratio) => ratio <= BUDGET.sortRatio},
      );
    }
    const limit = count >= 100_000 ? BUDGET.keystroke100k : BUDGET.keystroke10k;
    // Each letter's median over the runs; the slowest letter is the figure ("each keystroke within …").
    const perLetter = (runs: OrganizationRun[]) =>
      SEARCH_LETTERS.map((_, index) => median(runs.map((run) => run.keystrokes[index] ?? Number.NaN)));
    const elementLetters = perLetter(element);
    const referenceLetters = perLetter(reference);
    const worst = elementLetters.indexOf(Math.max(...elementLetters));
    timing(
      section,
      `search "${SEARCH}": slowest keystroke ("${SEARCH.slice(0, worst + 1)}")`,
      element.map((run) => run.keystrokes[worst] ?? Number.NaN),
      reference.map((run) => run.keystrokes[worst] ?? Number.NaN),
      {
        text: `≤ ${limit.toFixed(1)} ms, ≤ ${String(BUDGET.keystrokeRatio)}× ref`,
        pass: (value, ratio) => value <= limit && ratio <= BUDGET.keystrokeRatio,
      },
    );
    const all = (runs: OrganizationRun[]) => runs.flatMap((run) => run.keystrokes);
    timing(section, `search "${SEARCH}": all keystrokes`, all(element), all(reference));
    const lastFigure = figures.at(-1);
    if (lastFigure) {
      Object.assign(lastFigure.data, {
        perLetterMedians: elementLetters.map((v) => round(v, 2)),
        referencePerLetterMedians: referenceLetters.map((v) => round(v, 2)),
      });
    }
    const rows = Math.max(...element.map((run) => run.rows));
    figures.push({
      section,
      label: 'table rows in the DOM',
      value: String(rows),
      reference: String(Math.max(...reference.map((run) => run.rows))),
      budget: `≤ ${String(PAGE_ROWS)} (a page)`,
      pass: rows <= PAGE_ROWS,
      data: {rows: element.map((run) => run.rows), referenceRows: reference.map((run) => run.rows)},
    });
    for (const [key, text, budget] of [
      ['heapPeak', 'JS heap, peak', BUDGET.heapRatio],
      ['heapRetained', 'JS heap after GC', BUDGET.heapRatio],
      ['rendererPeak', 'renderer memory, peak RSS', BUDGET.memoryRatio],
    ] as const) {
      const value = median(pick(element, key));
      const yardstick = median(pick(reference, key));
      const ratio = value / yardstick;
      figures.push({
        section,
        label: text,
        value: mb(value),
        reference: mb(yardstick),
        ratio,
        ...(count >= 100_000 ? {budget: `≤ ${String(budget)}× ref`, pass: ratio <= budget} : {}),
        data: {
          unit: 'bytes',
          median: value,
          referenceMedian: yardstick,
          ratio: round(ratio, 3),
          samples: pick(element, key),
          referenceSamples: pick(reference, key),
        },
      });
    }
    // What each side keeps per connection: the heap after GC above the empty bench page, over the connections.
    const perConnection = (runs: OrganizationRun[]) => runs.map((run) => (run.heapRetained - run.heapBaseline) / count);
    const kept = median(perConnection(element));
    const keptByReference = median(perConnection(reference));
    figures.push({
      section,
      label: 'JS heap kept per connection (after GC, above the empty page)',
      value: `${kept.toFixed(0)} B`,
      reference: `${keptByReference.toFixed(0)} B`,
      ratio: kept / keptByReference,
      data: {
        unit: 'bytes',
        median: round(kept, 1),
        referenceMedian: round(keptByReference, 1),
        samples: perConnection(element).map((value) => round(value, 1)),
        referenceSamples: perConnection(reference).map((value) => round(value, 1)),
      },
    });
  } finally {
    await emulator.close();
  }
}

function pick(
  runs: OrganizationRun[],
  key: 'firstRows' | 'allLoaded' | 'rows' | 'heapPeak' | 'heapRetained' | 'rendererPeak',
): number[] {
  return runs.map((run) => run[key]);
}
