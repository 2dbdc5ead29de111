/**
 * The validation reasons (`@conga-connections/validation`'s `REASONS`) as lit-localize extracts them (issue 17): the
 * English word for word, each under the id `reasons.<CODE>`, a limit as the `${LIMITS.…}` placeholder the
 * translations (l10n/translations/by-id) key. The element never imports this module: its English is already in the
 * form chunk, once, as the validation package's text, so reason-text.ts looks a translation up by that id and falls
 * back to `REASONS` (the form chunk grows by the lookup only; issue 7's first-visit budget). reason-text.test.ts checks
 * that this English is `REASONS` and that reason-text.ts knows each placeholder.
 */
import {LIMITS, type ReasonCode} from '@conga-connections/validation';
import {msg, str} from '../../localize.js';

export const reasonCatalogue = (): Record<ReasonCode, string> => ({
  REDIRECT_URI_EMPTY: msg('Enter a redirect URI or remove this row.', {id: 'reasons.REDIRECT_URI_EMPTY'}),
  REDIRECT_URIS_REQUIRED: msg('Add at least one redirect URI.', {id: 'reasons.REDIRECT_URIS_REQUIRED'}),
  REDIRECT_URIS_TOO_MANY: msg(str`Too many redirect URIs (max ${LIMITS.redirectUris}).`, {
    id: 'reasons.REDIRECT_URIS_TOO_MANY',
  }),
  REDIRECT_URI_DUPLICATE: msg('Duplicate redirect URI.', {id: 'reasons.REDIRECT_URI_DUPLICATE'}),
  REDIRECT_URI_DUPLICATE_CASE: msg('Duplicate (differs only in letter case).', {
    id: 'reasons.REDIRECT_URI_DUPLICATE_CASE',
  }),
  REDIRECT_URI_FRAGMENT: msg("Redirect URIs can't contain a fragment (#…).", {id: 'reasons.REDIRECT_URI_FRAGMENT'}),
  REDIRECT_URI_HTTP_NOT_ALLOWED: msg('Use https:// (http is only allowed for 127.0.0.1, [::1] or localhost).', {
    id: 'reasons.REDIRECT_URI_HTTP_NOT_ALLOWED',
  }),
  REDIRECT_URI_CUSTOM_SCHEME: msg(
    "Custom URL schemes aren't supported for this connection type. Use an https:// URL.",
    {id: 'reasons.REDIRECT_URI_CUSTOM_SCHEME'},
  ),
  URL_NOT_ABSOLUTE: msg('Enter a full URL starting with https://', {id: 'reasons.URL_NOT_ABSOLUTE'}),
  REDIRECT_URI_COMMA: msg(
    "Redirect URIs can't contain a comma: the platform reads commas as separators. Encode it as %2C.",
    {id: 'reasons.REDIRECT_URI_COMMA'},
  ),
  URL_WILDCARD: msg("Wildcards (*) aren't allowed. List each URI exactly.", {id: 'reasons.URL_WILDCARD'}),
  URL_SCHEME_NOT_ALLOWED: msg("This URL scheme isn't allowed.", {id: 'reasons.URL_SCHEME_NOT_ALLOWED'}),
  URL_USERINFO: msg('Remove the user-name/password part (…@) from the URL.', {id: 'reasons.URL_USERINFO'}),
  URL_BACKSLASH: msg("URLs can't contain backslashes.", {id: 'reasons.URL_BACKSLASH'}),
  URL_INVISIBLE_CHARACTERS: msg('URL contains spaces or invisible/control characters.', {
    id: 'reasons.URL_INVISIBLE_CHARACTERS',
  }),
  URL_CHARACTERS_NOT_ALLOWED: msg(
    'URL contains characters that must be percent-encoded, such as angle brackets or quotes.',
    {id: 'reasons.URL_CHARACTERS_NOT_ALLOWED'},
  ),
  URL_HOST_INVALID: msg('Enter a valid host name.', {id: 'reasons.URL_HOST_INVALID'}),
  URL_DOT_SEGMENT: msg("Remove '.' or '..' path segments; enter the final path.", {id: 'reasons.URL_DOT_SEGMENT'}),
  URL_PORT_INVALID: msg('Port must be between 1 and 65535.', {id: 'reasons.URL_PORT_INVALID'}),
  URL_TOO_LONG: msg(str`URL is too long (max ${LIMITS.urlLength} characters).`, {id: 'reasons.URL_TOO_LONG'}),
  URL_TRIMMED: msg('Leading and trailing spaces were removed.', {id: 'reasons.URL_TRIMMED'}),
  URL_DEFAULT_PORT: msg('Apps usually omit :443; the value your app sends must match exactly.', {
    id: 'reasons.URL_DEFAULT_PORT',
  }),
  URL_HOST_NOT_CANONICAL: msg(
    'Apps usually send this host in its standard form (lower case, xn--); the value your app sends must match exactly.',
    {id: 'reasons.URL_HOST_NOT_CANONICAL'},
  ),
  URL_DEVELOPMENT_ONLY: msg('Development only', {id: 'reasons.URL_DEVELOPMENT_ONLY'}),
  URL_PREFER_LOOPBACK_IP: msg('Prefer 127.0.0.1', {id: 'reasons.URL_PREFER_LOOPBACK_IP'}),
  ORIGIN_EMPTY: msg('Enter an origin or remove this row.', {id: 'reasons.ORIGIN_EMPTY'}),
  ORIGIN_HAS_PATH: msg('An origin has no path, query or trailing slash.', {id: 'reasons.ORIGIN_HAS_PATH'}),
  ORIGIN_WILDCARD: msg("Wildcards aren't allowed. List each origin.", {id: 'reasons.ORIGIN_WILDCARD'}),
  ORIGIN_NULL: msg("'null' isn't an allowed origin.", {id: 'reasons.ORIGIN_NULL'}),
  ORIGIN_MISSING_SCHEME: msg('Include the scheme, e.g. https://app.example.com', {id: 'reasons.ORIGIN_MISSING_SCHEME'}),
  ORIGIN_HTTP_NOT_ALLOWED: msg('Use https:// (http only for 127.0.0.1, [::1] or localhost).', {
    id: 'reasons.ORIGIN_HTTP_NOT_ALLOWED',
  }),
  ORIGIN_USERINFO: msg('Remove the user-name part (…@).', {id: 'reasons.ORIGIN_USERINFO'}),
  ORIGIN_DUPLICATE: msg('Duplicate origin.', {id: 'reasons.ORIGIN_DUPLICATE'}),
  ORIGIN_SCHEME_NOT_SUPPORTED: msg('Only https:// origins (or loopback http://) are supported.', {
    id: 'reasons.ORIGIN_SCHEME_NOT_SUPPORTED',
  }),
  ORIGIN_UNUSED: msg('No redirect URI uses this origin.', {id: 'reasons.ORIGIN_UNUSED'}),
  ORIGIN_NORMALIZED: msg('Origins are saved in lower case, with xn-- host names and without the default port.', {
    id: 'reasons.ORIGIN_NORMALIZED',
  }),
  CORS_ORIGINS_TOO_MANY: msg(str`Too many CORS origins (max ${LIMITS.corsOrigins}).`, {
    id: 'reasons.CORS_ORIGINS_TOO_MANY',
  }),
  LOGOUT_URI_FRAGMENT: msg("Logout URIs can't contain a fragment (#…).", {id: 'reasons.LOGOUT_URI_FRAGMENT'}),
  LOGOUT_URI_HTTP_NOT_ALLOWED: msg('Use https://.', {id: 'reasons.LOGOUT_URI_HTTP_NOT_ALLOWED'}),
  LOGOUT_URI_PRIVATE_ADDRESS: msg("The identity service can't call private network addresses.", {
    id: 'reasons.LOGOUT_URI_PRIVATE_ADDRESS',
  }),
  FRONT_CHANNEL_ORIGIN_MISMATCH: msg(
    'Front-channel logout URL must use the same scheme, host and port as one of the redirect URIs.',
    {id: 'reasons.FRONT_CHANNEL_ORIGIN_MISMATCH'},
  ),
  FIELD_NOT_FOR_API_TO_API: msg('API-to-API connections have no redirect URIs, CORS origins or logout URIs.', {
    id: 'reasons.FIELD_NOT_FOR_API_TO_API',
  }),
  SCOPES_TOO_MANY: msg(str`Too many scopes (max ${LIMITS.scopes}).`, {id: 'reasons.SCOPES_TOO_MANY'}),
  SCOPE_EMPTY: msg('Enter a scope or remove this row.', {id: 'reasons.SCOPE_EMPTY'}),
  SCOPE_HAS_SPACE: msg('One scope per entry (no spaces).', {id: 'reasons.SCOPE_HAS_SPACE'}),
  SCOPE_CHARACTERS_NOT_ALLOWED: msg("Scope contains characters that aren't allowed.", {
    id: 'reasons.SCOPE_CHARACTERS_NOT_ALLOWED',
  }),
  SCOPE_TOO_LONG: msg(str`Scope is too long (max ${LIMITS.scopeLength} characters).`, {id: 'reasons.SCOPE_TOO_LONG'}),
  SCOPE_DUPLICATE: msg('Duplicate scope removed.', {id: 'reasons.SCOPE_DUPLICATE'}),
  SCOPE_OFFLINE_ACCESS: msg('Issues refresh tokens to a browser app.', {id: 'reasons.SCOPE_OFFLINE_ACCESS'}),
  NAME_REQUIRED: msg('Enter a name.', {id: 'reasons.NAME_REQUIRED'}),
  NAME_TOO_LONG: msg(str`Name must be ${LIMITS.nameLength} characters or fewer.`, {id: 'reasons.NAME_TOO_LONG'}),
  NAME_INVISIBLE_CHARACTERS: msg('Name contains invisible or control characters.', {
    id: 'reasons.NAME_INVISIBLE_CHARACTERS',
  }),
  DESCRIPTION_TOO_LONG: msg(str`Description must be ${LIMITS.descriptionLength} characters or fewer.`, {
    id: 'reasons.DESCRIPTION_TOO_LONG',
  }),
  DESCRIPTION_INVISIBLE_CHARACTERS: msg('Description contains invisible or control characters.', {
    id: 'reasons.DESCRIPTION_INVISIBLE_CHARACTERS',
  }),
  IDENTIFIER_REQUIRED: msg('Choose an external identifier.', {id: 'reasons.IDENTIFIER_REQUIRED'}),
  IDENTIFIER_CHARACTERS_NOT_ALLOWED: msg("Identifier may contain letters, digits, '-' and '_' only.", {
    id: 'reasons.IDENTIFIER_CHARACTERS_NOT_ALLOWED',
  }),
  IDENTIFIER_TOO_LONG: msg(str`Identifier must be ${LIMITS.externalIdentifierLength} characters or fewer.`, {
    id: 'reasons.IDENTIFIER_TOO_LONG',
  }),
  CONNECTION_TYPE_REQUIRED: msg('Choose a connection type.', {id: 'reasons.CONNECTION_TYPE_REQUIRED'}),
  SORT_FIELD_NOT_ALLOWED: msg("The list can't be sorted by this field.", {id: 'reasons.SORT_FIELD_NOT_ALLOWED'}),
  SORT_DIRECTION_INVALID: msg('Sort direction must be ASC or DESC.', {id: 'reasons.SORT_DIRECTION_INVALID'}),
  PAGE_SIZE_OUT_OF_RANGE: msg(str`Page size must be a whole number from 1 to ${LIMITS.pageSizeMax}.`, {
    id: 'reasons.PAGE_SIZE_OUT_OF_RANGE',
  }),
  PAGE_NUMBER_INVALID: msg('Page number must be a whole number of 1 or more.', {id: 'reasons.PAGE_NUMBER_INVALID'}),
});

/** The words before a suggested value (the validation package's `SUGGESTION_LEADS`), each under `reasons.<CODE>.lead`. */
export const leadCatalogue = (): Partial<Record<ReasonCode, string>> => ({
  ORIGIN_HAS_PATH: msg('Use', {id: 'reasons.ORIGIN_HAS_PATH.lead'}),
  ORIGIN_NORMALIZED: msg('Saved as', {id: 'reasons.ORIGIN_NORMALIZED.lead'}),
  URL_HOST_NOT_CANONICAL: msg('Usual form:', {id: 'reasons.URL_HOST_NOT_CANONICAL.lead'}),
});
