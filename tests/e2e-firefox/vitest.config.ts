import {resolve} from 'node:path';
import {defineConfig} from 'vitest/config';

/**
 * The Firefox end-to-end suite (`npm run test:e2e-firefox`, and `npm test` after the Chromium e2e): the built
 * extension in Firefox ESR over WebDriver BiDi. One file at a time, each with one Firefox for all its tests.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, '../..'),
  // Lit's production build in the extension bundle is Vite's business; here only Node runs.
  test: {
    name: 'e2e-firefox',
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    globalSetup: [resolve(import.meta.dirname, 'support/global-setup.ts')],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
