/**
 * The framework integrations and editor data of the published package (issue 14), generated at build time from
 * `widget/custom-elements.json` into `widget/dist/`; nothing here is kept by hand, so a new attribute, property or event
 * in an element header reaches every framework with the next `npm run manifest` and build.
 *
 * - `react/index.js` + `.d.ts`: `@lit/react` wrappers (React 18 and 19), events as `on…` props;
 * - `react/jsx.d.ts`: React 19 JSX typings for the tags themselves (`@wc-toolkit/jsx-types`);
 * - `vue/index.d.ts`: Vue 3 `GlobalComponents`; `svelte/index.d.ts`: Svelte 5 `SvelteHTMLElements`;
 * - `vscode.html-custom-data.json`, `vscode.css-custom-data.json` (`custom-element-vs-code-integration`) and
 *   `web-types.json` (`custom-element-jet-brains-integration`).
 *
 * The Vue and Svelte typings are written here rather than by `custom-element-vuejs-integration` and
 * `custom-element-svelte-integration`: both type every handler as `(e: CustomEvent<T>) => void`, while our events are
 * `Event` subclasses with typed fields (STYLE.md §4), so a host's correctly typed handler would not type-check; and the
 * Svelte one writes Svelte 4's `on:event` directives, which Svelte 5 replaced with `onevent` attributes.
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {generateJsxTypes} from '@wc-toolkit/jsx-types';
import {generateJetBrainsWebTypes} from 'custom-element-jet-brains-integration';
import {generateVsCodeCustomElementData} from 'custom-element-vs-code-integration';
import ts from 'typescript';

interface ManifestMember {
  kind: string;
  name: string;
  static?: boolean;
  readonly?: boolean;
  privacy?: string;
  type?: {text: string};
  description?: string;
  attribute?: string;
}

interface ManifestDeclaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: ManifestMember[];
  attributes?: {name: string; fieldName?: string; description?: string; type?: {text: string}}[];
  events?: {name?: string; description?: string; type?: {text: string}}[];
}

interface Manifest {
  schemaVersion: string;
  modules: {kind: string; path: string; declarations?: ManifestDeclaration[]; exports?: unknown[]}[];
}

/** One element's public surface, as the typings need it. */
interface ElementApi {
  className: string;
  tagName: string;
  /** Attribute name → the class field it sets (typed through the class, so the types can't drift). */
  attributes: {name: string; field: string; description: string}[];
  /** Writable public properties, by field name. */
  properties: {name: string; description: string}[];
  events: {name: string; type: string; description: string}[];
}

/**
 * What `widget/src/index.ts` exports: `values` (the elements a host can import; the rest load lazily) and `all`
 * (types included: an event type the typings may name).
 */
function indexExports(indexFile: string): {values: Set<string>; all: Set<string>} {
  const source = ts.createSourceFile(indexFile, readFileSync(indexFile, 'utf8'), ts.ScriptTarget.ES2022, false);
  const values = new Set<string>();
  const all = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) {
      all.add(element.name.text);
      if (!statement.isTypeOnly && !element.isTypeOnly) values.add(element.name.text);
    }
  }
  return {values, all};
}

/**
 * The manifest cut down to the elements a host can use; an event type the package doesn't export is dropped (the
 * generators then type the event as a plain `Event`).
 */
function publicManifest(manifest: Manifest, exported: {values: Set<string>; all: Set<string>}): Manifest {
  return {
    ...manifest,
    modules: manifest.modules
      .map((module) => ({
        ...module,
        declarations: (module.declarations ?? [])
          .filter(
            (declaration) => declaration.customElement && declaration.tagName && exported.values.has(declaration.name),
          )
          .map((declaration) => ({
            ...declaration,
            events: (declaration.events ?? []).map(({type, ...event}) =>
              type && exported.all.has(type.text) ? {...event, type} : event,
            ),
          })),
      }))
      .filter((module) => module.declarations.length > 0),
  };
}

