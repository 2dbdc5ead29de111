/** Types of `firefox.mjs`, for the TypeScript files that import it. */
export declare const executablePath: string;
/** Whether the browser is there to run. */
export declare function firefoxAvailable(): boolean;
/** True in CI, where a missing Firefox fails the suite. */
export declare const firefoxRequired: boolean;
/** Command-line arguments for Firefox. */
export declare const args: string[];
/** Profile preferences for a quiet, offline headless Firefox. */
export declare const prefs: Record<string, boolean | number | string>;
