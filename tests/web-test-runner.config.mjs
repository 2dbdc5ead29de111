// @ts-check
/**
 * Component tests: `widget/src/**\/*.browser.test.ts` in real headless Chromium (the system one), TypeScript
 * compiled by esbuild with the project's decorator settings. Writes a JSON summary for tests/run.mjs.
 */
import {writeFileSync} from 'node:fs';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {defaultReporter} from '@web/test-runner';
import {chromeLauncher} from '@web/test-runner-chrome';
import {launchOptions} from './support/chromium.mjs';

const root = new URL('..', import.meta.url).pathname;

/** Counts every test of every file and writes `{passed, failed, skipped}` where tests/run.mjs reads it. */
function jsonSummaryReporter() {
  return {
    /** @param {{sessions: Iterable<any>}} args */
    onTestRunFinished({sessions}) {
      const counts = {passed: 0, failed: 0, skipped: 0};
      /** @param {any} suite */
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) counts.skipped += 1;
          else if (test.passed) counts.passed += 1;
          else counts.failed += 1;
        }
        for (const child of suite?.suites ?? []) walk(child);
      };
      for (const session of sessions) {
        walk(session.testResults);
        // A file that failed to load or threw outside a test fails no test: count it once.
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.failed += 1;
      }
      const file = process.env.CONGA_WTR_REPORT;
      if (file) writeFileSync(file, JSON.stringify(counts));
    },
  };
}

export default {
  rootDir: root,
  files: ['widget/src/**/*.browser.test.ts'],
  nodeResolve: {exportConditions: ['browser', 'development']},
  concurrency: 2,
  testFramework: {config: {timeout: 10_000}},
  plugins: [esbuildPlugin({ts: true, target: 'es2022', tsconfig: `${root}tsconfig.json`})],
  browsers: [
    chromeLauncher({
      launchOptions,
      // Two test files run at once, each in a tab of one browser, and only one tab has the window's focus: in the
      // other, focus() moves activeElement but fires no focus events, so focus-management tests (the dialogs) failed
      // whenever the tab next to them opened later. Focus emulation makes every tab behave as the focused one.
      async createPage({context}) {
        const page = await context.newPage();
        const session = await page.createCDPSession();
        await session.send('Emulation.setFocusEmulationEnabled', {enabled: true});
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), jsonSummaryReporter()],
};
