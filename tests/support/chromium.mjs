// @ts-check
/**
 * The one place that knows how to launch Chromium: the system browser (Debian's `chromium`, or `CHROMIUM_PATH`),
 * headless, with the flags that keep it off the network. Both the web-test-runner and the Playwright configs import
 * it, so no tool ever downloads a browser of its own.
 */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a quiet, offline, root-friendly headless Chromium. */
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** Launch options for puppeteer-style and Playwright launchers alike. */
export const launchOptions = {executablePath, headless: true, args};
