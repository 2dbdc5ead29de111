import {AuthError} from '../errors.js';
import type {AuthLauncher} from '../session.js';
import {AUTH_RESPONSE_MESSAGE, SILENT_FRAME_NAME} from './redirect.js';

/** The name of the sign-in popup; a second sign-in reuses the open one. */
const POPUP_NAME = 'conga-sign-in';

/** Options of {@link createPopupLauncher}. */
export interface PopupLauncherOptions {
  /** How often to check whether the user closed the popup; default 500 ms. */
  pollIntervalMs?: number;
  /** The `window.open()` features; default a 480 × 640 popup. */
  features?: string;
  /** Gives up (and closes the popup) after this long without an answer, with `AUTH_TIMED_OUT`; default never. */
  timeoutMs?: number;
}

/**
 * A launcher that signs in through a popup while the page stays as it is. The popup lands on the redirect URI, whose
 * page posts the answer back (see {@link createBrowserPage}); a closed popup rejects with `AUTH_POPUP_CLOSED`, a
 * blocked one with `AUTH_POPUP_BLOCKED`.
 */
export function createPopupLauncher(window: Window, options: PopupLauncherOptions = {}): AuthLauncher {
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  const features = options.features ?? 'popup,width=480,height=640';
  return {
    launch(url, {redirectUri}) {
      requireSameOrigin(window, redirectUri);
      // Opened now, synchronously inside the click that called signIn(): browsers block popups opened later.
      const popup = window.open('about:blank', POPUP_NAME, features);
      if (popup === null) {
        url.catch(() => undefined);
        return Promise.reject(new AuthError('AUTH_POPUP_BLOCKED'));
      }
      // Closing a window fires nothing the opener can hear, so its `closed` flag is watched.
      const poll = window.setInterval(() => {
        if (popup.closed) answer.settle(new AuthError('AUTH_POPUP_CLOSED'));
      }, pollIntervalMs);
      const timeout =
        options.timeoutMs === undefined
          ? undefined
          : window.setTimeout(() => {
              answer.settle(new AuthError('AUTH_TIMED_OUT'));
            }, options.timeoutMs);
      const answer = listen(
        window,
        redirectUri,
        () => popup,
        () => {
          window.clearInterval(poll);
          window.clearTimeout(timeout);
          popup.close();
        },
      );
      url.then(
        (target) => {
          if (target === undefined) answer.settle(undefined);
          // `replace`: the blank page the popup opened with stays out of its history.
          else if (!popup.closed) popup.location.replace(target);
        },
        (error: unknown) => {
          answer.settle(asError(error));
        },
      );
      return answer.promise;
    },
  };
}

/** Options of {@link createFrameLauncher}. */
export interface FrameLauncherOptions {
  /** How long to wait for the provider's answer before giving up; default 10 s. */
  timeoutMs?: number;
}

/**
 * A launcher for silent sign-in (`prompt=none`): the authorization request runs in a hidden frame whose page at the
 * redirect URI posts the answer back, under the same rules as the popup.
 */
export function createFrameLauncher(window: Window, options: FrameLauncherOptions = {}): AuthLauncher {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    launch(url, {redirectUri}) {
      requireSameOrigin(window, redirectUri);
      let frame: HTMLIFrameElement | undefined;
      let timer: ReturnType<Window['setTimeout']> | undefined;
      const answer = listen(
        window,
        redirectUri,
        () => frame?.contentWindow,
        () => {
          window.clearTimeout(timer);
          frame?.remove();
        },
      );
      url.then(
        (target) => {
          if (target === undefined) {
            answer.settle(undefined);
            return;
          }
          frame = window.document.createElement('iframe');
          frame.name = SILENT_FRAME_NAME;
          frame.hidden = true;
          frame.setAttribute('aria-hidden', 'true');
          frame.tabIndex = -1;
          frame.src = target;
          timer = window.setTimeout(() => {
            answer.settle(new AuthError('AUTH_LOGIN_REQUIRED', {message: 'Silent sign-in got no answer.'}));
          }, timeoutMs);
          window.document.body.append(frame);
        },
        (error: unknown) => {
          answer.settle(asError(error));
        },
      );
      return answer.promise;
    },
  };
}

/**
 * Listens for the answer that the window returned by `source` posts, until `settle` is called with it, with
 * `undefined` (nothing to wait for) or with an error; `cleanup` then runs exactly once.
 */
function listen(
  window: Window,
  redirectUri: string,
  source: () => Window | null | undefined,
  cleanup: () => void,
): {promise: Promise<string | undefined>; settle: (outcome: string | undefined | Error) => void} {
  let settle: (outcome: string | undefined | Error) => void = () => undefined;
  const promise = new Promise<string | undefined>((resolve, reject) => {
    let done = false;
    const handleMessage = (event: MessageEvent): void => {
      const from = source();
      const url = from ? answerOf(event, window, from, redirectUri) : undefined;
      if (url !== undefined) settle(url);
    };
    settle = (outcome) => {
      if (done) return;
      done = true;
      window.removeEventListener('message', handleMessage);
      cleanup();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    window.addEventListener('message', handleMessage);
  });
  return {promise, settle};
}

/**
 * Accepts a message only from this page's own origin, only from the window this launcher opened, and only in the
 * expected shape naming the redirect URI (B2-10). Everything else is ignored, not answered.
 */
function answerOf(event: MessageEvent, window: Window, source: Window, redirectUri: string): string | undefined {
  if (event.origin !== window.location.origin || event.source !== source) return undefined;
  const data: unknown = event.data;
  if (typeof data !== 'object' || data === null) return undefined;
  const {type, url} = data as {type?: unknown; url?: unknown};
  if (type !== AUTH_RESPONSE_MESSAGE || typeof url !== 'string') return undefined;
  let answer: URL;
  try {
    answer = new URL(url);
  } catch {
    return undefined;
  }
  const expected = new URL(redirectUri);
  if (answer.origin !== expected.origin || answer.pathname !== expected.pathname) return undefined;
  return answer.href;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

function requireSameOrigin(window: Window, redirectUri: string): void {
  if (new URL(redirectUri).origin !== window.location.origin) {
    throw new TypeError('"redirectUri" must be on the page\'s own origin for popup and silent sign-in');
  }
}
