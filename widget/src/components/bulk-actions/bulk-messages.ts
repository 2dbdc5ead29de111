/**
 * The strings of the list's bulk actions and export: loaded with them (a lazy chunk), not with the main module.
 * Names reach here already wrapped in Unicode isolates where they sit inside a sentence (B1-06); lists of names are
 * rendered as items in `<bdi>` by the list.
 */
/** A count with en-US digit grouping, like the main catalogue's. */
function count(value: number): string {
  return value.toLocaleString('en-US');
}

function connections(value: number): string {
  return value === 1 ? '1 connection' : `${count(value)} connections`;
}

export const bulkMessages = {
  confirmTitle: (activate: boolean, targets: number) =>
    `${activate ? 'Reactivate' : 'Deactivate'} ${connections(targets)}?`,
  confirmLabel: (activate: boolean, targets: number) => `${activate ? 'Reactivate' : 'Deactivate'} ${count(targets)}`,
  confirmTargets: (activate: boolean, targets: number) =>
    activate
      ? `${targets === 1 ? 'This connection' : `These ${count(targets)} connections`} will be reactivated:`
      : `${targets === 1 ? 'This connection' : `These ${count(targets)} connections`} will be deactivated:`,
  andMore: (more: number) => `and ${count(more)} more`,
  skippedAlready: (activate: boolean, skipped: number) =>
    `Skipped, because ${skipped === 1 ? 'it is' : 'they are'} already ${activate ? 'active' : 'inactive'} (${count(skipped)}):`,
  skippedUnknown: (skipped: number) => `Skipped, because this page can't change their status (${count(skipped)}):`,
  confirmDeactivateBody:
    'New token requests with these connections fail at once. Tokens already issued stay valid until they expire.',
  confirmReactivateBody:
    'New token requests with these connections work again at once, with the same Client IDs and secrets.',
  nothingToDo: (activate: boolean, selected: number) =>
    selected === 1
      ? `The selected connection is already ${activate ? 'active' : 'inactive'}.`
      : `All ${count(selected)} selected connections are already ${activate ? 'active' : 'inactive'}.`,
  progress: (activate: boolean, done: number, total: number) =>
    `${activate ? 'Reactivating' : 'Deactivating'} ${count(done)} of ${count(total)}…`,
  done: (activate: boolean, succeeded: number) =>
    `${activate ? 'Reactivated' : 'Deactivated'} ${connections(succeeded)}.`,
  partlyDone: (activate: boolean, succeeded: number, total: number, failed: number) =>
    `${activate ? 'Reactivated' : 'Deactivated'} ${count(succeeded)} of ${connections(total)}; ${count(failed)} failed and ${failed === 1 ? 'stays' : 'stay'} selected:`,
  failure: (name: string, reason: string) => `${name}: ${reason}`,
  notConfirmed: 'The server did not confirm the change.',
  retryFailed: (failed: number) => `Retry failed (${count(failed)})`,
  dismiss: 'Dismiss',
  exported: (exported: number, format: string) => `Exported ${connections(exported)} as ${format}.`,
  exportFailed: "Couldn't export: the browser refused the download.",
} as const;
