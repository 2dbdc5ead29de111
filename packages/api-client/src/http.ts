/**
 * The one place that talks to the network: builds same-origin URLs, attaches the bearer token, applies the
 * timeout, the 401 replay and the retry policy, and unwraps the platform's envelope.
 */
import {ApiError, NetworkError, ResponseShapeError, type ApiErrorCode} from './errors.js';
import {parseJson, readEnvelope, readMessages, type Envelope} from './parse.js';

/** The api-client's own limits, read by its tests (kept local so the package has no dependencies). */
export const API_CLIENT_LIMITS = {
  /** Per attempt, from sending the request to reading the whole body (C3-02). */
  requestTimeoutMs: 30_000,
  /** Attempts per read in total, the first one included (C2-06, C2-07). */
  retryCap: 3,
  /** A `Retry-After` longer than this is not waited out automatically; the error carries it instead. */
  maxRetryAfterMs: 60_000,
  /** Backoff without `Retry-After`: the first delay and the ceiling, before jitter. */
  backoffBaseMs: 500,
  backoffMaxMs: 8_000,
  /** The largest `pageSize` the client sends (A6-02). */
  maxPageSize: 500,
} as const;

/** Why a request is being retried, as `onRetry` reports it. */
export type RetryReason = 'rate-limited' | 'server-error' | 'network';

/** What `onRetry` receives before each wait: the number of the attempt about to be made, and the delay before it. */
export interface RetryInfo {
  attempt: number;
  delayMs: number;
  reason: RetryReason;
}

/** The token callback, as the auth session provides it. */
export type GetAccessToken = (options?: {
  forceRefresh?: boolean;
  rejectedToken?: string;
  signal?: AbortSignal;
}) => Promise<string>;

/**
 * Which failures a request may retry on its own:
 * - `idempotent` (GET): 429, 500, 502, 503, 504 and network failures, up to the retry cap (C2-06, C2-07);
 * - `rate-limit-once` (PUT): a single retry, and only after a 429 that says when (`Retry-After`) (C2-06);
 * - `never` (POST): a create whose response was lost must not be sent twice (C4-03).
 * The single replay after a 401 (C1-01) applies to all three, because a 401 means nothing was done.
 */
export type RetryPolicy = 'idempotent' | 'rate-limit-once' | 'never';

/** The resolved settings of one client. */
export interface HttpConfig {
  baseUrl: URL;
  getAccessToken: GetAccessToken;
  fetch: typeof globalThis.fetch;
  userId?: string;
  timeoutMs: number;
  maxAttempts: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  now: () => number;
  isOnline: () => boolean;
  onRetry?: (info: RetryInfo) => void;
}

/** One call, as a resource module describes it. */
export interface HttpRequest<T> {
  method: 'GET' | 'POST' | 'PUT';
  /** Starts with `/`; every variable part already went through `encodeURIComponent`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  retry: RetryPolicy;
  /** Checks the unwrapped envelope (headers at hand for `ETag`); throws `ResponseShapeError` on a mismatch. */
  parse: (envelope: Envelope, response: Response) => T;
  signal?: AbortSignal;
  ifMatch?: string;
}

/** Sends requests for one client. */
export interface Http {
  request<T>(request: HttpRequest<T>): Promise<T>;
}

const RETRYABLE_READ_STATUSES = new Set([429, 500, 502, 503, 504]);

interface Exchange {
  response: Response;
  body: unknown;
}

/** Rejects with the signal's reason as soon as it aborts, even if `promise` ignores the signal (a stuck fetch or token source). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    // The loser's own rejection (often the same abort) must not surface as an unhandled rejection.
    promise.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, {once: true});
    void promise
      .finally(() => {
        signal.removeEventListener('abort', onAbort);
      })
      .then(resolve, reject);
  });
}

/** Waits `ms`, or rejects with the signal's reason when it aborts first. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, {once: true});
  });
}

/** Reads `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Reads the `scope` a 403 names in `WWW-Authenticate: Bearer error="insufficient_scope", scope="…"` (RFC 6750 §3). */
function parseMissingScope(header: string | null): string | undefined {
  if (header === null || !/insufficient_scope/i.test(header)) return undefined;
  const match = /\bscope="([^"]*)"/i.exec(header);
  const scope = match?.[1];
  return scope === '' ? undefined : scope;
}

