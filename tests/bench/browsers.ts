/** The bench's browsers: the system Chromium, headless, with precise memory figures. */
import {readFileSync} from 'node:fs';
import {chromium, type Browser} from 'playwright-core';
import {args as chromiumArgs, executablePath} from '../support/chromium.mjs';

export const BENCH_ARGS = [...chromiumArgs, '--enable-precise-memory-info'];

export async function withBrowser<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({executablePath, headless: true, args: BENCH_ARGS});
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/** The highest resident set any renderer of `browser` reached (VmHWM), in bytes. */
export async function rendererPeakRss(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const {processInfo} = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: {type: string; id: number}[];
  };
  await cdp.detach();
  let peak = 0;
  for (const process of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${String(process.id)}/status`, 'utf8');
      const kilobytes = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kilobytes * 1024);
    } catch {
      // The process is gone.
    }
  }
  return peak;
}
