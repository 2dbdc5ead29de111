import {describe, expect, it} from 'vitest';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {createFakeApiClient, fakeApiError, fakeConnectionResponse} from '@conga-connections/api-client/testing';
import {applyPlan, connectionKey, planPromotion, writesOf, type ApplyResult, type PlanItem} from './plan.js';

const SALESFORCE = '00D5g000008XyZaEAK';
const SANDBOX = '00D7z000000AbCdEAG';
const MICROSOFT = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';

function connection(fields: Partial<ApiConnectionResponse> & {ExternalIdentifier: string}): ApiConnectionResponse {
  return fakeConnectionResponse({
    ClientId: 'source-client-id',
    ClientName: 'A connection',
    AllowedScopes: ['api.user-management'],
    ...fields,
  });
}

const portal = (fields: Partial<ApiConnectionResponse> & {ExternalIdentifier: string}) =>
  connection({
    APIType: 'UI to API',
    ClientName: 'Portal',
    RedirectURI: ['https://portal.acme.test/callback'],
    CorsOrigins: ['https://portal.acme.test'],
    AllowedScopes: ['openid', 'profile'],
    ...fields,
  });

const integrations = [{ExternalId: SALESFORCE}, {ExternalId: MICROSOFT}];

function only(items: PlanItem[]): PlanItem {
  expect(items).toHaveLength(1);
  const [item] = items;
  if (!item) throw new Error('no item');
  return item;
}

