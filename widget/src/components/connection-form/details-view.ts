/** An edited connection's details: its Client ID with Copy, who created and modified it and when, and its status. */
import {html} from 'lit';
import {isolate} from '../../bidi.js';
import {currentLocale} from '../../locale.js';
import type {TemplateResult} from 'lit';
import type {ApiConnection} from '@conga-connections/api-client';
import {messages} from './edit-messages.js';

function formatDate(value: string | null): string {
  if (!value) return messages.formUnknown;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return messages.formUnknown;
  return isolate(new Intl.DateTimeFormat(currentLocale(), {dateStyle: 'medium', timeStyle: 'short'}).format(date));
}

/** The details section. */
export function renderDetails(connection: ApiConnection, onCopyClientId: () => void): TemplateResult {
  const unknown = messages.formUnknown;
  return html`<section part="details" class="details" aria-label=${messages.formDetails}>
    <div class="field">
      <label for="client-id">${messages.formFieldClientId}</label>
      <div class="value">
        <input
          id="client-id"
          type="text"
          dir="ltr"
          readonly
          spellcheck="false"
          autocomplete="off"
          .value=${connection.ClientId ?? ''}
        />
        <button type="button" @click=${onCopyClientId}>
          ${messages.formCopy}<span class="visually-hidden"> ${messages.formFieldClientId}</span>
        </button>
      </div>
    </div>
    <dl>
      <div>
        <dt>${messages.formCreated}</dt>
        <dd>
          ${messages.formByOn(connection.CreatedBy?.Name ? isolate(connection.CreatedBy.Name) : unknown, formatDate(connection.CreatedDate))}
        </dd>
      </div>
      <div>
        <dt>${messages.formModified}</dt>
        <dd>
          ${messages.formByOn(connection.ModifiedBy?.Name ? isolate(connection.ModifiedBy.Name) : unknown, formatDate(connection.ModifiedDate))}
        </dd>
      </div>
      <div>
        <dt>${messages.formStatus}</dt>
        <dd>${connection.IsActive ? messages.active : messages.inactive}</dd>
      </div>
    </dl>
  </section>`;
}
