/**
 * The form's draft model: the draft, the connection it was loaded from, which messages are shown and when, the
 * server's messages, whether anything is unsaved, and the request body. Plain TypeScript (no Lit, no DOM): the element
 * renders it and the save flow drives it; every change calls `onChange`, which asks the element to render again.
 */
import type {ApiConnection, ApiConnectionCreateRequest, ConnectionType} from '@conga-connections/api-client';
import {parseServerMessage, validateConnection} from '@conga-connections/validation';
import type {FieldName, Finding, ValidationResult} from '@conga-connections/validation';
import {
  changedFields,
  draftFromConnection,
  entryKey,
  FIELD_ORDER,
  fieldLabel,
  hasField,
  isListField,
  mergeDrafts,
  newDraft,
  rowKeyOf,
  rows,
  snapshotOf,
  splitPaste,
  suggestedOrigins,
  toConnectionDraft,
} from './draft.js';
import type {Draft, ListField, TextField} from './draft.js';
import {messages} from './form-messages.js';
import {reasonText} from './reason-text.js';
import {createBody, updateBody} from './request-body.js';

/** `create` adds a connection; `edit` saves the loaded one. */
export type FormMode = 'create' | 'edit';

/** A message from the server, attached to a field (and row) when it names one (A7-01). */
export interface ServerProblem {
  field?: FieldName;
  /** The problem key: the field, or `<field>-<row key>` for a row. */
  key?: string;
  message: string;
}

/** One entry of the error summary. */
export interface SummaryEntry {
  /** The id of the control the entry focuses; absent for messages that name no field. */
  target?: string;
  text: string;
}

interface Findings {
  errors: Map<string, Finding[]>;
  hints: Map<string, Finding[]>;
  valid: boolean;
}

/** The id of a row's input, which focus and the summary aim at. */
export function rowControlId(field: ListField, key: number): string {
  return `field-${rowKeyOf(field, key)}`;
}

/** The draft of one opening of the form, and what it shows about it. */
export class FormModel {
  type: ConnectionType = 'APItoAPI';
  mode: FormMode = 'create';
  draft: Draft = newDraft('APItoAPI');
  /** The connection as loaded for editing (never with a secret: reads don't return one). */
  loaded: ApiConnection | undefined;
  /** Problem keys whose client-side messages are visible: typed-in rows and left fields. */
  shown: ReadonlySet<string> = new Set();
  /** After a submit every message shows. */
  submitted = false;
  /** Whether the error summary shows (after a submit or a refused save). */
  summaryRequested = false;
  serverProblems: readonly ServerProblem[] = [];
  readonly #onChange: () => void;
  /** The draft as last loaded or saved: anything else is an unsaved change (C4-07). */
  #snapshot = snapshotOf(this.draft);
  #findings: Findings | undefined;
  /** The draft and mode the findings are of (a new type always comes with a new draft). */
  #findingsOf: [Draft, FormMode] | undefined;

  constructor(onChange: () => void = () => undefined) {
    this.#onChange = onChange;
  }

  /** Starts afresh for one opening: an empty draft (with the identifier to edit, if any) and no messages. */
  reset(type: ConnectionType, mode: FormMode, externalIdentifier = ''): void {
    this.type = type;
    this.mode = mode;
    this.loaded = undefined;
    this.draft = newDraft(type, externalIdentifier);
    this.#snapshot = snapshotOf(this.draft);
    this.clearMessages();
  }

  /** Forgets every message: the ones shown, the summary and the server's. */
  clearMessages(): void {
    this.shown = new Set();
    this.submitted = false;
    this.summaryRequested = false;
    this.serverProblems = [];
    this.#onChange();
  }

  /** The connection as loaded (or as the server has it now) becomes the draft and the saved state. */
  load(connection: ApiConnection): void {
    this.loaded = connection;
    this.draft = draftFromConnection(connection, this.draft.ExternalIdentifier);
    this.#snapshot = snapshotOf(this.draft);
    this.#onChange();
  }

