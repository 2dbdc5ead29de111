/**
 * The platform's guidance in the Add API To API Connection view (issue 12): Conga recommends the Integration User
 * flow instead of an API-to-API connection (PLATFORM.md §5), with a link the host may set.
 */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {messages} from './form-messages.js';

/** The host's help URL when it is an absolute `https:` or `http:` URL; anything else (`javascript:`…) gives none. */
export function safeHelpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
}

/** The recommendation, with a link to the host's page when it set one (a new tab: the form keeps what was typed). */
export function renderIntegrationUserGuidance(helpUrl: string | undefined): TemplateResult {
  const href = safeHelpUrl(helpUrl);
  return html`<p part="guidance" class="guidance">
    ${messages.formIntegrationUserGuidance}
    ${
      href
        ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${messages.formIntegrationUserLink}</a>`
        : nothing
    }
  </p>`;
}
