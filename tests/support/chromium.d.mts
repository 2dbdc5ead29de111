/** Types of `chromium.mjs`, for the TypeScript configs that import it (the Playwright config). */
export declare const executablePath: string;
/** Flags for a quiet, offline, root-friendly headless Chromium. */
export declare const args: string[];
/** Launch options for puppeteer-style and Playwright launchers alike. */
export declare const launchOptions: {executablePath: string; headless: boolean; args: string[]};
