/**
 * `npm run bench`: the speed and size figures of issue 7, measured on this machine with the system Chromium
 * (headless), printed as one table and written to `tests/bench/results/<YYYY-MM-DD>.json`. Not part of `npm test`:
 * timings are noisy, so every timing is the median of at least five runs next to a reference measured in the same
 * run, and only the exact figures (sizes) are also enforced by tests.
 *
 * 1. Size: the built module (`vite build --mode widget-js`), its Lit-external variant and its lazy chunks (minified,
 *    gzip -9, brotli -11 with node:zlib), next to Lit alone (bundled and minified here the same way).
 * 2. Big organizations: the emulator seeded with 10,000 and 100,000 connections (tests/bench/seed.ts); the element
 *    (host session) and the reference table (tests/bench/pages/reference-table.ts) each in a fresh browser per run:
 *    attach → first rows painted, a sort by each column, each keystroke of a six-letter search, rows in the DOM,
 *    the JS heap (peak per frame, and what is left after a forced GC) and the renderer's peak RSS.
 * 3. Sign-in: authorize → token → first API response, the login form submitted by an init script, for the
 *    host-page redirect mode and for the extension, next to a bare PKCE page (tests/bench/pages/signin-reference.ts).
 * 4. Extension: popup page opened → first rows painted (signed in), next to the same element on a plain page.
 *
 * `CONGA_BENCH_RUNS` (default 5) sets the runs; `CONGA_BENCH_ONLY=size,10k,100k,sign-in,extension` runs a part. A
 * results file is written only by a complete run with at least five runs.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {cpus, tmpdir, totalmem} from 'node:os';
import {join} from 'node:path';
import * as prettier from 'prettier';
import {executablePath} from '../support/chromium.mjs';
import {buildAll} from './builds.js';
import {startEmulator} from './emulator-process.js';
import {ALL_PARTS, BUDGET, ORGANIZATIONS, PARTS, PORTAL_CLIENT_ID, RUNS, root} from './config.js';
import {measureCold} from './cold.js';
import {writeSpeedTable} from './docs.js';
import {figures, printTable, round} from './figures.js';
import {measureOrganization} from './organizations.js';
import {measurePopup} from './popup.js';
import {startServer} from './server.js';
import {measureSignIn} from './sign-in.js';
import {measureSizes} from './sizes.js';

function gitDescription(): {commit: string; dirty: boolean} {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], {cwd: root, encoding: 'utf8'}).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'widget/src', 'packages'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    return {commit, dirty: dirty !== ''};
  } catch {
    return {commit: 'unknown', dirty: true};
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'conga-bench-'));
  const closers: (() => Promise<unknown>)[] = [];
  try {
    process.stdout.write('bench: building the module, the bench pages, Lit alone and the extension…\n');
    const builds = await buildAll(work);
    if (PARTS.includes('size')) measureSizes(builds);
    const server = await startServer(builds);
    const {origin} = server;
    closers.push(() => server.close());
    for (const {count} of ORGANIZATIONS) await measureOrganization(count, server);
    if (PARTS.includes('sign-in') || PARTS.includes('extension') || PARTS.includes('cold')) {
      const emulator = await startEmulator({
        portal: {
          clientId: PORTAL_CLIENT_ID,
          redirectUris: [
            `${origin}/signin.html`,
            `${origin}/signin-reference.html`,
            `${origin}/plain.html`,
            `${origin}/cold.html`,
            `${origin}/cold-reference.html`,
          ],
          corsOrigins: [origin],
        },
      });
      closers.push(() => emulator.close());
      await server.configure({issuer: emulator.issuer, apiBaseUrl: emulator.apiBaseUrl});
      if (PARTS.includes('sign-in') || PARTS.includes('extension')) {
        const session = await measureSignIn(builds, origin, emulator);
        if (session) {
          closers.push(() => session.close());
          if (PARTS.includes('extension')) await measurePopup(session, origin, emulator);
        }
      }
      if (PARTS.includes('cold')) await measureCold(origin, emulator);
    }
  } finally {
    for (const close of closers.reverse()) await close();
    rmSync(work, {recursive: true, force: true});
  }

  const table = printTable();
  console.log(`\n${table}\n`);
  const date = new Date().toISOString().slice(0, 10);
  const complete = ALL_PARTS.every((part) => PARTS.includes(part)) && RUNS >= 5;
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!complete) {
    console.log(
      `bench: ${String(seconds)} s; a partial run (CONGA_BENCH_ONLY or fewer than 5 runs) writes no results file.`,
    );
    return;
  }
  const results = {
    date,
    runs: RUNS,
    seconds,
    ...gitDescription(),
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory: totalmem(),
      node: process.version,
      chromium: execFileSync(executablePath, ['--version'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim(),
    },
    budgets: BUDGET,
    table,
    figures: figures.map(({section, label, value, reference, ratio, budget, pass, data}) => ({
      section,
      label,
      value,
      reference,
      ratio: ratio === undefined ? undefined : round(ratio, 3),
      budget,
      pass,
      ...data,
    })),
  };
  const folder = join(root, 'tests/bench/results');
  mkdirSync(folder, {recursive: true});
  const file = join(folder, `${date}.json`);
  // Formatted as `npm run lint` checks it, so a committed results file never fails prettier.
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(JSON.stringify(results), {...options, filepath: file}));
  const over = figures.filter((figure) => figure.pass === false).length;
  const caption = `The last complete run (${date}, ${String(RUNS)} runs, ${String(results.machine.cores)} cores, ${results.machine.chromium}; \`tests/bench/results/${date}.json\`, written by \`npm run bench\`): ${over === 0 ? 'every budget holds' : `${String(over)} figure${over === 1 ? '' : 's'} over budget`}.`;
  const docs = await writeSpeedTable(table, caption);
  console.log(`bench: ${String(seconds)} s; wrote ${file.slice(root.length + 1)} and the table in ${docs}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
