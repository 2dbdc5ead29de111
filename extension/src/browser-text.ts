/**
 * Text from the extension's `_locales/<locale>/messages.json`, in the browser's language (issue 17). The worker has
 * no @lit/localize catalogue (it never renders), so what it says in words comes from here; `browser.i18n` works in the
 * pages and in the MV3 worker alike. The English passed in is what a context without it (unit tests) gets, and is the
 * same as `_locales/en`; a name the browser doesn't know answers '' and also falls back to it.
 */
import browser from 'webextension-polyfill';

export function browserText(name: string, english: string, substitutions: readonly string[] = []): string {
  const text = (browser as Partial<typeof browser>).i18n?.getMessage(name, [...substitutions]);
  return text === undefined || text === '' ? english : text;
}