/** Each element's API; an event whose type the package doesn't export is typed as a plain `Event`. */
function elementApis(manifest: Manifest, exportedTypes: Set<string>): ElementApi[] {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).map((declaration) => {
      const attributes = (declaration.attributes ?? []).flatMap((attribute) =>
        attribute.fieldName
          ? [{name: attribute.name, field: attribute.fieldName, description: attribute.description ?? ''}]
          : [],
      );
      const properties = (declaration.members ?? [])
        .filter(
          (member) =>
            member.kind === 'field' &&
            !member.static &&
            !member.readonly &&
            (member.privacy ?? 'public') === 'public' &&
            !member.name.startsWith('#'),
        )
        .map((member) => ({name: member.name, description: member.description ?? ''}));
      const events = (declaration.events ?? []).flatMap((event) =>
        event.name
          ? [
              {
                name: event.name,
                type: event.type && exportedTypes.has(event.type.text) ? event.type.text : 'Event',
                description: event.description ?? '',
              },
            ]
          : [],
      );
      return {className: declaration.name, tagName: declaration.tagName ?? '', attributes, properties, events};
    }),
  );
}

/** `conga-connection-updated` → `onCongaConnectionUpdated` (the `@lit/react` prop). */
function reactEventProp(eventName: string): string {
  return `on${eventName.replace(/(^|-)([a-z])/g, (_, __: string, letter: string) => letter.toUpperCase())}`;
}

