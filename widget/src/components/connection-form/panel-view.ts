/**
 * The panels shown instead of the fields: the regenerate and discard confirmations, a created connection whose
 * secret was lost (C4-03), and a connection that doesn't (or no longer does) exist (C2-01). The conflict has its own
 * view.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {toApiTypeLabel} from '@conga-connections/api-client';
import type {ConnectionType} from '@conga-connections/api-client';
import {messages} from './form-messages.js';
import type {Step} from './save-flow.js';

/** The panels' choices: the save flow's (its methods are bound, so they can be listeners as they are). */
export interface PanelHandlers {
  keepEditing: () => unknown;
  confirmRegenerate: () => unknown;
  /** Discard, Back to list, Close. */
  close: () => unknown;
  generateNewSecret: () => unknown;
  createAsNew: () => unknown;
  takeTheirs: () => unknown;
  reapply: () => unknown;
}

/** A panel: its title (which takes focus), body and buttons. */
export function renderPanelFrame(title: string, body: unknown, actions: TemplateResult): TemplateResult {
  return html`<div part="panel" class="panel" role="group" aria-labelledby="panel-title">
    <h3 id="panel-title" tabindex="-1">${title}</h3>
    ${body}
    <div class="buttons">${actions}</div>
  </div>`;
}

/** The confirmation panel of a step, or nothing. */
export function renderConfirmation(step: Step, handlers: PanelHandlers): TemplateResult | typeof nothing {
  switch (step) {
    case 'confirm-regenerate':
      return renderPanelFrame(
        messages.formRegenerateTitle,
        html`<p class="warning">${messages.formRegenerateWarning}</p>`,
        html`<button type="button" @click=${handlers.keepEditing}>${messages.formCancel}</button>
          <button type="button" class="primary" @click=${handlers.confirmRegenerate}>${messages.formConfirm}</button>`,
      );
    case 'confirm-discard':
      return renderPanelFrame(
        messages.formDiscardTitle,
        html`<p>${messages.formDiscardDetail}</p>`,
        html`<button type="button" @click=${handlers.keepEditing}>${messages.formCancel}</button>
          <button type="button" class="danger" @click=${handlers.close}>${messages.formDiscard}</button>`,
      );
    case 'secret-lost':
      return renderPanelFrame(
        messages.formCreatedSecretLost,
        nothing,
        html`<button type="button" @click=${handlers.close}>${messages.formClose}</button>
          <button type="button" class="primary" @click=${handlers.generateNewSecret}>
            ${messages.formGenerateNewSecret}
          </button>`,
      );
    default:
      return nothing;
  }
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
