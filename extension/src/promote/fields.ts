/**
 * The settings a promotion copies: the fields of the platform's create/update body, nothing else. Its own module
 * because the plan (`plan.ts`) and its words (`text.ts`, one label per field) both need it.
 */
export const COPIED_FIELDS = [
  'ClientName',
  'Description',
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
] as const;

/** One of {@link COPIED_FIELDS}. */
export type CopiedField = (typeof COPIED_FIELDS)[number];