/** The `ApiError` code of an HTTP error status (other 4xx read as a bad request, any 5xx as a server error). */
export function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 400:
      return 'API_BAD_REQUEST';
    case 401:
      return 'API_UNAUTHORIZED';
    case 403:
      return 'API_FORBIDDEN';
    case 404:
      return 'API_NOT_FOUND';
    case 409:
      return 'API_CONFLICT';
    case 412:
    case 428:
      return 'API_PRECONDITION_FAILED';
    case 429:
      return 'API_RATE_LIMITED';
    default:
      if (status >= 500) return 'API_SERVER_ERROR';
      if (status >= 400) return 'API_BAD_REQUEST';
      return 'API_REQUEST_FAILED';
  }
}

/** The `message` of an `ApiError`: fixed, lower-case text plus the status; never server text (STYLE §8). */
export function apiErrorMessage(code: ApiErrorCode, status: number): string {
  return `${MESSAGES[code]} (${status})`;
}

const MESSAGES: Record<ApiErrorCode, string> = {
  API_BAD_REQUEST: 'the server rejected the request',
  API_UNAUTHORIZED: 'the access token was rejected',
  API_FORBIDDEN: 'permission denied',
  API_NOT_FOUND: 'not found',
  API_CONFLICT: 'conflicts with the current state',
  API_PRECONDITION_FAILED: 'changed since it was read',
  API_RATE_LIMITED: 'too many requests',
  API_SERVER_ERROR: 'the server failed',
  API_REQUEST_FAILED: 'the server reported a failure',
};

/** Removes the bearer token from a server-provided text, in case a server echoes it. */
function redact(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('[redacted]');
}

function toApiError(exchange: Exchange, token: string, now: number, code?: ApiErrorCode): ApiError {
  const {response, body} = exchange;
  const status = response.status;
  const actualCode = code ?? codeForStatus(status);
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), now);
  const missingScope = status === 403 ? parseMissingScope(response.headers.get('WWW-Authenticate')) : undefined;
  return new ApiError(apiErrorMessage(actualCode, status), {
    code: actualCode,
    status,
    response,
    // 5xx texts are never shown (STYLE §8, C2-08): they can hold stack traces or internal names.
    messages: status >= 500 ? [] : readMessages(body).map((message) => redact(message, token)),
    ...(retryAfterMs === undefined ? {} : {retryAfterMs}),
    ...(missingScope === undefined ? {} : {missingScope}),
  });
}

