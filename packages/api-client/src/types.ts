/**
 * Wire types of the Conga user-management API, with the platform's field names kept exactly
 * (PascalCase, no renaming layer). Values are normalized once by `parse.ts`; see each field's note.
 */

/** The two connection types, as the `apiConnectionType` query parameter spells them. */
export const CONNECTION_TYPES = ['APItoAPI', 'UItoAPI'] as const;

/** A connection type: `APItoAPI` (confidential client with a secret) or `UItoAPI` (public PKCE client). */
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

/**
 * The fields the API connection list may be sorted by (A6-01: nothing else is ever sent). The shared rules hold the
 * same list; it is written here again so the list's module doesn't pull the rules into the main bundle (they load
 * with the form), and a test keeps the two equal.
 */
export const SORT_FIELDS = [
  'APIType',
  'ClientName',
  'ClientId',
  'ExternalIdentifier',
  'IsActive',
  'Description',
  'CreatedDate',
  'ModifiedDate',
] as const;

/** A field the API connection list may be sorted by. */
export type SortField = (typeof SORT_FIELDS)[number];

/** A sort direction; the platform defaults to `DESC` when a sort field is given. */
export type SortDirection = 'ASC' | 'DESC';

/** The platform's `LookupObject`: a reference to another record. */
export interface LookupObject {
  Id: string | null;
  Name: string | null;
}

/** The body of a create (POST) or update (PUT) of an API connection (`APIConnectionCreateRequest`). */
export interface ApiConnectionCreateRequest {
  Description?: string | null;
  ClientName?: string | null;
  CorsOrigins?: string[] | null;
  BackChannelLogoutURI?: string | null;
  FrontChannelLogoutURI?: string | null;
  RedirectURI?: string[] | null;
  AllowedScopes?: string[] | null;
}

/**
 * One API connection as the list, create and update return it (`APIConnectionResponse`).
 * `CorsOrigins`, `RedirectURI` and `AllowedScopes` are always arrays here (null reads as `[]`), and an empty
 * `ClientSecret` reads as `null`: only a create or update of an `APItoAPI` connection carries a secret.
 */
export interface ApiConnectionResponse {
  /** The display name of the type, e.g. `API to API`; see `toConnectionType()`. */
  APIType: string | null;
  ClientId: string | null;
  ClientName: string | null;
  Description: string | null;
  ExternalIdentifier: string | null;
  CorsOrigins: string[];
  BackChannelLogoutURI: string | null;
  FrontChannelLogoutURI: string | null;
  RedirectURI: string[];
  ClientSecret: string | null;
  IsActive: boolean;
  AllowedScopes: string[];
}

/**
 * One API connection as the GET-by-identifier returns it (`APIConnection`): the response fields plus the base record.
 * Dates are ISO-8601 UTC strings, or `null` when the platform sends .NET's minimum date ("unknown").
 */
export interface ApiConnection extends ApiConnectionResponse {
  Id: string | null;
  Name: string | null;
  CreatedBy: LookupObject | null;
  ModifiedBy: LookupObject | null;
  CreatedDate: string | null;
  ModifiedDate: string | null;
  ExternalId: string | null;
  /** Send it back as `ifMatch` on update so a concurrent change answers 412 (C2-03). */
  ETag: string | null;
  /**
   * Not a wire field: the list fields the platform sent as null (or left out) rather than as a list. They read as
   * `[]` above; a save that doesn't change them sends null back, because the GET-by-identifier example leaves them
   * null even where the list shows values, and a null read must not become an emptied field (issue 12).
   */
  nullLists?: readonly ListFieldName[];
}

/** The connection fields that hold lists of strings. */
export type ListFieldName = 'CorsOrigins' | 'RedirectURI' | 'AllowedScopes';

/** One page of the API connection list, with the envelope's counters. */
export interface ConnectionPage {
  items: ApiConnectionResponse[];
  recordCount: number | null;
  hasMoreRecords: boolean | null;
}

/** One external integration identifier: the source of the External Identifier drop-down (shape undocumented, PLATFORM.md §2). */
export interface ExternalIntegration {
  Id?: string | null;
  ExternalId: string;
  Type?: string | null;
  Description?: string | null;
  Provider?: string | null;
  DefaultIdp?: boolean | null;
  EmailDomain?: string | null;
  DisplayName?: string | null;
}

