/**
 * Checks the translation files (plain node, no dependencies): node l10n/translations/check.mjs [locale…]
 * - every locale has exactly the same keys (and, when by-id/en.json is present, exactly its English texts);
 * - every value is a non-empty string that differs from its English key, unless the key is a name the platform (or
 *   another product) shows in English, or holds no words besides its placeholders and
 *   those names (`${name}, ${date}`, →, 1 Client Secret);
 * - every value holds the same `${…}` placeholders as its key, each as often;
 * - the locale's typography: no straight double quotes; French has a no-break space before : ; ! ?; Japanese has
 *   no ASCII punctuation after Japanese text; Arabic uses the Arabic comma and question mark; no invisible
 *   direction marks (names are isolated by the element, not by the messages).
 * Exits with 1 and lists every problem when one is found.
 */
import {existsSync, readFileSync} from 'node:fs';

/** All locales, or those named on the command line (node check.mjs de ja). */
const locales = process.argv.length > 2 ? process.argv.slice(2) : ['de', 'fr', 'es', 'ja', 'ar'];
/** Names kept in English on purpose (the platform's field names and types, other products' field names). */
const keptInEnglish = new Set([
  'External Identifier',
  'Client ID',
  'Client Name',
  'Client Secret',
  'Client Secrets',
  'Description',
  'Redirect URI',
  'Redirect URIs',
  'Cors Origins',
  'Allowed Scopes',
  'Back Channel Logout URI',
  'Front Channel Logout URI',
  'Back-Channel Logout URI',
  'Front-Channel Logout URI',
  'API to API',
  'UI to API',
  'Node.js (oauth4webapi)',
  'Salesforce Auth. Provider',
  'Consumer Key',
  'Consumer Secret',
  'Authorize Endpoint URL',
  'Token Endpoint URL',
  'User Info Endpoint URL',
  'Default Scopes',
]);
/** Words that are spelled the same in English and in the locale. */
const sameInLocale = {
  de: new Set(['Status', 'Details', 'Name', 'Region']),
  fr: new Set(['Type', 'Actions', 'Pages', 'Active', 'Inactive', 'Europe (production)']),
  es: new Set(['Use', 'Use https://.']),
  ja: new Set(),
  ar: new Set(),
};

/** The text without the names kept in English, longest first ("1 Client Secret" keeps no word to translate). */
const withoutKeptNames = (text) =>
  [...keptInEnglish].sort((a, b) => b.length - a.length).reduce((rest, name) => rest.split(name).join(' '), text);

const folder = new URL('./', import.meta.url);
const problems = [];
const placeholderPattern = /\$\{(?:[^{}]|\{[^{}]*\})*\}/g;
const placeholders = (text) => (text.match(placeholderPattern) ?? []).sort();
/** The text a reader sees around the placeholders, without URLs and code-like tokens that keep ASCII punctuation. */
const prose = (text) =>
  text
    .replace(placeholderPattern, ' ')
    .replace(/https?:\/\/\S*/g, ' ')
    .replace(/<[a-z]+>/g, ' ');

const typography = {
  de: (text) => (/"/.test(prose(text)) ? 'straight double quote (use „…“)' : undefined),
  fr: (text) => {
    const seen = prose(text);
    if (/"/.test(seen)) return 'straight double quote (use « … »)';
    if (/ [:;!?]/.test(seen)) return 'ordinary space before : ; ! ? (use a no-break space)';
    if (/[\p{L}\p{N})»…][;!?]/u.test(seen) || /[\p{L}\p{N})»…]:(\s|$)/u.test(seen)) {
      return 'no no-break space before : ; ! ?';
    }
    return undefined;
  },
  es: (text) => {
    const seen = prose(text);
    if (/"/.test(seen)) return 'straight double quote (use « … » or “…”)';
    if (/\?/.test(seen) && !/¿/.test(seen)) return 'question without ¿';
    return undefined;
  },
  ja: (text) => {
    const seen = prose(text);
    if (/"/.test(seen)) return 'straight double quote (use 「…」)';
    if (/[\u3040-\u30ff\u4e00-\u9fff][,.:;!?]/u.test(seen)) return 'ASCII punctuation after Japanese text';
    return undefined;
  },
  ar: (text) => {
    const seen = prose(text);
    if (/"/.test(seen)) return 'straight double quote (use «…» or “…”)';
    if (/[\u0600-\u06ff]/u.test(seen) && /,|\?|;/.test(seen)) return 'Latin , ? or ; in Arabic text (use ، ؟ ؛)';
    return undefined;
  },
};

const files = Object.fromEntries(
  locales.map((locale) => [locale, JSON.parse(readFileSync(new URL(`${locale}.json`, folder), 'utf8'))]),
);
const englishFile = new URL('by-id/en.json', folder);
const reference = existsSync(englishFile)
  ? [...new Set(Object.values(JSON.parse(readFileSync(englishFile, 'utf8'))))]
  : Object.keys(files[locales[0]]);
const referenceKeys = new Set(reference);

for (const locale of locales) {
  const entries = Object.entries(files[locale]);
  const keys = new Set(entries.map(([key]) => key));
  for (const key of referenceKeys) if (!keys.has(key)) problems.push(`${locale}: missing ${JSON.stringify(key)}`);
  for (const [key, value] of entries) {
    const where = `${locale}: ${JSON.stringify(key)}`;
    if (!referenceKeys.has(key)) problems.push(`${where}: not a source string`);
    if (typeof value !== 'string' || value.trim() === '') {
      problems.push(`${where}: empty or not a string`);
      continue;
    }
    const onlyPlaceholders = !/\p{L}/u.test(withoutKeptNames(key.replace(placeholderPattern, '')));
    if (value === key && !keptInEnglish.has(key) && !sameInLocale[locale]?.has(key) && !onlyPlaceholders)
      problems.push(`${where}: not translated`);
    if (placeholders(key).join('\n') !== placeholders(value).join('\n')) {
      problems.push(
        `${where}: placeholders ${placeholders(value).join(' ')} instead of ${placeholders(key).join(' ')}`,
      );
    }
    // The element isolates names with <bdi>; invisible direction marks in a message would only hide in tests' text.
    if (/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/u.test(value)) problems.push(`${where}: invisible direction mark`);
    const typographyProblem = typography[locale]?.(value);
    if (typographyProblem && !keptInEnglish.has(key)) problems.push(`${where}: ${typographyProblem}`);
  }
}

if (problems.length > 0) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} problem(s).`);
  process.exitCode = 1;
} else {
  console.warn(`OK: ${locales.map((locale) => `${locale} ${Object.keys(files[locale]).length}`).join(', ')} strings.`);
}
