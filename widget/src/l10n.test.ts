/**
 * Issue 17: the catalogues, the XLIFF files and the generated locale modules agree (l10n/check.mjs); the fill
 * script's placeholders and pseudo-locale; choosing a locale from `lang` and the browser's languages.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {fill, pseudo, sourceText, target} from '../../l10n/fill.mjs';
import {bestLocale, directionOf} from './locale.js';

const root = resolve(import.meta.dirname, '../..');
const SIGNED_IN = 'Signed in as <x id="0" equiv-text="${name}"/>';
const TWO = 'Page <x id="0" equiv-text="${count(page)}"/> of <x id="1" equiv-text="${count(pages)}"/>';

describe('the catalogues', () => {
  it('are extracted, filled and built: nothing differs from the committed XLIFF and locale modules', () => {
    const run = spawnSync(process.execPath, ['l10n/check.mjs'], {cwd: root, encoding: 'utf8'});
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  }, 120_000);
});

describe('the locale modules', () => {
  it('hold text, not XML: "&" and "<" as they are (lit-localize writes the XLIFF entities)', () => {
    for (const dir of ['widget/src/generated/locales', 'extension/src/generated/locales']) {
      for (const name of readdirSync(join(root, dir))) {
        const code = readFileSync(join(root, dir, name), 'utf8');
        expect(code, name).not.toMatch(/&(?:amp|lt|gt|quot|apos);/);
        expect(code, name).not.toContain("from '@lit/localize'");
      }
    }
    expect(readFileSync(join(root, 'widget/src/generated/locales/de.js'), 'utf8')).toMatch(
      /'formSaveCreate': `[^`]*&[^`]*`/,
    );
  });
});

describe('l10n/fill.mjs', () => {
  it('keys a message by its English as the catalogue writes it, placeholders verbatim', () => {
    expect(sourceText(SIGNED_IN)).toBe('Signed in as ${name}');
    expect(sourceText('Save &amp; Generate &lt;x&gt;')).toBe('Save & Generate <x>');
  });

  it('puts the source placeholders where the translation has them, in its order', () => {
    expect(target(TWO, 'Seite ${count(page)} von ${count(pages)}')).toBe(
      'Seite <x id="0" equiv-text="${count(page)}"/> von <x id="1" equiv-text="${count(pages)}"/>',
    );
    expect(target(TWO, '${count(pages)} 中 ${count(page)}')).toBe(
      '<x id="1" equiv-text="${count(pages)}"/> 中 <x id="0" equiv-text="${count(page)}"/>',
    );
  });

  it('refuses a translation that drops or invents a placeholder', () => {
    expect(target(TWO, 'Seite ${count(page)}')).toBeUndefined();
    expect(target(SIGNED_IN, 'Angemeldet als ${user}')).toBeUndefined();
  });

  it('leaves a message without translation untranslated and lists it', () => {
    const xliff = `<trans-unit id="signedInAs">\n  <source>${SIGNED_IN}</source>\n</trans-unit>\n<trans-unit id="signOut">\n  <source>Sign out</source>\n</trans-unit>\n`;
    const {text, missing} = fill(xliff, 'de', {'Signed in as ${name}': 'Angemeldet als ${name}'});
    expect(text).toContain('<target>Angemeldet als <x id="0" equiv-text="${name}"/></target>');
    expect(text).not.toContain('<target>Sign out');
    expect(missing).toEqual(['Sign out']);
  });

  it('makes the pseudo-locale: marked, accented and at least 30% longer, placeholders kept', () => {
    const result = pseudo(SIGNED_IN);
    expect(result.startsWith('⟦') && result.endsWith('⟧')).toBe(true);
    expect(result).toContain('<x id="0" equiv-text="${name}"/>');
    const visible = result.replace(/<x[^>]*\/>/, '');
    expect(visible).not.toMatch(/[a-z]{2}/i);
    expect(visible.length).toBeGreaterThanOrEqual(Math.ceil('Signed in as '.length * 1.3));
  });
});

describe('bestLocale', () => {
  it('matches exactly, then by language, else English', () => {
    expect(bestLocale(['de'])).toBe('de');
    expect(bestLocale(['de-AT'])).toBe('de');
    expect(bestLocale(['en-GB'])).toBe('en');
    expect(bestLocale(['AR-eg'])).toBe('ar');
    expect(bestLocale(['pt-BR'])).toBe('en');
    expect(bestLocale([])).toBe('en');
  });

  it('takes the first supported language of a preference list', () => {
    expect(bestLocale(['pt-BR', 'ja-JP', 'de'])).toBe('ja');
  });

  it('offers the pseudo-locale only to who asks for it by name', () => {
    expect(bestLocale(['en-XA'])).toBe('en-XA');
    expect(bestLocale(['en-US'])).toBe('en');
  });

  it('lays Arabic out right to left, the others left to right', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(['de', 'fr', 'es', 'ja', 'en', 'en-XA'].map((locale) => directionOf(locale as 'de'))).toEqual(
      Array(6).fill('ltr'),
    );
  });
});
