import {randomUUID} from 'node:crypto';
import {
  FIELDS,
  checkConnectionType,
  checkExternalIdentifier,
  checkListParams,
  formatServerMessage,
  parseConnectionType,
  validateConnection,
} from '@conga-connections/validation';
import type {ConnectionDraft, ConnectionType} from '@conga-connections/validation';
import {SCOPES} from '../oidc/configuration.js';
import {etagOf, newClientId, newClientSecret} from '../store.js';
import type {Store, StoredConnection} from '../store.js';
import type {Caller} from './auth.js';
import {fail, ok} from './envelope.js';
import type {ApiResult} from './envelope.js';

/** Settings that change how strictly the emulator answers; the test hooks can flip them. */
export interface ApiSettings {
  /** Allows loopback and private logout targets (SECURITY-CASES A3-03, A3-04). */
  devMode: boolean;
  /** Pretends the server has no precondition support, so `If-Match` is ignored (C2-04). */
  ignoreIfMatch: boolean;
}

/** The display value of a connection type, as the platform's `APIType` shows it. */
export function apiTypeLabel(type: ConnectionType): string {
  return type === 'APItoAPI' ? 'API to API' : 'UI to API';
}

/**
 * The list item and write response shape (`APIConnectionResponse`). `ClientSecret` is `''` in reads, as in the
 * platform's list example, and the real secret only in the write that generated it (B4-01, D-03).
 */
export function toConnectionResponse(c: StoredConnection, secret: string | null = ''): Record<string, unknown> {
  return {
    APIType: apiTypeLabel(c.type),
    ClientId: c.ClientId,
    ClientName: c.ClientName,
    Description: c.Description,
    ExternalIdentifier: c.ExternalIdentifier,
    CorsOrigins: c.CorsOrigins,
    BackChannelLogoutURI: c.BackChannelLogoutURI ?? '',
    FrontChannelLogoutURI: c.FrontChannelLogoutURI ?? '',
    RedirectURI: c.RedirectURI,
    ClientSecret: secret,
    IsActive: c.IsActive,
    AllowedScopes: c.AllowedScopes,
  };
}

/**
 * The GET-by-identifier shape (`APIConnection`). The published schema types `CorsOrigins`, `RedirectURI` and
 * `AllowedScopes` as strings here (PLATFORM.md §1.3), so they are sent comma-separated, the same form the
 * platform's own Redirect URI field takes. Clients must accept this and the array form.
 */
export function toConnectionRecord(c: StoredConnection): Record<string, unknown> {
  const joined = (values: string[]): string | null => (values.length ? values.join(',') : null);
  return {
    Id: c.Id,
    Name: c.ClientName,
    CreatedBy: c.CreatedBy,
    CreatedDate: c.CreatedDate,
    ModifiedBy: c.ModifiedBy,
    ModifiedDate: c.ModifiedDate,
    ExternalId: null,
    ETag: etagOf(c),
    APIType: apiTypeLabel(c.type),
    ClientId: c.ClientId,
    ClientName: c.ClientName,
    Description: c.Description,
    IsActive: c.IsActive,
    ExternalIdentifier: c.ExternalIdentifier,
    CorsOrigins: joined(c.CorsOrigins),
    BackChannelLogoutURI: c.BackChannelLogoutURI,
    FrontChannelLogoutURI: c.FrontChannelLogoutURI,
    RedirectURI: joined(c.RedirectURI),
    ClientSecret: null,
    AllowedScopes: joined(c.AllowedScopes),
  };
}

type SortKey = (c: StoredConnection) => string | number;

const SORT_KEYS: Readonly<Record<string, SortKey>> = {
  APIType: (c) => apiTypeLabel(c.type),
  ClientName: (c) => c.ClientName.toLowerCase(),
  ClientId: (c) => c.ClientId.toLowerCase(),
  ExternalIdentifier: (c) => c.ExternalIdentifier.toLowerCase(),
  IsActive: (c) => (c.IsActive ? 1 : 0),
  Description: (c) => c.Description.toLowerCase(),
  CreatedDate: (c) => c.CreatedDate,
  ModifiedDate: (c) => c.ModifiedDate,
};

function compare(a: string | number, b: string | number): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function badRequest(findings: readonly Parameters<typeof formatServerMessage>[0][]): ApiResult {
  return fail(400, findings.map(formatServerMessage));
}

