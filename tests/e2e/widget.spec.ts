/**
 * <conga-api-connections> end to end, in Chromium, against the servers `npm start` runs (`startDemo()` on free ports):
 * the demo host portal (the element from source, strict CSP) and the minimal page that loads only the built module.
 * Every step goes through the page's accessible roles and labels, as a new admin would; token requests are made from
 * here, with Node's fetch, as the admin's integration would make them.
 *
 * Every test also asserts that no Content Security Policy was violated and nothing set `window.__pwned`.
 */
import {createServer} from 'node:http';
import type {BrowserContext, Locator, Page, Request} from '@playwright/test';
import type {Demo} from '../../widget/demo/start.js';
import {authorizationUrl, basicAuth, pkcePair, tokenRequest} from '../support/emulator.js';
import {
  ADMIN,
  escapeRegExp,
  expect,
  MEMBER,
  openConnectionsTab,
  portalTest,
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

const MICROSOFT_TENANT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
const SALESFORCE_SANDBOX = '00D7z000000AbCdEAG';
const SEEDED_NAMES = [
  'Salesforce CLM sync',
  'Conga Copilot in Salesforce',
  'Sandbox CLM sync',
  'Conga API Connections browser extension',
];

test.describe.configure({mode: 'parallel'});

/** The External Identifier control that opens a connection ("<identifier>, edit the API to API connection"). */
function editButton(page: Page, externalIdentifier: string, type: 'API to API' | 'UI to API'): Locator {
  return table(page).getByRole('button', {
    name: new RegExp(`^${escapeRegExp(externalIdentifier)}\\s*, edit the ${type} connection$`),
  });
}

/** A client_credentials token request, as an integration would send it. */
async function clientCredentials(demo: Demo, clientId: string, clientSecret: string) {
  return tokenRequest(
    demo.issuer,
    {grant_type: 'client_credentials'},
    {authorization: basicAuth(clientId, clientSecret)},
  );
}

/** Fills and saves the "Add API To API Connection" dialog; returns the hand-off dialog. */
async function addApiToApi(page: Page, externalIdentifier: string, clientName: string): Promise<Locator> {
  await tab(page).getByRole('button', {name: 'Add API To API Connection'}).click();
  const form = tab(page).getByRole('dialog', {name: 'Add API To API Connection'});
  await expect(form).toBeVisible();
  await form.getByLabel('External Identifier').selectOption(externalIdentifier);
  await form.getByLabel('Client Name').fill(clientName);
  await form.getByLabel('Description').fill('Created by the end-to-end test');
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();
  const handoff = tab(page).getByRole('dialog', {name: 'API connection created'});
  await expect(handoff).toBeVisible();
  return handoff;
}

/** Reads the Client ID and Secret from the one-time hand-off. */
async function readHandoff(handoff: Locator): Promise<{clientId: string; clientSecret: string}> {
  const clientId = await handoff.getByLabel('Client ID', {exact: true}).inputValue();
  const clientSecret = await handoff.getByLabel('Client Secret', {exact: true}).inputValue();
  expect(clientId).not.toBe('');
  expect(clientSecret).not.toBe('');
  return {clientId, clientSecret};
}

/** Confirms the secret is stored and closes the hand-off. */
async function closeHandoff(handoff: Locator): Promise<void> {
  await handoff.getByRole('checkbox', {name: 'I have stored the secret'}).check();
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
}

/** Deactivates or reactivates a row through the Actions column and its confirmation. */
async function toggleStatus(page: Page, name: string, action: 'Deactivate' | 'Reactivate'): Promise<void> {
  await table(page)
    .getByRole('button', {name: `${action} ${name}`})
    .click();
  const confirm = tab(page).getByRole('dialog', {name: `${action} ${name}?`});
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', {name: action, exact: true}).click();
  await expect(confirm).toBeHidden();
  const row = table(page).getByRole('row').filter({hasText: name});
  await expect(
    row.getByRole('cell', {name: action === 'Deactivate' ? 'Inactive' : 'Active', exact: true}),
  ).toBeVisible();
}

test('a new admin signs in, creates an API-to-API connection whose secret works, regenerates it, deactivates and reactivates it', async ({
  page,
  demo,
}) => {
  const name = 'Nightly export (e2e)';
  const callbacks: {url: string; referrerPolicy: string | undefined}[] = [];
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && /[?&]code=/.test(response.url())) {
      callbacks.push({url: response.url(), referrerPolicy: response.headers()['referrer-policy']});
    }
  });

  await test.step('open the portal, the tab, and sign in through the emulator (credentials on the login page)', async () => {
    await openConnectionsTab(page, demo);
    await tab(page).getByRole('button', {name: 'Sign in', exact: true}).click();
    await page.waitForURL((url) => url.href.startsWith(demo.issuer));
    await expect(page.getByText('admin@acme.test / conga-demo')).toBeVisible();
    await page.getByLabel('User name').fill(ADMIN.username);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', {name: 'Sign in'}).click();
    await expect(tab(page).getByText(/^Signed in as /)).toBeVisible();
  });

  await test.step('B2-08: back on the tab, with code, state and iss gone from the address bar', async () => {
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]?.referrerPolicy).toBe('no-referrer');
    await expect.poll(() => page.evaluate(() => location.href)).toBe(`${demo.portalUrl}/?tab=api-connections`);
    await expect(page.getByRole('tab', {name: 'Conga API Connections'})).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('the table shows the seeded connections', async () => {
    for (const seeded of SEEDED_NAMES) {
      await expect(table(page).getByRole('cell', {name: seeded, exact: true})).toBeVisible();
    }
  });

  let clientId = '';
  let firstSecret = '';
  await test.step('add an API-to-API connection: the shown secret gets a client_credentials token at once', async () => {
    const handoff = await addApiToApi(page, MICROSOFT_TENANT, name);
    ({clientId, clientSecret: firstSecret} = await readHandoff(handoff));
    const token = await clientCredentials(demo, clientId, firstSecret);
    expect(token.status).toBe(200);
    expect(token.body.access_token).toEqual(expect.any(String));
    await closeHandoff(handoff);
    await expect(table(page).getByRole('cell', {name, exact: true})).toBeVisible();
  });

  let secondSecret = '';
  await test.step('open it and regenerate the secret: the old one fails at once, the new one works', async () => {
    await editButton(page, MICROSOFT_TENANT, 'API to API').click();
    const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
    await expect(form.getByLabel('Client Name')).toHaveValue(name);
    await form.getByLabel('Description').fill('Rotated by the end-to-end test');
    await form.getByRole('button', {name: 'Save & Regenerate Client Secret'}).click();
    await expect(form.getByText('Saving issues a new client secret.')).toBeVisible();
    await form.getByRole('button', {name: 'Confirm'}).click();
    const handoff = tab(page).getByRole('dialog', {name: 'New client secret issued'});
    await expect(handoff).toBeVisible();
    const shown = await readHandoff(handoff);
    expect(shown.clientId).toBe(clientId);
    secondSecret = shown.clientSecret;
    expect(secondSecret).not.toBe(firstSecret);
    const old = await clientCredentials(demo, clientId, firstSecret);
    expect([old.status, old.body.error]).toEqual([401, 'invalid_client']);
    expect((await clientCredentials(demo, clientId, secondSecret)).status).toBe(200);
    await closeHandoff(handoff);
  });

  await test.step('deactivate: token requests fail; reactivate: they work again', async () => {
    await toggleStatus(page, name, 'Deactivate');
    const refused = await clientCredentials(demo, clientId, secondSecret);
    expect([refused.status, refused.body.error]).toEqual([401, 'invalid_client']);
    await toggleStatus(page, name, 'Reactivate');
    expect((await clientCredentials(demo, clientId, secondSecret)).status).toBe(200);
  });

  await test.step('"Your changes" lists the four changes, newest first; kept across a reload, never with a secret', async () => {
    const history = tab(page).getByRole('button', {name: 'Your changes'});
    const expected = [
      /^Reactivated\s+.*\(API to API\)$/,
      /^Deactivated\s+.*\(API to API\)$/,
      new RegExp(`^Saved, with a new client secret\\s+${escapeRegExp(name)} · ${MICROSOFT_TENANT} \\(API to API\\)$`),
      new RegExp(`^Created\\s+${escapeRegExp(name)} · ${MICROSOFT_TENANT} \\(API to API\\)$`),
    ];
    const changes = tab(page).getByRole('table', {name: 'Your changes in this session'});
    const rows = async () =>
      (await changes.locator('tbody tr').evaluateAll((found) => found.map((row) => row.textContent))).map((text) =>
        text
          .replace(/\s+/g, ' ')
          .trim()
          .replace(/^\S+ (?:[AP]M )?/, ''),
      );
    await history.click();
    await expect(history).toHaveAttribute('aria-expanded', 'true');
    await expect(changes.locator('tbody tr')).toHaveCount(4);
    const shown = await rows();
    expected.forEach((pattern, index) => {
      expect(shown[index]).toMatch(pattern);
    });
    const stored = await page.evaluate(() =>
      JSON.stringify(Object.keys(sessionStorage).map((key) => [key, sessionStorage.getItem(key)])),
    );
    expect(stored).toContain(MICROSOFT_TENANT);
    expect(stored).not.toContain(firstSecret);
    expect(stored).not.toContain(secondSecret);

    await page.reload();
    // The portal signs back in silently when the provider's session still holds; otherwise the admin signs in.
    const signInButton = tab(page).getByRole('button', {name: 'Sign in', exact: true});
    const signedIn = tab(page).getByText(/^Signed in as /);
    await expect(signInButton.or(signedIn)).toBeVisible();
    if (await signInButton.isVisible()) await signIn(page, demo);
    await tab(page).getByRole('button', {name: 'Your changes'}).click();
    await expect(changes.locator('tbody tr')).toHaveCount(4);
  });
});

