/** The list's two dialogs: the Deactivate / Reactivate confirmation and the add and edit form. */
import {html} from 'lit';
import {toApiTypeLabel} from '@conga-connections/api-client';
import type {ApiConnectionResponse, ConnectionType, ExternalIntegration} from '@conga-connections/api-client';
import type {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import type {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {messages} from '../../messages.js';
import type {StatusTarget} from './list-status.js';

// Stable empty values, so an unloaded list doesn't hand the form a new array on every render.
const NO_INTEGRATIONS: ExternalIntegration[] = [];
const NO_CONNECTIONS: ApiConnectionResponse[] = [];

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
    <span slot="heading"
      >${activate ? messages.confirmReactivateTitle(name) : messages.confirmDeactivateTitle(name)}</span
    >
    <p>${messages.confirmConnection(target ? toApiTypeLabel(target.type) : '', identifier)}</p>
    <p>${activate ? messages.confirmReactivateBody : messages.confirmDeactivateBody}</p>
  </conga-confirm-dialog>`;
}

/** What the admin asked the form for. */
export interface FormRequest {
  readonly mode: 'create' | 'edit';
  readonly connectionType: ConnectionType;
  readonly externalIdentifier?: string;
}

export interface FormView {
  readonly request: FormRequest | undefined;
  readonly integrations: ExternalIntegration[] | undefined;
  readonly existing: ApiConnectionResponse[] | undefined;
  readonly onSaved: (event: ConnectionCreatedEvent | ConnectionUpdatedEvent) => void;
  readonly onClosed: () => unknown;
}

/**
 * One form for the element's lifetime: it must outlive a refresh, because it holds the one-time secret hand-off
 * while the list reloads behind it.
 */
export function renderForm({request, integrations, existing, onSaved, onClosed}: FormView) {
  return html`<conga-connection-form
    .mode=${request?.mode ?? 'create'}
    .connectionType=${request?.connectionType ?? 'APItoAPI'}
    .externalIdentifier=${request?.externalIdentifier}
    .integrations=${integrations ?? NO_INTEGRATIONS}
    .existing=${existing ?? NO_CONNECTIONS}
    @conga-connection-created=${onSaved}
    @conga-connection-updated=${onSaved}
    @conga-form-closed=${onClosed}
  ></conga-connection-form>`;
}
