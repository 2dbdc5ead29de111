import {describe, expect, it, vi} from 'vitest';
import {AuthError} from '@conga-connections/auth';
import {
  deserializeError,
  handleMessages,
  isExtensionPage,
  MAX_MESSAGE_CHARACTERS,
  MessageError,
  parseMessage,
  sendMessage,
  serializeError,
  type MessageHandlers,
} from './messaging.js';
import {contentScriptSender, pageSender, TEST_EXTENSION} from './testing.js';

// The polyfill refuses to load outside an extension; these tests pass every browser API in explicitly.
vi.mock('webextension-polyfill', () => ({default: {}}));

const TENANT = '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b';

function handlers(overrides: Partial<MessageHandlers> = {}): MessageHandlers {
  return {
    'auth:get-state': () => Promise.resolve({status: 'signed-out'}),
    'auth:sign-in': () => Promise.resolve({status: 'signing-in'}),
    'auth:sign-out': () => Promise.resolve({status: 'signed-out', reason: 'signed-out'}),
    'auth:get-access-token': () => Promise.resolve('access-token-1'),
    'drawer:toggle': () => Promise.resolve({open: true}),
    'connection-test:sign-in': () => Promise.resolve({ok: false, code: 'AUTH_POPUP_CLOSED'}),
    'connection-test:token': () => Promise.resolve({ok: false, error: 'invalid_client'}),
    ...overrides,
  };
}

describe('parseMessage', () => {
  it.each([
    ['B5-04 unknown type', {type: 'tokens:dump', payload: {}}, 'MESSAGE_UNKNOWN_TYPE'],
    ['B5-04 an inherited name as type', {type: 'constructor', payload: {}}, 'MESSAGE_UNKNOWN_TYPE'],
    [
      'B5-04 "fetch this URL" request',
      {type: 'fetch', payload: {url: 'https://evil.example/'}},
      'MESSAGE_UNKNOWN_TYPE',
    ],
    ['B5-04 not an object', 'auth:get-access-token', 'MESSAGE_INVALID'],
    ['B5-04 null', null, 'MESSAGE_INVALID'],
    ['B5-04 an array', [{type: 'auth:get-state'}], 'MESSAGE_INVALID'],
    ['B5-04 type not a string', {type: 1, payload: {}}, 'MESSAGE_INVALID'],
    ['B5-04 no payload', {type: 'auth:get-state'}, 'MESSAGE_INVALID'],
    ['B5-04 payload not an object', {type: 'auth:get-state', payload: TENANT}, 'MESSAGE_INVALID'],
    ['B5-04 extra top-level field', {type: 'auth:get-state', payload: {tenantId: TENANT}, url: 'x'}, 'MESSAGE_INVALID'],
    [
      'B5-04 extra payload field',
      {type: 'auth:get-state', payload: {tenantId: TENANT, issuer: 'x'}},
      'MESSAGE_INVALID',
    ],
    ['B5-04 missing field', {type: 'auth:sign-in', payload: {}}, 'MESSAGE_INVALID'],
    ['B5-04 tenant id not a UUID', {type: 'auth:sign-in', payload: {tenantId: '../../settings'}}, 'MESSAGE_INVALID'],
    [
      'B5-04 wrong field type',
      {type: 'auth:get-access-token', payload: {tenantId: TENANT, forceRefresh: 'yes'}},
      'MESSAGE_INVALID',
    ],
    ['B5-04 negative tab id', {type: 'drawer:toggle', payload: {tabId: -1}}, 'MESSAGE_INVALID'],
    ['B5-04 fractional tab id', {type: 'drawer:toggle', payload: {tabId: 1.5}}, 'MESSAGE_INVALID'],
    [
      'B5-04 huge payload',
      {type: 'auth:get-access-token', payload: {tenantId: TENANT, rejectedToken: 'x'.repeat(MAX_MESSAGE_CHARACTERS)}},
      'MESSAGE_TOO_LARGE',
    ],
  ])('%s is refused with a structured error', (_name, raw, code) => {
    expect(() => parseMessage(raw)).toThrow(expect.objectContaining({name: 'MessageError', code}));
  });

  const CLIENT = '3f0c7d3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f';
  const signInTest = (payload: Record<string, unknown>) => ({type: 'connection-test:sign-in', payload});
  const tokenTest = (payload: Record<string, unknown>) => ({type: 'connection-test:token', payload});
  it.each([
    ['missing scope', signInTest({tenantId: TENANT, clientId: CLIENT})],
    ['missing client id', signInTest({tenantId: TENANT, scope: 'openid'})],
    [
      'an issuer (the worker reads it from the tenant)',
      signInTest({tenantId: TENANT, clientId: CLIENT, scope: 'openid', issuer: 'https://evil.example'}),
    ],
    [
      'a redirect URL',
      signInTest({tenantId: TENANT, clientId: CLIENT, scope: 'openid', redirectUri: 'https://evil.example/'}),
    ],
    ['an empty client id', signInTest({tenantId: TENANT, clientId: '', scope: 'openid'})],
    ['a client id with a space', signInTest({tenantId: TENANT, clientId: 'a b', scope: 'openid'})],
    ['a client id over 256 characters', signInTest({tenantId: TENANT, clientId: 'c'.repeat(257), scope: 'openid'})],
    ['an empty scope', signInTest({tenantId: TENANT, clientId: CLIENT, scope: ''})],
    ['a scope with a quote', signInTest({tenantId: TENANT, clientId: CLIENT, scope: 'openid "x"'})],
    ['a scope with two spaces', signInTest({tenantId: TENANT, clientId: CLIENT, scope: 'openid  profile'})],
    ['a scope over 1,024 characters', signInTest({tenantId: TENANT, clientId: CLIENT, scope: 's'.repeat(1_025)})],
    ['a token test without a secret', tokenTest({tenantId: TENANT, clientId: CLIENT})],
    ['an empty secret', tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: ''})],
    ['a secret over 512 characters', tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 's'.repeat(513)})],
    ['a secret with a line break', tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 'a\nb'})],
    [
      'a token test with a token endpoint',
      tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 's', tokenEndpoint: 'https://evil.example/'}),
    ],
    ['a secret that is not a string', tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 42})],
  ])('B5-04 a connection test with %s is refused', (_name, raw) => {
    expect(() => parseMessage(raw)).toThrow(expect.objectContaining({name: 'MessageError', code: 'MESSAGE_INVALID'}));
  });

  it('B5-04 refuses a huge connection test with MESSAGE_TOO_LARGE', () => {
    expect(() =>
      parseMessage(
        tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 's', scope: 'x'.repeat(MAX_MESSAGE_CHARACTERS)}),
      ),
    ).toThrow(expect.objectContaining({code: 'MESSAGE_TOO_LARGE'}));
  });

  it('accepts well-formed connection tests, the token scope being optional', () => {
    for (const raw of [
      signInTest({tenantId: TENANT, clientId: CLIENT, scope: 'openid profile api.user-management'}),
      tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 'Zx9-_.~s3cret'}),
      tokenTest({tenantId: TENANT, clientId: CLIENT, clientSecret: 'Zx9-_.~s3cret', scope: 'api.user-management'}),
    ]) {
      expect(parseMessage(raw)).toEqual(raw);
    }
  });

  it('B5-04 refuses a message that cannot be serialized (a cycle)', () => {
    const payload: Record<string, unknown> = {tenantId: TENANT};
    payload.self = payload;
    expect(() => parseMessage({type: 'auth:get-state', payload})).toThrow(
      expect.objectContaining({code: 'MESSAGE_INVALID'}),
    );
  });

  it('returns a well-formed message, optional fields included', () => {
    expect(parseMessage({type: 'auth:get-state', payload: {tenantId: TENANT}})).toEqual({
      type: 'auth:get-state',
      payload: {tenantId: TENANT},
    });
    expect(
      parseMessage({
        type: 'auth:get-access-token',
        payload: {tenantId: TENANT, forceRefresh: true, rejectedToken: 'old'},
      }),
    ).toEqual({type: 'auth:get-access-token', payload: {tenantId: TENANT, forceRefresh: true, rejectedToken: 'old'}});
  });
});

