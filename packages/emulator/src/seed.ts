import {randomUUID} from 'node:crypto';
import {checkExternalIdentifier, parseConnectionType, validateConnection} from '@conga-connections/validation';
import {SeedError} from './errors.js';
import {newClientId, newClientSecret} from './store.js';
import type {StoreData, StoredConnection, StoredIntegration, StoredUser} from './store.js';

/** The extension's fixed development ID, from the public key in `extension/dev-key.pub` (sha256 of the SPKI, a–p). */
export const EXTENSION_ID = 'lmbadgbaohkjlkfmjkkbhlcdedjcbjkc';
/** The Firefox add-on ID; its redirect host is sha1 of this ID under extensions.allizom.org. */
export const EXTENSION_GECKO_ID = 'conga-api-connections@conga-connections.test';
/** `identity.getRedirectURL()` of the development build in Chromium. */
export const EXTENSION_REDIRECT_URI = `https://${EXTENSION_ID}.chromiumapp.org/`;
/** `identity.getRedirectURL()` of the development build in Firefox. */
export const EXTENSION_FIREFOX_REDIRECT_URI =
  'https://607fcc8896980559d5f17e4f54c660909f0c29f7.extensions.allizom.org/';

/** Credentials printed by the CLI; only ever valid against a local emulator. */
export const SEED_PASSWORD = 'conga-demo';

/**
 * A seeded API-to-API connection whose secret is known, so a script (curl) can get a first token and create
 * connections without a browser. A real tenant has no such thing: its secrets are shown once.
 */
export const SEED_SCRIPT_CLIENT = {
  clientId: '5b0f7c1e-2f55-4a8e-9c7d-1d2a3b4c5d6e',
  clientSecret: 'emulator-only-secret-3f9a1c7b5e2d4f6a8b0c',
} as const;

const organization = {Id: '0f3a2b1c-0000-4000-8000-00000000a001', Name: 'Acme Corporation', ExternalId: 'ACME'};

const adminRole = {Id: '7a1e0000-0000-4000-8000-0000000000a1', Name: 'SysAdmin'};
const memberRole = {Id: '7a1e0000-0000-4000-8000-0000000000b2', Name: 'GeneralUser'};

function user(id: string, userName: string, first: string, last: string, role: {Id: string; Name: string}): StoredUser {
  return {
    Id: id,
    UserName: userName,
    Password: SEED_PASSWORD,
    FirstName: first,
    LastName: last,
    Email: userName,
    Role: role,
    AdminPermissions: role === adminRole ? 'ApiConnections,Users,Organization' : null,
  };
}

const admin = user('1d7c0e6a-0000-4000-8000-000000000001', 'admin@acme.test', 'Ada', 'Admin', adminRole);
const member = user('1d7c0e6a-0000-4000-8000-000000000002', 'member@acme.test', 'Max', 'Member', memberRole);

const integrations: StoredIntegration[] = [
  {
    Id: 'e1000000-0000-4000-8000-000000000001',
    ExternalId: '00D5g000008XyZaEAK',
    Type: 'Prod',
    Description: 'Acme Salesforce production org',
    Provider: 'Salesforce',
    DefaultIdp: true,
    EmailDomain: 'acme.test',
    DisplayName: 'Salesforce (production)',
  },
  {
    Id: 'e1000000-0000-4000-8000-000000000002',
    ExternalId: '00D7z000000AbCdEAG',
    Type: 'UAT',
    Description: 'Acme Salesforce full sandbox',
    Provider: 'Salesforce Sandbox',
    DefaultIdp: false,
    EmailDomain: 'acme.test',
    DisplayName: 'Salesforce (sandbox)',
  },
  {
    Id: 'e1000000-0000-4000-8000-000000000003',
    ExternalId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
    Type: 'Prod',
    Description: 'Acme Microsoft Entra tenant',
    Provider: 'Microsoft',
    DefaultIdp: false,
    EmailDomain: 'acme.test',
    DisplayName: 'Microsoft',
  },
];

