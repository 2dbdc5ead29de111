/** Allowed scopes (A4): one RFC 6749 scope token per entry. */
import {LIMITS} from './limits.js';
import {issue, toFinding, toFindings, type Issue} from './issues.js';
import {CONNECTION_TYPES, type ConnectionType, type Finding} from './types.js';

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
