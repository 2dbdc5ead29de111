// Types of fill.mjs, for the tests that use its functions.
export declare const CONFIGS: string[];
export declare const PSEUDO_LOCALE: string;
export declare function sourceText(xml: string): string;
export declare function pseudo(xml: string): string;
export declare function target(xml: string, translation: string): string | undefined;
export declare function fill(
  xliff: string,
  locale: string,
  translations: Record<string, string>,
): {text: string; missing: string[]};
export declare function translationsOf(locale: string): Record<string, string>;
export declare function xliffDirOf(config: string): string;
export declare function fillAll(
  dirs?: string[],
): {file: string; locale: string; before: string; text: string; missing: string[]}[];
export declare function extensionLocales(): {
  file: string;
  locale: string;
  before: string;
  text: string;
  missing: string[];
}[];
