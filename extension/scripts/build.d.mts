/** Types of `build.mjs`, for the TypeScript tests that build the extension. */
export declare function buildExtension(options?: {
  browser?: 'chromium' | 'firefox';
  flavour?: 'dev' | 'release';
  outDir?: string;
}): Promise<string>;
