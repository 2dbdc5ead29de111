/**
 * createApiClient: its options, the request headers, where the bearer token goes, and 401 and 403 handling, and that
 * no error these throw leaks the token or the secret (error statuses, unreadable bodies, retries, timeouts and the
 * caller's abort are in client-errors.test.ts).
 */
import {describe, expect, it} from 'vitest';
import {createApiClient} from './client.js';
import {API_CLIENT_LIMITS} from './http.js';
import {
  BASE_URL,
  REFRESHED_TOKEN,
  SECRET,
  TOKEN,
  failure,
  fakeTokens,
  json,
  leakReport,
  ok,
  rejectionOf,
  setup,
  thrownBy,
} from './test-support.js';

const USER = {Id: 'u-1', FirstName: 'Ada'};

describe('createApiClient', () => {
  it('throws a TypeError when baseUrl is not an absolute URL', () => {
    const {getAccessToken} = fakeTokens();
    expect(thrownBy(() => createApiClient({baseUrl: '/api', getAccessToken}))).toMatchObject({
      name: 'TypeError',
      message: '"baseUrl" must be an absolute URL',
    });
  });

  it('throws a TypeError when baseUrl uses plain http on a non-loopback host', () => {
    const {getAccessToken} = fakeTokens();
    expect(() => createApiClient({baseUrl: 'http://rls.congacloud.com', getAccessToken})).toThrow(
      '"baseUrl" must use https (http only for 127.0.0.1, localhost or [::1])',
    );
  });

  it('accepts plain http for the local emulator', () => {
    const {getAccessToken} = fakeTokens();
    expect(() => createApiClient({baseUrl: 'http://127.0.0.1:4010', getAccessToken})).not.toThrow();
    expect(() => createApiClient({baseUrl: 'http://localhost:4010', getAccessToken})).not.toThrow();
  });

  it('throws a TypeError when baseUrl holds credentials, a query or a fragment', () => {
    const {getAccessToken} = fakeTokens();
    for (const baseUrl of [
      'https://user:pass@api.example.test',
      'https://api.example.test/?x=1',
      'https://api.example.test/#x',
    ]) {
      expect(() => createApiClient({baseUrl, getAccessToken})).toThrow(TypeError);
    }
  });

  it('throws a TypeError when getAccessToken is missing', () => {
    expect(() => createApiClient({baseUrl: BASE_URL} as never)).toThrow('"getAccessToken" must be a function');
  });

  it('throws a RangeError when timeoutMs is not positive', () => {
    const {getAccessToken} = fakeTokens();
    expect(() => createApiClient({baseUrl: BASE_URL, getAccessToken, timeoutMs: 0})).toThrow(RangeError);
  });

  it('throws a RangeError when retry.maxAttempts exceeds the retry cap', () => {
    const {getAccessToken} = fakeTokens();
    expect(() =>
      createApiClient({baseUrl: BASE_URL, getAccessToken, retry: {maxAttempts: API_CLIENT_LIMITS.retryCap + 1}}),
    ).toThrow('"retry.maxAttempts" must be an integer from 1 to 3');
  });

  it('calls the injected fetch as a plain function, not as a method of the options', async () => {
    const receivers: unknown[] = [];
    const {getAccessToken} = fakeTokens();
    const options = {
      baseUrl: BASE_URL,
      getAccessToken,
      fetch: function (this: unknown) {
        receivers.push(this);
        return Promise.resolve(ok(USER));
      } as unknown as typeof fetch,
    };
    await createApiClient(options).user.info();
    expect(receivers).toEqual([undefined]);
  });

  it('keeps the path prefix of baseUrl', async () => {
    const {client, requests} = setup([() => ok(USER)], {baseUrl: 'https://api.example.test/tenant-7/'});
    await client.user.info();
    expect(requests[0]?.url.href).toBe('https://api.example.test/tenant-7/api/user-management/v1/user/info');
  });
});

