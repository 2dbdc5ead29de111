// @ts-check
/**
 * `npm run build:extension`: every build of the extension, through the root vite.config.ts (`--mode extension`):
 * - `extension/dist/` (Chromium) and `extension/dist-firefox/` (Firefox): development builds, loadable unpacked, with
 *   the fixed development ID and the local emulator's host permissions;
 * - `extension/dist-release-chromium/` and `extension/dist-release-firefox/`: release builds (no key, no loopback
 *   host permissions), zipped by web-ext into `extension/dist-store/` for the Chrome Web Store and addons.mozilla.org.
 * Tests import {@link buildExtension} to build into a temporary folder.
 */
import {resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Builds one variant of the extension with Vite's JS API.
 * @param {{browser?: 'chromium' | 'firefox', flavour?: 'dev' | 'release', outDir?: string}} [options]
 * @returns {Promise<string>} the output folder
 */
export async function buildExtension({browser = 'chromium', flavour = 'dev', outDir} = {}) {
  const output =
    outDir ??
    resolve(
      root,
      'extension',
      flavour === 'release' ? `dist-release-${browser}` : browser === 'firefox' ? 'dist-firefox' : 'dist',
    );
  const previous = {...process.env};
  // The config reads these when Vite loads it (see extensionBuild() in vite.config.ts).
  process.env.CONGA_EXTENSION_BROWSER = browser;
  process.env.CONGA_EXTENSION_FLAVOUR = flavour;
  process.env.CONGA_EXTENSION_OUT_DIR = output;
  try {
    await build({configFile: resolve(root, 'vite.config.ts'), mode: 'extension', logLevel: 'warn'});
  } finally {
    for (const name of ['CONGA_EXTENSION_BROWSER', 'CONGA_EXTENSION_FLAVOUR', 'CONGA_EXTENSION_OUT_DIR']) {
      if (previous[name] === undefined) Reflect.deleteProperty(process.env, name);
      else process.env[name] = previous[name];
    }
  }
  return output;
}

/**
 * Zips a build for a store with web-ext (no zip dependency of our own).
 * @param {string} sourceDir @param {string} filename
 */
async function zip(sourceDir, filename) {
  const {default: webExt} = await import('web-ext');
  const artifactsDir = resolve(root, 'extension', 'dist-store');
  await webExt.cmd.build({sourceDir, artifactsDir, filename, overwriteDest: true}, {showReadyMessage: false});
  return resolve(artifactsDir, filename);
}

async function main() {
  const {version} = JSON.parse(
    await import('node:fs').then((fs) => fs.readFileSync(resolve(root, 'extension', 'package.json'), 'utf8')),
  );
  const outputs = [await buildExtension({browser: 'chromium'}), await buildExtension({browser: 'firefox'})];
  for (const browser of /** @type {const} */ (['chromium', 'firefox'])) {
    const dir = await buildExtension({browser, flavour: 'release'});
    outputs.push(dir, await zip(dir, `conga-api-connections-${browser}-${version}.zip`));
  }
  for (const output of outputs) process.stdout.write(`extension: ${output.replace(root, '')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((/** @type {unknown} */ error) => {
    console.error(error);
    process.exit(1);
  });
}
