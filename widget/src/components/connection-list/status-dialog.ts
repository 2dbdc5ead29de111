/**
 * What the Deactivate / Reactivate confirmation says, with its strings: a chunk loaded with `<conga-confirm-dialog>` on
 * the first change of a connection's status (list-chunks.ts), as most visits change none (issue 18).
 */
import {html} from 'lit';
import {toApiTypeLabel} from '@conga-connections/api-client';
import {messages} from '../../messages.js';
import type {StatusTarget} from './status-change.js';
import '../confirm-dialog/confirm-dialog.js';
import {statusDialogMessages as text} from './status-dialog-messages.js';

/** The confirmation of a status change; the element opens it with `show()` once it has a target. */
export function renderStatusDialog(
  target: StatusTarget | undefined,
  onConfirmed: () => unknown,
  onCancelled: () => unknown,
) {
  const name = html`<bdi>${target?.name ?? ''}</bdi>`;
  const identifier = html`<bdi>${target?.externalIdentifier ?? ''}</bdi>`;
  const activate = target?.activate ?? false;
  return html`<conga-confirm-dialog
    confirm-label=${activate ? messages.reactivate : messages.deactivate}
    ?danger=${!activate}
    @conga-dialog-confirmed=${onConfirmed}
    @conga-dialog-cancelled=${onCancelled}
  >
    <span slot="heading">${activate ? text.confirmReactivateTitle(name) : text.confirmDeactivateTitle(name)}</span>
    <p>${text.confirmConnection(target ? toApiTypeLabel(target.type) : '', identifier)}</p>
    <p>${activate ? text.confirmReactivateBody : text.confirmDeactivateBody}</p>
  </conga-confirm-dialog>`;
}
