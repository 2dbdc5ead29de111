import {describe, expect, it} from 'vitest';
import {createFakeApiClient, fakeApiError, fakeSeed} from './testing.js';
import {isApiError} from './errors.js';
import {leakReport, rejectionOf, thrownBy} from './test-support.js';
import type {SortField} from './types.js';

const SALESFORCE_ORG = '00D5g000004CmQwEAK';

describe('createFakeApiClient', () => {
  it('starts empty without a seed, with the documented identity providers and an admin user', async () => {
    const api = createFakeApiClient();
    await expect(api.apiConnections.list()).resolves.toEqual({items: [], recordCount: 0, hasMoreRecords: false});
    await expect(api.externalIntegrations.list()).resolves.toEqual([]);
    await expect(api.externalIntegrations.identityProviders()).resolves.toHaveLength(3);
    await expect(api.user.info()).resolves.toMatchObject({Role: {Name: 'SysAdmin'}});
  });

  it('gives the same data on every run (deterministic ids, secrets and dates)', async () => {
    const run = async () => {
      const api = createFakeApiClient(fakeSeed);
      const created = await api.apiConnections.create('NEWORG', 'APItoAPI', {ClientName: 'New'});
      const updated = await api.apiConnections.update('NEWORG', 'APItoAPI', {ClientName: 'Renamed'});
      return {
        created,
        updated,
        list: await api.apiConnections.list(),
        read: await api.apiConnections.get('NEWORG', 'APItoAPI'),
      };
    };
    expect(await run()).toEqual(await run());
  });

  it('does not share state between clients or with the seed', async () => {
    const seed = structuredClone(fakeSeed);
    const first = createFakeApiClient(seed);
    await first.apiConnections.setStatus(SALESFORCE_ORG, 'APItoAPI', false);
    const second = createFakeApiClient(seed);
    await expect(second.apiConnections.get(SALESFORCE_ORG, 'APItoAPI')).resolves.toMatchObject({IsActive: true});
    expect(seed).toEqual(fakeSeed);
  });

  it('returns copies, so a caller cannot change the store by mutating a result', async () => {
    const api = createFakeApiClient(fakeSeed);
    const page = await api.apiConnections.list();
    page.items[0]!.ClientName = 'mutated';
    const again = await api.apiConnections.list();
    expect(again.items[0]?.ClientName).not.toBe('mutated');
  });
});

describe('fake apiConnections.list', () => {
  it('lists the seed newest first with its count', async () => {
    const api = createFakeApiClient(fakeSeed);
    const page = await api.apiConnections.list();
    expect(page.recordCount).toBe(fakeSeed.connections.length);
    expect(page.hasMoreRecords).toBe(false);
    expect(page.items.map((item) => item.ClientName)).toEqual([
      'Génération de documents',
      'Copilot (UAT)',
      'Contract portal',
      'ERP nightly sync',
      'Reporting export (sandbox)',
    ]);
  });

  it('sorts DESC by default once a sort field is given, and ASC on request', async () => {
    const api = createFakeApiClient(fakeSeed);
    const descending = await api.apiConnections.list({sortField: 'ClientName'});
    const ascending = await api.apiConnections.list({sortField: 'ClientName', sortDirection: 'ASC'});
    expect(descending.items.map((item) => item.ClientName)).toEqual(
      ascending.items.map((item) => item.ClientName).reverse(),
    );
    expect(ascending.items[0]?.ClientName).toBe('Contract portal');
  });

  it('pages with recordCount and hasMoreRecords, and an empty page past the end (A6-03)', async () => {
    const api = createFakeApiClient(fakeSeed);
    await expect(api.apiConnections.list({pageSize: 2, pageNumber: 1})).resolves.toMatchObject({
      recordCount: 5,
      hasMoreRecords: true,
    });
    const last = await api.apiConnections.list({pageSize: 2, pageNumber: 3});
    expect(last.items).toHaveLength(1);
    expect(last.hasMoreRecords).toBe(false);
    await expect(api.apiConnections.list({pageSize: 2, pageNumber: 9})).resolves.toMatchObject({
      items: [],
      recordCount: 5,
    });
  });

  it('applies the same argument checks as the real client', () => {
    const api = createFakeApiClient(fakeSeed);
    expect(thrownBy(() => api.apiConnections.list({sortField: 'ClientSecret' as SortField}))).toBeInstanceOf(TypeError);
    expect(thrownBy(() => api.apiConnections.get('..', 'APItoAPI'))).toBeInstanceOf(TypeError);
  });

  it('never returns a secret in a read, whatever the seed says (B4-01)', async () => {
    const api = createFakeApiClient({connections: [{ExternalIdentifier: 'X', type: 'APItoAPI', ClientSecret: 'leak'}]});
    const page = await api.apiConnections.list();
    expect(page.items[0]?.ClientSecret).toBeNull();
    await expect(api.apiConnections.get('X', 'APItoAPI')).resolves.toMatchObject({ClientSecret: null});
  });
});

