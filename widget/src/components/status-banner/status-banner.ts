import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {define, VERSION} from '../../define.js';
import {RequestCloseEvent} from '../../events/request-close-event.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import styles from './status-banner.styles.js';

/**
 * @summary A visible confirmation (created, saved, deactivated, reactivated, exported) that stays until the admin
 * dismisses it or the next one replaces it. It never takes focus and is not a live region: the root's live region
 * has already announced the same words (issue 12).
 * @event conga-request-close - The admin pressed Dismiss (internal, cancelable).
 * @csspart base - The message and its Dismiss button.
 * @csspart dismiss-button - The Dismiss button.
 * @cssproperty --conga-color-success - The message's accent.
 */
export class CongaStatusBanner extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The confirmation to show; nothing is shown while it is empty. */
  @property() message = '';

  private readonly handleDismiss = (): void => {
    this.dispatchEvent(new RequestCloseEvent());
  };

  override render() {
    if (!this.message) return nothing;
    return html`<div part="base" class="banner">
      <p>${this.message}</p>
      <button part="dismiss-button" type="button" @click=${this.handleDismiss}>${messages.dismiss}</button>
    </div>`;
  }
}

define('conga-status-banner', CongaStatusBanner);

declare global {
  interface HTMLElementTagNameMap {
    'conga-status-banner': CongaStatusBanner;
  }
}
