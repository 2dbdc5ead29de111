/**
 * createApiClient when things go wrong: error statuses and unreadable bodies, rate limiting, server errors and network
 * failures, the timeout and the caller's abort, and that no error it throws leaks the token or the secret (its
 * options, headers, bearer token and 401/403 handling are in client.test.ts).
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {API_CLIENT_LIMITS} from './http.js';
import {isAbortError} from './errors.js';
import {
  SECRET,
  TOKEN,
  failure,
  hang,
  json,
  leakReport,
  networkFailure,
  ok,
  rejectionOf,
  scriptedFetch,
  setup,
  text,
} from './test-support.js';

const USER = {Id: 'u-1', FirstName: 'Ada'};

/** A promise the test resolves by hand: "the fake fetch was called", without sleeping. */
function deferred(): {promise: Promise<void>; resolve: () => void} {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return {promise, resolve};
}

afterEach(() => {
  vi.useRealTimers();
});

describe('error statuses', () => {
  const cases = [
    [400, 'API_BAD_REQUEST', 'the server rejected the request (400)'],
    [403, 'API_FORBIDDEN', 'permission denied (403)'],
    [404, 'API_NOT_FOUND', 'not found (404)'],
    [405, 'API_BAD_REQUEST', 'the server rejected the request (405)'],
    [409, 'API_CONFLICT', 'conflicts with the current state (409)'],
    [412, 'API_PRECONDITION_FAILED', 'changed since it was read (412)'],
    [422, 'API_BAD_REQUEST', 'the server rejected the request (422)'],
    [428, 'API_PRECONDITION_FAILED', 'changed since it was read (428)'],
    [429, 'API_RATE_LIMITED', 'too many requests (429)'],
  ] as const;

  it.each(cases)('maps %i to %s with the envelope messages', async (status, code, message) => {
    const {client} = setup([() => failure(status, ['First problem.', 'Second problem.'])], {retry: {maxAttempts: 1}});
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({
      name: 'ApiError',
      code,
      status,
      message,
      messages: ['First problem.', 'Second problem.'],
    });
  });

  it.each([500, 502, 503, 504, 507])(
    'maps %i to API_SERVER_ERROR and drops the server text (C2-08)',
    async (status) => {
      const {client} = setup([() => failure(status, [`System.NullReferenceException at Conga.Secrets ${SECRET}`])], {
        retry: {maxAttempts: 1},
      });
      expect(await rejectionOf(client.apiConnections.list())).toMatchObject({
        code: 'API_SERVER_ERROR',
        status,
        message: `the server failed (${status})`,
        messages: [],
      });
    },
  );

  it('keeps the response on the error but out of its enumerable fields', async () => {
    const {client} = setup([() => failure(404, ['Gone'])]);
    const error = (await rejectionOf(client.apiConnections.get('ORG1', 'APItoAPI'))) as {response: Response};
    expect(error.response.status).toBe(404);
    expect(Object.keys(error)).not.toContain('response');
  });

  it('A7-02: reads a 400 with an empty body as API_BAD_REQUEST without messages', async () => {
    const {client} = setup([() => text(400, '', 'application/json')]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}))).toMatchObject({
      code: 'API_BAD_REQUEST',
      status: 400,
      message: 'the server rejected the request (400)',
      messages: [],
    });
  });

  it('A7-02: reads a 400 with a non-JSON body as API_BAD_REQUEST without messages', async () => {
    const {client} = setup([() => text(400, 'Bad Request', 'text/plain')]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}))).toMatchObject({
      code: 'API_BAD_REQUEST',
      messages: [],
    });
  });

  it('A7-03: treats HTTP 200 with Success false as API_REQUEST_FAILED with its messages', async () => {
    const {client} = setup([
      () => json(200, {Success: false, Data: null, Errors: [{Message: 'Client name is required.'}], StatusCode: 'OK'}),
    ]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}))).toMatchObject({
      code: 'API_REQUEST_FAILED',
      status: 200,
      message: 'the server reported a failure (200)',
      messages: ['Client name is required.'],
    });
  });

  it('removes the bearer token if a server message echoes it', async () => {
    const {client} = setup([() => failure(400, [`Token ${TOKEN} is malformed`])]);
    expect(await rejectionOf(client.user.info())).toMatchObject({messages: ['Token [redacted] is malformed']});
  });

  it('ignores empty and null messages', async () => {
    const {client} = setup([
      () => json(400, {Success: false, Errors: [{Message: null}, {Message: '  '}, {Message: 'Real'}]}),
    ]);
    expect(await rejectionOf(client.user.info())).toMatchObject({messages: ['Real']});
  });
});