  /** C4-03: a create whose answer was lost exists after all; it is what is loaded now, and what was typed is saved. */
  adopt(connection: ApiConnection): void {
    this.loaded = connection;
    this.markSaved();
    this.#onChange();
  }

  /** What is typed now counts as saved. */
  markSaved(): void {
    this.#snapshot = snapshotOf(this.draft);
  }

  /** Whether anything differs from what was last loaded or saved (C4-07). */
  get dirty(): boolean {
    return snapshotOf(this.draft) !== this.#snapshot;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Editing
  // -------------------------------------------------------------------------------------------------------------------

  #setDraft(next: Draft): void {
    this.draft = next;
    this.#onChange();
  }

  /** An edit clears the server's message about that field (or row): it was about the old value. */
  #clearServerProblems(...keys: string[]): void {
    if (!this.serverProblems.some((problem) => problem.key !== undefined && keys.includes(problem.key))) return;
    this.serverProblems = this.serverProblems.filter(
      (problem) => problem.key === undefined || !keys.includes(problem.key),
    );
    this.#onChange();
  }

  setText(field: TextField, value: string): void {
    this.#setDraft({...this.draft, [field]: value});
    this.#clearServerProblems(field);
  }

  /** A new External Identifier chosen: its messages show from now on. */
  choose(value: string): void {
    this.setText('ExternalIdentifier', value);
    this.show('ExternalIdentifier');
  }

  /** A row typed into: its messages show from now on. */
  setRow(field: ListField, key: number, value: string): void {
    this.#setDraft({...this.draft, [field]: this.draft[field].map((row) => (row.key === key ? {key, value} : row))});
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.show(rowKeyOf(field, key));
  }

  /** Adds an empty row; returns the id of its input. */
  addRow(field: ListField): string {
    const [row] = rows(['']);
    this.#setDraft({...this.draft, [field]: [...this.draft[field], row]});
    return rowControlId(field, row?.key ?? 0);
  }

  /** Removes a row; returns the id focus goes to: the row that took its place, the one before, or the Add button. */
  removeRow(field: ListField, key: number): string {
    const list = this.draft[field];
    const index = list.findIndex((row) => row.key === key);
    const remaining = list.filter((row) => row.key !== key);
    this.#setDraft({...this.draft, [field]: remaining});
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.show(field);
    const next = remaining[Math.min(index, remaining.length - 1)];
    return next ? rowControlId(field, next.key) : `add-${field}`;
  }

  /**
   * Pastes a list into a row (`before` and `after` are the row's text around the selection): one row per entry.
   * Returns nothing when the text is a single entry (the browser pastes it), else the number of entries and the id of
   * the last one's input.
   */
  paste(field: ListField, key: number, text: string, before: string, after: string) {
    const values = splitPaste(field, text, before, after);
    if (!values) return undefined;
    const [first = '', ...rest] = values;
    const added = rows(rest);
    const list = this.draft[field];
    const index = list.findIndex((row) => row.key === key);
    this.#setDraft({
      ...this.draft,
      [field]: [...list.slice(0, index), {key, value: first}, ...added, ...list.slice(index + 1)],
    });
    this.#clearServerProblems(rowKeyOf(field, key), field);
    this.show(rowKeyOf(field, key), ...added.map((row) => rowKeyOf(field, row.key)));
    return {count: values.length, focus: rowControlId(field, added[added.length - 1]?.key ?? key)};
  }

  /** Adds the suggested CORS origins (dropping empty rows); returns how many it added. */
  addSuggestedOrigins(): number {
    const additions = suggestedOrigins(this.draft);
    if (additions.length === 0) return 0;
    const added = rows(additions);
    const kept = this.draft.CorsOrigins.filter((row) => row.value.trim() !== '');
    this.#setDraft({...this.draft, CorsOrigins: [...kept, ...added]});
    this.show(...added.map((row) => rowKeyOf('CorsOrigins', row.key)));
    return additions.length;
  }

  /**
   * Adds a value "Test sign-in" asked for: a new row (replacing empty ones), unless it is listed already. Returns the
   * id of the row that holds it and whether it is new.
   */
  addValue(field: 'RedirectURI' | 'CorsOrigins', value: string): {focus: string; added: boolean} {
    const existing = this.draft[field].find((row) => entryKey(field, row.value) === entryKey(field, value));
    if (existing) return {focus: rowControlId(field, existing.key), added: false};
    const [row] = rows([value]);
    const key = row?.key ?? 0;
    const kept = this.draft[field].filter((other) => other.value.trim() !== '');
    this.#setDraft({...this.draft, [field]: [...kept, {key, value}]});
    this.show(rowKeyOf(field, key));
    return {focus: rowControlId(field, key), added: true};
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Messages
  // -------------------------------------------------------------------------------------------------------------------

  /** The shared rules on the draft. */
  validate(): ValidationResult {
    return validateConnection(toConnectionDraft(this.draft, this.type), {type: this.type});
  }

  /** The rules' findings by problem key: a field, or one row of a list field. Recomputed when the draft changes. */
  get findings(): Findings {
    const of = this.#findingsOf;
    if (this.#findings && of?.[0] === this.draft && of[1] === this.mode) return this.#findings;
    const result = this.validate();
    const errors = new Map<string, Finding[]>();
    const hints = new Map<string, Finding[]>();
    const add = (map: Map<string, Finding[]>, finding: Finding) => {
      const field = finding.field as FieldName;
      if (!FIELD_ORDER.includes(field)) return;
      // The identifier of an edited connection is fixed; the server already holds it.
      if (field === 'ExternalIdentifier' && this.mode === 'edit') return;
      let key: string = field;
      if (isListField(field) && finding.index !== undefined) {
        const row = this.draft[field][finding.index];
        if (row) key = rowKeyOf(field, row.key);
      }
      map.set(key, [...(map.get(key) ?? []), finding]);
    };
    for (const finding of result.errors) add(errors, finding);
    for (const finding of result.warnings) add(hints, finding);
    this.#findings = {errors, hints, valid: errors.size === 0};
    this.#findingsOf = [this.draft, this.mode];
    return this.#findings;
  }

  /** Whether nothing blocks saving. */
  get valid(): boolean {
    return this.findings.valid;
  }

  isShown(key: string): boolean {
    return this.submitted || this.shown.has(key);
  }

  /** Shows the client-side messages of these problem keys from now on. */
  show(...keys: string[]): void {
    if (keys.every((key) => this.shown.has(key))) return;
    this.shown = new Set([...this.shown, ...keys]);
    this.#onChange();
  }

  /** The errors shown for a problem key: the rules' (once shown) and the server's. */
  errorsFor(key: string): string[] {
    const client = this.isShown(key) ? (this.findings.errors.get(key) ?? []).map(reasonText) : [];
    const server = this.serverProblems.filter((problem) => problem.key === key).map((problem) => problem.message);
    return [...client, ...server];
  }

  /** The hints (warnings, notices) shown for a problem key. */
  hintsFor(key: string): Finding[] {
    return this.isShown(key) ? (this.findings.hints.get(key) ?? []) : [];
  }

  /** The one-click fixes of a shown origin error (A2-02): the rules' suggested values. */
  fixesFor(key: string): string[] {
    if (!this.isShown(key)) return [];
    return (this.findings.errors.get(key) ?? []).flatMap((finding) => (finding.normalized ? [finding.normalized] : []));
  }

  hasMessages(key: string): boolean {
    return this.errorsFor(key).length > 0 || this.hintsFor(key).length > 0;
  }

  /** The summary's entries, in the form's order, each aiming at its control; server messages naming no shown field last. */
  summaryEntries(): SummaryEntry[] {
    const entries: SummaryEntry[] = [];
    for (const field of FIELD_ORDER) {
      if (!hasField(this.type, field)) continue;
      const label = fieldLabel(field);
      if (isListField(field)) {
        const list = this.draft[field];
        const first = list[0];
        const listTarget = first ? rowControlId(field, first.key) : `add-${field}`;
        for (const message of this.errorsFor(field)) {
          entries.push({target: listTarget, text: messages.formFieldMessage(label, message)});
        }
        list.forEach((row, index) => {
          for (const message of this.errorsFor(rowKeyOf(field, row.key))) {
            entries.push({
              target: rowControlId(field, row.key),
              text: messages.formFieldMessage(messages.formRowLabel(label, index + 1), message),
            });
          }
        });
      } else {
        for (const message of this.errorsFor(field)) {
          entries.push({target: `field-${field}`, text: messages.formFieldMessage(label, message)});
        }
      }
    }
    for (const problem of this.serverProblems) {
      if (problem.key !== undefined) continue;
      // A server message about a field this form doesn't show, or about no field: text only, never markup (B1-01).
      entries.push({
        text: problem.field ? messages.formFieldMessage(fieldLabel(problem.field), problem.message) : problem.message,
      });
    }
    return entries;
  }

  /** A submit: every message shows from now on. */
  markSubmitted(): void {
    this.submitted = true;
    this.#onChange();
  }

  /** Shows the error summary. */
  requestSummary(): void {
    this.summaryRequested = true;
    this.#onChange();
  }

  setServerProblems(problems: readonly ServerProblem[]): void {
    this.serverProblems = problems;
    this.#onChange();
  }

  /** A7-01/02/03: each server message at the field (and row) it names, or in the summary only. */
  setServerMessages(texts: readonly string[], status: number): void {
    const problems: ServerProblem[] = texts.map((text) => {
      const parsed = parseServerMessage(text);
      const field = parsed.field;
      if (!field || !hasField(this.type, field))
        return field ? {field, message: parsed.message} : {message: parsed.message};
      if (isListField(field)) {
        const row = parsed.index === undefined ? undefined : this.draft[field][parsed.index];
        return {field, key: row ? rowKeyOf(field, row.key) : field, message: parsed.message};
      }
      return {field, key: field, message: parsed.message};
    });
    if (problems.length === 0) problems.push({message: messages.errorRejected(status)});
    this.setServerProblems(problems);
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Saving and conflicts
  // -------------------------------------------------------------------------------------------------------------------

  /** The body of the save: a POST of a new connection, or the loaded connection with the changed fields (issue 12). */
  requestBody(result: ValidationResult = this.validate()): ApiConnectionCreateRequest {
    const loaded = this.loaded;
    if (this.mode === 'edit' && loaded) {
      const before = draftFromConnection(loaded, this.draft.ExternalIdentifier);
      return updateBody(this.type, loaded, result.value, new Set(changedFields(this.draft, before)));
    }
    return createBody(this.type, result.value);
  }

  /** C2-03 "Reapply my changes": my changes on top of the newer version, which becomes what is loaded. */
  reapply(latest: ApiConnection): void {
    const original = this.loaded;
    if (!original) return;
    const identifier = this.draft.ExternalIdentifier;
    const theirs = draftFromConnection(latest, identifier);
    this.draft = mergeDrafts(this.draft, draftFromConnection(original, identifier), theirs);
    this.loaded = latest;
    this.#snapshot = snapshotOf(theirs);
    this.#onChange();
  }

  /** C2-01: the edited connection is gone; what was typed becomes a new connection. */
  createAsNew(): void {
    this.mode = 'create';
    this.loaded = undefined;
    this.submitted = false;
    this.summaryRequested = false;
    this.serverProblems = [];
    this.#onChange();
  }
}
