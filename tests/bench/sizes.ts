/** 1. Sizes: the built module and its lazy chunks, minified, gzip -9 and brotli -11, next to Lit alone. */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {brotliCompressSync, constants as zlibConstants, gzipSync} from 'node:zlib';
import type {Builds} from './builds.js';
import {BUDGET, LIT_EXTERNAL, MAIN} from './config.js';
import {figures, kb} from './figures.js';

interface Size {
  readonly min: number;
  readonly gzip: number;
  readonly brotli: number;
}

function sizeOf(file: string): Size {
  const code = readFileSync(file);
  return {
    min: code.length,
    gzip: gzipSync(code, {level: 9}).length,
    brotli: brotliCompressSync(code, {params: {[zlibConstants.BROTLI_PARAM_QUALITY]: 11}}).length,
  };
}

const sizeText = (size: Size) => `${kb(size.min)} / ${kb(size.gzip)} / ${kb(size.brotli)}`;

export function measureSizes(builds: Builds): void {
  const lit = sizeOf(join(builds.litDir, 'lit.js'));
  const files = readdirSync(builds.widgetDir);
  const chunk = (pattern: RegExp) => files.find((name) => pattern.test(name));
  const entries: [string, string | undefined, number | undefined][] = [
    ['module, Lit included (min / gzip / brotli)', MAIN, BUDGET.mainGzip],
    ['module without Lit', LIT_EXTERNAL, undefined],
    ['sign-in chunk (lazy)', chunk(/^conga-api-connections\.sign-in-[\w-]+\.js$/), undefined],
    ['form chunk (lazy)', chunk(/^conga-api-connections\.connection-form-[\w-]+\.js$/), undefined],
  ];
  figures.push({
    section: 'size',
    label: 'Lit alone (lit, bundled and minified)',
    value: sizeText(lit),
    data: {...lit},
  });
  for (const [label, name, budget] of entries) {
    if (!name) continue;
    const size = sizeOf(join(builds.widgetDir, name));
    figures.push({
      section: 'size',
      label,
      value: sizeText(size),
      reference: kb(lit.gzip),
      ratio: size.gzip / lit.gzip,
      ...(budget === undefined ? {} : {budget: `≤ ${kb(budget)} gzip`, pass: size.gzip <= budget}),
      data: {file: name, ...size, litGzip: lit.gzip},
    });
  }
}
