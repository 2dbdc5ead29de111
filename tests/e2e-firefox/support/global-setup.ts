/**
 * Before any Firefox test: is Firefox there? Locally a missing browser skips the suite with a message saying how to
 * get it; in CI (CI or CONGA_REQUIRE_FIREFOX set) it fails the run, so a lane that never ran can't pass.
 */
import type {TestProject} from 'vitest/node';
import {executablePath, firefoxAvailable, firefoxRequired} from '../../support/firefox.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    firefox: boolean;
  }
}

export default function setup(project: TestProject): void {
  const available = firefoxAvailable();
  if (!available && firefoxRequired) {
    throw new Error(
      `Firefox ESR is required in CI but was not found at ${executablePath} (set FIREFOX_PATH, or install firefox-esr: .ci/run does).`,
    );
  }
  if (!available) {
    console.warn(
      `\nSKIPPED: the Firefox e2e suite needs Firefox ESR at ${executablePath}, which is missing. ` +
        `Install it (apt-get install firefox-esr) or set FIREFOX_PATH to run it; every Firefox test is counted as skipped.\n`,
    );
  }
  project.provide('firefox', available);
}
