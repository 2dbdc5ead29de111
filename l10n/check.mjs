// @ts-check
/**
 * Fails when the catalogues, the XLIFF files and the generated locale modules disagree: a message added, changed or
 * removed in a catalogue without `npm run l10n`, a translation added without it, or a hand edit of a generated
 * file. Runs extract, fill and build on copies in a temporary folder, compares with the committed files, and prints
 * what differs. widget/src/l10n.test.ts runs it in `npm test`.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {withLocalStr} from './build.mjs';
import {CONFIGS, extensionLocales, fillAll} from './fill.mjs';

const root = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'conga-l10n-'));
/** @type {string[]} */
const problems = [];

/** @param {string} expectedDir @param {string} actualDir @param {string} label */
function compare(expectedDir, actualDir, label) {
  const expected = readdirSync(expectedDir).sort();
  const actual = readdirSync(actualDir).sort();
  if (expected.join() !== actual.join())
    problems.push(`${label}: files ${actual.join(', ')} should be ${expected.join(', ')}`);
  for (const name of expected.filter((file) => actual.includes(file))) {
    if (readFileSync(join(expectedDir, name), 'utf8') !== readFileSync(join(actualDir, name), 'utf8')) {
      problems.push(`${label}/${name} is out of date`);
    }
  }
}

try {
  CONFIGS.forEach((configPath, index) => {
    const config = JSON.parse(readFileSync(join(root, configPath), 'utf8'));
    const base = join(root, configPath, '..');
    const dir = join(work, String(index));
    const xliff = join(dir, 'xliff');
    cpSync(join(base, config.interchange.xliffDir), xliff, {recursive: true});
    const copy = {
      ...config,
      inputFiles: config.inputFiles.map((/** @type {string} */ file) => join(base, file)),
      interchange: {...config.interchange, xliffDir: xliff},
      output: {
        ...config.output,
        outputDir: join(dir, 'locales'),
        ...(config.output.localeCodesModule ? {localeCodesModule: join(dir, 'codes', 'locale-codes.ts')} : {}),
      },
    };
    delete copy.$schema;
    writeFileSync(join(dir, 'config.json'), JSON.stringify(copy));
    for (const step of ['extract', 'build']) {
      if (step === 'build') {
        for (const {file, text} of fillAll([xliff])) writeFileSync(file, text);
        compare(join(base, config.interchange.xliffDir), xliff, `${configPath}: XLIFF`);
      }
      const run = spawnSync('npx', ['lit-localize', step, '--config', join(dir, 'config.json')], {
        cwd: root,
        encoding: 'utf8',
      });
      if (run.status !== 0) problems.push(`lit-localize ${step} (${configPath}) failed:\n${run.stdout}${run.stderr}`);
    }
    for (const name of readdirSync(join(dir, 'locales'))) {
      const file = join(dir, 'locales', name);
      writeFileSync(file, withLocalStr(readFileSync(file, 'utf8')));
    }
    compare(join(base, config.output.outputDir), join(dir, 'locales'), `${configPath}: locale modules`);
    if (config.output.localeCodesModule) {
      const codes = join(base, config.output.localeCodesModule);
      if (readFileSync(codes, 'utf8') !== readFileSync(join(dir, 'codes', 'locale-codes.ts'), 'utf8')) {
        problems.push(`${config.output.localeCodesModule} is out of date`);
      }
    }
  });
} finally {
  rmSync(work, {recursive: true, force: true});
}

// The extension's _locales: fill writes them from the same translations.
for (const {file, before, text} of extensionLocales()) {
  if (before !== text) problems.push(`${file.slice(resolve(import.meta.dirname, '..').length + 1)} is out of date`);
}

if (problems.length) {
  console.error(`${problems.join('\n')}\nRun \`npm run l10n\` and commit what it changes.`);
  process.exit(1);
}
console.log('catalogues, XLIFF and locale modules agree');
