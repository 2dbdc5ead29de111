import {describe, expect, it} from 'vitest';
import {
  parsePublicAuthState,
  parseSettings,
  parseTokenRecord,
  SessionStore,
  SETTINGS_KEY,
  SettingsStore,
  type Tenant,
} from './storage.js';
import {createMemoryArea} from './testing.js';

const TENANT: Tenant = {
  id: '2f1e7c4a-9b3d-4e5f-8a6b-7c8d9e0f1a2b',
  name: 'Acme',
  preset: 'na',
  issuer: 'https://login-rls.congacloud.com/api/v1/auth',
  apiBaseUrl: 'https://rls.congacloud.com',
  clientId: 'client',
};

describe('SettingsStore', () => {
  it('B5-03 writes only the settings fields to storage.local, whatever else the object carries', async () => {
    const local = createMemoryArea('local');
    const sneaky = {...TENANT, accessToken: 'secret-access', refreshToken: 'secret-refresh'};
    await new SettingsStore(local).write({tenants: [sneaky], activeTenantId: TENANT.id, tokens: 'x'} as never);
    expect(JSON.stringify(local.dump())).not.toMatch(/secret-|accessToken|refreshToken|tokens/);
    await expect(new SettingsStore(local).read()).resolves.toEqual({tenants: [TENANT], activeTenantId: TENANT.id});
  });

  it('drops an active tenant that no longer exists, and unreadable tenants', async () => {
    const local = createMemoryArea('local');
    await local.set({
      [SETTINGS_KEY]: {tenants: [TENANT, {id: 1}, {...TENANT, preset: 'mars'}], activeTenantId: 'gone'},
    });
    await expect(new SettingsStore(local).read()).resolves.toEqual({tenants: [TENANT]});
  });

  it('reads missing or malformed settings as no tenants', () => {
    expect(parseSettings(undefined)).toEqual({tenants: []});
    expect(parseSettings({tenants: 'x'})).toEqual({tenants: []});
  });
});

describe('SessionStore', () => {
  it('writes tokens and the signed-in state together, and clears them together', async () => {
    const area = createMemoryArea('session');
    const store = new SessionStore(area);
    const record = {
      issuer: TENANT.issuer,
      clientId: 'client',
      accessToken: 'a',
      refreshToken: 'r',
      expiresAt: 5,
      scopes: ['openid'],
      user: {sub: 'u'},
    };
    await expect(store.writeTokens(TENANT.id, record)).resolves.toEqual({
      status: 'signed-in',
      user: {sub: 'u'},
      expiresAt: 5,
      scopes: ['openid'],
    });
    await expect(store.readTokens(TENANT.id)).resolves.toEqual(record);
    await store.clearTokens(TENANT.id, {status: 'signed-out', reason: 'signed-out'});
    await expect(store.readTokens(TENANT.id)).resolves.toBeUndefined();
    await expect(store.readState(TENANT.id)).resolves.toEqual({status: 'signed-out', reason: 'signed-out'});
  });

  it('keeps sign-in transactions as strings through the async TransactionStorage', async () => {
    const transactions = new SessionStore(createMemoryArea('session')).transactions();
    await transactions.setItem('conga:auth-transaction:s', '{"a":1}');
    await expect(transactions.getItem('conga:auth-transaction:s')).resolves.toBe('{"a":1}');
    await transactions.removeItem('conga:auth-transaction:s');
    await expect(transactions.getItem('conga:auth-transaction:s')).resolves.toBeNull();
  });

  it.each([
    [undefined],
    [{accessToken: 'a'}],
    [{issuer: 'i', clientId: 'c', accessToken: 'a', expiresAt: '5', scopes: [], user: {sub: 'u'}}],
    [{issuer: 'i', clientId: 'c', accessToken: 'a', expiresAt: 5, scopes: [1], user: {sub: 'u'}}],
  ])('reads a malformed token record %j as none', (value) => {
    expect(parseTokenRecord(value)).toBeUndefined();
  });

  it.each([
    [{status: 'signed-out', reason: 'other'}, {status: 'signed-out'}],
    [{status: 'signing-in', extra: 1}, {status: 'signing-in'}],
    [
      {status: 'signed-in', user: {sub: 'u'}, expiresAt: 1, scopes: []},
      {status: 'signed-in', user: {sub: 'u'}, expiresAt: 1, scopes: []},
    ],
    [{status: 'signed-in', user: {}, expiresAt: 1, scopes: []}, undefined],
    [{status: 'error', error: {name: 'AuthError', code: 'X'}}, undefined],
    [{status: 'admin'}, undefined],
  ])('parses the public state %j as %j', (value, expected) => {
    expect(parsePublicAuthState(value)).toEqual(expected);
  });
});
