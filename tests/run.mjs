// @ts-check
/**
 * `npm test`: every suite in order, failing fast, then one total line, alone, as CI reads it:
 * `N passed, N failed` (`, N skipped` when some were skipped). Lint and type-check count as one check each.
 * Each runner writes a JSON report that this script reads, so the total never depends on parsing console text.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, '.tmp', 'reports');
rmSync(reports, {recursive: true, force: true});
mkdirSync(reports, {recursive: true});

/** @param {string} dir @param {RegExp} pattern @returns {boolean} */
function hasFiles(dir, pattern) {
  const full = join(root, dir);
  if (!existsSync(full)) return false;
  return readdirSync(full, {recursive: true, withFileTypes: true}).some(
    (entry) => entry.isFile() && pattern.test(entry.name) && !entry.parentPath.includes('node_modules'),
  );
}

/**
 * Vitest's JSON report. A test file that fails to load fails no test, so it is counted as one failure itself.
 * @param {string} file @returns {{passed: number, failed: number, skipped: number}}
 */
function vitestCounts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const brokenFiles = (report.testResults ?? []).filter(
    (/** @type {any} */ r) =>
      r.status === 'failed' && !(r.assertionResults ?? []).some((/** @type {any} */ a) => a.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** @param {string} file */
function playwrightCounts(file) {
  const {stats} = JSON.parse(readFileSync(file, 'utf8'));
  return {passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped};
}

/**
 * @typedef {{name: string, when: () => boolean, command: string[], env?: Record<string, string>,
 *   counts?: () => {passed: number, failed: number, skipped: number}}} Suite
 * @type {Suite[]}
 */
const suites = [
  {name: 'lint', when: () => true, command: ['npm', 'run', '--silent', 'lint']},
  {name: 'typecheck', when: () => true, command: ['npm', 'run', '--silent', 'typecheck']},
  {
    name: 'unit',
    when: () => hasFiles('packages', /\.test\.ts$/) || hasFiles('extension/src', /\.test\.ts$/),
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/unit.json`,
    ],
    counts: () => vitestCounts(`${reports}/unit.json`),
  },
  {
    name: 'components',
    when: () => hasFiles('widget/src', /\.browser\.test\.ts$/),
    command: ['npx', 'web-test-runner', '--config', 'tests/web-test-runner.config.mjs'],
    env: {CONGA_WTR_REPORT: `${reports}/components.json`},
    counts: () => JSON.parse(readFileSync(`${reports}/components.json`, 'utf8')),
  },
  {
    name: 'integration',
    when: () => hasFiles('tests/integration', /\.test\.ts$/),
    command: [
      'npx',
      'vitest',
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/integration.json`,
    ],
    counts: () => vitestCounts(`${reports}/integration.json`),
  },
  {
    name: 'e2e',
    when: () => hasFiles('tests/e2e', /\.spec\.ts$/),
    command: ['npx', 'playwright', 'test', '--config', 'tests/playwright.config.ts'],
    env: {PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json`},
    counts: () => playwrightCounts(`${reports}/e2e.json`),
  },
  {
    // Issue 14: the packed element installed into React, Vue, Svelte, Angular and plain Vite host apps
    // (tests/hosts/: its own install from the npm registry, made by the suite; `npm run test:hosts`).
    name: 'hosts',
    when: () => existsSync(join(root, 'tests/hosts/hosts.spec.ts')),
    command: ['npx', 'playwright', 'test', '--config', 'tests/hosts/playwright.config.ts'],
    env: {PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/hosts.json`},
    counts: () => playwrightCounts(`${reports}/hosts.json`),
  },
  {
    // The extension in Firefox ESR (puppeteer-core over WebDriver BiDi). Without Firefox the suite counts its tests
    // as skipped and says why; in CI (CI or CONGA_REQUIRE_FIREFOX set) a missing Firefox fails it instead.
    name: 'e2e-firefox',
    when: () => hasFiles('tests/e2e-firefox', /\.test\.ts$/),
    command: [
      'npx',
      'vitest',
      'run',
      '--config',
      'tests/e2e-firefox/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/e2e-firefox.json`,
    ],
    counts: () => vitestCounts(`${reports}/e2e-firefox.json`),
  },
];

const total = {passed: 0, failed: 0, skipped: 0};
/** @type {string[]} */
const lines = [];
let ok = true;

for (const suite of suites) {
  if (!ok) break;
  if (!suite.when()) {
    lines.push(`${suite.name.padEnd(12)} no tests yet`);
    continue;
  }
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const run = spawnSync(suite.command[0] ?? 'npx', suite.command.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: {...process.env, ...suite.env},
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let counts;
  if (suite.counts) {
    try {
      counts = suite.counts();
    } catch {
      // No report: the runner died before writing one. That is one failure, never a silent pass.
      counts = {passed: 0, failed: 1, skipped: 0};
    }
  } else {
    counts = run.status === 0 ? {passed: 1, failed: 0, skipped: 0} : {passed: 0, failed: 1, skipped: 0};
  }
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
  lines.push(
    `${suite.name.padEnd(12)} ${String(counts.passed).padStart(4)} passed ${String(counts.failed).padStart(3)} failed ${String(counts.skipped).padStart(3)} skipped  ${seconds}s`,
  );
  if (run.status !== 0) ok = false;
}

const summary = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`;
writeFileSync(join(root, '.tmp', 'test-summary.txt'), summary + '\n');
console.log(`\n${lines.join('\n')}\n`);
console.log(summary);
process.exit(ok ? 0 : 1);
