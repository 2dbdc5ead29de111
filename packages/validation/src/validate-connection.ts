/**
 * The whole connection: the shape of a request body, the UI-only fields, and {@link validateConnection}, which runs
 * every field rule for the connection's type and derives the normalized body.
 */
import {checkCorsOrigins, normalizeOrigin} from './cors-origins.js';
import {
  checkClientName,
  checkConnectionType,
  checkDescription,
  checkExternalIdentifier,
  parseConnectionType,
} from './fields.js';
import {issue, toFinding} from './issues.js';
import {checkScopes} from './scopes.js';
import {
  CONNECTION_TYPES,
  UI_ONLY_FIELDS,
  type ConnectionDraft,
  type ConnectionValue,
  type FieldName,
  type Finding,
  type ValidationOptions,
  type ValidationResult,
} from './types.js';
import {checkBackChannelLogoutUri, checkFrontChannelLogoutUri, checkRedirectUris} from './urls.js';

function hasListValues(values: readonly string[] | null | undefined): boolean {
  return (values ?? []).some((value) => value.trim() !== '');
}

function hasTextValue(value: string | null | undefined): boolean {
  return (value ?? '').trim() !== '';
}

const TEXT_FIELDS = [
  'ExternalIdentifier',
  'ClientName',
  'Description',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
];
const LIST_FIELDS = ['RedirectURI', 'CorsOrigins', 'AllowedScopes'];

/**
 * Tells whether a parsed JSON body has the shape of a {@link ConnectionDraft} (each known field a string, a string
 * array or null), so the emulator can answer 400 before validating; other keys are left to the caller.
 */
export function isConnectionDraft(value: unknown): value is ConnectionDraft {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  const textOk = TEXT_FIELDS.every((field) => record[field] == null || typeof record[field] === 'string');
  const listOk = LIST_FIELDS.every((field) => {
    const list = record[field];
    return list == null || (Array.isArray(list) && list.every((item) => typeof item === 'string'));
  });
  return textOk && listOk;
}

/** Lists the UI-only fields that hold a value, so the form can confirm before a switch to `APItoAPI` clears them (A5-05). */
export function uiOnlyFieldsWithValues(draft: ConnectionDraft): FieldName[] {
  return UI_ONLY_FIELDS.filter((field) => {
    const value = draft[field];
    return typeof value === 'string' || value === null || value === undefined
      ? hasTextValue(value)
      : hasListValues(value);
  });
}

/**
 * Validates a whole connection for its type and returns every finding plus the normalized body to send or store; the
 * element calls it on submit and the emulator on every write (D-01).
 *
 * @example
 * const result = validateConnection(draft, {type: 'UItoAPI'});
 * if (!result.valid) showErrors(result.errors); else await api.apiConnections.create(id, type, result.value);
 */
export function validateConnection(draft: ConnectionDraft, options: ValidationOptions): ValidationResult {
  const type = parseConnectionType(options.type);
  const devMode = options.devMode ?? false;
  const findings: Finding[] = [...checkConnectionType(options.type)];
  findings.push(...checkExternalIdentifier(draft.ExternalIdentifier ?? ''));
  findings.push(...checkClientName(draft.ClientName ?? ''));
  findings.push(...checkDescription(draft.Description ?? ''));

  const redirectUris = draft.RedirectURI ?? [];
  const corsOrigins = draft.CorsOrigins ?? [];
  const backChannel = (draft.BackChannelLogoutURI ?? '').trim();
  const frontChannel = (draft.FrontChannelLogoutURI ?? '').trim();
  const scopes = draft.AllowedScopes ?? [];
  const value: ConnectionValue = {
    ClientName: (draft.ClientName ?? '').trim(),
    Description: draft.Description ?? '',
    RedirectURI: [],
    CorsOrigins: [],
    BackChannelLogoutURI: null,
    FrontChannelLogoutURI: null,
    AllowedScopes: [...new Set(scopes)],
  };

  if (type === CONNECTION_TYPES.apiToApi) {
    // A client-credentials client never sees a browser: redirect, CORS and logout values would be dead
    // configuration, so they are refused rather than silently dropped (A3-07, A5-05).
    for (const field of uiOnlyFieldsWithValues(draft)) {
      findings.push(toFinding(field, issue('FIELD_NOT_FOR_API_TO_API')));
    }
  } else if (type === CONNECTION_TYPES.uiToApi) {
    findings.push(...checkRedirectUris(redirectUris));
    findings.push(...checkCorsOrigins(corsOrigins, redirectUris));
    findings.push(...checkBackChannelLogoutUri(draft.BackChannelLogoutURI ?? '', {devMode}));
    findings.push(...checkFrontChannelLogoutUri(draft.FrontChannelLogoutURI ?? '', redirectUris, {devMode}));
    // Matching is exact (RFC 9700 §4.1.3), so the stored redirect URI is the trimmed text, never re-serialized.
    value.RedirectURI = redirectUris.map((uri) => uri.trim());
    value.CorsOrigins = corsOrigins.map((origin) => normalizeOrigin(origin) ?? origin.trim());
    value.BackChannelLogoutURI = backChannel === '' ? null : backChannel;
    value.FrontChannelLogoutURI = frontChannel === '' ? null : frontChannel;
  }
  if (type !== null) findings.push(...checkScopes(scopes, {type}));

  const errors = findings.filter((finding) => finding.severity === 'error');
  const warnings = findings.filter((finding) => finding.severity !== 'error');
  return {valid: errors.length === 0, errors, warnings, value};
}
