import {beforeEach, describe, expect, it, vi} from 'vitest';
import type {AuthState} from '@conga-connections/auth';
import {AuthError} from '@conga-connections/auth';
import {MessageError, type MessageMap, type MessageType} from './messaging.js';
import {RuntimeAuthSession, type StorageChangedEvent} from './runtime-session.js';
import {authStateKey, SessionStore, type PublicAuthState} from './storage.js';
import {createMemoryArea, type MemoryArea} from './testing.js';

vi.mock('webextension-polyfill', () => ({default: {}}));

const TENANT = '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b';
const SIGNED_IN: PublicAuthState = {
  status: 'signed-in',
  user: {sub: 'u1', name: 'Ada'},
  expiresAt: 1,
  scopes: ['openid'],
};

let sessionArea: MemoryArea;
let sent: {type: MessageType; payload: unknown}[];
let answers: Partial<Record<MessageType, () => Promise<unknown>>>;

function storageChanged(area: MemoryArea): StorageChangedEvent {
  const listeners = new Set<Parameters<StorageChangedEvent['addListener']>[0]>();
  area.onChanged((changes, name) => {
    for (const listener of listeners) listener(changes, name);
  });
  return {addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l)};
}

async function session(): Promise<RuntimeAuthSession> {
  return RuntimeAuthSession.create({
    tenantId: TENANT,
    issuer: 'https://login.example.test/api/v1/auth',
    storageChanged: storageChanged(sessionArea),
    sendMessage: <T extends MessageType>(type: T, payload: MessageMap[T]['request']) => {
      sent.push({type, payload});
      const answer = answers[type];
      return (answer ? answer() : Promise.reject(new MessageError('MESSAGE_NO_ANSWER'))) as Promise<
        MessageMap[T]['response']
      >;
    },
  });
}

beforeEach(() => {
  sessionArea = createMemoryArea('session');
  sent = [];
  answers = {'auth:get-state': () => Promise.resolve({status: 'signed-out'})};
});

describe('RuntimeAuthSession', () => {
  it('rebuilds a stored error state as an AuthError with its code and message', async () => {
    answers['auth:get-state'] = () =>
      Promise.resolve({status: 'error', error: {name: 'AuthError', code: 'AUTH_INTERRUPTED', message: 'Try again.'}});
    const {state} = await session();
    expect(state.status).toBe('error');
    const error = (state as Extract<AuthState, {status: 'error'}>).error;
    expect(error).toBeInstanceOf(AuthError);
    expect(error).toMatchObject({code: 'AUTH_INTERRUPTED', message: 'Try again.'});
  });

  it('C1-08 follows the state the worker writes to storage.session, for its own tenant only', async () => {
    const runtime = await session();
    const seen: string[] = [];
    runtime.subscribe((state) => seen.push(state.status));
    await new SessionStore(sessionArea).writeState('00000000-0000-4000-8000-000000000000', SIGNED_IN);
    await new SessionStore(sessionArea).writeState(TENANT, SIGNED_IN);
    expect(runtime.state).toMatchObject({status: 'signed-in', user: {name: 'Ada'}});
    await new SessionStore(sessionArea).clearTokens(TENANT, {status: 'signed-out', reason: 'signed-out'});
    await sessionArea.set({[authStateKey(TENANT)]: {status: 'bogus'}});
    expect(seen).toEqual(['signed-in', 'signed-out']);
    runtime.dispose();
    await new SessionStore(sessionArea).writeState(TENANT, SIGNED_IN);
    expect(seen).toEqual(['signed-in', 'signed-out']);
  });

  it('asks the worker for a token per request, passing the 401 details on', async () => {
    answers['auth:get-access-token'] = () => Promise.resolve('token-2');
    const runtime = await session();
    await expect(runtime.getAccessToken({forceRefresh: true, rejectedToken: 'token-1'})).resolves.toBe('token-2');
    expect(sent.at(-1)).toEqual({
      type: 'auth:get-access-token',
      payload: {tenantId: TENANT, forceRefresh: true, rejectedToken: 'token-1'},
    });
  });

  it('stops waiting for a token when the caller aborts', async () => {
    answers['auth:get-access-token'] = () => new Promise(() => undefined);
    const runtime = await session();
    const controller = new AbortController();
    const token = runtime.getAccessToken({signal: controller.signal});
    controller.abort();
    await expect(token).rejects.toMatchObject({name: 'AbortError'});
  });

  it('rejects a failed sign-in with the worker error and reloads the state', async () => {
    answers['auth:sign-in'] = () => Promise.reject(new AuthError('AUTH_POPUP_CLOSED'));
    const runtime = await session();
    answers['auth:get-state'] = () =>
      Promise.resolve({status: 'error', error: {name: 'AuthError', code: 'AUTH_POPUP_CLOSED', message: 'closed'}});
    await expect(runtime.signIn()).rejects.toMatchObject({code: 'AUTH_POPUP_CLOSED'});
    expect(runtime.state).toMatchObject({status: 'error'});
  });

  it('shows signed-out at once on sign-out, before the worker answers', async () => {
    answers['auth:get-state'] = () => Promise.resolve(SIGNED_IN);
    let finish: (value: unknown) => void = () => undefined;
    answers['auth:sign-out'] = () => new Promise((resolve) => (finish = resolve));
    const runtime = await session();
    const signOut = runtime.signOut();
    expect(runtime.state).toEqual({status: 'signed-out', reason: 'signed-out'});
    finish({status: 'signed-out', reason: 'signed-out'});
    await signOut;
  });
});
