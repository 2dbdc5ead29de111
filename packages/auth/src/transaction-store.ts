/**
 * The part of `sessionStorage` that sign-in transactions need; methods may also return promises, so an asynchronous
 * store (the extension's `storage.session`) fits too.
 */
export interface TransactionStorage {
  getItem(key: string): string | null | Promise<string | null>;
  setItem(key: string, value: string): void | Promise<void>;
  removeItem(key: string): void | Promise<void>;
  /** With `length`, lets abandoned transactions be pruned. */
  key?(index: number): string | null;
  readonly length?: number;
}

/**
 * How a sign-in attempt was launched: the whole page went to the provider (`redirect`), a popup did (`popup`), or the
 * hidden frame of a silent sign-in did (`frame`). The page at the redirect URI reads it to decide whether the answer
 * is its own to redeem or belongs to the window that opened or framed it.
 */
export type LauncherKind = 'redirect' | 'popup' | 'frame';

const LAUNCHER_KINDS: ReadonlySet<unknown> = new Set<LauncherKind>(['redirect', 'popup', 'frame']);

/** One sign-in attempt's secrets: what the callback needs to be checked and redeemed. Never holds a token. */
export interface AuthTransaction {
  /** The `state` sent with the authorization request; the storage key. */
  readonly state: string;
  /** The PKCE code verifier (RFC 7636). */
  readonly verifier: string;
  /** The OpenID Connect `nonce` the ID token must carry. */
  readonly nonce: string;
  /** The issuer this attempt was started at: a callback is only ever redeemed there (mix-up defence, B2-05). */
  readonly issuer: string;
  /** The redirect URI sent with the authorization request, sent again to the token endpoint. */
  readonly redirectUri: string;
  /** The validated same-origin path to restore after a full-page redirect. */
  readonly returnTo?: string;
  /** How the attempt was launched, when the launcher says so. */
  readonly launcher?: LauncherKind;
  /** Milliseconds since the epoch when the attempt started. */
  readonly createdAt: number;
  /**
   * The provider metadata (discovery's document, as checked then) the attempt was started with. The page the
   * provider sends back to redeems the code at that token endpoint without asking discovery again, a round trip off
   * every full-page sign-in (issue 18). It holds endpoint addresses only, nothing secret; the flow checks it again.
   */
  readonly provider?: Readonly<Record<string, unknown>>;
}

/** A transaction older than this is refused: "Sign-in was interrupted. Try again." (C1-09). */
export const TRANSACTION_LIFETIME_MS = 10 * 60 * 1000;

const KEY_PREFIX = 'conga:auth-transaction:';

/** Keeps sign-in transactions keyed by `state`, each used at most once and only within its lifetime. */
export class TransactionStore {
  readonly #storage: TransactionStorage;
  readonly #now: () => number;

  constructor(storage: TransactionStorage, now: () => number) {
    this.#storage = storage;
    this.#now = now;
  }

  /** Stores a new transaction, after dropping any expired ones the storage can list. */
  async save(transaction: AuthTransaction): Promise<void> {
    await this.#prune();
    await this.#storage.setItem(KEY_PREFIX + transaction.state, JSON.stringify(transaction));
  }

  /**
   * Removes and returns the transaction for `state`: a state is single-use, so a replayed callback finds nothing
   * (B2-02). Resolves `undefined` when there is none; `'expired'` when it outlived {@link TRANSACTION_LIFETIME_MS}.
   */
  async take(state: string): Promise<AuthTransaction | 'expired' | undefined> {
    const key = KEY_PREFIX + state;
    const stored = await this.#storage.getItem(key);
    if (stored === null) return undefined;
    await this.#storage.removeItem(key);
    const transaction = parseTransaction(stored);
    if (transaction?.state !== state) return undefined;
    return this.#isExpired(transaction) ? 'expired' : transaction;
  }

  /**
   * How the unexpired transaction for `state` was launched, without using it up: `undefined` when this store has no
   * such transaction (another window's store may hold it) or it does not say.
   */
  async launcherOf(state: string): Promise<LauncherKind | undefined> {
    const stored = await this.#storage.getItem(KEY_PREFIX + state);
    const transaction = stored === null ? undefined : parseTransaction(stored);
    if (transaction?.state !== state || this.#isExpired(transaction)) return undefined;
    return transaction.launcher;
  }

  /** Forgets the transaction for `state`, e.g. when its popup was closed. */
  async remove(state: string): Promise<void> {
    await this.#storage.removeItem(KEY_PREFIX + state);
  }

  #isExpired(transaction: AuthTransaction): boolean {
    const age = this.#now() - transaction.createdAt;
    return age < 0 || age > TRANSACTION_LIFETIME_MS;
  }

  async #prune(): Promise<void> {
    const storage = this.#storage;
    if (typeof storage.key !== 'function' || typeof storage.length !== 'number') return;
    const stale: string[] = [];
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index);
      if (key?.startsWith(KEY_PREFIX) !== true) continue;
      const stored = await storage.getItem(key);
      const transaction = stored === null ? undefined : parseTransaction(stored);
      if (transaction === undefined || this.#isExpired(transaction)) stale.push(key);
    }
    for (const key of stale) await storage.removeItem(key);
  }
}

function parseTransaction(stored: string): AuthTransaction | undefined {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const strings = ['state', 'verifier', 'nonce', 'issuer', 'redirectUri'] as const;
  if (!strings.every((name) => typeof record[name] === 'string') || typeof record.createdAt !== 'number') {
    return undefined;
  }
  if (record.returnTo !== undefined && typeof record.returnTo !== 'string') return undefined;
  if (record.launcher !== undefined && !LAUNCHER_KINDS.has(record.launcher)) return undefined;
  if (record.provider !== undefined && (typeof record.provider !== 'object' || record.provider === null)) {
    return undefined;
  }
  return value as AuthTransaction;
}

/** An in-memory {@link TransactionStorage}, for runtimes without `sessionStorage` (Node, workers, tests). */
export function createMemoryStorage(): {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  key(index: number): string | null;
  readonly length: number;
} {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      items.set(key, value);
    },
    removeItem(key) {
      items.delete(key);
    },
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/**
 * Returns `returnTo` as a same-origin path when it is one, else `undefined`: only paths that start with a single `/`
 * are kept, so a sign-in can never end on another site (open redirect, RFC 9700 §4.11; B2-09).
 */
export function safeReturnTo(returnTo: string | undefined, origin: string): string | undefined {
  if (returnTo === undefined || !returnTo.startsWith('/') || returnTo.startsWith('//')) return undefined;
  // Backslashes, whitespace and control characters are read as '/' or dropped by some URL parsers.
  if (/[\\\s\p{Cc}\p{Cf}]/u.test(returnTo)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(returnTo);
  } catch {
    return undefined;
  }
  // An encoded '//' or '/\' turns into a host as soon as something decodes the path once.
  if (/^\/[/\\]/.test(decoded) || /[\\\p{Cc}\p{Cf}]/u.test(decoded)) return undefined;
  let url: URL;
  try {
    url = new URL(returnTo, origin);
  } catch {
    return undefined;
  }
  if (url.origin !== origin) return undefined;
  return url.pathname + url.search + url.hash;
}
