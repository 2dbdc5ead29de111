import {describe, expect, it} from 'vitest';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {createFakeApiClient, fakeApiError, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient, FakeConnectionSeed} from '@conga-connections/api-client/testing';
import type {ApiClient} from '@conga-connections/api-client';
import {ListLoader, LOAD_STATUS, prefetchFirstPage} from './list-loader.js';
import type {LoadedList} from './list-query.js';

/** The least of an element a controller needs: it records its controllers and counts update requests. */
class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {
    // Not used by the list's controllers.
  }
  requestUpdate(): void {
    this.updates += 1;
  }
  readonly updateComplete = Promise.resolve(true);
}

function connections(count: number): FakeConnectionSeed[] {
  return Array.from({length: count}, (_, index) => ({
    type: index % 2 ? 'UItoAPI' : 'APItoAPI',
    ExternalIdentifier: `ORG${String(index).padStart(5, '0')}`,
    ClientName: `Connection ${String(index)}`,
  }));
}

function setUp(api: ApiClient | undefined) {
  const host = new FakeHost();
  const loaded: LoadedList[] = [];
  let current = api;
  const loader = new ListLoader(
    host,
    () => current,
    (list) => loaded.push(list),
  );
  return {
    host,
    loader,
    loaded,
    setApi: (next: ApiClient | undefined) => {
      current = next;
    },
  };
}

function listCalls(api: FakeApiClient) {
  return api.calls.filter((call) => call.operation === 'apiConnections.list');
}

describe('ListLoader', () => {
  it('adds itself to its host and waits for an API client', () => {
    const {host, loader} = setUp(undefined);
    expect(host.controllers).toEqual([loader]);
    loader.hostUpdate();
    expect(loader.status).toBe(LOAD_STATUS.initial);
    expect(loader.list).toBeUndefined();
  });

  it('loads every connection once there is a client, then the integrations', async () => {
    const api = createFakeApiClient({...fakeSeed, connections: connections(1201)});
    const {host, loader, loaded} = setUp(api);
    loader.hostUpdate();
    expect(loader.status).toBe(LOAD_STATUS.pending);
    await loader.run();
    expect(loader.status).toBe(LOAD_STATUS.complete);
    expect(loader.list?.size).toBe(1201);
    expect(loaded).toEqual([loader.list]);
    // Page 1 first, then the other two pages of 500.
    expect(listCalls(api).map((call) => (call.args[0] as {pageNumber: number}).pageNumber)).toEqual([1, 1, 2, 3]);
    expect(host.updates).toBeGreaterThan(1);
    await expect.poll(() => loader.integrations).toEqual(fakeSeed.integrations);
  });

  it('shows the first page of a large organization while the rest arrive', async () => {
    const api = createFakeApiClient({connections: connections(1001)});
    const {loader} = setUp(api);
    const list$ = api.apiConnections.list.bind(api.apiConnections);
    const gate: {release?: () => void} = {};
    const rest = new Promise<void>((resolve) => {
      gate.release = resolve;
    });
    api.apiConnections.list = async (params, options) => {
      if (params?.pageNumber !== 1) await rest;
      return list$(params, options);
    };
    const run = loader.run();
    await expect.poll(() => loader.list?.expected).toBe(1001);
    expect(loader.list?.size).toBe(500);
    expect(loader.status).toBe(LOAD_STATUS.pending);
    gate.release?.();
    await run;
    expect(loader.list?.expected).toBeUndefined();
    expect(loader.list?.size).toBe(1001);
  });

  it('takes the first page asked for as the admin signed in, in the same task, instead of asking again', async () => {
    const api = createFakeApiClient({...fakeSeed, connections: connections(1201)});
    const {loader} = setUp(api);
    prefetchFirstPage(api);
    await loader.run();
    expect(loader.list?.size).toBe(1201);
    expect(listCalls(api).map((call) => (call.args[0] as {pageNumber: number}).pageNumber)).toEqual([1, 2, 3]);
  });

  it('never shows a first page asked for before a later task: a list attached then asks again', async () => {
    const api = createFakeApiClient({connections: connections(3)});
    const {loader} = setUp(api);
    prefetchFirstPage(api);
    await new Promise((resolve) => setTimeout(resolve));
    await loader.run();
    expect(loader.list?.size).toBe(3);
    expect(listCalls(api)).toHaveLength(2);
  });

  it('reports a failed first page asked for at sign-in as its own failure', async () => {
    const api = createFakeApiClient({connections: connections(3)});
    api.failNext('apiConnections.list', fakeApiError(503));
    const {loader} = setUp(api);
    prefetchFirstPage(api);
    await loader.run();
    expect(loader.status).toBe(LOAD_STATUS.error);
    expect(loader.error).toMatchObject({status: 503});
  });

  it('reloads when the API client changes, and only then', async () => {
    const first = createFakeApiClient(fakeSeed);
    const second = createFakeApiClient({connections: connections(3)});
    const {loader, setApi} = setUp(first);
    loader.hostUpdate();
    await loader.run();
    loader.hostUpdate();
    expect(listCalls(first)).toHaveLength(2);
    setApi(second);
    loader.hostUpdate();
    expect(loader.status).toBe(LOAD_STATUS.pending);
    await expect.poll(() => loader.list?.size).toBe(3);
  });

  it('reports a failure and keeps the last good list (C2-07)', async () => {
    const api = createFakeApiClient(fakeSeed);
    const {loader} = setUp(api);
    await loader.run();
    const good = loader.list;
    api.failNext('apiConnections.list', fakeApiError(503));
    await loader.reload();
    expect(loader.status).toBe(LOAD_STATUS.error);
    expect(loader.error).toMatchObject({status: 503});
    expect(loader.list).toBe(good);
    await loader.reload();
    expect(loader.status).toBe(LOAD_STATUS.complete);
    expect(loader.error).toBeUndefined();
  });

  it('drops a first page when the rest of its load fails', async () => {
    const api = createFakeApiClient({connections: connections(1001)});
    const {loader} = setUp(api);
    const list$ = api.apiConnections.list.bind(api.apiConnections);
    api.apiConnections.list = async (params, options) => {
      if (params?.pageNumber === 2) throw fakeApiError(500);
      return list$(params, options);
    };
    await loader.run();
    expect(loader.status).toBe(LOAD_STATUS.error);
    expect(loader.list).toBeUndefined();
  });

  it('ignores a load that a newer one replaced', async () => {
    const api = createFakeApiClient({connections: connections(2)});
    const {loader, loaded} = setUp(api);
    const older = loader.run();
    const newer = loader.run();
    await Promise.all([older, newer]);
    expect(loaded).toHaveLength(1);
    expect(loader.status).toBe(LOAD_STATUS.complete);
  });

  it('leaves the integrations empty when they fail, without failing the list', async () => {
    const api = createFakeApiClient(fakeSeed);
    api.failNext('externalIntegrations.list', fakeApiError(500));
    const {loader} = setUp(api);
    await loader.run();
    await expect.poll(() => api.calls.some((call) => call.operation === 'externalIntegrations.list')).toBe(true);
    expect(loader.integrations).toBeUndefined();
    expect(loader.status).toBe(LOAD_STATUS.complete);
  });
});
