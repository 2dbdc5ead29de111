import {LIMITS} from './limits.js';

/**
 * Stable reason codes mapped to the one user-facing text each, as written in SECURITY-CASES.md (A1–A6).
 *
 * The element shows these texts under the field and the emulator returns the same text in `Errors[].Message`
 * (D-01), so a wording change here changes both. Texts never contain the value the user typed; where a case asks
 * for a suggested value, {@link reasonMessage} appends a value that the validator built itself.
 */
export const REASONS = {
  // A1 redirect URIs, and the URL rules that logout URIs share (A3-02).
  REDIRECT_URI_EMPTY: 'Enter a redirect URI or remove this row.',
  REDIRECT_URIS_REQUIRED: 'Add at least one redirect URI.',
  REDIRECT_URIS_TOO_MANY: `Too many redirect URIs (max ${LIMITS.redirectUris}).`,
  REDIRECT_URI_DUPLICATE: 'Duplicate redirect URI.',
  REDIRECT_URI_DUPLICATE_CASE: 'Duplicate (differs only in letter case).',
  REDIRECT_URI_FRAGMENT: "Redirect URIs can't contain a fragment (#…).",
  REDIRECT_URI_HTTP_NOT_ALLOWED: 'Use https:// (http is only allowed for 127.0.0.1, [::1] or localhost).',
  REDIRECT_URI_CUSTOM_SCHEME: "Custom URL schemes aren't supported for this connection type. Use an https:// URL.",
  URL_NOT_ABSOLUTE: 'Enter a full URL starting with https://',
  REDIRECT_URI_COMMA: "Redirect URIs can't contain a comma: the platform reads commas as separators. Encode it as %2C.",
  URL_WILDCARD: "Wildcards (*) aren't allowed. List each URI exactly.",
  URL_SCHEME_NOT_ALLOWED: "This URL scheme isn't allowed.",
  URL_USERINFO: 'Remove the user-name/password part (…@) from the URL.',
  URL_BACKSLASH: "URLs can't contain backslashes.",
  URL_INVISIBLE_CHARACTERS: 'URL contains spaces or invisible/control characters.',
  URL_CHARACTERS_NOT_ALLOWED: 'URL contains characters that must be percent-encoded, such as angle brackets or quotes.',
  URL_HOST_INVALID: 'Enter a valid host name.',
  URL_DOT_SEGMENT: "Remove '.' or '..' path segments; enter the final path.",
  URL_PORT_INVALID: 'Port must be between 1 and 65535.',
  URL_TOO_LONG: `URL is too long (max ${LIMITS.urlLength} characters).`,
  URL_TRIMMED: 'Leading and trailing spaces were removed.',
  URL_DEFAULT_PORT: 'Apps usually omit :443; the value your app sends must match exactly.',
  URL_HOST_NOT_CANONICAL:
    'Apps usually send this host in its standard form (lower case, xn--); the value your app sends must match exactly.',
  URL_DEVELOPMENT_ONLY: 'Development only',
  URL_PREFER_LOOPBACK_IP: 'Prefer 127.0.0.1',

  // A2 CORS origins.
  ORIGIN_EMPTY: 'Enter an origin or remove this row.',
  ORIGIN_HAS_PATH: 'An origin has no path, query or trailing slash.',
  ORIGIN_WILDCARD: "Wildcards aren't allowed. List each origin.",
  ORIGIN_NULL: "'null' isn't an allowed origin.",
  ORIGIN_MISSING_SCHEME: 'Include the scheme, e.g. https://app.example.com',
  ORIGIN_HTTP_NOT_ALLOWED: 'Use https:// (http only for 127.0.0.1, [::1] or localhost).',
  ORIGIN_USERINFO: 'Remove the user-name part (…@).',
  ORIGIN_DUPLICATE: 'Duplicate origin.',
  ORIGIN_SCHEME_NOT_SUPPORTED: 'Only https:// origins (or loopback http://) are supported.',
  ORIGIN_UNUSED: 'No redirect URI uses this origin.',
  ORIGIN_NORMALIZED: 'Origins are saved in lower case, with xn-- host names and without the default port.',
  CORS_ORIGINS_TOO_MANY: `Too many CORS origins (max ${LIMITS.corsOrigins}).`,

  // A3 logout URIs.
  LOGOUT_URI_FRAGMENT: "Logout URIs can't contain a fragment (#…).",
  LOGOUT_URI_HTTP_NOT_ALLOWED: 'Use https://.',
  LOGOUT_URI_PRIVATE_ADDRESS: "The identity service can't call private network addresses.",
  FRONT_CHANNEL_ORIGIN_MISMATCH:
    'Front-channel logout URL must use the same scheme, host and port as one of the redirect URIs.',
  FIELD_NOT_FOR_API_TO_API: 'API-to-API connections have no redirect URIs, CORS origins or logout URIs.',

  // A4 scopes.
  SCOPES_TOO_MANY: `Too many scopes (max ${LIMITS.scopes}).`,
  SCOPE_EMPTY: 'Enter a scope or remove this row.',
  SCOPE_HAS_SPACE: 'One scope per entry (no spaces).',
  SCOPE_CHARACTERS_NOT_ALLOWED: "Scope contains characters that aren't allowed.",
  SCOPE_TOO_LONG: `Scope is too long (max ${LIMITS.scopeLength} characters).`,
  SCOPE_DUPLICATE: 'Duplicate scope removed.',
  SCOPE_OFFLINE_ACCESS: 'Issues refresh tokens to a browser app.',

  // A5 other fields and the connection type.
  NAME_REQUIRED: 'Enter a name.',
  NAME_TOO_LONG: `Name must be ${LIMITS.nameLength} characters or fewer.`,
  NAME_INVISIBLE_CHARACTERS: 'Name contains invisible or control characters.',
  DESCRIPTION_TOO_LONG: `Description must be ${LIMITS.descriptionLength} characters or fewer.`,
  DESCRIPTION_INVISIBLE_CHARACTERS: 'Description contains invisible or control characters.',
  IDENTIFIER_REQUIRED: 'Choose an external identifier.',
  IDENTIFIER_CHARACTERS_NOT_ALLOWED: "Identifier may contain letters, digits, '-' and '_' only.",
  IDENTIFIER_TOO_LONG: `Identifier must be ${LIMITS.externalIdentifierLength} characters or fewer.`,
  CONNECTION_TYPE_REQUIRED: 'Choose a connection type.',

  // A6 list parameters.
  SORT_FIELD_NOT_ALLOWED: "The list can't be sorted by this field.",
  SORT_DIRECTION_INVALID: 'Sort direction must be ASC or DESC.',
  PAGE_SIZE_OUT_OF_RANGE: `Page size must be a whole number from 1 to ${LIMITS.pageSizeMax}.`,
  PAGE_NUMBER_INVALID: 'Page number must be a whole number of 1 or more.',
} as const;

/** A stable reason code; the UI and tests switch on it, never on the message text. */
export type ReasonCode = keyof typeof REASONS;

/**
 * Words placed before a suggested value, for the reasons whose case shows one (A1-16, A2-02, A2-07).
 * The suggested value is always built by the validator from a parsed URL, never copied from the raw input.
 */
export const SUGGESTION_LEADS: Partial<Record<ReasonCode, string>> = {
  ORIGIN_HAS_PATH: 'Use',
  ORIGIN_NORMALIZED: 'Saved as',
  URL_HOST_NOT_CANONICAL: 'Usual form:',
};

/** Builds the message for a reason, appending the suggested value where the reason shows one. */
export function reasonMessage(code: ReasonCode, suggestion?: string): string {
  const lead = SUGGESTION_LEADS[code];
  return lead !== undefined && suggestion !== undefined ? `${REASONS[code]} ${lead} ${suggestion}` : REASONS[code];
}
