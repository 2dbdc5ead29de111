// @ts-check
/**
 * The one place that knows how to launch Firefox: Debian's `firefox-esr` (or `FIREFOX_PATH`), headless, driven by
 * puppeteer-core over WebDriver BiDi. Like chromium.mjs, nothing here downloads a browser.
 */
import {accessSync, constants} from 'node:fs';

export const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Whether the browser is there to run; the Firefox suite skips (locally) or fails (in CI) without it. */
export function firefoxAvailable() {
  try {
    accessSync(executablePath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * In CI a missing Firefox is a failure, never a skip: `.ci/run` installs it and sets CONGA_REQUIRE_FIREFOX, and CI
 * machines set CI.
 */
export const firefoxRequired = Boolean(process.env.CI) || process.env.CONGA_REQUIRE_FIREFOX === '1';

/**
 * `--remote-allow-system-access` lets WebDriver BiDi open and script the extension's own moz-extension pages
 * (EXTENSION-NOTES §6b). The prefs keep the profile quiet and offline.
 */
export const args = ['--remote-allow-system-access'];

/** Profile preferences for a quiet, offline headless Firefox. */
export const prefs = {
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};
