/** What the bench measures, built once per run: the widget module, the bench pages, Lit alone and the extension. */
import {join} from 'node:path';
import {build, createBuilder, type Plugin} from 'vite';
import {buildExtension} from '../../extension/scripts/build.mjs';
import {PARTS, root} from './config.js';

export interface Builds {
  readonly widgetDir: string;
  readonly pagesDir: string;
  readonly litDir: string;
  readonly extensionDir: string | undefined;
}

const CONDITIONS = ['module', 'browser', 'production'];

/** Lit alone, bundled and minified like the element's module: the yardstick of the size figures. */
async function buildLitAlone(outDir: string): Promise<void> {
  const entry: Plugin = {
    name: 'conga-bench:lit-alone',
    resolveId: (id) => (id.endsWith('virtual:lit-alone') ? '\0lit-alone' : undefined),
    load: (id) => (id === '\0lit-alone' ? "export * from 'lit';" : undefined),
  };
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    plugins: [entry],
    resolve: {conditions: CONDITIONS},
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {entry: 'virtual:lit-alone', formats: ['es'], fileName: () => 'lit.js'},
      rolldownOptions: {output: {minify: true}},
    },
  });
}

/** The bench's own pages: the harness, the reference table, the plain page and the bare PKCE page. */
async function buildPages(outDir: string): Promise<void> {
  const pages = join(root, 'tests/bench/pages');
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: {conditions: CONDITIONS},
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: {
          harness: join(pages, 'harness.ts'),
          'reference-table': join(pages, 'reference-table.ts'),
          plain: join(pages, 'plain.ts'),
          'signin-reference': join(pages, 'signin-reference.ts'),
          'cold-reference': join(pages, 'cold-reference.ts'),
        },
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {output: {minify: true}},
    },
  });
}

export async function buildAll(work: string): Promise<Builds> {
  const widgetDir = join(work, 'widget');
  const builder = await createBuilder({
    configFile: join(root, 'vite.config.ts'),
    mode: 'widget-js',
    logLevel: 'warn',
    build: {outDir: widgetDir},
  });
  await builder.buildApp();
  const pagesDir = join(work, 'pages');
  await buildPages(pagesDir);
  const litDir = join(work, 'lit');
  await buildLitAlone(litDir);
  const extensionDir = PARTS.some((part) => part === 'sign-in' || part === 'extension')
    ? await buildExtension({browser: 'chromium', flavour: 'dev', outDir: join(work, 'extension')})
    : undefined;
  return {widgetDir, pagesDir, litDir, extensionDir};
}
