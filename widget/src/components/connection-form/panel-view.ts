/**
 * The panels shown instead of the fields: the discard confirmation and a created connection whose secret was lost
 * (C4-03). The edit form's own (the regenerate confirmation, a connection that doesn't or no longer does exist, the
 * conflict) load with its parts: edit-panel-view.ts and conflict-view.ts.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
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

/** The panel of a step the add form can reach, or nothing. */
export function renderConfirmation(step: Step, handlers: PanelHandlers): TemplateResult | typeof nothing {
  switch (step) {
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
