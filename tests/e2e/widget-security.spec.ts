/**
 * <conga-api-connections> end to end, against the servers `npm start` runs: what a page script or the host page can
 * reach. No token in anything a script reads on the element or in storage (B6-01); the new secret only in the create
 * response (B4-02); no key typed into the element reaches the host's shortcuts (B6-03); the minimal page under the
 * strict CSP (B6-04); a second copy of the module (B6-02); a new api-base-url or issuer drops the tokens (B6-05).
 * The admin's journeys are in widget.spec.ts.
 *
 * Every test also asserts that no Content Security Policy was violated and nothing set `window.__pwned`.
 */
import {createServer} from 'node:http';
import type {BrowserContext, Page, Request} from '@playwright/test';
import type {Demo} from '../../widget/demo/start.js';
import {
  addApiToApi,
  closeHandoff,
  expect,
  openConnectionsTab,
  portalTest,
  readHandoff,
  signIn,
  tab,
  table,
} from './support/portal.js';

const test = portalTest();

declare global {
  interface Window {
    __congaRecord?: (kind: string, value: string) => void;
    __shortcuts?: string[];
  }
}

test.describe.configure({mode: 'parallel'});

/** Every string a page script can reach on the element without calling anything, plus all storage (B6-01). */
async function readableState(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const element = document.querySelector('conga-api-connections');
    if (!element) throw new Error('no element');
    const strings: string[] = [];
    const seen = new WeakSet();
    const collect = (value: unknown, depth: number): void => {
      if (typeof value === 'string') {
        strings.push(value);
        return;
      }
      if (typeof value !== 'object' || value === null || depth > 5 || seen.has(value) || value instanceof Node) return;
      seen.add(value);
      const entries: unknown[] =
        value instanceof Map
          ? [...value.entries()]
          : value instanceof Set
            ? [...value]
            : Array.isArray(value)
              ? value
              : [];
      for (const entry of entries) collect(entry, depth + 1);
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Object.getOwnPropertyDescriptor(value, key);
        // Own data properties only: reading must not call into the element (a getter could compute anything).
        if (descriptor && 'value' in descriptor && typeof descriptor.value !== 'function')
          collect(descriptor.value, depth + 1);
      }
    };
    collect(element, 0);
    for (const name of ['session', 'apiClient', 'apiBaseUrl', 'issuer', 'clientId', 'redirectUri', 'scope']) {
      collect((element as unknown as Record<string, unknown>)[name], 1);
    }
    for (const attribute of element.attributes) strings.push(attribute.name, attribute.value);
    strings.push(JSON.stringify(Object.entries((element as HTMLElement).dataset)));
    for (const storage of [localStorage, sessionStorage]) {
      for (let index = 0; index < storage.length; index++) {
        const key = storage.key(index) ?? '';
        strings.push(key, storage.getItem(key) ?? '');
      }
    }
    strings.push(document.cookie, location.href, JSON.stringify(history.state), document.title);
    strings.push(JSON.stringify(await indexedDB.databases()), JSON.stringify(await caches.keys()));
    return strings;
  });
}

test('B6-01 a page script reading the element, its attributes, dataset and all storage finds no token', async ({
  page,
  demo,
}) => {
  const tokens: string[] = [];
  page.on('response', async (response) => {
    if (response.url() === `${demo.issuer}/connect/token` && response.ok()) {
      const body = (await response.json()) as Record<string, unknown>;
      for (const key of ['access_token', 'refresh_token', 'id_token']) {
        if (typeof body[key] === 'string') tokens.push(body[key]);
      }
    }
  });
  await openConnectionsTab(page, demo);
  await signIn(page, demo);
  await expect(table(page)).toBeVisible();
  await expect.poll(() => tokens.length).toBeGreaterThanOrEqual(2);
  const readable = (await readableState(page)).join('\n');
  expect(readable).toContain(demo.issuer);
  for (const token of tokens) expect(readable.includes(token), 'a token is readable').toBe(false);
});

