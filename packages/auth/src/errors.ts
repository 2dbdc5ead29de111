/** Every code an {@link AuthError} can carry; the UI switches on these, never on the message. */
export const AUTH_ERROR_CODES = [
  'AUTH_STATE_MISMATCH',
  'AUTH_ISSUER_MISMATCH',
  'AUTH_CONFIGURATION_MISMATCH',
  'AUTH_UNEXPECTED_RESPONSE',
  'AUTH_ACCESS_DENIED',
  'AUTH_LOGIN_REQUIRED',
  'AUTH_PROVIDER_ERROR',
  'AUTH_POPUP_BLOCKED',
  'AUTH_POPUP_CLOSED',
  'AUTH_DISCOVERY_FAILED',
  'AUTH_TOKEN_REQUEST_FAILED',
  'AUTH_RENEWAL_FAILED',
  'AUTH_NETWORK_ERROR',
  'AUTH_INSECURE_ISSUER',
  'AUTH_SIGNED_OUT',
  'AUTH_INTERRUPTED',
  'AUTH_TIMED_OUT',
  'AUTH_REDIRECT_URI_NOT_REGISTERED',
] as const;

/** One of {@link AUTH_ERROR_CODES}. */
export type AuthErrorCode = (typeof AUTH_ERROR_CODES)[number];

/** The default message for each code: plain sentences that never contain tokens, codes or verifiers. */
const MESSAGES: Record<AuthErrorCode, string> = {
  AUTH_STATE_MISMATCH: "Sign-in couldn't be verified. Please try again.",
  AUTH_ISSUER_MISMATCH: "Sign-in couldn't be verified: the answer came from an unexpected sign-in service.",
  AUTH_CONFIGURATION_MISMATCH: 'Sign-in service configuration mismatch.',
  AUTH_UNEXPECTED_RESPONSE: "Sign-in couldn't be verified: the sign-in service answered in an unsupported way.",
  AUTH_ACCESS_DENIED: 'Sign-in was cancelled or access was denied.',
  AUTH_LOGIN_REQUIRED: 'Sign in to continue.',
  AUTH_PROVIDER_ERROR: 'The sign-in service reported an error. Please try again.',
  AUTH_POPUP_BLOCKED: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.',
  AUTH_POPUP_CLOSED: 'The sign-in window was closed before sign-in finished.',
  AUTH_DISCOVERY_FAILED: "Can't reach the sign-in service.",
  AUTH_TOKEN_REQUEST_FAILED: "Sign-in couldn't be completed. Please try again.",
  AUTH_RENEWAL_FAILED: 'Your session expired. Sign in again to continue — your changes are kept.',
  AUTH_NETWORK_ERROR: "Can't reach the sign-in service. Check your connection and try again.",
  AUTH_INSECURE_ISSUER:
    'The sign-in service must use https:// (http is only allowed for 127.0.0.1, [::1] or localhost).',
  AUTH_SIGNED_OUT: 'Sign in to continue.',
  AUTH_INTERRUPTED: 'Sign-in was interrupted. Try again.',
  AUTH_TIMED_OUT: 'The sign-in window got no answer in time.',
  AUTH_REDIRECT_URI_NOT_REGISTERED:
    "The sign-in service doesn't accept this redirect URI: it isn't registered on the UI-to-API connection.",
};

/** A sign-in, renewal or sign-out failure; `cause` holds the underlying oauth4webapi error with secrets redacted. */
export class AuthError extends Error {
  override readonly name = 'AuthError'; // a literal, because bundles minify class names
  readonly code: AuthErrorCode;

  constructor(code: AuthErrorCode, options: {message?: string; cause?: unknown} = {}) {
    super(options.message ?? MESSAGES[code], options.cause === undefined ? undefined : {cause: redact(options.cause)});
    this.code = code;
  }
}

/** Tells whether `error` is an {@link AuthError}, optionally with the given code. */
export function isAuthError(error: unknown, code?: AuthErrorCode): error is AuthError {
  return error instanceof AuthError && (code === undefined || error.code === code);
}

/** Names whose values are secrets: they never reach an error, a log or a message (STYLE §8, B4-07). */
const SECRET_NAMES = new Set(['access_token', 'refresh_token', 'id_token', 'code', 'code_verifier', 'token']);
const REDACTED = '[redacted]';

/**
 * Returns `value` with every secret replaced by `[redacted]`: oauth4webapi attaches response bodies, ID token claims
 * and callback parameters to its errors, and an error may end up in `console.error`.
 */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object') return value;
  if (value instanceof URLSearchParams) {
    const copy = new URLSearchParams(value);
    for (const name of SECRET_NAMES) if (copy.has(name)) copy.set(name, REDACTED);
    return copy;
  }
  if (value instanceof Error) {
    if ('cause' in value && value.cause !== undefined) {
      Object.defineProperty(value, 'cause', {
        value: redact(value.cause, depth + 1),
        configurable: true,
        writable: true,
      });
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value; // Response, Headers, …: left as they are
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = SECRET_NAMES.has(key) ? REDACTED : redact(item, depth + 1);
  }
  return copy;
}
