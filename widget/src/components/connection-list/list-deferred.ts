/**
 * What the list needs only after its first rows are on screen, as one lazy chunk: sorting in idle time (loaded once a
 * list is in), the counting sort a click on Type or Status uses from then on, and the request of a Deactivate or
 * Reactivate (by then already there).
 */
import {useFastSort} from './list-sort.js';
import {sortByRank} from './rank-sort.js';

useFastSort(sortByRank);

export {sortWhenIdle} from './idle-sort.js';
export {changeStatus} from './status-change.js';
