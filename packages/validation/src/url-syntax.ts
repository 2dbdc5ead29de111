/**
 * Reading a URL as the admin typed it, shared by the redirect, logout and origin rules: the patterns for invisible
 * characters, schemes and hosts, the split of `scheme://host[:port]rest` on the raw text and the host and port checks.
 */
import type {ReasonCode} from './reasons.js';

/**
 * Characters that make a URL differ from what the admin sees: whitespace, C0/C1 controls, format characters
 * (zero-width, bidi embeddings/overrides/isolates, soft hyphen, tags), lone surrogates, Hangul fillers, the
 * combining grapheme joiner and variation selectors. Redirect matching is exact (RFC 6749 §3.1.2, RFC 9700 §4.1.3),
 * so a URL that looks right but isn't must be refused rather than silently cleaned.
 */
export const URL_INVISIBLE_PATTERN = /[\p{Cc}\p{Cf}\p{Z}\p{Cs}\p{Variation_Selector}\u115F\u1160\u3164\uFFA0]|\u034F/u;
const URL_INVISIBLE_GLOBAL = new RegExp(URL_INVISIBLE_PATTERN.source, 'gu');

/** A URL scheme per RFC 3986 §3.1. */
const SCHEME_PATTERN = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** `app.example.com:8080/cb` is a host and port without a scheme, not a URL whose scheme is `app.example.com`. */
export const HOST_AND_PORT_PATTERN = /^[^:/?#]+:\d+(?:[/?#]|$)/;

/**
 * Schemes that are dangerous (script execution, local files, browser internals) or simply not web redirect targets.
 * They get "This URL scheme isn't allowed." Any other syntactically valid scheme is a custom (native-app) scheme and
 * gets the A1-20 message instead.
 */
export const DISALLOWED_SCHEMES: ReadonlySet<string> = new Set([
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

/** Host names after WHATWG parsing (lower case, punycode): letters, digits, '-', '_', dots; or an IPv6 literal. */
const SAFE_HOST_PATTERN = /^(?:[a-z0-9_-]+(?:\.[a-z0-9_-]+)*\.?|\[[0-9a-f:.]+\])$/;

/** The hosts for which plain `http:` is accepted: loopback only, as RFC 8252 §7.3 allows for native apps. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);

export interface Authority {
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
export function parseHost(trimmed: string, parts: Authority): URL | ReasonCode {
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
export function splitAuthority(
  trimmed: string,
  rawScheme: string,
): Authority | 'not-absolute' | 'userinfo' | 'bad-host' {
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

export function schemeOf(value: string): string | undefined {
  return SCHEME_PATTERN.exec(value)?.[1];
}

/** The scheme with invisible characters removed, as a browser would see `java\tscript:` (WHATWG strips tabs). */
export function deobfuscatedScheme(value: string): string | undefined {
  return schemeOf(value.replace(URL_INVISIBLE_GLOBAL, ''))?.toLowerCase();
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}

/** The origin of an http(s) URL that the WHATWG parser accepts, or undefined; lenient on purpose (hints only). */
export function lenientOrigin(value: string): string | undefined {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
