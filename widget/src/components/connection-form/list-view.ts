/**
 * The fields typed as rows: Redirect URIs, CORS origins (with "Use suggested origins") and scopes. Each row has its
 * own input, Remove button and messages; rows keep their key across edits, so focus and messages stay with them.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import {fieldLabel, rowKeyOf} from './draft.js';
import type {ListField} from './draft.js';
import {describedBy, renderLabel, renderMessages} from './field-view.js';
import type {FormHandlers} from './field-view.js';
import {messages} from './form-messages.js';
import type {FormModel} from './form-model.js';

interface ListOptions {
  required?: boolean;
  help: string;
  addLabel: string;
  extra?: TemplateResult;
}

function renderList(model: FormModel, handlers: FormHandlers, field: ListField, options: ListOptions): TemplateResult {
  const label = fieldLabel(field);
  const list = model.draft[field];
  const listHasMessages = model.hasMessages(field);
  return html`<fieldset
    class="list"
    aria-describedby=${describedBy(`help-${field}`, listHasMessages && `message-${field}`)}
  >
    ${renderLabel(field, undefined, options.required ?? false)}
    <p id=${`help-${field}`} class="muted help">${options.help}</p>
    ${renderMessages(model, field, label)}
    ${
      list.length > 0
        ? html`<ul class="rows">
            ${repeat(
              list,
              (row) => row.key,
              (row, index) => {
                const key = rowKeyOf(field, row.key);
                const rowLabel = messages.formRowLabel(label, index + 1);
                return html`<li>
                  <div class="row">
                    <input
                      id=${`field-${key}`}
                      type="text"
                      dir="ltr"
                      inputmode=${field === 'AllowedScopes' ? nothing : 'url'}
                      autocomplete="off"
                      spellcheck="false"
                      autocapitalize="off"
                      aria-label=${rowLabel}
                      aria-invalid=${ifDefined(model.errorsFor(key).length > 0 ? 'true' : undefined)}
                      aria-describedby=${describedBy(
                        model.hasMessages(key) && `message-${key}`,
                        listHasMessages && `message-${field}`,
                      )}
                      .value=${live(row.value)}
                      @input=${(event: Event) => {
                        model.setRow(field, row.key, (event.target as HTMLInputElement).value);
                      }}
                      @blur=${() => {
                        handlers.blur(key);
                      }}
                      @paste=${(event: ClipboardEvent) => {
                        handlers.rowPaste(field, row.key, event);
                      }}
                    />
                    <button
                      type="button"
                      @click=${() => {
                        handlers.removeRow(field, row.key);
                      }}
                    >
                      ${messages.formRemove}<span class="visually-hidden"> ${rowLabel}</span>
                    </button>
                  </div>
                  ${renderMessages(model, key, rowLabel, field === 'CorsOrigins' ? row.key : undefined)}
                </li>`;
              },
            )}
          </ul>`
        : nothing
    }
    <div class="list-actions">
      <button
        id=${`add-${field}`}
        type="button"
        @click=${() => {
          handlers.addRow(field);
        }}
      >
        ${options.addLabel}
      </button>
      ${options.extra ?? nothing}
    </div>
  </fieldset>`;
}

/** The Redirect URI rows. */
export function renderRedirectUris(model: FormModel, handlers: FormHandlers): TemplateResult {
  return renderList(model, handlers, 'RedirectURI', {
    required: true,
    help: messages.formHelpRedirectUri,
    addLabel: messages.formAddRedirectUri,
  });
}

/** The CORS origin rows, with "Use suggested origins" (A2-07). */
export function renderCorsOrigins(model: FormModel, handlers: FormHandlers): TemplateResult {
  return renderList(model, handlers, 'CorsOrigins', {
    help: messages.formHelpCorsOrigins,
    addLabel: messages.formAddCorsOrigin,
    extra: html`<button
      type="button"
      id="suggest-origins"
      @click=${() => {
        handlers.suggestOrigins();
      }}
    >
      ${messages.formUseSuggestedOrigins}
    </button>`,
  });
}

/** The scope rows; an edited connection loaded without scopes says what an empty list means. */
export function renderScopes(model: FormModel, handlers: FormHandlers): TemplateResult {
  return renderList(model, handlers, 'AllowedScopes', {
    help:
      model.mode === 'edit' && model.loaded?.AllowedScopes.length === 0
        ? `${messages.formHelpAllowedScopes} ${messages.formHelpAllowedScopesNoneLoaded}`
        : messages.formHelpAllowedScopes,
    addLabel: messages.formAddScope,
  });
}
