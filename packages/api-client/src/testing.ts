/**
 * @conga-connections/api-client/testing: a deterministic, in-memory `ApiClient` with the platform's semantics, for
 * component and unit tests that must not touch the network (STYLE §11).
 */
import {ApiError} from './errors.js';
import {apiErrorMessage, codeForStatus, encodePathSegment, requestOptions} from './http.js';
import {assertConnectionType, connectionListQuery, createRequestBody} from './resources/api-connections.js';
import {integrationListQuery} from './resources/external-integrations.js';
import {
  toApiTypeLabel,
  toConnectionType,
  type ApiClient,
  type ApiConnection,
  type ApiConnectionCreateRequest,
  type ApiConnectionResponse,
  type ConnectionType,
  type ExternalIntegration,
  type IdentityProvider,
  type RequestOptions,
  type UserInfo,
} from './types.js';

/** A seeded connection: any `ApiConnection` fields, plus its type (taken from `APIType` when omitted). */
export interface FakeConnectionSeed extends Partial<ApiConnection> {
  ExternalIdentifier: string;
  type?: ConnectionType;
}

/** What a fake client starts with; every part is optional. */
export interface FakeApiClientSeed {
  connections?: FakeConnectionSeed[];
  integrations?: ExternalIntegration[];
  identityProviders?: IdentityProvider[];
  user?: UserInfo;
}

/** The name of one fake method, as `calls` and `failNext()` spell it. */
export type FakeOperation =
  | 'apiConnections.list'
  | 'apiConnections.get'
  | 'apiConnections.create'
  | 'apiConnections.update'
  | 'apiConnections.setStatus'
  | 'externalIntegrations.list'
  | 'externalIntegrations.identityProviders'
  | 'user.info';

/** One recorded call: the operation and the arguments it got (options excluded). */
export interface FakeCall {
  operation: FakeOperation;
  args: unknown[];
}

/** An in-memory `ApiClient` that also records its calls and can be told to fail. */
export interface FakeApiClient extends ApiClient {
  /** Every call in order, so tests can assert "exactly one write" (C4-01). */
  readonly calls: readonly FakeCall[];
  /** Makes the next call of `operation` reject with `error` (once), e.g. `fakeApiError(503)`. */
  failNext(operation: FakeOperation, error: unknown): void;
}

/** Builds the `ApiError` the real client would throw for an error `status` with these server messages. */
export function fakeApiError(status: number, messages: string[] = []): ApiError {
  const code = codeForStatus(status);
  const body = {Success: false, Data: null, Errors: messages.map((Message) => ({Message})), StatusCode: String(status)};
  const response = new Response(JSON.stringify(body), {status, headers: {'Content-Type': 'application/json'}});
  return new ApiError(apiErrorMessage(code, status), {
    code,
    status,
    response,
    messages: status >= 500 ? [] : messages,
  });
}

const IDENTITY_PROVIDERS: IdentityProvider[] = [
  {Name: 'Salesforce', ACRName: 'idp:Salesforce'},
  {Name: 'Salesforce Sandbox', ACRName: 'idp:SalesforceSandbox'},
  {Name: 'Microsoft', ACRName: 'idp:Microsoft'},
];

const ADMIN: LookupLike = {Id: 'a4d2c1e0-0000-4000-8000-000000000001', Name: 'Ada Admin'};

interface LookupLike {
  Id: string;
  Name: string;
}

/**
 * The GET-by-identifier example of the published specification (reference/conga-api-connections.openapi.yml),
 * verbatim: what a real tenant answers, null lists and lookups and year-1 dates without an offset included. It fails
 * its own schema (PLATFORM.md §1.3), which is the point: the client and the element must read it as it is.
 */
export const specGetExample = {
  APIType: 'API to API',
  ClientId: '000000000000-000000000000.apps.googleusercontent.com',
  ClientName: 'ClientA',
  Description: 'ClientA Description',
  IsActive: true,
  ExternalIdentifier: 'ABCDEFGHI123456789',
  CorsOrigins: null,
  BackChannelLogoutURI: null,
  FrontChannelLogoutURI: null,
  RedirectURI: null,
  ClientSecret: null,
  AllowedScopes: null,
  Id: null,
  Name: null,
  CreatedBy: null,
  CreatedDate: '0001-01-01T00:00:00',
  ModifiedBy: null,
  ModifiedDate: '0001-01-01T00:00:00',
  ExternalId: null,
  ETag: null,
};