describe('request headers', () => {
  it('sends the bearer token from getAccessToken and asks for JSON', async () => {
    const {client, requests, tokenCalls} = setup([() => ok(USER)]);
    const controller = new AbortController();
    await client.user.info({signal: controller.signal});
    expect(requests[0]?.headers.get('Authorization')).toBe(`Bearer ${TOKEN}`);
    expect(requests[0]?.headers.get('Accept')).toBe('application/json');
    expect(requests[0]?.headers.has('Content-Type')).toBe(false);
    expect(tokenCalls).toEqual([{signal: controller.signal}]);
  });

  it('asks for a token before every request (the client never caches one)', async () => {
    const {client, tokenCalls} = setup([() => ok(USER), () => ok(USER)]);
    await client.user.info();
    await client.user.info();
    expect(tokenCalls).toHaveLength(2);
  });

  it('sends the user-id header when userId is configured', async () => {
    const {client, requests} = setup([() => ok(USER)], {userId: 'platform-user-42'});
    await client.user.info();
    expect(requests[0]?.headers.get('user-id')).toBe('platform-user-42');
  });

  it('omits the user-id header when userId is not configured', async () => {
    const {client, requests} = setup([() => ok(USER)]);
    await client.user.info();
    expect(requests[0]?.headers.has('user-id')).toBe(false);
  });

  it('sends If-Match when ifMatch is given (C2-03)', async () => {
    const {client, requests} = setup([() => ok({IsActive: true})]);
    await client.apiConnections.update('ORG1', 'APItoAPI', {ClientName: 'x'}, {ifMatch: 'W/"3"'});
    expect(requests[0]?.headers.get('If-Match')).toBe('W/"3"');
  });

  it('sends no cookies and refuses redirects', async () => {
    const {client, requests} = setup([() => ok(USER)]);
    await client.user.info();
    expect(requests[0]?.init).toMatchObject({credentials: 'omit', redirect: 'error'});
  });

  it('propagates an error of getAccessToken unchanged and sends nothing', async () => {
    const sessionError = Object.assign(new Error('sign-in required'), {code: 'AUTH_SIGNED_OUT'});
    const {client, requests} = setup([() => ok(USER)], {getAccessToken: () => Promise.reject(sessionError)});
    expect(await rejectionOf(client.user.info())).toBe(sessionError);
    expect(requests).toHaveLength(0);
  });
});

describe('bearer token origin (B4-06)', () => {
  it('sends the token only to the baseUrl origin, whatever the identifier holds', async () => {
    const identifiers = ['//evil.example/x', 'https://evil.example/', '@evil.example', '\\\\evil.example'];
    const {client, requests} = setup(identifiers.map(() => () => ok({IsActive: true})));
    for (const identifier of identifiers) await client.apiConnections.get(identifier, 'APItoAPI');
    expect(requests.map((request) => request.url.origin)).toEqual(identifiers.map(() => BASE_URL));
  });

  it('never sends the token in the URL', async () => {
    const {client, requests} = setup([() => ok([])]);
    await client.apiConnections.list({pageSize: 10});
    expect(requests[0]?.url.href).not.toContain(TOKEN);
  });
});

