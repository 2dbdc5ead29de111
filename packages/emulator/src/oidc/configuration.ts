import {generateKeyPairSync, randomBytes} from 'node:crypto';
import {errors} from 'oidc-provider';
import type {AdapterPayload, ClientMetadata, Configuration, KoaContextWithOIDC} from 'oidc-provider';
import type {Store, StoredConnection} from '../store.js';
import {CLAIMS, createFindAccount} from './accounts.js';
import {MemoryAdapter} from './adapter.js';
import {renderErrorPage, renderLogoutPage} from './pages.js';

/** Where the provider lives below the emulator's origin: the platform's issuers end in `/api/v1/auth`. */
export const ISSUER_PATH = '/api/v1/auth';

/** Scopes the platform's discovery lists that this tab needs (PLATFORM.md §4.2). */
export const SCOPES = ['openid', 'profile', 'email', 'offline_access', 'api.user-management'] as const;

/** Token lifetimes in seconds. Access tokens last an hour, as the platform's examples show (`expires_in: 3600`). */
export interface TokenLifetimes {
  AccessToken: number;
  ClientCredentials: number;
  IdToken: number;
  RefreshToken: number;
  AuthorizationCode: number;
  Session: number;
  Interaction: number;
  Grant: number;
}

/** The defaults of {@link TokenLifetimes}. */
export const DEFAULT_TTL: TokenLifetimes = {
  AccessToken: 3600,
  ClientCredentials: 3600,
  IdToken: 3600,
  RefreshToken: 14 * 24 * 3600,
  AuthorizationCode: 60,
  Session: 24 * 3600,
  Interaction: 3600,
  Grant: 14 * 24 * 3600,
};

/** A built-in first-party client such as the demo portal's (the platform's own SPA has `conga-next-ui`). */
export interface PortalClient {
  clientId: string;
  redirectUris: string[];
  corsOrigins: string[];
}

/** What the provider configuration needs from the rest of the emulator. */
export interface ProviderOptions {
  store: Store;
  ttl: TokenLifetimes;
  portal: PortalClient | undefined;
  /** Client IDs whose consent is implied: the portal and the extension are the platform's own apps. */
  firstPartyClientIds: ReadonlySet<string>;
  /** Test fixture switch for B3-04: lets a client omit PKCE so the "verifier without challenge" case can be built. */
  pkceRequired: () => boolean;
  now: () => number;
}

/**
 * Maps a stored connection onto OAuth client metadata, fresh on every lookup, so an edit, a rotation or a
 * deactivation applies to the very next request (D-02).
 */
export function clientMetadataOf(connection: StoredConnection): ClientMetadata | undefined {
  // Deactivated connections are unknown clients: token and authorization requests get invalid_client (B3-13).
  if (!connection.IsActive) return undefined;
  const scope = connection.AllowedScopes.join(' ');
  if (connection.type === 'APItoAPI') {
    return {
      client_id: connection.ClientId,
      client_secret: connection.ClientSecret ?? undefined,
      // oidc-provider accepts client_secret_post for a client registered with client_secret_basic, so both work.
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope,
    };
  }
  return {
    client_id: connection.ClientId,
    // UI-to-API connections are public clients: no secret, PKCE required (RFC 9700 §2.1.1).
    token_endpoint_auth_method: 'none',
    application_type: 'web',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: connection.RedirectURI,
    // The platform has no separate post-logout list; the app's own redirect URIs are where it expects users back.
    post_logout_redirect_uris: connection.RedirectURI,
    scope,
    ...(connection.BackChannelLogoutURI ? {backchannel_logout_uri: connection.BackChannelLogoutURI} : {}),
  };
}

/** Whether `origin` may read the provider's answers for `clientId`: its Cors Origins, exactly. */
function corsAllowed(options: ProviderOptions, clientId: string, origin: string): boolean {
  if (options.portal?.clientId === clientId) return options.portal.corsOrigins.includes(origin);
  return options.store.findByClientId(clientId)?.CorsOrigins.includes(origin) ?? false;
}

/** Marks a context whose response must not carry CORS headers; read by the middleware in {@link createProvider}. */
export const CORS_DENIED = Symbol('conga.cors-denied');