/**
 * A connection as a list or get answers it after the client has read it, every field empty except those given (an
 * API-to-API one, active, unless they say otherwise): for tests of code that takes responses, not the client.
 */
export function fakeConnectionResponse(
  fields: Partial<ApiConnectionResponse> & {ExternalIdentifier: string},
): ApiConnectionResponse {
  return {
    APIType: 'API to API',
    ClientId: null,
    ClientName: null,
    Description: null,
    CorsOrigins: [],
    BackChannelLogoutURI: null,
    FrontChannelLogoutURI: null,
    RedirectURI: [],
    ClientSecret: null,
    IsActive: true,
    AllowedScopes: [],
    ...fields,
  };
}

/** A realistic, fixed data set: two orgs with both connection types, one inactive connection, three integrations, an admin. */
export const fakeSeed = {
  connections: [
    {
      type: 'APItoAPI',
      ExternalIdentifier: '00D5g000004CmQwEAK',
      ClientId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      ClientName: 'ERP nightly sync',
      Description: 'Pushes signed contracts to the ERP every night.',
      IsActive: true,
      CreatedDate: '2025-01-06T09:15:00.000Z',
      ModifiedDate: '2025-02-11T16:40:00.000Z',
    },
    {
      type: 'UItoAPI',
      ExternalIdentifier: '00D5g000004CmQwEAK',
      ClientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
      ClientName: 'Contract portal',
      Description: 'Customer-facing portal that signs in with PKCE.',
      RedirectURI: ['https://portal.example.com/auth/callback'],
      CorsOrigins: ['https://portal.example.com'],
      FrontChannelLogoutURI: 'https://portal.example.com/auth/logout',
      AllowedScopes: ['openid', 'profile', 'api.user-management'],
      IsActive: true,
      CreatedDate: '2025-01-20T11:00:00.000Z',
      ModifiedDate: null,
    },
    {
      type: 'APItoAPI',
      ExternalIdentifier: '00D8d000001AbCdEAK',
      ClientId: '9f1c2d3e-4b5a-4678-9abc-def012345678',
      ClientName: 'Reporting export (sandbox)',
      Description: 'Retired after the Q1 reporting migration.',
      IsActive: false,
      CreatedDate: '2024-11-02T08:30:00.000Z',
      ModifiedDate: '2025-03-01T10:05:00.000Z',
    },
    {
      type: 'UItoAPI',
      ExternalIdentifier: '00D8d000001AbCdEAK',
      ClientId: '3d813cbb-47fb-42ba-91df-831e1593ac29',
      ClientName: 'Copilot (UAT)',
      Description: 'Contract AI assistant on the sandbox.',
      RedirectURI: ['https://preview-rls09.congacloud.com/static/clm/congacopilot/?q=param'],
      CorsOrigins: ['https://acme--uat.sandbox.my.salesforce.com'],
      AllowedScopes: ['openid', 'profile'],
      IsActive: true,
      CreatedDate: '2025-02-14T13:45:00.000Z',
      ModifiedDate: null,
    },
    {
      type: 'APItoAPI',
      ExternalIdentifier: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      ClientId: 'c56a4180-65aa-42ec-a945-5fd21dec0538',
      ClientName: 'Génération de documents',
      Description: null,
      IsActive: true,
      CreatedDate: '2025-03-03T07:00:00.000Z',
      ModifiedDate: null,
    },
  ],
  integrations: [
    {
      Id: 'e1a1b2c3-0000-4000-8000-000000000001',
      ExternalId: '00D5g000004CmQwEAK',
      Type: 'Prod',
      Description: 'Acme production org',
      Provider: 'Salesforce',
      DefaultIdp: true,
      EmailDomain: 'acme.com',
      DisplayName: 'Acme (Production)',
    },
    {
      Id: 'e1a1b2c3-0000-4000-8000-000000000002',
      ExternalId: '00D8d000001AbCdEAK',
      Type: 'UAT',
      Description: 'Acme UAT sandbox',
      Provider: 'Salesforce Sandbox',
      DefaultIdp: false,
      EmailDomain: 'acme.com',
      DisplayName: 'Acme (UAT)',
    },
    {
      Id: 'e1a1b2c3-0000-4000-8000-000000000003',
      ExternalId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
      Type: 'Prod',
      Description: 'Acme Entra ID tenant',
      Provider: 'Microsoft',
      DefaultIdp: false,
      EmailDomain: 'acme.onmicrosoft.com',
      DisplayName: 'Acme (Microsoft)',
    },
  ],
  user: {
    Id: ADMIN.Id,
    Name: ADMIN.Name,
    FirstName: 'Ada',
    LastName: 'Admin',
    UserName: 'ada.admin@acme.com',
    Email: 'ada.admin@acme.com',
    Role: {Id: 'b7e3f9a0-0000-4000-8000-000000000001', Name: 'SysAdmin'},
    AdminPermissions: 'SchemaManager,Templates',
    UserType: null,
    OrganizationExternalId: '00D5g000004CmQwEAK',
    IsActive: true,
  },
} satisfies Required<Omit<FakeApiClientSeed, 'identityProviders'>>;

