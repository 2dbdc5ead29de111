/** `apiConnections.*`: the API Connections API (`/api/user-management/v1/api-connections`, PLATFORM.md §1). */
import {encodePathSegment, pagingQuery, requestOptions, type Http, type PagingQuery} from '../http.js';
import {parseApiConnection, parseApiConnectionList, parseApiConnectionResponse, parseStatusResult} from '../parse.js';
import {
  CONNECTION_TYPES,
  SORT_FIELDS,
  type ApiClient,
  type ApiConnectionCreateRequest,
  type ConnectionListParams,
  type ConnectionType,
  type SortField,
} from '../types.js';

const BASE_PATH = '/api/user-management/v1/api-connections';

const BODY_FIELDS = [
  'Description',
  'ClientName',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'RedirectURI',
  'AllowedScopes',
] as const satisfies readonly (keyof ApiConnectionCreateRequest)[];

/** Throws a `TypeError` unless `type` is `APItoAPI` or `UItoAPI`. */
export function assertConnectionType(type: unknown): asserts type is ConnectionType {
  if (!(CONNECTION_TYPES as readonly unknown[]).includes(type)) {
    throw new TypeError('"type" must be APItoAPI or UItoAPI');
  }
}

/** Checks and normalizes the list parameters: `sortField` from the allow-list only (A6-01), `pageSize` clamped (A6-02). */
export function connectionListQuery(params: ConnectionListParams = {}): PagingQuery & {sortField?: SortField} {
  const {sortField} = params;
  if (sortField !== undefined && !(SORT_FIELDS as readonly unknown[]).includes(sortField)) {
    throw new TypeError(`"sortField" must be one of ${SORT_FIELDS.join(', ')}`);
  }
  return {...(sortField === undefined ? {} : {sortField}), ...pagingQuery(params)};
}

function copyField<T>(target: T, source: T, key: keyof T): void {
  if (source[key] !== undefined) target[key] = source[key];
}

/**
 * Copies only the documented request fields: the schema has `additionalProperties: false`, and a form model may
 * hold more (`IsActive`, a `ClientSecret`) that must never be sent.
 */
export function createRequestBody(body: ApiConnectionCreateRequest): ApiConnectionCreateRequest {
  const untyped: unknown = body;
  if (typeof untyped !== 'object' || untyped === null) throw new TypeError('"body" must be an object');
  const picked: ApiConnectionCreateRequest = {};
  for (const key of BODY_FIELDS) copyField(picked, body, key);
  return picked;
}

function connectionPath(
  externalIdentifier: string,
  type: ConnectionType,
  suffix = '',
): {path: string; query: {apiConnectionType: string}} {
  assertConnectionType(type);
  return {
    path: `${BASE_PATH}/${encodePathSegment(externalIdentifier, 'externalIdentifier')}${suffix}`,
    query: {apiConnectionType: type},
  };
}

/** Creates the `apiConnections` resource. The methods validate their arguments synchronously (misuse throws). */
export function createApiConnectionsResource(http: Http): ApiClient['apiConnections'] {
  return {
    list(params, options) {
      const query = connectionListQuery(params);
      return http.request({
        method: 'GET',
        path: BASE_PATH,
        query: {...query},
        retry: 'idempotent',
        parse: (envelope) => ({
          items: parseApiConnectionList(envelope.data),
          recordCount: envelope.recordCount,
          hasMoreRecords: envelope.hasMoreRecords,
        }),
        ...requestOptions(options),
      });
    },

    get(externalIdentifier, type, options) {
      return http.request({
        method: 'GET',
        ...connectionPath(externalIdentifier, type),
        retry: 'idempotent',
        parse: (envelope, response) => {
          const connection = parseApiConnection(envelope.data);
          // The documented example sends `ETag: null`; a server with precondition support may send the header instead.
          return {...connection, ETag: connection.ETag ?? response.headers.get('ETag')};
        },
        ...requestOptions(options),
      });
    },

    create(externalIdentifier, type, body, options) {
      return http.request({
        method: 'POST',
        ...connectionPath(externalIdentifier, type),
        body: createRequestBody(body),
        // C4-03: a create whose response was lost may have been committed; re-sending could duplicate it or
        // hide its one-time secret. The UI checks by identifier instead.
        retry: 'never',
        parse: (envelope) => parseApiConnectionResponse(envelope.data),
        ...requestOptions(options),
      });
    },

    update(externalIdentifier, type, body, options) {
      return http.request({
        method: 'PUT',
        ...connectionPath(externalIdentifier, type),
        body: createRequestBody(body),
        // Each PUT of an APItoAPI connection rotates its secret, so only a 429 (nothing done) is retried.
        retry: 'rate-limit-once',
        parse: (envelope) => parseApiConnectionResponse(envelope.data),
        ...requestOptions(options),
      });
    },

    setStatus(externalIdentifier, type, isActive, options) {
      if (typeof isActive !== 'boolean') throw new TypeError('"isActive" must be a boolean');
      return http.request({
        method: 'PUT',
        ...connectionPath(externalIdentifier, type, '/status'),
        body: {IsActive: isActive},
        retry: 'rate-limit-once',
        // `Data` is a nullable boolean; `Success: true` already says the change was made, so null reads as true.
        parse: (envelope) => parseStatusResult(envelope.data) ?? true,
        ...requestOptions(options),
      });
    },
  };
}
