import {AuthError, isAuthError} from './errors.js';
import {createFrameLauncher, createPopupLauncher} from './launchers/popup.js';
import {createBrowserPage, createRedirectLauncher} from './launchers/redirect.js';
import {PkceFlow, type TokenSet} from './pkce-flow.js';
import {AuthStateEmitter, type AuthSession, type AuthState, type GetAccessTokenOptions} from './state.js';
import type {AuthLauncher, AuthPage} from './launchers/launcher.js';
import {createMemoryStorage, type TransactionStorage} from './transaction-store.js';

export type {AuthLauncher, AuthPage};

/** How a host page signs in: the whole page goes to the provider and back, or a popup does. */
export type LoginMode = 'redirect' | 'popup';

/** Options of {@link BrowserAuthSession}. */
export interface BrowserAuthSessionOptions {
  /** The provider's issuer identifier, e.g. `https://login-rls.congacloud.com/api/v1/auth`. */
  issuer: string;
  /** The UI-to-API connection's Client ID. */
  clientId: string;
  /** A redirect URI registered on the connection, on this page's origin. */
  redirectUri: string;
  /** Space-separated scopes; default {@link DEFAULT_SCOPE}. */
  scope?: string;
  /** Default `redirect`. */
  loginMode?: LoginMode;
  /** Where the provider sends the browser after sign-out; default the redirect URI. */
  postLogoutRedirectUri?: string;
  /** Called as a plain function; default `globalThis.fetch`. */
  fetch?: typeof fetch;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
  /** Where sign-ins in progress keep their transaction (never tokens); default `sessionStorage`. */
  transactionStore?: TransactionStorage;
  /** Performs interactive sign-in and sign-out; default from `loginMode`. */
  launcher?: AuthLauncher;
  /** Performs {@link BrowserAuthSession.trySilentSignIn}; default a hidden frame. */
  silentLauncher?: AuthLauncher;
  /** Used by `signIn({loginMode: 'redirect'})` and when a sign-out popup is blocked; default a page redirect. */
  redirectLauncher?: AuthLauncher;
  /** The page the redirect callback arrives at; default the current browser page. */
  page?: AuthPage;
  /** Renew an access token this many seconds before it expires; default 60. */
  refreshMarginSeconds?: number;
}

/** Options of {@link BrowserAuthSession.signIn}. */
export interface SignInOptions {
  /** The same-origin path to come back to after a full-page redirect; anything else is ignored (B2-09). */
  returnTo?: string;
  /** Overrides the configured mode, e.g. `redirect` after `AUTH_POPUP_BLOCKED`. */
  loginMode?: LoginMode;
}

/** A token that a forced renewal produced this recently and that is rejected again won't be helped by renewing. */
const RENEWED_TOKEN_GRACE_MS = 60_000;

/** Parameters the provider appends to the redirect URI; none of them stays in the address bar (B2-08). */
const CALLBACK_PARAMETERS = ['code', 'state', 'iss', 'session_state', 'error', 'error_description', 'error_uri'];

/**
 * Signs an admin in on a host page with the authorization code flow and PKCE (oauth4webapi), keeps the tokens in
 * memory only, renews them before they expire and signs out at the provider.
 *
 * @example
 * ```ts
 * const session = new BrowserAuthSession({issuer, clientId, redirectUri: `${location.origin}/`});
 * if (!(await session.handleRedirectCallback())) await session.trySilentSignIn();
 * session.subscribe((state) => render(state));
 * ```
 */
