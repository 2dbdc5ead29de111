/** The add and edit form in the list, and its chunk (the Deactivate / Reactivate confirmation is status-dialog.ts). */
import {html} from 'lit';
import type {ApiConnectionResponse, ConnectionType, ExternalIntegration} from '@conga-connections/api-client';
import type {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import type {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {lazy} from '../../lazy.js';
import type {CongaConnectionForm} from '../connection-form/connection-form.js';

/**
 * The add and edit form (with its one-time secret hand-off and the validation rules) is a third of the module (issue
 * 7: 30 KB gzip), a chunk of its own: loaded in idle time once the list has loaded (so Add and Edit open at once) or
 * on the first Add or Edit, whichever comes first.
 */
export const loadForm = lazy(() => import('../connection-form/connection-form.js'));

export function isFormDefined(): boolean {
  return customElements.get('conga-connection-form') !== undefined;
}

/** Loads the form when the browser is idle (every browser this element supports, but Safari, has idle callbacks). */
export function preloadForm(): void {
  if (isFormDefined()) return;
  const load = () => void loadForm().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
  else setTimeout(load, 200);
}

// Stable empty values, so an unloaded list doesn't hand the form a new array on every render.
const NO_INTEGRATIONS: ExternalIntegration[] = [];
const NO_CONNECTIONS: ApiConnectionResponse[] = [];

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
