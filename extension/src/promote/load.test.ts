import {describe, expect, it} from 'vitest';
import {createFakeApiClient, type FakeConnectionSeed} from '@conga-connections/api-client/testing';
import {listAllConnections, listAllIntegrations} from './load.js';

const many = (count: number): FakeConnectionSeed[] =>
  Array.from({length: count}, (_, index) => ({
    ExternalIdentifier: `org-${String(index).padStart(4, '0')}`,
    type: 'APItoAPI',
    ClientName: `Connection ${String(index)}`,
  }));

describe('listAllConnections', () => {
  it('reads every page until the last one, each connection once', async () => {
    const api = createFakeApiClient({connections: many(1001)});
    const items = await listAllConnections(api);
    expect(items).toHaveLength(1001);
    expect(new Set(items.map((item) => item.ExternalIdentifier)).size).toBe(1001);
    const pages = api.calls.filter((call) => call.operation === 'apiConnections.list');
    expect(pages.map((call) => (call.args[0] as {pageNumber: number}).pageNumber)).toEqual([1, 2, 3]);
  });

  it('reads one page when the organization fits on it', async () => {
    const api = createFakeApiClient({connections: many(3)});
    expect(await listAllConnections(api)).toHaveLength(3);
    expect(api.calls).toHaveLength(1);
  });

  it('stops when aborted', async () => {
    const api = createFakeApiClient({connections: many(3)});
    const controller = new AbortController();
    controller.abort();
    await expect(listAllConnections(api, controller.signal)).rejects.toMatchObject({name: 'AbortError'});
  });
});

describe('listAllIntegrations', () => {
  it('reads the External Integrations', async () => {
    const api = createFakeApiClient({integrations: [{ExternalId: 'a'}, {ExternalId: 'b'}]});
    expect((await listAllIntegrations(api)).map((integration) => integration.ExternalId)).toEqual(['a', 'b']);
  });
});