describe('isExtensionPage', () => {
  it.each([
    ['a content script (page URL, same extension id)', contentScriptSender(), false],
    ['B5-04 a foreign extension id', {...pageSender(), id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'}, false],
    ['no id at all (a web page)', {url: 'https://evil.example/'}, false],
    ['no URL', {id: TEST_EXTENSION.id}, false],
    ['an unparsable URL', {id: TEST_EXTENSION.id, url: 'not a url'}, false],
    ['a look-alike origin', {id: TEST_EXTENSION.id, url: `${TEST_EXTENSION.origin}.evil.example/x`}, false],
    [
      'an extension URL whose reported origin is the page (Chromium origin disagrees)',
      {...pageSender(), origin: 'https://portal.example.test'},
      false,
    ],
    ['the popup', pageSender('/src/popup/index.html'), true],
    ['the drawer frame inside a tab', {...pageSender('/src/panel/index.html?surface=drawer'), tab: {id: 3}}, true],
    [
      'a page in Firefox (no origin field)',
      {id: TEST_EXTENSION.id, url: `${TEST_EXTENSION.origin}/src/panel/index.html`},
      true,
    ],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isExtensionPage(sender as never, TEST_EXTENSION)).toBe(expected);
  });
});

describe('handleMessages', () => {
  const listen = (overrides?: Partial<MessageHandlers>) => handleMessages(handlers(overrides), () => TEST_EXTENSION);

  it('B5-04 answers a content script that asks for a token with MESSAGE_FORBIDDEN_SENDER, and runs no handler', async () => {
    const getToken = vi.fn(() => Promise.resolve('secret-token'));
    const reply = await listen({'auth:get-access-token': getToken})(
      {type: 'auth:get-access-token', payload: {tenantId: TENANT}},
      contentScriptSender(),
    );
    expect(reply).toEqual({
      ok: false,
      error: {name: 'MessageError', code: 'MESSAGE_FORBIDDEN_SENDER', message: expect.any(String) as string},
    });
    expect(getToken).not.toHaveBeenCalled();
    expect(JSON.stringify(reply)).not.toContain('secret-token');
  });

  it('B5-04 answers a foreign extension id with MESSAGE_FORBIDDEN_SENDER', async () => {
    const reply = await listen()(
      {type: 'auth:get-state', payload: {tenantId: TENANT}},
      {...pageSender(), id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz'},
    );
    expect(reply).toMatchObject({ok: false, error: {code: 'MESSAGE_FORBIDDEN_SENDER'}});
  });

  it.each([
    ['unknown type', {type: 'nope', payload: {}}, 'MESSAGE_UNKNOWN_TYPE'],
    ['wrong shape', {type: 'auth:get-state', payload: []}, 'MESSAGE_INVALID'],
    ['extra fields', {type: 'auth:get-state', payload: {tenantId: TENANT}, extra: true}, 'MESSAGE_INVALID'],
    [
      'huge payload',
      {type: 'auth:get-state', payload: {tenantId: TENANT, pad: 'x'.repeat(100_000)}},
      'MESSAGE_TOO_LARGE',
    ],
  ])('B5-04 %s from a page gets a structured error, not an exception', async (_name, raw, code) => {
    await expect(listen()(raw, pageSender())).resolves.toMatchObject({ok: false, error: {name: 'MessageError', code}});
  });

  it('answers a page with the handler value', async () => {
    await expect(listen()({type: 'auth:get-access-token', payload: {tenantId: TENANT}}, pageSender())).resolves.toEqual(
      {ok: true, value: 'access-token-1'},
    );
  });

  it('passes an AuthError on with its code and message', async () => {
    const reply = await listen({'auth:get-access-token': () => Promise.reject(new AuthError('AUTH_SIGNED_OUT'))})(
      {type: 'auth:get-access-token', payload: {tenantId: TENANT}},
      pageSender(),
    );
    expect(reply).toEqual({
      ok: false,
      error: {name: 'AuthError', code: 'AUTH_SIGNED_OUT', message: 'Sign in to continue.'},
    });
  });

  it('reports an unexpected failure with generic copy, never its text', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const reply = await listen({
      'auth:get-state': () => Promise.reject(new Error('refresh_token=abc leaked in a stack')),
    })({type: 'auth:get-state', payload: {tenantId: TENANT}}, pageSender());
    expect(reply).toMatchObject({ok: false, error: {name: 'MessageError', code: 'MESSAGE_FAILED'}});
    expect(JSON.stringify(reply)).not.toContain('refresh_token');
    consoleError.mockRestore();
  });
});

describe('serializeError / deserializeError', () => {
  it('keeps only name, code and message', () => {
    const error = new AuthError('AUTH_RENEWAL_FAILED', {cause: new Error('inner')});
    expect(serializeError(error)).toEqual({name: 'AuthError', code: 'AUTH_RENEWAL_FAILED', message: error.message});
  });

  it('rebuilds an AuthError for an auth code, a MessageError otherwise', () => {
    const auth = deserializeError({name: 'AuthError', code: 'AUTH_POPUP_CLOSED', message: 'closed'});
    expect(auth).toBeInstanceOf(AuthError);
    expect(auth).toMatchObject({code: 'AUTH_POPUP_CLOSED', message: 'closed'});
    const forged = deserializeError({name: 'AuthError', code: 'NOT_A_CODE', message: 'x'});
    expect(forged).toBeInstanceOf(MessageError);
    expect(forged).toMatchObject({code: 'MESSAGE_FAILED'});
  });
});

describe('sendMessage', () => {
  it('sends {type, payload} and resolves the value', async () => {
    const send = vi.fn(() => Promise.resolve({ok: true, value: 'token'}));
    await expect(sendMessage('auth:get-access-token', {tenantId: TENANT}, send)).resolves.toBe('token');
    expect(send).toHaveBeenCalledWith({type: 'auth:get-access-token', payload: {tenantId: TENANT}});
  });

  it('rejects with the rebuilt error', async () => {
    const send = () => Promise.resolve({ok: false, error: {name: 'AuthError', code: 'AUTH_SIGNED_OUT', message: 'm'}});
    await expect(sendMessage('auth:get-state', {tenantId: TENANT}, send)).rejects.toMatchObject({
      name: 'AuthError',
      code: 'AUTH_SIGNED_OUT',
    });
  });

  it('rejects with MESSAGE_NO_ANSWER when nothing or something malformed answers', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(
      sendMessage('auth:get-state', {tenantId: TENANT}, () => Promise.resolve(undefined)),
    ).rejects.toMatchObject({code: 'MESSAGE_NO_ANSWER'});
    await expect(
      sendMessage('auth:get-state', {tenantId: TENANT}, () =>
        Promise.reject(new Error('Receiving end does not exist.')),
      ),
    ).rejects.toMatchObject({code: 'MESSAGE_NO_ANSWER'});
    consoleError.mockRestore();
  });
});
