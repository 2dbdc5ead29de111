import {describe, expect, it} from 'vitest';
import {createFakeAuthSession, FAKE_USER} from './testing.js';
import type {AuthState} from './state.js';

describe('createFakeAuthSession', () => {
  it('starts signed in and hands out fake-token, recording each request', async () => {
    const session = createFakeAuthSession();
    expect(session.state).toMatchObject({status: 'signed-in', user: FAKE_USER});
    await expect(session.getAccessToken({forceRefresh: true, rejectedToken: 'old'})).resolves.toBe('fake-token');
    expect(session.accessTokenRequests).toEqual([{forceRefresh: true, rejectedToken: 'old'}]);
  });

  it('flips state on signOut and signIn, and tells subscribers until they unsubscribe', async () => {
    const session = createFakeAuthSession({status: 'signed-out'});
    const seen: AuthState['status'][] = [];
    const unsubscribe = session.subscribe((state) => seen.push(state.status));
    await expect(session.getAccessToken()).rejects.toMatchObject({code: 'AUTH_SIGNED_OUT'});
    await session.signIn();
    await session.signOut();
    unsubscribe();
    await session.signIn();
    expect(seen).toEqual(['signed-in', 'signed-out']);
    expect(session.state.status).toBe('signed-in');
  });

  it('lets a test set any state, e.g. a renewal failure', () => {
    const session = createFakeAuthSession();
    session.setState({status: 'signed-out', reason: 'renewal-failed'});
    expect(session.state).toEqual({status: 'signed-out', reason: 'renewal-failed'});
    expect(Object.isFrozen(session.state)).toBe(true);
  });
});
