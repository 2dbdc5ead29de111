// @ts-check
/**
 * `npm run l10n:fill` (part of `npm run l10n:extract`): writes the `<target>` of every message in the XLIFF files that
 * `lit-localize extract` made (widget/l10n/xliff/, extension/l10n/xliff/):
 * - de, fr, es, ja, ar from l10n/translations/<locale>.json, which is keyed by the English source exactly as the
 *   catalogue writes it (`Signed in as ${name}`: placeholders verbatim). A placeholder is matched by its text, so a
 *   translation may move it; one that drops or invents a placeholder is refused and reported. A message without a
 *   usable translation gets no target, so the element shows it in English; the script lists them.
 * - en-XA, the pseudo-locale, from the English itself: accented, vowels doubled (~40% longer), inside ⟦…⟧, so a test
 *   sees both clipped text and text that didn't come from a catalogue.
 * `--check` writes nothing and exits 1 when a file would change (the sync test uses the same functions).
 */
import {existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const CONFIGS = ['lit-localize.json', 'extension/lit-localize.json'];
export const PSEUDO_LOCALE = 'en-XA';

/** @param {string} text */
const unescape = (text) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => ({lt: '<', gt: '>', quot: '"', apos: "'", amp: '&'})[name]);
/** @param {string} text */
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A source's parts: text, and placeholders (`<x id=… equiv-text="${…}"/>`, kept as their XML).
 * @param {string} xml
 * @returns {Array<{text: string} | {placeholder: string, xml: string}>}
 */
function parts(xml) {
  /** @type {Array<{text: string} | {placeholder: string, xml: string}>} */
  const result = [];
  let last = 0;
  for (const match of xml.matchAll(/<x id="[^"]*" equiv-text="([^"]*)"\/>/g)) {
    if (match.index > last) result.push({text: unescape(xml.slice(last, match.index))});
    result.push({placeholder: unescape(match[1] ?? ''), xml: match[0]});
    last = match.index + match[0].length;
  }
  if (last < xml.length) result.push({text: unescape(xml.slice(last))});
  return result;
}

/** The English as the catalogue writes it: the key of l10n/translations/<locale>.json. @param {string} xml */
export const sourceText = (xml) =>
  parts(xml)
    .map((p) => ('text' in p ? p.text : p.placeholder))
    .join('');

const ACCENTS = Object.fromEntries(
  [...'aàbƀcçdđeéfƒgğhħiíjĵkķlĺmɱnñoóppqɋrŕsşttuúvṽwŵxẋyýzž'].flatMap((c, i, all) =>
    i % 2 === 0 && all[i + 1] ? [[c, all[i + 1]]] : [],
  ),
);
for (const [plain, accented] of Object.entries(ACCENTS)) ACCENTS[plain.toUpperCase()] = accented.toUpperCase();

/** @param {string} text */
function pseudoText(text) {
  return [...text].map((c) => (/[aeiouy]/i.test(c) ? (ACCENTS[c] ?? c).repeat(2) : (ACCENTS[c] ?? c))).join('');
}

/** The pseudo-locale's target for a source. @param {string} xml */
export function pseudo(xml) {
  const body = parts(xml)
    .map((p) => ('text' in p ? escapeText(pseudoText(p.text)) : p.xml))
    .join('');
  return `⟦${body}⟧`;
}

/**
 * A translation as target XML, its `${…}` placeholders replaced by the source's; undefined when they don't match.
 * @param {string} xml the source
 * @param {string} translation
 */
export function target(xml, translation) {
  const placeholders = new Map(parts(xml).flatMap((p) => ('placeholder' in p ? [[p.placeholder, p.xml]] : [])));
  const used = new Set();
  let out = '';
  let last = 0;
  for (const match of translation.matchAll(/\$\{[^}]*\}/g)) {
    const replacement = placeholders.get(match[0]);
    if (!replacement) return undefined;
    used.add(match[0]);
    out += escapeText(translation.slice(last, match.index)) + replacement;
    last = match.index + match[0].length;
  }
  out += escapeText(translation.slice(last));
  return used.size === placeholders.size ? out : undefined;
}

