import {createServer} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import Provider from 'oidc-provider';
import type {KoaContextWithOIDC} from 'oidc-provider';
import type {ConnectionType} from '@conga-connections/validation';
import type {Caller} from './api/auth.js';
import {createConnection as createConnectionRecord} from './api/connections.js';
import type {ApiSettings} from './api/connections.js';
import {API_PREFIX} from './api/router.js';
import {FaultList} from './hooks.js';
import type {FaultRule, LoggedRequest} from './hooks.js';
import {buildConfiguration, CORS_DENIED, DEFAULT_TTL, ISSUER_PATH} from './oidc/configuration.js';
import type {TokenLifetimes} from './oidc/configuration.js';
import {isAdminRole} from './data-check.js';
import {defaultSeed, SEEDED_CLIENTS} from './seed.js';
import {createRequestListener} from './server.js';
import {Store} from './store.js';
import type {StoreData} from './store.js';

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** The port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** The interface to listen on. Only loopback unless you say otherwise (B3-15). */
  host?: string;
  /** The public origin or issuer, when it differs from `http://host:port` (the CLI's `ISSUER`). */
  issuer?: string;
  /** The organization to serve; {@link defaultSeed} when absent. */
  seed?: StoreData;
  /** Keeps the organization in this JSON file across restarts (atomic writes; a corrupt file is left untouched). */
  dataFile?: string;
  /** Starts `dataFile` again from the seed; the old file is kept as `<dataFile>.bak`. */
  resetData?: boolean;
  /** Turns on fault injection and the request log's HTTP endpoints. */
  testHooks?: boolean;
  /** Allows loopback and private logout targets. */
  devMode?: boolean;
  /** Test fixture switch: when false, clients may skip PKCE (only to build the B3-04 case). Default true. */
  pkceRequired?: boolean;
  /** Token lifetimes in seconds (e.g. a 2-second access token to test renewal). */
  ttl?: Partial<TokenLifetimes>;
  /** The demo portal's built-in client; no portal client when absent. */
  portal?: {clientId?: string; redirectUris: string[]; corsOrigins?: string[]};
  /** A line under the login form, e.g. the seeded credentials. */
  loginHint?: string;
}

/** A seeded user's sign-in credentials. */
export interface EmulatorUser {
  id: string;
  username: string;
  password: string;
}

/** A running emulator. */
export interface Emulator {
  /** `http://127.0.0.1:<port>/api/v1/auth`; discovery is at `<issuer>/.well-known/openid-configuration`. */
  readonly issuer: string;
  /** The API gateway origin: `GET <apiBaseUrl>/api/user-management/v1/api-connections`. */
  readonly apiBaseUrl: string;
  readonly port: number;
  /** The first admin and the first non-admin of the organization. */
  readonly users: {admin: EmulatorUser; member: EmulatorUser | undefined};
  /** The seeded script and extension clients (default seed only) and the portal client. */
  readonly clients: {
    script: {clientId: string; clientSecret: string};
    extension: {clientId: string; redirectUri: string};
    portal: {clientId: string; redirectUris: string[]} | undefined;
  };
  /** Live settings (devMode, ignoreIfMatch); changes apply to the next request. */
  readonly settings: ApiSettings;
  /** The store's data, for assertions. Treat as read-only. */
  readonly data: StoreData;
  /** Creates a connection as the admin, through the same rules as the REST API; returns the API's `Data`. */
  createConnection(input: {
    ExternalIdentifier: string;
    type: ConnectionType;
    ClientName: string;
    Description?: string;
    RedirectURI?: string[];
    CorsOrigins?: string[];
    BackChannelLogoutURI?: string | null;
    FrontChannelLogoutURI?: string | null;
    AllowedScopes?: string[];
  }): {ClientId: string; ClientSecret: string | null};
  /** Adds an external integration (so tests can create more connections than the seed's free slots). */
  addIntegration(externalId: string, description?: string): void;
  /** Scripted faults (test hooks). */
  readonly faults: {add(rule: FaultRule): () => void; clear(): void};
  /** Every request so far, credentials redacted. */
  requestLog(): readonly LoggedRequest[];
  clearRequestLog(): void;
  close(): Promise<void>;
}

function issuerFrom(option: string | undefined, host: string, port: number): string {
  if (!option) return `http://${host.includes(':') ? `[${host}]` : host}:${String(port)}${ISSUER_PATH}`;
  const url = new URL(option);
  return url.pathname.replace(/\/$/, '').endsWith(ISSUER_PATH)
    ? `${url.origin}${url.pathname.replace(/\/$/, '')}`
    : `${url.origin}${ISSUER_PATH}`;
}