interface StoredConnection {
  type: ConnectionType;
  version: number;
  record: ApiConnection;
}

// Fixed so every run produces the same ids, secrets and dates (component tests compare them).
const FAKE_EPOCH = Date.UTC(2025, 3, 1, 12, 0, 0);
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function fakeClientId(sequence: number): string {
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

function fakeSecret(sequence: number): string {
  // A tiny linear congruential generator: looks like a secret, but the same sequence gives the same value.
  let state = (sequence * 2_654_435_761) >>> 0;
  let secret = '';
  for (let index = 0; index < 40; index += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    secret += SECRET_ALPHABET[state % SECRET_ALPHABET.length] ?? 'x';
  }
  return secret;
}

function compareValues(left: unknown, right: unknown): number {
  if (left === right) return 0;
  if (left === null || left === undefined) return -1;
  if (right === null || right === undefined) return 1;
  if (typeof left === 'string' && typeof right === 'string') return left.localeCompare(right, 'en');
  // Booleans (IsActive) and numbers.
  return Number(left) - Number(right);
}

function sortAndPage<T>(
  items: T[],
  query: {sortField?: string; sortDirection?: 'ASC' | 'DESC'; pageSize?: number; pageNumber?: number},
  read: (item: T, field: string) => unknown,
  defaults: {pageSize?: number; sortField?: string},
): {page: T[]; total: number; hasMore: boolean} {
  const {pageSize: defaultPageSize, sortField: defaultSortField} = defaults;
  const {sortField = defaultSortField} = query;
  let sorted = items;
  if (sortField !== undefined) {
    // The platform's default direction is DESC once a sort field is given (PLATFORM.md §1.1).
    const direction = query.sortDirection === 'ASC' ? 1 : -1;
    sorted = [...items].sort((a, b) => direction * compareValues(read(a, sortField), read(b, sortField)));
  }
  const pageSize = query.pageSize ?? defaultPageSize ?? Math.max(sorted.length, 1);
  const start = ((query.pageNumber ?? 1) - 1) * pageSize;
  return {page: sorted.slice(start, start + pageSize), total: sorted.length, hasMore: start + pageSize < sorted.length};
}

function toResponse(record: ApiConnection, secret: string | null): ApiConnectionResponse {
  return {
    APIType: record.APIType,
    ClientId: record.ClientId,
    ClientName: record.ClientName,
    Description: record.Description,
    ExternalIdentifier: record.ExternalIdentifier,
    CorsOrigins: [...record.CorsOrigins],
    BackChannelLogoutURI: record.BackChannelLogoutURI,
    FrontChannelLogoutURI: record.FrontChannelLogoutURI,
    RedirectURI: [...record.RedirectURI],
    ClientSecret: secret,
    IsActive: record.IsActive,
    AllowedScopes: [...record.AllowedScopes],
  };
}

/**
 * Creates an in-memory `ApiClient` with the platform's semantics: sorted and paged lists with counts, 404 for an
 * unknown connection, 409 for a second connection of a type, a one-time secret on create and on every `APItoAPI`
 * update, 412 for a stale `ifMatch`, and reads that never return a secret. Fully deterministic.
 */
export function createFakeApiClient(seed: FakeApiClientSeed = {}): FakeApiClient {
  let sequence = 0;
  const tick = () => {
    sequence += 1;
    return sequence;
  };
  const connections: StoredConnection[] = [];
  const integrations: ExternalIntegration[] = structuredClone(seed.integrations ?? []);
  const identityProviders: IdentityProvider[] = structuredClone(seed.identityProviders ?? IDENTITY_PROVIDERS);
  const user: UserInfo = structuredClone(seed.user ?? fakeSeed.user);
  const calls: FakeCall[] = [];
  const failures = new Map<FakeOperation, unknown>();

  for (const item of seed.connections ?? []) {
    const type = item.type ?? toConnectionType(item.APIType) ?? 'APItoAPI';
    const number = tick();
    const fields = structuredClone(item);
    delete fields.type;
    connections.push({
      type,
      version: 1,
      record: {
        Id: fakeClientId(number),
        Name: null,
        CreatedBy: ADMIN,
        ModifiedBy: null,
        CreatedDate: new Date(FAKE_EPOCH).toISOString(),
        ModifiedDate: null,
        ExternalId: null,
        APIType: toApiTypeLabel(type),
        ClientId: fakeClientId(number),
        ClientName: null,
        Description: null,
        CorsOrigins: [],
        BackChannelLogoutURI: null,
        FrontChannelLogoutURI: null,
        RedirectURI: [],
        AllowedScopes: [],
        IsActive: true,
        ...fields,
        // Reads never return a secret (B4-01), whatever the seed says.
        ClientSecret: null,
        ETag: 'W/"1"',
      },
    });
  }

  /** Records the call, honours the signal and a scheduled failure, then runs `work` on a later microtask. */
  function run<T>(
    operation: FakeOperation,
    args: unknown[],
    options: RequestOptions | undefined,
    work: () => T,
  ): Promise<T> {
    const {signal} = requestOptions(options);
    calls.push({operation, args: structuredClone(args)});
    return Promise.resolve().then(() => {
      signal?.throwIfAborted();
      if (failures.has(operation)) {
        const error = failures.get(operation);
        failures.delete(operation);
        throw error;
      }
      return structuredClone(work());
    });
  }

  function find(externalIdentifier: string, type: ConnectionType): StoredConnection {
    const found = connections.find(
      (connection) => connection.type === type && connection.record.ExternalIdentifier === externalIdentifier,
    );
    if (!found) throw fakeApiError(404, ['API connection not found.']);
    return found;
  }

  function checkAddress(externalIdentifier: string, type: ConnectionType): void {
    encodePathSegment(externalIdentifier, 'externalIdentifier');
    assertConnectionType(type);
  }

  function save(connection: StoredConnection): void {
    connection.version += 1;
    connection.record.ETag = `W/"${connection.version}"`;
    connection.record.ModifiedBy = ADMIN;
    connection.record.ModifiedDate = new Date(FAKE_EPOCH + tick() * 60_000).toISOString();
  }

  function applyBody(record: ApiConnection, body: ApiConnectionCreateRequest): void {
    const picked = createRequestBody(body);
    if (picked.ClientName !== undefined) record.ClientName = picked.ClientName;
    if (picked.Description !== undefined) record.Description = picked.Description;
    if (picked.CorsOrigins !== undefined) record.CorsOrigins = picked.CorsOrigins ?? [];
    if (picked.RedirectURI !== undefined) record.RedirectURI = picked.RedirectURI ?? [];
    if (picked.AllowedScopes !== undefined) record.AllowedScopes = picked.AllowedScopes ?? [];
    if (picked.BackChannelLogoutURI !== undefined) record.BackChannelLogoutURI = picked.BackChannelLogoutURI;
    if (picked.FrontChannelLogoutURI !== undefined) record.FrontChannelLogoutURI = picked.FrontChannelLogoutURI;
  }

  return {
    calls,
    failNext(operation, error) {
      failures.set(operation, error);
    },
    apiConnections: {
      list(params, options) {
        const query = connectionListQuery(params);
        return run('apiConnections.list', [params], options, () => {
          const {page, total, hasMore} = sortAndPage(
            connections,
            query,
            (connection, field) => connection.record[field as keyof ApiConnection],
            // Unsorted requests come newest first, like the emulator's (the platform documents no default).
            {sortField: 'CreatedDate'},
          );
          return {
            items: page.map((connection) => toResponse(connection.record, null)),
            recordCount: total,
            hasMoreRecords: hasMore,
          };
        });
      },

      get(externalIdentifier, type, options) {
        checkAddress(externalIdentifier, type);
        return run('apiConnections.get', [externalIdentifier, type], options, () => {
          const {record} = find(externalIdentifier, type);
          return {...record, ClientSecret: null};
        });
      },

      create(externalIdentifier, type, body, options) {
        checkAddress(externalIdentifier, type);
        createRequestBody(body);
        return run('apiConnections.create', [externalIdentifier, type, body], options, () => {
          const exists = connections.some(
            (connection) => connection.type === type && connection.record.ExternalIdentifier === externalIdentifier,
          );
          if (exists) {
            throw fakeApiError(409, ['An API connection of this type already exists for this External Identifier.']);
          }
          const number = tick();
          const record: ApiConnection = {
            Id: fakeClientId(number),
            Name: null,
            CreatedBy: ADMIN,
            ModifiedBy: null,
            CreatedDate: new Date(FAKE_EPOCH + number * 60_000).toISOString(),
            ModifiedDate: null,
            ExternalId: null,
            ETag: 'W/"1"',
            APIType: toApiTypeLabel(type),
            ClientId: fakeClientId(number),
            ClientName: null,
            Description: null,
            ExternalIdentifier: externalIdentifier,
            CorsOrigins: [],
            BackChannelLogoutURI: null,
            FrontChannelLogoutURI: null,
            RedirectURI: [],
            ClientSecret: null,
            // "The API-to-API connection is configured and activated." (PLATFORM.md §5)
            IsActive: true,
            AllowedScopes: [],
          };
          applyBody(record, body);
          connections.push({type, version: 1, record});
          // Only APItoAPI clients have a secret; a UItoAPI client is public (PKCE).
          return toResponse(record, type === 'APItoAPI' ? fakeSecret(number) : null);
        });
      },

      update(externalIdentifier, type, body, options) {
        checkAddress(externalIdentifier, type);
        createRequestBody(body);
        const {ifMatch} = requestOptions(options);
        return run('apiConnections.update', [externalIdentifier, type, body], options, () => {
          const connection = find(externalIdentifier, type);
          if (ifMatch !== undefined && ifMatch !== connection.record.ETag) {
            throw fakeApiError(412, ['The API connection was changed by someone else.']);
          }
          applyBody(connection.record, body);
          save(connection);
          // Every save of an APItoAPI connection regenerates its secret (PLATFORM.md §1.5).
          return toResponse(connection.record, connection.type === 'APItoAPI' ? fakeSecret(tick()) : null);
        });
      },

      setStatus(externalIdentifier, type, isActive, options) {
        checkAddress(externalIdentifier, type);
        if (typeof isActive !== 'boolean') throw new TypeError('"isActive" must be a boolean');
        return run('apiConnections.setStatus', [externalIdentifier, type, isActive], options, () => {
          const connection = find(externalIdentifier, type);
          connection.record.IsActive = isActive;
          save(connection);
          return true;
        });
      },
    },

    externalIntegrations: {
      list(params, options) {
        const query = integrationListQuery(params);
        return run('externalIntegrations.list', [params], options, () => {
          // The spec documents a default page size of 10 for this list (PLATFORM.md §2).
          const {page} = sortAndPage(integrations, query, (item, field) => item[field as keyof ExternalIntegration], {
            pageSize: 10,
          });
          return page;
        });
      },

      identityProviders(options) {
        return run('externalIntegrations.identityProviders', [], options, () => identityProviders);
      },
    },

    user: {
      info(options) {
        return run('user.info', [], options, () => user);
      },
    },
  };
}
