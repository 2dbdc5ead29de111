/**
 * What the list needs only after its first rows are on screen, as one lazy chunk: the search's index of the fields it
 * reads in place and sorting, both in idle time (loaded once a list is in), the counting sort a click on Type or
 * Status uses from then on, and the request of a Deactivate or Reactivate (by then already there).
 */
import {InPlaceIndex} from './in-place-index.js';
import {runWhenIdle, sortEveryColumn} from './idle-sort.js';
import type {LoadedList} from './list-query.js';
import {useFastSort} from './list-sort.js';
import {sortByRank} from './rank-sort.js';

useFastSort(sortByRank);

export {changeStatus} from './status-change.js';

/**
 * From this many connections a list is indexed for searching: below it, reading every row's Client ID and URLs costs
 * a keystroke 1–4 ms, less than the index would delay the idle sorting, which a click on a header then waits for.
 */
export const INDEX_FROM = 20_000;

/**
 * Indexes a large `list` for searching, then sorts every column, in idle time. The index first: it takes about 100 ms
 * of idle time at 100,000 connections, and until it is there a keystroke reads every row's Client ID and URLs (20–35
 * ms more at that size).
 */
export function prepareWhenIdle(list: LoadedList, current: () => boolean): void {
  function* steps() {
    if (list.size >= INDEX_FROM) list.inPlace = yield* InPlaceIndex.build(list);
    yield* sortEveryColumn(list);
  }
  runWhenIdle(steps(), current);
}