describe('unreadable bodies (C2-09)', () => {
  const html = '<!doctype html><html><body><h1>502 Bad Gateway</h1><script>alert(1)</script></body></html>';

  it('throws ResponseShapeError for an HTML page with status 200', async () => {
    const {client} = setup([() => text(200, html)]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({
      name: 'ResponseShapeError',
      code: 'RESPONSE_SHAPE',
      message: 'unexpected response: the body is not the platform envelope',
    });
  });

  it('throws ResponseShapeError for truncated JSON with status 200', async () => {
    const {client} = setup([() => text(200, '{"Success":true,"Data":[{"ClientId":"abc', 'application/json')]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({code: 'RESPONSE_SHAPE'});
  });

  it('throws ResponseShapeError for an empty 200 body', async () => {
    const {client} = setup([() => text(200, '', 'application/json')]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'RESPONSE_SHAPE'});
  });

  it('throws the status error without messages for an HTML error page', async () => {
    const {client} = setup([() => text(404, html)]);
    expect(await rejectionOf(client.apiConnections.get('ORG1', 'UItoAPI'))).toMatchObject({
      code: 'API_NOT_FOUND',
      messages: [],
    });
  });

  it('throws the status error without messages for truncated JSON on an error status', async () => {
    const {client} = setup([() => text(400, '{"Success":false,"Errors":[{"Mess', 'application/json')]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'API_BAD_REQUEST', messages: []});
  });

  it('throws API_SERVER_ERROR for a proxy HTML page on 502 after the retries', async () => {
    const {client, requests} = setup([() => text(502, html), () => text(502, html), () => text(502, html)]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({code: 'API_SERVER_ERROR', messages: []});
    expect(requests).toHaveLength(3);
  });
});

describe('rate limiting (C2-06)', () => {
  it('waits Retry-After seconds before retrying a read, and announces it', async () => {
    const {client, events, retries} = setup([() => failure(429, [], {'Retry-After': '7'}), () => ok(USER)]);
    await expect(client.user.info()).resolves.toEqual(USER);
    expect(events).toEqual(['fetch GET', 'sleep 7000', 'fetch GET']);
    expect(retries).toEqual([{attempt: 2, delayMs: 7000, reason: 'rate-limited'}]);
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.UTC(2025, 4, 1, 12, 0, 0);
    const {client, sleeps} = setup(
      [() => failure(429, [], {'Retry-After': new Date(now + 12_000).toUTCString()}), () => ok(USER)],
      {now: () => now},
    );
    await client.user.info();
    expect(sleeps).toEqual([12_000]);
  });

  it('retries a PUT once after a 429 with Retry-After', async () => {
    const {client, requests, sleeps} = setup([
      () => failure(429, [], {'Retry-After': '7'}),
      () => ok({IsActive: true, ClientSecret: SECRET}),
    ]);
    await expect(client.apiConnections.update('ORG1', 'APItoAPI', {})).resolves.toMatchObject({ClientSecret: SECRET});
    expect(requests).toHaveLength(2);
    expect(sleeps).toEqual([7000]);
  });

  it('throws API_RATE_LIMITED with retryAfterMs when a PUT is limited twice', async () => {
    const {client, requests} = setup([
      () => failure(429, [], {'Retry-After': '7'}),
      () => failure(429, [], {'Retry-After': '9'}),
    ]);
    expect(await rejectionOf(client.apiConnections.setStatus('ORG1', 'APItoAPI', false))).toMatchObject({
      code: 'API_RATE_LIMITED',
      retryAfterMs: 9000,
    });
    expect(requests).toHaveLength(2);
  });

  it('does not retry a PUT after a 429 without Retry-After', async () => {
    const {client, requests} = setup([() => failure(429, [])]);
    const error = await rejectionOf(client.apiConnections.update('ORG1', 'UItoAPI', {}));
    expect(error).toMatchObject({code: 'API_RATE_LIMITED'});
    expect(error).not.toHaveProperty('retryAfterMs');
    expect(requests).toHaveLength(1);
  });

  it('never retries a create after a 429, and reports the wait (C4-03)', async () => {
    const {client, requests, sleeps} = setup([() => failure(429, [], {'Retry-After': '7'})]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}))).toMatchObject({
      code: 'API_RATE_LIMITED',
      retryAfterMs: 7000,
    });
    expect(requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('backs off with jitter when a read gets 429 without Retry-After', async () => {
    const {client, sleeps} = setup([() => failure(429, []), () => ok(USER)]);
    await client.user.info();
    // First step 500 ms, equal jitter with random() = 0.5: 250 + 125.
    expect(sleeps).toEqual([375]);
  });

  it('does not wait out a Retry-After longer than the limit; the error carries it', async () => {
    const {client, requests} = setup([() => failure(429, [], {'Retry-After': '3600'})]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'API_RATE_LIMITED', retryAfterMs: 3_600_000});
    expect(requests).toHaveLength(1);
  });
});

