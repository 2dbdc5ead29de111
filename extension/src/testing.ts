/**
 * Fakes for the extension's unit tests: storage areas, Web Locks, the identity API and message senders. No browser,
 * no network; the OpenID provider comes from `@conga-connections/auth/testing`.
 */
import type {Runtime, Storage} from 'webextension-polyfill';
import type {FakeOpenIdProvider} from '@conga-connections/auth/testing';
import type {StorageAreaLike} from './storage.js';
import type {IdentityApi, Locks} from './background/web-auth-flow.js';
import type {ExtensionIdentity} from './messaging.js';

/** The extension a test pretends to be. */
export const TEST_EXTENSION: ExtensionIdentity = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};

/** `identity.getRedirectURL()` of {@link TEST_EXTENSION}. */
export const TEST_REDIRECT_URL = `https://${TEST_EXTENSION.id}.chromiumapp.org/`;

/** An in-memory storage area that reports changes like `storage.onChanged` (values are deep-copied, as stored). */
export interface MemoryArea extends StorageAreaLike {
  /** Everything stored, as plain data. */
  dump(): Record<string, unknown>;
  /** Calls `listener` after every change, with `areaName`. */
  onChanged(listener: (changes: Record<string, Storage.StorageChange>, areaName: string) => void): void;
}

/** Creates a {@link MemoryArea} named `areaName` (`local` or `session`). */
export function createMemoryArea(areaName: string): MemoryArea {
  const items = new Map<string, unknown>();
  const listeners: ((changes: Record<string, Storage.StorageChange>, areaName: string) => void)[] = [];
  const emit = (changes: Record<string, Storage.StorageChange>) => {
    if (Object.keys(changes).length === 0) return;
    for (const listener of listeners) listener(changes, areaName);
  };
  return {
    get(keys) {
      const names = keys === null || keys === undefined ? [...items.keys()] : typeof keys === 'string' ? [keys] : keys;
      const result: Record<string, unknown> = {};
      for (const name of names) if (items.has(name)) result[name] = structuredClone(items.get(name));
      return Promise.resolve(result);
    },
    set(values) {
      const changes: Record<string, Storage.StorageChange> = {};
      for (const [name, value] of Object.entries(values)) {
        changes[name] = {oldValue: items.get(name), newValue: structuredClone(value)};
        items.set(name, structuredClone(value));
      }
      emit(changes);
      return Promise.resolve();
    },
    remove(keys) {
      const changes: Record<string, Storage.StorageChange> = {};
      for (const name of typeof keys === 'string' ? [keys] : keys) {
        if (items.has(name)) changes[name] = {oldValue: items.get(name)};
        items.delete(name);
      }
      emit(changes);
      return Promise.resolve();
    },
    dump: () => Object.fromEntries([...items].map(([name, value]) => [name, structuredClone(value)])),
    onChanged(listener) {
      listeners.push(listener);
    },
  };
}

/**
 * In-memory {@link Locks} with the Web Locks semantics the worker relies on: exclusive, queued in order, and
 * released when the task settles. `crash(name)` plays the holder dying (the worker stopped): the lock is free again.
 */
export function createMemoryLocks(): Locks & {crash(name: string): void} {
  const queues = new Map<string, Promise<unknown>>();
  const held = new Set<string>();
  return {
    run<T>(name: string, task: () => Promise<T>): Promise<T> {
      const previous = queues.get(name) ?? Promise.resolve();
      const result = previous
        .catch(() => undefined)
        .then(async () => {
          held.add(name);
          try {
            return await task();
          } finally {
            held.delete(name);
          }
        });
      queues.set(
        name,
        result.catch(() => undefined),
      );
      return result;
    },
    async tryRun<T>(name: string, task: () => Promise<T>) {
      if (held.has(name)) return {ran: false as const};
      return {ran: true as const, value: await this.run(name, task)};
    },
    isHeld: (name) => Promise.resolve(held.has(name)),
    crash(name) {
      held.delete(name);
      queues.delete(name);
    },
  };
}

/** A fake `browser.identity` that plays the admin at the provider, and records every URL it was asked to open. */
export interface FakeIdentity extends IdentityApi {
  readonly launched: string[];
  /** What the next launch does: sign in (default), close the window, or never finish (a worker stopped meanwhile). */
  nextLaunch: 'sign-in' | 'close' | 'hang' | 'unreachable';
}

/**
 * Creates a {@link FakeIdentity} in front of a fake provider: an authorization URL comes back as the provider's
 * redirect with a code, an end-session URL as its post-logout redirect.
 */
export function createFakeIdentity(provider: FakeOpenIdProvider, redirectUrl = TEST_REDIRECT_URL): FakeIdentity {
  const identity: FakeIdentity = {
    launched: [],
    nextLaunch: 'sign-in',
    getRedirectURL: () => redirectUrl,
    async launchWebAuthFlow({url}) {
      identity.launched.push(url);
      const mode = identity.nextLaunch;
      identity.nextLaunch = 'sign-in';
      if (mode === 'close') throw new Error('The user did not approve access.');
      if (mode === 'unreachable') throw new Error('Authorization page could not be loaded.');
      if (mode === 'hang') return new Promise<string>(() => undefined);
      const target = new URL(url);
      const postLogout = target.searchParams.get('post_logout_redirect_uri');
      if (postLogout !== null) return postLogout;
      return provider.authorize(url);
    },
  };
  return identity;
}

/** A message sender: one of the extension's pages, by default the popup. */
export function pageSender(path = '/src/popup/index.html', extension = TEST_EXTENSION): Runtime.MessageSender {
  return {id: extension.id, url: `${extension.origin}${path}`, origin: extension.origin} as Runtime.MessageSender;
}

/** A content script of this extension, in a web page's tab. */
export function contentScriptSender(
  pageUrl = 'https://portal.example.test/admin',
  extension = TEST_EXTENSION,
): Runtime.MessageSender {
  return {
    id: extension.id,
    url: pageUrl,
    origin: new URL(pageUrl).origin,
    tab: {id: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false},
    frameId: 0,
  } as Runtime.MessageSender;
}
