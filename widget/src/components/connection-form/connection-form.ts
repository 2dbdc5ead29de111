import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {property, query, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {live} from 'lit/directives/live.js';
import {repeat} from 'lit/directives/repeat.js';
import {consume} from '@lit/context';
import {initialState, Task} from '@lit/task';
import {
  isAbortError,
  isApiError,
  isNetworkError,
  isResponseShapeError,
  toApiTypeLabel,
  toConnectionType,
} from '@conga-connections/api-client';
import type {
  ApiClient,
  ApiConnection,
  ApiConnectionCreateRequest,
  ApiConnectionResponse,
  ApiError,
  ConnectionType,
  ExternalIntegration,
} from '@conga-connections/api-client';
import {
  deriveCorsOrigins,
  FIELDS,
  normalizeOrigin,
  parseServerMessage,
  validateConnection,
} from '@conga-connections/validation';
import type {ConnectionDraft, FieldName, Finding, ValidationResult} from '@conga-connections/validation';
import {apiClientContext, configContext} from '../../context.js';
import type {WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import type {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import {messages} from './form-messages.js';
import {renderIntegrationUserGuidance} from './guidance.js';
import {updateBody} from './update-body.js';
import shared from '../../styles/shared.js';
import styles from './connection-form.styles.js';
import '../error-state/error-state.js';
import '../connection-tools/connection-tools.js';
import type {CongaConnectionTools} from '../connection-tools/connection-tools.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import '../secret-reveal/secret-reveal.js';

/**
 * The session history's records and its "Your changes" panel ride in this chunk, which the list loads as soon as it
 * is idle anyway. As a chunk of their own, a fourth lazy chunk importing Lit, they made the bundler move Lit out of
 * the main module into a file every page would load up front (rolldown#10731; the size test checks for it).
 */
export {clearChanges, listChanges, recordChange} from '../change-history/change-history.js';
import {systemClipboard} from '../secret-reveal/secret-reveal.js';
import type {ClipboardWriter, CongaSecretReveal} from '../secret-reveal/secret-reveal.js';

// ---------------------------------------------------------------------------------------------------------------------
// The draft: what the admin typed, field by field, with wire names
// ---------------------------------------------------------------------------------------------------------------------

type TextField = 'ExternalIdentifier' | 'ClientName' | 'Description' | 'BackChannelLogoutURI' | 'FrontChannelLogoutURI';

const LIST_FIELDS = ['RedirectURI', 'CorsOrigins', 'AllowedScopes'] as const;
type ListField = (typeof LIST_FIELDS)[number];

/** The form's order, which is also the error summary's order: the shared rules' field order. */
const FIELD_ORDER: readonly FieldName[] = FIELDS;

/** Fields only a UI-to-API connection has; an API-to-API form neither shows nor sends them (A3-07). */
const UI_ONLY: ReadonlySet<FieldName> = new Set([
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
]);

/** Labels exactly as the platform's dialogs spell them (PLATFORM.md §5). */
const LABELS: Record<FieldName, string> = {
  ExternalIdentifier: messages.formFieldExternalIdentifier,
  ClientName: messages.formFieldClientName,
  Description: messages.formFieldDescription,
  RedirectURI: messages.formFieldRedirectUri,
  CorsOrigins: messages.formFieldCorsOrigins,
  BackChannelLogoutURI: messages.formFieldBackChannelLogoutUri,
  FrontChannelLogoutURI: messages.formFieldFrontChannelLogoutUri,
  AllowedScopes: messages.formFieldAllowedScopes,
};

/** C3-03: progress text and busy state appear only when a save takes noticeably long. */
const PROGRESS_DELAY_MS = 300;

interface Row {
  /** Stable across edits, so focus and messages stay with their row when rows are added or removed. */
  readonly key: number;
  readonly value: string;
}

type Draft = Readonly<Record<TextField, string>> & Readonly<Record<ListField, readonly Row[]>>;

let nextRowKey = 1;
function rows(values: readonly string[]): Row[] {
  return values.map((value) => ({key: nextRowKey++, value}));
}

function isListField(field: string): field is ListField {
  return (LIST_FIELDS as readonly string[]).includes(field);
}

function newDraft(type: ConnectionType, externalIdentifier = ''): Draft {
  const ui = type === 'UItoAPI';
  return {
    ExternalIdentifier: externalIdentifier,
    ClientName: '',
    Description: '',
    RedirectURI: rows(ui ? [''] : []),
    CorsOrigins: [],
    BackChannelLogoutURI: '',
    FrontChannelLogoutURI: '',
    // None: the platform's own UI-to-API dialog has no scopes field, and listing scopes may narrow what the platform
    // lets the client do (issue 12). The admin may add some.
    AllowedScopes: [],
  };
}

function draftFromConnection(connection: ApiConnection, fallbackIdentifier: string): Draft {
  return {
    ExternalIdentifier: connection.ExternalIdentifier ?? fallbackIdentifier,
    ClientName: connection.ClientName ?? '',
    Description: connection.Description ?? '',
    RedirectURI: rows(connection.RedirectURI),
    CorsOrigins: rows(connection.CorsOrigins),
    BackChannelLogoutURI: connection.BackChannelLogoutURI ?? '',
    FrontChannelLogoutURI: connection.FrontChannelLogoutURI ?? '',
    AllowedScopes: rows(connection.AllowedScopes),
  };
}

/** The draft with wire names, for the shared rules; an API-to-API draft has no UI-only fields at all (A3-07). */
function toConnectionDraft(draft: Draft, type: ConnectionType): ConnectionDraft {
  const base = {
    ExternalIdentifier: draft.ExternalIdentifier,
    ClientName: draft.ClientName,
    Description: draft.Description,
  };
  if (type !== 'UItoAPI') return base;
  return {
    ...base,
    RedirectURI: draft.RedirectURI.map((row) => row.value),
    CorsOrigins: draft.CorsOrigins.map((row) => row.value),
    BackChannelLogoutURI: draft.BackChannelLogoutURI,
    FrontChannelLogoutURI: draft.FrontChannelLogoutURI,
    AllowedScopes: draft.AllowedScopes.map((row) => row.value),
  };
}

/** One field's value as comparable text. */
function fieldText(draft: Draft, field: FieldName): string {
  return isListField(field) ? draft[field].map((row) => row.value).join(', ') : draft[field];
}

function snapshotOf(draft: Draft): string {
  return JSON.stringify(FIELD_ORDER.map((field) => fieldText(draft, field)));
}

/** C2-04: whether the connection changed on the server since it was loaded, by `ETag` and by `ModifiedDate`. */
function changedSince(loaded: ApiConnection, latest: ApiConnection): boolean {
  if (loaded.ETag && latest.ETag && loaded.ETag !== latest.ETag) return true;
  return (loaded.ModifiedDate ?? null) !== (latest.ModifiedDate ?? null);
}

/** The element that really has focus, looking through open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

function formatDate(value: string | null): string {
  if (!value) return messages.formUnknown;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return messages.formUnknown;
  return new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'}).format(date);
}

// ---------------------------------------------------------------------------------------------------------------------
// Problems shown under fields and in the summary
// ---------------------------------------------------------------------------------------------------------------------

/** A message from the server, attached to a field (and row) when it names one (A7-01). */
interface ServerProblem {
  field?: FieldName;
  /** The problem key: the field, or `<field>-<row key>` for a row. */
  key?: string;
  message: string;
}

interface SummaryEntry {
  /** The id of the control the entry focuses; absent for messages that name no field. */
  target?: string;
  text: string;
}

interface Failure {
  message: string;
  retry: boolean;
}

type Step = 'form' | 'confirm-regenerate' | 'confirm-discard' | 'conflict' | 'not-found' | 'secret-lost' | 'handoff';

function rowKeyOf(field: ListField, key: number): string {
  return `${field}-${key}`;
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

  @state() private activeMode: 'create' | 'edit' = 'create';
  @state() private step: Step = 'form';
  @state() private draft: Draft = newDraft('APItoAPI');
  /** The connection as loaded for editing (never with a secret: reads don't return one). */
  @state() private loaded: ApiConnection | undefined;
  /** The server's newer version, while the conflict step shows it (C2-03). */
  @state() private latest: ApiConnection | undefined;
  /** Problem keys whose client-side messages are visible: typed-in rows and left fields. */
  @state() private shown: ReadonlySet<string> = new Set();
  @state() private submitted = false;
  @state() private summaryRequested = false;
  @state() private serverProblems: readonly ServerProblem[] = [];
  @state() private failure: Failure | undefined;
  @state() private saving = false;
  @state() private showProgress = false;
  @state() private online = true;
  @state() private statusMessage = '';
  @state() private loadRequest = 0;

  @query('dialog') private readonly dialog?: HTMLDialogElement;
  @query('conga-secret-reveal') private readonly reveal?: CongaSecretReveal;
  @query('conga-connection-tools') private readonly tools?: CongaConnectionTools;

  #opener: HTMLElement | null = null;
  /** Between opening and the end of closing (which, after a save, includes the secret hand-off). */
  #isOpen = false;
  /** The draft as last loaded or saved: anything else is an unsaved change (C4-07). */
  #snapshot = '';
  #appliedLoad = 0;
  #loadIdentifier = '';
  /** The identifier being created again after a 404, whose stale row in `existing` must not disable it. */
  #recreateIdentifier: string | undefined;
  /** C4-03: a create was sent and its answer lost; before sending anything again, check whether it exists. */
  #createUncertain = false;
  #progressTimer: ReturnType<typeof setTimeout> | undefined;
  /** Where focus goes back when a confirmation step is cancelled. */
  #returnFocusTo: string | undefined;
  #findings: {errors: Map<string, Finding[]>; hints: Map<string, Finding[]>; valid: boolean} = {
    errors: new Map(),
    hints: new Map(),
    valid: true,
  };
  #internals: ElementInternals | undefined;

  private readonly connection = new Task(this, {
    args: () => [this.api, this.loadRequest] as const,
    task: ([api, request], {signal}) => {
      if (!api || request === 0) return initialState;
      return api.apiConnections.get(this.#loadIdentifier, this.connectionType, {signal});
    },
    onComplete: (connection) => {
      this.#applyLoaded(connection);
    },
    onError: (error) => {
      if (isApiError(error, 'API_NOT_FOUND') && this.activeMode === 'edit' && !this.loaded) {
        this.step = 'not-found';
        void this.#focusById('panel-title');
      }
    },
  });

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
    this.#clearProgressTimer();
  }

  /**
   * Opens the form as a modal dialog, fresh for the current `mode`, `connectionType` and `externalIdentifier` (edit
   * mode loads the connection). Focus returns to the control that had it when the dialog closes.
   */
  show(): void {
    this.#opener = deepActiveElement();
    this.activeMode = this.mode;
    this.step = 'form';
    this.loaded = undefined;
    this.latest = undefined;
    this.shown = new Set();
    this.submitted = false;
    this.summaryRequested = false;
    this.serverProblems = [];
    this.failure = undefined;
    this.statusMessage = '';
    this.#recreateIdentifier = undefined;
    this.#createUncertain = false;
    this.draft = newDraft(this.connectionType, this.mode === 'edit' ? (this.externalIdentifier ?? '') : '');
    this.#snapshot = snapshotOf(this.draft);
    if (this.mode === 'edit') {
      this.#loadIdentifier = this.externalIdentifier ?? '';
      this.loadRequest += 1;
    }
    this.online = navigator.onLine;
    this.requestUpdate();
    // Opened after the render, outside the update cycle: opening moves focus, and focus changes update state.
    void this.updateComplete.then(() => {
      this.#open();
    });
  }

  protected override willUpdate(): void {
    // The rules are cheap; running them on every update keeps the messages in step with the draft and the mode.
    this.#findings = this.#collectFindings();
    this.#setState('offline', !this.online);
  }

  #open(): void {
    const dialog = this.dialog;
    if (!dialog || !this.isConnected) return;
    if (!dialog.open) dialog.showModal();
    this.#isOpen = true;
    this.#setState('open', true);
    if (this.activeMode === 'create') this.#fieldById('field-ExternalIdentifier')?.focus();
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Validation
  // -------------------------------------------------------------------------------------------------------------------

  #validate(): ValidationResult {
    return validateConnection(toConnectionDraft(this.draft, this.connectionType), {type: this.connectionType});
  }

  /** Maps the shared rules' findings to problem keys: a field, or one row of a list field. */
  #collectFindings(): {errors: Map<string, Finding[]>; hints: Map<string, Finding[]>; valid: boolean} {
    const result = this.#validate();
    const errors = new Map<string, Finding[]>();
    const hints = new Map<string, Finding[]>();
    const add = (map: Map<string, Finding[]>, finding: Finding) => {
      const field = finding.field as FieldName;
      if (!FIELD_ORDER.includes(field)) return;
      // The identifier of an edited connection is fixed; the server already holds it.
      if (field === 'ExternalIdentifier' && this.activeMode === 'edit') return;
      let key: string = field;
      if (isListField(field) && finding.index !== undefined) {
        const row = this.draft[field][finding.index];
        if (row) key = rowKeyOf(field, row.key);
      }
      map.set(key, [...(map.get(key) ?? []), finding]);
    };
    for (const finding of result.errors) add(errors, finding);
    for (const finding of result.warnings) add(hints, finding);
    return {errors, hints, valid: errors.size === 0};
  }

  #isShown(key: string): boolean {
    return this.submitted || this.shown.has(key);
  }

  #show(...keys: string[]): void {
    if (keys.every((key) => this.shown.has(key))) return;
    this.shown = new Set([...this.shown, ...keys]);
  }

  /**
   * Leaving a field shows its messages, but not when it loses focus because the fields are going away (a step
   * replaced them, or the dialog closed): that blur comes in the middle of a render.
   */
  #showOnBlur(key: string): void {
    if (this.step === 'form' && this.#isOpen) this.#show(key);
  }

  #errorsFor(key: string): string[] {
    const client = this.#isShown(key) ? (this.#findings.errors.get(key) ?? []).map((finding) => finding.message) : [];
    const server = this.serverProblems.filter((problem) => problem.key === key).map((problem) => problem.message);
    return [...client, ...server];
  }

  #hintsFor(key: string): Finding[] {
    return this.#isShown(key) ? (this.#findings.hints.get(key) ?? []) : [];
  }

  /** Whether a field is on screen (and so can be focused from the summary). */
  #isRendered(field: FieldName): boolean {
    return !UI_ONLY.has(field) || this.connectionType === 'UItoAPI';
  }

  #summaryEntries(): SummaryEntry[] {
    const entries: SummaryEntry[] = [];
    for (const field of FIELD_ORDER) {
      if (!this.#isRendered(field)) continue;
      const label = LABELS[field];
      if (isListField(field)) {
        const list = this.draft[field];
        const first = list[0];
        const listTarget = first ? `field-${rowKeyOf(field, first.key)}` : `add-${field}`;
        for (const message of this.#errorsFor(field)) {
          entries.push({target: listTarget, text: messages.formFieldMessage(label, message)});
        }
        list.forEach((row, index) => {
          const key = rowKeyOf(field, row.key);
          for (const message of this.#errorsFor(key)) {
            entries.push({
              target: `field-${key}`,
              text: messages.formFieldMessage(messages.formRowLabel(label, index + 1), message),
            });
          }
        });
      } else {
        for (const message of this.#errorsFor(field)) {
          entries.push({target: `field-${field}`, text: messages.formFieldMessage(label, message)});
        }
      }
    }
    for (const problem of this.serverProblems) {
      if (problem.key !== undefined) continue;
      // A server message about a field this form doesn't show, or about no field: text only, never markup (B1-01).
      entries.push({
        text: problem.field ? messages.formFieldMessage(LABELS[problem.field], problem.message) : problem.message,
      });
    }
    return entries;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Editing
  // -------------------------------------------------------------------------------------------------------------------

  #setDraft(next: Draft): void {
    this.draft = next;
  }

  /** An edit clears the server's message about that field (or row): it was about the old value. */
  #clearServerProblems(...keys: string[]): void {
    if (!this.serverProblems.some((problem) => problem.key !== undefined && keys.includes(problem.key))) return;
    this.serverProblems = this.serverProblems.filter(
      (problem) => problem.key === undefined || !keys.includes(problem.key),
    );
  }

  #setText(field: TextField, value: string): void {
    this.#setDraft({...this.draft, [field]: value});
    this.#clearServerProblems(field);
  }

  #setRow(field: ListField, key: number, value: string): void {
    this.#setDraft({...this.draft, [field]: this.draft[field].map((row) => (row.key === key ? {key, value} : row))});
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.#show(rowKeyOf(field, key));
  }

  async #addRow(field: ListField): Promise<void> {
    const [row] = rows(['']);
    if (!row) return;
    this.#setDraft({...this.draft, [field]: [...this.draft[field], row]});
    await this.#focusById(`field-${rowKeyOf(field, row.key)}`);
  }

  async #removeRow(field: ListField, key: number): Promise<void> {
    const list = this.draft[field];
    const index = list.findIndex((row) => row.key === key);
    const remaining = list.filter((row) => row.key !== key);
    this.#setDraft({...this.draft, [field]: remaining});
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.#show(field);
    // Focus the row that took its place, the one before it, or the Add button when the list is empty.
    const next = remaining[Math.min(index, remaining.length - 1)];
    await this.#focusById(next ? `field-${rowKeyOf(field, next.key)}` : `add-${field}`);
  }

  /**
   * The platform's Redirect URI field takes a comma-separated list (PLATFORM.md §5): pasting one into a row fills one
   * row per entry instead of producing one invalid URI with commas.
   */
  async #pasteIntoRow(field: ListField, key: number, event: ClipboardEvent): Promise<void> {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    const separator = field === 'AllowedScopes' ? /[\s,]+/ : /\s*[,\r\n]+\s*/;
    if (!separator.test(text.trim())) return;
    const pieces = text
      .split(separator)
      .map((piece) => piece.trim())
      .filter((piece) => piece !== '');
    if (pieces.length === 0) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    const current = input.value;
    const before = current.slice(0, input.selectionStart ?? current.length);
    const after = current.slice(input.selectionEnd ?? current.length);
    // What was typed before and after the selection stays around the pasted entries.
    const values = pieces.map(
      (piece, index) => `${index === 0 ? before : ''}${piece}${index === pieces.length - 1 ? after : ''}`,
    );
    const [first = '', ...rest] = values;
    const added = rows(rest);
    const list = this.draft[field];
    const index = list.findIndex((row) => row.key === key);
    const next = [...list.slice(0, index), {key, value: first}, ...added, ...list.slice(index + 1)];
    this.#setDraft({...this.draft, [field]: next});
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.#show(rowKeyOf(field, key), ...added.map((row) => rowKeyOf(field, row.key)));
    const last = added[added.length - 1];
    if (added.length > 0) void this.#announce(messages.formPasteSplit(values.length));
    await this.#focusById(`field-${rowKeyOf(field, last?.key ?? key)}`);
  }

  /** Adds the origins of the valid redirect URIs that aren't listed yet, normalized (A2-07). */
  async #useSuggestedOrigins(): Promise<void> {
    const suggested = deriveCorsOrigins(this.draft.RedirectURI.map((row) => row.value));
    const listed = new Set(this.draft.CorsOrigins.map((row) => normalizeOrigin(row.value) ?? row.value.trim()));
    const additions = suggested.filter((origin) => !listed.has(origin));
    if (additions.length === 0) {
      await this.#announce(messages.formNoSuggestedOrigins);
      return;
    }
    const added = rows(additions);
    const kept = this.draft.CorsOrigins.filter((row) => row.value.trim() !== '');
    this.#setDraft({...this.draft, CorsOrigins: [...kept, ...added]});
    this.#show(...added.map((row) => rowKeyOf('CorsOrigins', row.key)));
    await this.#announce(messages.formSuggestedOriginsAdded(additions.length));
  }

  /**
   * "Test sign-in" asked to add its redirect URL (or the page's origin) to the field: it becomes a new row (or fills
   * the only, empty one) and gets focus, and the admin is told to save. Nothing is sent until they do.
   */
  async #addValue(field: 'RedirectURI' | 'CorsOrigins', value: string): Promise<void> {
    const key = (text: string) => (field === 'CorsOrigins' ? (normalizeOrigin(text) ?? text.trim()) : text.trim());
    const existing = this.draft[field].find((row) => key(row.value) === key(value));
    if (existing) {
      await this.#announce(toolsMessages.testFixAlreadyListed(value, toolsMessages.testFixFields[field]));
      await this.#focusById(`field-${rowKeyOf(field, existing.key)}`);
      return;
    }
    const [row] = rows([value]);
    if (!row) return;
    const kept = this.draft[field].filter((other) => other.value.trim() !== '');
    this.#setDraft({...this.draft, [field]: [...kept, row]});
    this.#show(rowKeyOf(field, row.key));
    await this.#announce(toolsMessages.testFixAdded(value, toolsMessages.testFixFields[field]));
    await this.#focusById(`field-${rowKeyOf(field, row.key)}`);
  }

  private readonly handleRequestAddValue = (event: RequestAddValueEvent): void => {
    event.stopPropagation();
    // Taken: the test says so instead of telling the admin to go and add it by hand.
    event.preventDefault();
    void this.#addValue(event.field, event.value);
  };

  #isDirty(): boolean {
    return snapshotOf(this.draft) !== this.#snapshot;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Loading (edit)
  // -------------------------------------------------------------------------------------------------------------------

  #applyLoaded(connection: ApiConnection): void {
    // Once per opening: a later re-run (a new API client) must not overwrite what the admin has typed since.
    if (this.#appliedLoad === this.loadRequest || this.activeMode !== 'edit') return;
    this.#appliedLoad = this.loadRequest;
    this.loaded = connection;
    this.draft = draftFromConnection(connection, this.#loadIdentifier);
    this.#snapshot = snapshotOf(this.draft);
    void this.#focusById('field-ClientName');
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Saving
  // -------------------------------------------------------------------------------------------------------------------

  /** The fields whose value differs from the connection as loaded (issue 12: only these are sent as typed). */
  #changedFields(loaded: ApiConnection): Set<FieldName> {
    const before = draftFromConnection(loaded, this.draft.ExternalIdentifier);
    return new Set(FIELD_ORDER.filter((field) => fieldText(this.draft, field) !== fieldText(before, field)));
  }

  #requestBody(result: ValidationResult): ApiConnectionCreateRequest {
    const {value} = result;
    const loaded = this.loaded;
    if (this.activeMode === 'edit' && loaded) {
      return updateBody(this.connectionType, loaded, value, this.#changedFields(loaded));
    }
    if (this.connectionType === 'UItoAPI') {
      return {
        ClientName: value.ClientName,
        Description: value.Description,
        RedirectURI: value.RedirectURI,
        CorsOrigins: value.CorsOrigins,
        BackChannelLogoutURI: value.BackChannelLogoutURI,
        FrontChannelLogoutURI: value.FrontChannelLogoutURI,
        AllowedScopes: value.AllowedScopes,
      };
    }
    // A new API-to-API connection: no redirect, origin, logout or scope fields at all (A3-07).
    return {ClientName: value.ClientName, Description: value.Description};
  }

  async #submit(): Promise<void> {
    // C4-01: a second click or Enter while a save runs sends nothing.
    if (this.saving || this.step !== 'form') return;
    // C3-01: nothing is queued silently while offline; the banner says why Save does nothing.
    if (!this.online) return;
    this.submitted = true;
    this.serverProblems = [];
    this.failure = undefined;
    if (!this.#findings.valid) {
      await this.#showSummary();
      return;
    }
    if (this.activeMode === 'edit' && this.connectionType === 'APItoAPI') {
      // Every save of an API-to-API connection issues a new secret (PLATFORM.md §1.5): say so before sending.
      this.#returnFocusTo = 'save-button';
      this.step = 'confirm-regenerate';
      await this.#focusById('panel-title');
      return;
    }
    await this.#save();
  }

  async #save(): Promise<void> {
    if (this.saving) return;
    const api = this.api;
    if (!api) {
      this.failure = {message: messages.formNoApiClient, retry: false};
      return;
    }
    if (!this.online) return;
    const result = this.#validate();
    if (!this.#findings.valid) {
      this.submitted = true;
      await this.#showSummary();
      return;
    }
    const type = this.connectionType;
    const identifier = this.draft.ExternalIdentifier;
    const body = this.#requestBody(result);
    this.#startSaving();
    this.failure = undefined;
    this.serverProblems = [];
    try {
      if (this.activeMode === 'create') await this.#create(api, identifier, type, body);
      else await this.#update(api, identifier, type, body);
    } catch (error) {
      await this.#handleSaveError(error);
    } finally {
      this.#stopSaving();
    }
  }

  async #create(api: ApiClient, identifier: string, type: ConnectionType, body: ApiConnectionCreateRequest) {
    if (this.#createUncertain && (await this.#findLostCreate(api, identifier, type))) return;
    let response: ApiConnectionResponse;
    try {
      response = await api.apiConnections.create(identifier, type, body);
    } catch (error) {
      if (isApiError(error, 'API_SERVER_ERROR')) {
        // A 5xx (a gateway timeout above all) may come after the commit: Retry checks before sending again.
        this.#createUncertain = true;
      }
      if (!isNetworkError(error) && !isResponseShapeError(error)) throw error;
      // C4-03: the create may have been committed and only its answer lost (or unreadable). Sending it again could
      // never show the secret of the first one: check by identifier instead.
      this.#createUncertain = true;
      if (!(await this.#findLostCreate(api, identifier, type))) {
        this.failure = {message: messages.formSaveFailed, retry: true};
      }
      return;
    }
    this.#createUncertain = false;
    await this.#handleSaved(response, 'created');
  }

  /** C4-03: whether a create whose answer was lost was committed; if so, says what happened. Throws if unknown. */
  async #findLostCreate(api: ApiClient, identifier: string, type: ConnectionType): Promise<boolean> {
    let existing: ApiConnection;
    try {
      existing = await api.apiConnections.get(identifier, type);
    } catch (error) {
      if (isApiError(error, 'API_NOT_FOUND')) {
        this.#createUncertain = false;
        return false;
      }
      throw error;
    }
    this.#createUncertain = false;
    if (type === 'UItoAPI') {
      // A public client has no secret to lose: its Client ID can be read again, so the hand-off goes on as usual.
      await this.#handleSaved(existing, 'created');
      return true;
    }
    this.dispatchEvent(new ConnectionCreatedEvent(existing));
    this.loaded = existing;
    this.#snapshot = snapshotOf(this.draft);
    this.step = 'secret-lost';
    await this.#focusById('panel-title');
    return true;
  }

  async #update(api: ApiClient, identifier: string, type: ConnectionType, body: ApiConnectionCreateRequest) {
    const loaded = this.loaded;
    if (!loaded) return;
    // C2-04: a server without preconditions would overwrite a newer version silently; re-read and compare first.
    const latest = await api.apiConnections.get(identifier, type);
    if (changedSince(loaded, latest)) {
      await this.#showConflict(latest);
      return;
    }
    const response = await api.apiConnections.update(identifier, type, body, loaded.ETag ? {ifMatch: loaded.ETag} : {});
    await this.#handleSaved(response, 'updated');
  }

  async #handleSaved(response: ApiConnectionResponse, kind: 'created' | 'updated'): Promise<void> {
    const type = this.connectionType;
    // The secret goes straight to the hand-off and is kept nowhere else: not in state, events or logs (B4-02).
    const secret = response.ClientSecret ?? null;
    this.#snapshot = snapshotOf(this.draft);
    this.dispatchEvent(
      kind === 'created'
        ? new ConnectionCreatedEvent(response)
        : new ConnectionUpdatedEvent(response, type === 'APItoAPI' && secret !== null),
    );
    if (kind === 'updated' && secret === null) {
      this.#close();
      return;
    }
    // The form's dialog gives way to the hand-off's; the form counts as closed only when the hand-off is done.
    this.step = 'handoff';
    this.dialog?.close();
    await this.reveal?.show({
      clientId: response.ClientId ?? '',
      clientSecret: type === 'APItoAPI' ? secret : null,
      reason: kind === 'created' ? 'created' : 'regenerated',
    });
  }

  async #handleSaveError(error: unknown): Promise<void> {
    if (isAbortError(error)) return;
    const editing = this.activeMode === 'edit';
    if (isApiError(error)) {
      switch (error.code) {
        case 'API_BAD_REQUEST':
        case 'API_REQUEST_FAILED':
          await this.#showServerMessages(error);
          return;
        case 'API_CONFLICT':
          if (editing) {
            await this.#loadConflict();
          } else {
            // C2-05: the one thing a create can clash on is the identifier (one connection per identifier and type).
            this.serverProblems = [
              {
                field: 'ExternalIdentifier',
                key: 'ExternalIdentifier',
                message: messages.formIdentifierDuplicate(this.connectionType),
              },
            ];
            await this.#showSummary();
          }
          return;
        case 'API_PRECONDITION_FAILED':
          if (editing) {
            await this.#loadConflict();
            return;
          }
          break;
        case 'API_NOT_FOUND':
          if (editing) {
            this.step = 'not-found';
            await this.#focusById('panel-title');
            return;
          }
          break;
        case 'API_UNAUTHORIZED':
          // The session could not be renewed: the root asks for sign-in; the form keeps every value (C1-02).
          this.failure = {message: messages.sessionExpired, retry: true};
          return;
        case 'API_FORBIDDEN':
          this.failure = {message: messages.needAdmin, retry: false};
          return;
        default:
          break;
      }
      this.failure = {message: messages.formSaveFailed, retry: true};
      return;
    }
    if (error instanceof Error && error.name === 'AuthError') {
      this.failure = {message: messages.sessionExpired, retry: true};
      return;
    }
    if (!isNetworkError(error) && !isResponseShapeError(error)) console.error(error);
    // C2-08: whatever failed, the values stay where they are and Retry sends them again.
    this.failure = {message: messages.formSaveFailed, retry: true};
  }

  /** A7-01/02/03: each server message at the field it names (and in the summary); focus to the summary. */
  async #showServerMessages(error: ApiError): Promise<void> {
    const problems: ServerProblem[] = error.messages.map((text) => {
      const parsed = parseServerMessage(text);
      const field = parsed.field;
      if (!field || !this.#isRendered(field))
        return field ? {field, message: parsed.message} : {message: parsed.message};
      if (isListField(field)) {
        const row = parsed.index === undefined ? undefined : this.draft[field][parsed.index];
        return {field, key: row ? rowKeyOf(field, row.key) : field, message: parsed.message};
      }
      return {field, key: field, message: parsed.message};
    });
    if (problems.length === 0) problems.push({message: messages.errorRejected(error.status)});
    this.serverProblems = problems;
    await this.#showSummary();
  }

  async #loadConflict(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const latest = await api.apiConnections.get(this.draft.ExternalIdentifier, this.connectionType);
      await this.#showConflict(latest);
    } catch (error) {
      if (isApiError(error, 'API_NOT_FOUND')) {
        this.step = 'not-found';
        await this.#focusById('panel-title');
        return;
      }
      this.failure = {message: messages.formSaveFailed, retry: true};
    }
  }

  async #showConflict(latest: ApiConnection): Promise<void> {
    this.latest = latest;
    this.#returnFocusTo = 'save-button';
    this.step = 'conflict';
    await this.#focusById('panel-title');
  }

  async #showSummary(): Promise<void> {
    this.summaryRequested = true;
    await this.#focusById('error-summary');
  }

  #startSaving(): void {
    this.saving = true;
    this.#setState('saving', true);
    this.#clearProgressTimer();
    this.#progressTimer = setTimeout(() => {
      this.showProgress = true;
    }, PROGRESS_DELAY_MS);
  }

  #stopSaving(): void {
    this.saving = false;
    this.showProgress = false;
    this.#setState('saving', false);
    this.#clearProgressTimer();
  }

  #clearProgressTimer(): void {
    if (this.#progressTimer !== undefined) clearTimeout(this.#progressTimer);
    this.#progressTimer = undefined;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Closing
  // -------------------------------------------------------------------------------------------------------------------

  /** Escape, Cancel and ×: leave a confirmation step, or close, asking first when there are unsaved changes (C4-07). */
  async #requestClose(returnFocusTo: string): Promise<void> {
    if (this.saving || this.step === 'handoff') return;
    if (this.step === 'confirm-regenerate' || this.step === 'confirm-discard' || this.step === 'conflict') {
      await this.#backToForm();
      return;
    }
    if (this.#isDirty()) {
      this.#returnFocusTo = returnFocusTo;
      this.step = 'confirm-discard';
      await this.#focusById('panel-title');
      return;
    }
    this.#close();
  }

  async #backToForm(): Promise<void> {
    this.step = 'form';
    this.latest = undefined;
    await this.#focusById(this.#returnFocusTo ?? 'save-button');
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
    this.tools?.reset();
    this.step = 'form';
    this.#setState('open', false);
    const opener = this.#opener;
    this.#opener = null;
    // Restore focus first; a listener may then move it on purpose (C6-04).
    if (opener?.isConnected) opener.focus();
    this.dispatchEvent(new FormClosedEvent());
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Helpers
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

  async #copyClientId(): Promise<void> {
    const clientId = this.loaded?.ClientId ?? '';
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

  // -------------------------------------------------------------------------------------------------------------------
  // Event handlers
  // -------------------------------------------------------------------------------------------------------------------

  private readonly handleOnlineChange = (event: Event): void => {
    this.online = event.type === 'online';
  };

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  private readonly handleKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    // Handled here so the browser's own close request never runs: it could close without asking (C4-07).
    event.preventDefault();
    event.stopPropagation();
    void this.#requestClose('save-button');
  };

  private readonly handleCancelEvent = (event: Event): void => {
    event.preventDefault();
    void this.#requestClose('save-button');
  };

  /** The dialog closed. When the element closed it, closing is already over; otherwise the browser did it. */
  private readonly handleDialogClose = (): void => {
    const dialog = this.dialog;
    if (!this.#isOpen || this.step === 'handoff' || !dialog || dialog.open) return;
    if (this.isConnected && (this.saving || this.#isDirty())) {
      // Closed by the browser without asking (e.g. a repeated close request): open it again and ask (C4-07).
      dialog.showModal();
      if (!this.saving) void this.#requestClose('save-button');
      return;
    }
    this.#finishClose();
  };

  private readonly handleSecretClosed = (): void => {
    this.#finishClose();
  };

  private readonly handleCancelClick = (): void => {
    void this.#requestClose('cancel-button');
  };

  private readonly handleCloseClick = (): void => {
    void this.#requestClose('close-button');
  };

  private readonly handleConfirmRegenerate = (): void => {
    this.step = 'form';
    void this.#save();
  };

  private readonly handleDiscard = (): void => {
    this.#close();
  };

  private readonly handleKeepEditing = (): void => {
    void this.#backToForm();
  };

  private readonly handleRetry = (): void => {
    void this.#save();
  };

  private readonly handleReapply = (): void => {
    const original = this.loaded;
    const latest = this.latest;
    if (!original || !latest) return;
    const originalDraft = draftFromConnection(original, this.draft.ExternalIdentifier);
    const theirs = draftFromConnection(latest, this.draft.ExternalIdentifier);
    // Field by field: what I changed wins; everything else is theirs.
    const merged: Record<string, unknown> = {...theirs};
    for (const field of FIELD_ORDER) {
      if (fieldText(this.draft, field) !== fieldText(originalDraft, field)) merged[field] = this.draft[field];
    }
    this.draft = merged as Draft;
    this.loaded = latest;
    this.#snapshot = snapshotOf(theirs);
    this.latest = undefined;
    this.step = 'form';
    void this.#save();
  };

  private readonly handleTakeTheirs = (): void => {
    const latest = this.latest;
    if (!latest) return;
    this.draft = draftFromConnection(latest, this.draft.ExternalIdentifier);
    this.loaded = latest;
    this.#snapshot = snapshotOf(this.draft);
    this.latest = undefined;
    this.submitted = false;
    this.summaryRequested = false;
    this.serverProblems = [];
    this.shown = new Set();
    this.step = 'form';
    void this.#announce(messages.formConflictTookTheirs);
    void this.#focusById('field-ClientName');
  };

  private readonly handleCreateAsNew = (): void => {
    // C2-01: the connection is gone; its values become a new one, with nothing the admin typed lost.
    this.activeMode = 'create';
    this.#recreateIdentifier = this.draft.ExternalIdentifier;
    this.loaded = undefined;
    this.step = 'form';
    this.submitted = false;
    this.summaryRequested = false;
    this.serverProblems = [];
    this.failure = undefined;
    void this.#focusById('field-ExternalIdentifier');
  };

  private readonly handleBackToList = (): void => {
    this.#close();
  };

  private readonly handleGenerateNewSecret = (): void => {
    // C4-03: the connection exists; editing it issues a new secret (after the usual confirmation).
    this.activeMode = 'edit';
    this.step = 'form';
    void this.#focusById('save-button');
  };

  private readonly handleCopyClientId = (): void => {
    void this.#copyClientId();
  };

  private readonly handleSuggestOrigins = (): void => {
    void this.#useSuggestedOrigins();
  };

  // -------------------------------------------------------------------------------------------------------------------
  // Rendering
  // -------------------------------------------------------------------------------------------------------------------

  #title(): string {
    if (this.activeMode === 'edit') return messages.formTitleEdit;
    return this.connectionType === 'UItoAPI' ? messages.formTitleCreateUiToApi : messages.formTitleCreateApiToApi;
  }

  #saveLabel(): string {
    if (this.activeMode === 'create') return messages.formSaveCreate;
    return this.connectionType === 'APItoAPI' ? messages.formSaveRegenerate : messages.formSave;
  }

  override render() {
    return html`<dialog
        part="base"
        aria-labelledby="form-title"
        @keydown=${this.handleKeydown}
        @cancel=${this.handleCancelEvent}
        @close=${this.handleDialogClose}
      >
        <div class="header">
          <h2 id="form-title">${this.#title()}</h2>
          <button
            id="close-button"
            part="close-button"
            class="close"
            type="button"
            aria-label=${messages.formClose}
            aria-disabled=${this.saving ? 'true' : 'false'}
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
        ${this.renderBody()}
        <p class="status" role="status">${this.showProgress ? messages.formSaving : this.statusMessage}</p>
      </dialog>
      <conga-secret-reveal
        .clipboard=${this.clipboard}
        @conga-secret-closed=${this.handleSecretClosed}
      ></conga-secret-reveal>`;
  }

  private renderBody() {
    if (this.step === 'not-found') return this.renderNotFound();
    if (this.activeMode === 'edit' && !this.loaded && this.step !== 'handoff') {
      if (!this.api) return html`<p class="muted">${messages.formNoApiClient}</p>`;
      return this.connection.render({
        initial: () => html`<p role="status">${messages.formLoading}</p>`,
        pending: () => html`<p role="status" aria-busy="true">${messages.formLoading}</p>`,
        complete: () => nothing,
        error: (error) =>
          isApiError(error, 'API_NOT_FOUND')
            ? this.renderNotFound()
            : html`<conga-error-state
                .error=${error}
                @conga-request-retry=${() => void this.connection.run()}
              ></conga-error-state>`,
      });
    }
    return html`${this.renderPanel()} ${this.renderForm()}`;
  }

  private renderForm() {
    const ui = this.connectionType === 'UItoAPI';
    const entries = this.summaryRequested ? this.#summaryEntries() : [];
    const blocked = this.saving || !this.online;
    return html`<form
      part="form"
      novalidate
      ?hidden=${this.step !== 'form'}
      aria-busy=${this.showProgress ? 'true' : 'false'}
      @submit=${this.handleSubmit}
    >
      ${entries.length > 0 ? this.renderSummary(entries) : nothing}
      ${this.activeMode === 'edit' && this.loaded ? this.renderDetails(this.loaded) : nothing}
      ${
        this.activeMode === 'edit' && this.loaded
          ? html`<conga-connection-tools
              .connection=${this.loaded}
              .clipboard=${this.clipboard}
              @conga-request-add-value=${this.handleRequestAddValue}
            ></conga-connection-tools>`
          : nothing
      }
      ${
        this.activeMode === 'create' && !ui
          ? renderIntegrationUserGuidance(this.config?.integrationUserHelpUrl)
          : nothing
      }
      <p class="muted note">${messages.formRequiredNote}</p>
      ${this.renderIdentifier()}
      ${this.renderTextField('ClientName', {required: true, help: messages.formHelpClientName})}
      ${this.renderTextField('Description', {multiline: true})}
      ${
        ui
          ? html`${this.renderList('RedirectURI', {
              required: true,
              help: messages.formHelpRedirectUri,
              addLabel: messages.formAddRedirectUri,
            })}
            ${this.renderList('CorsOrigins', {
              help: messages.formHelpCorsOrigins,
              addLabel: messages.formAddCorsOrigin,
              extra: html`<button type="button" id="suggest-origins" @click=${this.handleSuggestOrigins}>
                ${messages.formUseSuggestedOrigins}
              </button>`,
            })}
            ${this.renderTextField('BackChannelLogoutURI', {url: true, help: messages.formHelpLogoutUri})}
            ${this.renderTextField('FrontChannelLogoutURI', {url: true, help: messages.formHelpLogoutUri})}
            ${this.renderList('AllowedScopes', {
              help:
                this.activeMode === 'edit' && this.loaded?.AllowedScopes.length === 0
                  ? `${messages.formHelpAllowedScopes} ${messages.formHelpAllowedScopesNoneLoaded}`
                  : messages.formHelpAllowedScopes,
              addLabel: messages.formAddScope,
            })}`
          : nothing
      }
      ${this.failure ? this.renderFailure(this.failure) : nothing}
      <div class="buttons">
        <button
          id="cancel-button"
          part="cancel-button"
          type="button"
          aria-disabled=${this.saving ? 'true' : 'false'}
          @click=${this.handleCancelClick}
        >
          ${messages.formCancel}
        </button>
        <button
          id="save-button"
          part="save-button"
          class="primary"
          type="submit"
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby=${this.online ? nothing : 'offline-banner'}
        >
          ${this.#saveLabel()}
        </button>
      </div>
    </form>`;
  }

  private renderSummary(entries: SummaryEntry[]) {
    return html`<div
      id="error-summary"
      part="error-summary"
      class="summary"
      role="alert"
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <p id="error-summary-title" class="summary-title">${messages.errorSummaryTitle}</p>
      <ul>
        ${entries.map(
          (entry) =>
            html`<li>
              ${
                entry.target
                  ? html`<button
                      type="button"
                      class="link"
                      @click=${() => this.#fieldById(entry.target ?? '')?.focus()}
                    >
                      ${entry.text}
                    </button>`
                  : entry.text
              }
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderFailure(failure: Failure) {
    return html`<div part="failure" class="failure" role="alert">
      <p>${failure.message}</p>
      ${
        failure.retry
          ? html`<button type="button" aria-disabled=${this.saving ? 'true' : 'false'} @click=${this.handleRetry}>
              ${messages.formRetry}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderDetails(connection: ApiConnection) {
    const unknown = messages.formUnknown;
    return html`<section part="details" class="details" aria-label=${messages.formDetails}>
      <div class="field">
        <label for="client-id">${messages.formFieldClientId}</label>
        <div class="value">
          <input
            id="client-id"
            type="text"
            readonly
            spellcheck="false"
            autocomplete="off"
            .value=${connection.ClientId ?? ''}
          />
          <button type="button" @click=${this.handleCopyClientId}>
            ${messages.formCopy}<span class="visually-hidden"> ${messages.formFieldClientId}</span>
          </button>
        </div>
      </div>
      <dl>
        <div>
          <dt>${messages.formCreated}</dt>
          <dd>${messages.formByOn(connection.CreatedBy?.Name ?? unknown, formatDate(connection.CreatedDate))}</dd>
        </div>
        <div>
          <dt>${messages.formModified}</dt>
          <dd>${messages.formByOn(connection.ModifiedBy?.Name ?? unknown, formatDate(connection.ModifiedDate))}</dd>
        </div>
        <div>
          <dt>${messages.formStatus}</dt>
          <dd>${connection.IsActive ? messages.active : messages.inactive}</dd>
        </div>
      </dl>
    </section>`;
  }

  private renderLabel(field: FieldName, forId: string | undefined, required: boolean) {
    const text = html`${LABELS[field]}${required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}`;
    return forId ? html`<label for=${forId}>${text}</label>` : html`<legend>${text}</legend>`;
  }

  #describedBy(...ids: (string | false | undefined)[]): string | typeof nothing {
    const list = ids.filter((id): id is string => Boolean(id));
    return list.length > 0 ? list.join(' ') : nothing;
  }

  #hasMessages(key: string): boolean {
    return this.#errorsFor(key).length > 0 || this.#hintsFor(key).length > 0;
  }

  private renderIdentifier() {
    const id = 'field-ExternalIdentifier';
    const key = 'ExternalIdentifier';
    if (this.activeMode === 'edit') {
      return html`<div class="field">
        ${this.renderLabel('ExternalIdentifier', id, false)}
        <input id=${id} type="text" readonly spellcheck="false" .value=${this.draft.ExternalIdentifier} />
      </div>`;
    }
    const type = this.connectionType;
    const taken = new Set(
      this.existing
        .filter((connection) => toConnectionType(connection.APIType) === type)
        .map((connection) => connection.ExternalIdentifier)
        .filter((identifier) => identifier !== this.#recreateIdentifier),
    );
    const value = this.draft.ExternalIdentifier;
    const known = this.integrations.some((integration) => integration.ExternalId === value);
    const errors = this.#errorsFor(key);
    return html`<div class="field">
      ${this.renderLabel('ExternalIdentifier', id, true)}
      <select
        id=${id}
        aria-required="true"
        aria-invalid=${ifDefined(errors.length > 0 ? 'true' : undefined)}
        aria-describedby=${this.#describedBy(
          this.integrations.length === 0 && 'help-ExternalIdentifier',
          this.#hasMessages(key) && `message-${key}`,
        )}
        @change=${(event: Event) => {
          this.#setText('ExternalIdentifier', (event.target as HTMLSelectElement).value);
          this.#show(key);
        }}
        @blur=${() => {
          this.#showOnBlur(key);
        }}
      >
        <option value="" ?selected=${value === ''}>${messages.formChooseIdentifier}</option>
        ${value !== '' && !known ? html`<option value=${value} selected>${value}</option>` : nothing}
        ${this.integrations.map((integration) => {
          const details = [integration.Type, integration.Description, integration.Provider].filter(Boolean).join(' · ');
          const isTaken = taken.has(integration.ExternalId);
          const text = [
            integration.ExternalId,
            details && `— ${details}`,
            isTaken && messages.formIdentifierTaken(type),
          ]
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
        this.integrations.length === 0
          ? html`<p id="help-ExternalIdentifier" class="muted help">${messages.formNoIntegrations}</p>`
          : nothing
      }
      ${this.renderMessages(key, LABELS.ExternalIdentifier)}
    </div>`;
  }

  private renderTextField(
    field: 'ClientName' | 'Description' | 'BackChannelLogoutURI' | 'FrontChannelLogoutURI',
    options: {required?: boolean; multiline?: boolean; url?: boolean; help?: string},
  ) {
    const id = `field-${field}`;
    const errors = this.#errorsFor(field);
    const describedBy = this.#describedBy(
      options.help && `help-${field}`,
      this.#hasMessages(field) && `message-${field}`,
    );
    const onInput = (event: Event) => {
      this.#setText(field, (event.target as HTMLInputElement | HTMLTextAreaElement).value);
    };
    const onBlur = () => {
      this.#showOnBlur(field);
    };
    const control = options.multiline
      ? html`<textarea
          id=${id}
          rows="3"
          aria-invalid=${ifDefined(errors.length > 0 ? 'true' : undefined)}
          aria-describedby=${describedBy}
          .value=${live(this.draft[field])}
          @input=${onInput}
          @blur=${onBlur}
        ></textarea>`
      : html`<input
          id=${id}
          type="text"
          inputmode=${options.url ? 'url' : nothing}
          autocomplete="off"
          spellcheck=${ifDefined(options.url ? 'false' : undefined)}
          aria-required=${ifDefined(options.required ? 'true' : undefined)}
          aria-invalid=${ifDefined(errors.length > 0 ? 'true' : undefined)}
          aria-describedby=${describedBy}
          .value=${live(this.draft[field])}
          @input=${onInput}
          @blur=${onBlur}
        />`;
    return html`<div class="field">
      ${this.renderLabel(field, id, options.required ?? false)} ${control}
      ${options.help ? html`<p id=${`help-${field}`} class="muted help">${options.help}</p>` : nothing}
      ${this.renderMessages(field, LABELS[field])}
    </div>`;
  }

  private renderList(
    field: ListField,
    options: {required?: boolean; help: string; addLabel: string; extra?: TemplateResult},
  ) {
    const label = LABELS[field];
    const list = this.draft[field];
    const listHasMessages = this.#hasMessages(field);
    return html`<fieldset
      class="list"
      aria-describedby=${this.#describedBy(`help-${field}`, listHasMessages && `message-${field}`)}
    >
      ${this.renderLabel(field, undefined, options.required ?? false)}
      <p id=${`help-${field}`} class="muted help">${options.help}</p>
      ${this.renderMessages(field, label)}
      ${
        list.length > 0
          ? html`<ul class="rows">
              ${repeat(
                list,
                (row) => row.key,
                (row, index) => {
                  const key = rowKeyOf(field, row.key);
                  const rowLabel = messages.formRowLabel(label, index + 1);
                  const errors = this.#errorsFor(key);
                  return html`<li>
                    <div class="row">
                      <input
                        id=${`field-${key}`}
                        type="text"
                        inputmode=${field === 'AllowedScopes' ? nothing : 'url'}
                        autocomplete="off"
                        spellcheck="false"
                        autocapitalize="off"
                        aria-label=${rowLabel}
                        aria-invalid=${ifDefined(errors.length > 0 ? 'true' : undefined)}
                        aria-describedby=${this.#describedBy(
                          this.#hasMessages(key) && `message-${key}`,
                          listHasMessages && `message-${field}`,
                        )}
                        .value=${live(row.value)}
                        @input=${(event: Event) => {
                          this.#setRow(field, row.key, (event.target as HTMLInputElement).value);
                        }}
                        @blur=${() => {
                          this.#showOnBlur(key);
                        }}
                        @paste=${(event: ClipboardEvent) => {
                          void this.#pasteIntoRow(field, row.key, event);
                        }}
                      />
                      <button type="button" @click=${() => void this.#removeRow(field, row.key)}>
                        ${messages.formRemove}<span class="visually-hidden"> ${rowLabel}</span>
                      </button>
                    </div>
                    ${this.renderMessages(key, rowLabel, field === 'CorsOrigins' ? row.key : undefined)}
                  </li>`;
                },
              )}
            </ul>`
          : nothing
      }
      <div class="list-actions">
        <button id=${`add-${field}`} type="button" @click=${() => void this.#addRow(field)}>${options.addLabel}</button>
        ${options.extra ?? nothing}
      </div>
    </fieldset>`;
  }

  /**
   * Errors and hints for one field or row. Each message also names its field for screen readers (C6-01); an origin
   * error with a suggested value offers it as a one-click fix (A2-02).
   */
  private renderMessages(key: string, label: string, originRowKey?: number) {
    const errors = this.#errorsFor(key);
    const hints = this.#hintsFor(key);
    if (errors.length === 0 && hints.length === 0) return nothing;
    const fixes =
      originRowKey === undefined || !this.#isShown(key)
        ? []
        : (this.#findings.errors.get(key) ?? []).flatMap((finding) => (finding.normalized ? [finding.normalized] : []));
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
              if (originRowKey !== undefined) this.#setRow('CorsOrigins', originRowKey, value);
            }}
          >
            ${messages.formApplyFix(value)}
          </button>`,
      )}
      ${hints.map(
        (finding) => html`<p class="hint"><span class="visually-hidden">${label}: </span>${finding.message}</p>`,
      )}
    </div>`;
  }

  private renderPanel() {
    switch (this.step) {
      case 'confirm-regenerate':
        return this.renderPanelFrame(
          messages.formRegenerateTitle,
          html`<p class="warning">${messages.formRegenerateWarning}</p>`,
          html`<button type="button" @click=${this.handleKeepEditing}>${messages.formCancel}</button>
            <button type="button" class="primary" @click=${this.handleConfirmRegenerate}>
              ${messages.formConfirm}
            </button>`,
        );
      case 'confirm-discard':
        return this.renderPanelFrame(
          messages.formDiscardTitle,
          html`<p>${messages.formDiscardDetail}</p>`,
          html`<button type="button" @click=${this.handleKeepEditing}>${messages.formCancel}</button>
            <button type="button" class="danger" @click=${this.handleDiscard}>${messages.formDiscard}</button>`,
        );
      case 'conflict':
        return this.renderConflict();
      case 'secret-lost':
        return this.renderPanelFrame(
          messages.formCreatedSecretLost,
          nothing,
          html`<button type="button" @click=${this.handleBackToList}>${messages.formClose}</button>
            <button type="button" class="primary" @click=${this.handleGenerateNewSecret}>
              ${messages.formGenerateNewSecret}
            </button>`,
        );
      default:
        return nothing;
    }
  }

  private renderNotFound() {
    // Loaded and then gone: "no longer exists". Never loaded: it doesn't exist, as far as anyone here could see.
    const never = !this.loaded;
    return this.renderPanelFrame(
      never ? messages.formDoesNotExist : messages.errorNotFound,
      never
        ? html`<p>${messages.formDoesNotExistDetail(toApiTypeLabel(this.connectionType), this.#loadIdentifier)}</p>`
        : nothing,
      html`<button type="button" @click=${this.handleBackToList}>${messages.backToList}</button>
        <button type="button" class="primary" @click=${this.handleCreateAsNew}>${messages.formCreateAsNew}</button>`,
    );
  }

  private renderConflict() {
    const latest = this.latest;
    if (!latest) return nothing;
    const theirs = draftFromConnection(latest, this.draft.ExternalIdentifier);
    const fields = FIELD_ORDER.filter(
      (field) =>
        field !== 'ExternalIdentifier' &&
        this.#isRendered(field) &&
        fieldText(this.draft, field) !== fieldText(theirs, field),
    );
    const show = (text: string) => (text === '' ? html`<span class="muted">${messages.formEmptyValue}</span>` : text);
    const body =
      fields.length === 0
        ? html`<p>${messages.formConflictNoFieldChanges}</p>`
        : html`<table>
            <thead>
              <tr>
                <th scope="col">${messages.formConflictField}</th>
                <th scope="col">${messages.formConflictYours}</th>
                <th scope="col">${messages.formConflictTheirs}</th>
              </tr>
            </thead>
            <tbody>
              ${fields.map(
                (field) =>
                  html`<tr>
                    <th scope="row">${LABELS[field]}</th>
                    <td>${show(fieldText(this.draft, field))}</td>
                    <td>${show(fieldText(theirs, field))}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`;
    return this.renderPanelFrame(
      messages.errorConflict,
      body,
      html`<button type="button" @click=${this.handleKeepEditing}>${messages.formConflictKeepEditing}</button>
        <button type="button" @click=${this.handleTakeTheirs}>${messages.formConflictTakeTheirs}</button>
        <button type="button" class="primary" @click=${this.handleReapply}>${messages.formConflictReapply}</button>`,
    );
  }

  private renderPanelFrame(title: string, body: unknown, actions: TemplateResult) {
    return html`<div part="panel" class="panel" role="group" aria-labelledby="panel-title">
      <h3 id="panel-title" tabindex="-1">${title}</h3>
      ${body}
      <div class="buttons">${actions}</div>
    </div>`;
  }
}

define('conga-connection-form', CongaConnectionForm);

declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-form': CongaConnectionForm;
  }
}