describe('fake apiConnections.get', () => {
  it('reads a seeded connection with its type label and ETag', async () => {
    const api = createFakeApiClient(fakeSeed);
    await expect(api.apiConnections.get(SALESFORCE_ORG, 'UItoAPI')).resolves.toMatchObject({
      APIType: 'UI to API',
      ClientName: 'Contract portal',
      RedirectURI: ['https://portal.example.com/auth/callback'],
      ETag: 'W/"1"',
    });
  });

  it('rejects with API_NOT_FOUND for an unknown connection', async () => {
    const api = createFakeApiClient(fakeSeed);
    expect(await rejectionOf(api.apiConnections.get('00D000000000000AAA', 'APItoAPI'))).toMatchObject({
      code: 'API_NOT_FOUND',
      status: 404,
      messages: ['API connection not found.'],
    });
  });

  it('takes the type from APIType when the seed names none', async () => {
    const api = createFakeApiClient({connections: [{ExternalIdentifier: 'X', APIType: 'UI to API'}]});
    await expect(api.apiConnections.get('X', 'UItoAPI')).resolves.toMatchObject({APIType: 'UI to API'});
  });
});

describe('fake apiConnections.create', () => {
  it('returns a generated ClientId and ClientSecret for APItoAPI, and stores the connection active', async () => {
    const api = createFakeApiClient(fakeSeed);
    const created = await api.apiConnections.create('NEWORG', 'APItoAPI', {ClientName: 'Billing', Description: 'd'});
    expect(created.ClientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.ClientSecret).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(created).toMatchObject({APIType: 'API to API', ExternalIdentifier: 'NEWORG', IsActive: true});
    await expect(api.apiConnections.get('NEWORG', 'APItoAPI')).resolves.toMatchObject({
      ClientId: created.ClientId,
      ClientName: 'Billing',
      ClientSecret: null,
    });
  });

  it('returns no secret for a UItoAPI (public) client', async () => {
    const api = createFakeApiClient(fakeSeed);
    const created = await api.apiConnections.create('NEWORG', 'UItoAPI', {RedirectURI: ['https://a.example/cb']});
    expect(created.ClientSecret).toBeNull();
    expect(created.RedirectURI).toEqual(['https://a.example/cb']);
  });

  it('rejects a second connection of the same type with API_CONFLICT (C2-05)', async () => {
    const api = createFakeApiClient(fakeSeed);
    expect(await rejectionOf(api.apiConnections.create(SALESFORCE_ORG, 'APItoAPI', {}))).toMatchObject({
      code: 'API_CONFLICT',
      status: 409,
    });
    await expect(api.apiConnections.list()).resolves.toMatchObject({recordCount: 5});
  });

  it('records each call, so a test can assert exactly one write (C4-01)', async () => {
    const api = createFakeApiClient();
    await api.apiConnections.create('NEWORG', 'APItoAPI', {ClientName: 'x'});
    expect(api.calls).toEqual([{operation: 'apiConnections.create', args: ['NEWORG', 'APItoAPI', {ClientName: 'x'}]}]);
  });
});