test('B4-02 the new secret appears in the create response and nowhere else: storage, cookies, console, requests, history, title, events', async ({
  page,
  demo,
  context,
}) => {
  const identifier = 'B402SECRETSCAN01';
  demo.emulator.addIntegration(identifier, 'B4-02 secret scan');
  const records: string[] = [];
  await recordSideEffects(context, records);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  const consoleLines: string[] = [];
  page.on('console', (message) => consoleLines.push(`${message.type()} ${message.text()}`));
  const bodies: {url: string; method: string; body: string}[] = [];
  page.on('response', async (response) => {
    if (!response.url().startsWith(demo.apiBaseUrl)) return;
    bodies.push({
      url: response.url(),
      method: response.request().method(),
      body: await response.text().catch(() => ''),
    });
  });

  await openConnectionsTab(page, demo);
  await signIn(page, demo);
  const handoff = await addApiToApi(page, identifier, 'Secret scan (e2e)');
  const {clientSecret} = await readHandoff(handoff);
  await closeHandoff(handoff);
  await expect(table(page).getByRole('cell', {name: 'Secret scan (e2e)', exact: true})).toBeVisible();

  // The create response, and only it, carries the secret.
  await expect.poll(() => bodies.filter((b) => b.body.includes(clientSecret)).length).toBe(1);
  const carrying = bodies.filter((b) => b.body.includes(clientSecret));
  expect(carrying.map((b) => `${b.method} ${new URL(b.url).pathname}`)).toEqual([
    `POST /api/user-management/v1/api-connections/${identifier}`,
  ]);
  // Nothing sent carries it: no URL, header or body of any request (fetch, XHR, beacon, navigation).
  for (const request of requests) {
    const sent = [request.url(), JSON.stringify(await request.allHeaders()), request.postData() ?? ''].join('\n');
    expect(sent.includes(clientSecret), `sent in ${request.method()} ${request.url()}`).toBe(false);
  }
  expect(consoleLines.filter((line) => line.includes(clientSecret))).toEqual([]);
  expect(records.filter((line) => line.includes(clientSecret))).toEqual([]);
  // What is left on the page: storage, cookies, history, title, address, and the DOM (B4-04: gone once closed).
  const state = (await readableState(page)).join('\n');
  expect(state.includes(clientSecret), 'the secret is still readable').toBe(false);
  const dom = await page.evaluate((secret) => {
    const hits: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        const texts = [
          ...element.getAttributeNames().map((name) => element.getAttribute(name) ?? ''),
          ...[...element.childNodes].filter((node) => node.nodeType === Node.TEXT_NODE).map((node) => node.nodeValue),
          'value' in element ? String(element.value) : '',
        ];
        if (texts.some((text) => text?.includes(secret))) hits.push(element.tagName);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return hits;
  }, clientSecret);
  expect(dom).toEqual([]);
});

/**
 * Records, from before any page script runs, every write a page could leak a secret through: Web Storage, cookies,
 * history entries, the title, beacons, IndexedDB and Cache Storage writes, error hooks, and the element's events.
 */