describe('401 handling (C1-01, C1-04, C1-05)', () => {
  it('forces one refresh naming the rejected token and replays the request with the new token', async () => {
    const controller = new AbortController();
    const {client, requests, tokenCalls} = setup([() => failure(401, ['invalid_token']), () => ok(USER)]);
    await expect(client.user.info({signal: controller.signal})).resolves.toEqual(USER);
    expect(tokenCalls).toEqual([
      {signal: controller.signal},
      {forceRefresh: true, rejectedToken: TOKEN, signal: controller.signal},
    ]);
    expect(requests.map((request) => request.headers.get('Authorization'))).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${REFRESHED_TOKEN}`,
    ]);
  });

  it('C1-04: names the same rejected token from parallel requests, so the session can refresh once', async () => {
    const {client, requests, tokenCalls} = setup([
      ...Array.from({length: 5}, () => () => failure(401, [])),
      ...Array.from({length: 5}, () => () => ok(USER)),
    ]);
    await Promise.all(Array.from({length: 5}, () => client.user.info()));
    const refreshes = tokenCalls.filter((call) => call?.forceRefresh);
    expect(refreshes).toEqual(Array.from({length: 5}, () => ({forceRefresh: true, rejectedToken: TOKEN})));
    expect(requests.slice(5).map((request) => request.headers.get('Authorization'))).toEqual(
      Array.from({length: 5}, () => `Bearer ${REFRESHED_TOKEN}`),
    );
  });

  it('replays a PUT exactly once with the same body', async () => {
    const {client, requests} = setup([() => failure(401, []), () => ok({IsActive: true})]);
    await client.apiConnections.update('ORG1', 'APItoAPI', {ClientName: 'Renamed'});
    expect(requests.map((request) => [request.method, request.body])).toEqual([
      ['PUT', {ClientName: 'Renamed'}],
      ['PUT', {ClientName: 'Renamed'}],
    ]);
  });

  it('replays a create after a 401, because the platform did nothing with it', async () => {
    const {client, requests} = setup([() => failure(401, []), () => ok({IsActive: true, ClientSecret: SECRET})]);
    await expect(client.apiConnections.create('ORG1', 'APItoAPI', {ClientName: 'x'})).resolves.toMatchObject({
      ClientSecret: SECRET,
    });
    expect(requests).toHaveLength(2);
  });

  it('throws API_UNAUTHORIZED on a second 401 without refreshing again', async () => {
    const {client, requests, tokenCalls} = setup([
      () => failure(401, ['invalid_token']),
      () => json(401, {Message: 'Authorization has been denied for this request.'}),
    ]);
    const error = await rejectionOf(client.user.info());
    expect(error).toMatchObject({
      name: 'ApiError',
      code: 'API_UNAUTHORIZED',
      status: 401,
      message: 'the access token was rejected (401)',
      messages: ['Authorization has been denied for this request.'],
    });
    expect(requests).toHaveLength(2);
    expect(tokenCalls.filter((call) => call?.forceRefresh)).toHaveLength(1);
  });

  it('does not replay when the refresh returns the rejected token again', async () => {
    const calls: unknown[] = [];
    const {client, requests} = setup([() => failure(401, [])], {
      getAccessToken: (options) => {
        calls.push(options);
        return Promise.resolve(TOKEN);
      },
    });
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'API_UNAUTHORIZED'});
    expect(requests).toHaveLength(1);
    expect(calls).toHaveLength(2);
  });

  it('propagates the session error when the forced refresh fails (C1-02)', async () => {
    const expired = Object.assign(new Error('session expired'), {code: 'AUTH_SESSION_EXPIRED'});
    const {client, requests} = setup([() => failure(401, [])], {
      getAccessToken: (options) => (options?.forceRefresh ? Promise.reject(expired) : Promise.resolve(TOKEN)),
    });
    expect(await rejectionOf(client.user.info())).toBe(expired);
    expect(requests).toHaveLength(1);
  });
});

describe('403 handling (C1-06)', () => {
  it('throws API_FORBIDDEN without refreshing or retrying', async () => {
    const {client, requests, tokenCalls, sleeps} = setup([
      () =>
        failure(403, ['Missing permission'], {
          'WWW-Authenticate': 'Bearer error="insufficient_scope", scope="api.user-management"',
        }),
    ]);
    const error = await rejectionOf(client.apiConnections.list());
    expect(error).toMatchObject({
      code: 'API_FORBIDDEN',
      status: 403,
      messages: ['Missing permission'],
      missingScope: 'api.user-management',
    });
    expect(requests).toHaveLength(1);
    expect(tokenCalls).toStrictEqual([{}]);
    expect(sleeps).toEqual([]);
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });
});
