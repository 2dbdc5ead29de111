/**
 * The body of a save. A new connection sends the validated values of its type's fields. A save (PUT) of an existing
 * connection sends what was loaded, with only the fields the admin changed replaced (issue 12). The request schema requires no field and the platform doesn't say whether a missing field
 * keeps its value or clears it, so every field the form owns is sent, and the ones the admin didn't touch go back
 * exactly as the platform sent them: a null stays null, `[]` stays `[]`. A PUT never changes a field the admin did
 * not touch, on a server that reads a missing or null field either way.
 */
import type {ApiConnection, ApiConnectionCreateRequest, ConnectionType} from '@conga-connections/api-client';
import type {ConnectionValue, FieldName} from '@conga-connections/validation';

/** Builds the POST body of a new connection; an API-to-API one has no redirect, origin, logout or scope fields (A3-07). */
export function createBody(type: ConnectionType, value: ConnectionValue): ApiConnectionCreateRequest {
  if (type === 'UItoAPI') {
    return {
      ClientName: value.ClientName,
      Description: value.Description,
      RedirectURI: value.RedirectURI,
      CorsOrigins: value.CorsOrigins,
      BackChannelLogoutURI: value.BackChannelLogoutURI,
      FrontChannelLogoutURI: value.FrontChannelLogoutURI,
      AllowedScopes: value.AllowedScopes,
    };
  }
  return {ClientName: value.ClientName, Description: value.Description};
}

/** The body fields a save sends, per type; an API-to-API save never sends the browser fields (A3-07). */
const BODY_FIELDS = {
  APItoAPI: ['ClientName', 'Description', 'AllowedScopes'],
  UItoAPI: [
    'ClientName',
    'Description',
    'RedirectURI',
    'CorsOrigins',
    'BackChannelLogoutURI',
    'FrontChannelLogoutURI',
    'AllowedScopes',
  ],
} as const satisfies Record<ConnectionType, readonly (keyof ApiConnectionCreateRequest & FieldName)[]>;

type BodyField = (typeof BODY_FIELDS)[ConnectionType][number];

/** A field as loaded: lists the platform sent as null go back as null, everything else as it was read. */
function loadedValue(loaded: ApiConnection, field: BodyField): string | string[] | null {
  if (field === 'RedirectURI' || field === 'CorsOrigins' || field === 'AllowedScopes') {
    return loaded.nullLists?.includes(field) ? null : [...loaded[field]];
  }
  return loaded[field];
}

/**
 * Builds the PUT body of an edit.
 *
 * @param loaded - The connection as the form loaded it (GET by identifier).
 * @param value - The validated, normalized form values.
 * @param changed - The fields whose value the admin changed, compared with what was loaded.
 */
export function updateBody(
  type: ConnectionType,
  loaded: ApiConnection,
  value: ConnectionValue,
  changed: ReadonlySet<FieldName>,
): ApiConnectionCreateRequest {
  const body: Record<string, string | string[] | null> = {};
  for (const field of BODY_FIELDS[type]) {
    body[field] = changed.has(field) ? value[field] : loadedValue(loaded, field);
  }
  return body;
}