describe('planPromotion', () => {
  it('plans a create when the target has no connection with that External Identifier and type', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SALESFORCE, ClientName: 'CLM sync', Description: 'Nightly'})],
      target: [],
      targetIntegrations: integrations,
    });
    expect(only(plan.items)).toEqual({
      action: 'create',
      key: connectionKey(SALESFORCE, 'APItoAPI'),
      externalIdentifier: SALESFORCE,
      type: 'APItoAPI',
      name: 'CLM sync',
      notes: [],
      body: {ClientName: 'CLM sync', Description: 'Nightly', AllowedScopes: ['api.user-management']},
      issuesSecret: true,
    });
    expect(plan.counts).toEqual({create: 1, update: 0, unchanged: 0, invalid: 0});
    expect(plan.secretsIssued).toBe(1);
    expect(plan.secretsRegenerated).toBe(0);
  });

  it('plans a UI-to-API create with every browser field and no secret', () => {
    const plan = planPromotion({
      source: [portal({ExternalIdentifier: MICROSOFT, BackChannelLogoutURI: 'https://portal.acme.test/bcl'})],
      target: [],
      targetIntegrations: integrations,
    });
    const item = only(plan.items);
    expect(item).toMatchObject({action: 'create', type: 'UItoAPI', issuesSecret: false});
    expect(item.action === 'create' && item.body).toEqual({
      ClientName: 'Portal',
      Description: '',
      RedirectURI: ['https://portal.acme.test/callback'],
      CorsOrigins: ['https://portal.acme.test'],
      BackChannelLogoutURI: 'https://portal.acme.test/bcl',
      FrontChannelLogoutURI: null,
      AllowedScopes: ['openid', 'profile'],
    });
    expect(plan.secretsIssued).toBe(0);
  });

  it('plans an update listing each changed field, old → new, when the target has the connection', () => {
    const plan = planPromotion({
      source: [
        portal({
          ExternalIdentifier: SALESFORCE,
          Description: 'From the sandbox',
          RedirectURI: ['https://portal.acme.test/callback', 'https://portal.acme.test/silent'],
        }),
      ],
      target: [portal({ExternalIdentifier: SALESFORCE, ClientId: 'target-client-id', Description: null})],
      targetIntegrations: integrations,
    });
    const item = only(plan.items);
    expect(item.action).toBe('update');
    if (item.action !== 'update') return;
    expect(item.changes).toEqual([
      {field: 'Description', from: null, to: 'From the sandbox'},
      {
        field: 'RedirectURI',
        from: ['https://portal.acme.test/callback'],
        to: ['https://portal.acme.test/callback', 'https://portal.acme.test/silent'],
      },
    ]);
    expect(item.regeneratesSecret).toBe(false);
    expect(item.targetClientId).toBe('target-client-id');
    expect(plan.counts).toEqual({create: 0, update: 1, unchanged: 0, invalid: 0});
  });

  it('warns that an API-to-API update regenerates the secret, and counts it', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SALESFORCE, ClientName: 'CLM sync v2'})],
      target: [connection({ExternalIdentifier: SALESFORCE, ClientName: 'CLM sync', ClientId: 'target-id'})],
      targetIntegrations: integrations,
    });
    expect(only(plan.items)).toMatchObject({
      action: 'update',
      regeneratesSecret: true,
      changes: [{field: 'ClientName', from: 'CLM sync', to: 'CLM sync v2'}],
    });
    expect(plan.secretsRegenerated).toBe(1);
    expect(plan.secretsIssued).toBe(0);
  });

  it('plans no change when the settings are equal, reading null as empty and ignoring list order', () => {
    const plan = planPromotion({
      source: [
        portal({
          ExternalIdentifier: SALESFORCE,
          Description: '',
          AllowedScopes: ['profile', 'openid'],
          ClientId: 'source-id',
          IsActive: false,
        }),
      ],
      target: [portal({ExternalIdentifier: SALESFORCE, Description: null, ClientId: 'other-id'})],
      targetIntegrations: integrations,
    });
    expect(only(plan.items)).toMatchObject({action: 'unchanged', type: 'UItoAPI'});
    expect(plan.counts.unchanged).toBe(1);
  });

  it('matches by External Identifier and type, never by Client ID or name', () => {
    const plan = planPromotion({
      source: [
        connection({ExternalIdentifier: SALESFORCE, ClientId: 'same-id', ClientName: 'Sync'}),
        portal({ExternalIdentifier: MICROSOFT, ClientId: 'same-id', ClientName: 'Sync'}),
      ],
      target: [
        // Same Client ID and name, other identifier: not the same connection.
        connection({ExternalIdentifier: MICROSOFT, ClientId: 'same-id', ClientName: 'Sync'}),
        // Same identifier, other type: not the same connection either.
        portal({ExternalIdentifier: SALESFORCE, ClientId: 'same-id', ClientName: 'Sync'}),
      ],
      targetIntegrations: integrations,
    });
    expect(plan.items.map((item) => [item.key, item.action])).toEqual([
      [connectionKey(SALESFORCE, 'APItoAPI'), 'create'],
      [connectionKey(MICROSOFT, 'UItoAPI'), 'create'],
    ]);
  });

  it('reads the display and query spellings of the type alike', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SALESFORCE, APIType: 'APItoAPI'})],
      target: [connection({ExternalIdentifier: SALESFORCE, APIType: 'API to API'})],
      targetIntegrations: integrations,
    });
    expect(only(plan.items).action).toBe('unchanged');
  });

  it('is invalid for the target when its External Integrations lack the identifier', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SANDBOX, ClientName: 'Sandbox sync'})],
      target: [],
      targetIntegrations: integrations,
    });
    expect(only(plan.items)).toMatchObject({
      action: 'invalid',
      externalIdentifier: SANDBOX,
      problems: [
        `The target has no External Integration with the identifier ${SANDBOX}. Add it to the target's External Integrations first.`,
      ],
    });
    expect(plan.counts).toEqual({create: 0, update: 0, unchanged: 0, invalid: 1});
    expect(writesOf(plan)).toEqual([]);
  });

  it("is invalid when a field fails the target's validation, naming the field, the row and the value", () => {
    const plan = planPromotion({
      source: [
        portal({
          ExternalIdentifier: SALESFORCE,
          RedirectURI: ['https://portal.acme.test/callback', 'http://portal.acme.test/cb#x'],
          CorsOrigins: [],
        }),
      ],
      target: [],
      targetIntegrations: integrations,
    });
    const item = only(plan.items);
    expect(item.action).toBe('invalid');
    if (item.action !== 'invalid') return;
    expect(item.problems).toEqual([
      "Redirect URI 2 (http://portal.acme.test/cb#x): Redirect URIs can't contain a fragment (#…).",
    ]);
  });

  it('reports every problem at once: the missing identifier and the bad fields', () => {
    const plan = planPromotion({
      source: [portal({ExternalIdentifier: SANDBOX, ClientName: '  ', RedirectURI: []})],
      target: [],
      targetIntegrations: integrations,
    });
    const item = only(plan.items);
    expect(item.action === 'invalid' && item.problems).toEqual([
      `The target has no External Integration with the identifier ${SANDBOX}. Add it to the target's External Integrations first.`,
      'Client Name: Enter a name.',
      'Redirect URI: Add at least one redirect URI.',
    ]);
  });

  it('is invalid when the type is neither API to API nor UI to API', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SALESFORCE, APIType: 'Machine'})],
      target: [],
      targetIntegrations: integrations,
    });
    expect(only(plan.items)).toMatchObject({
      action: 'invalid',
      type: null,
      problems: ["The connection's type “Machine” is neither API to API nor UI to API."],
    });
  });

  it('never copies a Client ID, a secret, the status or record data, and leaves browser fields off API-to-API', () => {
    const source = {
      ...connection({
        ExternalIdentifier: SALESFORCE,
        ClientId: 'source-client-id',
        ClientSecret: 'source-secret-value',
        IsActive: false,
        // The platform's own list example shows CORS origins on an API-to-API connection.
        CorsOrigins: ['http://localhost:3000'],
      }),
      Id: 'record-id',
      CreatedDate: '2026-01-01T00:00:00Z',
      ModifiedBy: {Id: 'u', Name: 'Ada'},
      ETag: 'W/"3"',
    };
    const plan = planPromotion({source: [source], target: [], targetIntegrations: integrations});
    const item = only(plan.items);
    expect(item.action).toBe('create');
    if (item.action !== 'create') return;
    expect(Object.keys(item.body).sort()).toEqual(['AllowedScopes', 'ClientName', 'Description']);
    const text = JSON.stringify(plan);
    for (const value of ['source-client-id', 'source-secret-value', 'record-id', 'W/"3"', '2026-01-01', 'localhost']) {
      expect(text).not.toContain(value);
    }
    expect(item.notes).toEqual([
      "Redirect, CORS and logout URIs aren't copied: an API-to-API connection doesn't use them.",
      "The source connection is inactive; the new one starts active (status isn't copied).",
    ]);
  });

  it('sends the normalized values the rules store (trimmed name, normalized origins, scopes once)', () => {
    const plan = planPromotion({
      source: [
        portal({
          ExternalIdentifier: SALESFORCE,
          ClientName: '  Portal  ',
          CorsOrigins: ['HTTPS://Portal.Acme.TEST:443'],
          AllowedScopes: ['openid', 'openid', 'profile'],
        }),
      ],
      target: [],
      targetIntegrations: integrations,
    });
    const item = only(plan.items);
    expect(item.action === 'create' && item.body).toMatchObject({
      ClientName: 'Portal',
      CorsOrigins: ['https://portal.acme.test'],
      AllowedScopes: ['openid', 'profile'],
    });
  });

  it('notes an inactive target connection that stays inactive', () => {
    const plan = planPromotion({
      source: [connection({ExternalIdentifier: SALESFORCE, ClientName: 'New name'})],
      target: [connection({ExternalIdentifier: SALESFORCE, IsActive: false})],
      targetIntegrations: integrations,
    });
    expect(only(plan.items).notes).toEqual(['The target connection is inactive and stays inactive.']);
  });
});

