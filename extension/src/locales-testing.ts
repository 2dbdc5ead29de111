/// <reference types="node" />
/**
 * `browser.i18n.getMessage` over the extension's real `_locales/<locale>/messages.json`, substituting placeholders as
 * Chromium and Firefox do (`$NAME$` → the placeholder's `content` → `$1`…`$9` → the substitutions), so that unit
 * tests read what the browser would show. Node only.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, {content: string; example?: string}>;
}

export function readLocale(locale: string): Record<string, LocaleMessage> {
  const file = resolve(import.meta.dirname, '../_locales', locale, 'messages.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, LocaleMessage>;
}

export function getMessageOf(locale: string): (name: string, substitutions?: string | string[]) => string {
  const messages = readLocale(locale);
  return (name, substitutions = []) => {
    const entry = messages[name];
    if (entry === undefined) return '';
    const values = typeof substitutions === 'string' ? [substitutions] : substitutions;
    const numbered = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    const named = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([key, {content}]) => [key.toLowerCase(), content]),
    );
    return entry.message
      .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, key: string) => numbered(named[key.toLowerCase()] ?? ''))
      .replace(/\$\$/g, '$');
  };
}
