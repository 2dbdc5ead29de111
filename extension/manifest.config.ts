import {readFileSync} from 'node:fs';
import {defineManifest} from '@crxjs/vite-plugin';
import {PAGES} from './src/pages.js';

export {PAGES};

/** Which browser a build is for: the manifests differ in the background, the side panel and browser keys. */
export type ExtensionBrowser = 'chromium' | 'firefox';

/** What a build is for: `dev` pins the extension ID and reaches the local emulator; `release` goes to the stores. */
export type ExtensionFlavour = 'dev' | 'release';

/** The Firefox add-on ID; its `identity.getRedirectURL()` host is derived from it (emulator seed: EXTENSION_GECKO_ID). */
export const GECKO_ID = 'conga-api-connections@conga-connections.test';

/**
 * Loopback origins of the local emulator. Match patterns carry no port, so they cover every port the emulator (or a
 * test) picks; `permissions.request` and the drawer ask for exactly these shapes too.
 */
export const LOOPBACK_ORIGINS = ['http://127.0.0.1/*', 'http://localhost/*'];

const version = (JSON.parse(readFileSync(new URL('package.json', import.meta.url), 'utf8')) as {version: string})
  .version;

/**
 * The public half of the development key: it fixes the Chromium extension ID to `lmbadgbaohkjlkfmjkkbhlcdedjcbjkc`, so
 * `https://<id>.chromiumapp.org/` can be registered as a Redirect URI in advance (the emulator's seed does). The
 * private key is not needed to load an unpacked build, and release builds leave the key out: the store assigns the ID.
 */
function devKey(): string {
  return readFileSync(new URL('dev-key.pub', import.meta.url), 'utf8').trim();
}

/**
 * The manifest of one build. Every permission carries the reason it is needed; B5-01 (SECURITY-CASES.md) is checked
 * against the built file by `tests/e2e/extension-build.spec.ts`.
 */
export function createManifest(browser: ExtensionBrowser, flavour: ExtensionFlavour) {
  const firefox = browser === 'firefox';
  const dev = flavour === 'dev';
  return defineManifest({
    manifest_version: 3,
    // In the browser's language: extension/_locales/<locale>/messages.json (issue 17; `npm run l10n:fill` writes
    // the translated ones from l10n/translations/).
    name: '__MSG_extensionName__',
    short_name: '__MSG_extensionShortName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    version,
    ...(dev && !firefox ? {key: devKey()} : {}),
    permissions: [
      // launchWebAuthFlow + getRedirectURL: the PKCE sign-in runs in the background, in a browser-managed window that
      // returns to https://<id>.chromiumapp.org/ (or allizom.org), which no web page can intercept.
      'identity',
      // storage.session holds the tokens (memory only, trusted contexts only); storage.local holds the tenants.
      'storage',
      // Puts the drawer (an extension page in an iframe) into a portal page the admin enabled, on request only.
      'scripting',
      // Lets the popup read the address of the tab it was opened on, to offer "Show in this page" for its origin.
      'activeTab',
      // The full tab in Chromium's side panel (Firefox uses sidebar_action, which needs no permission).
      ...(firefox ? [] : ['sidePanel']),
    ],
    // Development builds reach the local emulator without a prompt; release builds ask for every origin at run time.
    ...(dev ? {host_permissions: [...LOOPBACK_ORIGINS]} : {}),
    // Each tenant's issuer and API origins, and each portal page the admin enables for the drawer, are asked for
    // when the admin adds them (permissions.request); nothing is granted at install. Host permissions are how the
    // worker and the pages reach the platform: its provider sends CORS headers only to a connection's Cors Origins.
    optional_host_permissions: ['https://*/*', ...LOOPBACK_ORIGINS],
    background: firefox
      ? {scripts: ['src/background/index.ts'], type: 'module'}
      : {service_worker: 'src/background/index.ts', type: 'module'},
    action: {default_title: '__MSG_extensionName__', default_popup: PAGES.popup},
    options_ui: {page: PAGES.options, open_in_tab: true},
    ...(firefox
      ? {sidebar_action: {default_title: '__MSG_extensionName__', default_panel: PAGES.panel, open_at_install: false}}
      : {side_panel: {default_path: PAGES.panel}}),
    commands: {
      'toggle-drawer': {
        suggested_key: {default: 'Alt+Shift+K'},
        description: '__MSG_toggleDrawerDescription__',
      },
    },
    // Only the drawer's page may be framed by web pages, and only at a per-session URL (use_dynamic_url) that a page
    // cannot guess; its scripts run in the extension's origin, so the portal can never script it (B5-01, B5-07).
    web_accessible_resources: [
      {resources: [PAGES.panel], matches: ['https://*/*', ...LOOPBACK_ORIGINS], use_dynamic_url: true},
    ],
    ...(firefox
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // data_collection_permissions needs 142 (EXTENSION-NOTES §6).
              strict_min_version: '142.0',
              data_collection_permissions: {required: ['none']},
            },
          },
        }
      : {minimum_chrome_version: '116'}),
    // No content_security_policy: the MV3 default (script-src 'self') stays; no remote code, no eval (B5-02).
    // No externally_connectable: no web page or other extension can message the worker (B5-05).
  });
}
