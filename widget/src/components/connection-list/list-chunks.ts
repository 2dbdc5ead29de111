/**
 * The list's lazy chunks besides the form's (list-dialog-view.ts). `<conga-bulk-actions>` (bulk deactivate / reactivate
 * and export, with their strings) loads on the first bulk action or Export, so the main module carries only the
 * checkboxes and the selection bar; the Deactivate / Reactivate confirmation loads on the first one; idle sorting loads
 * once a list is in.
 */
import {lazy} from '../../lazy.js';
import type {LoadedList} from './list-query.js';

export const loadBulk = lazy(() => import('../bulk-actions/bulk-actions.js'));

/** The Deactivate / Reactivate confirmation (status-dialog.ts) and the dialog element it fills, on the first change. */
export const loadStatusDialog = lazy(() => import('./status-dialog.js'));

/**
 * Indexes a list for searching and sorts every column in idle time (list-deferred.ts); a failed load only skips it,
 * the list then searches and sorts without them.
 */
export function prepareWhenIdle(list: LoadedList, current: () => boolean): void {
  void import('./list-deferred.js').then(
    (module) => {
      module.prepareWhenIdle(list, current);
    },
    () => undefined,
  );
}
