import type {AuthLauncher, AuthPage} from './launcher.js';
import type {LauncherKind} from '../transaction-store.js';

/** The `type` of the message a sign-in popup or frame posts to the page that opened it. */
export const AUTH_RESPONSE_MESSAGE = 'conga:auth-response';

/** The name of the hidden frame of a silent sign-in; the page inside it recognises itself by this name. */
export const SILENT_FRAME_NAME = 'conga-silent-sign-in';

/** The name of the sign-in popup; a second sign-in reuses the open one, and the page in it recognises itself by it. */
export const POPUP_NAME = 'conga-sign-in';

/**
 * A launcher that sends the whole page to the provider; the answer arrives with the next page load, where
 * {@link BrowserAuthSession.handleRedirectCallback} picks it up.
 */
export function createRedirectLauncher(window: Window): AuthLauncher {
  return {
    kind: 'redirect',
    async launch(url) {
      const target = await url;
      // `assign`, not `replace`: Back from the provider's page returns to the page the admin was on.
      if (target !== undefined) window.location.assign(target);
      return undefined;
    },
  };
}

/** How a window relates to another one: absent, of this page's origin, or of another origin. */
export type WindowRelation = 'none' | 'same-origin' | 'other-origin';

/** What the page at the redirect URI knows when an answer lands on it; see {@link relayTarget}. */
export interface RelayFacts {
  /** How the attempt that the answer's state names was launched, when this page's transaction store knows it. */
  startedBy: LauncherKind | undefined;
  /** `window.name`: the popup and the silent frame are opened under names of their own. */
  name: string;
  /** `window.opener`. */
  opener: WindowRelation;
  /** `window.parent`, when it is another window. */
  parent: WindowRelation;
}

/**
 * Where the answer on this page goes: to the `opener` (this page is the sign-in popup), to the `parent` (the silent
 * frame), or nowhere (`undefined`: this page redeems it itself). Only a window of this very origin is ever relayed
 * to, and only when this page is the popup or frame of a sign-in (by its window name, or by the launcher the stored
 * attempt names). A redirect attempt is always this page's own, whatever opened or frames the page: a portal opened
 * by `window.open` (same- or cross-origin) signs in in place instead of posting its answer away.
 */
export function relayTarget(facts: RelayFacts): 'opener' | 'parent' | undefined {
  if (facts.startedBy === 'redirect') return undefined;
  if (facts.parent === 'same-origin' && (facts.name === SILENT_FRAME_NAME || facts.startedBy === 'frame')) {
    return 'parent';
  }
  if (facts.opener === 'same-origin' && (facts.name === POPUP_NAME || facts.startedBy === 'popup')) return 'opener';
  return undefined;
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
    relay(url, startedBy) {
      const parent = window.parent === window ? undefined : window.parent;
      const opener = (window.opener ?? undefined) as Window | undefined;
      const target = relayTarget({
        startedBy,
        name: window.name,
        opener: relationTo(window, opener),
        parent: relationTo(window, parent),
      });
      const to = target === 'opener' ? opener : target === 'parent' ? parent : undefined;
      if (to === undefined) return false;
      // An explicit target origin, never '*': the answer goes only to a page of this very origin (B2-10).
      to.postMessage({type: AUTH_RESPONSE_MESSAGE, url}, window.location.origin);
      return true;
    },
  };
}

/**
 * Whether `other` is a window of this page's origin. Reading a cross-origin window's location throws a
 * SecurityError (caught: the browser logs nothing for it), which is exactly the "other origin" answer.
 */
function relationTo(window: Window, other: Window | undefined): WindowRelation {
  if (other === undefined || other === window) return 'none';
  try {
    return other.location.origin === window.location.origin ? 'same-origin' : 'other-origin';
  } catch {
    return 'other-origin';
  }
}
