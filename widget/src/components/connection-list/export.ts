/**
 * Export of connections as JSON or CSV, built from an allow-list of fields so that nothing else a row may carry
 * (a `ClientSecret` from a create's answer, a token, whatever a future API adds) can ever reach the file.
 * Loaded lazily with the bulk actions: the main module pays nothing for it.
 */
import {toCsv} from './csv.js';

/** Export formats, as the buttons name them. */
export const EXPORT_FORMATS = {csv: 'CSV', json: 'JSON'} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/**
 * The exported fields, in column order, with their wire names: what the list shows and holds of a connection. A
 * secret is not among them, and never will be: the API never returns one on reads, and a row that somehow holds one
 * still can't leak it.
 */
export const EXPORT_FIELDS = [
  'ExternalIdentifier',
  'ClientName',
  'APIType',
  'ClientId',
  'IsActive',
  'Description',
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
  'CreatedBy',
  'CreatedDate',
  'ModifiedBy',
  'ModifiedDate',
] as const;
export type ExportField = (typeof EXPORT_FIELDS)[number];

/**
 * The audit fields. The list endpoint never fills them (`APIConnectionResponse` has none), so an export has a column
 * for one only when a row it exports actually holds a value for it: never an always-empty column (issue 12).
 */
const AUDIT_FIELDS: ReadonlySet<ExportField> = new Set(['CreatedBy', 'CreatedDate', 'ModifiedBy', 'ModifiedDate']);

/** The columns of one export: every list field, and the audit fields some exported row has a value for. */
export function exportFields(connections: readonly object[]): ExportField[] {
  const records = connections.map((connection) => toExportRecord(connection));
  return EXPORT_FIELDS.filter(
    (field) => !AUDIT_FIELDS.has(field) || records.some((record) => record[field] !== null && record[field] !== ''),
  );
}

/** One exported connection: the allow-listed fields only, each a string, boolean, list of strings or null. */
export type ExportRecord = Record<ExportField, string | boolean | string[] | null>;

function exportValue(value: unknown): string | boolean | string[] | null {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  // A lookup (`CreatedBy: {Id, Name}`) is exported by its name: the person, not an internal id.
  if (typeof value === 'object' && value !== null && 'Name' in value && typeof value.Name === 'string') {
    return value.Name;
  }
  return null;
}

/** Picks the allow-listed fields of one connection (anything else on the object is left behind). */
export function toExportRecord(connection: object, fields: readonly ExportField[] = EXPORT_FIELDS): ExportRecord {
  const source = connection as Record<string, unknown>;
  const record = {} as ExportRecord;
  for (const field of fields) record[field] = exportValue(source[field]);
  return record;
}

/** Pretty-printed JSON: an array of records, one per connection, with the fields of {@link exportFields}. */
export function toJsonExport(connections: readonly object[]): string {
  const fields = exportFields(connections);
  return `${JSON.stringify(
    connections.map((connection) => toExportRecord(connection, fields)),
    null,
    2,
  )}\n`;
}

/** CSV with a header row of the field names; lists are comma-separated in one cell, as the platform writes them. */
export function toCsvExport(connections: readonly object[]): string {
  const fields = exportFields(connections);
  const rows = connections.map((connection) => {
    const record = toExportRecord(connection, fields);
    return fields.map((field) => {
      const value = record[field];
      if (Array.isArray(value)) return value.join(',');
      return value === null ? '' : String(value);
    });
  });
  return toCsv([fields, ...rows]);
}

/** `api-connections-2026-11-28.csv`, in the admin's local date. */
export function exportFileName(format: ExportFormat, now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `api-connections-${date}.${format}`;
}

/** A file to hand to the browser (or to a host's or test's own `download`). */
export interface ExportFile {
  readonly name: string;
  readonly type: string;
  readonly text: string;
}

/** Builds the file of one export. */
export function buildExport(connections: readonly object[], format: ExportFormat, now = new Date()): ExportFile {
  return format === 'csv'
    ? // The byte order mark lets spreadsheets read the file as UTF-8 (names like "Génération de documents").
      {name: exportFileName(format, now), type: 'text/csv;charset=utf-8', text: `\ufeff${toCsvExport(connections)}`}
    : {name: exportFileName(format, now), type: 'application/json', text: toJsonExport(connections)};
}

/**
 * Hands a file to the browser's downloads: a Blob behind an object URL, clicked through an `<a download>` placed in
 * `container` (Firefox only downloads through a link that is in a document), then removed and the URL revoked.
 */
export function saveFile(file: ExportFile, container: Node): void {
  const url = URL.createObjectURL(new Blob([file.text], {type: file.type}));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  container.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has taken its copy of the Blob once the click's task is over; the URL is not needed after it.
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 0);
  }
}
