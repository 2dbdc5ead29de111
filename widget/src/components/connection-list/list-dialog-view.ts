/** The list's two dialogs: the Deactivate / Reactivate confirmation and the add and edit form (and its chunk). */
import {html} from 'lit';
import {toApiTypeLabel} from '@conga-connections/api-client';
import type {ApiConnectionResponse, ConnectionType, ExternalIntegration} from '@conga-connections/api-client';
import type {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import type {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {messages} from '../../messages.js';
import type {CongaConnectionForm} from '../connection-form/connection-form.js';
import type {StatusTarget} from './status-change.js';
import '../confirm-dialog/confirm-dialog.js';

/**
 * The add and edit form (with its one-time secret hand-off and the validation rules) is a third of the module (issue
 * 7: 30 KB gzip), a chunk of its own: loaded in idle time once the list has loaded (so Add and Edit open at once) or
 * on the first Add or Edit, whichever comes first.
 */
let formModule: Promise<unknown> | undefined;
export function loadForm(): Promise<unknown> {
  formModule ??= import('../connection-form/connection-form.js').catch((error: unknown) => {
    // A failed load (offline, a redeploy) is tried again on the next Add or Edit.
    formModule = undefined;
    throw error;
  });
  return formModule;
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
  readonly integrations: CongaConnectionForm['integrations'] | undefined;
  readonly existing: CongaConnectionForm['existing'] | undefined;
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
