/**
 * Writes a complete run's table into docs/speed.md (the README's speed section links there), between the markers
 * `<!-- bench:table -->` and `<!-- /bench:table -->`, formatted as `npm run lint` checks it: the figures in the docs
 * are always a run's, never typed in.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import * as prettier from 'prettier';
import {root} from './config.js';

const START = '<!-- bench:table -->';
const END = '<!-- /bench:table -->';

export async function writeSpeedTable(table: string, caption: string): Promise<string> {
  const file = join(root, 'docs/speed.md');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/speed.md has no ${START} … ${END} markers`);
  const updated = `${text.slice(0, start + START.length)}\n\n${caption}\n\n${table}\n\n${text.slice(end)}`;
  const options = (await prettier.resolveConfig(file)) ?? {};
  writeFileSync(file, await prettier.format(updated, {...options, filepath: file}));
  return file.slice(root.length + 1);
}
