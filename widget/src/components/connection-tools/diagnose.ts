import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {matchRedirectUri, normalizeOrigin} from '@conga-connections/validation';
import {toolsMessages as messages} from './tools-messages.js';

/** What a failed "Test sign-in" round trip saw; every field is optional because each failure shows only some. */
export interface SignInFailure {
  /** `error` from the callback's query, or the error the provider's own error page names. */
  error?: string | null;
  /** `error_description` from the callback; kept for logs, never shown (it is the provider's text, not ours). */
  errorDescription?: string | null;
  /** The provider answered with its own error page instead of redirecting back: that page's HTTP status. */
  errorPageStatus?: number;
  /** The token request failed in the browser (a fetch `TypeError`: no `Access-Control-Allow-Origin` for us). */
  tokenRequestBlocked?: boolean;
}

/** How the test signed in: the redirect URI it sent, the origin it calls the token endpoint from, the scopes it asked. */
export interface SignInAttempt {
  redirectUri: string;
  /** The origin the token request comes from; empty when no web page makes it (the extension's worker). */
  origin: string;
  scopes: readonly string[];
}

/** The connection fields a diagnosis reads, as the API returns them. */
export type DiagnosedConnection = Pick<
  ApiConnectionResponse,
  'RedirectURI' | 'CorsOrigins' | 'AllowedScopes' | 'IsActive'
>;

/** The diagnosis kinds, most specific first. */
export const DIAGNOSIS_KINDS = {
  inactive: 'connection-inactive',
  clientRefused: 'client-refused',
  redirectUriNotRegistered: 'redirect-uri-not-registered',
  scopeNotAllowed: 'scope-not-allowed',
  originNotAllowed: 'origin-not-allowed',
  accessDenied: 'access-denied',
  unknown: 'unknown',
} as const;

/** One of {@link DIAGNOSIS_KINDS}. */
export type DiagnosisKind = (typeof DIAGNOSIS_KINDS)[keyof typeof DIAGNOSIS_KINDS];

/** A change to the connection that would fix the failure, for an "Add it" button. */
export interface DiagnosisFix {
  field: 'RedirectURI' | 'CorsOrigins';
  value: string;
  /** The button's text. */
  label: string;
}

/** One plain-language diagnosis of a failed sign-in. */
export interface Diagnosis {
  kind: DiagnosisKind;
  message: string;
  fix?: DiagnosisFix;
  /** For `redirect-uri-not-registered`: the nearest registered URI and how the test's differs from it. */
  closest?: string;
  difference?: string;
  /** For `scope-not-allowed`: the requested scopes the connection doesn't allow. */
  scopes?: string[];
}

/** An origin as the browser sends it in `Origin` (RFC 6454), or the trimmed text when it isn't one. */
function originKey(value: string): string {
  return normalizeOrigin(value) ?? value.trim();
}

/**
 * Explains a failed "Test sign-in" of a UI-to-API connection in one sentence. The order follows what the platform's
 * provider checks first, as the emulator integration test records it: an inactive client is refused before anything
 * else (invalid_client on the error page), an unregistered redirect_uri gets the error page (400, no Location, RFC
 * 9700 §4.1.3), a scope outside Allowed Scopes comes back as `error=invalid_scope`, and only the token request, made
 * from the page's origin, depends on Cors Origins (the provider sends no CORS header for other origins).
 */
export function diagnoseSignIn(
  failure: SignInFailure,
  connection: DiagnosedConnection,
  attempt: SignInAttempt,
): Diagnosis {
  const error = failure.error ?? undefined;
  if (!connection.IsActive) return {kind: DIAGNOSIS_KINDS.inactive, message: messages.diagnosisInactive};
  if (error === 'invalid_client')
    return {kind: DIAGNOSIS_KINDS.clientRefused, message: messages.diagnosisClientRefused};

  const redirect = matchRedirectUri(attempt.redirectUri, connection.RedirectURI);
  if (!redirect.match) {
    const redirectUri = attempt.redirectUri.trim();
    const fix: DiagnosisFix = {
      field: 'RedirectURI',
      value: redirectUri,
      label: messages.diagnosisAddRedirectUri(redirectUri),
    };
    if (redirect.closest === undefined || redirect.difference === undefined) {
      return {
        kind: DIAGNOSIS_KINDS.redirectUriNotRegistered,
        message: messages.diagnosisRedirectNoneRegistered(redirectUri),
        fix,
      };
    }
    if (redirect.far) {
      // Another app's address is not a near miss: a list of four differences from it would only confuse.
      const [first = redirect.closest] = connection.RedirectURI;
      return {
        kind: DIAGNOSIS_KINDS.redirectUriNotRegistered,
        message: messages.diagnosisRedirectNoneAlike(redirectUri, connection.RedirectURI.length, first),
        fix,
      };
    }
    return {
      kind: DIAGNOSIS_KINDS.redirectUriNotRegistered,
      message: messages.diagnosisRedirectNotRegistered(redirectUri, redirect.closest, redirect.difference),
      fix,
      closest: redirect.closest,
      difference: redirect.difference,
    };
  }

  const allowed = new Set(connection.AllowedScopes);
  const notAllowed = [...new Set(attempt.scopes)].filter((scope) => !allowed.has(scope));
  if (notAllowed.length > 0) {
    return {
      kind: DIAGNOSIS_KINDS.scopeNotAllowed,
      message: messages.diagnosisScopeNotAllowed(notAllowed.join(', ')),
      scopes: notAllowed,
    };
  }
  if (error === 'invalid_scope')
    return {kind: DIAGNOSIS_KINDS.scopeNotAllowed, message: messages.diagnosisScopeRefused};
  if (error === 'access_denied') return {kind: DIAGNOSIS_KINDS.accessDenied, message: messages.diagnosisAccessDenied};

  // No origin: the token request comes from no web page (the extension's worker), so Cors Origins can't matter.
  if (attempt.origin.trim() === '') {
    return {kind: DIAGNOSIS_KINDS.unknown, message: messages.diagnosisUnknown(error ?? 'unknown')};
  }
  const origin = originKey(attempt.origin);
  const originListed = connection.CorsOrigins.some((listed) => originKey(listed) === origin);
  // Checked even when the failure came earlier: the token request from this origin would be blocked next.
  if (!originListed) {
    return {
      kind: DIAGNOSIS_KINDS.originNotAllowed,
      message: messages.diagnosisOriginMissing(origin),
      fix: {field: 'CorsOrigins', value: origin, label: messages.diagnosisAddOrigin(origin)},
    };
  }
  if (failure.tokenRequestBlocked === true && error === undefined) {
    return {kind: DIAGNOSIS_KINDS.unknown, message: messages.diagnosisTokenRequestFailed(origin)};
  }
  return {kind: DIAGNOSIS_KINDS.unknown, message: messages.diagnosisUnknown(error ?? 'unknown')};
}
