/**
 * The built library (`vite build --mode widget-js`, the JavaScript of `npm run build`), built into a temporary
 * folder: the size budget, the lazy sign-in chunk, and the static checks of the shipped code (B5-02), plus the
 * source scan of B1-03 (on our sources: Lit's own code legitimately sets `innerHTML` on <template> elements).
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';
import ts from 'typescript';
import {createBuilder} from 'vite';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');
/**
 * Issue 7: the main module, Lit, styles and messages included; `npm run bench` reports the same figure. Issue 18's goal
 * of 28.5 KB (1.5 KB free for @lit/localize) is not reached yet: the bench reports it, this test keeps the 30 KB.
 */
const BUDGET_GZIP_BYTES = 30 * 1024;
/**
 * Issue 18: what a typical admin's first visit loads, gzip -9: the main module, the sign-in chunk and what opening
 * the Add form loads (the form's chunk alone: the edit form's parts, the first save's requests with the secret
 * hand-off, the status confirmation and the history come later). Issue 18's goal, 60 KB, reached at 59.96 KB
 * (28.9 + 13.2 + 17.9; was 75, then 67.5 with the form split into model, save flow and views, 62.6, 61.8): what grows
 * the first visit now has to pay for itself.
 */
const FIRST_VISIT_GZIP_BYTES = 60 * 1024;
/**
 * Every lazy chunk, by the name the build gives it, with the elements it defines and the chunk that loads it (the
 * main module, or the form's chunk). A new lazy feature adds its chunk here, so what loads up front and what loads on
 * first use stays a decision. `token-test` is shared by the tools and the hand-off, which both import it.
 * Each lazy part of the form is one chunk per moment it is needed (the edit form, the first save): a further chunk
 * under the form's made rolldown move Lit or the form's modules into shared files (rolldown#10731).
 */
type ChunkParent = 'main' | 'connection-form' | 'sign-in' | 'status-dialog';
const LAZY_CHUNKS: Record<string, {readonly tags: readonly string[]; readonly from: ChunkParent}> = {
  'connection-form': {tags: ['conga-connection-form'], from: 'main'},
  'sign-in': {tags: [], from: 'main'},
  // "Test sign-in" and "Get a token now": loaded by the tools, run on the sign-in chunk's code (a kit handed in).
  'connection-tests': {tags: [], from: 'sign-in'},
  // Bulk deactivate/reactivate and export: loaded on the first bulk action.
  'bulk-actions': {tags: ['conga-bulk-actions'], from: 'main'},
  // The session history and its panel: loaded on the first recorded change or when the panel opens.
  'change-history': {tags: ['conga-change-history'], from: 'main'},
  // What only the edit form shows (the tools, the details, the conflict panel, loading the connection).
  'edit-parts': {tags: ['conga-connection-tools', 'conga-sign-in-test'], from: 'connection-form'},
  // What the first save needs: its requests, and the hand-off, which must be there before a request goes.
  'save-parts': {tags: ['conga-secret-reveal'], from: 'connection-form'},
  'token-test': {tags: ['conga-token-test'], from: 'connection-form'},
  // The Deactivate / Reactivate confirmation's words, and the dialog element they fill (which the bulk actions load
  // too): on the first status change.
  'status-dialog': {tags: [], from: 'main'},
  'confirm-dialog': {tags: ['conga-confirm-dialog'], from: 'status-dialog'},
  // The list's idle sorting and its status request: loaded once the list is in.
  'list-deferred': {tags: [], from: 'main'},
  // @lit/localize's runtime: loaded when a page asks for a language other than English (issue 17).
  'locale-runtime': {tags: [], from: 'main'},
};
/** The locales the runtime loads, one chunk each (issue 17); English is in the main module. */
const LOCALES = ['ar', 'de', 'en-XA', 'es', 'fr', 'ja'];
const LOCALE_CHUNK = new RegExp(`^conga-api-connections\\.(?:${LOCALES.join('|')})-[\\w-]+\\.js$`);
const LAZY_TAGS = Object.values(LAZY_CHUNKS).flatMap((chunk) => chunk.tags);
/**
 * A string only oauth4webapi's code holds (one of its error codes), so a chunk that contains it bundles the library.
 * Its name is no proof: the quickstarts show `import * as oauth from 'oauth4webapi'` as text.
 */
const OAUTH_LIBRARY = 'OAUTH_RESPONSE_IS_NOT_CONFORM';
const MAIN = 'conga-api-connections.js';
const LIT_EXTERNAL = 'conga-api-connections.lit-external.js';

