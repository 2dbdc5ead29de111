/**
 * Issue 14: the element as a host application gets it. `npm pack` of widget/ (built from the sources on every run, by
 * global-setup.ts), the tarball installed into the host apps' own install (tests/hosts/package.json: React 19, Vue 3, Svelte 5,
 * Angular, a plain Vite page; not the workspace), each app type-checked by its framework's checker, with a negative
 * fixture whose wrong attribute value and wrong event handler must fail with the errors below, built with Vite, and
 * driven in Chromium against the emulator: the host builds the session and hands it over (`.session`), the admin signs
 * in through the element, the list renders, and a host-side handler of the element's status event updates host state.
 * Angular: its compiler (ngc, strict templates) compiles a template that binds the element's property and event.
 */
import {readdirSync, readFileSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {expect, test} from '@playwright/test';
import {createEmulator, type Emulator} from '@conga-connections/emulator';
import {
  hostsDir,
  inBatches,
  runTool,
  startStaticServer,
  workDir,
  type PackResult,
  type RunResult,
  type StaticServer,
} from './support.js';

const ADMIN = {username: 'admin@acme.test', password: 'conga-demo'};
const CLIENT_ID = 'conga-host-apps';

/** What `npm pack` reported (global-setup.ts packs and installs once per run). */
const pack = JSON.parse(readFileSync(join(workDir, 'pack.json'), 'utf8')) as PackResult;

test.describe('the packed tarball', () => {
  test('holds only built files: no TypeScript sources, tests, demo or emulator, and every export it names', () => {
    const paths = pack.files.map((file) => file.path);
    const offending = paths.filter(
      (path) =>
        (/\.tsx?$/.test(path) && !path.endsWith('.d.ts')) ||
        /(?:^|\/)(?:demo|tests?|emulator|node_modules)\//.test(path) ||
        /\.(?:test|spec|browser\.test)\.|testing\.(?:js|d\.ts)$/.test(path) ||
        /\.(?:map|tsbuildinfo)$/.test(path),
    );
    expect(offending).toEqual([]);
    expect(paths.filter((path) => path !== 'package.json' && !path.startsWith('dist/'))).toEqual([]);
    // Every file the package.json points a host at is in the tarball.
    const manifest = JSON.parse(readFileSync(join(hostsDir, '../../widget/package.json'), 'utf8')) as {
      exports: Record<string, string | Record<string, string>>;
      types: string;
      customElements: string;
      'web-types': string;
    };
    const targets = Object.values(manifest.exports).flatMap((target) =>
      typeof target === 'string' ? [target] : Object.values(target),
    );
    for (const target of [...targets, manifest.types, manifest.customElements, manifest['web-types']]) {
      expect(paths, target).toContain(target.replace(/^\.\//, ''));
    }
    expect(paths).toEqual(
      expect.arrayContaining([
        'dist/conga-api-connections.js',
        'dist/conga-api-connections.lit-external.js',
        expect.stringMatching(/^dist\/conga-api-connections\.sign-in-[\w-]+\.js$/),
        expect.stringMatching(/^dist\/conga-api-connections\.connection-form-[\w-]+\.js$/),
      ]),
    );
  });

  test('is what the host apps installed: a copy from the tarball with only public dependencies, not the workspace', () => {
    const installed = join(hostsDir, 'node_modules/@conga-connections/widget');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies).filter((name) => name.startsWith('@conga-connections/'))).toEqual([]);
    expect(() => readFileSync(join(installed, 'src/index.ts'))).toThrow();
    const lock = JSON.parse(readFileSync(join(hostsDir, 'node_modules/.package-lock.json'), 'utf8')) as {
      packages: Record<string, {resolved?: string; link?: boolean}>;
    };
    const entry = lock.packages['node_modules/@conga-connections/widget'];
    expect(entry?.link).toBeUndefined();
    expect(entry?.resolved).toMatch(/conga-connections-widget-[\d.]+\.tgz$/);
  });
});

test('docs/use-in-your-app.md shows the host apps exactly as they are tested', () => {
  const doc = readFileSync(join(hostsDir, '../../docs/use-in-your-app.md'), 'utf8');
  const snippets = [...doc.matchAll(/<!-- from (\S+) -->\n\n```\w+\n([\s\S]*?)\n```/g)];
  expect(snippets.length).toBeGreaterThanOrEqual(10);
  for (const [, path = '', code = ''] of snippets) {
    expect(code, path).toBe(readFileSync(join(hostsDir, '../..', path), 'utf8').trimEnd());
  }
});

/** One app's checker: the app must pass, its negative fixture must fail with exactly these errors. */
interface Check {
  app: string;
  tool: string;
  args: string[];
  negativeArgs: string[];
  /** One pattern per expected error, in order; each error block (a message and its explanation lines) is matched. */
  errors: RegExp[];
}

const ATTRIBUTE_VALUE =
  /Type '"sideways"' is not assignable to type '"(?:redirect" \| "popup|popup" \| "redirect)"(?: \| undefined)?'/;
const HANDLER =
  /Type '\(event: ConnectionUpdatedEvent\) => .*' is not assignable to type '\((?:e|event): ConnectionStatusChangedEvent\) => void'[\s\S]*'ConnectionStatusChangedEvent' is missing the following properties from type 'ConnectionUpdatedEvent': connection, secretRegenerated/;

const CHECKS: Check[] = [
  {
    app: 'React 19 (tsc)',
    tool: 'tsc',
    args: ['-p', 'react/tsconfig.json'],
    negativeArgs: ['-p', 'react/tsconfig.negative.json'],
    errors: [
      new RegExp(`wrong-props\\.tsx\\(9,\\d+\\): error TS2322: ${ATTRIBUTE_VALUE.source}`),
      new RegExp(`wrong-props\\.tsx\\(10,\\d+\\): error TS2322: ${HANDLER.source}`),
      new RegExp(
        `wrong-props\\.tsx\\(11,\\d+\\): error TS2322: [\\s\\S]*'"login-mode"'[\\s\\S]*${ATTRIBUTE_VALUE.source}`,
      ),
      new RegExp(
        `wrong-props\\.tsx\\(12,\\d+\\): error TS2322: [\\s\\S]*'"onconga-connection-status-changed"'[\\s\\S]*${HANDLER.source}`,
      ),
    ],
  },
  {
    app: 'Vue 3 (vue-tsc)',
    tool: 'vue-tsc',
    args: ['-p', 'vue/tsconfig.json'],
    negativeArgs: ['-p', 'vue/tsconfig.negative.json'],
    errors: [
      new RegExp(`WrongProps\\.vue\\(13,\\d+\\): error TS2322: ${ATTRIBUTE_VALUE.source}`),
      new RegExp(`WrongProps\\.vue\\(13,\\d+\\): error TS2322: ${HANDLER.source}`),
    ],
  },
  {
    app: 'Svelte 5 (svelte-check)',
    tool: 'svelte-check',
    // svelte-check reads --tsconfig relative to its --workspace.
    args: ['--workspace', 'svelte', '--tsconfig', 'tsconfig.json', '--fail-on-warnings'],
    negativeArgs: ['--workspace', 'svelte', '--tsconfig', 'tsconfig.negative.json'],
    errors: [
      new RegExp(`WrongProps\\.svelte:12:\\d+\\nError: ${ATTRIBUTE_VALUE.source}`),
      new RegExp(`WrongProps\\.svelte:12:\\d+\\nError: ${HANDLER.source}`),
    ],
  },
  {
    app: 'plain Vite page (tsc)',
    tool: 'tsc',
    args: ['-p', 'vanilla/tsconfig.json'],
    negativeArgs: ['-p', 'vanilla/tsconfig.negative.json'],
    errors: [
      new RegExp(`wrong-props\\.ts\\(6,\\d+\\): error TS2322: ${ATTRIBUTE_VALUE.source}`),
      /wrong-props\.ts\(7,\d+\): error TS2339: Property 'connection' does not exist on type 'ConnectionStatusChangedEvent'/,
    ],
  },
];

/** A checker's output cut into one block per error: its first line and the indented lines that explain it. */
function errorBlocks(output: string): string[] {
  const tsc = [...output.matchAll(/^\S+\(\d+,\d+\): error TS\d+:.*(?:\n {2,}.*)*/gm)].map((m) => m[0]);
  if (tsc.length) return tsc;
  // svelte-check's human output: "<file>:<line>:<column>\nError: <message>" followed by its explanation.
  return [...output.matchAll(/^\S+:\d+:\d+\nError: [\s\S]*?(?=\n\n|\n=+)/gm)].map((m) => m[0]);
}

test.describe('type-checking in each host app', () => {
  let positive: RunResult[] = [];
  let negative: RunResult[] = [];

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const jobs = CHECKS.flatMap((check) => [
      () => runTool(check.tool, check.args),
      () => runTool(check.tool, check.negativeArgs),
    ]);
    const results = await inBatches(jobs, 2);
    positive = results.filter((_, index) => index % 2 === 0);
    negative = results.filter((_, index) => index % 2 === 1);
  });

  CHECKS.forEach((check, index) => {
    test(`${check.app}: the app passes, and a wrong attribute value and a wrong event handler fail`, () => {
      const app = positive[index];
      const wrong = negative[index];
      expect(app?.status, app?.output).toBe(0);
      expect(wrong?.status, 'the negative fixture must fail').not.toBe(0);
      const blocks = errorBlocks(wrong?.output ?? '');
      console.warn(`${check.app}, negative fixture:\n${blocks.join('\n')}`);
      expect(blocks, wrong?.output).toHaveLength(check.errors.length);
      check.errors.forEach((pattern, position) => {
        expect(blocks[position]).toMatch(pattern);
      });
    });
  });

  test('Angular (ngc, strict templates): a standalone component binds the element property and listens to its event', async () => {
    const outDir = join(workDir, 'angular');
    rmSync(outDir, {recursive: true, force: true});
    const run = await runTool('ngc', ['-p', 'angular/tsconfig.json']);
    expect(run.status, run.output).toBe(0);
    const compiled = readFileSync(join(outDir, 'app.component.js'), 'utf8');
    // The compiled template: the tag, the `session` property binding and the event listener.
    expect(compiled).toContain('"conga-api-connections"');
    expect(compiled).toMatch(/ɵɵ(?:domProperty|property)\("session", ctx\.session\)/);
    expect(compiled).toMatch(/ɵɵ(?:domListener|listener)\("conga-connection-status-changed", /);
  });
});