test('an admin adds a UI-to-API connection with two redirect URIs, and a browser app signs in with its Client ID through one of them', async ({
  page,
  demo,
  browser,
}) => {
  const name = 'Sandbox portal app (e2e)';
  const redirectUri = `${demo.portalUrl}/callback.html`;
  const secondRedirectUri = `${demo.portalUrl}/other-app/callback.html`;
  await openConnectionsTab(page, demo);
  await signIn(page, demo);

  await tab(page).getByRole('button', {name: 'Add UI To API Connection'}).click();
  const form = tab(page).getByRole('dialog', {name: 'Add UI To API Connection'});
  await form.getByLabel('External Identifier').selectOption(SALESFORCE_SANDBOX);
  await form.getByLabel('Client Name').fill(name);
  await form.getByRole('textbox', {name: 'Redirect URI 1'}).fill(redirectUri);
  await form.getByRole('button', {name: 'Add redirect URI'}).click();
  await form.getByRole('textbox', {name: 'Redirect URI 2'}).fill(secondRedirectUri);
  await form.getByRole('button', {name: 'Use suggested origins'}).click();
  await expect(form.getByRole('textbox', {name: 'Cors Origins 1'})).toHaveValue(demo.portalUrl);
  await form.getByRole('button', {name: 'Save & Generate Client Secret'}).click();

  // Issue 12: a UI-to-API connection gets a Client ID and no secret, and the hand-off says so.
  const handoff = tab(page).getByRole('dialog', {name: 'Client ID generated'});
  const clientId = await handoff.getByLabel('Client ID', {exact: true}).inputValue();
  // A public client: no secret to hand over.
  await expect(handoff.getByLabel('Client Secret', {exact: true})).toHaveCount(0);
  await handoff.getByRole('button', {name: 'Done'}).click();
  await expect(handoff).toBeHidden();
  await expect(table(page).getByRole('cell', {name, exact: true})).toBeVisible();

  // The app: authorization code + PKCE in a browser of its own (a first sign-in there), the code redeemed here.
  const app = await browser.newContext();
  try {
    const appPage = await app.newPage();
    const {verifier, challenge} = pkcePair();
    const state = 'e2e-ui-to-api';
    await appPage.goto(
      authorizationUrl(demo.issuer, {clientId, redirectUri, scope: 'openid profile', state, challenge}).href,
    );
    await appPage.getByLabel('User name').fill(ADMIN.username);
    await appPage.getByLabel('Password').fill(ADMIN.password);
    await appPage.getByRole('button', {name: 'Sign in'}).click();
    // Not one of the platform's own apps: the emulator asks for consent.
    await appPage.getByRole('button', {name: 'Allow'}).click();
    await appPage.waitForURL((url) => url.href.startsWith(`${redirectUri}?`));
    await expect(appPage.getByRole('heading', {name: 'Back from sign-in'})).toBeVisible();
    const callback = new URL(appPage.url());
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('iss')).toBe(demo.issuer);
    const token = await tokenRequest(demo.issuer, {
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
    });
    expect(token.status).toBe(200);
    expect(token.body).toMatchObject({
      token_type: expect.stringMatching(/^bearer$/i),
      access_token: expect.any(String),
    });
  } finally {
    await app.close();
  }
});

