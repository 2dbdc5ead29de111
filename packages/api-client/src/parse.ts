/**
 * Guards for every body the platform sends. Wire data is checked here, once, and trusted after (STYLE §1).
 * Each guard copies only the documented fields, normalizes the documented quirks (PLATFORM.md §1.3) and throws
 * `ResponseShapeError` on anything else. Error messages name the path of the mismatch, never its value.
 */
import {ResponseShapeError} from './errors.js';
import type {
  ApiConnection,
  ApiConnectionResponse,
  ExternalIntegration,
  IdentityProvider,
  ListFieldName,
  LookupObject,
  UserInfo,
} from './types.js';

type JsonObject = Record<string, unknown>;

/** The platform's `{Success, Data, Errors, StatusCode, RecordCount, HasMoreRecords}` envelope, unwrapped. */
export interface Envelope {
  success: boolean;
  data: unknown;
  messages: string[];
  recordCount: number | null;
  hasMoreRecords: boolean | null;
}

function fail(path: string, expectation: string): never {
  throw new ResponseShapeError(`unexpected response: "${path}" must be ${expectation}`, {path});
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(value: unknown, path: string): JsonObject {
  if (!isObject(value)) fail(path, 'an object');
  return value;
}

function array(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, 'an array');
  return value;
}

/** A `string | null` field; a missing field reads as null (the schema marks none of them required). */
function nullableString(source: JsonObject, key: string, path: string): string | null {
  const value = source[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') fail(`${path}.${key}`, 'a string or null');
  return value;
}

function nullableBoolean(source: JsonObject, key: string, path: string): boolean | null {
  const value = source[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'boolean') fail(`${path}.${key}`, 'a boolean or null');
  return value;
}

function requiredBoolean(source: JsonObject, key: string, path: string): boolean {
  const value = source[key];
  if (typeof value !== 'boolean') fail(`${path}.${key}`, 'a boolean');
  return value;
}

/**
 * A list of strings. `APIConnection` (GET by identifier) types these fields as a single string, so a
 * comma-separated string, an array or null are all accepted and always come out as an array (PLATFORM.md §1.3).
 */
function stringList(source: JsonObject, key: string, path: string): string[] {
  const value = source[key];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '');
  }
  if (!Array.isArray(value)) fail(`${path}.${key}`, 'an array of strings, a string or null');
  return value.map((item, index) => {
    if (typeof item !== 'string') fail(`${path}.${key}[${index}]`, 'a string');
    return item;
  });
}