/** One identity provider the platform supports (`IDPMaster`). */
export interface IdentityProvider {
  Name: string | null;
  ACRName: string | null;
}

/** The signed-in user (`UserResponse`), reduced to the fields the UI uses; other fields are dropped, not rejected. */
export interface UserInfo {
  Id?: string | null;
  Name?: string | null;
  FirstName?: string | null;
  LastName?: string | null;
  UserName?: string | null;
  Email?: string | null;
  Role?: LookupObject | null;
  /** A comma-separated list, e.g. `SchemaManager,Templates`. */
  AdminPermissions?: string | null;
  UserType?: string | null;
  OrganizationExternalId?: string | null;
  Locale?: string | null;
  Timezone?: string | null;
  IsActive?: boolean | null;
}

/** Options every API method takes. */
export interface RequestOptions {
  /** Aborts the request; the promise then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
  /** Sent as `If-Match`, so a stale update answers 412 instead of overwriting (C2-03). */
  ifMatch?: string;
}

/** Paging and sorting of the API connection list. */
export interface ConnectionListParams {
  sortField?: SortField;
  sortDirection?: SortDirection;
  /** Clamped to 1..500 (A6-02). */
  pageSize?: number;
  /** 1-based; values below 1 are clamped to 1. */
  pageNumber?: number;
}

/** Paging and sorting of the external integration list. */
export interface IntegrationListParams {
  /** A field name such as `Type`; anything but letters and digits throws a `TypeError`. */
  sortField?: string;
  sortDirection?: SortDirection;
  /** Clamped to 1..500. */
  pageSize?: number;
  /** 1-based; values below 1 are clamped to 1. */
  pageNumber?: number;
}

/** The typed client for the API Connections, External Integrations and user-info endpoints. */
export interface ApiClient {
  apiConnections: {
    /** Lists one page of the organization's API connections. */
    list(params?: ConnectionListParams, options?: RequestOptions): Promise<ConnectionPage>;
    /** Reads one connection; a missing one rejects with `API_NOT_FOUND`. */
    get(externalIdentifier: string, type: ConnectionType, options?: RequestOptions): Promise<ApiConnection>;
    /** Creates a connection; for `APItoAPI` the result holds the only copy of the `ClientSecret`. Never retried. */
    create(
      externalIdentifier: string,
      type: ConnectionType,
      body: ApiConnectionCreateRequest,
      options?: RequestOptions,
    ): Promise<ApiConnectionResponse>;
    /** Updates a connection; for `APItoAPI` this regenerates the secret and returns it once. */
    update(
      externalIdentifier: string,
      type: ConnectionType,
      body: ApiConnectionCreateRequest,
      options?: RequestOptions,
    ): Promise<ApiConnectionResponse>;
    /** Activates or deactivates a connection (the platform has no delete). */
    setStatus(
      externalIdentifier: string,
      type: ConnectionType,
      isActive: boolean,
      options?: RequestOptions,
    ): Promise<boolean>;
  };
  externalIntegrations: {
    /** Lists the organization's external integration identifiers. */
    list(params?: IntegrationListParams, options?: RequestOptions): Promise<ExternalIntegration[]>;
    /** Lists the identity providers the platform offers. */
    identityProviders(options?: RequestOptions): Promise<IdentityProvider[]>;
  };
  user: {
    /** Reads the signed-in user. */
    info(options?: RequestOptions): Promise<UserInfo>;
  };
}

/**
 * Maps the display value of `APIType` (`API to API`, `UI to API`, or the query spelling) to a `ConnectionType`.
 * Returns `null` for anything else, so the UI can show the raw value instead of guessing.
 */
export function toConnectionType(apiType: string | null | undefined): ConnectionType | null {
  if (typeof apiType !== 'string') return null;
  // The platform shows "API to API"; other pages write "API-to-API" or "APItoAPI".
  const compact = apiType.replace(/[\s_-]+/g, '').toLowerCase();
  if (compact === 'apitoapi') return 'APItoAPI';
  if (compact === 'uitoapi') return 'UItoAPI';
  return null;
}

/** The display value the platform uses in `APIType` for a connection type. */
export function toApiTypeLabel(type: ConnectionType): string {
  return type === 'APItoAPI' ? 'API to API' : 'UI to API';
}
