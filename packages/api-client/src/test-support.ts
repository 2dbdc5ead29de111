/**
 * Helpers for this package's own `*.test.ts` files: a scripted fake `fetch`, a fake token source and a record of
 * every error the tests saw, so one test per file can assert that none of them leaks a token or a secret.
 * Not exported from `index.ts`; other packages use `./testing`.
 */
import {createApiClient, type ApiClientOptions} from './client.js';
import type {RetryInfo} from './http.js';
import type {ApiClient} from './types.js';

/** The access token every fake session hands out first. */
export const TOKEN = 'eyJ.first-token.SENSITIVE-7f3a';
/** The token a forced refresh hands out. */
export const REFRESHED_TOKEN = 'eyJ.second-token.SENSITIVE-91bc';
/** A client secret the fake server returns or echoes. */
export const SECRET = 'client-secret-SENSITIVE-5d1e9a';
/** The base URL of the fake API. */
export const BASE_URL = 'https://api.example.test';

/** One request the fake fetch received. */
export interface RecordedRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: unknown;
  init: RequestInit;
}

/** Answers one request: a response, or a thrown error (a network failure). */
export type Responder = (request: RecordedRequest) => Response | Promise<Response>;

/** A JSON response with the given status and headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json', ...headers}});
}

/** A raw text response (HTML pages, truncated JSON, empty bodies). */
export function text(status: number, body: string, contentType = 'text/html'): Response {
  return new Response(body === '' ? null : body, {status, headers: {'Content-Type': contentType}});
}

/** The platform's success envelope around `data`. */
export function ok(data: unknown, extra: Record<string, unknown> = {}): Response {
  return json(200, {Success: true, Data: data, Errors: null, StatusCode: 'OK', ...extra});
}

/** The platform's failure envelope with `Errors[].Message`. */
export function failure(status: number, messages: string[], headers: Record<string, string> = {}): Response {
  return json(
    status,
    {Success: false, Data: null, Errors: messages.map((Message) => ({Message})), StatusCode: 'X'},
    headers,
  );
}

/** A fetch that fails like a dropped connection. */
export const networkFailure: Responder = () => {
  throw new TypeError('fetch failed');
};

/** A fetch that never answers but honours its signal, like a real one. */
export const hang: Responder = (request) =>
  new Promise((_resolve, reject) => {
    request.init.signal?.addEventListener('abort', () => {
      reject(request.init.signal?.reason as Error);
    });
  });

/** A fake `fetch` that answers with the scripted responders in order and records every request. */
export function scriptedFetch(...responders: Responder[]): {
  fetch: typeof globalThis.fetch;
  requests: RecordedRequest[];
} {
  const requests: RecordedRequest[] = [];
  const queue = [...responders];
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const bodyText = typeof init.body === 'string' ? init.body : undefined;
    const request: RecordedRequest = {
      url: new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      body: bodyText === undefined ? undefined : (JSON.parse(bodyText) as unknown),
      init,
    };
    requests.push(request);
    const responder = queue.shift();
    if (!responder) throw new Error(`unexpected request ${request.method} ${request.url.pathname}`);
    return responder(request);
  };
  return {fetch, requests};
}

/** Calls to the fake token source. */
export type TokenCall = Parameters<ApiClientOptions['getAccessToken']>[0];

/** A fake session: `TOKEN` normally, `REFRESHED_TOKEN` after a forced refresh. */
export function fakeTokens(): {getAccessToken: ApiClientOptions['getAccessToken']; calls: TokenCall[]} {
  const calls: TokenCall[] = [];
  return {
    calls,
    getAccessToken: (options) => {
      calls.push(options);
      return Promise.resolve(options?.forceRefresh ? REFRESHED_TOKEN : TOKEN);
    },
  };
}

/** Everything a test needs to drive one client. */
export interface Harness {
  client: ApiClient;
  requests: RecordedRequest[];
  tokenCalls: TokenCall[];
  sleeps: number[];
  retries: RetryInfo[];
  /** Fetches and sleeps in order, to prove no request happens before a wait ends. */
  events: string[];
}

/** Creates a client over scripted responses with a fake session, a fake sleep (never waits) and fixed jitter. */
export function setup(responders: Responder[], overrides: Partial<ApiClientOptions> = {}): Harness {
  const events: string[] = [];
  const scripted = scriptedFetch(
    ...responders.map<Responder>((responder) => (request) => {
      events.push(`fetch ${request.method}`);
      return responder(request);
    }),
  );
  const tokens = fakeTokens();
  const sleeps: number[] = [];
  const retries: RetryInfo[] = [];
  const client = createApiClient({
    baseUrl: BASE_URL,
    getAccessToken: tokens.getAccessToken,
    fetch: scripted.fetch,
    retry: {
      sleep: (ms) => {
        sleeps.push(ms);
        events.push(`sleep ${ms}`);
        return Promise.resolve();
      },
      random: () => 0.5,
    },
    onRetry: (info) => retries.push(info),
    ...overrides,
  });
  return {client, requests: scripted.requests, tokenCalls: tokens.calls, sleeps, retries, events};
}

const seenErrors: unknown[] = [];

/** Awaits a promise that must reject, records the error for the leak check, and returns it. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    seenErrors.push(error);
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Calls a function that must throw synchronously, records the error for the leak check, and returns it. */
export function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    seenErrors.push(error);
    return error;
  }
  throw new Error('expected the call to throw');
}

/** Every text an error exposes: message, stack, own enumerable fields, server messages and the cause chain. */
function exposedTexts(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 3) return [String(error)];
  const record = error as {message?: unknown; stack?: unknown; messages?: unknown; cause?: unknown};
  return [
    error instanceof Error ? error.toString() : '',
    String(record.message),
    String(record.stack),
    JSON.stringify(error),
    JSON.stringify(record.messages ?? null),
    ...(record.cause === undefined ? [] : exposedTexts(record.cause, depth + 1)),
  ];
}

/** The recorded errors, and the sensitive values any of them exposes (should be none). */
export function leakReport(): {count: number; leaks: string[]} {
  const leaks: string[] = [];
  for (const error of seenErrors) {
    for (const exposed of exposedTexts(error)) {
      for (const sensitive of [TOKEN, REFRESHED_TOKEN, SECRET]) {
        if (exposed.includes(sensitive)) leaks.push(`${(error as Error).name}: ${sensitive}`);
      }
    }
  }
  return {count: seenErrors.length, leaks};
}