async function recordSideEffects(context: BrowserContext, records: string[]): Promise<void> {
  await context.exposeFunction('__congaRecord', (kind: string, value: string) => {
    records.push(`${kind}: ${value}`);
  });
  /* eslint-disable @typescript-eslint/unbound-method -- each original is called back with .call(this, …) */
  await context.addInitScript(() => {
    const record = (kind: string, ...values: unknown[]): void => {
      let text: string;
      try {
        text = JSON.stringify(values);
      } catch {
        text = values.map(String).join(' ');
      }
      window.__congaRecord?.(kind, text);
    };
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      record('storage', key, value);
      setItem.call(this, key, value);
    };
    /** Records every write of a document property (cookie, title), which still reaches the original setter. */
    const recordWrites = (property: 'cookie' | 'title'): void => {
      const original = Object.getOwnPropertyDescriptor(Document.prototype, property);
      Object.defineProperty(Document.prototype, property, {
        configurable: true,
        get(this: Document) {
          return original?.get?.call(this) as string;
        },
        set(this: Document, value: string) {
          record(property, value);
          original?.set?.call(this, value);
        },
      });
    };
    recordWrites('cookie');
    recordWrites('title');
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[method];
      History.prototype[method] = function (this: History, state: unknown, unused: string, url?: string | URL | null) {
        record(`history.${method}`, state, url === undefined || url === null ? '' : String(url));
        original.call(this, state, unused, url);
      };
    }
    const sendBeacon = Navigator.prototype.sendBeacon;
    Navigator.prototype.sendBeacon = function (this: Navigator, url: string | URL, data?: BodyInit | null) {
      record('beacon', String(url), typeof data === 'string' ? data : '');
      return sendBeacon.call(this, url, data);
    };
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      record('indexedDB.put', value, key);
      return put.call(this, value, key);
    };
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      record('indexedDB.add', value, key);
      return add.call(this, value, key);
    };
    const cachePut = Cache.prototype.put;
    Cache.prototype.put = function (this: Cache, request: RequestInfo | URL, response: Response) {
      record('cache.put', String(request instanceof Request ? request.url : request));
      return cachePut.call(this, request, response);
    };
    window.addEventListener('error', (event) => {
      record('error', event.message);
    });
    window.addEventListener('unhandledrejection', (event) => {
      record('unhandledrejection', String(event.reason));
    });
    for (const name of [
      'conga-connection-created',
      'conga-connection-updated',
      'conga-connection-status-changed',
      'conga-signed-in',
      'conga-signed-out',
    ]) {
      window.addEventListener(name, (event) => {
        const fields: Record<string, unknown> = {};
        for (const key of Object.keys(event)) fields[key] = (event as unknown as Record<string, unknown>)[key];
        record(`event ${name}`, fields);
      });
    }
  });
  /* eslint-enable @typescript-eslint/unbound-method */
}

test('B6-03 keys typed into the element reach no single-key shortcut of the host page, and none is lost', async ({
  page,
  demo,
}) => {
  // The host page's shortcuts ("?" for help, "/" for its search…), written the usual way: ignore typing in fields.
  // Keys typed inside the element reach it retargeted (event.target is <conga-api-connections>), so the host can't
  // tell typing from a shortcut: the element has to keep keydown from its own fields inside (stopPropagation() at
  // its shadow root when event.composedPath()[0] is an input, textarea, select or contenteditable).
  await page.addInitScript(() => {
    window.__shortcuts = [];
    window.addEventListener('keydown', (event) => {
      const target = event.target;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement ||
        (target instanceof HTMLElement && target.isContentEditable);
      if (!typing && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        window.__shortcuts?.push(event.key);
      }
    });
  });
  await openConnectionsTab(page, demo);
  await signIn(page, demo);
  const text = 'g?/ Sales';
  const search = tab(page).getByRole('searchbox', {name: 'Search connections'});
  await search.pressSequentially(text);
  await expect(search).toHaveValue(text);
  await search.clear();
  await tab(page).getByRole('button', {name: 'Add API To API Connection'}).click();
  const name = tab(page).getByRole('dialog', {name: 'Add API To API Connection'}).getByLabel('Client Name');
  await name.pressSequentially('n?k/ j');
  await expect(name).toHaveValue('n?k/ j');
  expect(await page.evaluate(() => window.__shortcuts)).toEqual([]);
});

