/**
 * The background worker (Chromium service worker, Firefox event page). It only registers its listeners,
 * synchronously at the top level, so every event that wakes it finds them (developer.chrome.com/docs/extensions/
 * develop/concepts/service-workers/events#declare-events); the work is in `handlers.ts`, the state in storage.
 */
import browser from 'webextension-polyfill';
import drawerScript from '../content/drawer.ts?iife';
import {currentExtension} from '../messaging.js';
import {SessionStore, SettingsStore} from '../storage.js';
import {createWorkerHandlers} from './handlers.js';
import {webLocks} from './web-auth-flow.js';

const handlers = createWorkerHandlers({
  settings: new SettingsStore(browser.storage.local),
  session: new SessionStore(browser.storage.session),
  sessionArea: browser.storage.session as {
    setAccessLevel?: (options: {accessLevel: 'TRUSTED_CONTEXTS'}) => Promise<void>;
  },
  identity: browser.identity,
  locks: webLocks(navigator.locks),
  fetch: (input, init) => fetch(input, init),
  now: () => Date.now(),
  extension: currentExtension,
  tabs: browser.tabs,
  permissions: browser.permissions,
  async injectDrawer(tabId) {
    await browser.scripting.executeScript({target: {tabId}, files: [drawerScript]});
    // The script toggles; its state lives in the isolated world, where this function runs too.
    const [result] = await browser.scripting.executeScript({
      target: {tabId},
      func: () =>
        (globalThis as unknown as Record<symbol, Element | undefined>)[Symbol.for('conga-api-connections.drawer')]
          ?.isConnected === true,
    });
    return result?.result === true;
  },
});

// The reply is the listener's promise (webextension-polyfill turns it into sendResponse).
browser.runtime.onMessage.addListener(handlers.handleRuntimeMessage);
browser.commands.onCommand.addListener((command, tab) => void handlers.handleCommand(command, tab));
browser.storage.onChanged.addListener((changes, areaName) => void handlers.handleStorageChanged(changes, areaName));
browser.runtime.onStartup.addListener(() => void handlers.handleStartup());
browser.runtime.onInstalled.addListener(() => void handlers.handleStartup());
