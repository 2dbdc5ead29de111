/**
 * The External Identifier: a drop-down of the organization's external integrations for a new connection (with the
 * identifiers that have a connection of this type already disabled, saying why), read-only for an edited one.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {toConnectionType} from '@conga-connections/api-client';
import type {ApiConnectionResponse, ExternalIntegration} from '@conga-connections/api-client';
import {fieldLabel} from './draft.js';
import {describedBy, renderLabel, renderMessages} from './field-view.js';
import type {FormHandlers} from './field-view.js';
import {messages} from './form-messages.js';
import type {FormModel} from './form-model.js';

/** What the picker lists. */
export interface IdentifierChoices {
  integrations: readonly ExternalIntegration[];
  existing: readonly ApiConnectionResponse[];
  /** An identifier being created again after a 404: its stale row in `existing` doesn't disable it. */
  recreateIdentifier: string | undefined;
}

/** The External Identifier field. */
export function renderIdentifier(model: FormModel, handlers: FormHandlers, choices: IdentifierChoices): TemplateResult {
  const id = 'field-ExternalIdentifier';
  const key = 'ExternalIdentifier';
  const value = model.draft.ExternalIdentifier;
  if (model.mode === 'edit') {
    return html`<div class="field">
      ${renderLabel(key, id, false)}
      <input id=${id} type="text" dir="ltr" readonly spellcheck="false" .value=${value} />
    </div>`;
  }
  const {integrations} = choices;
  const type = model.type;
  const taken = new Set(
    choices.existing
      .filter((connection) => toConnectionType(connection.APIType) === type)
      .map((connection) => connection.ExternalIdentifier)
      .filter((identifier) => identifier !== choices.recreateIdentifier),
  );
  const known = integrations.some((integration) => integration.ExternalId === value);
  return html`<div class="field">
    ${renderLabel(key, id, true)}
    <select
      id=${id}
      aria-required="true"
      aria-invalid=${ifDefined(model.errorsFor(key).length > 0 ? 'true' : undefined)}
      aria-describedby=${describedBy(
        integrations.length === 0 && 'help-ExternalIdentifier',
        model.hasMessages(key) && `message-${key}`,
      )}
      @change=${(event: Event) => {
        model.choose((event.target as HTMLSelectElement).value);
      }}
      @blur=${() => {
        handlers.blur(key);
      }}
    >
      <option value="" ?selected=${value === ''}>${messages.formChooseIdentifier}</option>
      ${value !== '' && !known ? html`<option value=${value} selected>${value}</option>` : nothing}
      ${integrations.map((integration) => {
        const details = [integration.Type, integration.Description, integration.Provider].filter(Boolean).join(' · ');
        const isTaken = taken.has(integration.ExternalId);
        const text = [integration.ExternalId, details && `— ${details}`, isTaken && messages.formIdentifierTaken(type)]
          .filter(Boolean)
          .join(' ');
        return html`<option
          value=${integration.ExternalId}
          ?disabled=${isTaken}
          ?selected=${integration.ExternalId === value}
        >
          ${text}
        </option>`;
      })}
    </select>
    ${
      integrations.length === 0
        ? html`<p id="help-ExternalIdentifier" class="muted help">${messages.formNoIntegrations}</p>`
        : nothing
    }
    ${renderMessages(model, key, fieldLabel(key))}
  </div>`;
}
