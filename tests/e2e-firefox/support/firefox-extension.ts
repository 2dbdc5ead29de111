/**
 * The built Firefox extension (development build) in headless Firefox ESR, driven by puppeteer-core over WebDriver
 * BiDi (EXTENSION-NOTES §6b): the add-on is installed as a temporary add-on at a fixed moz-extension UUID, its pages
 * open as tabs, clicks are real input (so `permissions.request` and `sidebarAction.open` see a user gesture), and the
 * windows the extension opens (launchWebAuthFlow) are new targets.
 *
 * What BiDi can't reach is reached through the extension itself, from one of its own pages: the toolbar popup
 * (opened with `action.openPopup()`) and the background page are windows of `extension.getViews()`.
 */
import puppeteer, {
  Puppeteer,
  type Browser,
  type ElementHandle,
  type Frame,
  type Page,
  type Target,
} from 'puppeteer-core';
import {args, executablePath, prefs} from '../../support/firefox.mjs';

/** The fixed moz-extension UUID of the add-on in this profile (`extensions.webextensions.uuids`). */
export const UUID = '3c5e9a1f-0b2d-4e6f-8a7c-1d2e3f4a5b6c';

/** How long a test waits for a condition before it fails; the machine is shared, so generous. */
export const WAIT = 20_000;

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://<UUID>/<path>`. */
  url(path: string): string;
  /** Opens an extension page in a new tab and waits until it is that page. */
  open(path: string): Promise<Page>;
  /** An extension page kept open to call extension APIs from (storage, tabs, scripting, getViews). */
  inspector: Page;
  /** Uncaught errors, CSP violations and console errors of the extension's pages (B5-09). */
  problems: string[];
  close(): Promise<void>;
}

/** Console errors the run causes on purpose. */
export const EXPECTED_CONSOLE_ERRORS: RegExp[] = [];

/**
 * Reports CSP violations as console errors, so the console watch catches them (Firefox writes its own CSP reports to
 * the browser console, which BiDi doesn't forward). Runs before the page's scripts.
 */
function reportViolations(): void {
  document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
  });
}

/** Launches Firefox, installs the extension from `extensionDir` and opens the inspector page. */
export async function launchFirefoxExtension(extensionDir: string, geckoId: string): Promise<FirefoxExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    args,
    protocolTimeout: 90_000,
    extraPrefsFirefox: {
      ...prefs,
      'extensions.webextensions.uuids': JSON.stringify({[geckoId]: UUID}),
      // permissions.request from a real click is granted without the prompt a user would answer.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  const problems: string[] = [];
  const url = (path: string) => `moz-extension://${UUID}/${path}`;
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage();
    const target = url(path);
    page.on('pageerror', (error: unknown) =>
      problems.push(`${path}: ${error instanceof Error ? error.message : String(error)}`),
    );
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (EXPECTED_CONSOLE_ERRORS.some((pattern) => pattern.test(message.text()))) return;
      problems.push(`${path}: ${message.text()}`);
    });
    await page.evaluateOnNewDocument(reportViolations);
    // BiDi never reports the end of a navigation to a moz-extension page (the load event may not come either), so
    // the navigation runs on while the page is polled until it is the extension page.
    page.goto(target).catch(() => undefined);
    await waitUntil(async () => (await page.evaluate(() => location.href).catch(() => '')) === target, `${path} opens`);
    await page.waitForFunction(() => document.readyState !== 'loading', {timeout: WAIT});
    return page;
  }

  const inspector = await open('src/options/index.html');
  return {
    browser,
    url,
    open,
    inspector,
    problems,
    async close() {
      await browser.close();
    },
  };
}