/** Creates the request pipeline of one client. */
export function createHttp(config: HttpConfig): Http {
  // Injected functions are called as plain functions, never as methods of `config` ("Illegal invocation", STYLE §7).
  const {getAccessToken, fetch: fetchImplementation, sleep, random, now, isOnline, onRetry} = config;
  const origin = config.baseUrl.origin;
  const prefix = config.baseUrl.pathname.replace(/\/+$/, '');

  function buildUrl(path: string, query: HttpRequest<unknown>['query']): URL {
    // Appended to the base path (a tenant may sit below a prefix); `new URL(path, base)` would drop that prefix.
    const url = new URL(`${origin}${prefix}${path}`);
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, String(value));
    }
    // The bearer token goes to the configured API origin only (B4-06).
    if (url.origin !== origin) throw new TypeError('"path" must stay on the "baseUrl" origin');
    return url;
  }

  function backoff(attempt: number): number {
    const exponential = Math.min(API_CLIENT_LIMITS.backoffMaxMs, API_CLIENT_LIMITS.backoffBaseMs * 2 ** (attempt - 1));
    // "Equal jitter": at least half the step, so clients that failed together don't retry together.
    return Math.round(exponential / 2 + random() * (exponential / 2));
  }

  /** One HTTP exchange under its own timeout. Throws `NetworkError`, or the caller's abort reason. */
  async function send(url: URL, init: RequestInit, signal: AbortSignal | undefined): Promise<Exchange> {
    // The signal may have aborted between two awaits, when no listener was attached: its event won't fire again.
    signal?.throwIfAborted();
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new DOMException('the server did not respond in time', 'TimeoutError'));
    }, config.timeoutMs);
    const forwardAbort = () => {
      controller.abort(signal?.reason);
    };
    signal?.addEventListener('abort', forwardAbort, {once: true});
    try {
      const response = await raceAbort(
        fetchImplementation(url.href, {...init, signal: controller.signal}),
        controller.signal,
      );
      // The body is read under the same timeout: a server may send headers and then stall.
      const text = await raceAbort(response.text(), controller.signal);
      return {response, body: parseJson(text)};
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      // Only two things abort the controller: the caller (handled above) and the timer.
      if (controller.signal.aborted)
        throw new NetworkError("the server didn't respond", {code: 'NETWORK_TIMEOUT', cause: error});
      if (!isOnline()) throw new NetworkError('the browser is offline', {code: 'NETWORK_OFFLINE', cause: error});
      throw new NetworkError("couldn't reach the server", {code: 'NETWORK_FAILED', cause: error});
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forwardAbort);
    }
  }

  /**
   * What `getAccessToken` resolved, checked. Awaited in `request` itself, not in a helper of its own, so a request
   * waits one turn of the microtask queue for a token the session already holds: a first page asked for as the admin
   * signs in then goes out before the element renders the signed-in view (issue 18).
   */
  function checkedToken(token: unknown): string {
    if (typeof token !== 'string' || token === '') {
      throw new TypeError('"getAccessToken" must resolve to a non-empty string');
    }
    return token;
  }

  /** The delay before retrying this failure, or undefined when it must not be retried. */
  function retryDelay(policy: RetryPolicy, error: unknown, attempt: number): [number, RetryReason] | undefined {
    if (attempt >= config.maxAttempts || policy === 'never') return undefined;
    if (error instanceof ApiError) {
      const {status, retryAfterMs} = error;
      if (retryAfterMs !== undefined && retryAfterMs > API_CLIENT_LIMITS.maxRetryAfterMs) return undefined;
      if (policy === 'rate-limit-once') {
        return status === 429 && retryAfterMs !== undefined && attempt === 1
          ? [retryAfterMs, 'rate-limited']
          : undefined;
      }
      if (!RETRYABLE_READ_STATUSES.has(status)) return undefined;
      return [retryAfterMs ?? backoff(attempt), status === 429 ? 'rate-limited' : 'server-error'];
    }
    // Only a plain network failure is retried: offline stays offline, and a timeout already took `timeoutMs`
    // (the UI offers Retry instead, C3-02).
    if (policy === 'idempotent' && error instanceof NetworkError && error.code === 'NETWORK_FAILED') {
      return [backoff(attempt), 'network'];
    }
    return undefined;
  }

  async function request<T>(spec: HttpRequest<T>): Promise<T> {
    const {signal} = spec;
    signal?.throwIfAborted();
    const url = buildUrl(spec.path, spec.query);
    const headers = new Headers({Accept: 'application/json'});
    if (spec.body !== undefined) headers.set('Content-Type', 'application/json');
    // API-to-API tokens need the platform user id to pick the caller's permissions (PLATFORM.md §4.3).
    if (config.userId !== undefined) headers.set('user-id', config.userId);
    // Optimistic concurrency (C2-03): a stale update answers 412 instead of overwriting someone else's change.
    if (spec.ifMatch !== undefined) headers.set('If-Match', spec.ifMatch);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);

    // `signal` only when there is one, so a session can test `'signal' in options`.
    const withSignal = signal ? {signal} : {};
    let token = checkedToken(await raceAbort(getAccessToken(withSignal), signal));
    let replayedAfter401 = false;
    let attempt = 1;
    for (;;) {
      // A fresh header set per attempt, so a replay never shares (or leaks back) the previous token.
      const attemptHeaders = new Headers(headers);
      attemptHeaders.set('Authorization', `Bearer ${token}`);
      let failure: unknown;
      try {
        const exchange = await send(
          url,
          {
            method: spec.method,
            headers: attemptHeaders,
            body,
            // Bearer auth only: no cookies, and never follow a redirect that could carry the request elsewhere.
            credentials: 'omit',
            redirect: 'error',
            cache: 'no-store',
          },
          signal,
        );
        const {response} = exchange;
        if (response.status === 401 && !replayedAfter401) {
          // C1-01/C1-05: one forced refresh naming the rejected token (so concurrent 401s coalesce in the
          // session, C1-04), then one replay. A second 401 falls through to the error below: no loop.
          replayedAfter401 = true;
          const refreshed = checkedToken(
            await raceAbort(getAccessToken({forceRefresh: true, rejectedToken: token, ...withSignal}), signal),
          );
          if (refreshed !== token) {
            token = refreshed;
            continue;
          }
        }
        return unwrap(spec, exchange, token);
      } catch (error) {
        failure = error;
      }
      const delay = retryDelay(spec.retry, failure, attempt);
      if (delay === undefined) throw failure;
      const [delayMs, reason] = delay;
      attempt += 1;
      onRetry?.({attempt, delayMs, reason});
      await sleep(delayMs, signal);
      signal?.throwIfAborted();
    }
  }

  function unwrap<T>(spec: HttpRequest<T>, exchange: Exchange, token: string): T {
    const {response, body} = exchange;
    const time = now();
    if (!response.ok) throw toApiError(exchange, token, time);
    const envelope = readEnvelope(body);
    if (!envelope) {
      throw new ResponseShapeError('unexpected response: the body is not the platform envelope', {response});
    }
    // A7-03: HTTP 200 with `Success: false` is a failure, with the envelope's messages.
    if (!envelope.success) throw toApiError(exchange, token, time, 'API_REQUEST_FAILED');
    try {
      return spec.parse(envelope, response);
    } catch (error) {
      if (error instanceof ResponseShapeError) {
        throw new ResponseShapeError(error.message, {path: error.path, response});
      }
      throw error;
    }
  }

  return {request};
}