interface Scenario {
  /** Test title. */
  name: string;
  /** The app's folder under tests/hosts/. */
  app: 'react' | 'vue' | 'svelte' | 'vanilla';
  /** Where the app starts (the React app renders the tag itself under `?tag`). */
  path: string;
  /** The External Identifier and name of the connection this scenario deactivates (each has its own). */
  externalId: string;
  connection: string;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'React 19, @lit/react wrapper',
    app: 'react',
    path: '/',
    externalId: 'host-react',
    connection: 'React host sync',
  },
  {
    name: 'React 19, the tag itself',
    app: 'react',
    path: '/?tag',
    externalId: 'host-react-tag',
    connection: 'React tag sync',
  },
  {name: 'Vue 3', app: 'vue', path: '/', externalId: 'host-vue', connection: 'Vue host sync'},
  {name: 'Svelte 5', app: 'svelte', path: '/', externalId: 'host-svelte', connection: 'Svelte host sync'},
  {name: 'plain Vite page', app: 'vanilla', path: '/', externalId: 'host-vanilla', connection: 'Vanilla host sync'},
];
const APPS = [...new Set(SCENARIOS.map((scenario) => scenario.app))];

test.describe('in Chromium, built with Vite, against the emulator', () => {
  let emulator: Emulator;
  const servers = new Map<string, StaticServer>();

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    // The servers first: the emulator registers their origins as the host apps' redirect URIs.
    for (const app of APPS) servers.set(app, await startStaticServer());
    const origins = [...servers.values()].map((server) => server.origin);
    emulator = await createEmulator({
      port: 0,
      portal: {clientId: CLIENT_ID, redirectUris: origins.map((origin) => `${origin}/`)},
    });
    const env = {
      VITE_CONGA_ISSUER: emulator.issuer,
      VITE_CONGA_API_BASE_URL: emulator.apiBaseUrl,
      VITE_CONGA_CLIENT_ID: CLIENT_ID,
    };
    const builds = await inBatches(
      APPS.map(
        (app) => () => runTool('vite', ['build', app, '--outDir', join(workDir, 'dist', app), '--emptyOutDir'], env),
      ),
      2,
    );
    builds.forEach((build, index) => {
      expect(build.status, build.output).toBe(0);
      const app = APPS[index] ?? '';
      // The host's bundler followed the package's lazy imports: its chunks are the app's own, nothing copied by hand.
      const assets = readdirSync(join(workDir, 'dist', app, 'assets'));
      for (const chunk of ['sign-in', 'connection-form', 'bulk-actions']) {
        expect(assets, `${app}: the ${chunk} chunk`).toContainEqual(
          expect.stringMatching(new RegExp(`^conga-api-connections\\.${chunk}-[\\w-]+\\.js$`)),
        );
      }
      servers.get(app)?.serve(join(workDir, 'dist', app));
    });
  });

  test.afterAll(async () => {
    await Promise.all([...servers.values()].map((server) => server.close()));
    await emulator.close();
  });

  for (const scenario of SCENARIOS) {
    test(`${scenario.name}: the host's session signs in, the list renders, and the host hears the status change`, async ({
      page,
    }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      emulator.addIntegration(scenario.externalId, `${scenario.name} host app`);
      emulator.createConnection({
        ExternalIdentifier: scenario.externalId,
        type: 'APItoAPI',
        ClientName: scenario.connection,
      });
      const origin = servers.get(scenario.app)?.origin ?? '';
      const element = page.locator('conga-api-connections');

      const hostUser = page.getByText(/^Host user: /);

      await page.goto(`${origin}${scenario.path}`);
      await expect(hostUser).toHaveText('Host user: signed out');

      // The element's Sign in button signs in through the session the host handed it.
      await element.getByRole('button', {name: 'Sign in', exact: true}).click();
      await page.waitForURL((url) => url.href.startsWith(emulator.issuer));
      await page.getByLabel('User name').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', {name: 'Sign in'}).click();
      await expect(element.getByText(/^Signed in as /)).toBeVisible();
      await expect(page).toHaveURL(`${origin}${scenario.path}`);
      // The host follows the same session: its own header now names the admin.
      await expect(hostUser).not.toHaveText('Host user: signed out');
      await expect(hostUser).toHaveText(/^Host user: \S+/);

      const table = element.getByRole('table', {name: 'API connections'});
      await expect(table.getByRole('row').filter({hasText: 'Salesforce CLM sync'})).toBeVisible();
      await table.getByRole('button', {name: `Deactivate ${scenario.connection}`}).click();
      const confirm = element.getByRole('dialog', {name: `Deactivate ${scenario.connection}?`});
      await confirm.getByRole('button', {name: 'Deactivate', exact: true}).click();

      await expect(page.getByLabel('Last change')).toHaveText(`${scenario.connection} is now inactive`);
      expect(errors).toEqual([]);
    });
  }
});
