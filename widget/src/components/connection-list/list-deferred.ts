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
 * Indexes `list` for searching, then sorts every column, in idle time. The index first: it takes a few milliseconds
 * at 100,000 connections, and a search before it is there reads every row's Client ID and URLs.
 */
export function prepareWhenIdle(list: LoadedList, current: () => boolean): void {
  function* steps() {
    list.inPlace = yield* InPlaceIndex.build(list);
    yield* sortEveryColumn(list);
  }
  runWhenIdle(steps(), current);
}
