/// <reference types="node" />
/**
 * Issue 17: the worker's and the pages' error texts come from `_locales` through `browser.i18n` (here the German
 * file, as the browser would read it), and every code has its message there.
 */
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {describe, expect, it, vi} from 'vitest';

const locales = resolve(import.meta.dirname, '../_locales');
const read = (locale: string) =>
  JSON.parse(readFileSync(resolve(locales, locale, 'messages.json'), 'utf8')) as Record<string, {message: string}>;
const german = read('de');

vi.mock('webextension-polyfill', () => ({
  default: {i18n: {getMessage: (name: string) => german[name]?.message ?? ''}},
}));

const {MESSAGE_ERROR_CODES, MessageError, messageText} = await import('./messaging.js');

describe('messageText', () => {
  it('reads each code’s text from the browser’s _locales', () => {
    expect(new MessageError('TENANT_NOT_FOUND').message).toBe(german.messageTenantNotFound?.message);
    expect(messageText('MESSAGE_NO_ANSWER')).toBe(german.messageNoAnswer?.message);
    expect(messageText('TENANT_NOT_FOUND')).not.toContain('tenant');
  });

  it('finds every code’s message in the locale file: none falls back to the built-in English', () => {
    const english = new Set(Object.values(read('en')).map(({message}) => message));
    const texts = new Set(Object.values(german).map(({message}) => message));
    for (const code of MESSAGE_ERROR_CODES) {
      expect(texts.has(messageText(code)), code).toBe(true);
      expect(english.has(messageText(code)), code).toBe(false);
    }
  });
});
