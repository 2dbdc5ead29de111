import {LIMITS} from './limits.js';
import {reasonMessage, type ReasonCode} from './reasons.js';

// ---------------------------------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------------
// Shared helpers
// ---------------------------------------------------------------------------------------------------------------------

type Severity = Finding['severity'];

/** A finding before it is attached to a field. */
interface Issue {
  code: ReasonCode;
  severity: Severity;
  normalized?: string;
  /** Value appended to the message; always built by the validator, never the raw input. */
  suggestion?: string;
}

function issue(code: ReasonCode, severity: Severity = 'error', extra: Omit<Issue, 'code' | 'severity'> = {}): Issue {
  return {code, severity, ...extra};
}

function toFinding(field: Finding['field'], item: Issue, index?: number): Finding {
  const result: Finding = {
    field,
    code: item.code,
    message: reasonMessage(item.code, item.suggestion),
    severity: item.severity,
  };
  if (index !== undefined) result.index = index;
  if (item.normalized !== undefined) result.normalized = item.normalized;
  return result;
}

function toFindings(field: Finding['field'], items: readonly Issue[], index?: number): Finding[] {
  return items.map((item) => toFinding(field, item, index));
}

function hasError(items: readonly Issue[]): boolean {
  return items.some((item) => item.severity === 'error');
}

/** Counts code points, so an emoji or another astral character counts once. */
function codePointLength(value: string): number {
  return Array.from(value).length;
}

/** Length check that stays cheap for huge inputs: a string never has more code points than UTF-16 units. */
function longerThan(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > max * 2) return true;
  return codePointLength(value) > max;
}

// ---------------------------------------------------------------------------------------------------------------------
// URLs: redirect URIs (A1) and logout URIs (A3)
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Characters that make a URL differ from what the admin sees: whitespace, C0/C1 controls, format characters
 * (zero-width, bidi embeddings/overrides/isolates, soft hyphen, tags), lone surrogates, Hangul fillers, the
 * combining grapheme joiner and variation selectors. Redirect matching is exact (RFC 6749 §3.1.2, RFC 9700 §4.1.3),
 * so a URL that looks right but isn't must be refused rather than silently cleaned.
 */
const URL_INVISIBLE_PATTERN = /[\p{Cc}\p{Cf}\p{Z}\p{Cs}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]|\u034F/u;
const URL_INVISIBLE_GLOBAL = new RegExp(URL_INVISIBLE_PATTERN.source, 'gu');

/** A URL scheme per RFC 3986 §3.1. */
const SCHEME_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** `app.example.com:8080/cb` is a host and port without a scheme, not a URL whose scheme is `app.example.com`. */
const HOST_AND_PORT_PATTERN = /^[^:/?#]+:\d+(?:[/?#]|$)/;

/**
 * Schemes that are dangerous (script execution, local files, browser internals) or simply not web redirect targets.
 * They get "This URL scheme isn't allowed." Any other syntactically valid scheme is a custom (native-app) scheme and
 * gets the A1-20 message instead.
 */
const DISALLOWED_SCHEMES: ReadonlySet<string> = new Set([
  'javascript',
  'livescript',
  'vbscript',
  'data',
  'file',
  'filesystem',
  'blob',
  'about',
  'view-source',
  'jar',
  'ws',
  'wss',
  'mailto',
  'tel',
  'sms',
  'ftp',
  'ftps',
  'sftp',
  'gopher',
  'intent',
  'chrome',
  'chrome-extension',
  'moz-extension',
  'safari-web-extension',
  'ms-browser-extension',
  'resource',
]);

/** Characters RFC 3986 never allows unencoded; WHATWG parsers silently percent-encode them, so the stored value would differ. */
const UNENCODED_CHARACTERS_PATTERN = /[<>"{}|^`]|%(?![0-9A-Fa-f]{2})/;

/** A path segment that resolves to `.` or `..`, also percent-encoded or with a `;` parameter (the `..;` trick). */
const DOT_SEGMENT_PATTERN = /^(?:\.|%2e){1,2}(?:;.*)?$/i;

/** Host names after WHATWG parsing (lower case, punycode): letters, digits, '-', '_', dots; or an IPv6 literal. */
const SAFE_HOST_PATTERN = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;

/** The hosts for which plain `http:` is accepted: loopback only, as RFC 8252 §7.3 allows for native apps. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

type UrlProfile = 'redirect' | 'backChannel' | 'frontChannel';

interface UrlAnalysis {
  trimmed: string;
  issues: Issue[];
  /** The parsed URL, present when the value has no error. */
  url?: URL;
}

interface Authority {
  rawScheme: string;
  host: string;
  port: string | undefined;
  /** Path, query and fragment exactly as typed. */
  rest: string;
}

/**
 * The host and port checks every URL-like field shares, after its authority was split: a parsed URL, or the reason
 * it isn't one. Ports are read from the raw string because `new URL` throws on 99999 (A1-13).
 */
function parseHost(trimmed: string, parts: Authority): URL | ReasonCode {
  if (parts.port !== undefined && !isValidPort(parts.port)) return 'URL_PORT_INVALID';
  if (parts.host === '' || parts.host.includes('%')) return 'URL_HOST_INVALID';
  if (UNENCODED_CHARACTERS_PATTERN.test(trimmed)) return 'URL_CHARACTERS_NOT_ALLOWED';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'URL_HOST_INVALID';
  }
  return SAFE_HOST_PATTERN.test(url.hostname) ? url : 'URL_HOST_INVALID';
}

