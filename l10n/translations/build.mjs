/**
 * Builds l10n/translations/<locale>.json (English source text → translation) from by-id/<locale>.json.
 * Translations are written once per catalogue id (by-id/en.json holds every id and its English text), so a sentence
 * that several catalogues share is translated once: an id missing from a locale takes the translation of the first
 * id with the same English text. Usage: node l10n/translations/build.mjs
 */
import {readFileSync, writeFileSync} from 'node:fs';

const folder = new URL('./', import.meta.url);
const read = (name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
const english = read('by-id/en.json');
const locales = ['de', 'fr', 'es', 'ja', 'ar'];
let failed = false;

for (const locale of locales) {
  let byId;
  try {
    byId = read(`by-id/${locale}.json`);
  } catch {
    console.warn(`${locale}: no by-id file yet, skipped`);
    continue;
  }
  const firstIdOf = new Map();
  for (const [id, text] of Object.entries(english)) if (!firstIdOf.has(text)) firstIdOf.set(text, id);
  const out = {};
  const missing = [];
  for (const [id, text] of Object.entries(english)) {
    const translation = byId[id] ?? byId[firstIdOf.get(text)];
    if (translation === undefined) missing.push(id);
    else if (out[text] !== undefined && out[text] !== translation) {
      console.error(`${locale}: ${id} translates "${text}" differently from an earlier id; the first one is kept`);
    } else out[text] = translation;
  }
  const unknown = Object.keys(byId).filter((id) => !(id in english));
  if (missing.length > 0 || unknown.length > 0) failed = true;
  if (missing.length > 0) console.error(`${locale}: missing ${missing.join(', ')}`);
  if (unknown.length > 0) console.error(`${locale}: ids not in by-id/en.json: ${unknown.join(', ')}`);
  writeFileSync(new URL(`${locale}.json`, folder), `${JSON.stringify(out, null, 2)}\n`);
  console.warn(`${locale}: ${Object.keys(out).length} strings`);
}
process.exitCode = failed ? 1 : 0;
