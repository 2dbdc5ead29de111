import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {define, VERSION} from '../../define.js';
import {SecretClosedEvent} from '../../events/secret-closed-event.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import shared from '../../styles/shared.js';
import styles from './secret-reveal.styles.js';
import '../token-test/token-test.js';
import {systemClipboard, type ClipboardWriter} from '../../clipboard.js';

/** What the one-time hand-off shows. */
export interface SecretHandoff {
  /** The connection's Client ID. */
  clientId: string;
  /** The Client Secret of an API-to-API connection; absent (or null) for a UI-to-API connection, which has none. */
  clientSecret?: string | null;
  /** Why the hand-off is shown, which picks its title: a new connection (default) or a regenerated secret. */
  reason?: 'created' | 'regenerated';
}

// The clipboard helper lives in its own module (the form copies without loading this chunk); named here too for the
// elements and tests that import it from the hand-off.
export {systemClipboard, type ClipboardWriter} from '../../clipboard.js';

type CopyTarget = 'client-id' | 'client-secret' | 'env';

/** The element that really has focus, looking through open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary The one-time hand-off of a new connection's credentials: the Client ID and, for API-to-API, the Client
 * Secret, with Copy buttons, "Copy as .env" and "Get a token now" (a client_credentials request with that secret). It
 * can't be dismissed (Escape, backdrop, ×, leaving the page) until the admin confirms they stored the secret or says
 * "Close anyway"; when it closes, the secret leaves the DOM and memory.
 *
 * @example
 * const reveal = document.createElement('conga-secret-reveal');
 * await reveal.show({clientId, clientSecret});        // opens as a modal dialog
 * reveal.addEventListener('conga-secret-closed', …);  // the secret is gone by now
 *
 * @event conga-secret-closed - The hand-off closed and dropped the credentials (internal, not composed; carries nothing).
 * @csspart base - The modal `<dialog>`.
 * @csspart client-id - The read-only Client ID field.
 * @csspart client-secret - The read-only Client Secret field.
 * @csspart copy-button - Each Copy button.
 * @csspart env-button - The "Copy as .env" button.
 * @csspart warning - The "only time the secret is shown" warning.
 * @csspart token-test - "Get a token now" with the secret on screen (API-to-API).
 * @csspart stored-checkbox - The "I have stored the secret" checkbox.
 * @csspart done-button - The Done button.
 * @csspart close-button - The × button.
 * @cssproperty --conga-secret-reveal-width - The dialog's largest width.
 * @cssproperty --conga-color-warning - The warning's accent.
 * @cssstate open - The hand-off is showing.
 */
