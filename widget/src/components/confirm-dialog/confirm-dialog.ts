import {localized} from '../../localize.js';
import {html, LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {define, VERSION} from '../../define.js';
import {DialogCancelledEvent} from '../../events/dialog-cancelled-event.js';
import {DialogConfirmedEvent} from '../../events/dialog-confirmed-event.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import styles from './confirm-dialog.styles.js';

/** The element that really has focus, looking through open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary A modal question with a title, a body and Confirm / Cancel buttons. Escape cancels; focus starts on
 * Cancel and returns to the control that had it before.
 *
 * @example
 * <conga-confirm-dialog confirm-label="Deactivate" danger @conga-dialog-confirmed=${…}>
 *   <span slot="heading">Deactivate <bdi>${name}</bdi>?</span>
 *   <p>New token requests with this connection fail at once.</p>
 * </conga-confirm-dialog>
 *
 * @slot - The body: what happens when the user confirms.
 * @slot heading - The title, when it needs markup such as `<bdi>` around a name; replaces `heading`.
 * @event conga-dialog-confirmed - The user confirmed (internal, not composed).
 * @event conga-dialog-cancelled - The user cancelled with Cancel or Escape, or `close()` was called (internal, not composed).
 * @csspart base - The `<dialog>`.
 * @csspart confirm-button - The Confirm button.
 * @csspart cancel-button - The Cancel button.
 * @cssproperty --conga-confirm-dialog-width - The dialog's largest width.
 */
@localized()
export class CongaConfirmDialog extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The title as plain text; the `heading` slot replaces it. */
  @property() heading = '';
  /** The confirm button's label, e.g. "Deactivate". */
  @property({attribute: 'confirm-label'}) confirmLabel: string = messages.confirm;
  /** The cancel button's label. */
  @property({attribute: 'cancel-label'}) cancelLabel: string = messages.cancel;
  /** Styles the confirm button as destructive. */
  @property({type: Boolean, reflect: true}) danger = false;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }
  private get cancelButton(): HTMLButtonElement | null {
    return this.renderRoot.querySelector<HTMLButtonElement>('[part="cancel-button"]');
  }

  /** The control that had focus when the dialog opened; it gets it back on close. */
  #opener: HTMLElement | null = null;
  /** Whether this opening is still unanswered: every way out answers it exactly once. */
  #unanswered = false;

  /** Whether the dialog is open. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /** Opens the dialog as a modal (the rest of the page is inert) and puts focus on Cancel. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    this.#opener = deepActiveElement();
    this.#unanswered = true;
    dialog.returnValue = '';
    dialog.showModal();
    // The least destructive choice gets focus first, so a stray Enter never confirms (WAI-ARIA APG, alert dialog).
    this.cancelButton?.focus();
  }

  /** Closes the dialog as a cancel. */
  close(): void {
    this.#answer(false);
  }

  /**
   * Closes the dialog, gives focus back and reports the answer, once per opening (so a double click confirms once).
   * It runs from the buttons and from the `cancel` event directly, not from the `close` event: Chromium fires
   * `close` with the next animation frame, which never comes in a hidden tab.
   */
  #answer(confirmed: boolean): void {
    if (!this.#unanswered) return;
    this.#unanswered = false;
    this.dialog?.close(confirmed ? 'confirm' : 'cancel');
    const opener = this.#opener;
    this.#opener = null;
    // Restore focus first; a listener may then move it on purpose (e.g. to an updated row).
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(confirmed ? new DialogConfirmedEvent() : new DialogCancelledEvent());
  }

  private readonly handleConfirm = (): void => {
    this.#answer(true);
  };

  private readonly handleCancel = (): void => {
    this.#answer(false);
  };

  /** Escape (or another close request from the browser). */
  private readonly handleCancelRequest = (event: Event): void => {
    event.preventDefault();
    this.#answer(false);
  };

  /** Any other way the dialog closed (e.g. a host calling the native `close()` on it). */
  private readonly handleClose = (): void => {
    this.#answer(this.dialog?.returnValue === 'confirm');
  };

  override render() {
    return html`<dialog
      part="base"
      aria-labelledby="heading"
      aria-describedby="body"
      @cancel=${this.handleCancelRequest}
      @close=${this.handleClose}
    >
      <h2 id="heading"><slot name="heading">${this.heading}</slot></h2>
      <div id="body"><slot></slot></div>
      <div class="buttons">
        <button part="cancel-button" type="button" @click=${this.handleCancel}>${this.cancelLabel}</button>
        <button
          part="confirm-button"
          type="button"
          class=${this.danger ? 'primary danger' : 'primary'}
          @click=${this.handleConfirm}
        >
          ${this.confirmLabel}
        </button>
      </div>
    </dialog>`;
  }
}

define('conga-confirm-dialog', CongaConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'conga-confirm-dialog': CongaConfirmDialog;
  }
}