describe('server errors and network failures (C2-07)', () => {
  it('retries a read on 503 with capped exponential backoff, at most 3 attempts', async () => {
    const {client, requests, sleeps, retries} = setup([
      () => failure(503, []),
      () => failure(503, []),
      () => failure(503, []),
    ]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({code: 'API_SERVER_ERROR', status: 503});
    expect(requests).toHaveLength(API_CLIENT_LIMITS.retryCap);
    expect(sleeps).toEqual([375, 750]);
    expect(retries.map((retry) => [retry.attempt, retry.reason])).toEqual([
      [2, 'server-error'],
      [3, 'server-error'],
    ]);
  });

  it('returns the data when a retried read succeeds', async () => {
    const {client} = setup([() => failure(500, []), () => failure(504, []), () => ok(USER)]);
    await expect(client.user.info()).resolves.toEqual(USER);
  });

  it.each([
    [0, [250, 500]],
    [1, [500, 1000]],
  ])('jitters each delay between half and all of the exponential step (random() = %d)', async (random, expected) => {
    const delays: number[] = [];
    const {client} = setup([() => failure(502, []), () => failure(502, []), () => ok(USER)], {
      retry: {sleep: (ms) => (delays.push(ms), Promise.resolve()), random: () => random},
    });
    await client.user.info();
    expect(delays).toEqual(expected);
  });

  it('honours Retry-After on a 503 read', async () => {
    const {client, sleeps, retries} = setup([() => failure(503, [], {'Retry-After': '2'}), () => ok(USER)]);
    await client.user.info();
    expect(sleeps).toEqual([2000]);
    expect(retries).toEqual([{attempt: 2, delayMs: 2000, reason: 'server-error'}]);
  });

  it('does not retry a 501', async () => {
    const {client, requests} = setup([() => failure(501, [])]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'API_SERVER_ERROR'});
    expect(requests).toHaveLength(1);
  });

  it('does not retry when maxAttempts is 1', async () => {
    const {client, requests} = setup([() => failure(503, [])], {retry: {maxAttempts: 1}});
    await rejectionOf(client.user.info());
    expect(requests).toHaveLength(1);
  });

  it('never retries a create on 5xx (C4-03)', async () => {
    const {client, requests} = setup([() => failure(503, [])]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}))).toMatchObject({
      code: 'API_SERVER_ERROR',
    });
    expect(requests).toHaveLength(1);
  });

  it('never retries an update on 5xx, because a replay would rotate the secret again', async () => {
    const {client, requests} = setup([() => failure(502, [])]);
    await rejectionOf(client.apiConnections.update('ORG1', 'APItoAPI', {}));
    expect(requests).toHaveLength(1);
  });

  it('retries a read after a network failure and announces it', async () => {
    const {client, retries} = setup([networkFailure, () => ok(USER)]);
    await expect(client.user.info()).resolves.toEqual(USER);
    expect(retries).toEqual([{attempt: 2, delayMs: 375, reason: 'network'}]);
  });

  it('throws NETWORK_FAILED after the last attempt', async () => {
    const {client, requests} = setup([networkFailure, networkFailure, networkFailure]);
    expect(await rejectionOf(client.user.info())).toMatchObject({
      name: 'NetworkError',
      code: 'NETWORK_FAILED',
      message: "couldn't reach the server",
    });
    expect(requests).toHaveLength(3);
  });

  it('never re-sends a create whose connection dropped (C4-03)', async () => {
    const {client, requests} = setup([networkFailure]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {ClientName: 'x'}))).toMatchObject({
      code: 'NETWORK_FAILED',
    });
    expect(requests).toHaveLength(1);
  });

  it('throws NETWORK_OFFLINE without retrying when the browser is offline', async () => {
    const {client, requests} = setup([networkFailure], {isOnline: () => false});
    expect(await rejectionOf(client.user.info())).toMatchObject({
      code: 'NETWORK_OFFLINE',
      message: 'the browser is offline',
    });
    expect(requests).toHaveLength(1);
  });
});

