import {html} from 'lit';
import type {DecodedToken} from '@conga-connections/auth';
import {toolsMessages as messages} from './tools-messages.js';

/** Claims that hold a time in seconds since the epoch (RFC 7519 §4.1, OpenID Connect Core §2). */
const TIME_CLAIMS = new Set(['exp', 'iat', 'nbf', 'auth_time', 'updated_at']);

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

/** `14:05`, in the browser's time zone. */
export function clockTime(date: Date): string {
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/** "expires in 60 minutes, at 14:05", from the token response's `expires_in` and the time it was answered. */
export function expiryText(expiresIn: number | undefined, answeredAt: number): string {
  if (expiresIn === undefined || !Number.isFinite(expiresIn)) return messages.tokenExpiryUnknown;
  const minutes = Math.max(0, Math.round(expiresIn / 60));
  return messages.tokenExpires(minutes, clockTime(new Date(answeredAt + expiresIn * 1000)));
}

/** A claim's value as text: strings as they are, times with their local date, anything else as JSON. */
export function claimText(name: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (TIME_CLAIMS.has(name) && typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value * 1000);
    const day = `${String(date.getFullYear())}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
    return messages.tokenClaimTime(String(value), `${day} ${clockTime(date)}`);
  }
  // Decoded from JSON, so always serializable again.
  return JSON.stringify(value);
}

/** The scopes and expiry every successful result shows. */
export function renderGrant(scopes: readonly string[], expiresIn: number | undefined, answeredAt: number) {
  return html`<dl class="grant">
    <div>
      <dt>${messages.tokenGrantedScopes}</dt>
      <dd>${scopes.length > 0 ? scopes.join(' ') : messages.tokenNoScopes}</dd>
    </div>
    <div>
      <dt>${messages.tokenExpiry}</dt>
      <dd>${expiryText(expiresIn, answeredAt)}</dd>
    </div>
  </dl>`;
}

/** One decoded token under a heading: its claims as a term list, or why there are none to show. */
export function renderToken(id: string, title: string, token: DecodedToken | undefined, absent: string) {
  return html`<h4 id=${id}>${title}</h4>
    ${
      token === undefined
        ? html`<p class="muted">${absent}</p>`
        : token.format === 'opaque'
          ? html`<p class="muted">${messages.tokenOpaque}</p>`
          : token.format === 'malformed'
            ? html`<p class="muted">${messages.tokenMalformed}</p>`
            : html`<dl class="claims" aria-labelledby=${id}>
                ${Object.entries(token.claims).map(
                  ([name, value]) =>
                    html`<div>
                      <dt><code>${name}</code></dt>
                      <dd><code>${claimText(name, value)}</code></dd>
                    </div>`,
                )}
              </dl>`
    }`;
}
