/**
 * The error summary shown after a submit (C6-02), a failed save with Retry (C2-08), and the Cancel and Save buttons
 * (Save stays focusable while it can't act, aria-disabled, so its reason is read).
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import type {FormHandlers} from './field-view.js';
import {messages} from './form-messages.js';
import type {SummaryEntry} from './form-model.js';
import type {Failure} from './save-flow.js';

/** The summary: one entry per problem, each a button that focuses its control when it has one. */
export function renderSummary(entries: readonly SummaryEntry[], handlers: FormHandlers): TemplateResult {
  return html`<div
    id="error-summary"
    part="error-summary"
    class="summary"
    role="alert"
    tabindex="-1"
    aria-labelledby="error-summary-title"
  >
    <p id="error-summary-title" class="summary-title">${messages.errorSummaryTitle}</p>
    <ul>
      ${entries.map(
        (entry) =>
          html`<li>
            ${
              entry.target
                ? html`<button
                    type="button"
                    class="link"
                    @click=${() => {
                      handlers.focus(entry.target ?? '');
                    }}
                  >
                    ${entry.text}
                  </button>`
                : entry.text
            }
          </li>`,
      )}
    </ul>
  </div>`;
}

/** A failed save; Retry is disabled while a save runs. */
export function renderFailure(failure: Failure, saving: boolean, onRetry: () => void): TemplateResult {
  return html`<div part="failure" class="failure" role="alert">
    <p>${failure.message}</p>
    ${
      failure.retry
        ? html`<button type="button" aria-disabled=${saving ? 'true' : 'false'} @click=${onRetry}>
            ${messages.formRetry}
          </button>`
        : nothing
    }
  </div>`;
}

export interface ActionsState {
  mode: 'create' | 'edit';
  /** An edited API-to-API connection gets a new secret on every save, and Save says so. */
  regeneratesSecret: boolean;
  saving: boolean;
  online: boolean;
  onCancel: () => void;
}

export function renderActions({mode, regeneratesSecret, saving, online, onCancel}: ActionsState): TemplateResult {
  const blocked = saving || !online;
  return html`<div class="buttons">
    <button
      id="cancel-button"
      part="cancel-button"
      type="button"
      aria-disabled=${saving ? 'true' : 'false'}
      @click=${onCancel}
    >
      ${messages.formCancel}
    </button>
    <button
      id="save-button"
      part="save-button"
      class="primary"
      type="submit"
      aria-disabled=${blocked ? 'true' : 'false'}
      aria-describedby=${online ? nothing : 'offline-banner'}
    >
      ${mode === 'create' ? messages.formSaveCreate : regeneratesSecret ? messages.formSaveRegenerate : messages.formSave}
    </button>
  </div>`;
}
