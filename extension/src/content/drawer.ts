/**
 * The in-page drawer: injected on request (toolbar popup or keyboard shortcut) into a portal page the admin enabled,
 * it shows or hides a panel on the page's right edge that holds the tab as an extension page in an iframe.
 *
 * Everything sensitive stays in that frame: it runs in the extension's origin, so the portal's scripts can neither
 * read nor script it (same-origin policy), and it gets its tokens from the worker itself. This script holds nothing
 * but the frame: it never asks for a token, and there is no custom element in the page (isolated-world content
 * scripts can't define one, EXTENSION-NOTES §5). The frame's address comes from runtime.getURL, which is the
 * per-session URL when the page is `use_dynamic_url` (B5-01, B5-07).
 */
import browser from 'webextension-polyfill';
import {PAGES} from '../pages.js';

/** Kept on the isolated world's global, which the page cannot see, so a second injection toggles. */
const KEY = Symbol.for('conga-api-connections.drawer');

interface DrawerScope {
  [KEY]?: HTMLElement;
}

const STYLE = `
  :host { all: initial; }
  .drawer {
    position: fixed; inset-block: 0; inset-inline-end: 0; z-index: 2147483647;
    inline-size: min(440px, 100vw); display: flex; flex-direction: column;
    background: #fff; color: #1f2328; box-shadow: -4px 0 24px rgb(0 0 0 / 0.25);
    font: 14px/1.4 system-ui, sans-serif;
  }
  header { display: flex; align-items: center; justify-content: space-between; gap: 8px;
    padding-block: 6px; padding-inline: 12px 8px; border-block-end: 1px solid #d0d7de; }
  h2 { font: 600 14px/1.4 system-ui, sans-serif; margin: 0; }
  button { font: inherit; padding: 4px 10px; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa;
    color: inherit; cursor: pointer; }
  button:focus-visible { outline: 2px solid #0969da; outline-offset: 2px; }
  iframe { flex: 1; inline-size: 100%; border: 0; }
`;

function open(scope: DrawerScope): void {
  const host = document.createElement('div');
  // Closed: the page's scripts get no handle on the frame element (and could not read the frame through one).
  const root = host.attachShadow({mode: 'closed'});
  const style = document.createElement('style');
  style.textContent = STYLE;
  const drawer = document.createElement('aside');
  drawer.className = 'drawer';
  // In the browser's language, from _locales/ (a content script has no catalogue of its own; issue 17).
  const text = (name: string) => browser.i18n.getMessage(name);
  drawer.dir = text('@@bidi_dir');
  drawer.setAttribute('aria-label', text('extensionName'));
  const header = document.createElement('header');
  const title = document.createElement('h2');
  title.textContent = text('extensionShortName');
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = text('drawerClose');
  close.setAttribute('aria-label', text('drawerCloseLabel'));
  close.addEventListener('click', () => {
    host.remove();
  });
  header.append(title, close);
  const frame = document.createElement('iframe');
  frame.title = text('extensionName');
  // Copy buttons in the frame need the page to delegate clipboard writing to it.
  frame.allow = 'clipboard-write';
  frame.src = `${browser.runtime.getURL(PAGES.panel)}?surface=drawer`;
  drawer.append(header, frame);
  root.append(style, drawer);
  document.documentElement.append(host);
  scope[KEY] = host;
  frame.focus();
}

function toggle(): boolean {
  const scope = globalThis as DrawerScope;
  const existing = scope[KEY];
  if (existing?.isConnected === true) {
    existing.remove();
    return false;
  }
  open(scope);
  return true;
}

toggle();