describe('applyPlan', () => {
  const source = [
    connection({ExternalIdentifier: SALESFORCE, ClientName: 'CLM sync'}),
    portal({ExternalIdentifier: MICROSOFT, ClientName: 'Portal v2'}),
    connection({ExternalIdentifier: SANDBOX, ClientName: 'Sandbox sync'}),
    connection({ExternalIdentifier: MICROSOFT, ClientName: 'Same'}),
  ];
  const targetSeed = () =>
    createFakeApiClient({
      integrations: [{ExternalId: SALESFORCE}, {ExternalId: MICROSOFT}],
      connections: [
        {
          ...portal({ExternalIdentifier: MICROSOFT, ClientName: 'Portal'}),
          ExternalIdentifier: MICROSOFT,
          type: 'UItoAPI',
        },
        {
          ...connection({ExternalIdentifier: MICROSOFT, ClientName: 'Same'}),
          ExternalIdentifier: MICROSOFT,
          type: 'APItoAPI',
        },
      ],
    });

  it('creates and updates what the plan says, and returns each new Client ID and secret once', async () => {
    const api = targetSeed();
    const target = (await api.apiConnections.list()).items;
    const plan = planPromotion({source, target, targetIntegrations: await api.externalIntegrations.list()});
    expect(plan.items.map((item) => item.action)).toEqual(['create', 'update', 'invalid', 'unchanged']);
    const progress: [string, number, number][] = [];
    const results = await applyPlan(api, plan, {
      onResult: (result, done, total) => progress.push([result.outcome, done, total]),
    });
    expect(progress).toEqual([
      ['created', 1, 2],
      ['updated', 2, 2],
    ]);
    const writes = api.calls.filter((call) => call.operation !== 'apiConnections.list');
    expect(writes.map((call) => [call.operation, call.args[0], call.args[1]])).toEqual([
      ['externalIntegrations.list', undefined, undefined],
      ['apiConnections.create', SALESFORCE, 'APItoAPI'],
      ['apiConnections.update', MICROSOFT, 'UItoAPI'],
    ]);
    const [created, updated] = results;
    expect(created).toMatchObject({outcome: 'created', clientId: expect.any(String) as string});
    expect(created?.outcome === 'created' && created.clientSecret).toEqual(expect.any(String));
    expect(updated).toMatchObject({outcome: 'updated', clientSecret: null});
    const after = await api.apiConnections.get(MICROSOFT, 'UItoAPI');
    expect(after.ClientName).toBe('Portal v2');
  });

  it('reports a failure and still applies the rest; a failed create is not retried', async () => {
    const api = targetSeed();
    const plan = planPromotion({
      source,
      target: (await api.apiConnections.list()).items,
      targetIntegrations: [{ExternalId: SALESFORCE}, {ExternalId: MICROSOFT}],
    });
    api.failNext('apiConnections.create', fakeApiError(400, ['ClientName: Enter a name.']));
    const results: ApplyResult[] = await applyPlan(api, plan);
    expect(results.map((result) => result.outcome)).toEqual(['failed', 'updated']);
    expect(results[0]?.outcome === 'failed' && results[0].error).toMatchObject({code: 'API_BAD_REQUEST'});
    expect(api.calls.filter((call) => call.operation === 'apiConnections.create')).toHaveLength(1);
  });

  it('stops before the next write when aborted', async () => {
    const api = targetSeed();
    const plan = planPromotion({
      source,
      target: (await api.apiConnections.list()).items,
      targetIntegrations: [{ExternalId: SALESFORCE}, {ExternalId: MICROSOFT}],
    });
    const controller = new AbortController();
    const promise = applyPlan(api, plan, {
      signal: controller.signal,
      onResult: () => {
        controller.abort();
      },
    });
    await expect(promise).rejects.toMatchObject({name: 'AbortError'});
    expect(api.calls.filter((call) => call.operation === 'apiConnections.update')).toHaveLength(0);
  });
});
