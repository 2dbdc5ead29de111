/** Redirect URI matching: what the provider does with the `redirect_uri` an application sends. */
import {LIMITS} from './limits.js';

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
