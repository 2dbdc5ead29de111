import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {isApiError, isNetworkError, isResponseShapeError} from '@conga-connections/api-client';
import {define, VERSION} from '../../define.js';
import {RequestRetryEvent} from '../../events/request-retry-event.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import styles from './error-state.styles.js';

/** The copy for an error, chosen by its code (never by its message, which may hold server text). */
export function describeError(error: unknown): {title: string; detail?: string; retry: boolean} {
  if (isApiError(error)) {
    switch (error.code) {
      case 'API_FORBIDDEN':
        return {title: messages.needAdmin, detail: messages.needAdminDetail, retry: false};
      case 'API_NOT_FOUND':
        return {title: messages.errorNotFound, retry: true};
      case 'API_CONFLICT':
      case 'API_PRECONDITION_FAILED':
        return {title: messages.errorConflict, retry: true};
      case 'API_RATE_LIMITED':
        return {title: messages.errorRateLimited(Math.ceil((error.retryAfterMs ?? 1000) / 1000)), retry: true};
      case 'API_SERVER_ERROR':
        return {title: messages.errorServer, retry: true};
      case 'API_BAD_REQUEST':
      case 'API_REQUEST_FAILED':
        return error.messages.length
          ? {title: messages.errorRejected(error.status), detail: error.messages.join(' '), retry: true}
          : {title: messages.errorRejected(error.status), retry: true};
      default:
        break;
    }
  }
  if (isNetworkError(error)) {
    if (error.code === 'NETWORK_TIMEOUT') return {title: messages.errorTimeout, retry: true};
    if (error.code === 'NETWORK_OFFLINE') return {title: messages.errorOffline, retry: true};
    return {title: messages.errorNetwork, retry: true};
  }
  if (isResponseShapeError(error)) return {title: messages.errorShape, retry: true};
  // Unknown: generic copy for the admin, the details for the developer's console (STYLE.md §8).
  console.error(error);
  return {title: messages.errorGeneric, retry: true};
}

/**
 * @summary Explains a failed request in plain words and offers to try again.
 * @event conga-request-retry - The user asked to try again (internal, cancelable).
 * @csspart base - The wrapper.
 * @csspart retry-button - The "Try again" button.
 */
@localized()
export class CongaErrorState extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The error to explain: an `ApiError`, `NetworkError`, `ResponseShapeError`, or anything else. */
  @property({attribute: false}) error: unknown;

  private readonly handleRetry = (): void => {
    this.dispatchEvent(new RequestRetryEvent());
  };

  override render() {
    const {title, detail, retry} = describeError(this.error);
    return html`<div part="base" role="alert">
      <p class="title">${title}</p>
      ${detail ? html`<p class="muted">${detail}</p>` : nothing}
      ${retry ? html`<button part="retry-button" @click=${this.handleRetry}>${messages.retry}</button>` : nothing}
    </div>`;
  }
}

define('conga-error-state', CongaErrorState);

declare global {
  interface HTMLElementTagNameMap {
    'conga-error-state': CongaErrorState;
  }
}
