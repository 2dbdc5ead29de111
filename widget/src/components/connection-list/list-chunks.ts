/**
 * The list's lazy chunks. The add and edit form (with its one-time secret hand-off and the validation rules) is a
 * third of the module (issue 7: 30 KB gzip): loaded in idle time once the list has loaded (so Add and Edit open at
 * once) or on the first Add or Edit, whichever comes first. `<conga-bulk-actions>` (bulk deactivate / reactivate and
 * export, with their strings) loads on the first bulk action or Export, so the main module carries only the
 * checkboxes and the selection bar.
 */
import type {LoadedList} from './list-query.js';

let formModule: Promise<unknown> | undefined;
export function loadForm(): Promise<unknown> {
  formModule ??= import('../connection-form/connection-form.js').catch((error: unknown) => {
    // A failed load (offline, a redeploy) is tried again on the next Add or Edit.
    formModule = undefined;
    throw error;
  });
  return formModule;
}

let bulkModule: Promise<unknown> | undefined;
export function loadBulk(): Promise<unknown> {
  bulkModule ??= import('../bulk-actions/bulk-actions.js').catch((error: unknown) => {
    bulkModule = undefined;
    throw error;
  });
  return bulkModule;
}

export function isFormDefined(): boolean {
  return customElements.get('conga-connection-form') !== undefined;
}

/** Loads the form when the browser is idle (every browser this element supports, but Safari, has idle callbacks). */
export function preloadForm(): void {
  if (isFormDefined() || formModule) return;
  const load = () => void loadForm().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
  else setTimeout(load, 200);
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
