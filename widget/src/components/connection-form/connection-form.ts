// <conga-connection-form>: where each behaviour lives.
// - draft.ts: the draft's values and pure helpers; form-model.ts: the draft model (rows, unsaved changes, which
//   messages show and when, the request body, request-body.ts); both plain TypeScript, tested in Node.
// - save-flow.ts: the save flow as a reactive controller (steps, create, update, lost creates, conflicts, failures).
// - *-view.ts: render-only pieces (identifier, fields and messages, row lists, summary, details, panels, conflict).
// - This element: properties, loading the connection to edit, the dialogs, focus, the live region, and wiring.
import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {Task} from '@lit/task';
import {isApiError} from '@conga-connections/api-client';
import type {
  ApiClient,
  ApiConnection,
  ApiConnectionResponse,
  ConnectionType,
  ExternalIntegration,
} from '@conga-connections/api-client';
import {apiClientContext, configContext} from '../../context.js';
import type {WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import type {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import type {ListField} from './draft.js';
import {renderTextField} from './field-view.js';
import type {FormHandlers} from './field-view.js';
import {messages} from './form-messages.js';
import {FormModel} from './form-model.js';
import {renderIntegrationUserGuidance} from './guidance.js';
import {renderIdentifier} from './identifier-view.js';
import {renderCorsOrigins, renderRedirectUris, renderScopes} from './list-view.js';
import {renderConfirmation} from './panel-view.js';
import {SaveFlowController} from './save-flow.js';
import type {Handoff} from './save-flow.js';
import {renderActions, renderFailure, renderSummary} from './summary-view.js';
import shared from '../../styles/shared.js';
import styles from './connection-form.styles.js';
import '../error-state/error-state.js';
import type {CongaConnectionTools} from '../connection-tools/connection-tools.js';
import {loadEditParts, loadSaveParts, resetTools} from './lazy-parts.js';
import type {EditParts} from './lazy-parts.js';
import {systemClipboard} from '../../clipboard.js';
import type {ClipboardWriter} from '../../clipboard.js';
import type {CongaSecretReveal} from '../secret-reveal/secret-reveal.js';

/** The element that really has focus, looking through open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/**
 * @summary Adds or edits one API connection in a modal dialog: External Identifier, Client Name and Description, and
 * for UI-to-API the redirect URIs, CORS origins, logout URIs and scopes. Checks every field as the admin types with the
 * shared rules, shows the server's reasons at their fields, guards against double saves, lost answers and concurrent
 * edits, and hands a new client secret over exactly once.
 *
 * @example
 * const form = document.createElement('conga-connection-form');
 * form.mode = 'create';
 * form.connectionType = 'APItoAPI';
 * form.integrations = integrations;   // the External Identifier drop-down
 * form.existing = connections;        // identifiers that already have a connection of this type are disabled
 * shadowRoot.append(form);            // inside <conga-api-connections>, which provides the API client
 * form.show();
 *
 * @event conga-connection-created - The server created a connection (`connection`, never its secret).
 * @event conga-connection-updated - The server saved an edit (`connection`, `secretRegenerated`; never the secret).
 * @event conga-form-closed - The dialog closed for any reason (internal, not composed).
 * @csspart base - The modal `<dialog>`.
 * @csspart form - The `<form>`.
 * @csspart error-summary - The list of problems shown after a submit.
 * @csspart failure - A failed save, with Retry.
 * @csspart offline-banner - "You're offline" while the browser is offline.
 * @csspart details - An edited connection's Client ID, dates and status.
 * @csspart guidance - In the Add API To API Connection view: the platform recommends the Integration User flow, with
 * a link to the page the root's `integration-user-help-url` names.
 * @csspart save-button - The submit button.
 * @csspart cancel-button - The Cancel button.
 * @csspart close-button - The × button.
 * @csspart panel - A confirmation or recovery step shown instead of the fields.
 * @cssproperty --conga-connection-form-width - The dialog's largest width.
 * @cssproperty --conga-color-danger - Error text and invalid borders.
 * @cssproperty --conga-color-warning - Hints that don't block saving.
 * @cssstate open - The dialog is open.
 * @cssstate saving - A save is in flight.
 * @cssstate offline - The browser is offline; Save is disabled.
 */
@localized()
export class CongaConnectionForm extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** `create` adds a connection; `edit` loads and saves the one named by `externalIdentifier`. */
  @property() mode: 'create' | 'edit' = 'create';
  /** The connection type; fixed for the dialog's lifetime. */
  @property({attribute: 'connection-type'}) connectionType: ConnectionType = 'APItoAPI';
  /** The connection to edit (edit mode). */
  @property({attribute: 'external-identifier'}) externalIdentifier: string | undefined;
  /** The organization's external integrations: the External Identifier drop-down. */
  @property({attribute: false}) integrations: readonly ExternalIntegration[] = [];
  /** Connections that exist already; their identifiers are disabled for a new connection of the same type. */
  @property({attribute: false}) existing: readonly ApiConnectionResponse[] = [];
  /** Where Copy writes; `navigator.clipboard` when unset. */
  @property({attribute: false}) clipboard: ClipboardWriter | undefined;

  @consume({context: apiClientContext, subscribe: true}) @state() private api?: ApiClient;
  @consume({context: configContext, subscribe: true}) @state() private config?: WidgetConfig;

  @state() private online = true;
  @state() private statusMessage = '';
  @state() private loadRequest = 0;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector<HTMLDialogElement>('dialog');
  }
  private get reveal(): CongaSecretReveal | null {
    return this.renderRoot.querySelector<CongaSecretReveal>('conga-secret-reveal');
  }
  private get tools(): CongaConnectionTools | null {
    return this.renderRoot.querySelector<CongaConnectionTools>('conga-connection-tools');
  }

  /** The draft and its messages; every change renders again. */
  readonly #model = new FormModel(() => {
    this.requestUpdate();
  });

  /** The saves and the step shown. */
  readonly #flow = new SaveFlowController(this, this.#model, {
    api: () => this.api,
    online: () => this.online,
    focus: (id) => this.#focusById(id),
    announce: (message) => this.#announce(message),
    handOff: (handoff) => this.#handOff(handoff),
    close: () => {
      this.#close();
    },
    loadRequests: loadSaveParts,
  });

  #opener: HTMLElement | null = null;
  /** Between opening and the end of closing (which, after a save, includes the secret hand-off). */
  #isOpen = false;
  /**
   * Whether the form has been asked to show once. Until then only the closed dialog's frame renders: the list loads
   * this chunk in idle time, and an element upgraded then rendered the whole Add form into a closed dialog in the
   * same task, about 100 ms on a slow machine at whatever moment the chunk arrived, a sort or a keystroke included
   * (issue 18). Rendered once, the form stays, so a second opening reuses it.
   */
  #everShown = false;
  #appliedLoad = 0;
  #loadIdentifier = '';
  #editPartsLoading = false;
  #internals: ElementInternals | undefined;

  /** What only the edit form shows (a lazy chunk, issue 18): set once it has loaded. */
  @state() private editParts: EditParts | undefined;
  /** A failed load of the edit form's chunk, shown with Retry. */
  @state() private editPartsError: unknown;
  /** Loads the connection to edit; made once the edit form's chunk, which holds `@lit/task`, has loaded. */
  private connection: Task<readonly [ApiClient | undefined, number], ApiConnection> | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Custom states are a progressive enhancement; nothing depends on them.
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.online = navigator.onLine;
    window.addEventListener('online', this.handleOnlineChange);
    window.addEventListener('offline', this.handleOnlineChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.handleOnlineChange);
    window.removeEventListener('offline', this.handleOnlineChange);
  }

  /**
   * Opens the form as a modal dialog, fresh for the current `mode`, `connectionType` and `externalIdentifier` (edit
   * mode loads the connection). Focus returns to the control that had it when the dialog closes.
   */
  show(): void {
    this.#everShown = true;
    this.requestUpdate();
    this.#opener = deepActiveElement();
    this.#flow.reset();
    this.statusMessage = '';
    this.#model.reset(this.connectionType, this.mode, this.mode === 'edit' ? (this.externalIdentifier ?? '') : '');
    if (this.mode === 'edit') {
      this.#loadIdentifier = this.externalIdentifier ?? '';
      this.loadRequest += 1;
    }
    this.online = navigator.onLine;
    // Opened after the render, outside the update cycle: opening moves focus, and focus changes update state.
    void this.updateComplete.then(() => {
      this.#open();
    });
  }

  protected override willUpdate(): void {
    this.#setState('offline', !this.online);
    this.#setState('saving', this.#flow.saving);
    // Edit mode needs its parts: an edit opening, or a create that turned into an edit (a lost create found again).
    if (this.#model.mode === 'edit') this.#loadEditParts();
  }

  /** Loads the edit form's parts once; after a failed load, only Retry tries again. */
  #loadEditParts(): void {
    if (this.editParts || this.#editPartsLoading || this.editPartsError !== undefined) return;
    this.#editPartsLoading = true;
    void loadEditParts()
      .then(
        (parts) => {
          this.editParts = parts;
          this.connection = this.#connectionTask(parts);
        },
        (error: unknown) => {
          this.editPartsError = error;
        },
      )
      .finally(() => {
        this.#editPartsLoading = false;
      });
  }

  #connectionTask(parts: EditParts) {
    return new parts.Task(this, {
      args: () => [this.api, this.loadRequest] as const,
      task: ([api, request], {signal}) => {
        if (!api || request === 0) return parts.initialState;
        return api.apiConnections.get(this.#loadIdentifier, this.connectionType, {signal});
      },
      onComplete: (connection) => {
        // Once per opening: a later re-run (a new API client) must not overwrite what the admin has typed since.
        if (this.#appliedLoad === this.loadRequest || this.#model.mode !== 'edit') return;
        this.#appliedLoad = this.loadRequest;
        this.#model.load(connection);
        void this.#focusById('field-ClientName');
      },
      onError: (error) => {
        void this.#flow.loadFailed(error);
      },
    });
  }

  #open(): void {
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (!dialog.open) dialog.showModal();
    this.#isOpen = true;
    this.#setState('open', true);
    if (this.#model.mode === 'create') this.#fieldById('field-ExternalIdentifier')?.focus();
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Effects of the model and the flow: focus, announcements, the dialogs
  // -------------------------------------------------------------------------------------------------------------------

  #fieldById(id: string): HTMLElement | null {
    return (this.renderRoot as ShadowRoot).getElementById(id);
  }

  async #focusById(id: string): Promise<void> {
    await this.updateComplete;
    this.#fieldById(id)?.focus();
  }

  /** Clears the live region first, so the same text twice in a row is read out again. */
  async #announce(message: string): Promise<void> {
    this.statusMessage = '';
    await this.updateComplete;
    this.statusMessage = message;
  }

  #setState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    if (on) states.add(name);
    else states.delete(name);
  }

  async #handOff(handoff: Handoff): Promise<void> {
    // The form's dialog gives way to the hand-off's; the form counts as closed only when the hand-off is done.
    this.dialog?.close();
    await this.reveal?.show(handoff);
  }

  #close(): void {
    const dialog = this.dialog;
    if (dialog?.open) dialog.close();
    // Finished here rather than on the dialog's `close` event, which a hidden page may not get until it is shown.
    this.#finishClose();
  }

  #finishClose(): void {
    if (!this.#isOpen) return;
    this.#isOpen = false;
    // The tools stay in the closed dialog: their test results and any pasted secret go now.
    resetTools(this.tools);
    this.#flow.closed();
    this.#setState('open', false);
    const opener = this.#opener;
    this.#opener = null;
    // Restore focus first; a listener may then move it on purpose (C6-04).
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new FormClosedEvent());
  }

  async #copyClientId(): Promise<void> {
    const clientId = this.#model.loaded?.ClientId ?? '';
    const clipboard = this.clipboard ?? systemClipboard();
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(clientId);
      await this.#announce(messages.formCopied);
    } catch {
      await this.#announce(messages.formCopyFailed);
      const field = this.#fieldById('client-id') as HTMLInputElement | null;
      field?.focus();
      field?.select();
    }
  }

  async #paste(field: ListField, key: number, event: ClipboardEvent): Promise<void> {
    const input = event.target as HTMLInputElement;
    const current = input.value;
    const before = current.slice(0, input.selectionStart ?? current.length);
    const after = current.slice(input.selectionEnd ?? current.length);
    const pasted = this.#model.paste(field, key, event.clipboardData?.getData('text/plain') ?? '', before, after);
    if (!pasted) return;
    event.preventDefault();
    if (pasted.count > 1) void this.#announce(messages.formPasteSplit(pasted.count));
    await this.#focusById(pasted.focus);
  }

  async #suggestOrigins(): Promise<void> {
    const added = this.#model.addSuggestedOrigins();
    await this.#announce(added === 0 ? messages.formNoSuggestedOrigins : messages.formSuggestedOriginsAdded(added));
  }

  /**
   * "Test sign-in" asked to add its redirect URL (or the page's origin) to the field: it becomes a new row (or fills
   * the only, empty one) and gets focus, and the admin is told to save. Nothing is sent until they do.
   */
  async #addValue(field: 'RedirectURI' | 'CorsOrigins', value: string): Promise<void> {
    // The tools are an edit part: their strings are in by the time they ask.
    const text = this.editParts?.toolsMessages();
    if (!text) return;
    const {focus, added} = this.#model.addValue(field, value);
    const name = text.testFixFields[field];
    await this.#announce(added ? text.testFixAdded(value, name) : text.testFixAlreadyListed(value, name));
    await this.#focusById(focus);
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Event handlers
  // -------------------------------------------------------------------------------------------------------------------

  readonly #handlers: FormHandlers = {
    blur: (key) => {
      // Leaving a field shows its messages, but not when it loses focus because the fields are going away (a step
      // replaced them, or the dialog closed): that blur comes in the middle of a render.
      if (this.#flow.step === 'form' && this.#isOpen) this.#model.show(key);
    },
    rowPaste: (field, key, event) => {
      void this.#paste(field, key, event);
    },
    addRow: (field) => {
      void this.#focusById(this.#model.addRow(field));
    },
    removeRow: (field, key) => {
      void this.#focusById(this.#model.removeRow(field, key));
    },
    suggestOrigins: () => {
      void this.#suggestOrigins();
    },
    focus: (id) => {
      this.#fieldById(id)?.focus();
    },
  };

  private readonly handleRequestAddValue = (event: RequestAddValueEvent): void => {
    event.stopPropagation();
    // Taken: the test says so instead of telling the admin to go and add it by hand.
    event.preventDefault();
    void this.#addValue(event.field, event.value);
  };

  private readonly handleOnlineChange = (event: Event): void => {
    this.online = event.type === 'online';
  };

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#flow.submit();
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Handled here so the browser's own close request never runs: it could close without asking (C4-07).
    event.preventDefault();
    event.stopPropagation();
    void this.#flow.requestClose('save-button');
  };

  private readonly handleCancelEvent = (event: Event): void => {
    event.preventDefault();
    void this.#flow.requestClose('save-button');
  };

  /** The dialog closed. When the element closed it, closing is already over; otherwise the browser did it. */
  private readonly handleDialogClose = (): void => {
    const dialog = this.dialog;
    const flow = this.#flow;
    if (!this.#isOpen || flow.step === 'handoff' || !dialog || dialog.open) return;
    if (this.isConnected && (flow.saving || this.#model.dirty)) {
      // Closed by the browser without asking (e.g. a repeated close request): open it again and ask (C4-07).
      dialog.showModal();
      if (!flow.saving) void flow.requestClose('save-button');
      return;
    }
    this.#finishClose();
  };

  private readonly handleSecretClosed = (): void => {
    this.#finishClose();
  };

  private readonly handleCancelClick = (): void => {
    void this.#flow.requestClose('cancel-button');
  };

  private readonly handleCloseClick = (): void => {
    void this.#flow.requestClose('close-button');
  };

  private readonly handleRetry = (): void => {
    void this.#flow.save();
  };

  private readonly handleCopyClientId = (): void => {
    void this.#copyClientId();
  };

  // -------------------------------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------------------------------

  override render() {
    const model = this.#model;
    const title =
      model.mode === 'edit'
        ? messages.formTitleEdit
        : this.connectionType === 'UItoAPI'
          ? messages.formTitleCreateUiToApi
          : messages.formTitleCreateApiToApi;
    return html`<dialog
        part="base"
        aria-labelledby="form-title"
        @keydown=${this.handleKeydown}
        @cancel=${this.handleCancelEvent}
        @close=${this.handleDialogClose}
      >
        <div class="header">
          <h2 id="form-title">${title}</h2>
          <button
            id="close-button"
            part="close-button"
            class="close"
            type="button"
            aria-label=${messages.formClose}
            aria-disabled=${this.#flow.saving ? 'true' : 'false'}
            @click=${this.handleCloseClick}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        ${
          this.online
            ? nothing
            : html`<p id="offline-banner" part="offline-banner" class="banner" role="status">
                ${messages.errorOffline}
              </p>`
        }
        ${this.#everShown ? this.renderBody() : nothing}
        <p class="status" role="status">${this.#flow.showProgress ? messages.formSaving : this.statusMessage}</p>
      </dialog>
      <conga-secret-reveal
        .clipboard=${this.clipboard}
        @conga-secret-closed=${this.handleSecretClosed}
      ></conga-secret-reveal>`;
  }

  private renderBody() {
    const model = this.#model;
    const step = this.#flow.step;
    // Only an edit reaches "not found" (a 404 of its load or its save), with the edit form's parts in.
    const notFound = () =>
      this.editParts?.renderNotFound(!model.loaded, this.connectionType, this.#loadIdentifier, this.#flow) ?? nothing;
    if (step === 'not-found') return notFound();
    if (model.mode === 'edit' && !model.loaded && step !== 'handoff') {
      if (!this.api) return html`<p class="muted">${messages.formNoApiClient}</p>`;
      const connection = this.connection;
      if (!connection) {
        return this.editPartsError === undefined
          ? html`<p role="status" aria-busy="true">${messages.formLoading}</p>`
          : html`<conga-error-state
              .error=${this.editPartsError}
              @conga-request-retry=${() => {
                this.editPartsError = undefined;
                this.#loadEditParts();
              }}
            ></conga-error-state>`;
      }
      return connection.render({
        initial: () => html`<p role="status">${messages.formLoading}</p>`,
        pending: () => html`<p role="status" aria-busy="true">${messages.formLoading}</p>`,
        complete: () => nothing,
        error: (error) =>
          isApiError(error, 'API_NOT_FOUND')
            ? notFound()
            : html`<conga-error-state
                .error=${error}
                @conga-request-retry=${() => void connection.run()}
              ></conga-error-state>`,
      });
    }
    const latest = this.#flow.latest;
    // A conflict and the regenerate confirmation come only from saving an edit: the edit form's parts are in by then.
    const {editParts} = this;
    let panel: unknown;
    if (step === 'conflict')
      panel = latest && editParts ? editParts.renderConflict(model, latest, this.#flow) : nothing;
    else if (step === 'confirm-regenerate') panel = editParts?.renderRegenerate(this.#flow) ?? nothing;
    else panel = renderConfirmation(step, this.#flow);
    return html`${panel} ${this.renderForm()}`;
  }

  private renderForm() {
    const model = this.#model;
    const flow = this.#flow;
    const handlers = this.#handlers;
    const ui = this.connectionType === 'UItoAPI';
    const loaded = model.mode === 'edit' ? model.loaded : undefined;
    const entries = model.summaryRequested ? model.summaryEntries() : [];
    return html`<form
      part="form"
      novalidate
      ?hidden=${flow.step !== 'form'}
      aria-busy=${flow.showProgress ? 'true' : 'false'}
      @submit=${this.handleSubmit}
    >
      ${entries.length > 0 ? renderSummary(entries, handlers) : nothing}
      ${loaded && this.editParts ? this.editParts.renderDetails(loaded, this.handleCopyClientId) : nothing}
      ${
        loaded
          ? html`<conga-connection-tools
              .connection=${loaded}
              .clipboard=${this.clipboard}
              @conga-request-add-value=${this.handleRequestAddValue}
            ></conga-connection-tools>`
          : nothing
      }
      ${model.mode === 'create' && !ui ? renderIntegrationUserGuidance(this.config?.integrationUserHelpUrl) : nothing}
      <p class="muted note">${messages.formRequiredNote}</p>
      ${renderIdentifier(model, handlers, {
        integrations: this.integrations,
        existing: this.existing,
        recreateIdentifier: flow.recreateIdentifier,
      })}
      ${renderTextField(model, handlers, 'ClientName', {required: true, help: messages.formHelpClientName})}
      ${renderTextField(model, handlers, 'Description', {multiline: true})}
      ${
        ui
          ? html`${renderRedirectUris(model, handlers)} ${renderCorsOrigins(model, handlers)}
            ${renderTextField(model, handlers, 'BackChannelLogoutURI', {url: true, help: messages.formHelpLogoutUri})}
            ${renderTextField(model, handlers, 'FrontChannelLogoutURI', {url: true, help: messages.formHelpLogoutUri})}
            ${renderScopes(model, handlers)}`
          : nothing
      }
      ${flow.failure ? renderFailure(flow.failure, flow.saving, this.handleRetry) : nothing}
      ${renderActions({
        mode: model.mode,
        regeneratesSecret: this.connectionType === 'APItoAPI',
        saving: flow.saving,
        online: this.online,
        onCancel: this.handleCancelClick,
      })}
    </form>`;
  }
}

define('conga-connection-form', CongaConnectionForm);

declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-form': CongaConnectionForm;
  }
}
