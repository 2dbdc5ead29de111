/// <reference types="node" />
/**
 * Issue 17: the worker's and the pages' error texts come from `_locales` through `browser.i18n` (here the German
 * file, as the browser would read it), and every code has its message there.
 */
import {describe, expect, it, vi} from 'vitest';
import {readLocale} from './locales-testing.js';

const german = readLocale('de');

vi.mock('webextension-polyfill', async () => {
  const {getMessageOf} = await import('./locales-testing.js');
  return {default: {i18n: {getMessage: getMessageOf('de')}}};
});

const {MESSAGE_ERROR_CODES, MessageError, messageText} = await import('./messaging.js');
const {browserText} = await import('./browser-text.js');

describe('messageText', () => {
  it('reads each code’s text from the browser’s _locales', () => {
    expect(new MessageError('TENANT_NOT_FOUND').message).toBe(german.messageTenantNotFound?.message);
    expect(messageText('MESSAGE_NO_ANSWER')).toBe(german.messageNoAnswer?.message);
    expect(messageText('TENANT_NOT_FOUND')).not.toContain('tenant');
  });

  it('finds every code’s message in the locale file: none falls back to the built-in English', () => {
    const english = new Set(Object.values(readLocale('en')).map(({message}) => message));
    const texts = new Set(Object.values(german).map(({message}) => message));
    for (const code of MESSAGE_ERROR_CODES) {
      expect(texts.has(messageText(code)), code).toBe(true);
      expect(english.has(messageText(code)), code).toBe(false);
    }
  });
});

describe('browserText', () => {
  it('puts the values in the translation’s own order, as the browser substitutes them', () => {
    const text = browserText('authRedirectNotRegistered', 'English', [
      'ext-id',
      'https://ext-id.chromiumapp.org/',
      'cid',
      'login.example.test',
    ]);
    expect(text).toBe(
      'Die Redirect URI für die Erweiterungs-ID ext-id ist nicht registriert: Fügen Sie https://ext-id.chromiumapp.org/ den Redirect URIs der UI-to-API-Verbindung mit der Client ID cid auf login.example.test hinzu und melden Sie sich dann erneut an.',
    );
  });

  it('falls back to the English it is given for a name the locale files lack', () => {
    expect(browserText('noSuchMessage', 'the English')).toBe('the English');
  });

  it('every locale keeps every placeholder of the English message', () => {
    const english = readLocale('en');
    for (const locale of ['de', 'fr', 'es', 'ja', 'ar']) {
      const messages = readLocale(locale);
      for (const [name, {message, placeholders}] of Object.entries(english)) {
        const tokens = (text: string) => [...text.matchAll(/\$[A-Z_]+\$/g)].map(([token]) => token).sort();
        expect(tokens(messages[name]?.message ?? ''), `${locale} ${name}`).toEqual(tokens(message));
        expect(messages[name]?.placeholders, `${locale} ${name}`).toEqual(placeholders);
      }
    }
  });
});
