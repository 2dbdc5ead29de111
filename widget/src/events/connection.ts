import type {ApiConnectionResponse} from '@conga-connections/api-client';

/** A connection as events carry it: never with a secret (B4-02), whatever the server answered. */
export type PublicConnection = Readonly<Omit<ApiConnectionResponse, 'ClientSecret'>>;

/** Copies a connection without its secret. */
export function withoutSecret(connection: ApiConnectionResponse): PublicConnection {
  const copy: Partial<ApiConnectionResponse> = {...connection};
  delete copy.ClientSecret;
  return Object.freeze(copy as Omit<ApiConnectionResponse, 'ClientSecret'>);
}
