import type {AuthLauncher, AuthPage} from '../session.js';

/** The `type` of the message a sign-in popup or frame posts to the page that opened it. */
export const AUTH_RESPONSE_MESSAGE = 'conga:auth-response';

/** The name of the hidden frame of a silent sign-in; the page inside it recognises itself by this name. */
export const SILENT_FRAME_NAME = 'conga-silent-sign-in';

/**
 * A launcher that sends the whole page to the provider; the answer arrives with the next page load, where
 * {@link BrowserAuthSession.handleRedirectCallback} picks it up.
 */
export function createRedirectLauncher(window: Window): AuthLauncher {
  return {
    async launch(url) {
      const target = await url;
      // `assign`, not `replace`: Back from the provider's page returns to the page the admin was on.
      if (target !== undefined) window.location.assign(target);
      return undefined;
    },
  };
}

/**
 * The page at the redirect URI in a browser: its address bar, and the way back to the page that opened it when it
 * was loaded in a sign-in popup or a silent sign-in frame.
 */
export function createBrowserPage(window: Window): AuthPage {
  return {
    get href() {
      return window.location.href;
    },
    replace(url) {
      window.history.replaceState(window.history.state, '', url);
    },
    relay(url) {
      const target = openerOf(window);
      if (target === undefined) return false;
      // An explicit target origin, never '*': the answer goes only to a page of this very origin (B2-10).
      target.postMessage({type: AUTH_RESPONSE_MESSAGE, url}, window.location.origin);
      return true;
    },
  };
}

/** The window that started this sign-in: the opener of a popup, or the parent of the silent frame. */
function openerOf(window: Window): Window | undefined {
  const opener: unknown = window.opener;
  if (opener !== null && opener !== undefined && opener !== window) return opener as Window;
  if (window.name === SILENT_FRAME_NAME && window.parent !== window) return window.parent;
  return undefined;
}