/** `GET /api-connections`: sorted with the documented parameters, paged when `pageSize` is given. */
export function listConnections(store: Store, query: URLSearchParams): ApiResult {
  const params = {
    sortField: query.get('sortField'),
    sortDirection: query.get('sortDirection'),
    pageSize: query.get('pageSize'),
    pageNumber: query.get('pageNumber'),
  };
  const problems = checkListParams(params).filter((f) => f.severity === 'error');
  if (problems.length) return badRequest(problems);

  const sortField = params.sortField ?? 'CreatedDate';
  // The platform's default direction is DESC whenever a sort field is given (PLATFORM.md §1.1).
  const direction = (params.sortDirection ?? 'DESC').toUpperCase() === 'ASC' ? 1 : -1;
  const key = SORT_KEYS[sortField] ?? SORT_KEYS.CreatedDate;
  const sorted = [...store.data.connections].sort(
    (a, b) =>
      direction * compare(key?.(a) ?? 0, key?.(b) ?? 0) ||
      compare(a.ExternalIdentifier, b.ExternalIdentifier) ||
      compare(a.type, b.type),
  );

  const total = sorted.length;
  if (params.pageSize === null)
    return ok(
      sorted.map((c) => toConnectionResponse(c)),
      {recordCount: total, hasMoreRecords: false},
    );
  const pageSize = Number(params.pageSize);
  const pageNumber = params.pageNumber === null ? 1 : Number(params.pageNumber);
  const start = (pageNumber - 1) * pageSize;
  const items = sorted.slice(start, start + pageSize);
  return ok(
    items.map((c) => toConnectionResponse(c)),
    {recordCount: total, hasMoreRecords: start + items.length < total},
  );
}

function readType(query: URLSearchParams): ConnectionType | ApiResult {
  const raw = query.get('apiConnectionType');
  const type = parseConnectionType(raw);
  return type ?? badRequest(checkConnectionType(raw));
}

/** `GET /api-connections/{externalIdentifier}?apiConnectionType=…`. */
export function getConnection(store: Store, externalIdentifier: string, query: URLSearchParams): ApiResult {
  const type = readType(query);
  if (typeof type !== 'string') return type;
  const connection = store.findConnection(externalIdentifier, type);
  if (!connection) return notFound();
  return ok(toConnectionRecord(connection), {headers: {ETag: etagOf(connection)}});
}

function notFound(): ApiResult {
  return fail(404, ['This API connection no longer exists.']);
}

const STRING_FIELDS = new Set(['Description', 'ClientName', 'BackChannelLogoutURI', 'FrontChannelLogoutURI']);
const LIST_FIELDS = new Set(['CorsOrigins', 'RedirectURI', 'AllowedScopes']);

/** Checks the body against `APIConnectionCreateRequest` (`additionalProperties: false`, strings and string arrays). */
function readDraft(body: unknown): ConnectionDraft | ApiResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail(400, ['The request body must be a JSON object.']);
  }
  const messages: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (STRING_FIELDS.has(key)) {
      if (value !== null && typeof value !== 'string') messages.push(`${key}: Must be a string or null.`);
    } else if (LIST_FIELDS.has(key)) {
      if (value !== null && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
        messages.push(`${key}: Must be an array of strings or null.`);
      }
    } else {
      messages.push(`Unknown field "${key}".`);
    }
  }
  return messages.length ? fail(400, messages) : body;
}

/** Scopes the provider offers; anything else is refused at the scopes field (A4-05). */
function unknownScopes(scopes: readonly string[]): string[] {
  const offered = new Set<string>(SCOPES);
  return scopes.flatMap((scope, index) =>
    offered.has(scope) ? [] : [`AllowedScopes[${String(index)}]: The scope "${scope}" isn't offered by this platform.`],
  );
}

/** Validates a draft with the shared rules; the first answer is a 400 with the same sentences the UI shows (D-01). */
function validate(draft: ConnectionDraft, type: ConnectionType, settings: ApiSettings) {
  const result = validateConnection(draft, {type, devMode: settings.devMode});
  if (!result.valid) return badRequest(result.errors);
  const scopeProblems = unknownScopes(result.value.AllowedScopes);
  if (scopeProblems.length) return fail(400, scopeProblems);
  return result;
}

function byOf(caller: Caller): {Id: string; Name: string} {
  return {Id: caller.user.Id, Name: `${caller.user.FirstName} ${caller.user.LastName}`.trim()};
}