function lookup(source: JsonObject, key: string, path: string): LookupObject | null {
  const value = source[key];
  // The documented example sends null although the schema says object (.NET habit, PLATFORM.md §1.3).
  if (value === undefined || value === null) return null;
  const item = object(value, `${path}.${key}`);
  return {Id: nullableString(item, 'Id', `${path}.${key}`), Name: nullableString(item, 'Name', `${path}.${key}`)};
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * A .NET date-time. One without an offset (`0001-01-01T00:00:00`) is read as UTC, and .NET's minimum date
 * (year 1, `DateTime.MinValue`) means "unknown", so it becomes null. The result is an ISO-8601 UTC string.
 */
function dotNetDate(source: JsonObject, key: string, path: string): string | null {
  const value = source[key];
  if (value === undefined || value === null) return null;
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (!match) fail(`${path}.${key}`, 'a date-time or null');
  const [, year, month, day, hour, minute, second, fraction = '', offset = 'Z'] = match;
  if (year === '0001') return null;
  // .NET writes up to seven fraction digits; keep milliseconds so every engine parses it.
  const millis = fraction.slice(0, 3).padEnd(3, '0');
  const time = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}${offset.toUpperCase()}`);
  if (Number.isNaN(time)) fail(`${path}.${key}`, 'a valid date-time');
  return new Date(time).toISOString();
}

/** Reads a secret: reads send `''` or null for "no secret", and both become null. */
function secret(source: JsonObject, path: string): string | null {
  const value = nullableString(source, 'ClientSecret', path);
  return value === '' ? null : value;
}

/**
 * Unwraps the envelope, or returns undefined when `body` isn't one (HTML, plain text, a bare JSON value).
 * `Errors` is read leniently because it only feeds messages; the fields the client acts on are checked.
 */
export function readEnvelope(body: unknown): Envelope | undefined {
  if (!isObject(body) || typeof body.Success !== 'boolean') return undefined;
  const recordCount = body.RecordCount;
  const hasMoreRecords = body.HasMoreRecords;
  return {
    success: body.Success,
    data: body.Data,
    messages: readMessages(body),
    recordCount:
      typeof recordCount === 'number' && Number.isSafeInteger(recordCount) && recordCount >= 0 ? recordCount : null,
    hasMoreRecords: typeof hasMoreRecords === 'boolean' ? hasMoreRecords : null,
  };
}

const MAX_MESSAGES = 20;
const MAX_MESSAGE_LENGTH = 1000;

/**
 * The human-readable messages of an error body: `Errors[].Message` of the envelope, or the bare `{Message}` that
 * the gateway sends with a 401 (PLATFORM.md §1.1). Anything else gives no messages.
 */
export function readMessages(body: unknown): string[] {
  if (!isObject(body)) return [];
  const texts: unknown[] = Array.isArray(body.Errors)
    ? body.Errors.map((detail) => (isObject(detail) ? detail.Message : undefined))
    : [body.Message];
  return texts
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '')
    .slice(0, MAX_MESSAGES)
    .map((text) => (text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text));
}

/** Checks one `APIConnectionResponse` (a list item, or the Data of a create or update). */
export function parseApiConnectionResponse(value: unknown, path = 'Data'): ApiConnectionResponse {
  const source = object(value, path);
  return {
    APIType: nullableString(source, 'APIType', path),
    ClientId: nullableString(source, 'ClientId', path),
    ClientName: nullableString(source, 'ClientName', path),
    Description: nullableString(source, 'Description', path),
    ExternalIdentifier: nullableString(source, 'ExternalIdentifier', path),
    CorsOrigins: stringList(source, 'CorsOrigins', path),
    BackChannelLogoutURI: nullableString(source, 'BackChannelLogoutURI', path),
    FrontChannelLogoutURI: nullableString(source, 'FrontChannelLogoutURI', path),
    RedirectURI: stringList(source, 'RedirectURI', path),
    ClientSecret: secret(source, path),
    IsActive: requiredBoolean(source, 'IsActive', path),
    AllowedScopes: stringList(source, 'AllowedScopes', path),
  };
}

/** Checks the Data of the API connection list; null reads as an empty list. */
export function parseApiConnectionList(value: unknown): ApiConnectionResponse[] {
  if (value === null || value === undefined) return [];
  return array(value, 'Data').map((item, index) => parseApiConnectionResponse(item, `Data[${index}]`));
}

const LIST_FIELD_NAMES = ['CorsOrigins', 'RedirectURI', 'AllowedScopes'] as const satisfies readonly ListFieldName[];

/** Checks one `APIConnection` (the Data of GET by identifier), with its string-or-array and .NET date quirks. */
export function parseApiConnection(value: unknown): ApiConnection {
  const path = 'Data';
  const source = object(value, path);
  return {
    ...parseApiConnectionResponse(source, path),
    Id: nullableString(source, 'Id', path),
    Name: nullableString(source, 'Name', path),
    CreatedBy: lookup(source, 'CreatedBy', path),
    ModifiedBy: lookup(source, 'ModifiedBy', path),
    CreatedDate: dotNetDate(source, 'CreatedDate', path),
    ModifiedDate: dotNetDate(source, 'ModifiedDate', path),
    ExternalId: nullableString(source, 'ExternalId', path),
    ETag: nullableString(source, 'ETag', path),
    nullLists: LIST_FIELD_NAMES.filter((key) => source[key] === null || source[key] === undefined),
  };
}

/** Checks the Data of a status change (`BooleanNullableAPIResponse`). */
export function parseStatusResult(value: unknown): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') fail('Data', 'a boolean or null');
  return value;
}

function parseExternalIntegration(value: unknown, path: string): ExternalIntegration {
  const source = object(value, path);
  const externalId = source.ExternalId;
  if (typeof externalId !== 'string') fail(`${path}.ExternalId`, 'a string');
  return {
    Id: nullableString(source, 'Id', path),
    ExternalId: externalId,
    Type: nullableString(source, 'Type', path),
    Description: nullableString(source, 'Description', path),
    Provider: nullableString(source, 'Provider', path),
    DefaultIdp: nullableBoolean(source, 'DefaultIdp', path),
    EmailDomain: nullableString(source, 'EmailDomain', path),
    DisplayName: nullableString(source, 'DisplayName', path),
  };
}

/**
 * Checks the Data of the external integration list, whose shape is undocumented (PLATFORM.md §2): an array of
 * identifiers, or an object holding them in `ExternalIntegrationIdentifiers`. Null reads as an empty list.
 */
export function parseExternalIntegrations(value: unknown): ExternalIntegration[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map((item, index) => parseExternalIntegration(item, `Data[${index}]`));
  const source = object(value, 'Data');
  const identifiers = source.ExternalIntegrationIdentifiers;
  if (identifiers === null || identifiers === undefined) return [];
  return array(identifiers, 'Data.ExternalIntegrationIdentifiers').map((item, index) =>
    parseExternalIntegration(item, `Data.ExternalIntegrationIdentifiers[${index}]`),
  );
}

/** Checks the Data of the identity provider list (`IDPMaster[]`). */
export function parseIdentityProviders(value: unknown): IdentityProvider[] {
  if (value === null || value === undefined) return [];
  return array(value, 'Data').map((item, index) => {
    const path = `Data[${index}]`;
    const source = object(item, path);
    return {Name: nullableString(source, 'Name', path), ACRName: nullableString(source, 'ACRName', path)};
  });
}

const USER_STRING_FIELDS = [
  'Id',
  'Name',
  'FirstName',
  'LastName',
  'UserName',
  'Email',
  'AdminPermissions',
  'UserType',
  'OrganizationExternalId',
  'Locale',
  'Timezone',
] as const satisfies readonly (keyof UserInfo)[];

/** Checks the Data of `user/info`; known fields are type-checked, unknown ones are dropped. */
export function parseUserInfo(value: unknown): UserInfo {
  const path = 'Data';
  const source = object(value, path);
  const user: UserInfo = {};
  for (const key of USER_STRING_FIELDS) {
    if (key in source) user[key] = nullableString(source, key, path);
  }
  if ('Role' in source) user.Role = lookup(source, 'Role', path);
  if ('IsActive' in source) user.IsActive = nullableBoolean(source, 'IsActive', path);
  return user;
}

/** Parses a response body as JSON; an empty, HTML or truncated body gives undefined instead of throwing (C2-09). */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
