/**
 * The pieces every field shares: its label, its messages (errors, one-click fixes, hints) and a text field. Views only
 * render: what they show comes from the model, and what the admin does goes to `FormHandlers`.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import type {FieldName} from '@conga-connections/validation';
import {fieldLabel} from './draft.js';
import type {ListField} from './draft.js';
import {messages} from './form-messages.js';
import type {FormModel} from './form-model.js';
import {reasonText} from './reason-text.js';

/**
 * What the admin does in the fields that needs more than a model change (typing goes straight to the model): the
 * element adds focus, announcements and the rule that a blur while the fields go away shows nothing.
 */
export interface FormHandlers {
  /** Leaving a field or row: its messages show. */
  blur(key: string): void;
  rowPaste(field: ListField, key: number, event: ClipboardEvent): void;
  addRow(field: ListField): void;
  removeRow(field: ListField, key: number): void;
  suggestOrigins(): void;
  /** A summary entry: focus its control. */
  focus(id: string): void;
}

/** The ids an `aria-describedby` lists, or no attribute when there are none. */
export function describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
  const list = ids.filter((id): id is string => Boolean(id));
  return list.length > 0 ? list.join(' ') : nothing;
}

/** A field's label (or a fieldset's legend), with the required mark. */
export function renderLabel(field: FieldName, forId: string | undefined, required: boolean): TemplateResult {
  const text = html`${fieldLabel(field)}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}`;
  return forId ? html`<label for=${forId}>${text}</label>` : html`<legend>${text}</legend>`;
}

/**
 * Errors and hints for one field or row. Each message also names its field for screen readers (C6-01); an origin
 * error with a suggested value offers it as a one-click fix (A2-02).
 */
export function renderMessages(
  model: FormModel,
  key: string,
  label: string,
  originRowKey?: number,
): TemplateResult | typeof nothing {
  const errors = model.errorsFor(key);
  const hints = model.hintsFor(key);
  if (errors.length === 0 && hints.length === 0) return nothing;
  const fixes = originRowKey === undefined ? [] : model.fixesFor(key);
  return html`<div id=${`message-${key}`} class="messages">
    ${errors.map(
      (message) =>
        html`<p class="error-text">
          <span aria-hidden="true">✖ </span><span class="visually-hidden">${label}: </span>${message}
        </p>`,
    )}
    ${fixes.map(
      (value) =>
        html`<button
          type="button"
          class="link"
          @click=${() => {
            if (originRowKey !== undefined) model.setRow('CorsOrigins', originRowKey, value);
          }}
        >
          ${messages.formApplyFix(value)}
        </button>`,
    )}
    ${hints.map((finding) => html`<p class="hint"><span class="visually-hidden">${label}: </span>${reasonText(finding)}</p>`)}
  </div>`;
}

/** Options of one text field. */
export interface TextFieldOptions {
  required?: boolean;
  multiline?: boolean;
  url?: boolean;
  help?: string;
}

/** One text field (Client Name, Description, a logout URI) with its help and messages. */
export function renderTextField(
  model: FormModel,
  handlers: FormHandlers,
  field: 'ClientName' | 'Description' | 'BackChannelLogoutURI' | 'FrontChannelLogoutURI',
  options: TextFieldOptions,
): TemplateResult {
  const id = `field-${field}`;
  const invalid = model.errorsFor(field).length > 0;
  const described = describedBy(options.help && `help-${field}`, model.hasMessages(field) && `message-${field}`);
  const onInput = (event: Event) => {
    model.setText(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
  };
  const onBlur = () => {
    handlers.blur(field);
  };
  const value = model.draft[field];
  const control = options.multiline
    ? html`<textarea
        id=${id}
        dir="auto"
        rows="3"
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        aria-describedby=${described}
        .value=${live(value)}
        @input=${onInput}
        @blur=${onBlur}
      ></textarea>`
    : html`<input
        id=${id}
        type="text"
        dir=${options.url ? 'ltr' : 'auto'}
        inputmode=${options.url ? 'url' : nothing}
        autocomplete="off"
        spellcheck=${ifDefined(options.url ? 'false' : undefined)}
        aria-required=${ifDefined(options.required ? 'true' : undefined)}
        aria-invalid=${ifDefined(invalid ? 'true' : undefined)}
        aria-describedby=${described}
        .value=${live(value)}
        @input=${onInput}
        @blur=${onBlur}
      />`;
  return html`<div class="field">
    ${renderLabel(field, id, options.required ?? false)} ${control}
    ${options.help ? html`<p id=${`help-${field}`} class="muted help">${options.help}</p>` : nothing}
    ${renderMessages(model, field, fieldLabel(field))}
  </div>`;
}