test('B6-04 the minimal host page loads only the built module under the strict CSP, signs in and lists, with zero violations', async ({
  page,
  demo,
}) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  const response = await page.goto(demo.minimalUrl);
  expect(response?.headers()['content-security-policy']).toContain(
    "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'",
  );
  await signIn(page, demo);
  await expect(table(page).getByRole('cell', {name: 'Salesforce CLM sync', exact: true})).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.href)).toBe(demo.minimalUrl);
  // The built module and its lazy chunks (sign-in; the form, preloaded once the list is idle; the list's idle
  // sorting): no source module, no dev client.
  const loaded = [...new Set(scripts)].sort();
  expect(loaded).toContain('/dist/conga-api-connections.js');
  expect(loaded.filter((path) => /\.sign-in-[\w-]+\.js$/.test(path))).toHaveLength(1);
  for (const path of loaded) {
    expect(path).toMatch(/^\/dist\/conga-api-connections(?:\.(?:connection-form|sign-in|list-deferred)-[\w-]+)?\.js$/);
  }
  expect(loaded.length).toBeLessThanOrEqual(4);
});

test('B6-02 a second copy of the module on the page throws nothing and warns once, naming both versions', async ({
  page,
  demo,
}) => {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await page.goto(demo.minimalUrl);
  await expect(tab(page).getByRole('button', {name: 'Sign in', exact: true})).toBeVisible();
  // Another copy (another URL, so another module instance with its own classes), as a second bundle would be.
  await page.evaluate('import("/dist/conga-api-connections.js?copy=2").then(() => true)');
  await expect.poll(() => warnings.filter((w) => w.includes('already defined'))).toHaveLength(1);
  expect(warnings.find((w) => w.includes('already defined'))).toMatch(
    /already defined by version \d+\.\d+\.\d+\S*; version \d+\.\d+\.\d+\S* was not registered/,
  );
  // The first copy keeps working.
  await signIn(page, demo);
  await expect(table(page).getByRole('cell', {name: 'Salesforce CLM sync', exact: true})).toBeVisible();
});

/** Another origin that answers CORS preflights (so the browser really sends whatever the element sends) and records it. */
async function recordingOrigin(demo: Demo): Promise<{
  origin: string;
  seen: {method: string; authorization: string | undefined}[];
  close: () => Promise<void>;
}> {
  const seen: {method: string; authorization: string | undefined}[] = [];
  const server = createServer((request, response) => {
    seen.push({method: request.method ?? '', authorization: request.headers.authorization});
    response.writeHead(request.method === 'OPTIONS' ? 204 : 401, {
      'Access-Control-Allow-Origin': demo.portalUrl,
      'Access-Control-Allow-Headers': 'authorization, content-type, user-id',
      'Access-Control-Allow-Methods': 'GET, POST, PUT',
    });
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${String(address.port)}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

for (const attribute of ['api-base-url', 'issuer'] as const) {
  test(`B6-05 a new ${attribute} after sign-in drops the tokens and asks to sign in: the old token never reaches the new origin`, async ({
    page,
    demo,
  }) => {
    const other = await recordingOrigin(demo);
    try {
      await openConnectionsTab(page, demo);
      await signIn(page, demo);
      await expect(table(page)).toBeVisible();
      const value = attribute === 'issuer' ? `${other.origin}/api/v1/auth` : other.origin;
      await tab(page).evaluate(
        (element, [name, next]) => {
          element.setAttribute(name, next);
        },
        [attribute, value] as const,
      );
      // Settled: either the element asks for sign-in again, or it has already sent something to the new origin.
      const signInButton = tab(page).getByRole('button', {name: 'Sign in', exact: true});
      await expect
        .poll(async () => other.seen.some((r) => r.method !== 'OPTIONS') || (await signInButton.isVisible()))
        .toBe(true);
      const leaked = other.seen.filter((request) => request.authorization !== undefined);
      expect(leaked, 'the old token went to the new origin').toEqual([]);
      await expect(signInButton).toBeVisible();
      await expect(tab(page).getByText(/^Signed in as /)).toHaveCount(0);
    } finally {
      await other.close();
    }
  });
}
