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
  const signIn = chunk(/^conga-api-connections\.sign-in-[\w-]+\.js$/);
  const form = chunk(/^conga-api-connections\.connection-form-[\w-]+\.js$/);
  const entries: [string, string | undefined, number | undefined][] = [
    ['module, Lit included (min / gzip / brotli)', MAIN, BUDGET.mainGzip],
    ['module without Lit', LIT_EXTERNAL, undefined],
    ['sign-in chunk (lazy)', signIn, undefined],
    ['form chunk (lazy, what opening the Add form loads)', form, undefined],
    [
      'edit form chunk (lazy: tools, details, conflict)',
      chunk(/^conga-api-connections\.edit-parts-[\w-]+\.js$/),
      undefined,
    ],
    [
      'first save chunk (lazy: requests, secret hand-off)',
      chunk(/^conga-api-connections\.save-parts-[\w-]+\.js$/),
      undefined,
    ],
    ['token test chunk (lazy, tools and hand-off)', chunk(/^conga-api-connections\.token-test-[\w-]+\.js$/), undefined],
    [
      'connection tests chunk (lazy: Test sign-in, Get a token now)',
      chunk(/^conga-api-connections\.connection-tests-[\w-]+\.js$/),
      undefined,
    ],
    ['session history chunk (lazy)', chunk(/^conga-api-connections\.change-history-[\w-]+\.js$/), undefined],
    ['bulk actions chunk (lazy)', chunk(/^conga-api-connections\.bulk-actions-[\w-]+\.js$/), undefined],
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
  // Issue 18: a typical admin's first visit signs in and opens the Add form.
  if (!signIn || !form) throw new Error('the build has no sign-in or form chunk');
  const visit = [MAIN, signIn, form].map((name) => sizeOf(join(builds.widgetDir, name)));
  const sum = (key: keyof Size) => visit.reduce((total, size) => total + size[key], 0);
  const total: Size = {min: sum('min'), gzip: sum('gzip'), brotli: sum('brotli')};
  figures.push({
    section: 'size',
    label: 'first visit: module + sign-in + Add form',
    value: sizeText(total),
    budget: `≤ ${kb(BUDGET.firstVisitGzip)} gzip`,
    pass: total.gzip <= BUDGET.firstVisitGzip,
    data: {...total, parts: visit.map((size) => size.gzip)},
  });
}