describe('timeout (C3-02)', () => {
  it("aborts after the default 30 s with NETWORK_TIMEOUT and doesn't retry", async () => {
    vi.useFakeTimers();
    const {client, requests} = setup([hang]);
    let settled = false;
    const result = rejectionOf(client.user.info()).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(API_CLIENT_LIMITS.requestTimeoutMs - 1);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toMatchObject({
      name: 'NetworkError',
      code: 'NETWORK_TIMEOUT',
      message: "the server didn't respond",
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]?.init.signal?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('times out even when fetch ignores its signal', async () => {
    vi.useFakeTimers();
    const {client} = setup([() => new Promise<Response>(() => undefined)], {timeoutMs: 50});
    const result = rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}));
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toMatchObject({code: 'NETWORK_TIMEOUT'});
  });

  it('times out when the headers arrive but the body stalls', async () => {
    vi.useFakeTimers();
    const stalled = () => new Response(new ReadableStream({start: () => undefined}), {status: 200});
    const {client} = setup([stalled], {timeoutMs: 50});
    const result = rejectionOf(client.apiConnections.setStatus('ORG1', 'APItoAPI', true));
    await vi.advanceTimersByTimeAsync(50);
    expect(await result).toMatchObject({code: 'NETWORK_TIMEOUT'});
  });

  it('clears its timer after a response', async () => {
    vi.useFakeTimers();
    const {client} = setup([() => ok(USER)]);
    await client.user.info();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('caller abort', () => {
  it('rejects with the AbortError of the signal, unwrapped, while fetching', async () => {
    const controller = new AbortController();
    const fetching = deferred();
    const {client, requests} = setup([(request) => (fetching.resolve(), hang(request))]);
    const result = rejectionOf(client.apiConnections.list({}, {signal: controller.signal}));
    await fetching.promise;
    controller.abort();
    const error = await result;
    expect(requests[0]?.init.signal?.aborted).toBe(true);
    expect(error).toBe(controller.signal.reason);
    expect(error).toBeInstanceOf(DOMException);
    expect(isAbortError(error)).toBe(true);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const {client, requests, tokenCalls} = setup([() => ok(USER)]);
    expect(await rejectionOf(client.user.info({signal: controller.signal}))).toMatchObject({name: 'AbortError'});
    expect(requests).toHaveLength(0);
    expect(tokenCalls).toHaveLength(0);
  });

  it('rejects with the AbortError even when fetch ignores its signal', async () => {
    const controller = new AbortController();
    const fetching = deferred();
    const {client} = setup([() => (fetching.resolve(), new Promise<Response>(() => undefined))]);
    const result = rejectionOf(client.user.info({signal: controller.signal}));
    await fetching.promise;
    controller.abort();
    expect(await result).toBe(controller.signal.reason);
  });

  it('stops retrying when aborted during the backoff wait', async () => {
    const controller = new AbortController();
    const {client, requests} = setup([() => failure(503, []), () => ok(USER)], {
      retry: {
        sleep: () => {
          controller.abort();
          return Promise.resolve();
        },
      },
    });
    expect(await rejectionOf(client.user.info({signal: controller.signal}))).toMatchObject({name: 'AbortError'});
    expect(requests).toHaveLength(1);
  });

  it('interrupts the default wait when aborted', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const {client, requests} = setup([() => failure(503, []), () => ok(USER)], {
      retry: {random: () => 0.5},
    });
    const result = rejectionOf(client.user.info({signal: controller.signal}));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    expect(await result).toMatchObject({name: 'AbortError'});
    expect(requests).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends nothing when aborted between getting the token and fetching', async () => {
    const controller = new AbortController();
    const {client, requests} = setup([() => ok(USER)]);
    const result = rejectionOf(client.user.info({signal: controller.signal}));
    await Promise.resolve();
    controller.abort();
    expect(await result).toBe(controller.signal.reason);
    expect(requests).toHaveLength(0);
  });

  it('rejects with the AbortError while waiting for a token', async () => {
    const controller = new AbortController();
    const {client} = setup([() => ok(USER)], {getAccessToken: () => new Promise<string>(() => undefined)});
    const result = rejectionOf(client.user.info({signal: controller.signal}));
    controller.abort();
    expect(await result).toBe(controller.signal.reason);
  });
});

describe('scripted fetch sanity', () => {
  it('fails loudly on an unexpected extra request', async () => {
    const {fetch} = scriptedFetch();
    await expect(fetch('https://api.example.test/x')).rejects.toThrow('unexpected request GET /x');
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
  });
});
