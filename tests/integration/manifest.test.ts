/**
 * `widget/custom-elements.json` is generated (`npm run manifest`) and committed; CI fails when it no longer matches the
 * element headers (STYLE.md §12). Regenerates it into a temporary folder with the same command and compares.
 */
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = resolve(import.meta.dirname, '../..');

/** The `manifest` script of package.json, with `--outdir` pointed elsewhere. */
function manifestCommand(outDir: string): string[] {
  const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {scripts: Record<string, string>})
    .scripts;
  const script = scripts.manifest ?? '';
  expect(script).toMatch(/^cem analyze .* --outdir widget$/);
  const args = [...script.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '').slice(1);
  args[args.length - 1] = outDir;
  return args;
}

describe('widget/custom-elements.json', () => {
  it('is current: `npm run manifest` writes exactly the committed file', () => {
    // The analyzer resolves --outdir against the working directory, even an absolute one: use a folder inside .tmp/.
    mkdirSync(join(root, '.tmp'), {recursive: true});
    const outDir = mkdtempSync(join(root, '.tmp', 'manifest-'));
    try {
      execFileSync(join(root, 'node_modules/.bin/cem'), manifestCommand(relative(root, outDir)), {
        cwd: root,
        stdio: 'pipe',
      });
      const fresh: unknown = JSON.parse(readFileSync(join(outDir, 'custom-elements.json'), 'utf8'));
      const committed: unknown = JSON.parse(readFileSync(join(root, 'widget/custom-elements.json'), 'utf8'));
      expect(committed, 'run `npm run manifest` and commit widget/custom-elements.json').toEqual(fresh);
    } finally {
      rmSync(outDir, {recursive: true, force: true});
    }
  });

  it('names the tag of every element and documents <conga-api-connections> with its attributes, events and parts', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'widget/custom-elements.json'), 'utf8')) as {
      modules: {
        declarations?: {
          tagName?: string;
          attributes?: {name: string}[];
          events?: {name: string}[];
          cssParts?: {name: string}[];
        }[];
      }[];
    };
    const element = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .find((d) => d.tagName === 'conga-api-connections');
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).map((d) => d.tagName);
    expect(tags).toEqual(expect.arrayContaining(['conga-api-connections', 'conga-connection-list', 'conga-sign-in']));
    expect(element?.attributes?.map((a) => a.name)).toEqual(
      expect.arrayContaining([
        'api-base-url',
        'issuer',
        'client-id',
        'redirect-uri',
        'scope',
        'login-mode',
        'page-size',
        'theme',
        'integration-user-help-url',
      ]),
    );
    expect(element?.events?.map((e) => e.name)).toEqual(
      expect.arrayContaining(['conga-signed-in', 'conga-connection-created']),
    );
    expect(element?.cssParts?.map((p) => p.name)).toEqual(expect.arrayContaining(['base', 'notice']));
  });
});
