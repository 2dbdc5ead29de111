/**
 * Every numeric limit of the connection rules, defined once so the validator, the element, the emulator and the tests
 * all read the same value.
 */
export const LIMITS = {
  /** Maximum length of `ClientName`, in code points. */
  nameLength: 100,
  /** Maximum length of `Description`, in code points. */
  descriptionLength: 1000,
  /** Maximum length of the external identifier (the platform's user fields stop at 255 characters). */
  externalIdentifierLength: 255,
  /** Maximum length of one redirect, origin or logout URL, in code points. */
  urlLength: 2000,
  /** Maximum number of redirect URIs on one connection. */
  redirectUris: 20,
  /** Maximum number of CORS origins on one connection. */
  corsOrigins: 20,
  /** Maximum number of allowed scopes on one connection. */
  scopes: 30,
  /** Maximum length of one scope token, in characters. */
  scopeLength: 200,
  /** Largest `pageSize` the list endpoint accepts. */
  pageSizeMax: 500,
  /** `pageSize` used when none (or a non-number) is given. */
  pageSizeDefault: 50,
  /** Time after which a request is aborted. */
  requestTimeoutMs: 30_000,
  /** An access token this close to its expiry is renewed before use. */
  refreshMarginSeconds: 60,
  /** Maximum number of tries for a retried request. */
  retryCap: 3,
} as const;
