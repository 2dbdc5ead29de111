import {copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {crx} from '@crxjs/vite-plugin';
import ts from 'typescript';
import type {Plugin, UserConfig, ViteBuilder} from 'vite';
import {defineConfig} from 'vitest/config';
import {createManifest, PAGES} from './extension/manifest.config.js';
import {writeIntegrations} from './widget/build/integrations.js';
import {compactTemplatesPlugin} from './widget/build/compact-templates.js';

const root = import.meta.dirname;

/** The library's file names; the README's embed and the demo's minimal page name the first one. */
export const WIDGET_MODULE = 'conga-api-connections.js';
export const WIDGET_LIT_EXTERNAL_MODULE = 'conga-api-connections.lit-external.js';

/** Lit and its parts, left as bare imports in the variant for hosts that already ship Lit. */
const LIT_IMPORTS = [/^lit(?:\/|$)/, /^@lit\//, /^lit-(?:html|element)(?:\/|$)/];

/**
 * The widget's specifiers the extension imports, aliased to their sources (the extension builds the element itself;
 * extension/tsconfig.json maps the same paths). The unit tests resolve them the same way.
 */
const WIDGET_SOURCES = [
  {find: /^@conga-connections\/widget$/, replacement: resolve(root, 'widget/src/index.ts')},
  {
    find: /^@conga-connections\/widget\/(confirm-dialog|secret-reveal)$/,
    replacement: resolve(root, 'widget/src/components/$1/$1.ts'),
  },
  // The page's language (issue 17): the extension's pages share the widget's locale switch and formatters.
  {find: /^@conga-connections\/widget\/locale$/, replacement: resolve(root, 'widget/src/locale.ts')},
  // Validation reasons in the page's language (the promote plan): looked up in the widget's locale modules.
  {
    find: /^@conga-connections\/widget\/reason-text$/,
    replacement: resolve(root, 'widget/src/components/connection-form/reason-text.ts'),
  },
];

/** The workspace packages the element's public types mention, and where their sources are. */
const WORKSPACE_PACKAGES = ['validation', 'api-client', 'auth'];

/**
 * `vite build --mode widget` (`npm run build`): the embeddable library in `widget/dist/`:
 * - `conga-api-connections.js`: one self-contained ES module that defines every element (Lit bundled, minified);
 *   the sign-in code (`@conga-connections/auth`, oauth4webapi) is a chunk next to it, loaded on first use;
 * - `conga-api-connections.lit-external.js`: the same with `lit`, `lit/*` and `@lit/*` left as bare imports;
 * - type declarations (`conga-api-connections.d.ts` → `types/`) and `custom-elements.json`;
 * - the framework integrations and editor data generated from it (`react/`, `vue/`, `svelte/`, `vscode.*.json`,
 *   `web-types.json`: widget/build/integrations.ts). `npm pack` in `widget/` publishes this folder (issue 14).
 *
 * `--mode widget-js` builds the two modules only (the demo server and the size test, which need no types).
 */
function widgetLibrary(mode: string, outDir = 'widget/dist'): UserConfig {
  const chunkNames =
    (prefix: string) =>
    (chunk: {moduleIds: string[]}): string =>
      // The chunk with the session (and oauth4webapi); the connection tests, also from packages/auth, keep their name.
      chunk.moduleIds.some((id) => id.endsWith('/packages/auth/src/session.ts'))
        ? `${prefix}.sign-in-[hash].js`
        : `${prefix}.[name]-[hash].js`;
  const environment = (fileName: string, external: RegExp[], emptyOutDir: boolean) => ({
    consumer: 'client' as const,
    // Never the 'development' builds of Lit, whatever NODE_ENV says (vitest sets it to 'test').
    resolve: {conditions: ['module', 'browser', 'production']},
    build: {
      emptyOutDir,
      lib: {entry: resolve(root, 'widget/src/index.ts'), formats: ['es' as const], fileName: () => fileName},
      rolldownOptions: {
        external,
        // The lazy chunks (sign-in, the form) import what they share with the module from the module itself, so a
        // page loads one file up front; Vite's library default ('strict') would split that into a third file.
        preserveEntrySignatures: 'allow-extension' as const,
        // Vite keeps whitespace in ES libraries by default; this module is shipped as is, so minify it fully.
        output: {minify: true, chunkFileNames: chunkNames(fileName.replace(/\.js$/, ''))},
      },
    },
  });
  return {
    root,
    logLevel: 'warn',
    // The templates' indentation is not shipped (widget/build/compact-templates.ts).
    plugins: [compactTemplatesPlugin(/\/widget\/src\/(?!.*\.test\.ts$)/)],
    build: {outDir, target: 'es2022', copyPublicDir: false, reportCompressedSize: false},
    environments: {
      // Built in this order, into one folder: the first empties it.
      client: environment(WIDGET_MODULE, [], true),
      litExternal: environment(WIDGET_LIT_EXTERNAL_MODULE, LIT_IMPORTS, false),
    },
    builder: {
      async buildApp(builder: ViteBuilder) {
        const {client, litExternal} = builder.environments;
        if (!client || !litExternal) throw new Error('the widget environments are missing');
        await builder.build(client);
        await builder.build(litExternal);
        if (mode === 'widget') {
          const target = resolve(root, builder.config.build.outDir);
          emitDeclarations(target);
          copyFileSync(resolve(root, 'widget/custom-elements.json'), join(target, 'custom-elements.json'));
          writeIntegrations({
            manifestFile: resolve(root, 'widget/custom-elements.json'),
            indexFile: resolve(root, 'widget/src/index.ts'),
            outDir: target,
            version: (JSON.parse(readFileSync(resolve(root, 'widget/package.json'), 'utf8')) as {version: string})
              .version,
          });
        }
      },
    },
  };
}

/**
 * Writes `.d.ts` files for the element and the workspace types its API mentions (`AuthSession`, `ApiClient`) under
 * `types/`, with `@conga-connections/*` imports rewritten to relative paths, so the declarations need nothing that
 * isn't published (only `lit`'s own types, for the element base class).
 */
function emitDeclarations(outDir: string): void {
  const typesDir = join(outDir, 'types');
  const parsed = ts.getParsedCommandLineOfConfigFile(
    resolve(root, 'widget/tsconfig.build.json'),
    {outDir: typesDir},
    {...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail([d])},
  );
  if (!parsed) throw new Error('widget/tsconfig.build.json could not be read');
  const program = ts.createProgram({rootNames: parsed.fileNames, options: parsed.options});
  const diagnostics = [...ts.getPreEmitDiagnostics(program)];
  const result = program.emit(undefined, (fileName, text) => {
    mkdirSync(dirname(fileName), {recursive: true});
    writeFileSync(fileName, rewriteWorkspaceImports(fileName, text, typesDir));
  });
  diagnostics.push(...result.diagnostics);
  if (diagnostics.some((d) => d.category === ts.DiagnosticCategory.Error)) fail(diagnostics);
  for (const name of [WIDGET_MODULE, WIDGET_LIT_EXTERNAL_MODULE]) {
    writeFileSync(
      join(outDir, name.replace(/\.js$/, '.d.ts')),
      `// Types of ${name}: every element, event and context key of <conga-api-connections>.\nexport * from './types/widget/src/index.js';\n`,
    );
  }
}

function rewriteWorkspaceImports(fileName: string, text: string, typesDir: string): string {
  return text.replace(/(["'])@conga-connections\/([a-z-]+)\1/g, (match, quote: string, name: string) => {
    if (!WORKSPACE_PACKAGES.includes(name)) return match;
    let path = relative(dirname(fileName), join(typesDir, 'packages', name, 'src', 'index.js'));
    if (!path.startsWith('.')) path = `./${path}`;
    return `${quote}${path}${quote}`;
  });
}

function fail(diagnostics: readonly ts.Diagnostic[]): never {
  const host = {getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => root, getNewLine: () => '\n'};
  throw new Error(`type declarations failed:\n${ts.formatDiagnostics(diagnostics, host)}`);
}

/**
 * `vite build --mode extension`: the MV3 extension with crxjs, from `extension/` (its Vite root, so manifest paths
 * and page URLs are relative to it). `CONGA_EXTENSION_BROWSER=firefox` builds the Firefox variant into
 * `dist-firefox/`; `CONGA_EXTENSION_FLAVOUR=release` leaves out the development key and the emulator's host
 * permissions; `CONGA_EXTENSION_OUT_DIR` overrides the output folder (tests build into a temporary one).
 * `extension/scripts/build.mjs` (`npm run build:extension`) builds every variant and zips the release ones.
 */
function extensionBuild(): UserConfig {
  const browser = process.env.CONGA_EXTENSION_BROWSER === 'firefox' ? 'firefox' : 'chromium';
  const flavour = process.env.CONGA_EXTENSION_FLAVOUR === 'release' ? 'release' : 'dev';
  return {
    root: resolve(root, 'extension'),
    logLevel: 'warn',
    // Lit's production build, whatever NODE_ENV says; the element from its sources (the published package's
    // exports point at its built files, which the extension does not need; extension/tsconfig.json maps the same).
    resolve: {
      conditions: ['module', 'browser', 'production'],
      alias: WIDGET_SOURCES,
    },
    plugins: [
      crx({manifest: createManifest(browser, flavour), browser: browser === 'firefox' ? 'firefox' : 'chrome'}),
      {
        // The manifest's __MSG_…__ texts (issue 17): extension/_locales/ goes into the build as it is.
        name: 'conga:extension-locales',
        generateBundle() {
          const locales = resolve(root, 'extension/_locales');
          for (const locale of readdirSync(locales)) {
            this.emitFile({
              type: 'asset',
              fileName: `_locales/${locale}/messages.json`,
              source: readFileSync(join(locales, locale, 'messages.json')),
            });
          }
        },
      } as Plugin,
      {
        // crxjs lists every `?iife` script as web-accessible to all http(s) pages; the drawer's script is only ever
        // run through scripting.executeScript, which needs no such entry, so it is taken out again (B5-01).
        name: 'conga:extension-web-accessible-resources',
        enforce: 'post',
        renderCrxManifest(manifest: {web_accessible_resources?: {resources: string[]}[]}) {
          manifest.web_accessible_resources = manifest.web_accessible_resources?.filter(
            (entry) => !entry.resources.every((file) => file.startsWith('src/content/')),
          );
          return manifest;
        },
      } as Plugin,
    ],
    build: {
      outDir: process.env.CONGA_EXTENSION_OUT_DIR ?? (browser === 'firefox' ? 'dist-firefox' : 'dist'),
      emptyOutDir: true,
      target: 'es2022',
      reportCompressedSize: false,
      // crxjs builds the pages the manifest names for Chromium, but not Firefox's sidebar_action panel nor a page
      // that only web_accessible_resources lists (EXTENSION-NOTES §2, §8.4), nor a page the manifest doesn't name
      // at all (Promote, opened with tabs.create): name them explicitly.
      rolldownOptions: {
        input: {
          panel: resolve(root, 'extension', PAGES.panel),
          promote: resolve(root, 'extension', PAGES.promote),
        },
      },
    },
  };
}

/**
 * One Vite config for the whole workspace: `--mode widget` (and `widget-js`) builds the library; `--mode extension`
 * builds the extension. Every mode keeps the vitest projects.
 */
export default defineConfig(({mode}) => ({
  ...(mode === 'widget' || mode === 'widget-js' ? widgetLibrary(mode) : {}),
  ...(mode === 'extension' ? extensionBuild() : {}),
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          alias: WIDGET_SOURCES,
          include: [
            'packages/*/src/**/*.test.ts',
            'extension/src/**/*.test.ts',
            'widget/src/**/*.test.ts',
            'widget/build/**/*.test.ts',
          ],
          exclude: ['**/*.browser.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Each file starts its own emulator; files still run in parallel across the two cores.
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
}));
