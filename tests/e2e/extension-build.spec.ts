/**
 * Static checks of the built extension (no browser): the manifest rules of B5-01, the bundle scan of B5-02, the
 * fixed development ID of B5-08, and `web-ext lint` on the Firefox builds with no errors. Each build goes into a
 * temporary folder through the same Vite config `npm run build` uses.
 */
import {spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {expect, test} from '@playwright/test';
import {EXTENSION_GECKO_ID, EXTENSION_ID} from '@conga-connections/emulator';
import {buildExtension} from '../../extension/scripts/build.mjs';

test.describe.configure({mode: 'serial'});

interface Manifest {
  manifest_version: number;
  key?: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  content_scripts?: unknown;
  background?: {service_worker?: string; scripts?: string[]};
  side_panel?: {default_path: string};
  sidebar_action?: {default_panel: string};
  web_accessible_resources?: {resources: string[]; matches?: string[]; use_dynamic_url?: boolean}[];
  browser_specific_settings?: {gecko?: {id?: string}};
}

const root = resolve(import.meta.dirname, '../..');
/** B5-01: the only permissions the extension may ask for. */
const ALLOWED_PERMISSIONS = ['identity', 'storage', 'sidePanel', 'activeTab', 'scripting'];
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

let directory: string;
const builds: Record<'chromium-dev' | 'chromium-release' | 'firefox-dev' | 'firefox-release', string> = {
  'chromium-dev': '',
  'chromium-release': '',
  'firefox-dev': '',
  'firefox-release': '',
};

function manifestOf(build: keyof typeof builds): Manifest {
  return JSON.parse(readFileSync(join(builds[build], 'manifest.json'), 'utf8')) as Manifest;
}

function files(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The Chromium extension ID of a manifest `key`: sha256 of the SPKI, first 32 hex digits mapped 0-f → a-p. */
function extensionIdOf(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  directory = mkdtempSync(join(tmpdir(), 'conga-extension-build-'));
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    const [browser, flavour] = name.split('-') as ['chromium' | 'firefox', 'dev' | 'release'];
    builds[name] = await buildExtension({browser, flavour, outDir: join(directory, name)});
  }
});

test.afterAll(() => {
  rmSync(directory, {recursive: true, force: true});
});

test('B5-01 every build is MV3 with the default CSP, no externally_connectable, no <all_urls>, no static content scripts', () => {
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    const manifest = manifestOf(name);
    expect(manifest.manifest_version, name).toBe(3);
    expect(manifest.content_security_policy, name).toBeUndefined();
    expect(manifest.externally_connectable, name).toBeUndefined();
    expect(manifest.content_scripts, name).toBeUndefined();
    expect(JSON.stringify(manifest), name).not.toMatch(/<all_urls>|\*:\/\/\*\/|"http:\/\/\*\/|webRequest|"tabs"/);
  }
});

test('B5-01 permissions are limited to identity, storage, sidePanel, activeTab and scripting, each justified in the source', () => {
  const source = readFileSync(join(root, 'extension/manifest.config.ts'), 'utf8').split('\n');
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    const permissions = manifestOf(name).permissions ?? [];
    expect(
      permissions.filter((permission) => !ALLOWED_PERMISSIONS.includes(permission)),
      name,
    ).toEqual([]);
    for (const permission of permissions) {
      const line = source.findIndex((text) => text.includes(`'${permission}'`));
      expect(line, `${permission} is in manifest.config.ts`).toBeGreaterThan(0);
      expect(source[line - 1]?.trim(), `the line above '${permission}' says why`).toMatch(/^\/\/ \S/);
    }
  }
  expect(manifestOf('chromium-release').permissions).toContain('sidePanel');
  expect(manifestOf('firefox-release').permissions).not.toContain('sidePanel');
});

test('B5-01 host permissions: none at install in release builds, loopback only in development builds; tenants are optional', () => {
  expect(manifestOf('chromium-release').host_permissions).toBeUndefined();
  expect(manifestOf('firefox-release').host_permissions).toBeUndefined();
  expect(manifestOf('chromium-dev').host_permissions).toEqual(LOOPBACK);
  expect(manifestOf('firefox-dev').host_permissions).toEqual(LOOPBACK);
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    const optional = manifestOf(name).optional_host_permissions ?? [];
    // https for tenants and portal pages, plain http only for the emulator on loopback.
    expect(
      optional.filter((pattern) => !pattern.startsWith('https://') && !LOOPBACK.includes(pattern)),
      name,
    ).toEqual([]);
  }
});

