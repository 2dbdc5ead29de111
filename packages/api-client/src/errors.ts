/**
 * The three error classes of the api-client (STYLE §8). Messages are lower-case and never hold tokens, secrets,
 * `Authorization` headers or 5xx bodies; the UI switches on `code`, never on `message`.
 */

/** Every code an `ApiError` can carry; `API_REQUEST_FAILED` is an HTTP 2xx whose envelope says `Success: false` (A7-03). */
export const API_ERROR_CODES = [
  'API_BAD_REQUEST',
  'API_UNAUTHORIZED',
  'API_FORBIDDEN',
  'API_NOT_FOUND',
  'API_CONFLICT',
  'API_PRECONDITION_FAILED',
  'API_RATE_LIMITED',
  'API_SERVER_ERROR',
  'API_REQUEST_FAILED',
] as const;

/** A code an `ApiError` can carry. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** Every code a `NetworkError` can carry. */
export const NETWORK_ERROR_CODES = ['NETWORK_FAILED', 'NETWORK_TIMEOUT', 'NETWORK_OFFLINE'] as const;

/** A code a `NetworkError` can carry. */
export type NetworkErrorCode = (typeof NETWORK_ERROR_CODES)[number];

/** Options of the `ApiError` constructor. */
export interface ApiErrorOptions {
  code: ApiErrorCode;
  status: number;
  response: Response;
  /** The envelope's `Errors[].Message`, already stripped of empty entries. */
  messages?: readonly string[];
  retryAfterMs?: number;
  missingScope?: string;
  cause?: unknown;
}

/** The platform answered, but not with success: an error status, or `Success: false`. */
export class ApiError extends Error {
  // A literal, because bundles minify class names.
  override readonly name = 'ApiError';
  /** What went wrong, for the UI to switch on. */
  readonly code: ApiErrorCode;
  /** The HTTP status (200 for `API_REQUEST_FAILED`). */
  readonly status: number;
  /** The server's `Errors[].Message` texts; always empty for 5xx, whose text is never shown (C2-08). */
  readonly messages: string[];
  /** How long the server asked to wait (`Retry-After`), when it said so. */
  readonly retryAfterMs?: number;
  /** The scope a 403 named in `WWW-Authenticate` (C1-06), when it named one. */
  readonly missingScope?: string;
  /** The raw response (its body already read); non-enumerable so it never lands in logs or diagnostics. */
  declare readonly response: Response;

  constructor(message: string, options: ApiErrorOptions) {
    super(message, {cause: options.cause});
    this.code = options.code;
    this.status = options.status;
    this.messages = [...(options.messages ?? [])];
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.missingScope !== undefined) this.missingScope = options.missingScope;
    Object.defineProperty(this, 'response', {value: options.response, enumerable: false});
  }
}

/** The request never got an HTTP answer: the network failed, the browser is offline, or the server timed out. */
export class NetworkError extends Error {
  // A literal, because bundles minify class names.
  override readonly name = 'NetworkError';
  /** What went wrong, for the UI to switch on. */
  readonly code: NetworkErrorCode;

  constructor(message: string, options: {code: NetworkErrorCode; cause?: unknown}) {
    super(message, {cause: options.cause});
    this.code = options.code;
  }
}

/** A successful response whose body doesn't match the documented shape (HTML from a proxy, truncated JSON, wrong types). */
export class ResponseShapeError extends Error {
  // A literal, because bundles minify class names.
  override readonly name = 'ResponseShapeError';
  /** Always `RESPONSE_SHAPE`. */
  readonly code = 'RESPONSE_SHAPE';
  /** Where in the body the mismatch is, e.g. `Data[2].IsActive`; never the value, which may be a secret. */
  readonly path: string;
  /** The raw response, when there was one; non-enumerable like `ApiError.response`. */
  declare readonly response?: Response;

  constructor(message: string, options: {path?: string; response?: Response; cause?: unknown} = {}) {
    super(message, {cause: options.cause});
    this.path = options.path ?? '';
    if (options.response) Object.defineProperty(this, 'response', {value: options.response, enumerable: false});
  }
}

function isCode<T extends string>(codes: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (codes as readonly string[]).includes(value);
}

/**
 * Tells whether `error` is an `ApiError`, optionally with the given code.
 * Checks `name` and `code` rather than `instanceof`, so an error from a second copy of the bundle still matches.
 */
export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  if (!(error instanceof Error) || error.name !== 'ApiError') return false;
  const actual = (error as {code?: unknown}).code;
  return isCode(API_ERROR_CODES, actual) && (code === undefined || actual === code);
}

/** Tells whether `error` is a `NetworkError`, optionally with the given code. */
export function isNetworkError(error: unknown, code?: NetworkErrorCode): error is NetworkError {
  if (!(error instanceof Error) || error.name !== 'NetworkError') return false;
  const actual = (error as {code?: unknown}).code;
  return isCode(NETWORK_ERROR_CODES, actual) && (code === undefined || actual === code);
}

/** Tells whether `error` is a `ResponseShapeError`. */
export function isResponseShapeError(error: unknown): error is ResponseShapeError {
  return (
    error instanceof Error &&
    error.name === 'ResponseShapeError' &&
    (error as {code?: unknown}).code === 'RESPONSE_SHAPE'
  );
}

/** Tells whether `error` is an abort (the caller's signal, or a DOMException named `AbortError`), which the UI ignores. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error && error.name === 'AbortError';
}
