/**
 * @lit/localize's runtime (message lookup, locale loading) and the locale modules: a lazy chunk that a page loads
 * only when it needs a language other than English, which `msg()` returns as written (issue 7: the main module's
 * budget). locale.ts is the only importer.
 */
import type {LocaleModule} from '@lit/localize';
import {configureLocalization} from '@lit/localize/init/runtime.js';
import {sourceLocale, targetLocales} from './generated/locale-codes.js';

let setLocale: ((locale: string) => Promise<void>) | undefined;

/**
 * Switches the page to `locale`: the widget's module for it (one chunk per locale) merged with the modules `extra`
 * loads (the extension's pages' messages).
 */
export function switchLocale(
  locale: string,
  extra: readonly ((locale: string) => Promise<LocaleModule>)[],
): Promise<void> {
  setLocale ??= configureLocalization({
    sourceLocale,
    targetLocales,
    loadLocale: async (code) => {
      const modules = await Promise.all([
        import(`./generated/locales/${code}.js`) as Promise<LocaleModule>,
        ...extra.map((load) => load(code)),
      ]);
      return {templates: Object.assign({}, ...modules.map((module) => module.templates)) as LocaleModule['templates']};
    },
  }).setLocale;
  return setLocale(locale);
}
