/**
 * The panels only the edit form shows, loaded with its parts (edit-parts.ts): the confirmation before a save that
 * issues a new secret, and a connection that doesn't (or no longer does) exist (C2-01). Both come after the edit
 * form's parts are in: its fields show only then, and a 404 can only answer an edit.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {toApiTypeLabel} from '@conga-connections/api-client';
import type {ConnectionType} from '@conga-connections/api-client';
import {messages} from './edit-messages.js';
import {renderPanelFrame} from './panel-view.js';
import type {PanelHandlers} from './panel-view.js';

/** Every save of an API-to-API connection issues a new secret (PLATFORM.md §1.5): asked before it is sent. */
export function renderRegenerate(handlers: PanelHandlers): TemplateResult {
  return renderPanelFrame(
    messages.formRegenerateTitle,
    html`<p class="warning">${messages.formRegenerateWarning}</p>`,
    html`<button type="button" @click=${handlers.keepEditing}>${messages.formCancel}</button>
      <button type="button" class="primary" @click=${handlers.confirmRegenerate}>${messages.formConfirm}</button>`,
  );
}

/** Loaded and then gone: "no longer exists". Never loaded: it doesn't exist, as far as anyone here could see. */
export function renderNotFound(
  neverLoaded: boolean,
  type: ConnectionType,
  identifier: string,
  handlers: PanelHandlers,
): TemplateResult {
  return renderPanelFrame(
    neverLoaded ? messages.formDoesNotExist : messages.errorNotFound,
    neverLoaded ? html`<p>${messages.formDoesNotExistDetail(toApiTypeLabel(type), identifier)}</p>` : nothing,
    html`<button type="button" @click=${handlers.close}>${messages.backToList}</button>
      <button type="button" class="primary" @click=${handlers.createAsNew}>${messages.formCreateAsNew}</button>`,
  );
}