test('B5-01 web_accessible_resources: only the drawer page, with explicit matches, at a per-session URL in Chromium', () => {
  for (const name of ['chromium-dev', 'chromium-release'] as const) {
    expect(manifestOf(name).web_accessible_resources, name).toEqual([
      {resources: ['src/panel/index.html'], matches: expect.any(Array) as string[], use_dynamic_url: true},
    ]);
  }
  for (const name of ['firefox-dev', 'firefox-release'] as const) {
    const resources = manifestOf(name).web_accessible_resources ?? [];
    expect(
      resources.map((entry) => entry.resources),
      name,
    ).toEqual([['src/panel/index.html']]);
  }
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    for (const entry of manifestOf(name).web_accessible_resources ?? []) {
      expect(entry.matches?.length, name).toBeGreaterThan(0);
      for (const pattern of entry.matches ?? [])
        expect(pattern).toMatch(/^(https:\/\/\*\/\*|http:\/\/(127\.0\.0\.1|localhost)\/\*)$/);
    }
  }
});

test('B5-08 development builds pin the extension ID the emulator seed registers; release builds carry no key', () => {
  const key = manifestOf('chromium-dev').key;
  expect(key).toBe(readFileSync(join(root, 'extension/dev-key.pub'), 'utf8').trim());
  expect(extensionIdOf(key ?? '')).toBe(EXTENSION_ID);
  expect(manifestOf('chromium-release').key).toBeUndefined();
  expect(manifestOf('firefox-dev').key).toBeUndefined();
  expect(manifestOf('firefox-dev').browser_specific_settings?.gecko?.id).toBe(EXTENSION_GECKO_ID);
  expect(manifestOf('firefox-release').browser_specific_settings?.gecko?.id).toBe(EXTENSION_GECKO_ID);
});

test('the side panel is side_panel in Chromium and sidebar_action in Firefox, both built pages', () => {
  const chromium = manifestOf('chromium-release');
  const firefox = manifestOf('firefox-release');
  expect(chromium.side_panel?.default_path).toBe('src/panel/index.html');
  expect(chromium.background?.service_worker).toBeDefined();
  expect(firefox.sidebar_action?.default_panel).toBe('src/panel/index.html');
  expect(firefox.background?.scripts).toHaveLength(1);
  for (const build of [builds['chromium-release'], builds['firefox-release']]) {
    // Built, not copied raw: the page loads a hashed module, never the TypeScript source.
    expect(readFileSync(join(build, 'src/panel/index.html'), 'utf8')).toMatch(
      /<script type="module"[^>]+src="\/assets\//,
    );
  }
});

test('B5-02 the bundle has no remote script, no eval or new Function, no import of an http(s) URL', () => {
  for (const name of Object.keys(builds) as (keyof typeof builds)[]) {
    for (const file of files(builds[name])) {
      const text = readFileSync(file, 'utf8');
      if (file.endsWith('.js')) {
        expect(text, file).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|\bimportScripts\s*\(/);
        expect(text, file).not.toMatch(/\bimport\s*\(\s*['"`]https?:/);
        expect(text, file).not.toMatch(/\bfrom\s*['"`]https?:/);
      }
      if (file.endsWith('.html')) {
        expect(text, file).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
        for (const [, src] of text.matchAll(/<script[^>]+src="([^"]+)"/g)) {
          expect(files(builds[name]), `${file} loads ${String(src)}`).toContain(join(builds[name], String(src)));
        }
      }
    }
  }
});

test('web-ext lint reports no errors on the Firefox builds', () => {
  const bin = join(dirname(createRequire(import.meta.url).resolve('web-ext')), 'bin', 'web-ext.js');
  for (const name of ['firefox-dev', 'firefox-release'] as const) {
    const run = spawnSync(
      process.execPath,
      [bin, 'lint', '--source-dir', builds[name], '--output', 'json', '--no-input'],
      {
        encoding: 'utf8',
        env: {...process.env, WEB_EXT_NO_CONFIG_DISCOVERY: 'true'},
      },
    );
    const report = JSON.parse(run.stdout) as {
      summary: {errors: number; warnings: number};
      errors: {code: string; message: string}[];
      warnings: {code: string}[];
    };
    expect(report.errors, name).toEqual([]);
    expect(report.summary.errors, name).toBe(0);
    // Only lit-html's own innerHTML use on a <template> (EXTENSION-NOTES §6) is warned about.
    expect(new Set(report.warnings.map((warning) => warning.code)), name).toEqual(new Set(['UNSAFE_VAR_ASSIGNMENT']));
  }
});
