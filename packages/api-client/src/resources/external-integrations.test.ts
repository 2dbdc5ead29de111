import {describe, expect, it} from 'vitest';
import {BASE_URL, failure, leakReport, ok, rejectionOf, setup, thrownBy} from '../test-support.js';

const PATH = '/api/user-management/v1/integrations';

const SALESFORCE = {
  Id: 'e1',
  ExternalId: '00D5g000004CmQwEAK',
  Type: 'Prod',
  Description: 'Acme production org',
  Provider: 'Salesforce',
  DefaultIdp: true,
  EmailDomain: 'acme.com',
  DisplayName: 'Acme',
};

describe('externalIntegrations.list', () => {
  it('reads Data as an array of identifiers', async () => {
    const {client, requests} = setup([() => ok([SALESFORCE])]);
    await expect(client.externalIntegrations.list()).resolves.toEqual([SALESFORCE]);
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}`);
  });

  it('reads Data as an object holding ExternalIntegrationIdentifiers', async () => {
    const {client} = setup([() => ok({Id: 'org', ExternalIntegrationIdentifiers: [SALESFORCE]})]);
    await expect(client.externalIntegrations.list()).resolves.toEqual([SALESFORCE]);
  });

  it('reads a null Data, or an object without identifiers, as an empty list', async () => {
    const {client} = setup([() => ok(null), () => ok({ExternalIntegrationIdentifiers: null})]);
    await expect(client.externalIntegrations.list()).resolves.toEqual([]);
    await expect(client.externalIntegrations.list()).resolves.toEqual([]);
  });

  it('fills missing optional fields with null and drops undocumented ones', async () => {
    const {client} = setup([() => ok([{ExternalId: 'X1', SAMLMetadataFile: 'blob'}])]);
    await expect(client.externalIntegrations.list()).resolves.toEqual([
      {
        Id: null,
        ExternalId: 'X1',
        Type: null,
        Description: null,
        Provider: null,
        DefaultIdp: null,
        EmailDomain: null,
        DisplayName: null,
      },
    ]);
  });

  it('throws ResponseShapeError when an item has no ExternalId', async () => {
    const {client} = setup([() => ok({ExternalIntegrationIdentifiers: [SALESFORCE, {Type: 'QA'}]})]);
    expect(await rejectionOf(client.externalIntegrations.list())).toMatchObject({
      code: 'RESPONSE_SHAPE',
      path: 'Data.ExternalIntegrationIdentifiers[1].ExternalId',
    });
  });

  it('throws ResponseShapeError when Data is neither a list nor an object', async () => {
    const {client} = setup([() => ok('00D5g000004CmQwEAK')]);
    expect(await rejectionOf(client.externalIntegrations.list())).toMatchObject({code: 'RESPONSE_SHAPE'});
  });

  it('sends the sort and paging parameters, with pageSize clamped', async () => {
    const {client, requests} = setup([() => ok([])]);
    await client.externalIntegrations.list({sortField: 'Type', sortDirection: 'ASC', pageSize: 1000, pageNumber: 3});
    expect(requests[0]?.url.search).toBe('?sortField=Type&sortDirection=ASC&pageSize=500&pageNumber=3');
  });

  it.each(['Type desc', 'Type&pageSize=1', '1Type', ''])(
    'throws a TypeError synchronously for the sort field %j',
    (sortField) => {
      const {client, requests} = setup([]);
      expect(thrownBy(() => client.externalIntegrations.list({sortField}))).toMatchObject({
        name: 'TypeError',
        message: '"sortField" must be a field name made of letters and digits',
      });
      expect(requests).toHaveLength(0);
    },
  );

  it('throws API_NOT_FOUND on a 404', async () => {
    const {client} = setup([() => failure(404, ['No integrations.'])]);
    expect(await rejectionOf(client.externalIntegrations.list())).toMatchObject({code: 'API_NOT_FOUND'});
  });
});

describe('externalIntegrations.identityProviders', () => {
  it('reads the documented example', async () => {
    const providers = [
      {Name: 'Salesforce', ACRName: 'idp:Salesforce'},
      {Name: 'Salesforce Sandbox', ACRName: 'idp:SalesforceSandbox'},
      {Name: 'Microsoft', ACRName: 'idp:Microsoft'},
    ];
    const {client, requests} = setup([() => ok(providers)]);
    await expect(client.externalIntegrations.identityProviders()).resolves.toEqual(providers);
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/identity-providers`);
  });

  it('throws ResponseShapeError for an item that is not an object', async () => {
    const {client} = setup([() => ok(['Salesforce'])]);
    expect(await rejectionOf(client.externalIntegrations.identityProviders())).toMatchObject({
      code: 'RESPONSE_SHAPE',
      path: 'Data[0]',
    });
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(5);
    expect(leaks).toEqual([]);
  });
});
