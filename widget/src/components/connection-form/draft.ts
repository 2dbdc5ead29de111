/**
 * The form's draft: what the admin typed, field by field, with wire names, as immutable values. Plain functions with
 * no DOM and no Lit, so the model and the views share one vocabulary and the unit tests run in Node.
 */
import type {ApiConnection, ConnectionType} from '@conga-connections/api-client';
import {deriveCorsOrigins, FIELDS, normalizeOrigin} from '@conga-connections/validation';
import type {ConnectionDraft, FieldName} from '@conga-connections/validation';
import {messages} from './form-messages.js';

/** The fields typed into one text control. */
export type TextField =
  'ExternalIdentifier' | 'ClientName' | 'Description' | 'BackChannelLogoutURI' | 'FrontChannelLogoutURI';

const LIST_FIELDS = ['RedirectURI', 'CorsOrigins', 'AllowedScopes'] as const;
/** The fields typed as a list of rows. */
export type ListField = (typeof LIST_FIELDS)[number];

/** The form's order, which is also the error summary's order: the shared rules' field order. */
export const FIELD_ORDER: readonly FieldName[] = FIELDS;

/** Fields only a UI-to-API connection has; an API-to-API form neither shows nor sends them (A3-07). */
const UI_ONLY: ReadonlySet<FieldName> = new Set([
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
]);

/** The catalogue key of each field's label, read at render time so a translated catalogue is picked up. */
const LABEL_KEYS = {
  ExternalIdentifier: 'formFieldExternalIdentifier',
  ClientName: 'formFieldClientName',
  Description: 'formFieldDescription',
  RedirectURI: 'formFieldRedirectUri',
  CorsOrigins: 'formFieldCorsOrigins',
  BackChannelLogoutURI: 'formFieldBackChannelLogoutUri',
  FrontChannelLogoutURI: 'formFieldFrontChannelLogoutUri',
  AllowedScopes: 'formFieldAllowedScopes',
} as const satisfies Record<FieldName, keyof typeof messages>;

/** A field's label, exactly as the platform's dialogs spell it (PLATFORM.md §5). */
export function fieldLabel(field: FieldName): string {
  return messages[LABEL_KEYS[field]];
}

/** One entry of a list field. */
export interface Row {
  /** Stable across edits, so focus and messages stay with their row when rows are added or removed. */
  readonly key: number;
  readonly value: string;
}

/** The whole draft: text fields and row lists. */
export type Draft = Readonly<Record<TextField, string>> & Readonly<Record<ListField, readonly Row[]>>;

let nextRowKey = 1;
/** New rows with keys no other row of this page has. */
export function rows(values: readonly string[]): Row[] {
  return values.map((value) => ({key: nextRowKey++, value}));
}

/** Whether a field is typed as a list of rows. */
export function isListField(field: string): field is ListField {
  return (LIST_FIELDS as readonly string[]).includes(field);
}

/** Whether a connection of this type has the field at all (and so the form shows it). */
export function hasField(type: ConnectionType, field: FieldName): boolean {
  return !UI_ONLY.has(field) || type === 'UItoAPI';
}

/** The problem key of one row: `<field>-<row key>`; a field's own key is its name. */
export function rowKeyOf(field: ListField, key: number): string {
  return `${field}-${key}`;
}

/** The empty draft of a new connection. */
export function newDraft(type: ConnectionType, externalIdentifier = ''): Draft {
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

/** The draft of a loaded connection. */
export function draftFromConnection(connection: ApiConnection, fallbackIdentifier: string): Draft {
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
export function toConnectionDraft(draft: Draft, type: ConnectionType): ConnectionDraft {
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
export function fieldText(draft: Draft, field: FieldName): string {
  return isListField(field) ? draft[field].map((row) => row.value).join(', ') : draft[field];
}

/** The draft's values as one comparable string: equal snapshots mean nothing to save. */
export function snapshotOf(draft: Draft): string {
  return JSON.stringify(FIELD_ORDER.map((field) => fieldText(draft, field)));
}

/** C2-04: whether the connection changed on the server since it was loaded, by `ETag` and by `ModifiedDate`. */
export function changedSince(loaded: ApiConnection, latest: ApiConnection): boolean {
  if (loaded.ETag && latest.ETag && loaded.ETag !== latest.ETag) return true;
  return (loaded.ModifiedDate ?? null) !== (latest.ModifiedDate ?? null);
}

/**
 * The values of a paste into one row, or nothing when the text is one entry: the platform's Redirect URI field takes
 * a comma-separated list (PLATFORM.md §5), so a list fills one row per entry instead of one invalid URI with commas.
 * What was typed before and after the selection stays around the pasted entries.
 */
export function splitPaste(field: ListField, text: string, before: string, after: string): string[] | undefined {
  const separator = field === 'AllowedScopes' ? /[\s,]+/ : /\s*[,\r\n]+\s*/;
  if (!separator.test(text.trim())) return undefined;
  const pieces = text
    .split(separator)
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return undefined;
  return pieces.map(
    (piece, index) => `${index === 0 ? before : ''}${piece}${index === pieces.length - 1 ? after : ''}`,
  );
}

/** The origins of the valid redirect URIs that aren't listed yet, normalized (A2-07). */
export function suggestedOrigins(draft: Draft): string[] {
  const suggested = deriveCorsOrigins(draft.RedirectURI.map((row) => row.value));
  const listed = new Set(draft.CorsOrigins.map((row) => normalizeOrigin(row.value) ?? row.value.trim()));
  return suggested.filter((origin) => !listed.has(origin));
}

/** How two entries of a list compare: origins after normalizing, everything else trimmed. */
export function entryKey(field: ListField, text: string): string {
  return field === 'CorsOrigins' ? (normalizeOrigin(text) ?? text.trim()) : text.trim();
}

/** The fields whose value differs between two drafts, in the form's order. */
export function changedFields(draft: Draft, other: Draft): FieldName[] {
  return FIELD_ORDER.filter((field) => fieldText(draft, field) !== fieldText(other, field));
}

/** C2-03 "Reapply my changes": field by field, what I changed since `original` wins; everything else is theirs. */
export function mergeDrafts(mine: Draft, original: Draft, theirs: Draft): Draft {
  const merged: Record<string, unknown> = {...theirs};
  for (const field of changedFields(mine, original)) merged[field] = mine[field];
  return merged as Draft;
}
