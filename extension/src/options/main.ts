/**
 * The options page: the tenants (settings in storage.local, never tokens), the extension's redirect URL, and a
 * "Check" of each tenant's sign-in service.
 */
import browser from 'webextension-polyfill';
import {followBrowserLanguage} from '../locale.js';
import {PAGES} from '../pages.js';
import {SETTINGS_KEY, SettingsStore, parseSettings} from '../storage.js';
import {checkTenant} from '../tenants.js';
import './options-page.js';
import type {OptionsServices} from './options-page.js';

void followBrowserLanguage();

const store = new SettingsStore(browser.storage.local);
const redirectUrl = browser.identity.getRedirectURL();

const services: OptionsServices = {
  redirectUrl,
  readSettings: () => store.read(),
  watchSettings(listener) {
    const handle = (changes: Record<string, {newValue?: unknown}>, areaName: string) => {
      const change = changes[SETTINGS_KEY];
      if (areaName === 'local' && change !== undefined) listener(parseSettings(change.newValue));
    };
    browser.storage.onChanged.addListener(handle);
    return () => {
      browser.storage.onChanged.removeListener(handle);
    };
  },
  writeSettings: (settings) => store.write(settings),
  requestOrigins: (origins) => browser.permissions.request({origins}),
  async releaseOrigins(origins) {
    if (!origins.length) return;
    // Origins the manifest requires (the emulator's, in development builds) can't be given back; that's fine.
    await browser.permissions.remove({origins}).catch(() => undefined);
  },
  check: (tenant) => checkTenant(tenant, {redirectUri: redirectUrl}),
  newId: () => crypto.randomUUID(),
  copy: (value) => navigator.clipboard.writeText(value),
  openPromote() {
    void browser.tabs.create({url: browser.runtime.getURL(PAGES.promote)});
  },
};

const page = document.querySelector('conga-extension-options');
if (page) page.services = services;