/**
 * Fills one XLIFF file's text; returns the new text and the sources that have no usable translation.
 * @param {string} xliff
 * @param {string} locale
 * @param {Record<string, string>} translations
 */
export function fill(xliff, locale, translations) {
  /** @type {string[]} */
  const missing = [];
  const text = xliff.replace(
    /(<trans-unit id="[^"]*">\n {2}<source>)(.*?)(<\/source>\n)(?: {2}<target>.*?<\/target>\n)?/gs,
    (_, open, source, close) => {
      let value;
      if (locale === PSEUDO_LOCALE) value = pseudo(source);
      else {
        const english = sourceText(source);
        const translation = translations[english];
        value = translation === undefined ? undefined : target(source, translation);
        if (value === undefined) missing.push(english);
      }
      return `${open}${source}${close}${value === undefined ? '' : `  <target>${value}</target>\n`}`;
    },
  );
  return {text, missing};
}

/** @param {string} locale @returns {Record<string, string>} */
export function translationsOf(locale) {
  const file = join(root, 'l10n/translations', `${locale}.json`);
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

/** The XLIFF folder of a config. @param {string} config */
export function xliffDirOf(config) {
  return join(root, config, '..', JSON.parse(readFileSync(join(root, config), 'utf8')).interchange.xliffDir);
}

/**
 * Every XLIFF file of every config (or of `dirs`), with its filled text.
 * @param {string[]} dirs
 */
export function fillAll(dirs = CONFIGS.map(xliffDirOf)) {
  return dirs.flatMap((dir) => {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.xlf'))
      .map((name) => {
        const file = join(dir, name);
        const locale = name.replace(/\.xlf$/, '');
        const before = readFileSync(file, 'utf8');
        return {file, locale, before, ...fill(before, locale, translationsOf(locale))};
      });
  });
}

/**
 * The extension's `_locales/<locale>/messages.json` (name, description, command text: the manifest's `__MSG_…__`),
 * from `_locales/en/messages.json` and the same translations; an untranslated message stays English. The
 * pseudo-locale has none: browsers never choose it.
 */
export function extensionLocales() {
  const dir = join(root, 'extension/_locales');
  /** @type {Record<string, {message: string, description?: string, placeholders?: object}>} */
  const english = JSON.parse(readFileSync(join(dir, 'en/messages.json'), 'utf8'));
  // A translation is used only when it keeps every `$NAME$` placeholder of the English (chrome.i18n's substitutions).
  /** @param {string} message */
  const placeholders = (message) => [...message.matchAll(/\$[A-Za-z0-9_@]+\$/g)].map(([token]) => token).sort();
  /** @param {string} message @param {string | undefined} translated */
  const keeps = (message, translated) =>
    translated !== undefined && placeholders(translated).join() === placeholders(message).join();
  const locales = JSON.parse(readFileSync(join(root, 'lit-localize.json'), 'utf8')).targetLocales.filter(
    (/** @type {string} */ locale) => locale !== PSEUDO_LOCALE,
  );
  return locales.map((/** @type {string} */ locale) => {
    const translations = translationsOf(locale);
    const missing = Object.values(english)
      .map(({message}) => message)
      .filter((message) => !keeps(message, translations[message]));
    const messages = Object.fromEntries(
      Object.entries(english).map(([key, {message, description, placeholders: named}]) => [
        key,
        {
          message: keeps(message, translations[message]) ? translations[message] : message,
          ...(description ? {description} : {}),
          ...(named ? {placeholders: named} : {}),
        },
      ]),
    );
    const file = join(dir, locale, 'messages.json');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
    return {file, locale, before, text: `${JSON.stringify(messages, null, 2)}\n`, missing};
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const {file, locale, before, text, missing} of [...fillAll(), ...extensionLocales()]) {
    if (missing.length) console.log(`${locale}: ${missing.length} without a translation (shown in English):`);
    for (const english of missing) console.log(`  ${JSON.stringify(english)}`);
    if (text === before) continue;
    stale = true;
    if (!check) {
      mkdirSync(dirname(file), {recursive: true});
      writeFileSync(file, text);
    }
    console.log(`${check ? 'out of date' : 'wrote'}: ${file.slice(root.length + 1)}`);
  }
  if (check && stale) process.exit(1);
}