/**
 * Encodes one path segment (A5-04). `.` and `..` are refused because URL parsers resolve them even when
 * percent-encoded, which would move the request to another path.
 */
export function encodePathSegment(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new TypeError(`"${name}" must be a non-empty string`);
  if (value === '.' || value === '..') throw new TypeError(`"${name}" must not be "." or ".."`);
  return encodeURIComponent(value);
}

/** Paging and sort direction as sent: direction checked, page size clamped to 1..500, page number to 1 or more (A6-02). */
export interface PagingQuery {
  sortDirection?: 'ASC' | 'DESC';
  pageSize?: number;
  pageNumber?: number;
}

function clampInteger(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || Number.isNaN(value)) throw new TypeError(`"${name}" must be a number`);
  return Math.min(max, Math.max(min, Math.trunc(value)));
}

/** Checks and normalizes paging parameters; `sortField` is left to the caller, which knows its allow-list. */
export function pagingQuery(params: {sortDirection?: unknown; pageSize?: unknown; pageNumber?: unknown}): PagingQuery {
  const {sortDirection} = params;
  if (sortDirection !== undefined && sortDirection !== 'ASC' && sortDirection !== 'DESC') {
    throw new TypeError('"sortDirection" must be ASC or DESC');
  }
  const query: PagingQuery = {};
  if (sortDirection !== undefined) query.sortDirection = sortDirection;
  const pageSize = clampInteger(params.pageSize, 'pageSize', 1, API_CLIENT_LIMITS.maxPageSize);
  if (pageSize !== undefined) query.pageSize = pageSize;
  // int32 on the wire; past the last page is not an error (A6-03), so only the lower bound matters.
  const pageNumber = clampInteger(params.pageNumber, 'pageNumber', 1, 2_147_483_647);
  if (pageNumber !== undefined) query.pageNumber = pageNumber;
  return query;
}

/** Picks the per-call options (so nothing else from the caller's object reaches the request) and checks them. */
export function requestOptions(options: {signal?: AbortSignal | undefined; ifMatch?: string | undefined} | undefined): {
  signal?: AbortSignal;
  ifMatch?: string;
} {
  // Checked at run time too: plain-JS callers get a TypeError instead of a confusing failure later.
  const untyped: unknown = options;
  if (untyped === undefined) return {};
  if (typeof untyped !== 'object' || untyped === null) throw new TypeError('"options" must be an object');
  const {signal, ifMatch} = untyped as {signal?: unknown; ifMatch?: unknown};
  const picked: {signal?: AbortSignal; ifMatch?: string} = {};
  if (signal !== undefined) {
    // Duck-typed rather than `instanceof`, so a signal from another realm (an iframe) still works.
    if (
      typeof signal !== 'object' ||
      signal === null ||
      typeof (signal as {addEventListener?: unknown}).addEventListener !== 'function'
    ) {
      throw new TypeError('"signal" must be an AbortSignal');
    }
    picked.signal = signal as AbortSignal;
  }
  if (ifMatch !== undefined) {
    if (typeof ifMatch !== 'string' || ifMatch === '' || /[\r\n]/.test(ifMatch)) {
      throw new TypeError('"ifMatch" must be a non-empty single-line string');
    }
    picked.ifMatch = ifMatch;
  }
  return picked;
}