async function buildInto(outDir: string): Promise<Map<string, string>> {
  const builder = await createBuilder({
    configFile: join(root, 'vite.config.ts'),
    mode: 'widget-js',
    logLevel: 'error',
    build: {outDir},
  });
  await builder.buildApp();
  return new Map(readdirSync(outDir).map((name) => [name, readFileSync(join(outDir, name), 'utf8')]));
}

/** Every tag the element's sources register with `define('conga-…', …)`. */
function definedTags(): string[] {
  return shippedSources()
    .filter((path) => path.includes('/widget/src/components/'))
    .flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/\bdefine\(\s*'(conga-[a-z-]+)'/g)].map((m) => m[1] ?? ''),
    );
}

/** The module specifiers of a built module: static imports and re-exports, and every `import(…)`, from its syntax tree. */
function moduleSpecifiers(code: string): {static: string[]; dynamic: string[]} {
  const source = ts.createSourceFile('module.js', code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.JS);
  const found = {static: [] as string[], dynamic: [] as string[]};
  const text = (node: ts.Node | undefined): string =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : `<computed>`;
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      found.static.push(text(node.moduleSpecifier));
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      found.dynamic.push(text(node.arguments[0]));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

let outDir = '';
let files = new Map<string, string>();

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'conga-widget-build-'));
  files = await buildInto(outDir);
}, 60_000);

afterAll(() => {
  rmSync(outDir, {recursive: true, force: true});
});

function file(name: string): string {
  const code = files.get(name);
  if (code === undefined) throw new Error(`${name} was not built; built: ${[...files.keys()].join(', ')}`);
  return code;
}