@localized()
export class CongaSecretReveal extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** Where Copy writes; `navigator.clipboard` when unset. */
  @property({attribute: false}) clipboard: ClipboardWriter | undefined;

  // The credentials live here and nowhere else; they are dropped on close and on removal (B4-04).
  @state() private handoff: SecretHandoff | undefined;
  @state() private stored = false;
  @state() private confirmingClose = false;
  @state() private copyFailed: CopyTarget | undefined;
  @state() private statusMessage = '';

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }

  #opener: HTMLElement | null = null;
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Custom states are a progressive enhancement; nothing depends on them.
    }
  }

  /** Whether the hand-off is showing. */
  get open(): boolean {
    return this.handoff !== undefined;
  }

  /**
   * Opens the hand-off as a modal dialog (focus is trapped in it) with the first focus on the secret's Copy button,
   * or the Client ID's when there is no secret (C6-04). Resolves once it is open.
   */
  async show(handoff: SecretHandoff): Promise<void> {
    this.#opener = deepActiveElement();
    this.handoff = {...handoff};
    this.stored = false;
    this.confirmingClose = false;
    this.copyFailed = undefined;
    this.statusMessage = '';
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (!dialog.open) dialog.showModal();
    this.#setState('open', true);
    window.addEventListener('beforeunload', this.handleBeforeUnload);
    this.#firstFocus()?.focus();
  }

  /** Closes the hand-off if the admin confirmed they stored the secret (or there is none); otherwise asks (C4-04). */
  requestClose(): void {
    if (!this.handoff) return;
    if (this.#needsConfirmation()) {
      void this.#askBeforeClosing();
      return;
    }
    this.#close();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    // Removed from the page: the secret must not outlive the view that showed it (B4-04).
    this.#drop();
  }

  #hasSecret(): boolean {
    return Boolean(this.handoff?.clientSecret);
  }

  #needsConfirmation(): boolean {
    return this.#hasSecret() && !this.stored;
  }

  #firstFocus(): HTMLElement | null | undefined {
    return this.renderRoot.querySelector<HTMLElement>(this.#hasSecret() ? '#copy-client-secret' : '#copy-client-id');
  }

  async #askBeforeClosing(): Promise<void> {
    this.confirmingClose = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#close-question')?.focus();
  }

  #close(): void {
    window.removeEventListener('beforeunload', this.handleBeforeUnload);
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    // Finished here rather than on the dialog's `close` event, which a hidden page may not get until it is shown.
    void this.#finish();
  }

  async #finish(): Promise<void> {
    this.#drop();
    await this.updateComplete;
    const opener = this.#opener;
    this.#opener = null;
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new SecretClosedEvent());
  }

  /** Forgets the credentials and everything derived from them, so a re-render removes them from the DOM. */
  #drop(): void {
    this.handoff = undefined;
    this.stored = false;
    this.confirmingClose = false;
    this.copyFailed = undefined;
    this.statusMessage = '';
    this.#setState('open', false);
    // The inputs are about to leave the DOM; empty them first so no detached node keeps the value either.
    for (const input of this.renderRoot.querySelectorAll<HTMLInputElement>('input[readonly]')) input.value = '';
  }

  #setState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    if (on) states.add(name);
    else states.delete(name);
  }

  /** The dialog closed. When the element closed it, the hand-off is already over; otherwise the browser did it. */
  private readonly handleClose = async (): Promise<void> => {
    const dialog = this.dialog;
    if (!this.handoff || !dialog || dialog.open) return;
    if (this.#needsConfirmation() && this.isConnected) {
      // Closed without asking (e.g. a repeated close request the page couldn't cancel): open it again and ask (C4-04).
      dialog.showModal();
      await this.#askBeforeClosing();
      return;
    }
    this.#close();
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Handled here so the browser's own close request never runs: it could close without asking (C4-04).
    event.preventDefault();
    event.stopPropagation();
    if (this.confirmingClose) this.handleKeepOpen();
    else this.requestClose();
  };

  private readonly handleCancel = (event: Event): void => {
    event.preventDefault();
    if (!this.confirmingClose) this.requestClose();
  };

  private readonly handleDialogClick = (event: MouseEvent): void => {
    const dialog = this.dialog;
    if (!dialog || event.target !== dialog) return;
    // A click on the dialog element itself outside its box is a click on the backdrop.
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) this.requestClose();
  };

  private readonly handleBeforeUnload = (event: BeforeUnloadEvent): void => {
    if (!this.#needsConfirmation()) return;
    // Asks the browser to confirm leaving the page while the secret is unconfirmed (C4-04: tab close, reload).
    event.preventDefault();
  };

  private readonly handleStoredChange = (event: Event): void => {
    this.stored = (event.target as HTMLInputElement).checked;
    if (this.stored) this.confirmingClose = false;
  };

  private readonly handleDone = (): void => {
    if (this.#needsConfirmation()) {
      // Done stays focusable (aria-disabled) so its hint is read; it points the admin at the checkbox.
      this.renderRoot.querySelector<HTMLInputElement>('#stored')?.focus();
      return;
    }
    this.#close();
  };

  private readonly handleCloseClick = (): void => {
    this.requestClose();
  };

  private readonly handleCloseAnyway = (): void => {
    this.#close();
  };

  private readonly handleKeepOpen = (): void => {
    this.confirmingClose = false;
    void this.updateComplete.then(() => this.#firstFocus()?.focus());
  };

  private readonly handleCopyClientId = (): void => {
    void this.#copy('client-id');
  };

  private readonly handleCopySecret = (): void => {
    void this.#copy('client-secret');
  };

  private readonly handleCopyEnv = (): void => {
    void this.#copy('env');
  };

  #textFor(target: CopyTarget): string {
    const clientId = this.handoff?.clientId ?? '';
    const secret = this.handoff?.clientSecret ?? '';
    if (target === 'client-id') return clientId;
    if (target === 'client-secret') return secret;
    return secret ? `CONGA_CLIENT_ID=${clientId}\nCONGA_CLIENT_SECRET=${secret}` : `CONGA_CLIENT_ID=${clientId}`;
  }

  async #copy(target: CopyTarget): Promise<void> {
    const text = this.#textFor(target);
    if (!text) return;
    // `navigator.clipboard` is undefined outside secure contexts; that is a refusal like any other.
    const clipboard = this.clipboard ?? systemClipboard();
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      this.copyFailed = undefined;
      await this.#announce(target === 'env' ? messages.secretCopiedEnv : messages.secretCopied);
    } catch {
      // Never log the error: it is about a write that held the secret (B4-02). The text stays on screen, selected,
      // so the admin can copy it by hand (C4-05).
      this.copyFailed = target;
      await this.#announce(messages.secretCopyFailed);
      const field = this.renderRoot.querySelector<HTMLInputElement>(
        target === 'client-id' ? '#client-id' : '#client-secret',
      );
      field?.focus();
      field?.select();
    }
  }

  /** Clears the live region first, so the same text twice in a row is read out again. */
  async #announce(message: string): Promise<void> {
    this.statusMessage = '';
    await this.updateComplete;
    this.statusMessage = message;
  }

  override render() {
    return html`<dialog
      part="base"
      aria-labelledby="title"
      aria-describedby=${this.#hasSecret() ? 'warning' : 'note'}
      @keydown=${this.handleKeydown}
      @cancel=${this.handleCancel}
      @close=${this.handleClose}
      @click=${this.handleDialogClick}
    >
      ${this.handoff ? this.renderContent(this.handoff) : nothing}
    </dialog>`;
  }

  private renderContent(handoff: SecretHandoff) {
    const secret = handoff.clientSecret ?? '';
    return html`<div class="header">
        <h2 id="title">
          ${
            handoff.reason === 'regenerated'
              ? messages.secretTitleRegenerated
              : secret
                ? messages.secretTitleCreated
                : messages.secretTitleClientIdGenerated
          }
        </h2>
        <button
          part="close-button"
          class="close"
          type="button"
          aria-label=${messages.secretClose}
          @click=${this.handleCloseClick}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      ${this.confirmingClose ? this.renderCloseQuestion() : nothing}
      ${
        secret
          ? html`<p id="warning" part="warning" class="warning">
              <strong>${messages.secretWarning}</strong>
              ${handoff.reason === 'regenerated' ? html` ${messages.secretUpdateEverywhere}` : nothing}
            </p>`
          : html`<p id="note" class="muted">${messages.secretPublicClientNote}</p>`
      }
      ${this.renderField('client-id', messages.secretClientId, handoff.clientId, this.handleCopyClientId)}
      ${secret ? this.renderField('client-secret', messages.secretClientSecret, secret, this.handleCopySecret) : nothing}
      <div class="actions">
        <button part="env-button" type="button" @click=${this.handleCopyEnv}>${messages.secretCopyEnv}</button>
      </div>
      ${
        secret
          ? html`<conga-token-test
              part="token-test"
              .clientId=${handoff.clientId}
              .clientSecret=${secret}
              .clipboard=${this.clipboard}
            ></conga-token-test>`
          : nothing
      }
      <p id="status" class="status" role="status">${this.statusMessage}</p>
      <div class="footer">
        ${
          secret
            ? html`<label class="stored">
                <input
                  id="stored"
                  part="stored-checkbox"
                  type="checkbox"
                  .checked=${this.stored}
                  @change=${this.handleStoredChange}
                />
                ${messages.secretStored}
              </label>`
            : nothing
        }
        <button
          part="done-button"
          class="primary"
          type="button"
          aria-disabled=${this.#needsConfirmation() ? 'true' : 'false'}
          aria-describedby=${this.#needsConfirmation() ? 'done-hint' : nothing}
          @click=${this.handleDone}
        >
          ${messages.secretDone}
        </button>
        ${this.#needsConfirmation() ? html`<p id="done-hint" class="muted">${messages.secretDoneHint}</p>` : nothing}
      </div>`;
  }

  private renderField(id: 'client-id' | 'client-secret', label: string, value: string, onCopy: () => void) {
    const failed = this.copyFailed === id || (this.copyFailed === 'env' && id === 'client-secret');
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <div class="value">
        <input
          id=${id}
          part=${id}
          type="text"
          dir="ltr"
          readonly
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          aria-describedby=${failed ? 'status' : nothing}
          .value=${value}
        />
        <button id=${`copy-${id}`} part="copy-button" type="button" @click=${onCopy}>
          ${messages.secretCopy}<span class="visually-hidden"> ${label}</span>
        </button>
      </div>
    </div>`;
  }

  private renderCloseQuestion() {
    return html`<div class="question" role="group" aria-labelledby="close-question">
      <p id="close-question" tabindex="-1">${messages.secretCloseQuestion}</p>
      <div class="actions">
        <button type="button" @click=${this.handleKeepOpen}>${messages.secretKeepOpen}</button>
        <button type="button" class="danger" @click=${this.handleCloseAnyway}>${messages.secretCloseAnyway}</button>
      </div>
    </div>`;
  }
}

define('conga-secret-reveal', CongaSecretReveal);

declare global {
  interface HTMLElementTagNameMap {
    'conga-secret-reveal': CongaSecretReveal;
  }
}
