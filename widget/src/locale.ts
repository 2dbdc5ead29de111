/**
 * The element's language (issue 17). @lit/localize runs in runtime mode: English is built in, and each other locale is
 * a lazy module (`generated/locales/<code>.ts`, made by `npm run l10n:build` from `widget/l10n/xliff/`), one chunk per
 * locale. @lit/localize has one locale per page: when two elements on one page ask for different languages, the one
 * that resolved its language last wins, and both render in it.
 */
import {LOCALE_STATUS_EVENT} from './localize.js';
import type {LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from './generated/locale-codes.js';
import type * as LocaleRuntime from './locale-runtime.js';

export type Locale = typeof sourceLocale | (typeof targetLocales)[number];

/** The pseudo-locale (accented, ~40% longer, every message in ⟦…⟧): for tests only, never matched from a browser. */
export const PSEUDO_LOCALE = 'en-XA';

let active: Locale = sourceLocale;
/**
 * `addEventListener` of the page; absent in Node (unit tests), where the locale never changes. Declared optional
 * because the DOM types say every global scope has it.
 */
const listen = (globalThis as {addEventListener?: typeof addEventListener}).addEventListener;

// Registered before any catalogue's listener (they import this module), so they rebuild in the new locale.
listen?.(LOCALE_STATUS_EVENT, (event) => {
  if (event.detail.status === 'ready') active = event.detail.readyLocale as Locale;
});

/** The locale whose messages are loaded (English until another one is ready). */
export const currentLocale = (): Locale => active;

/**
 * Calls `listener` after each locale change, once its messages are loaded (the catalogues rebuild themselves here, so
 * they run before any element re-renders: elements subscribe later, when they connect).
 */
export function onLocaleReady(listener: () => void): void {
  listen?.(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status === 'ready') listener();
  });
}

/**
 * The best supported locale for a list of BCP 47 tags, in order of preference: an exact match, else the same
 * language (`de-AT` → `de`, `en-GB` → `en`), else English. The pseudo-locale only matches exactly.
 */
export function bestLocale(tags: readonly string[]): Locale {
  const supported: readonly string[] = [sourceLocale, ...targetLocales];
  for (const tag of tags) {
    const exact = supported.find((code) => code.toLowerCase() === tag.toLowerCase());
    if (exact) return exact as Locale;
    const language = tag.split('-')[0]?.toLowerCase();
    const match = supported.find((code) => code === language);
    if (match) return match as Locale;
  }
  return sourceLocale;
}

/**
 * The `lang` that applies to `element`: its own, else the nearest ancestor's (across shadow roots, through their
 * hosts; the document's root element is the last ancestor), else the browser's languages.
 */
export function languageOf(element: Element): readonly string[] {
  for (let node: Node | null = element; node;) {
    const lang = node instanceof Element ? node.getAttribute('lang') : null;
    if (lang) return [lang];
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return navigator.languages.length ? navigator.languages : [navigator.language];
}

const extraModules: ((locale: string) => Promise<LocaleModule>)[] = [];

/** Adds messages to every locale the page loads from now on (the extension's pages add theirs). */
export function addLocaleModules(load: (locale: string) => Promise<LocaleModule>): void {
  extraModules.push(load);
}

let runtime: Promise<typeof LocaleRuntime> | undefined;

/**
 * Switches the page to `locale`, loading its messages on first use. English needs nothing loaded until another
 * language was asked for: the runtime and the locale modules are lazy chunks (locale-runtime.ts).
 */
export function useLocale(locale: Locale): Promise<void> {
  if (!runtime && locale === sourceLocale) return Promise.resolve();
  runtime ??= import('./locale-runtime.js');
  return runtime.then((module) => module.switchLocale(locale, extraModules));
}

/** Right to left for Arabic; the pseudo-locale and the others are left to right. */
export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A count in the current locale's digits and grouping ("100,000", "100.000"). One formatter per locale, made on first
 * use and kept: making one is what costs (issue 7), formatting with it is cheap.
 */
export function formatCount(value: number): string {
  let format = numberFormats.get(active);
  if (!format) numberFormats.set(active, (format = new Intl.NumberFormat(active)));
  return format.format(value);
}
