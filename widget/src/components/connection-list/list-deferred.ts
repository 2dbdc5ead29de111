/**
 * What the list needs only after its first rows are on screen, as one lazy chunk: sorting in idle time (loaded once a
 * list is in) and the request of a Deactivate or Reactivate (by then already there).
 */
export {sortWhenIdle} from './idle-sort.js';
export {changeStatus} from './status-change.js';
