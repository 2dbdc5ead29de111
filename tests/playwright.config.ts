import {resolve} from 'node:path';
import {defineConfig} from '@playwright/test';
import {launchOptions} from './support/chromium.mjs';

/**
 * Browser tests in the system Chromium (never a downloaded one): each spec starts its own emulator and host page.
 * `tests/run.mjs` names the JSON report through PLAYWRIGHT_JSON_OUTPUT_NAME; on its own it goes to test-results/.
 */
export default defineConfig({
  testDir: './e2e',
  workers: 2,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: {timeout: 10_000},
  outputDir: resolve(import.meta.dirname, '../test-results/e2e-artifacts'),
  reporter: [
    ['list'],
    [
      'json',
      {outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? resolve(import.meta.dirname, '../test-results/e2e.json')},
    ],
  ],
  use: {browserName: 'chromium', launchOptions, trace: 'off', screenshot: 'off', video: 'off'},
});
