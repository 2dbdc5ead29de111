import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {fakeConnectionResponse} from '@conga-connections/api-client/testing';
import {INDEX_FROM, prepareWhenIdle} from './list-deferred.js';
import {LoadedList, toLoadedPage} from './list-query.js';
import {SORT_COLUMNS} from './url-state.js';

function list(size: number): LoadedList {
  const connections = Array.from({length: size}, (_, row) =>
    fakeConnectionResponse({
      APIType: row % 2 ? 'UI to API' : 'API to API',
      ExternalIdentifier: `ORG-${String(size - row)}`,
      ClientId: `id-${String(row)}`,
      ClientName: `Connection ${String(row % 7)}`,
      RedirectURI: row % 2 ? [`https://app-${String(row)}.test/cb`] : [],
      IsActive: row % 3 !== 0,
    }),
  );
  return new LoadedList([toLoadedPage(connections)]);
}

// Node has no requestIdleCallback: the idle work runs in timer tasks, a slice each, run here by fake timers.
describe('prepareWhenIdle', () => {
  beforeEach(() => {
    vi.useFakeTimers({toFake: ['setTimeout']});
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('indexes a large list for searching, then sorts every column, in idle time', async () => {
    const loaded = list(INDEX_FROM);
    prepareWhenIdle(loaded, () => true);
    expect(loaded.inPlace).toBeUndefined();
    await vi.runAllTimersAsync();
    expect([...loaded.orders.keys()].sort()).toEqual([...SORT_COLUMNS].sort());
    const hits = new Uint8Array(loaded.size);
    loaded.inPlace?.find('app-299.', hits, 0, 0);
    expect(Array.from(hits.keys()).filter((row) => hits[row] === 1)).toEqual([299]);
    expect(Array.from(loaded.orders.get('externalIdentifier') ?? []).slice(0, 3)).toEqual([
      INDEX_FROM - 1,
      INDEX_FROM - 2,
      INDEX_FROM - 3,
    ]);
  });

  it('only sorts a smaller list, which searches its Client IDs and URLs row by row', async () => {
    const loaded = list(300);
    prepareWhenIdle(loaded, () => true);
    await vi.runAllTimersAsync();
    expect(loaded.orders.size).toBe(SORT_COLUMNS.length);
    expect(loaded.inPlace).toBeUndefined();
  });

  it('stops once the list is no longer the one shown', async () => {
    const loaded = list(300);
    let current = true;
    prepareWhenIdle(loaded, () => current);
    current = false;
    await vi.runAllTimersAsync();
    expect(loaded.inPlace).toBeUndefined();
    expect(loaded.orders.size).toBe(0);
  });
});