describe('fake apiConnections.update', () => {
  it('regenerates the secret of an APItoAPI connection on every save', async () => {
    const api = createFakeApiClient(fakeSeed);
    const first = await api.apiConnections.update(SALESFORCE_ORG, 'APItoAPI', {Description: 'one'});
    const second = await api.apiConnections.update(SALESFORCE_ORG, 'APItoAPI', {Description: 'two'});
    expect(first.ClientSecret).toEqual(expect.any(String));
    expect(second.ClientSecret).not.toBe(first.ClientSecret);
    expect(second.Description).toBe('two');
  });

  it('returns no secret for a UItoAPI connection', async () => {
    const api = createFakeApiClient(fakeSeed);
    await expect(api.apiConnections.update(SALESFORCE_ORG, 'UItoAPI', {})).resolves.toMatchObject({ClientSecret: null});
  });

  it('rejects a stale ifMatch with API_PRECONDITION_FAILED and accepts the current ETag (C2-03)', async () => {
    const api = createFakeApiClient(fakeSeed);
    const {ETag} = await api.apiConnections.get(SALESFORCE_ORG, 'APItoAPI');
    await api.apiConnections.update(SALESFORCE_ORG, 'APItoAPI', {Description: 'theirs'}, {ifMatch: ETag!});
    expect(
      await rejectionOf(api.apiConnections.update(SALESFORCE_ORG, 'APItoAPI', {Description: 'mine'}, {ifMatch: ETag!})),
    ).toMatchObject({code: 'API_PRECONDITION_FAILED', status: 412});
    await expect(api.apiConnections.get(SALESFORCE_ORG, 'APItoAPI')).resolves.toMatchObject({
      Description: 'theirs',
      ETag: 'W/"2"',
    });
  });

  it('rejects with API_NOT_FOUND for an unknown connection', async () => {
    const api = createFakeApiClient();
    expect(await rejectionOf(api.apiConnections.update('X', 'APItoAPI', {}))).toMatchObject({code: 'API_NOT_FOUND'});
  });
});

describe('fake apiConnections.setStatus', () => {
  it('deactivates and reactivates a connection', async () => {
    const api = createFakeApiClient(fakeSeed);
    await expect(api.apiConnections.setStatus(SALESFORCE_ORG, 'APItoAPI', false)).resolves.toBe(true);
    await expect(api.apiConnections.get(SALESFORCE_ORG, 'APItoAPI')).resolves.toMatchObject({IsActive: false});
    await api.apiConnections.setStatus(SALESFORCE_ORG, 'APItoAPI', true);
    await expect(api.apiConnections.get(SALESFORCE_ORG, 'APItoAPI')).resolves.toMatchObject({IsActive: true});
  });

  it('rejects with API_NOT_FOUND for an unknown connection (C2-02)', async () => {
    const api = createFakeApiClient();
    expect(await rejectionOf(api.apiConnections.setStatus('X', 'UItoAPI', true))).toMatchObject({
      code: 'API_NOT_FOUND',
    });
  });
});

describe('fake externalIntegrations.list', () => {
  it('lists the seeded integrations, sortable and paged', async () => {
    const api = createFakeApiClient(fakeSeed);
    await expect(api.externalIntegrations.list()).resolves.toHaveLength(3);
    const sorted = await api.externalIntegrations.list({sortField: 'DisplayName', sortDirection: 'ASC', pageSize: 2});
    expect(sorted.map((item) => item.DisplayName)).toEqual(['Acme (Microsoft)', 'Acme (Production)']);
  });

  it('returns at most the documented default of 10 without a pageSize', async () => {
    const integrations = Array.from({length: 12}, (_, index) => ({ExternalId: `ORG${index}`}));
    const api = createFakeApiClient({integrations});
    await expect(api.externalIntegrations.list()).resolves.toHaveLength(10);
  });
});

describe('fake failures and aborts', () => {
  it('rejects the next call of an operation with the scheduled error, once', async () => {
    const api = createFakeApiClient(fakeSeed);
    api.failNext('apiConnections.list', fakeApiError(503, ['hidden']));
    const error = await rejectionOf(api.apiConnections.list());
    expect(isApiError(error, 'API_SERVER_ERROR')).toBe(true);
    expect(error).toMatchObject({status: 503, messages: []});
    await expect(api.apiConnections.list()).resolves.toMatchObject({recordCount: 5});
  });

  it('builds errors like the real client', () => {
    expect(fakeApiError(400, ['Enter a name.'])).toMatchObject({
      name: 'ApiError',
      code: 'API_BAD_REQUEST',
      message: 'the server rejected the request (400)',
      messages: ['Enter a name.'],
    });
  });

  it('rejects with the AbortError of an aborted signal and changes nothing', async () => {
    const api = createFakeApiClient(fakeSeed);
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(
      api.apiConnections.setStatus(SALESFORCE_ORG, 'APItoAPI', false, {signal: controller.signal}),
    );
    expect(error).toBe(controller.signal.reason);
    await expect(api.apiConnections.get(SALESFORCE_ORG, 'APItoAPI')).resolves.toMatchObject({IsActive: true});
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });
});