export class BrowserAuthSession implements AuthSession {
  readonly #flow: PkceFlow;
  readonly #emitter: AuthStateEmitter;
  readonly #now: () => number;
  readonly #marginMs: number;
  readonly #postLogoutRedirectUri: string;
  readonly #launcher: AuthLauncher | undefined;
  readonly #redirectLauncher: AuthLauncher | undefined;
  readonly #silentLauncher: AuthLauncher | undefined;
  readonly #page: AuthPage | undefined;
  /** The tokens: in this private field only, never in storage, URLs, state snapshots or errors. */
  #tokens: TokenSet | undefined;
  /** The one renewal in flight; every caller that needs a token meanwhile waits for it (C1-04). */
  #renewal: Promise<TokenSet> | undefined;
  /** When the current token came from a forced renewal (after a 401), by the session's clock. */
  #forcedAt: number | undefined;
  #signIn: Promise<void> | undefined;
  /** Bumped by sign-out: a renewal or sign-in that finishes afterwards must not bring tokens back. */
  #generation = 0;

  constructor(options: BrowserAuthSessionOptions) {
    const browser = typeof window === 'undefined' ? undefined : window;
    this.#now = options.now ?? Date.now;
    this.#flow = new PkceFlow({
      issuer: options.issuer,
      clientId: options.clientId,
      redirectUri: options.redirectUri,
      ...(options.scope === undefined ? {} : {scope: options.scope}),
      ...(options.fetch === undefined ? {} : {fetch: options.fetch}),
      now: this.#now,
      transactionStorage: options.transactionStore ?? sessionStorageOf(browser) ?? createMemoryStorage(),
    });
    const margin = options.refreshMarginSeconds ?? 60;
    if (!Number.isFinite(margin) || margin < 0) throw new RangeError('"refreshMarginSeconds" must be 0 or more');
    this.#marginMs = margin * 1000;
    this.#postLogoutRedirectUri = options.postLogoutRedirectUri ?? options.redirectUri;
    this.#redirectLauncher = options.redirectLauncher ?? (browser && createRedirectLauncher(browser));
    this.#launcher =
      options.launcher ??
      (options.loginMode === 'popup' ? browser && createPopupLauncher(browser) : this.#redirectLauncher);
    this.#silentLauncher = options.silentLauncher ?? (browser && createFrameLauncher(browser));
    this.#page = options.page ?? (browser && createBrowserPage(browser));
    // Plain http is refused away from loopback before anything is sent (B2-12).
    this.#emitter = new AuthStateEmitter(
      this.#flow.insecureIssuer
        ? {status: 'error', error: new AuthError('AUTH_INSECURE_ISSUER')}
        : {status: 'signed-out'},
    );
  }

  /** The current snapshot. */
  get state(): AuthState {
    return this.#emitter.state;
  }

  /** The configured issuer. */
  get issuer(): string {
    return this.#flow.issuer;
  }

  /** Calls `listener` with each new state; returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void {
    return this.#emitter.subscribe(listener);
  }

  /**
   * Signs the user in through the configured launcher. In popup mode it resolves once signed in; in redirect mode
   * the page leaves and {@link handleRedirectCallback} finishes on return.
   */
  signIn(options: SignInOptions = {}): Promise<void> {
    if (this.#signIn !== undefined) return this.#signIn;
    const launcher = options.loginMode === 'redirect' ? this.#redirectLauncher : this.#launcher;
    if (launcher === undefined) return Promise.reject(new TypeError('"launcher" is required outside a browser'));
    this.#emitter.set({status: 'signing-in'});
    const started = this.#flow.start({
      ...(options.returnTo === undefined ? {} : {returnTo: options.returnTo}),
      ...(launcher.kind === undefined ? {} : {launcher: launcher.kind}),
    });
    // Launched synchronously, within the caller's user activation, so a popup isn't blocked.
    const answer = launch(
      launcher,
      started.then(({url}) => url),
      this.#flow.redirectUri,
    );
    const signIn = this.#finishSignIn(started, answer).finally(() => {
      this.#signIn = undefined;
    });
    this.#signIn = signIn;
    return signIn;
  }

  /**
   * Finishes a full-page sign-in on the page at the redirect URI: removes the answer from the address bar first,
   * then redeems it and restores the page the admin started from. Resolves false when `url` is not an answer.
   */
  async handleRedirectCallback(url?: string): Promise<boolean> {
    const page = this.#page;
    const href = url ?? page?.href;
    if (href === undefined) return false;
    const callback = parseCallback(href, this.#flow.redirectUri);
    if (callback === undefined) return false;
    const onPage = page?.href === href ? page : undefined;
    // Before anything else: the code, state and iss leave the address bar and the history entry (B2-08).
    onPage?.replace(withoutCallbackParameters(callback));
    // A return from the end-session endpoint carries only `state`: there is nothing to redeem.
    const answer = callback.searchParams.has('code') || callback.searchParams.has('error');
    const previous = this.state;
    // Signing in from now on: whoever shows this session renders that at once, not a sign-in button first (issue 18).
    if (answer) this.#emitter.set({status: 'signing-in'});
    const signingIn = this.state;
    // In a popup or silent frame, the page that opened it finishes the sign-in; the answer to a redirect sign-in
    // is this page's own, even when another window opened this one.
    if (onPage?.relay(href, await this.#flow.launcherOf(href)) === true) {
      if (this.state === signingIn) this.#emitter.set(previous);
      return true;
    }
    if (!answer) return true;
    const returnTo = await this.#complete(href);
    if (returnTo !== undefined) onPage?.replace(returnTo);
    return true;
  }

  /**
   * Tries to sign in without any user interaction (`prompt=none` in a hidden frame), which works while the
   * provider's session lives: after a reload, or in a second tab. Resolves false when the user has to sign in;
   * any other failure is reported through `state`.
   */
  async trySilentSignIn(): Promise<boolean> {
    const launcher = this.#silentLauncher;
    if (launcher === undefined || this.#signIn !== undefined) return false;
    const generation = this.#generation;
    const previous = this.state;
    this.#emitter.set({status: 'signing-in'});
    const started = this.#flow.start({
      prompt: 'none',
      ...(launcher.kind === undefined ? {} : {launcher: launcher.kind}),
    });
    try {
      const answer = await launch(
        launcher,
        started.then(({url}) => url),
        this.#flow.redirectUri,
      );
      if (answer === undefined) throw new AuthError('AUTH_LOGIN_REQUIRED');
      const {tokens, profile} = await this.#flow.complete(answer);
      if (generation !== this.#generation) return false;
      this.#take(tokens, false);
      this.#whenProfiled(tokens, profile);
      return true;
    } catch (error) {
      this.#abandon(started);
      if (generation !== this.#generation) return false;
      if (isAuthError(error, 'AUTH_LOGIN_REQUIRED')) this.#emitter.set(previous);
      else this.#fail(error);
      return false;
    }
  }

  /**
   * Forgets the tokens at once, then ends the provider's session through the launcher (the end-session endpoint
   * with `client_id` and `post_logout_redirect_uri`, never a token), so the next sign-in asks for the password.
   */
  async signOut(): Promise<void> {
    this.#forget();
    this.#emitter.set({status: 'signed-out', reason: 'signed-out'});
    const launcher = this.#launcher;
    if (launcher === undefined) return;
    const endSession = (): Promise<string | undefined> =>
      this.#flow.endSession({postLogoutRedirectUri: this.#postLogoutRedirectUri});
    try {
      await launch(launcher, endSession(), this.#flow.redirectUri);
    } catch (error) {
      if (isAuthError(error, 'AUTH_POPUP_CLOSED')) return;
      if (isAuthError(error, 'AUTH_POPUP_BLOCKED') && this.#redirectLauncher !== undefined) {
        await launch(this.#redirectLauncher, endSession(), this.#flow.redirectUri);
        return;
      }
      throw error;
    }
  }

  /**
   * Resolves a valid access token. It renews first when the token is within the refresh margin of its expiry
   * (C1-03), or when `forceRefresh` reports that the API rejected the current token. One renewal at a time serves
   * every waiting caller (C1-04, B6-06); a failed renewal signs out and rejects with `AUTH_RENEWAL_FAILED` (C1-02).
   */
  async getAccessToken(options: GetAccessTokenOptions = {}): Promise<string> {
    const {forceRefresh = false, rejectedToken, signal} = options;
    signal?.throwIfAborted();
    const joined = this.#renewal;
    const tokens = joined === undefined ? this.#tokens : await abortable(joined, signal);
    if (tokens === undefined) throw new AuthError('AUTH_SIGNED_OUT');
    if (forceRefresh) {
      // Someone renewed since the caller got its token: the replay uses the new one, no second renewal (C1-04).
      if (rejectedToken === undefined ? joined !== undefined : rejectedToken !== tokens.accessToken) {
        return tokens.accessToken;
      }
      // A token that a forced renewal has just produced is rejected too: renewing again would loop (C1-05).
      if (this.#forcedAt !== undefined && this.#now() - this.#forcedAt < RENEWED_TOKEN_GRACE_MS) {
        this.#expire('renewal-failed');
        throw new AuthError('AUTH_RENEWAL_FAILED');
      }
      return (await abortable(this.#renew(true), signal)).accessToken;
    }
    if (tokens.expiresAt - this.#marginMs > this.#now()) return tokens.accessToken;
    return (await abortable(this.#renew(false), signal)).accessToken;
  }

  /** Forgets the tokens and listeners without contacting the provider, e.g. when the issuer changes (B6-05). */
  dispose(): void {
    this.#forget();
    this.#emitter.clear();
  }

  async #finishSignIn(
    started: Promise<{url: string; state: string}>,
    answer: Promise<string | undefined>,
  ): Promise<void> {
    let callbackUrl: string | undefined;
    try {
      callbackUrl = await answer;
    } catch (error) {
      this.#abandon(started);
      this.#fail(error);
      throw error;
    }
    // Redirect mode: the page is leaving; the callback finishes the sign-in on the next load.
    if (callbackUrl !== undefined) await this.#complete(callbackUrl);
  }

  /** Redeems a callback and takes its tokens; resolves the return-to path of a full-page sign-in. */
  async #complete(callbackUrl: string): Promise<string | undefined> {
    const generation = this.#generation;
    if (this.state.status !== 'signing-in') this.#emitter.set({status: 'signing-in'});
    try {
      const {tokens, returnTo, profile} = await this.#flow.complete(callbackUrl);
      if (generation !== this.#generation) throw new AuthError('AUTH_INTERRUPTED');
      this.#take(tokens, false);
      this.#whenProfiled(tokens, profile);
      return returnTo;
    } catch (error) {
      this.#fail(error);
      throw error;
    }
  }

  /** Forgets the transaction of an attempt that will not complete (popup closed, frame timed out, login needed). */
  #abandon(started: Promise<{state: string}>): void {
    started.then(({state}) => this.#flow.cancel(state)).catch(() => undefined);
  }

  #renew(forced: boolean): Promise<TokenSet> {
    if (this.#renewal !== undefined) return this.#renewal;
    const renewal = this.#runRenewal(forced).finally(() => {
      if (this.#renewal === renewal) this.#renewal = undefined;
    });
    this.#renewal = renewal;
    return renewal;
  }

  async #runRenewal(forced: boolean): Promise<TokenSet> {
    const generation = this.#generation;
    const current = this.#tokens;
    if (current === undefined) throw new AuthError('AUTH_SIGNED_OUT');
    if (current.refreshToken === undefined) {
      // Nothing to renew with: the token serves until it expires, then the user signs in again.
      if (!forced && current.expiresAt > this.#now()) return current;
      this.#expire('expired');
      throw new AuthError('AUTH_RENEWAL_FAILED');
    }
    try {
      const tokens = await this.#flow.refresh(current);
      if (generation !== this.#generation) throw new AuthError('AUTH_SIGNED_OUT');
      this.#take(tokens, forced);
      return tokens;
    } catch (error) {
      // An unreachable service says nothing about the refresh token; anything else means it is spent (C1-02).
      if (generation === this.#generation && !isAuthError(error, 'AUTH_NETWORK_ERROR')) {
        this.#expire('renewal-failed');
        throw isAuthError(error, 'AUTH_RENEWAL_FAILED') ? error : new AuthError('AUTH_RENEWAL_FAILED', {cause: error});
      }
      throw error;
    }
  }

  #take(tokens: TokenSet, forced: boolean): void {
    this.#tokens = tokens;
    this.#forcedAt = forced ? this.#now() : undefined;
    this.#emitter.set({status: 'signed-in', user: tokens.user, expiresAt: tokens.expiresAt, scopes: tokens.scopes});
  }

  /**
   * Signed in as soon as the tokens are in, so the element's first API call goes out at once; the user's name and
   * e-mail (userinfo) are asked for in a task of their own, after that call has gone out, and follow as a second
   * signed-in state, for the set they were asked for only: a renewal or a sign-out in the meantime wins.
   */
  #whenProfiled(tokens: TokenSet, profile: (() => Promise<TokenSet>) | undefined): void {
    if (profile === undefined) return;
    const take = (profiled: TokenSet): void => {
      if (this.#tokens !== tokens || profiled === tokens) return;
      this.#tokens = profiled;
      const {user, expiresAt, scopes} = profiled;
      this.#emitter.set({status: 'signed-in', user, expiresAt, scopes});
    };
    setTimeout(() => {
      if (this.#tokens === tokens) void profile().then(take);
    });
  }

  #forget(): void {
    this.#tokens = undefined;
    this.#forcedAt = undefined;
    this.#renewal = undefined;
    this.#generation++;
  }

  #expire(reason: 'expired' | 'renewal-failed'): void {
    this.#forget();
    this.#emitter.set({status: 'signed-out', reason});
  }

  /** Reports a failed sign-in; a session that still holds tokens stays signed in. */
  #fail(error: unknown): void {
    if (this.#tokens !== undefined) {
      const tokens = this.#tokens;
      this.#emitter.set({status: 'signed-in', user: tokens.user, expiresAt: tokens.expiresAt, scopes: tokens.scopes});
      return;
    }
    const authError = error instanceof AuthError ? error : new AuthError('AUTH_INTERRUPTED', {cause: error});
    this.#emitter.set({status: 'error', error: authError});
  }
}

/** Calls a launcher, turning a synchronous throw into a rejection. */
function launch(
  launcher: AuthLauncher,
  url: Promise<string | undefined>,
  redirectUri: string,
): Promise<string | undefined> {
  try {
    return launcher.launch(url, {redirectUri});
  } catch (error) {
    url.catch(() => undefined);
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** Waits for `promise`, unless `signal` aborts first; the work behind `promise` goes on for other callers. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise<T>((resolve, reject) => {
    const handleAbort = (): void => {
      reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
    };
    signal.addEventListener('abort', handleAbort, {once: true});
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', handleAbort);
    });
  });
}

/** The URL when it is an answer from the provider at the redirect URI, else `undefined`. */
function parseCallback(href: string, redirectUri: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  const expected = new URL(redirectUri);
  if (url.origin !== expected.origin || url.pathname !== expected.pathname) return undefined;
  const answer = ['code', 'state', 'error'].some((name) => url.searchParams.has(name));
  return answer ? url : undefined;
}

function withoutCallbackParameters(url: URL): string {
  const clean = new URL(url.href);
  for (const name of CALLBACK_PARAMETERS) clean.searchParams.delete(name);
  // A fragment carrying tokens (an implicit response) never stays on screen either (B2-07).
  if (/(?:^|[#&])(?:access_token|id_token|token)=/.test(clean.hash)) clean.hash = '';
  return clean.href;
}

function sessionStorageOf(browser: Window | undefined): TransactionStorage | undefined {
  try {
    return browser?.sessionStorage;
  } catch {
    // Storage can be disabled (sandboxed frames, privacy settings): the memory store still allows popup sign-in.
    return undefined;
  }
}
