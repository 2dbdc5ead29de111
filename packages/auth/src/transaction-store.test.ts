import {describe, expect, it} from 'vitest';
import {
  createMemoryStorage,
  safeReturnTo,
  TRANSACTION_LIFETIME_MS,
  TransactionStore,
  type AuthTransaction,
} from './transaction-store.js';

const ORIGIN = 'https://app.example.test';
const T0 = 1_760_000_000_000;

function transaction(state: string, createdAt = T0): AuthTransaction {
  return {
    state,
    verifier: 'v'.repeat(43),
    nonce: 'n',
    issuer: 'https://login.example.test/api/v1/auth',
    redirectUri: `${ORIGIN}/`,
    createdAt,
  };
}

describe('safeReturnTo', () => {
  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example',
    '/%2F%2Fevil.example',
    '/%5Cevil.example',
    '\t//evil.example',
    '/\t/evil.example',
    'javascript:x',
    'JavaScript:alert(1)',
    'evil.example/path',
    '',
  ])('B2-09 ignores %j', (returnTo) => {
    expect(safeReturnTo(returnTo, ORIGIN)).toBeUndefined();
  });

  it.each([
    ['/', '/'],
    ['/admin/org?tab=connections', '/admin/org?tab=connections'],
    ['/admin/org#connections', '/admin/org#connections'],
    ['/a/../b', '/b'],
  ])('B2-09 keeps the same-origin path %j', (returnTo, expected) => {
    expect(safeReturnTo(returnTo, ORIGIN)).toBe(expected);
  });

  it('B2-09 ignores an undefined return-to', () => {
    expect(safeReturnTo(undefined, ORIGIN)).toBeUndefined();
  });
});

describe('TransactionStore', () => {
  it('B2-02 hands out a transaction once, then never again', async () => {
    const store = new TransactionStore(createMemoryStorage(), () => T0);
    await store.save(transaction('state-1'));
    await expect(store.take('state-1')).resolves.toMatchObject({state: 'state-1'});
    await expect(store.take('state-1')).resolves.toBeUndefined();
  });

  it('C1-09 reports a transaction older than 10 minutes as expired and deletes it', async () => {
    let time = T0;
    const storage = createMemoryStorage();
    const store = new TransactionStore(storage, () => time);
    await store.save(transaction('state-1'));
    time += TRANSACTION_LIFETIME_MS + 1;
    await expect(store.take('state-1')).resolves.toBe('expired');
    expect(storage.length).toBe(0);
  });

  it('keeps a transaction for its whole 10-minute lifetime', async () => {
    let time = T0;
    const store = new TransactionStore(createMemoryStorage(), () => time);
    await store.save(transaction('state-1'));
    time += TRANSACTION_LIFETIME_MS;
    await expect(store.take('state-1')).resolves.toMatchObject({state: 'state-1'});
  });

  it('drops expired and unreadable transactions when a new one is saved', async () => {
    let time = T0;
    const storage = createMemoryStorage();
    storage.setItem('conga:auth-transaction:broken', '{not json');
    storage.setItem('conga:settings', 'kept');
    const store = new TransactionStore(storage, () => time);
    await store.save(transaction('old'));
    time += TRANSACTION_LIFETIME_MS + 1;
    await store.save(transaction('new', time));
    expect(storage.getItem('conga:auth-transaction:old')).toBeNull();
    expect(storage.getItem('conga:auth-transaction:broken')).toBeNull();
    expect(storage.getItem('conga:auth-transaction:new')).not.toBeNull();
    expect(storage.getItem('conga:settings')).toBe('kept');
  });

  it('refuses a stored record whose state does not match its key', async () => {
    const storage = createMemoryStorage();
    storage.setItem('conga:auth-transaction:a', JSON.stringify(transaction('b')));
    const store = new TransactionStore(storage, () => T0);
    await expect(store.take('a')).resolves.toBeUndefined();
  });

  it("works with an asynchronous storage such as the extension's storage.session", async () => {
    const items = new Map<string, string>();
    const store = new TransactionStore(
      {
        getItem: (key) => Promise.resolve(items.get(key) ?? null),
        setItem: (key, value) => Promise.resolve(void items.set(key, value)),
        removeItem: (key) => Promise.resolve(void items.delete(key)),
      },
      () => T0,
    );
    await store.save(transaction('state-1'));
    await expect(store.take('state-1')).resolves.toMatchObject({state: 'state-1'});
    expect(items.size).toBe(0);
  });

  it("stores no token, only the attempt's verifier, state, nonce, issuer, return-to and launcher", async () => {
    const storage = createMemoryStorage();
    const store = new TransactionStore(storage, () => T0);
    await store.save({...transaction('state-1'), returnTo: '/admin', launcher: 'redirect'});
    const stored = JSON.parse(storage.getItem('conga:auth-transaction:state-1')!) as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(
      ['createdAt', 'issuer', 'launcher', 'nonce', 'redirectUri', 'returnTo', 'state', 'verifier'].sort(),
    );
  });

  it('tells how an attempt was launched without using it up', async () => {
    const store = new TransactionStore(createMemoryStorage(), () => T0);
    await store.save({...transaction('by-redirect'), launcher: 'redirect'});
    await store.save({...transaction('by-frame'), launcher: 'frame'});
    await store.save(transaction('unsaid'));
    await expect(store.launcherOf('by-redirect')).resolves.toBe('redirect');
    await expect(store.launcherOf('by-frame')).resolves.toBe('frame');
    await expect(store.launcherOf('unsaid')).resolves.toBeUndefined();
    await expect(store.launcherOf('unknown')).resolves.toBeUndefined();
    await expect(store.take('by-redirect')).resolves.toMatchObject({launcher: 'redirect'});
  });

  it('knows nothing of an expired attempt, nor of a record with an unknown launcher', async () => {
    let now = T0;
    const storage = createMemoryStorage();
    const store = new TransactionStore(storage, () => now);
    await store.save({...transaction('old'), launcher: 'popup'});
    storage.setItem('conga:auth-transaction:odd', JSON.stringify({...transaction('odd'), launcher: 'window'}));
    await expect(store.launcherOf('odd')).resolves.toBeUndefined();
    await expect(store.take('odd')).resolves.toBeUndefined();
    now += TRANSACTION_LIFETIME_MS + 1;
    await expect(store.launcherOf('old')).resolves.toBeUndefined();
  });
});
