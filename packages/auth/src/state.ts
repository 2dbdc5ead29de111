import type {AuthError} from './errors.js';

/** The signed-in user, from the ID token's claims. */
export interface AuthUser {
  sub: string;
  name?: string;
  email?: string;
}

/** Why a session is signed out, when it was signed in before. */
export type SignedOutReason = 'expired' | 'signed-out' | 'renewal-failed';

/** A snapshot of a session, frozen and replaced on every change. */
export type AuthState =
  | {status: 'signed-out'; reason?: SignedOutReason}
  | {status: 'signing-in'}
  | {
      status: 'signed-in';
      user: AuthUser;
      /** Access token expiry, in milliseconds since the epoch (by the session's clock). */
      expiresAt: number;
      scopes: string[];
    }
  | {status: 'error'; error: AuthError};

/** Options of {@link AuthSession.getAccessToken}. */
export interface GetAccessTokenOptions {
  /** Renew even though the token looks valid: the API answered 401 to it. */
  forceRefresh?: boolean;
  /** The token the API rejected; when it is no longer the current token, the current one is returned without renewing. */
  rejectedToken?: string;
  /** Stops this caller's wait; a renewal that other callers share goes on. */
  signal?: AbortSignal;
}

/**
 * The one interface every sign-in mode implements (host page, extension, or a host app's own session).
 *
 * The 401 contract: a caller asks `getAccessToken()` before each request; on a 401 it asks
 * `getAccessToken({forceRefresh: true, rejectedToken})` once and replays once. When that rejects with
 * `AUTH_RENEWAL_FAILED`, the session is signed out and the caller keeps its work until the user signs in again.
 */
export interface AuthSession {
  /** The current snapshot. */
  readonly state: AuthState;
  /** Calls `listener` with each new state (not with the current one); returns the unsubscribe function. */
  subscribe(listener: (state: AuthState) => void): () => void;
  /** Signs the user in; `returnTo` is the same-origin path to come back to after a full-page redirect. */
  signIn(options?: {returnTo?: string}): Promise<void>;
  /** Forgets the tokens and ends the provider's session. */
  signOut(): Promise<void>;
  /** Resolves with a valid access token, renewing it first when needed. */
  getAccessToken(options?: GetAccessTokenOptions): Promise<string>;
}

/** Holds a session's state and tells its listeners; shared by every implementation in this package. */
export class AuthStateEmitter {
  #state: AuthState;
  readonly #listeners = new Set<(state: AuthState) => void>();

  constructor(initial: AuthState) {
    this.#state = freeze(initial);
  }

  /** The current snapshot. */
  get state(): AuthState {
    return this.#state;
  }

  /** Replaces the snapshot and tells every listener; one listener's exception does not stop the others. */
  set(state: AuthState): void {
    this.#state = freeze(state);
    for (const listener of [...this.#listeners]) {
      try {
        listener(this.#state);
      } catch (error) {
        console.error(error);
      }
    }
  }

  /** Adds a listener; returns the function that removes it. */
  subscribe(listener: (state: AuthState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Removes every listener. */
  clear(): void {
    this.#listeners.clear();
  }
}

function freeze(state: AuthState): AuthState {
  const copy = {...state};
  if (copy.status === 'signed-in') {
    copy.user = {...copy.user};
    copy.scopes = [...copy.scopes];
    Object.freeze(copy.user);
    Object.freeze(copy.scopes);
  }
  Object.freeze(copy);
  return copy;
}
