/** `createApiClient()`: checks the options once and wires the resources to one request pipeline. */
import {API_CLIENT_LIMITS, createHttp, defaultSleep, type GetAccessToken, type RetryInfo} from './http.js';
import {createApiConnectionsResource} from './resources/api-connections.js';
import {createExternalIntegrationsResource} from './resources/external-integrations.js';
import {createUserResource} from './resources/user.js';
import type {ApiClient} from './types.js';

/** How to reach the platform and get tokens; everything with a side effect is injectable. */
export interface ApiClientOptions {
  /** The API gateway, e.g. `https://rls.congacloud.com` or `http://127.0.0.1:PORT`; API paths are appended to it. */
  baseUrl: string;
  /** Returns a current access token; asked before every request, and with `forceRefresh` once after a 401. */
  getAccessToken: GetAccessToken;
  /** Defaults to `globalThis.fetch`; always called as a plain function. */
  fetch?: typeof globalThis.fetch;
  /** Sent as the `user-id` header, which the platform requires with API-to-API tokens. */
  userId?: string;
  /** Per attempt; defaults to 30 s (C3-02). */
  timeoutMs?: number;
  /** Retry knobs, injectable for tests: attempts (1..3), the wait, and the jitter source. */
  retry?: {
    maxAttempts?: number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    random?: () => number;
  };
  /** Called before each automatic retry, so the UI can announce "retrying in 7 s" (C2-06). */
  onRetry?: (info: RetryInfo) => void;
  /** The clock used to read `Retry-After` dates; defaults to `Date.now`. */
  now?: () => number;
  /** Tells a failed fetch apart as offline; defaults to `navigator.onLine` where it exists. */
  isOnline?: () => boolean;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function checkBaseUrl(baseUrl: unknown): URL {
  let url: URL;
  try {
    url = new URL(baseUrl as string);
  } catch {
    throw new TypeError('"baseUrl" must be an absolute URL');
  }
  if (typeof baseUrl !== 'string') throw new TypeError('"baseUrl" must be an absolute URL');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    // Bearer tokens never travel in clear text; plain http is for the local emulator only.
    throw new TypeError('"baseUrl" must use https (http only for 127.0.0.1, localhost or [::1])');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new TypeError('"baseUrl" must not contain credentials, a query or a fragment');
  }
  return url;
}

function defaultIsOnline(): boolean {
  // `navigator` is missing in Node 20 and in some workers; treat "unknown" as online.
  return typeof navigator === 'undefined' || navigator.onLine;
}

function checkFunction(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== 'function') throw new TypeError(`"${name}" must be a function`);
}

/**
 * Creates the typed client for the API Connections, External Integrations and user-info endpoints.
 *
 * @example
 * ```ts
 * const api = createApiClient({
 *   baseUrl: 'https://rls.congacloud.com',
 *   getAccessToken: (options) => session.getAccessToken(options),
 * });
 * const {items, recordCount} = await api.apiConnections.list({sortField: 'ClientName', pageSize: 25}, {signal});
 * const created = await api.apiConnections.create('ABCDEFGHI123456789', 'APItoAPI', {ClientName: 'ERP sync'});
 * showOnce(created.ClientSecret); // the only time the platform returns it
 * ```
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  // Checked at run time too: plain-JS host pages call this without the compiler's help.
  const untyped: unknown = options;
  if (typeof untyped !== 'object' || untyped === null) throw new TypeError('"options" must be an object');
  const baseUrl = checkBaseUrl(options.baseUrl);
  if (typeof options.getAccessToken !== 'function') throw new TypeError('"getAccessToken" must be a function');
  checkFunction(options.fetch, 'fetch');
  checkFunction(options.onRetry, 'onRetry');
  checkFunction(options.now, 'now');
  checkFunction(options.isOnline, 'isOnline');
  checkFunction(options.retry?.sleep, 'retry.sleep');
  checkFunction(options.retry?.random, 'retry.random');
  const fetchImplementation = options.fetch ?? globalThis.fetch;
  if (typeof fetchImplementation !== 'function') throw new TypeError('"fetch" must be given where fetch is missing');
  if (options.userId !== undefined && (typeof options.userId !== 'string' || options.userId === '')) {
    throw new TypeError('"userId" must be a non-empty string');
  }
  const timeoutMs = options.timeoutMs ?? API_CLIENT_LIMITS.requestTimeoutMs;
  if (typeof timeoutMs !== 'number' || !Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new RangeError('"timeoutMs" must be a positive number');
  }
  const maxAttempts = options.retry?.maxAttempts ?? API_CLIENT_LIMITS.retryCap;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > API_CLIENT_LIMITS.retryCap) {
    throw new RangeError(`"retry.maxAttempts" must be an integer from 1 to ${API_CLIENT_LIMITS.retryCap}`);
  }

  const http = createHttp({
    baseUrl,
    getAccessToken: options.getAccessToken,
    fetch: fetchImplementation,
    ...(options.userId === undefined ? {} : {userId: options.userId}),
    timeoutMs,
    maxAttempts,
    sleep: options.retry?.sleep ?? defaultSleep,
    random: options.retry?.random ?? Math.random,
    now: options.now ?? Date.now,
    isOnline: options.isOnline ?? defaultIsOnline,
    ...(options.onRetry ? {onRetry: options.onRetry} : {}),
  });

  return {
    apiConnections: createApiConnectionsResource(http),
    externalIntegrations: createExternalIntegrationsResource(http),
    user: createUserResource(http),
  };
}
