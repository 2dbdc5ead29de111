/**
 * The public types and constants of the connection rules: connection types, the checked fields and their wire names,
 * the list endpoint's sort options, and the shape of a finding, a draft and a validation result.
 */
import type {ReasonCode} from './reasons.js';

/** The two connection types, as the API's `apiConnectionType` query parameter spells them. */
export const CONNECTION_TYPES = {apiToApi: 'APItoAPI', uiToApi: 'UItoAPI'} as const;

/** A connection type: `APItoAPI` (confidential, client credentials only) or `UItoAPI` (public client, PKCE). */
export type ConnectionType = (typeof CONNECTION_TYPES)[keyof typeof CONNECTION_TYPES];

/** The form fields the rules check, with their wire names (`APIConnectionCreateRequest` plus `ExternalIdentifier`). */
export const FIELDS = [
  'ExternalIdentifier',
  'ClientName',
  'Description',
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
] as const;

/** One of {@link FIELDS}. */
export type FieldName = (typeof FIELDS)[number];

/** The fields that only a `UItoAPI` connection has; an `APItoAPI` connection sends none of them (A3-07, A5-05). */
export const UI_ONLY_FIELDS = ['RedirectURI', 'CorsOrigins', 'BackChannelLogoutURI', 'FrontChannelLogoutURI'] as const;

/** The list endpoint's sortable fields; anything else is never sent by the UI and is refused by the emulator (A6-01). */
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

/** One of {@link SORT_FIELDS}. */
export type SortField = (typeof SORT_FIELDS)[number];

/** The list endpoint's sort directions. */
export const SORT_DIRECTIONS = ['ASC', 'DESC'] as const;

/** One problem, warning or notice about one value, ready to show under its field. */
export interface Finding {
  field: FieldName | 'apiConnectionType' | 'sortField' | 'sortDirection' | 'pageSize' | 'pageNumber';
  /** Row index for list fields (`RedirectURI[1]`). */
  index?: number;
  code: ReasonCode;
  /** `REASONS[code]`, followed by the suggested or normalized value where the case shows one. */
  message: string;
  /** `error` blocks saving; `warning` and `notice` don't. */
  severity: 'error' | 'warning' | 'notice';
  /** The value the validator would store or suggests instead (trimmed URI, normalized origin, xn-- host form). */
  normalized?: string;
  /**
   * The value `message` ends with, where the case shows one (A1-16, A2-02, A2-07): kept apart so that a UI showing
   * the reason in another language can append it after its own words (the widget's reason-messages.ts).
   */
  suggestion?: string;
}

/** A connection as the form or a REST body holds it: wire names, every field optional and nullable. */
export interface ConnectionDraft {
  ExternalIdentifier?: string | null;
  ClientName?: string | null;
  Description?: string | null;
  RedirectURI?: readonly string[] | null;
  CorsOrigins?: readonly string[] | null;
  BackChannelLogoutURI?: string | null;
  FrontChannelLogoutURI?: string | null;
  AllowedScopes?: readonly string[] | null;
}

/** The normalized request body that {@link validateConnection} derives from a draft. */
export interface ConnectionValue {
  ClientName: string;
  Description: string;
  RedirectURI: string[];
  CorsOrigins: string[];
  BackChannelLogoutURI: string | null;
  FrontChannelLogoutURI: string | null;
  AllowedScopes: string[];
}

/** Options for {@link validateConnection}. */
export interface ValidationOptions {
  type: ConnectionType;
  /** Allows loopback and private-network logout targets, as the emulator's dev mode does (A3-03, A3-04). */
  devMode?: boolean;
}

/** The outcome of {@link validateConnection}. */
export interface ValidationResult {
  /** True when there are no errors; warnings and notices never block saving. */
  valid: boolean;
  errors: Finding[];
  /** Every non-blocking finding: severity `warning` or `notice`. */
  warnings: Finding[];
  /** The body to send or store; meaningful only when `valid` is true. */
  value: ConnectionValue;
}
