import {resolve} from 'node:path';
import {defineConfig} from '@playwright/test';
import {launchOptions} from '../support/chromium.mjs';

/**
 * `npm run test:hosts` (and the `hosts` suite of `npm test`): the packed element in host apps (hosts.spec.ts), one
 * worker: global-setup.ts packs and installs once, then the tarball checks, the checkers and the browser. System
 * Chromium only.
 */
export default defineConfig({
  testDir: '.',
  testMatch: 'hosts.spec.ts',
  globalSetup: './global-setup.ts',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: {timeout: 15_000},
  outputDir: resolve(import.meta.dirname, '../../test-results/hosts-artifacts'),
  reporter: [
    ['list'],
    [
      'json',
      {
        outputFile:
          process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? resolve(import.meta.dirname, '../../test-results/hosts.json'),
      },
    ],
  ],
  use: {browserName: 'chromium', launchOptions, trace: 'off', screenshot: 'off', video: 'off'},
});