/**
 * Starts a local Conga platform: the API Connections and External Integrations REST API and an OpenID provider
 * whose clients are the stored connections.
 *
 * @example
 * const emulator = await createEmulator({port: 0});
 * const discovery = await fetch(`${emulator.issuer}/.well-known/openid-configuration`);
 * await emulator.close();
 */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? '127.0.0.1';
  const store = Store.open(options.seed ?? defaultSeed(), options.dataFile, {reset: options.resetData ?? false});
  const settings: ApiSettings = {devMode: options.devMode ?? false, ignoreIfMatch: false};
  const faults = new FaultList();
  const log: LoggedRequest[] = [];
  const pending = {sockets: new Set<Socket>(), timers: new Set<NodeJS.Timeout>()};
  const portal = options.portal
    ? {
        clientId: options.portal.clientId ?? 'conga-demo-portal',
        redirectUris: options.portal.redirectUris,
        corsOrigins: options.portal.corsOrigins ?? [
          ...new Set(options.portal.redirectUris.map((u) => new URL(u).origin)),
        ],
      }
    : undefined;
  const firstPartyClientIds = new Set([SEEDED_CLIENTS.extension.clientId, ...(portal ? [portal.clientId] : [])]);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const {port} = server.address() as AddressInfo;
  const issuer = issuerFrom(options.issuer, host, port);
  const apiBaseUrl = new URL(issuer).origin;

  const provider = new Provider(
    issuer,
    buildConfiguration({
      store,
      ttl: {...DEFAULT_TTL, ...options.ttl},
      portal,
      firstPartyClientIds,
      pkceRequired: () => options.pkceRequired ?? true,
      now: () => Date.now(),
    }),
  );
  // Keep CORS headers only for the client's Cors Origins (see clientBasedCORS in oidc/configuration.ts).
  provider.use(async (ctx, next) => {
    await next();
    if ((ctx.state as Record<symbol, boolean | undefined>)[CORS_DENIED]) {
      ctx.remove('Access-Control-Allow-Origin');
      ctx.remove('Access-Control-Expose-Headers');
    }
    // RFC 6749 §5.2 names this case unauthorized_client, as the platform's IdentityServer answers (B3-12);
    // oidc-provider calls it invalid_request.
    const body = ctx.body as {error?: string; error_description?: string} | undefined;
    if (
      body?.error === 'invalid_request' &&
      body.error_description === 'requested grant type is not allowed for this client'
    ) {
      ctx.body = {...body, error: 'unauthorized_client'};
    }
  });
  // Back-channel logout targets may be unreachable from here; a failed delivery is the relying party's problem.
  provider.on('backchannel.error', () => undefined);
  provider.on('server_error', (_ctx: KoaContextWithOIDC, error: Error) => {
    console.error('emulator: provider error', error);
  });

  const listener = createRequestListener({
    store,
    provider,
    settings,
    firstPartyClientIds,
    portalCorsOrigins: portal?.corsOrigins ?? [],
    loginHint: options.loginHint,
    testHooks: options.testHooks ?? false,
    faults,
    log,
    pending,
  });
  server.on('request', (request, response) => {
    void listener(request, response);
  });

  const toUser = (u: StoreData['users'][number] | undefined): EmulatorUser | undefined =>
    u ? {id: u.Id, username: u.UserName, password: u.Password} : undefined;
  const admin = toUser(store.data.users.find((u) => isAdminRole(u.Role.Name)));
  if (!admin) throw new Error('the organization has no admin user');

  return {
    issuer,
    apiBaseUrl,
    port,
    users: {admin, member: toUser(store.data.users.find((u) => !isAdminRole(u.Role.Name)))},
    clients: {
      script: SEEDED_CLIENTS.script,
      extension: SEEDED_CLIENTS.extension,
      portal: portal ? {clientId: portal.clientId, redirectUris: portal.redirectUris} : undefined,
    },
    settings,
    data: store.data,
    createConnection(input) {
      const user = store.findUser(admin.id);
      if (!user) throw new Error('the admin user is gone');
      const caller: Caller = {user, clientId: 'emulator', isAdmin: true};
      const {ExternalIdentifier, type, ...body} = input;
      const result = createConnectionRecord(
        store,
        settings,
        caller,
        ExternalIdentifier,
        new URLSearchParams({apiConnectionType: type}),
        body,
      );
      const envelope = result.body as {
        Data: {ClientId: string; ClientSecret: string | null};
        Errors: {Message: string}[] | null;
      };
      if (result.status !== 200) {
        throw new Error(
          `createConnection failed (${String(result.status)}): ${(envelope.Errors ?? []).map((e) => e.Message).join(' ')}`,
        );
      }
      return envelope.Data;
    },
    addIntegration(externalId, description = '') {
      store.data.externalIntegrations.push({
        Id: crypto.randomUUID(),
        ExternalId: externalId,
        Type: 'Dev',
        Description: description,
        Provider: 'Salesforce',
        DefaultIdp: false,
        EmailDomain: null,
        DisplayName: externalId,
      });
      store.save();
    },
    faults: {
      add: (rule) => faults.add(rule),
      clear: () => {
        faults.clear();
      },
    },
    requestLog: () => log,
    clearRequestLog: () => {
      log.length = 0;
    },
    close: async () => {
      for (const timer of pending.timers) clearTimeout(timer);
      for (const socket of pending.sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

export {API_PREFIX, ISSUER_PATH};