/** `POST /api-connections/{externalIdentifier}?apiConnectionType=…`: creates a live OAuth client at once. */
export function createConnection(
  store: Store,
  settings: ApiSettings,
  caller: Caller,
  externalIdentifier: string,
  query: URLSearchParams,
  body: unknown,
): ApiResult {
  const type = readType(query);
  if (typeof type !== 'string') return type;
  const identifierProblems = checkExternalIdentifier(externalIdentifier).filter((f) => f.severity === 'error');
  if (identifierProblems.length) return badRequest(identifierProblems);
  if (!store.findIntegration(externalIdentifier)) {
    return fail(400, [`ExternalIdentifier: No external integration has the identifier "${externalIdentifier}".`]);
  }
  if (store.findConnection(externalIdentifier, type)) {
    return fail(409, [
      `ExternalIdentifier: ${type === 'APItoAPI' ? 'An API-to-API' : 'A UI-to-API'} connection already exists for "${externalIdentifier}".`,
    ]);
  }
  const draft = readDraft(body);
  if ('status' in draft) return draft;
  const result = validate({...draft, ExternalIdentifier: externalIdentifier}, type, settings);
  if ('status' in result) return result;

  const now = new Date().toISOString();
  const secret = type === 'APItoAPI' ? newClientSecret() : null;
  const connection: StoredConnection = {
    Id: randomUUID(),
    ExternalIdentifier: externalIdentifier,
    type,
    ClientId: newClientId(),
    ClientSecret: secret,
    ...result.value,
    // Neither of the platform's dialogs has a scope field (PLATFORM.md §5), so a connection created without scopes
    // gets what its type needs (an emulator choice): the API scope, and for UI-to-API also sign-in's scopes.
    AllowedScopes: result.value.AllowedScopes.length
      ? result.value.AllowedScopes
      : type === 'APItoAPI'
        ? ['api.user-management']
        : ['openid', 'profile', 'email', 'api.user-management'],
    IsActive: true,
    CreatedBy: byOf(caller),
    CreatedDate: now,
    ModifiedBy: byOf(caller),
    ModifiedDate: now,
    version: 1,
  };
  store.data.connections.push(connection);
  store.save();
  return ok(toConnectionResponse(connection, secret), {warnings: result.warnings.map(formatServerMessage)});
}

function preconditionFailed(
  settings: ApiSettings,
  connection: StoredConnection,
  ifMatch: string | undefined,
): ApiResult | undefined {
  if (settings.ignoreIfMatch || ifMatch === undefined) return undefined;
  const tags = ifMatch.split(',').map((t) => t.trim());
  if (tags.includes('*') || tags.includes(etagOf(connection))) return undefined;
  return fail(412, ['Changed by someone else since you opened it.'], {ETag: etagOf(connection)});
}

/** The connection a write addresses, once its type, existence and `If-Match` precondition have been checked. */
function findForWrite(
  store: Store,
  settings: ApiSettings,
  externalIdentifier: string,
  query: URLSearchParams,
  ifMatch: string | undefined,
): {type: ConnectionType; connection: StoredConnection} | ApiResult {
  const type = readType(query);
  if (typeof type !== 'string') return type;
  const connection = store.findConnection(externalIdentifier, type);
  if (!connection) return notFound();
  return preconditionFailed(settings, connection, ifMatch) ?? {type, connection};
}

/**
 * `PUT /api-connections/{externalIdentifier}?apiConnectionType=…`. Fields left out of the body keep their value.
 * An API-to-API save regenerates the secret and the old one stops working at once (PLATFORM.md §1.5).
 */
export function updateConnection(
  store: Store,
  settings: ApiSettings,
  caller: Caller,
  externalIdentifier: string,
  query: URLSearchParams,
  body: unknown,
  ifMatch: string | undefined,
): ApiResult {
  const target = findForWrite(store, settings, externalIdentifier, query, ifMatch);
  if ('status' in target) return target;
  const {type, connection} = target;
  const draft = readDraft(body);
  if ('status' in draft) return draft;

  const merged: ConnectionDraft = {ExternalIdentifier: externalIdentifier};
  for (const field of FIELDS) {
    if (field === 'ExternalIdentifier') continue;
    (merged as Record<string, unknown>)[field] = field in draft ? draft[field] : connection[field];
  }
  const result = validate(merged, type, settings);
  if ('status' in result) return result;

  const secret = type === 'APItoAPI' ? newClientSecret() : null;
  Object.assign(connection, result.value, {
    AllowedScopes: result.value.AllowedScopes.length ? result.value.AllowedScopes : connection.AllowedScopes,
    ClientSecret: secret,
    ModifiedBy: byOf(caller),
    ModifiedDate: new Date().toISOString(),
    version: connection.version + 1,
  });
  store.save();
  return ok(toConnectionResponse(connection, secret), {
    warnings: result.warnings.map(formatServerMessage),
    headers: {ETag: etagOf(connection)},
  });
}

/** `PUT /api-connections/{externalIdentifier}/status`: deactivation stops new token requests at once (B3-13). */
export function setConnectionStatus(
  store: Store,
  settings: ApiSettings,
  caller: Caller,
  externalIdentifier: string,
  query: URLSearchParams,
  body: unknown,
  ifMatch: string | undefined,
): ApiResult {
  const target = findForWrite(store, settings, externalIdentifier, query, ifMatch);
  if ('status' in target) return target;
  const {connection} = target;
  const keys = typeof body === 'object' && body !== null ? Object.keys(body) : [];
  const isActive = (body as {IsActive?: unknown} | null)?.IsActive;
  if (typeof isActive !== 'boolean' || keys.some((k) => k !== 'IsActive')) {
    return fail(400, ['IsActive: Send {"IsActive": true} or {"IsActive": false}.']);
  }
  if (connection.IsActive !== isActive) {
    connection.IsActive = isActive;
    connection.ModifiedBy = byOf(caller);
    connection.ModifiedDate = new Date().toISOString();
    connection.version += 1;
    store.save();
  }
  return ok(true, {headers: {ETag: etagOf(connection)}});
}