/** Splits `scheme://host[:port]rest` as typed, so checks see the raw text rather than a re-serialized URL. */
function splitAuthority(trimmed: string, rawScheme: string): Authority | 'not-absolute' | 'userinfo' | 'bad-host' {
  const afterScheme = trimmed.slice(rawScheme.length + 1);
  if (!afterScheme.startsWith('//')) return 'not-absolute';
  const body = afterScheme.slice(2);
  const end = body.search(/[/?#]/);
  const authority = end < 0 ? body : body.slice(0, end);
  const rest = body.slice(authority.length);
  // Checked on the raw authority: `http://localhost:8090%25@evil.example/` would otherwise hide its user-info.
  if (authority.includes('@')) return 'userinfo';
  if (authority.startsWith('[')) {
    const close = authority.indexOf(']');
    if (close < 0) return 'bad-host';
    const after = authority.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return 'bad-host';
    return {rawScheme, host: authority.slice(0, close + 1), port: after === '' ? undefined : after.slice(1), rest};
  }
  const colon = authority.indexOf(':');
  return colon < 0
    ? {rawScheme, host: authority, port: undefined, rest}
    : {rawScheme, host: authority.slice(0, colon), port: authority.slice(colon + 1), rest};
}

/** Port from the raw text: `new URL` throws on 99999 and silently drops an empty port, so it can't be the judge. */
function isValidPort(port: string): boolean {
  if (!/^\d{1,5}$/.test(port)) return false;
  const value = Number(port);
  return value >= 1 && value <= 65535;
}

function schemeOf(value: string): string | undefined {
  return SCHEME_PATTERN.exec(value)?.[1];
}

/** The scheme with invisible characters removed, as a browser would see `java\tscript:` (WHATWG strips tabs). */
function deobfuscatedScheme(value: string): string | undefined {
  return schemeOf(value.replace(URL_INVISIBLE_GLOBAL, ''))?.toLowerCase();
}

function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

function analyzeUrl(value: string, profile: UrlProfile, devMode: boolean): UrlAnalysis {
  const trimmed = value.trim();
  const notes: Issue[] = [];
  if (trimmed !== value && trimmed !== '') notes.push(issue('URL_TRIMMED', 'notice', {normalized: trimmed}));
  const fail = (code: ReasonCode): UrlAnalysis => ({trimmed, issues: [issue(code), ...notes]});
  const isRedirect = profile === 'redirect';

  if (trimmed === '') return fail('REDIRECT_URI_EMPTY');
  if (longerThan(trimmed, LIMITS.urlLength)) return fail('URL_TOO_LONG');
  // Dangerous schemes first, even when obfuscated with invisible characters: that is the attack (A1-07, A3-06).
  const hiddenScheme = deobfuscatedScheme(trimmed);
  if (hiddenScheme !== undefined && DISALLOWED_SCHEMES.has(hiddenScheme)) return fail('URL_SCHEME_NOT_ALLOWED');
  if (URL_INVISIBLE_PATTERN.test(trimmed)) return fail('URL_INVISIBLE_CHARACTERS');
  // WHATWG parsers read `\` as `/` for http(s) but other parsers don't: the two would disagree on the host (A1-10).
  if (trimmed.includes('\\')) return fail('URL_BACKSLASH');
  if (trimmed.includes('*')) return fail('URL_WILDCARD');
  // The platform's Redirect URI field takes comma-separated values and its GET answers them comma-joined
  // (PLATFORM.md §1.3, §5), so a comma inside one URI would split it in two on the way back.
  if (isRedirect && trimmed.includes(',')) return fail('REDIRECT_URI_COMMA');

  const rawScheme = schemeOf(trimmed);
  if (rawScheme === undefined || HOST_AND_PORT_PATTERN.test(trimmed)) return fail('URL_NOT_ABSOLUTE');
  const scheme = rawScheme.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') {
    return fail(isRedirect ? 'REDIRECT_URI_CUSTOM_SCHEME' : 'URL_SCHEME_NOT_ALLOWED');
  }
  // On the raw string: `new URL('…/cb#').hash` is '' although the `#` is there (A1-04). Redirection endpoints
  // "MUST NOT include a fragment component" (RFC 6749 §3.1.2); so must back-channel logout URIs (Back-Channel
  // Logout 1.0 §2.2).
  if (trimmed.includes('#')) return fail(isRedirect ? 'REDIRECT_URI_FRAGMENT' : 'LOGOUT_URI_FRAGMENT');

  const parts = splitAuthority(trimmed, rawScheme);
  if (parts === 'not-absolute') return fail('URL_NOT_ABSOLUTE');
  if (parts === 'userinfo') return fail('URL_USERINFO');
  if (parts === 'bad-host') return fail('URL_HOST_INVALID');
  const parsed = parseHost(trimmed, parts);
  if (typeof parsed === 'string') return fail(parsed);
  const url = parsed;
  const {hostname} = url;
  if (url.username !== '' || url.password !== '') return fail('URL_USERINFO');

  const loopback = isLoopbackHost(hostname);
  if (profile === 'redirect') {
    if (scheme === 'http' && !loopback) return fail('REDIRECT_URI_HTTP_NOT_ALLOWED');
  } else {
    // OpenID Connect Back-Channel Logout 1.0 §2.5: the provider itself POSTs the logout token to this URL, so a
    // private target would let an admin make the identity service reach internal hosts (SSRF). A DNS name can still
    // resolve to a private address: the caller checks the resolved address with isPrivateAddress() before sending.
    if (profile === 'backChannel' && !devMode && isPrivateAddress(hostname)) return fail('LOGOUT_URI_PRIVATE_ADDRESS');
    if (scheme === 'http' && !(devMode && loopback)) return fail('LOGOUT_URI_HTTP_NOT_ALLOWED');
  }

  const path = parts.rest.split('?')[0] ?? '';
  if (path.split('/').some((segment) => DOT_SEGMENT_PATTERN.test(segment))) return fail('URL_DOT_SEGMENT');

  // Accepted. The stored value stays exactly as typed; for redirect URIs the warnings explain where an app may send
  // something else, because the provider compares the strings exactly (RFC 9700 §4.1.3).
  const warnings: Issue[] = [];
  if (profile === 'redirect') {
    if (scheme === 'https' && parts.port !== undefined && Number(parts.port) === 443) {
      warnings.push(issue('URL_DEFAULT_PORT', 'warning'));
    }
    if (parts.host !== hostname) {
      const port = parts.port === undefined ? '' : `:${parts.port}`;
      const normalized = `${parts.rawScheme}://${hostname}${port}${parts.rest}`;
      warnings.push(issue('URL_HOST_NOT_CANONICAL', 'warning', {suggestion: hostname, normalized}));
    }
    if (loopback) warnings.push(issue('URL_DEVELOPMENT_ONLY', 'warning'));
    // RFC 8252 §8.3: a loopback IP literal can't be redirected by a hosts file or resolver, unlike `localhost`.
    if (hostname === 'localhost') warnings.push(issue('URL_PREFER_LOOPBACK_IP', 'warning'));
  } else if (devMode && (loopback || (profile === 'backChannel' && isPrivateAddress(hostname)))) {
    warnings.push(issue('URL_DEVELOPMENT_ONLY', 'warning'));
  }
  return {trimmed, issues: [...warnings, ...notes], url};
}

/** The origin of an http(s) URL that the WHATWG parser accepts, or undefined; lenient on purpose (hints only). */
function lenientOrigin(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks one redirect URI as typed (A1-01 to A1-20): an exact, absolute `https://` URL, or loopback `http://` with a
 * development warning.
 */
export function checkRedirectUri(value: string, options: {index?: number} = {}): Finding[] {
  return toFindings('RedirectURI', analyzeUrl(value, 'redirect', false).issues, options.index);
}

/** Checks the whole redirect-URI list: each row, duplicates (A1-14), at least one (A1-21) and the maximum (A1-22). */
export function checkRedirectUris(values: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (values.length === 0) findings.push(toFinding('RedirectURI', issue('REDIRECT_URIS_REQUIRED')));
  if (values.length > LIMITS.redirectUris) findings.push(toFinding('RedirectURI', issue('REDIRECT_URIS_TOO_MANY')));
  const exact = new Set<string>();
  const folded = new Set<string>();
  values.forEach((value, index) => {
    findings.push(...checkRedirectUri(value, {index}));
    const trimmed = value.trim();
    if (trimmed === '') return;
    // Matching is exact, so `/cb` and `/CB` are two URIs; but a case-only difference is almost always a typo, and a
    // provider that matches case-insensitively would treat them as one (SECURITY-CASES D-04).
    const lower = trimmed.toLowerCase();
    if (exact.has(trimmed)) findings.push(toFinding('RedirectURI', issue('REDIRECT_URI_DUPLICATE'), index));
    else if (folded.has(lower)) findings.push(toFinding('RedirectURI', issue('REDIRECT_URI_DUPLICATE_CASE'), index));
    exact.add(trimmed);
    folded.add(lower);
  });
  return findings;
}

/**
 * Checks a back-channel logout URI (A3-01 to A3-04, A3-06): absolute `https://`, a query is kept, no fragment, and
 * no private or loopback target outside dev mode. An empty value means "none" and has no findings.
 */
export function checkBackChannelLogoutUri(value: string, options: {devMode?: boolean} = {}): Finding[] {
  if (value.trim() === '') return [];
  return toFindings('BackChannelLogoutURI', analyzeUrl(value, 'backChannel', options.devMode ?? false).issues);
}

/**
 * Checks a front-channel logout URI (A3-02, A3-03, A3-05, A3-06): absolute `https://`, no fragment, and the same
 * scheme, host and port as one of the redirect URIs. An empty value means "none" and has no findings.
 */
export function checkFrontChannelLogoutUri(
  value: string,
  redirectUris: readonly string[],
  options: {devMode?: boolean} = {},
): Finding[] {
  if (value.trim() === '') return [];
  const analysis = analyzeUrl(value, 'frontChannel', options.devMode ?? false);
  const issues = [...analysis.issues];
  // The provider loads this URL in an iframe of the user's browser; restricting it to an origin the connection
  // already redirects to keeps the connection from pointing browsers at a third-party site.
  if (analysis.url !== undefined) {
    const allowed = new Set(redirectUris.map(lenientOrigin));
    if (!allowed.has(analysis.url.origin)) issues.unshift(issue('FRONT_CHANNEL_ORIGIN_MISMATCH'));
  }
  return toFindings('FrontChannelLogoutURI', issues);
}

// ---------------------------------------------------------------------------------------------------------------------
// Private addresses (A3-04)
// ---------------------------------------------------------------------------------------------------------------------

const IPV4_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function isPrivateIpv4(octets: readonly number[]): boolean {
  const [a = 0, b = 0] = octets;
  return (
    a === 0 || // "this network", including 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT (RFC 6598)
    (a === 169 && b === 254) || // link-local, including the cloud metadata address 169.254.169.254
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    a >= 224 // multicast, reserved and broadcast
  );
}

/** Expands a canonical (WHATWG-serialized, bracketless) IPv6 address into its eight 16-bit groups. */
function ipv6Groups(address: string): number[] | undefined {
  const [head = '', tail, extra] = address.split('::');
  if (extra !== undefined) return undefined;
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  const numbers = groups.map((group) => (/^[0-9a-f]{1,4}$/.test(group) ? parseInt(group, 16) : Number.NaN));
  return numbers.some(Number.isNaN) ? undefined : numbers;
}

function isPrivateIpv6(groups: readonly number[]): boolean {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embeddedIpv4 = [g6 >> 8, g6 & 0xff, g7 >> 8, g7 & 0xff];
  const firstFiveZero = g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0;
  if (firstFiveZero && g5 === 0 && g6 === 0 && (g7 === 0 || g7 === 1)) return true; // :: and ::1
  if (firstFiveZero && (g5 === 0xffff || g5 === 0)) return isPrivateIpv4(embeddedIpv4); // IPv4-mapped/-compatible
  if (g0 === 0x64 && g1 === 0xff9b && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return isPrivateIpv4(embeddedIpv4);
  return (
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // deprecated site-local fec0::/10
    (g0 & 0xff00) === 0xff00 // multicast
  );
}

/**
 * Tells whether a host is a loopback, private, link-local or otherwise non-public address, or `localhost`
 * (A3-04); the emulator also calls it on resolved addresses before sending a back-channel logout token.
 *
 * @param host a URL `hostname` (IPv6 in brackets), a bare IP address or a DNS name; a DNS name other than
 *   `localhost` is not resolved and counts as public.
 */
export function isPrivateAddress(host: string): boolean {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower.endsWith('.localhost')) return true;
  const v4 = IPV4_PATTERN.exec(lower);
  if (v4 !== null) {
    const octets = v4.slice(1).map(Number);
    return octets.every((octet) => octet <= 255) && isPrivateIpv4(octets);
  }
  const bare = lower.startsWith('[') && lower.endsWith(']') ? lower.slice(1, -1) : lower;
  if (!bare.includes(':')) return false;
  let canonical: string;
  try {
    canonical = new URL(`http://[${bare}]/`).hostname.slice(1, -1);
  } catch {
    return false;
  }
  const groups = ipv6Groups(canonical);
  return groups !== undefined && isPrivateIpv6(groups);
}

// ---------------------------------------------------------------------------------------------------------------------
// CORS origins (A2)
// ---------------------------------------------------------------------------------------------------------------------

/** A serialized http(s) origin with a safe host: what a suggestion may contain. */
const SAFE_ORIGIN_PATTERN = /^https?:\/\/(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

interface OriginAnalysis {
  issues: Issue[];
  /** The RFC 6454 serialization, present when the value is structurally an http(s) origin (even a refused one). */
  origin?: string;
}

function analyzeOrigin(value: string): OriginAnalysis {
  const trimmed = value.trim();
  const fail = (code: ReasonCode, extra: Omit<Issue, 'code' | 'severity'> = {}): OriginAnalysis => ({
    issues: [issue(code, 'error', extra)],
  });

  if (trimmed === '') return fail('ORIGIN_EMPTY');
  if (longerThan(trimmed, LIMITS.urlLength)) return fail('URL_TOO_LONG');
  // The literal origin `null` is what sandboxed iframes, file: pages and some redirects send: allowing it would
  // allow all of them at once.
  if (trimmed.toLowerCase() === 'null') return fail('ORIGIN_NULL');
  // `+` is the "every redirect URI's origin" shortcut of some providers; here each origin is listed explicitly.
  if (trimmed === '+' || trimmed.includes('*')) return fail('ORIGIN_WILDCARD');
  const hiddenScheme = deobfuscatedScheme(trimmed);
  if (hiddenScheme !== undefined && DISALLOWED_SCHEMES.has(hiddenScheme)) return fail('ORIGIN_SCHEME_NOT_SUPPORTED');
  if (URL_INVISIBLE_PATTERN.test(trimmed)) return fail('URL_INVISIBLE_CHARACTERS');
  if (trimmed.includes('\\')) return fail('URL_BACKSLASH');

  const rawScheme = schemeOf(trimmed);
  if (rawScheme === undefined || HOST_AND_PORT_PATTERN.test(trimmed)) {
    const fix = rawScheme === undefined && trimmed.startsWith('/') ? null : normalizeOrigin(`https://${trimmed}`);
    return fail('ORIGIN_MISSING_SCHEME', fix === null ? {} : {normalized: fix});
  }
  const scheme = rawScheme.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') return fail('ORIGIN_SCHEME_NOT_SUPPORTED');

  const parts = splitAuthority(trimmed, rawScheme);
  if (parts === 'not-absolute') return fail('ORIGIN_MISSING_SCHEME');
  if (parts === 'userinfo') {
    const fix = lenientOrigin(trimmed);
    return fail('ORIGIN_USERINFO', fix === undefined || !SAFE_ORIGIN_PATTERN.test(fix) ? {} : {normalized: fix});
  }
  if (parts === 'bad-host') return fail('URL_HOST_INVALID');
  const parsed = parseHost(trimmed, parts);
  if (typeof parsed === 'string') return fail(parsed);
  const url = parsed;
  // RFC 6454 §6.2: the origin serialization is lower-case scheme and host, punycode (IDNA), and no default port.
  const origin = url.origin;
  const loopback = isLoopbackHost(url.hostname);
  if (scheme === 'http' && !loopback) {
    return parts.rest === '' ? {issues: [issue('ORIGIN_HTTP_NOT_ALLOWED')], origin} : fail('ORIGIN_HTTP_NOT_ALLOWED');
  }
  // Browsers send `Origin` without path, query or trailing slash, so such an entry could never match (A2-02).
  if (parts.rest !== '') return fail('ORIGIN_HAS_PATH', {suggestion: origin, normalized: origin});

  const issues: Issue[] = [];
  if (loopback) issues.push(issue('URL_DEVELOPMENT_ONLY', 'warning'));
  if (origin !== value) issues.push(issue('ORIGIN_NORMALIZED', 'notice', {suggestion: origin, normalized: origin}));
  return {issues, origin};
}

/**
 * Returns the RFC 6454 serialization of an http(s) origin (lower case, xn-- host, no default port), or null when the
 * value isn't exactly `scheme://host[:port]` (A2-07).
 *
 * @example normalizeOrigin('HTTPS://Bücher.Example:443') // 'https://xn--bcher-kva.example'
 */
export function normalizeOrigin(value: string): string | null {
  return analyzeOrigin(value).origin ?? null;
}

/** Checks one CORS origin (A2-01 to A2-08, A2-10); an accepted value that isn't normalized gets a notice with the stored form. */
export function checkCorsOrigin(value: string, options: {index?: number} = {}): Finding[] {
  return toFindings('CorsOrigins', analyzeOrigin(value).issues, options.index);
}

/**
 * Checks the whole CORS list: each row, duplicates after normalization (A2-09), the maximum, and, when the redirect
 * URIs are given, a hint for each origin that none of them uses (A2-11).
 */
export function checkCorsOrigins(values: readonly string[], redirectUris?: readonly string[]): Finding[] {
  const findings: Finding[] = [];
  if (values.length > LIMITS.corsOrigins) findings.push(toFinding('CorsOrigins', issue('CORS_ORIGINS_TOO_MANY')));
  const used = redirectUris === undefined ? undefined : new Set(redirectUris.map(lenientOrigin));
  const seen = new Set<string>();
  values.forEach((value, index) => {
    const analysis = analyzeOrigin(value);
    findings.push(...toFindings('CorsOrigins', analysis.issues, index));
    const {origin} = analysis;
    if (origin === undefined || hasError(analysis.issues)) return;
    if (seen.has(origin)) findings.push(toFinding('CorsOrigins', issue('ORIGIN_DUPLICATE'), index));
    else if (used !== undefined && !used.has(origin)) {
      findings.push(toFinding('CorsOrigins', issue('ORIGIN_UNUSED', 'notice'), index));
    }
    seen.add(origin);
  });
  return findings;
}

/** Suggests CORS origins from the redirect URIs: the normalized origins of the valid http(s) ones, deduplicated, in order. */
export function deriveCorsOrigins(redirectUris: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const value of redirectUris) {
    const {issues, url} = analyzeUrl(value, 'redirect', false);
    if (url !== undefined && !hasError(issues)) origins.add(url.origin);
  }
  return [...origins];
}

// ---------------------------------------------------------------------------------------------------------------------
// Scopes (A4)
// ---------------------------------------------------------------------------------------------------------------------

/** RFC 6749 §3.3: scope-token = 1*NQCHAR, NQCHAR = %x21 / %x23-5B / %x5D-7E (printable ASCII minus space, `"`, `\`). */
// RFC 6749 §3.3 scope-token characters, minus the comma: the platform joins AllowedScopes with commas on read.
const SCOPE_TOKEN_PATTERN = /^[\x21\x23-\x2B\x2D-\x5B\x5D-\x7E]+$/;

/** The scope that makes the provider issue refresh tokens. */
const OFFLINE_ACCESS_SCOPE = 'offline_access';

function scopeIssues(value: string): Issue[] {
  if (value === '') return [issue('SCOPE_EMPTY')];
  if (value.length > LIMITS.scopeLength) return [issue('SCOPE_TOO_LONG')];
  if (value.includes(' ')) return [issue('SCOPE_HAS_SPACE')];
  if (!SCOPE_TOKEN_PATTERN.test(value)) return [issue('SCOPE_CHARACTERS_NOT_ALLOWED')];
  return [];
}

/**
 * Checks the allowed scopes (A4-02 to A4-04, A4-06): one RFC 6749 scope token per entry, duplicates removed with a
 * notice, and a warning for `offline_access` on `UItoAPI`. None at all is fine for either type (issue 12): the
 * platform's own UI-to-API dialog has no scopes field, its guide says to leave the other fields blank, and its
 * examples carry `AllowedScopes: []` and `null` (PLATFORM.md §1.3, §5).
 */
export function checkScopes(values: readonly string[], options: {type?: ConnectionType} = {}): Finding[] {
  const findings: Finding[] = [];
  const unique = new Set(values);
  if (unique.size > LIMITS.scopes) findings.push(toFinding('AllowedScopes', issue('SCOPES_TOO_MANY')));
  const seen = new Set<string>();
  values.forEach((value, index) => {
    findings.push(...toFindings('AllowedScopes', scopeIssues(value), index));
    // Scope tokens are case-sensitive (RFC 6749 §3.3), so only exact repeats are duplicates.
    if (seen.has(value)) findings.push(toFinding('AllowedScopes', issue('SCOPE_DUPLICATE', 'notice'), index));
    // A refresh token in a browser app lives in JavaScript-reachable storage (RFC 9700 §4.14).
    else if (value === OFFLINE_ACCESS_SCOPE && options.type === CONNECTION_TYPES.uiToApi) {
      findings.push(toFinding('AllowedScopes', issue('SCOPE_OFFLINE_ACCESS', 'warning'), index));
    }
    seen.add(value);
  });
  return findings;
}

// ---------------------------------------------------------------------------------------------------------------------
// Name, description, external identifier (A5)
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Characters a name may never contain: C0 and C1 controls, DEL, zero-width space, line/paragraph separators, bidi
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), word joiner, BOM and lone surrogates. They
 * can hide or reorder text, e.g. in "Deactivate <name>?" (B1-06).
 */
const TEXT_FORBIDDEN_PATTERN = /[\p{Cc}\p{Cs}\u200B\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
const ZERO_WIDTH_NON_JOINER = '\u200C';
const ZERO_WIDTH_JOINER = '\u200D';
const EMOJI_BEFORE_JOINER_PATTERN = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
const EMOJI_PATTERN = /^\p{Extended_Pictographic}$/u;
const MARK_PATTERN = /^\p{M}$/u;
const LETTER_OR_MARK_PATTERN = /^[\p{L}\p{M}]$/u;
const SCRIPT_WITHOUT_JOINERS_PATTERN = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const LETTER_PATTERN = /^\p{L}$/u;

/**
 * ZWJ and ZWNJ are invisible but needed: ZWJ builds emoji sequences (👩‍💻) and both shape Arabic, Persian and Indic
 * text (A5-07). As in RFC 5892's CONTEXTJ rules, they are allowed only in such a context: ZWJ between emoji, or
 * either of them after a letter of a script that uses joiners and before a letter or mark. Between Latin, Greek or
 * Cyrillic letters they only hide a difference, so they are refused there.
 */
function joinerInContext(characters: readonly string[], index: number): boolean {
  const previous = characters[index - 1];
  const next = characters[index + 1];
  if (previous === undefined || next === undefined) return false;
  if (
    characters[index] === ZERO_WIDTH_JOINER &&
    EMOJI_BEFORE_JOINER_PATTERN.test(previous) &&
    EMOJI_PATTERN.test(next)
  ) {
    return true;
  }
  let baseIndex = index - 1;
  while (baseIndex > 0 && MARK_PATTERN.test(characters[baseIndex] ?? '')) baseIndex--;
  const base = characters[baseIndex] ?? '';
  return LETTER_PATTERN.test(base) && !SCRIPT_WITHOUT_JOINERS_PATTERN.test(base) && LETTER_OR_MARK_PATTERN.test(next);
}

function hasInvisibleCharacters(value: string, allowLineBreaks: boolean): boolean {
  const characters = Array.from(value);
  return characters.some((character, index) => {
    if (allowLineBreaks && (character === '\n' || character === '\r')) return false;
    if (character === ZERO_WIDTH_JOINER || character === ZERO_WIDTH_NON_JOINER) {
      return !joinerInContext(characters, index);
    }
    return TEXT_FORBIDDEN_PATTERN.test(character);
  });
}

function clientNameIssues(value: string): Issue[] {
  if (hasInvisibleCharacters(value, false)) return [issue('NAME_INVISIBLE_CHARACTERS')];
  const trimmed = value.trim();
  if (trimmed === '') return [issue('NAME_REQUIRED')];
  if (longerThan(trimmed, LIMITS.nameLength)) return [issue('NAME_TOO_LONG')];
  return [];
}

/**
 * Checks the client name (A5-01 to A5-03, A5-07): required, at most `LIMITS.nameLength` code points after trimming,
 * and free of control, direction-override and zero-width characters; emoji and right-to-left text are accepted.
 */
export function checkClientName(value: string): Finding[] {
  return toFindings('ClientName', clientNameIssues(value));
}

/** Checks the description (A5-02, A5-03, A5-07): optional, like the name but line breaks are allowed. */
export function checkDescription(value: string): Finding[] {
  if (hasInvisibleCharacters(value, true))
    return toFindings('Description', [issue('DESCRIPTION_INVISIBLE_CHARACTERS')]);
  if (longerThan(value, LIMITS.descriptionLength)) return toFindings('Description', [issue('DESCRIPTION_TOO_LONG')]);
  return [];
}

/** ASCII only: the identifier becomes a URL path segment, where `/`, `..`, `%2F`, `?` and `#` change the request. */
const EXTERNAL_IDENTIFIER_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Checks the external identifier (A5-04): required, letters, digits, '-' and '_' only, at most the maximum length. */
export function checkExternalIdentifier(value: string): Finding[] {
  if (value.trim() === '') return toFindings('ExternalIdentifier', [issue('IDENTIFIER_REQUIRED')]);
  if (value.length > LIMITS.externalIdentifierLength) {
    return toFindings('ExternalIdentifier', [issue('IDENTIFIER_TOO_LONG')]);
  }
  if (!EXTERNAL_IDENTIFIER_PATTERN.test(value)) {
    return toFindings('ExternalIdentifier', [issue('IDENTIFIER_CHARACTERS_NOT_ALLOWED')]);
  }
  return [];
}

/** Returns the connection type for an exact `APItoAPI` or `UItoAPI`, or null for anything else (A5-06). */
export function parseConnectionType(value: unknown): ConnectionType | null {
  return value === CONNECTION_TYPES.apiToApi || value === CONNECTION_TYPES.uiToApi ? value : null;
}

/** Checks a connection type (A5-06): anything but `APItoAPI` or `UItoAPI` gets "Choose a connection type." */
export function checkConnectionType(value: unknown): Finding[] {
  return parseConnectionType(value) === null ? [toFinding('apiConnectionType', issue('CONNECTION_TYPE_REQUIRED'))] : [];
}

// ---------------------------------------------------------------------------------------------------------------------
// Whole connection
// ---------------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------------
// List parameters (A6)
// ---------------------------------------------------------------------------------------------------------------------

/** A whole number from a number or a decimal string (query parameters arrive as strings); undefined otherwise. */
function toWholeNumber(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return /^\s*[+-]?\d{1,15}\s*$/.test(value) ? Number(value) : undefined;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Checks the list endpoint's query parameters (A6-01, A6-02): an allow-listed `sortField`, `ASC`/`DESC`, a `pageSize`
 * from 1 to `LIMITS.pageSizeMax` and a 1-based `pageNumber`; a page past the end is not an error (A6-03).
 */
export function checkListParams(params: {
  sortField?: string | null;
  sortDirection?: string | null;
  pageSize?: number | string | null;
  pageNumber?: number | string | null;
}): Finding[] {
  const findings: Finding[] = [];
  const {sortField, sortDirection, pageSize, pageNumber} = params;
  // Allow-listed because the platform passes the name on to its data store ("should be indexed or sortable").
  if (!isAbsent(sortField) && !(SORT_FIELDS as readonly unknown[]).includes(sortField)) {
    findings.push(toFinding('sortField', issue('SORT_FIELD_NOT_ALLOWED')));
  }
  if (
    !isAbsent(sortDirection) &&
    !(SORT_DIRECTIONS as readonly string[]).includes(String(sortDirection).toUpperCase())
  ) {
    findings.push(toFinding('sortDirection', issue('SORT_DIRECTION_INVALID')));
  }
  if (pageSize !== undefined && pageSize !== null && pageSize !== '') {
    const size = toWholeNumber(pageSize);
    if (size === undefined || size < 1 || size > LIMITS.pageSizeMax) {
      findings.push(toFinding('pageSize', issue('PAGE_SIZE_OUT_OF_RANGE')));
    }
  }
  if (pageNumber !== undefined && pageNumber !== null && pageNumber !== '') {
    const page = toWholeNumber(pageNumber);
    if (page === undefined || page < 1) findings.push(toFinding('pageNumber', issue('PAGE_NUMBER_INVALID')));
  }
  return findings;
}

/** Clamps a page size to 1…`LIMITS.pageSizeMax`, rounding toward zero; NaN gives `LIMITS.pageSizeDefault` (A6-02). */
export function clampPageSize(value: number): number {
  if (Number.isNaN(value)) return LIMITS.pageSizeDefault;
  return Math.min(LIMITS.pageSizeMax, Math.max(1, Math.trunc(value)));
}

// ---------------------------------------------------------------------------------------------------------------------
// Server messages
// ---------------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------------
// Redirect URI matching: what the provider does with the redirect_uri an application sends
// ---------------------------------------------------------------------------------------------------------------------

/** The outcome of {@link matchRedirectUri}. */
export interface RedirectUriMatch {
  /** True only for an exact, character-for-character match with one registered URI. */
  match: boolean;
  /** The rule that decided, in plain language. */
  rule: string;
  /** The registered URI nearest to the candidate, when it doesn't match and one is registered. */
  closest?: string;
  /** How the candidate differs from `closest`, in plain language (`an added trailing slash`). */
  difference?: string;
  /**
   * Set when even the closest registered URI differs in three parts or more (scheme, host, port, path…): not a near
   * miss but another app's address, which an admin reads better as "none is like it" than as a list of differences.
   */
  far?: true;
}

const MATCH_RULES = {
  exact: 'Exact match: the platform compares redirect URIs character for character (RFC 9700 §4.1.3).',
  exactAfterTrim:
    'Exact match after removing the spaces around it: the platform compares redirect URIs character for character (RFC 9700 §4.1.3).',
  noMatch:
    'No exact match: the platform accepts a redirect URI only if it equals a registered one character for character (RFC 9700 §4.1.3).',
  noneRegistered: 'This connection has no registered redirect URIs, so the platform refuses every redirect URI.',
  empty: 'Enter the redirect URI your app sends.',
} as const;

/** A URL split as typed, without the re-serialization `new URL` does (lower-casing, default ports, encodings). */
interface RawUrl {
  scheme: string;
  host: string;
  port: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

const RAW_URL_PATTERN =
  /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)(?::([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/s;

function splitRaw(value: string): RawUrl | undefined {
  const parts = RAW_URL_PATTERN.exec(value);
  if (!parts) return undefined;
  return {
    scheme: parts[1] ?? '',
    host: parts[2] ?? '',
    port: parts[3],
    path: parts[4] ?? '',
    query: parts[5],
    fragment: parts[6],
  };
}

const DEFAULT_PORTS: Readonly<Record<string, string>> = {http: '80', https: '443'};

/** Loopback names the admin may think of as the same host; to the provider they are different strings. */
const LOOPBACK_ALIASES: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A comparison key that forgets the differences people don't notice (letter case, a trailing slash, default port,
 * loopback name, fragment), used only to find the closest registered URI, never to decide a match.
 */
function looseKey(value: string): string {
  const raw = splitRaw(value);
  if (!raw) return value.toLowerCase();
  const scheme = raw.scheme.toLowerCase();
  const host = LOOPBACK_ALIASES.has(raw.host.toLowerCase()) ? 'loopback' : raw.host.toLowerCase();
  const port = raw.port === undefined || raw.port === DEFAULT_PORTS[scheme] ? '' : raw.port;
  const path = raw.path.replace(/\/+$/, '').toLowerCase();
  return `${scheme}://${host}:${port}${path}${raw.query ?? ''}`;
}

/** Levenshtein distance, two rows; inputs are capped by the callers' URL length limit. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function joinPhrases(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases[0] ?? '';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1] ?? ''}`;
}

function pathDifference(sent: string, registered: string): string | undefined {
  if (sent === registered) return undefined;
  const sentTrimmed = sent.replace(/\/+$/, '');
  const registeredTrimmed = registered.replace(/\/+$/, '');
  if (sentTrimmed === registeredTrimmed) {
    return sent.length > registered.length ? 'an added trailing slash' : 'a missing trailing slash';
  }
  if (sent.toLowerCase() === registered.toLowerCase()) return 'letter case in the path';
  if (sentTrimmed.toLowerCase() === registeredTrimmed.toLowerCase()) {
    return `letter case in the path and ${sent.length > registered.length ? 'an added' : 'a missing'} trailing slash`;
  }
  return `the path (${sent || '(none)'} instead of ${registered || '(none)'})`;
}

function optionalPart(sent: string | undefined, registered: string | undefined, name: string): string | undefined {
  if (sent === registered) return undefined;
  if (registered === undefined) return `an added ${name} (${sent ?? ''})`;
  if (sent === undefined) return `a missing ${name} (${registered})`;
  return `the ${name} (${sent} instead of ${registered})`;
}

/** Plain-language differences between what the app sends and a registered URI, largest parts first. */
function differences(sent: string, registered: string): string[] {
  const a = splitRaw(sent);
  const b = splitRaw(registered);
  if (!a || !b)
    return [a ? 'the registered URI is not an absolute URL' : 'not being an absolute URL (scheme://host/path)'];
  const phrases: string[] = [];
  if (a.scheme !== b.scheme) {
    phrases.push(
      a.scheme.toLowerCase() === b.scheme.toLowerCase()
        ? 'letter case in the scheme'
        : `the scheme (${a.scheme}:// instead of ${b.scheme}://)`,
    );
  }
  const hostA = a.host.toLowerCase();
  const hostB = b.host.toLowerCase();
  if (hostA !== hostB) {
    phrases.push(
      LOOPBACK_ALIASES.has(hostA) && LOOPBACK_ALIASES.has(hostB)
        ? `${a.host} instead of ${b.host} (the same computer, but a different string)`
        : `the host (${a.host} instead of ${b.host})`,
    );
  } else if (a.host !== b.host) {
    phrases.push('letter case in the host');
  }
  if (a.port !== b.port) {
    if (a.port === '') phrases.push('an added empty port (:)');
    else if (b.port === undefined) phrases.push(`an added port (:${a.port ?? ''})`);
    else if (a.port === undefined) phrases.push(`a missing port (:${b.port})`);
    else phrases.push(`the port (:${a.port} instead of :${b.port})`);
  }
  const path = pathDifference(a.path, b.path);
  if (path) phrases.push(path);
  const query = optionalPart(a.query, b.query, 'query');
  if (query) phrases.push(query);
  const fragment = optionalPart(a.fragment, b.fragment, 'fragment');
  if (fragment) phrases.push(fragment);
  // Same parts, different text: user information (`user@host`), which the splitter leaves out.
  if (phrases.length === 0) phrases.push('other characters');
  return phrases;
}

/** Differing in this many parts or more, the closest registered URI is reported as far (see {@link RedirectUriMatch}). */
const FAR_PARTS = 3;

/**
 * Checks a redirect URI the way the provider does: after trimming, it must equal one registered URI exactly
 * (RFC 9700 §4.1.3; RFC 6749 §3.1.2.2). When it doesn't, it names the closest registered URI (the same URL apart
 * from letter case, slashes, default port or loopback name, else the fewest edits) and the difference in plain language.
 *
 * @example
 * matchRedirectUri('https://app.example.com/cb/', ['https://app.example.com/cb']);
 * // {match: false, rule: 'No exact match: …', closest: 'https://app.example.com/cb', difference: 'an added trailing slash'}
 */
export function matchRedirectUri(candidate: string, registered: readonly string[]): RedirectUriMatch {
  const sent = candidate.trim();
  if (sent === '') return {match: false, rule: MATCH_RULES.empty};
  if (registered.includes(sent)) {
    return {match: true, rule: sent === candidate ? MATCH_RULES.exact : MATCH_RULES.exactAfterTrim};
  }
  if (registered.length === 0) return {match: false, rule: MATCH_RULES.noneRegistered};
  // Bounded, so a pasted megabyte can't make the edit distance quadratic in it.
  const bounded = sent.slice(0, LIMITS.urlLength);
  const key = looseKey(bounded);
  let closest = registered[0] ?? '';
  let best = Number.POSITIVE_INFINITY;
  for (const uri of registered) {
    const score =
      (looseKey(uri) === key ? 0 : LIMITS.urlLength * 2) +
      editDistance(bounded.toLowerCase(), uri.slice(0, LIMITS.urlLength).toLowerCase());
    if (score < best) {
      best = score;
      closest = uri;
    }
  }
  const phrases = differences(sent, closest);
  const result: RedirectUriMatch = {match: false, rule: MATCH_RULES.noMatch, closest, difference: joinPhrases(phrases)};
  if (phrases.length >= FAR_PARTS) result.far = true;
  return result;
}