/** Polls `condition` until it is true; fails after {@link WAIT} with `what`. */
export async function waitUntil(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT;
  for (;;) {
    if (await condition()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the next page target the browser opens (the launchWebAuthFlow window, a tab the extension opens). */
export async function nextWindow(browser: Browser): Promise<Page> {
  const target: Target = await new Promise((resolve) => browser.once('targetcreated', resolve));
  const page = await target.page();
  if (!page) throw new Error(`the new target is not a page: ${target.type()}`);
  return page;
}

/**
 * Finds elements by role and accessible name in the page's own JavaScript, through every open shadow root under
 * `node`: a small version of what Playwright's getByRole does, enough for this extension's markup (explicit roles,
 * the implicit roles of buttons, fields, dialogs and links; names from aria-label, aria-labelledby, a <label> or the
 * text). Puppeteer's own ARIA selector asks Firefox for its accessibility tree on each query, which takes seconds.
 */
function queryAllByRole(node: Node, selector: string): Element[] {
  const [kind = '', match = '', ...rest] = selector.split('|');
  const wanted = {role: kind, name: rest.join('|'), exact: match === 'exact'};
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const implicitRole = (element: Element): string => {
    const explicit = element.getAttribute('role');
    if (explicit) return explicit;
    const tag = element.localName;
    if (tag === 'button') return 'button';
    if (tag === 'select') return 'combobox';
    if (tag === 'textarea') return 'textbox';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'li') return 'listitem';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'a' && element.hasAttribute('href')) return 'link';
    if (tag === 'input') {
      const type = (element as HTMLInputElement).type;
      if (type === 'checkbox' || type === 'radio') return type;
      if (type === 'button' || type === 'submit') return 'button';
      if (['text', 'url', 'email', 'search', 'tel', ''].includes(type)) return 'textbox';
    }
    return '';
  };
  // Text as it is shown: slots give their assigned nodes; the element being named is left out of its label.
  const textOf = (from: Node, skip: Element): string => {
    if (from === skip) return '';
    if (from.nodeType === Node.TEXT_NODE) return from.textContent ?? '';
    const assigned = from instanceof HTMLSlotElement ? from.assignedNodes({flatten: true}) : [];
    return [...(assigned.length > 0 ? assigned : from.childNodes)].map((child) => textOf(child, skip)).join('');
  };
  const nameOf = (element: Element): string => {
    const label = element.getAttribute('aria-label');
    if (label) return clean(label);
    const root = element.getRootNode() as Document | ShadowRoot;
    const labelledBy = element.getAttribute('aria-labelledby');
    if (labelledBy) {
      const parts = labelledBy.split(/\s+/).map((id) => root.getElementById(id));
      return clean(parts.map((part) => (part ? textOf(part, element) : '')).join(' '));
    }
    const labels = (element as HTMLInputElement).labels;
    if (labels && labels.length > 0) return clean([...labels].map((item) => textOf(item, element)).join(' '));
    return clean(textOf(element, document.documentElement));
  };
  const found: Element[] = [];
  const walk = (root: Node) => {
    const elements = (root as ParentNode).querySelectorAll('*');
    for (const element of elements) {
      if (implicitRole(element) === wanted.role) {
        const name = nameOf(element);
        if (wanted.exact ? name === wanted.name : name.includes(wanted.name)) found.push(element);
      }
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(node);
  return found;
}

let registered = false;

/**
 * A role and accessible name, as a selector: `role('button', 'Sign in')` (the exact name) or
 * `role('combobox', 'External Identifier', false)` (a name that contains it); it pierces shadow roots.
 */
export function role(kind: string, name: string, exact = true): string {
  if (!registered) {
    Puppeteer.registerCustomQueryHandler('role', {queryAll: queryAllByRole});
    registered = true;
  }
  return `::-p-role(${JSON.stringify(`${kind}|${exact ? 'exact' : 'contains'}|${name}`)})`;
}

/**
 * The element for `selector`, waiting until it is visible. Polled from here: puppeteer's own visible-wait runs on
 * requestAnimationFrame, which Firefox doesn't run in a background tab.
 */
export async function find(page: Page | Frame, selector: string): Promise<ElementHandle> {
  const found: ElementHandle[] = [];
  await waitUntil(async () => {
    const handle = await page.$(selector).catch(() => null);
    if (handle && (await handle.evaluate((element) => element.checkVisibility()).catch(() => false)))
      found.push(handle);
    return found.length > 0;
  }, `${selector} is visible`);
  const [handle] = found;
  if (!handle) throw new Error(`no ${selector}`);
  return handle;
}

/** A real click (BiDi input actions) in the tab brought to the front, so the page sees a user gesture. */
export async function click(page: Page | Frame, selector: string): Promise<void> {
  const element = await find(page, selector);
  await ('bringToFront' in page ? page : page.page()).bringToFront();
  await element.click();
}

/** Replaces a text field's value by typing, as the admin would. */
export async function fill(page: Page | Frame, selector: string, value: string): Promise<void> {
  const field = await find(page, selector);
  await field.evaluate((element) => {
    (element as HTMLInputElement).value = '';
  });
  await ('bringToFront' in page ? page : page.page()).bringToFront();
  await field.type(value);
}

/** Chooses an option of a select by its value, as a change the page hears. */
export async function choose(page: Page | Frame, selector: string, value: string): Promise<void> {
  const field = await find(page, selector);
  await field.select(value);
}

/** All text of the page, shadow roots and field values included. */
export function deepText(page: Page | Frame): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const element of root.querySelectorAll('*')) {
        if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) parts.push(element.value);
        if (element.shadowRoot) walk(element.shadowRoot);
      }
      parts.push(root instanceof Document ? root.body.innerText : root.textContent);
    };
    walk(document);
    return parts.join('\n').replace(/\s+/g, ' ');
  });
}

/** Waits until the page (shadow roots included) shows `text`. */
export async function waitForText(page: Page | Frame, text: string | RegExp): Promise<void> {
  await waitUntil(
    async () => {
      const all = await deepText(page).catch(() => '');
      return typeof text === 'string' ? all.includes(text) : text.test(all);
    },
    `the page shows ${String(text)}`,
  );
}
