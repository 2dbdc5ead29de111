/**
 * The strings of the list's bulk actions and export: loaded with them (a lazy chunk), not with the main module.
 * Names reach here already wrapped in Unicode isolates where they sit inside a sentence (B1-06); lists of names are
 * rendered as items in `<bdi>` by the list.
 *
 * Through `msg()` like the main catalogue (messages.ts), ids prefixed `bulk.`. One sentence per message: reactivate
 * and deactivate, one and many are separate messages, because other languages inflect them differently.
 */
import {msg, str} from '../../localize.js';
import {formatCount as count, onLocaleReady} from '../../locale.js';

const build = () => ({
  confirmTitle: (activate: boolean, targets: number) =>
    targets === 1
      ? activate
        ? msg('Reactivate 1 connection?', {id: 'bulk.confirmTitle.reactivate.one'})
        : msg('Deactivate 1 connection?', {id: 'bulk.confirmTitle.deactivate.one'})
      : activate
        ? msg(str`Reactivate ${count(targets)} connections?`, {id: 'bulk.confirmTitle.reactivate'})
        : msg(str`Deactivate ${count(targets)} connections?`, {id: 'bulk.confirmTitle.deactivate'}),
  confirmLabel: (activate: boolean, targets: number) =>
    activate
      ? msg(str`Reactivate ${count(targets)}`, {id: 'bulk.confirmLabel.reactivate'})
      : msg(str`Deactivate ${count(targets)}`, {id: 'bulk.confirmLabel.deactivate'}),
  confirmTargets: (activate: boolean, targets: number) =>
    targets === 1
      ? activate
        ? msg('This connection will be reactivated:', {id: 'bulk.confirmTargets.reactivate.one'})
        : msg('This connection will be deactivated:', {id: 'bulk.confirmTargets.deactivate.one'})
      : activate
        ? msg(str`These ${count(targets)} connections will be reactivated:`, {id: 'bulk.confirmTargets.reactivate'})
        : msg(str`These ${count(targets)} connections will be deactivated:`, {id: 'bulk.confirmTargets.deactivate'}),
  andMore: (more: number) => msg(str`and ${count(more)} more`, {id: 'bulk.andMore'}),
  skippedAlready: (activate: boolean, skipped: number) =>
    skipped === 1
      ? activate
        ? msg(str`Skipped, because it is already active (${count(skipped)}):`, {id: 'bulk.skippedAlready.active.one'})
        : msg(str`Skipped, because it is already inactive (${count(skipped)}):`, {
            id: 'bulk.skippedAlready.inactive.one',
          })
      : activate
        ? msg(str`Skipped, because they are already active (${count(skipped)}):`, {id: 'bulk.skippedAlready.active'})
        : msg(str`Skipped, because they are already inactive (${count(skipped)}):`, {
            id: 'bulk.skippedAlready.inactive',
          }),
  skippedUnknown: (skipped: number) =>
    msg(str`Skipped, because this page can't change their status (${count(skipped)}):`, {id: 'bulk.skippedUnknown'}),
  confirmDeactivateBody: msg(
    'New token requests with these connections fail at once. Tokens already issued stay valid until they expire.',
    {id: 'bulk.confirmDeactivateBody'},
  ),
  confirmReactivateBody: msg(
    'New token requests with these connections work again at once, with the same Client IDs and secrets.',
    {id: 'bulk.confirmReactivateBody'},
  ),
  nothingToDo: (activate: boolean, selected: number) =>
    selected === 1
      ? activate
        ? msg('The selected connection is already active.', {id: 'bulk.nothingToDo.active.one'})
        : msg('The selected connection is already inactive.', {id: 'bulk.nothingToDo.inactive.one'})
      : activate
        ? msg(str`All ${count(selected)} selected connections are already active.`, {id: 'bulk.nothingToDo.active'})
        : msg(str`All ${count(selected)} selected connections are already inactive.`, {
            id: 'bulk.nothingToDo.inactive',
          }),
  progress: (activate: boolean, done: number, total: number) =>
    activate
      ? msg(str`Reactivating ${count(done)} of ${count(total)}…`, {id: 'bulk.progress.reactivate'})
      : msg(str`Deactivating ${count(done)} of ${count(total)}…`, {id: 'bulk.progress.deactivate'}),
  done: (activate: boolean, succeeded: number) =>
    succeeded === 1
      ? activate
        ? msg('Reactivated 1 connection.', {id: 'bulk.done.reactivate.one'})
        : msg('Deactivated 1 connection.', {id: 'bulk.done.deactivate.one'})
      : activate
        ? msg(str`Reactivated ${count(succeeded)} connections.`, {id: 'bulk.done.reactivate'})
        : msg(str`Deactivated ${count(succeeded)} connections.`, {id: 'bulk.done.deactivate'}),
  // Partly done: at least one succeeded and one failed, so the total is never one.
  partlyDone: (activate: boolean, succeeded: number, total: number, failed: number) =>
    failed === 1
      ? activate
        ? msg(str`Reactivated ${count(succeeded)} of ${count(total)} connections; 1 failed and stays selected:`, {
            id: 'bulk.partlyDone.reactivate.one',
          })
        : msg(str`Deactivated ${count(succeeded)} of ${count(total)} connections; 1 failed and stays selected:`, {
            id: 'bulk.partlyDone.deactivate.one',
          })
      : activate
        ? msg(
            str`Reactivated ${count(succeeded)} of ${count(total)} connections; ${count(failed)} failed and stay selected:`,
            {id: 'bulk.partlyDone.reactivate'},
          )
        : msg(
            str`Deactivated ${count(succeeded)} of ${count(total)} connections; ${count(failed)} failed and stay selected:`,
            {id: 'bulk.partlyDone.deactivate'},
          ),
  failure: (name: string, reason: string) => msg(str`${name}: ${reason}`, {id: 'bulk.failure'}),
  notConfirmed: msg('The server did not confirm the change.', {id: 'bulk.notConfirmed'}),
  retryFailed: (failed: number) => msg(str`Retry failed (${count(failed)})`, {id: 'bulk.retryFailed'}),
  dismiss: msg('Dismiss', {id: 'bulk.dismiss'}),
  exported: (exported: number, format: string) =>
    exported === 1
      ? msg(str`Exported 1 connection as ${format}.`, {id: 'bulk.exported.one'})
      : msg(str`Exported ${count(exported)} connections as ${format}.`, {id: 'bulk.exported'}),
  exportFailed: msg("Couldn't export: the browser refused the download.", {id: 'bulk.exportFailed'}),
});

/** The bulk actions' catalogue in the current locale (built like messages.ts). */
export let bulkMessages = build();
onLocaleReady(() => (bulkMessages = build()));
