/**
 * Redirect URIs (A1) and logout URIs (A3): one URL analysis with a profile per field, and the checks built on it.
 */
import {LIMITS} from './limits.js';
import type {ReasonCode} from './reasons.js';
import {issue, longerThan, toFinding, toFindings, type Issue} from './issues.js';
import {isPrivateAddress} from './private-addresses.js';
import type {Finding} from './types.js';
import {
  DISALLOWED_SCHEMES,
  HOST_AND_PORT_PATTERN,
  URL_INVISIBLE_PATTERN,
  deobfuscatedScheme,
  isLoopbackHost,
  lenientOrigin,
  parseHost,
  schemeOf,
  splitAuthority,
} from './url-syntax.js';

/** A path segment that resolves to `.` or `..`, also percent-encoded or with a `;` parameter (the `..;` trick). */
const DOT_SEGMENT_PATTERN = /^(?:\.|%2e){1,2}(?:;.*)?$/i;

type UrlProfile = 'redirect' | 'backChannel' | 'frontChannel';

interface UrlAnalysis {
  trimmed: string;
  issues: Issue[];
  /** The parsed URL, present when the value has no error. */
  url?: URL;
}

export function analyzeUrl(value: string, profile: UrlProfile, devMode: boolean): UrlAnalysis {
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
