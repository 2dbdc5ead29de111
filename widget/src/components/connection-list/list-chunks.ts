/**
 * The list's lazy chunks besides the form's (list-dialog-view.ts). `<conga-bulk-actions>` (bulk deactivate / reactivate
 * and export, with their strings) loads on the first bulk action or Export, so the main module carries only the
 * checkboxes and the selection bar; idle sorting loads once a list is in.
 */
import type {LoadedList} from './list-query.js';

let bulkModule: Promise<unknown> | undefined;
export function loadBulk(): Promise<unknown> {
  bulkModule ??= import('../bulk-actions/bulk-actions.js').catch((error: unknown) => {
    bulkModule = undefined;
    throw error;
  });
  return bulkModule;
}

/** Sorts every column of a list in idle time (idle-sort.ts, in the list-deferred chunk); a failed load only skips it. */
export function sortWhenIdle(list: LoadedList, current: () => boolean): void {
  void import('./list-deferred.js').then(
    (module) => {
      module.sortWhenIdle(list, current);
    },
    () => undefined,
  );
}