test('a signed-in user without the admin role sees the administrator-role message, not a broken table', async ({
  page,
  demo,
}) => {
  await openConnectionsTab(page, demo);
  await signIn(page, demo, MEMBER);
  await expect(tab(page).getByText('You need the administrator role to manage API connections.')).toBeVisible();
  await expect(tab(page).getByRole('table')).toHaveCount(0);
  await expect(tab(page).getByRole('button', {name: 'Add API To API Connection'})).toHaveCount(0);
});

test('B1-01 payloads in names and descriptions render as text in the list, the confirmation, the edit form and the live region', async ({
  page,
  demo,
}) => {
  const payloads = ['<img src=x onerror=window.__pwned=1>', '"><svg onload=window.__pwned=1>', '${7*7} {{7*7}}'];
  for (const [index, payload] of payloads.entries()) {
    const identifier = `B1PAYLOAD0${String(index)}`;
    demo.emulator.addIntegration(identifier, payload);
    demo.emulator.createConnection({
      ExternalIdentifier: identifier,
      type: 'APItoAPI',
      ClientName: payload,
      Description: `${payload} (description)`,
    });
  }
  await openConnectionsTab(page, demo);
  const title = await page.title();
  await signIn(page, demo);
  for (const payload of payloads) {
    await expect(table(page).getByRole('cell', {name: payload, exact: true})).toBeVisible();
    await expect(table(page).getByRole('cell', {name: `${payload} (description)`, exact: true})).toBeVisible();
  }
  const [first] = payloads;
  if (first === undefined) throw new Error('no payload');

  // The confirmation names the connection, as text.
  await table(page)
    .getByRole('button', {name: `Deactivate ${first}`})
    .click();
  const confirm = tab(page).getByRole('dialog', {name: `Deactivate ${first}?`});
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', {name: 'Deactivate', exact: true}).click();
  // The live region announces the result with the name as text (direction-isolated, B1-06).
  const announced = new RegExp(`^[\u2066-\u2068]?${escapeRegExp(first)}\u2069? is deactivated\\.$`);
  await expect(tab(page).getByRole('status').filter({hasText: announced})).toHaveCount(1);

  // The edit form holds the name as a value.
  await editButton(page, 'B1PAYLOAD00', 'API to API').click();
  const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
  await expect(form.getByLabel('Client Name')).toHaveValue(first);
  await form.getByRole('button', {name: 'Cancel'}).click();
  await expect(form).toBeHidden();

  expect(await page.title()).toBe(title);
  // No element was created from a payload anywhere, shadow roots included.
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const element of root.querySelectorAll('*')) {
        if (element.matches('img[src="x"], svg[onload], [onerror]')) found.push(element.tagName);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return found;
  });
  expect(injected).toEqual([]);
});

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
    const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
    Object.defineProperty(Document.prototype, 'cookie', {
      configurable: true,
      get(this: Document) {
        return cookie?.get?.call(this) as string;
      },
      set(this: Document, value: string) {
        record('cookie', value);
        cookie?.set?.call(this, value);
      },
    });
    for (const method of ['pushState', 'replaceState'] as const) {
      const original = History.prototype[method];
      History.prototype[method] = function (this: History, state: unknown, unused: string, url?: string | URL | null) {
        record(`history.${method}`, state, url === undefined || url === null ? '' : String(url));
        original.call(this, state, unused, url);
      };
    }
    const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
    Object.defineProperty(Document.prototype, 'title', {
      configurable: true,
      get(this: Document) {
        return title?.get?.call(this) as string;
      },
      set(this: Document, value: string) {
        record('title', value);
        title?.set?.call(this, value);
      },
    });
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

test('the portal: keyboard tabs (arrow keys, Home, End) and a theme toggle that the element follows', async ({
  page,
  demo,
}) => {
  await page.goto(`${demo.portalUrl}/`);
  const tabs = page.getByRole('tablist', {name: 'Organization settings'});
  await tabs.getByRole('tab', {name: 'Organization details'}).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', {name: 'External Integrations'})).toBeFocused();
  await expect(page.getByRole('tabpanel', {name: 'External Integrations'})).toBeVisible();
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', {name: 'Users'})).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', {name: 'Organization details'})).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(tabs.getByRole('tab', {name: 'Conga API Connections'})).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', {name: 'Conga API Connections'})).toBeVisible();
  await expect(page.getByRole('tabpanel', {name: 'Organization details'})).toBeHidden();

  const toggle = page.getByRole('button', {name: 'Dark theme'});
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  const dark = before !== 'true';
  await expect(toggle).toHaveAttribute('aria-pressed', String(dark));
  await expect(tab(page)).toHaveAttribute('theme', dark ? 'dark' : 'light');
});
