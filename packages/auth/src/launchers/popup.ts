import {AuthError} from '../errors.js';
import type {AuthLauncher} from './launcher.js';
import {AUTH_RESPONSE_MESSAGE, POPUP_NAME, SILENT_FRAME_NAME} from './redirect.js';

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
    kind: 'popup',
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

/**
 * How long a silent sign-in may take in all (discovery, the provider's answer and the redirect URI's page in the
 * frame) before it counts as "the provider does not answer": past this the admin sees the Sign in button.
 */
export const SILENT_SIGN_IN_TIMEOUT_MS = 4_000;

/** How often the silent frame is looked at for a document of this origin holding the answer. */
export const SILENT_FRAME_POLL_MS = 50;

/** Options of {@link createFrameLauncher}. */
export interface FrameLauncherOptions {
  /** How long the whole attempt may take, counted from `launch()`; default {@link SILENT_SIGN_IN_TIMEOUT_MS}. */
  timeoutMs?: number;
}

/**
 * A launcher for silent sign-in (`prompt=none`): the authorization request runs in a hidden frame whose page at the
 * redirect URI posts the answer back, under the same rules as the popup. The answer is also read straight from that
 * page's address as soon as the frame holds it (the document is of this very origin, as a message would have to
 * be), so the admin does not wait for the whole page to start in the frame; the frame is then removed, and its page,
 * being the silent frame, never redeems the answer itself. An attempt that cannot work ends at once, with
 * `AUTH_LOGIN_REQUIRED` (the admin then simply signs in), on the first of these signals:
 * - the page's Content Security Policy refuses the frame: a `securitypolicyviolation` event for a frame of the
 *   provider's origin (the browser reports that violation in the console itself; nothing else is logged);
 * - the frame finished loading a document of another origin: a provider that refuses to be framed
 *   (X-Frame-Options, `frame-ancestors`) leaves the browser's error page there, and a provider that shows a page
 *   instead of answering `prompt=none` wants the admin; either way no answer is coming. The answer itself always
 *   arrives on a page of this origin (the redirect URI), which then posts it;
 * - nothing at all within `timeoutMs` (a provider that never answers, or discovery that hangs).
 * Third-party cookies being blocked and an ended provider session both come back as a `login_required` answer.
 */
export function createFrameLauncher(window: Window, options: FrameLauncherOptions = {}): AuthLauncher {
  const timeoutMs = options.timeoutMs ?? SILENT_SIGN_IN_TIMEOUT_MS;
  return {
    kind: 'frame',
    launch(url, {redirectUri}) {
      requireSameOrigin(window, redirectUri);
      const document = window.document;
      let frame: HTMLIFrameElement | undefined;
      let providerOrigin = '';
      const handleViolation = (event: SecurityPolicyViolationEvent): void => {
        if (isFrameViolation(event, providerOrigin)) {
          answer.settle(new AuthError('AUTH_LOGIN_REQUIRED', {message: "The page's policy blocks silent sign-in."}));
        }
      };
      // `contentDocument` is null exactly when the frame holds a document of another origin; reading it throws
      // nothing and logs nothing, unlike touching a cross-origin window.
      const inspect = (loaded: boolean): void => {
        if (frame === undefined) return;
        const content = frame.contentDocument;
        if (content === null) {
          // Once loaded, a document of another origin is where the frame stays: no answer is coming.
          if (loaded) {
            answer.settle(
              new AuthError('AUTH_LOGIN_REQUIRED', {message: 'The sign-in service did not answer silently.'}),
            );
          }
          return;
        }
        // The redirect URI's page with the provider's answer still in its address (its page removes it soon).
        const url = answerAt(content.URL, redirectUri);
        if (url !== undefined && ['code', 'state', 'error'].some((name) => new URL(url).searchParams.has(name))) {
          answer.settle(url);
        }
      };
      const handleLoad = (): void => {
        inspect(true);
      };
      let poll: ReturnType<Window['setInterval']> | undefined;
      // From the start, not from the frame: a discovery that hangs must not keep the admin waiting either.
      const timer = window.setTimeout(() => {
        answer.settle(new AuthError('AUTH_LOGIN_REQUIRED', {message: 'Silent sign-in got no answer.'}));
      }, timeoutMs);
      const answer = listen(
        window,
        redirectUri,
        () => frame?.contentWindow,
        () => {
          window.clearTimeout(timer);
          window.clearInterval(poll);
          document.removeEventListener('securitypolicyviolation', handleViolation);
          frame?.removeEventListener('load', handleLoad);
          frame?.remove();
        },
      );
      url.then(
        (target) => {
          if (answer.settled()) return;
          if (target === undefined) {
            answer.settle(undefined);
            return;
          }
          providerOrigin = new URL(target).origin;
          frame = document.createElement('iframe');
          frame.name = SILENT_FRAME_NAME;
          frame.hidden = true;
          frame.setAttribute('aria-hidden', 'true');
          frame.tabIndex = -1;
          frame.src = target;
          frame.addEventListener('load', handleLoad);
          document.addEventListener('securitypolicyviolation', handleViolation);
          document.body.append(frame);
          poll = window.setInterval(() => {
            inspect(false);
          }, SILENT_FRAME_POLL_MS);
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
 * Whether a Content Security Policy violation is the refusal of a frame at `origin`. Browsers report a blocked
 * frame's URL as its origin alone or in full, under `frame-src` (or `child-src` / `default-src` it falls back to).
 */
function isFrameViolation(event: SecurityPolicyViolationEvent, origin: string): boolean {
  if (origin === '' || event.disposition !== 'enforce') return false;
  if (!['frame-src', 'child-src', 'default-src'].includes(event.effectiveDirective)) return false;
  try {
    return new URL(event.blockedURI).origin === origin;
  } catch {
    return false;
  }
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
): {
  promise: Promise<string | undefined>;
  settle: (outcome: string | undefined | Error) => void;
  settled: () => boolean;
} {
  let settle: (outcome: string | undefined | Error) => void = () => undefined;
  let done = false;
  const promise = new Promise<string | undefined>((resolve, reject) => {
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
  return {promise, settle, settled: () => done};
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
  return answerAt(url, redirectUri);
}

/** `url` when it is at the redirect URI (its origin and path), else `undefined`. */
function answerAt(url: string, redirectUri: string): string | undefined {
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