describe('the built module', () => {
  it(`stays within ${String(BUDGET_GZIP_BYTES / 1024)} KB gzip, Lit included, and is minified`, () => {
    const code = file(MAIN);
    const gzip = gzipSync(code, {level: 9}).length;
    console.warn(
      `${MAIN}: ${(code.length / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB gzip (budget ${String(BUDGET_GZIP_BYTES / 1024)} KB)`,
    );
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
    // Minified: no doc comments and no indented statements left (Lit's css`…` templates keep their own lines).
    expect(code).not.toMatch(/\/\*\*\s/);
    expect(code).not.toMatch(/^\s+(?:const|let|var|function|return|if)\b/m);
  });

  it('defines every element on import but the form and the bulk actions, and keeps the sign-in code, the form and the bulk actions in chunks loaded on first use', () => {
    const code = file(MAIN);
    const tags = definedTags();
    expect(tags).toContain('conga-api-connections');
    expect(tags).toEqual(expect.arrayContaining(LAZY_TAGS));
    const defined = (text: string, tag: string) => new RegExp(`[\`'"]${tag}[\`'"]`).test(text);
    const missing = tags.filter((tag) => !LAZY_TAGS.includes(tag) && !defined(code, tag));
    expect(missing, 'elements defined in the sources but not in the module').toEqual([]);
    expect(code).not.toContain(OAUTH_LIBRARY);
    const {static: upFront, dynamic} = moduleSpecifiers(code);
    // One file up front: a page that shows the list loads nothing else (a bundler that moved Lit into a shared
    // chunk, as a lazy element without decorators once made it do, would fail here).
    expect(upFront, 'the main module imports no other file').toEqual([]);
    // The hash is 8 characters and may hold dashes (token-test-n-Ab12cd.js): the name is what comes before them.
    const chunkName = (specifier: string) => /^\.\/conga-api-connections\.([a-z-]+)-[\w-]{8}\.js$/.exec(specifier)?.[1];
    const names = (specifiers: string[]) => new Map(specifiers.map((s) => [chunkName(s) ?? s, s.slice(2)]));
    const chunks = names(dynamic);
    // The form's chunk loads its parts lazily; the tools and the hand-off share the token test's chunk.
    const visit = (fileName: string): void => {
      const found = moduleSpecifiers(file(fileName));
      for (const [name, next] of names([...found.dynamic, ...found.static])) {
        // The locale modules, which the locale runtime loads, have a test of their own below.
        if (next === MAIN || chunks.has(name) || LOCALE_CHUNK.test(next)) continue;
        chunks.set(name, next);
        visit(next);
      }
    };
    for (const fileName of [...chunks.values()]) visit(fileName);
    const expected = (from: ChunkParent) =>
      Object.entries(LAZY_CHUNKS)
        .filter(([, chunk]) => chunk.from === from)
        .map(([name]) => name)
        .sort();
    expect([...names(dynamic).keys()].sort()).toEqual(expected('main'));
    expect([...chunks.keys()].sort()).toEqual(
      [
        ...expected('main'),
        ...expected('connection-form'),
        ...expected('sign-in'),
        ...expected('status-dialog'),
      ].sort(),
    );
    // The connection tests take the sign-in code as a kit: their chunk imports no file, so loading the sign-in chunk
    // never waits for a chunk they share with it (issue 18).
    const tests = chunks.get('connection-tests') ?? '';
    expect(moduleSpecifiers(file(tests)).static, `${tests} imports`).toEqual([]);
    expect(moduleSpecifiers(file(chunks.get('sign-in') ?? '')).static, 'the sign-in chunk imports').toEqual([]);
    for (const [name, fileName] of chunks) {
      const chunk = file(fileName);
      expect(chunk.includes(OAUTH_LIBRARY), `oauth4webapi in ${fileName}`).toBe(name === 'sign-in');
      for (const tag of LAZY_CHUNKS[name]?.tags ?? []) expect(defined(chunk, tag), `${tag} in ${fileName}`).toBe(true);
      const gzip = gzipSync(chunk, {level: 9}).length;
      console.warn(
        `${fileName}: ${(chunk.length / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB gzip (lazy)`,
      );
    }
    // The form's strings load with the form, and the bulk actions' and export's with them: not in the main module.
    expect(code).not.toContain('Save & Generate Client Secret');
    expect(code).not.toContain('Retry failed');
    expect(code).not.toContain('text/csv');
    // The confirmation's words load with it.
    expect(code).not.toContain('Tokens already issued stay valid');
  });

  it(`keeps a first visit (main module, sign-in, the Add form) within ${String(FIRST_VISIT_GZIP_BYTES / 1024)} KB gzip`, () => {
    const dynamic = moduleSpecifiers(file(MAIN)).dynamic.map((specifier) => specifier.slice(2));
    const signIn = dynamic.find((name) => name.includes('.sign-in-'));
    const form = dynamic.find((name) => name.includes('.connection-form-'));
    if (!signIn || !form) throw new Error(`no sign-in or form chunk among ${dynamic.join(', ')}`);
    // Opening the Add form loads the form's chunk and nothing else: its other parts are dynamic imports.
    expect(moduleSpecifiers(file(form)).static.filter((specifier) => specifier !== `./${MAIN}`)).toEqual([]);
    const sizes = [MAIN, signIn, form].map((name) => gzipSync(file(name), {level: 9}).length);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    console.warn(
      `first visit: ${sizes.map((size) => (size / 1024).toFixed(1)).join(' + ')} = ${(total / 1024).toFixed(1)} KB gzip`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_VISIT_GZIP_BYTES);
  });

  it('loads each locale as a chunk of its own, from the locale runtime, and only then', () => {
    const runtime = [...files.keys()].find((name) => /^conga-api-connections\.locale-runtime-[\w-]+\.js$/.test(name));
    expect(runtime, 'the locale runtime chunk').toBeDefined();
    const {dynamic} = moduleSpecifiers(file(runtime ?? ''));
    const locales = new Map(
      dynamic.map((specifier) => [
        // The locale by name: a chunk's hash may hold letters and dashes too (ja-C-pIlCfp).
        new RegExp(`^\\./conga-api-connections\\.(${LOCALES.join('|')})-[\\w-]+\\.js$`).exec(specifier)?.[1],
        specifier,
      ]),
    );
    expect([...locales.keys()].sort()).toEqual(LOCALES);
    for (const [locale, specifier] of locales) {
      const chunk = file(specifier.slice(2));
      // A leaf: it imports nothing (see l10n/build.mjs), so the bundler keeps Lit and @lit/localize in the module.
      expect(moduleSpecifiers(chunk).static, `${String(locale)} imports`).toEqual([]);
      const gzip = gzipSync(chunk, {level: 9}).length;
      console.warn(
        `${specifier.slice(2)}: ${(chunk.length / 1024).toFixed(1)} KB min, ${(gzip / 1024).toFixed(1)} KB gzip (lazy)`,
      );
    }
    // The translations are not in the main module: one German title is enough to tell.
    expect(file(MAIN)).not.toContain('Conga API-Verbindungen');
  });

  it('B5-02 bundles every dependency: no bare or remote import in the self-contained module or its chunk', () => {
    for (const [name, code] of files) {
      if (name.startsWith('conga-api-connections.lit-external')) continue;
      const {static: imports, dynamic} = moduleSpecifiers(code);
      for (const specifier of [...imports, ...dynamic]) {
        // The module itself (which the lazy chunks import what they share from) or one of its chunks.
        expect(specifier, `${name} imports "${specifier}"`).toMatch(/^\.\/conga-api-connections(?:\.[\w.-]+)?\.js$/);
      }
    }
  });

  it('leaves lit, lit/* and @lit/* as bare imports in the Lit-external variant, and bundles the rest', () => {
    const code = file(LIT_EXTERNAL);
    const bare = moduleSpecifiers(code).static.filter((s) => !s.startsWith('./'));
    expect(bare.length).toBeGreaterThan(0);
    for (const specifier of bare) expect(specifier).toMatch(/^(?:lit(?:\/.*)?|@lit\/.+)$/);
    expect(code).not.toContain(OAUTH_LIBRARY);
    // Lit's own runtime is not in it: no second copy of the renderer when the host already has one.
    expect(code).not.toContain('lit-html');
    expect(code.length).toBeLessThan(file(MAIN).length);
  });

  it('B5-02 contains no eval, no new Function, no string timers and no import() or script of a remote URL', () => {
    for (const [name, code] of files) {
      expect(code, name).not.toMatch(/\beval\s*\(/);
      expect(code, name).not.toMatch(/\bnew\s+Function\s*\(/);
      expect(code, name).not.toMatch(/\bset(?:Timeout|Interval)\(\s*[`'"]/);
      expect(code, name).not.toMatch(/\bimport\(\s*[`'"]?\s*(?:https?:)?\/\//i);
      expect(code, name).not.toMatch(/<script[^>]+src\s*=\s*[`'"]?\s*(?:https?:)?\/\//i);
      expect(code, name).not.toMatch(/\bimportScripts\s*\(/);
    }
  });

  it('B5-02 is reproducible: a second build from the same sources is byte for byte the same', async () => {
    const again = mkdtempSync(join(tmpdir(), 'conga-widget-build-'));
    try {
      const second = await buildInto(again);
      expect([...second.keys()].sort()).toEqual([...files.keys()].sort());
      for (const [name, code] of second) expect(code === files.get(name), name).toBe(true);
    } finally {
      rmSync(again, {recursive: true, force: true});
    }
  }, 60_000);
});

/** Non-test TypeScript sources that end up in the browser: the element and the packages it bundles. */
function shippedSources(): string[] {
  const folders = ['widget/src', 'packages/validation/src', 'packages/api-client/src', 'packages/auth/src'];
  return folders.flatMap((folder) =>
    readdirSync(join(root, folder), {recursive: true, withFileTypes: true})
      // Test files and the packages' test fakes (`testing.ts`) never reach a browser.
      .filter((entry) => entry.isFile() && /(?<!\.test|\.d|^testing)\.ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name)),
  );
}

/** The B1-03 findings of one source file, from its syntax tree (so comments and strings that name a sink don't count). */
function sinks(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${relative(root, path)}:${String(source.getLineAndCharacterOfPosition(node.getStart()).line + 1)}`;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && /^(?:innerHTML|outerHTML|insertAdjacentHTML|unsafeHTML)$/.test(node.text)) {
      found.push(`${node.text} at ${where(node)}`);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && callee.text === 'eval') found.push(`eval at ${where(node)}`);
      if (
        ts.isPropertyAccessExpression(callee) &&
        callee.name.text === 'write' &&
        callee.expression.getText() === 'document'
      ) {
        found.push(`document.write at ${where(node)}`);
      }
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : '';
      const [first] = node.arguments;
      if (
        /^set(?:Timeout|Interval)$/.test(name) &&
        first &&
        (ts.isStringLiteral(first) || ts.isTemplateLiteral(first))
      ) {
        found.push(`string ${name} at ${where(node)}`);
      }
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') {
      found.push(`new Function at ${where(node)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('B1-03 the sources', () => {
  it('contain no unsafeHTML, innerHTML, outerHTML, insertAdjacentHTML, document.write, eval, new Function or string timers', () => {
    const files = shippedSources();
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(sinks)).toEqual([]);
  });

  it('would catch each of them (the scan itself is checked on a sample)', () => {
    const sample = join(mkdtempSync(join(tmpdir(), 'conga-b103-')), 'sample.ts');
    const code = [
      'el.innerHTML = x;',
      'el.outerHTML = x;',
      "el.insertAdjacentHTML('beforeend', x);",
      "import {unsafeHTML} from 'lit/directives/unsafe-html.js';",
      'document.write(x);',
      'eval(x);',
      "new Function('return 1');",
      "setTimeout('run()', 1);",
      'setInterval(`run()`, 1);',
      '// innerHTML in a comment is fine',
      "const text = 'eval( in a string is fine';",
    ].join('\n');
    ts.sys.writeFile(sample, code);
    try {
      expect(sinks(sample).map((finding) => finding.split(' at ')[0])).toEqual([
        'innerHTML',
        'outerHTML',
        'insertAdjacentHTML',
        'unsafeHTML',
        'document.write',
        'eval',
        'new Function',
        'string setTimeout',
        'string setInterval',
      ]);
    } finally {
      rmSync(resolve(sample, '..'), {recursive: true, force: true});
    }
  });
});