/** Builds the oidc-provider configuration. Every choice carries its reason. */
export function buildConfiguration(options: ProviderOptions): Configuration {
  const {store, ttl} = options;
  const entries = new Map<string, {payload: AdapterPayload; expiresAt: number | undefined}>();
  const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});

  return {
    adapter: (model: string) => {
      if (model === 'Client') {
        // Clients ARE the stored connections: looked up on every request, never cached by ID.
        return {
          find: (id: string) => {
            const connection = store.findByClientId(id);
            return Promise.resolve(
              connection ? (clientMetadataOf(connection) as AdapterPayload | undefined) : undefined,
            );
          },
          upsert: () => Promise.resolve(),
          findByUid: () => Promise.resolve(undefined),
          findByUserCode: () => Promise.resolve(undefined),
          consume: () => Promise.resolve(),
          destroy: () => Promise.resolve(),
          revokeByGrantId: () => Promise.resolve(),
        };
      }
      return new MemoryAdapter(model, entries, options.now);
    },
    // The demo portal is a built-in client (like the platform's own `conga-next-ui`), not an API connection.
    clients: options.portal
      ? [
          {
            client_id: options.portal.clientId,
            token_endpoint_auth_method: 'none',
            application_type: 'web',
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            redirect_uris: options.portal.redirectUris,
            post_logout_redirect_uris: options.portal.redirectUris,
            scope: SCOPES.join(' '),
          },
        ]
      : [],
    // The platform's discovery lists exactly these two secret methods, plus `none` for public clients.
    clientAuthMethods: ['none', 'client_secret_basic', 'client_secret_post'],
    // Only the authorization code flow: no implicit or hybrid response types (B3-16, RFC 9700 §2.1.2).
    responseTypes: ['code'],
    scopes: [...SCOPES],
    claims: {...CLAIMS, offline_access: [], 'api.user-management': []},
    findAccount: createFindAccount(store),
    jwks: {keys: [{...privateKey.export({format: 'jwk'}), kid: 'emulator-rs256', use: 'sig', alg: 'RS256'}]},
    cookies: {keys: [randomBytes(32).toString('base64url')]},
    ttl: {...ttl},
    // PKCE for every client, S256 only; discovery then advertises only S256 (RFC 9700 §2.1.1, B3-01, B3-02).
    pkce: {required: options.pkceRequired},
    routes: {
      authorization: '/connect/authorize',
      token: '/connect/token',
      userinfo: '/connect/userinfo',
      end_session: '/connect/endsession',
      revocation: '/connect/revocation',
      introspection: '/connect/introspect',
      jwks: '/.well-known/openid-configuration/jwks',
      pushed_authorization_request: '/connect/par',
    },
    interactions: {url: (_ctx, interaction) => `${ISSUER_PATH}/interaction/${interaction.uid}`},
    features: {
      // The emulator serves its own login and consent pages (oidc/interactions.ts).
      devInteractions: {enabled: false},
      clientCredentials: {enabled: true},
      introspection: {enabled: true},
      revocation: {enabled: true},
      backchannelLogout: {enabled: true},
      resourceIndicators: {enabled: false},
      rpInitiatedLogout: {enabled: true, logoutSource: renderLogoutPage},
    },
    // The platform's provider answers every origin and only withholds CORS headers from origins that aren't a
    // connection's Cors Origins. oidc-provider would refuse the request instead, which would break the extension
    // (its worker sends `Origin: chrome-extension://…`); so allow here and strip the header later (DESIGN.md).
    clientBasedCORS: (ctx: KoaContextWithOIDC, origin: string, client) => {
      if (!corsAllowed(options, client.clientId, origin)) (ctx.state as Record<symbol, boolean>)[CORS_DENIED] = true;
      return true;
    },
    // Public clients get rotated refresh tokens (RFC 9700 §4.14.2). A UI-to-API client that is allowed
    // `offline_access` gets one without `prompt=consent`, as on the platform's IdentityServer.
    issueRefreshToken: (_ctx, client) =>
      client.grantTypeAllowed('refresh_token') && (client.scope ?? '').split(' ').includes('offline_access'),
    rotateRefreshToken: true,
    // First-party apps (the extension, the demo portal: the platform's own) never ask for consent: their grant is
    // implied, so it is made (or widened to the scopes asked for) here. That includes a sign-in after a replayed
    // refresh token revoked the grant: the session still names the revoked grant, which no longer exists.
    // Every other client gets the consent page, once per scope set.
    loadExistingGrant: async (ctx) => {
      const {client, session, params} = ctx.oidc;
      if (!client || !session) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      const accountId = session.accountId;
      if (!options.firstPartyClientIds.has(client.clientId) || !accountId) return existing;
      const grant =
        existing?.accountId === accountId
          ? existing
          : new ctx.oidc.provider.Grant({clientId: client.clientId, accountId});
      grant.addOIDCScope(typeof params?.scope === 'string' ? params.scope : 'openid');
      await grant.save();
      return grant;
    },
    // A client_credentials request for a scope the connection isn't allowed is refused with invalid_scope, as the
    // platform's IdentityServer does. oidc-provider only checks the scopes it knows and silently drops the rest, and
    // a token with no scope left would then stand for every allowed scope (api/auth.ts). This hook runs before the
    // token is stored, so a refused request leaves no token behind.
    extraTokenClaims: (ctx, token) => {
      if (token.kind !== 'ClientCredentials') return undefined;
      // The scope as sent: by now oidc-provider has already dropped the scopes it doesn't know from params.scope.
      const sent = ctx.oidc.body?.scope;
      const requested = typeof sent === 'string' ? sent.split(' ') : [];
      const allowed = new Set((ctx.oidc.client?.scope ?? '').split(' '));
      const refused = requested.find((scope) => scope !== '' && !allowed.has(scope));
      if (refused !== undefined) throw new errors.InvalidScope('requested scope is not allowed', refused);
      return undefined;
    },
    renderError: renderErrorPage,
    // Opaque access tokens: the emulator's API checks them in-process, and nothing in the tab may depend on
    // reading a token's contents.
    clockTolerance: 5,
  };
}
