// @ts-check
/**
 * `npm run l10n:build`: `lit-localize build` for the widget's and the extension's configs, which writes the locale
 * modules (widget/src/generated/, extension/src/generated/) from the XLIFF files. Its "message … is missing" lines
 * are left out: `npm run l10n:fill` already lists what has no translation (it is shown in English).
 *
 * Each module then gets its own `str` instead of importing @lit/localize's: a localized `str` template is only the
 * object below, and a locale chunk that imports nothing stays a leaf. One that imports @lit/localize made the bundler
 * move @lit/localize and Lit out of the main module into shared chunks (issue 7: one file up front).
 */
import {spawnSync} from 'node:child_process';
import {readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {CONFIGS} from './fill.mjs';

const root = resolve(import.meta.dirname, '..');
const IMPORT_STR = "import {str} from '@lit/localize';";
const LOCAL_STR = 'const str = (strings, ...values) => ({strTag: true, strings, values});';
/**
 * A generated locale module with its own `str`, and its text as text: lit-localize writes a target's XML entities
 * (`&amp;` for "&") into the module as they are, which only an `html` template would decode, and every message here
 * is a plain string (issue 17: "Speichern &amp; …" on a button).
 * @param {string} text
 */
export const withLocalStr = (text) =>
  text
    .replace(IMPORT_STR, LOCAL_STR)
    .replace(/&(lt|gt|quot|apos);/g, (_, name) => ({lt: '<', gt: '>', quot: '"', apos: "'"})[name] ?? '')
    .replace(/&amp;/g, '&');

if (import.meta.url === `file://${process.argv[1]}`)
  for (const config of CONFIGS) {
    const run = spawnSync('npx', ['lit-localize', 'build', '--config', config], {cwd: root, encoding: 'utf8'});
    const output = `${run.stdout}${run.stderr}`
      .split('\n')
      .filter(
        (line) =>
          line && line !== 'Building' && !/ message .* is missing, using canonical text as fallback$/.test(line),
      );
    if (output.length) console.log(output.join('\n'));
    if (run.status !== 0) process.exit(run.status ?? 1);
    const {outputDir} = JSON.parse(readFileSync(join(root, config), 'utf8')).output;
    const dir = join(root, config, '..', outputDir);
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.js'))) {
      const file = join(dir, name);
      writeFileSync(file, withLocalStr(readFileSync(file, 'utf8')));
    }
  }