function doc(text: string, indent = '  '): string {
  const clean = text
    .replace(/\*\//g, '*\\/')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return clean ? `${indent}/** ${clean} */\n` : '';
}

/** The type names the typings import from the main entry: the element classes and the typed events. */
function importedTypes(elements: ElementApi[]): string[] {
  const names = new Set<string>();
  for (const element of elements) {
    names.add(element.className);
    for (const event of element.events) if (event.type !== 'Event') names.add(event.type);
  }
  return [...names].sort();
}

const HEADER =
  '// Generated by widget/build/integrations.ts from custom-elements.json (`npm run build`): do not edit.\n';

function reactWrappers(elements: ElementApi[]): {js: string; dts: string} {
  let js = `${HEADER}import * as React from 'react';\nimport {createComponent} from '@lit/react';\n`;
  js += `import {${elements.map((e) => `${e.className} as ${e.className}Element`).join(', ')}} from '../conga-api-connections.js';\n`;
  let dts = `${HEADER}import type {EventName, ReactWebComponent} from '@lit/react';\n`;
  dts += `import type {${importedTypes(elements).join(', ')}} from '../conga-api-connections.js';\n`;
  for (const element of elements) {
    const events = element.events.map((event) => [reactEventProp(event.name), event] as const);
    js += `\nexport const ${element.className} = createComponent({\n  tagName: '${element.tagName}',\n  elementClass: ${element.className}Element,\n  react: React,\n  displayName: '${element.className}',\n  events: {${events.map(([prop, event]) => `${prop}: '${event.name}'`).join(', ')}},\n});\n`;
    dts += `\n/** \`<${element.tagName}>\` as a React component: properties as props, events as ${events.length ? events.map(([prop]) => `\`${prop}\``).join(', ') : 'none'}. */\n`;
    dts += `export declare const ${element.className}: ReactWebComponent<\n  ${element.className},\n  {\n`;
    for (const [prop, event] of events)
      dts += `${doc(event.description, '    ')}    ${prop}: EventName<${event.type}>;\n`;
    dts += `  }\n>;\n`;
  }
  return {js, dts};
}

/** The props of one element for Vue and Svelte: attributes (kebab-case), properties (camelCase) and events. */
function frameworkProps(element: ElementApi, eventKey: (name: string) => string): string {
  let text = '';
  for (const attribute of element.attributes) {
    text += `${doc(attribute.description)}  '${attribute.name}'?: ${element.className}['${attribute.field}'];\n`;
  }
  for (const property of element.properties) {
    text += `${doc(property.description)}  ${property.name}?: ${element.className}['${property.name}'];\n`;
  }
  for (const event of element.events) {
    text += `${doc(event.description)}  '${eventKey(event.name)}'?: (event: ${event.type}) => void;\n`;
  }
  return text;
}

function vueTypes(elements: ElementApi[]): string {
  let text = `${HEADER}/**\n * Vue 3 types of the elements: \`import type {} from '@conga-connections/widget/vue'\` once (or list it in tsconfig
 * \`types\`), and tell Vue's compiler the tags are custom elements (\`isCustomElement: (tag) => tag.startsWith('conga-')\`).
 */\nimport type {DefineComponent} from 'vue';\nimport type {${importedTypes(elements).join(', ')}} from '../conga-api-connections.js';\n`;
  for (const element of elements) {
    // vue-tsc checks `@conga-connection-updated` against the prop `onCongaConnectionUpdated`.
    text += `\nexport interface ${element.className}Props {\n${frameworkProps(element, reactEventProp)}}\n`;
  }
  text += `\ndeclare module 'vue' {\n  interface GlobalComponents {\n`;
  for (const element of elements) {
    text += `    '${element.tagName}': DefineComponent<${element.className}Props>;\n`;
  }
  return `${text}  }\n}\n`;
}

function svelteTypes(elements: ElementApi[]): string {
  let text = `${HEADER}/** Svelte 5 types of the elements: \`import type {} from '@conga-connections/widget/svelte'\` once (or list it in tsconfig \`types\`). */
import type {HTMLAttributes} from 'svelte/elements';\nimport type {${importedTypes(elements).join(', ')}} from '../conga-api-connections.js';\n`;
  for (const element of elements) {
    // Svelte 5 listens for `onconga-connection-updated` as the event `conga-connection-updated`.
    text += `\nexport interface ${element.className}Props {\n${frameworkProps(element, (name) => `on${name}`)}}\n`;
  }
  text += `\ndeclare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n`;
  for (const element of elements) {
    text += `    '${element.tagName}': Omit<HTMLAttributes<${element.className}>, keyof ${element.className}Props> & ${element.className}Props;\n`;
  }
  return `${text}  }\n}\n`;
}

/**
 * `@wc-toolkit/jsx-types` also augments Preact, Qwik, Stencil, Hono, React Native and Solid; a host that has none of
 * them would get "cannot find module" errors without `skipLibCheck`. This file is the React one: keep React's blocks.
 */
function reactOnly(jsxTypes: string, elements: ElementApi[]): string {
  const blocks = jsxTypes.split(/\n(?=declare (?:module|global)\b)/);
  const [head = '', ...declarations] = blocks;
  const kept = declarations.filter((block) =>
    /^declare module ["']react(?:\/jsx-runtime|\/jsx-dev-runtime)?["']/.test(block),
  );
  // The generator imports the element classes but not the event types its handlers name (they would be `any`).
  const eventTypes = importedTypes(elements).filter((name) => name.endsWith('Event'));
  const imports = `import type {${eventTypes.join(', ')}} from '../conga-api-connections.js';\n`;
  return `${HEADER}${imports}${head}\n${kept.join('\n')}`;
}

/** Writes every integration into `outDir` (the built package's `dist/`). */
export function writeIntegrations(options: {
  manifestFile: string;
  indexFile: string;
  outDir: string;
  version: string;
}): void {
  const manifest = JSON.parse(readFileSync(options.manifestFile, 'utf8')) as Manifest;
  const exported = indexExports(options.indexFile);
  const scoped = publicManifest(manifest, exported);
  const elements = elementApis(scoped, exported.all);
  // The generators below add fields to the manifest they are given: each gets its own copy.
  const copy = (): Manifest => structuredClone(scoped);

  const react = reactWrappers(elements);
  const write = (path: string, text: string) => {
    mkdirSync(join(options.outDir, path, '..'), {recursive: true});
    writeFileSync(join(options.outDir, path), text);
  };
  write('react/index.js', react.js);
  write('react/index.d.ts', react.dts);
  write('vue/index.d.ts', vueTypes(elements));
  write('svelte/index.d.ts', svelteTypes(elements));

  const jsx = generateJsxTypes(copy() as never, {
    outdir: join(options.outDir, 'react'),
    fileName: null as unknown as string,
    globalTypePath: '../conga-api-connections.js',
  });
  if (!jsx) throw new Error('@wc-toolkit/jsx-types wrote nothing');
  write('react/jsx.d.ts', reactOnly(jsx, elements));

  generateVsCodeCustomElementData(copy(), {
    outdir: options.outDir,
    htmlFileName: 'vscode.html-custom-data.json',
    cssFileName: 'vscode.css-custom-data.json',
    hideLogs: true,
  });
  generateJetBrainsWebTypes(copy(), {
    outdir: options.outDir,
    webTypesFileName: 'web-types.json',
    packageJson: false,
    hideLogs: true,
  });
  // The web-types name the package they describe (the generator can only read the root package.json).
  const webTypesFile = join(options.outDir, 'web-types.json');
  const webTypes = JSON.parse(readFileSync(webTypesFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    webTypesFile,
    `${JSON.stringify({...webTypes, name: '@conga-connections/widget', version: options.version}, null, 2)}\n`,
  );
}
