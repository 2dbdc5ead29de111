/**
 * The extension pages' language (issue 17): the browser's UI language, like the manifest's `_locales`. The pages'
 * own messages (text.ts, promote/text.ts) are added to the widget's in every locale module the page loads; setting
 * the document's `lang` is what the element inside follows.
 */
import browser from 'webextension-polyfill';
import {addLocaleModules, bestLocale, directionOf, useLocale} from '@conga-connections/widget/locale';
import type {LocaleModule} from '@lit/localize';

addLocaleModules((locale) => import(`./generated/locales/${locale}.js`) as Promise<LocaleModule>);

/** Puts this page in the browser's language: its messages, `lang` and `dir` (right to left for Arabic). */
export function followBrowserLanguage(): Promise<void> {
  const locale = bestLocale([browser.i18n.getUILanguage()]);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  return useLocale(locale);
}
