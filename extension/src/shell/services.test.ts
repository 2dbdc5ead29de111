import {describe, expect, it, vi} from 'vitest';
import type {Settings} from '../storage.js';
import {createWorkerConnectionTester, followSettings} from './services.js';

vi.mock('webextension-polyfill', () => ({default: {}}));

const TENANT_ID = '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b';
const REDIRECT = 'https://lmbadgbaohkjlkfmjkkbhlcdedjcbjkc.chromiumapp.org/';

describe('createWorkerConnectionTester', () => {
  it("lands on the extension's redirect URL, names no page origin, and sends each test to the worker for the tenant", async () => {
    const sent: unknown[] = [];
    const send = ((type: string, payload: unknown) => {
      sent.push({type, payload});
      return Promise.resolve(
        type === 'connection-test:sign-in' ? {ok: false, code: 'AUTH_POPUP_CLOSED'} : {ok: false, blocked: true},
      );
    }) as Parameters<typeof createWorkerConnectionTester>[2];
    const tester = createWorkerConnectionTester({id: TENANT_ID}, REDIRECT, send);
    expect(tester.redirectUri).toBe(REDIRECT);
    expect(tester.origin).toBe('');
    await expect(tester.testSignIn({clientId: 'client-1', scope: 'openid'})).resolves.toEqual({
      ok: false,
      code: 'AUTH_POPUP_CLOSED',
    });
    await tester.getToken({clientId: 'client-2', clientSecret: 's3cret'});
    await tester.getToken({clientId: 'client-2', clientSecret: 's3cret', scope: 'api.user-management'});
    expect(sent).toEqual([
      {type: 'connection-test:sign-in', payload: {tenantId: TENANT_ID, clientId: 'client-1', scope: 'openid'}},
      {type: 'connection-test:token', payload: {tenantId: TENANT_ID, clientId: 'client-2', clientSecret: 's3cret'}},
      {
        type: 'connection-test:token',
        payload: {tenantId: TENANT_ID, clientId: 'client-2', clientSecret: 's3cret', scope: 'api.user-management'},
      },
    ]);
  });
});

describe('followSettings', () => {
  const SETTINGS: Settings = {tenants: [], activeTenantId: null} as unknown as Settings;

  it('uses the settings read now and every later change, and stops when asked', async () => {
    let listener: ((settings: Settings) => void) | undefined;
    let unwatched = false;
    const used: Settings[] = [];
    const stop = followSettings(
      {
        readSettings: () => Promise.resolve(SETTINGS),
        watchSettings: (next) => {
          listener = next;
          return () => {
            unwatched = true;
          };
        },
      },
      (settings) => used.push(settings),
      () => {
        throw new Error('not expected');
      },
    );
    await vi.waitFor(() => {
      expect(used).toEqual([SETTINGS]);
    });
    const changed = {...SETTINGS, activeTenantId: TENANT_ID} as Settings;
    listener?.(changed);
    expect(used).toEqual([SETTINGS, changed]);
    stop();
    expect(unwatched).toBe(true);
  });

  it('reports settings that cannot be read', async () => {
    const failures: unknown[] = [];
    const problem = new Error('storage refused');
    followSettings(
      {readSettings: () => Promise.reject(problem), watchSettings: () => () => undefined},
      () => undefined,
      (error) => failures.push(error),
    );
    await vi.waitFor(() => {
      expect(failures).toEqual([problem]);
    });
  });
});
