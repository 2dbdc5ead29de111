/** CORS origins (A2): one origin, the whole list, and origins suggested from the redirect URIs. */
import {LIMITS} from './limits.js';
import type {ReasonCode} from './reasons.js';
import {hasError, issue, longerThan, toFinding, toFindings, type Issue} from './issues.js';
import type {Finding} from './types.js';
import {analyzeUrl} from './urls.js';
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