function connection(
  fields: Pick<StoredConnection, 'ExternalIdentifier' | 'type' | 'ClientName' | 'Description'> &
    Partial<StoredConnection>,
  day: number,
): StoredConnection {
  const date = new Date(Date.UTC(2026, 9, day, 9, 30)).toISOString();
  const by = {Id: admin.Id, Name: `${admin.FirstName} ${admin.LastName}`};
  return {
    Id: randomUUID(),
    ClientId: newClientId(),
    ClientSecret: fields.type === 'APItoAPI' ? newClientSecret() : null,
    RedirectURI: [],
    CorsOrigins: [],
    BackChannelLogoutURI: null,
    FrontChannelLogoutURI: null,
    AllowedScopes: fields.type === 'APItoAPI' ? ['api.user-management'] : ['openid', 'profile', 'email'],
    IsActive: true,
    CreatedBy: by,
    CreatedDate: date,
    ModifiedBy: by,
    ModifiedDate: date,
    version: 1,
    ...fields,
  };
}

/**
 * The default organization: an admin and a non-admin user, three external integrations, connections of both
 * types (one inactive), the scripts' API-to-API client and the extension's UI-to-API client.
 * Two slots stay free (sandbox UI-to-API, Microsoft API-to-API) so a new admin can add one of each at once.
 */
export function defaultSeed(): StoreData {
  return {
    organization,
    users: [admin, member],
    externalIntegrations: structuredClone(integrations),
    connections: [
      connection(
        {
          ExternalIdentifier: '00D5g000008XyZaEAK',
          type: 'APItoAPI',
          ClientName: 'Salesforce CLM sync',
          Description: 'Nightly contract sync from Salesforce; also the client the README uses with curl.',
          ClientId: SEED_SCRIPT_CLIENT.clientId,
          ClientSecret: SEED_SCRIPT_CLIENT.clientSecret,
        },
        2,
      ),
      connection(
        {
          ExternalIdentifier: '00D5g000008XyZaEAK',
          type: 'UItoAPI',
          ClientName: 'Conga Copilot in Salesforce',
          Description: 'Copilot side panel in the production org.',
          RedirectURI: ['https://acme.my.salesforce.com/static/clm/congacopilot/?q=param'],
          CorsOrigins: ['https://acme.my.salesforce.com'],
          AllowedScopes: ['openid', 'profile', 'email', 'api.user-management'],
        },
        5,
      ),
      connection(
        {
          ExternalIdentifier: '00D7z000000AbCdEAG',
          type: 'APItoAPI',
          ClientName: 'Sandbox CLM sync',
          Description: 'Retired when the sandbox was refreshed.',
          IsActive: false,
        },
        9,
      ),
      connection(
        {
          ExternalIdentifier: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f',
          type: 'UItoAPI',
          ClientName: 'Conga API Connections browser extension',
          Description: 'Signs admins in from the toolbar extension (Chromium and Firefox development builds).',
          ClientId: 'c0a9e7d2-6b1f-4e3a-9d8c-7f6e5d4c3b2a',
          RedirectURI: [EXTENSION_REDIRECT_URI, EXTENSION_FIREFOX_REDIRECT_URI],
          AllowedScopes: ['openid', 'profile', 'email', 'offline_access', 'api.user-management'],
        },
        14,
      ),
    ],
  };
}

/** The seeded clients the README and the extension's defaults point at. */
export const SEEDED_CLIENTS = {
  extension: {clientId: 'c0a9e7d2-6b1f-4e3a-9d8c-7f6e5d4c3b2a', redirectUri: EXTENSION_REDIRECT_URI},
  script: SEED_SCRIPT_CLIENT,
} as const;

interface SeedFile {
  organization?: {Name?: string; ExternalId?: string};
  users?: {UserName: string; Password: string; FirstName?: string; LastName?: string; Email?: string; Role?: string}[];
  externalIntegrations?: {
    ExternalId: string;
    Type?: string;
    Description?: string;
    Provider?: string;
    DisplayName?: string;
  }[];
  connections?: {
    ExternalIdentifier: string;
    type: string;
    ClientName: string;
    Description?: string;
    ClientId?: string;
    ClientSecret?: string;
    RedirectURI?: string[];
    CorsOrigins?: string[];
    BackChannelLogoutURI?: string | null;
    FrontChannelLogoutURI?: string | null;
    AllowedScopes?: string[];
    IsActive?: boolean;
  }[];
}

const ADMIN_ROLES = new Set(['sysadmin', 'systemadmin', 'admin']);

