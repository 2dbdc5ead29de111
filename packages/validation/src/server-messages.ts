/** Findings as the emulator writes them in `Errors[].Message`, and read back into field, row and text. */
import {FIELDS, type FieldName, type Finding} from './types.js';

/** Formats a finding the way the emulator sends it in `Errors[].Message`: `RedirectURI[1]: <message>`. */
export function formatServerMessage(finding: Finding): string {
  return `${finding.field}${finding.index === undefined ? '' : `[${finding.index}]`}: ${finding.message}`;
}

const SERVER_MESSAGE_PATTERN = /^\s*([A-Za-z]+)(?:\[(\d{1,6})\])?:\s?([\s\S]*)$/;
const FIELD_BY_LOWER_NAME: ReadonlyMap<string, FieldName> = new Map(
  FIELDS.map((field) => [field.toLowerCase(), field]),
);
const PARAMETER_NAMES: ReadonlySet<string> = new Set([
  'apiconnectiontype',
  'sortfield',
  'sortdirection',
  'pagesize',
  'pagenumber',
]);

/**
 * Reads a server message back into field, row index and text, so the form can show it under the field it names
 * (A7-01, A4-05); any other text, such as the real platform's own messages, comes back as `{message}`.
 */
export function parseServerMessage(message: string): {field?: FieldName; index?: number; message: string} {
  const match = SERVER_MESSAGE_PATTERN.exec(message);
  const name = match?.[1]?.toLowerCase();
  const text = match?.[3];
  if (name === undefined || text === undefined || text.trim() === '') return {message};
  const field = FIELD_BY_LOWER_NAME.get(name);
  if (field === undefined) return PARAMETER_NAMES.has(name) && match?.[2] === undefined ? {message: text} : {message};
  const index = match?.[2];
  return index === undefined ? {field, message: text} : {field, index: Number(index), message: text};
}
