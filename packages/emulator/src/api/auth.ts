import type {IncomingMessage} from 'node:http';
import type Provider from 'oidc-provider';
import {isAdminRole} from '../data-check.js';
import type {Store, StoredUser} from '../store.js';
import {fail} from './envelope.js';
import type {ApiResult} from './envelope.js';

/** The scope the user-management APIs require (PLATFORM.md §4.2). */
export const API_SCOPE = 'api.user-management';

/** Who is calling: the user the token (or, for API-to-API tokens, the `user-id` header) names. */
export interface Caller {
  user: StoredUser;
  clientId: string;
  isAdmin: boolean;
}

function unauthorized(message: string, error = 'invalid_token'): ApiResult {
  // RFC 6750 §3: a 401 for a bearer-protected resource says why in WWW-Authenticate.
  return fail(401, [message], {'WWW-Authenticate': `Bearer error="${error}"`});
}

/**
 * Checks the bearer token against the provider's own token store. Tokens are opaque, so this is what a resource
 * server does with introspection, done in-process.
 */
export async function authenticateCaller(
  request: IncomingMessage,
  provider: Provider,
  store: Store,
): Promise<Caller | ApiResult> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
  if (!match?.[1])
    return unauthorized('Sign in first: send "Authorization: Bearer <access token>".', 'invalid_request');
  const value = match[1];

  const accessToken = await provider.AccessToken.find(value);
  if (accessToken) {
    if (!accessToken.scopes.has(API_SCOPE)) {
      return fail(403, [`The access token lacks the "${API_SCOPE}" scope.`], {
        'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${API_SCOPE}"`,
      });
    }
    const user = accessToken.accountId ? store.findUser(accessToken.accountId) : undefined;
    if (!user) return unauthorized('The signed-in user no longer exists.');
    return {user, clientId: accessToken.clientId ?? '', isAdmin: isAdminRole(user.Role.Name)};
  }

  const clientToken = await provider.ClientCredentials.find(value);
  if (clientToken) {
    const connection = store.findByClientId(clientToken.clientId ?? '');
    // No scope requested means every allowed scope, as on the platform's IdentityServer.
    const scopes = clientToken.scope ? clientToken.scope.split(' ') : (connection?.AllowedScopes ?? []);
    if (!scopes.includes(API_SCOPE)) {
      return fail(403, [`The access token lacks the "${API_SCOPE}" scope.`], {
        'WWW-Authenticate': `Bearer error="insufficient_scope", scope="${API_SCOPE}"`,
      });
    }
    // API-to-API tokens carry no user: the platform takes it from the `user-id` header (PLATFORM.md §4.3).
    const userId = request.headers['user-id'];
    if (typeof userId !== 'string' || !userId) {
      return unauthorized('API-to-API tokens need a "user-id" header naming a platform user.', 'invalid_request');
    }
    const user = store.findUser(userId);
    if (!user) return fail(403, ['The "user-id" header names no user of this organization.']);
    return {user, clientId: clientToken.clientId ?? '', isAdmin: isAdminRole(user.Role.Name)};
  }

  return unauthorized('The access token is invalid or has expired.');
}

/** The 403 a signed-in user without the administrator role gets from the API Connections endpoints. */
export function forbiddenForNonAdmin(): ApiResult {
  return fail(403, ['You need the administrator role to manage API connections.']);
}