/** Whether a role name carries the administrator rights the API Connections tab needs. */
export function isAdminRole(name: string): boolean {
  return ADMIN_ROLES.has(name.toLowerCase());
}

/**
 * Turns an admin's seed JSON (documented in the README) into store data, checking every connection with the same
 * rules as the API so a seed can never hold what the API would refuse.
 */
export function seedFromJson(json: unknown): StoreData {
  if (typeof json !== 'object' || json === null) throw new SeedError('the seed must be a JSON object');
  const seed = json as SeedFile;
  const users = (seed.users ?? []).map((u, index): StoredUser => {
    if (typeof u.UserName !== 'string' || typeof u.Password !== 'string' || !u.UserName || !u.Password) {
      throw new SeedError(`users[${String(index)}] needs "UserName" and "Password"`);
    }
    const roleName = u.Role ?? 'GeneralUser';
    return {
      Id: randomUUID(),
      UserName: u.UserName,
      Password: u.Password,
      FirstName: u.FirstName ?? u.UserName,
      LastName: u.LastName ?? '',
      Email: u.Email ?? u.UserName,
      Role: {Id: isAdminRole(roleName) ? adminRole.Id : memberRole.Id, Name: roleName},
      AdminPermissions: isAdminRole(roleName) ? 'ApiConnections,Users,Organization' : null,
    };
  });
  if (!users.some((u) => isAdminRole(u.Role.Name))) {
    throw new SeedError('the seed needs at least one user whose "Role" is "SysAdmin"');
  }
  const externalIntegrations = (seed.externalIntegrations ?? []).map((i, index): StoredIntegration => {
    const problems = checkExternalIdentifier(typeof i.ExternalId === 'string' ? i.ExternalId : '').filter(
      (f) => f.severity === 'error',
    );
    if (problems[0]) throw new SeedError(`externalIntegrations[${String(index)}]: ${problems[0].message}`);
    return {
      Id: randomUUID(),
      ExternalId: i.ExternalId,
      Type: i.Type ?? 'Prod',
      Description: i.Description ?? '',
      Provider: i.Provider ?? 'Salesforce',
      DefaultIdp: index === 0,
      EmailDomain: null,
      DisplayName: i.DisplayName ?? i.ExternalId,
    };
  });
  const first = users.find((u) => isAdminRole(u.Role.Name));
  const by = first ? {Id: first.Id, Name: `${first.FirstName} ${first.LastName}`.trim()} : {Id: '', Name: ''};
  const now = new Date().toISOString();
  const connections = (seed.connections ?? []).map((c, index): StoredConnection => {
    const where = `connections[${String(index)}]`;
    const type = parseConnectionType(c.type);
    if (!type) throw new SeedError(`${where}: "type" must be "APItoAPI" or "UItoAPI"`);
    if (!externalIntegrations.some((i) => i.ExternalId === c.ExternalIdentifier)) {
      throw new SeedError(`${where}: no external integration has the identifier "${c.ExternalIdentifier}"`);
    }
    const result = validateConnection(c, {type, devMode: true});
    const [error] = result.errors;
    if (error) throw new SeedError(`${where}: ${error.message}`);
    return {
      Id: randomUUID(),
      ExternalIdentifier: c.ExternalIdentifier,
      type,
      ClientId: c.ClientId ?? newClientId(),
      ClientSecret: type === 'APItoAPI' ? (c.ClientSecret ?? newClientSecret()) : null,
      ...result.value,
      Description: result.value.Description,
      AllowedScopes: result.value.AllowedScopes.length
        ? result.value.AllowedScopes
        : type === 'APItoAPI'
          ? ['api.user-management']
          : ['openid'],
      IsActive: c.IsActive ?? true,
      CreatedBy: by,
      CreatedDate: now,
      ModifiedBy: by,
      ModifiedDate: now,
      version: 1,
    };
  });
  const keys = new Set<string>();
  for (const c of connections) {
    const key = `${c.ExternalIdentifier}|${c.type}`;
    if (keys.has(key)) throw new SeedError(`two ${c.type} connections for "${c.ExternalIdentifier}"`);
    keys.add(key);
  }
  return {
    organization: {
      Id: randomUUID(),
      Name: seed.organization?.Name ?? 'Organization',
      ExternalId: seed.organization?.ExternalId ?? 'ORG',
    },
    users,
    externalIntegrations,
    connections,
  };
}
