import {randomUUID} from 'node:crypto';
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

/** The roles of the default organization; a seed file's users get one of these IDs by whether they are admins. */
export const ROLES = {
  admin: {Id: '7a1e0000-0000-4000-8000-0000000000a1', Name: 'SysAdmin'},
  member: {Id: '7a1e0000-0000-4000-8000-0000000000b2', Name: 'GeneralUser'},
} as const;
const adminRole = ROLES.admin;
const memberRole = ROLES.member;

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
  // Three more with no connection yet, so a new admin can try each connection type more than once (the platform
  // has no delete: each (External Identifier, type) slot can be used once per organization).
  {
    Id: 'e1000000-0000-4000-8000-000000000004',
    ExternalId: '00D9y000000DevQEAS',
    Type: 'Dev',
    Description: 'Acme Salesforce developer sandbox',
    Provider: 'Salesforce Sandbox',
    DefaultIdp: false,
    EmailDomain: 'acme.test',
    DisplayName: 'Salesforce (developer sandbox)',
  },
  {
    Id: 'e1000000-0000-4000-8000-000000000005',
    ExternalId: '00D4x000000UatPEAS',
    Type: 'UAT',
    Description: 'Acme Salesforce partial sandbox',
    Provider: 'Salesforce Sandbox',
    DefaultIdp: false,
    EmailDomain: 'acme.test',
    DisplayName: 'Salesforce (partial sandbox)',
  },
  {
    Id: 'e1000000-0000-4000-8000-000000000006',
    ExternalId: 'a3e5c7d9-1b2f-4a6c-8e0d-2f4b6d8e0a1c',
    Type: 'Prod',
    Description: 'Acme Europe Microsoft Entra tenant',
    Provider: 'Microsoft',
    DefaultIdp: false,
    EmailDomain: 'eu.acme.test',
    DisplayName: 'Microsoft (Europe)',
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
 * The default organization: an admin and a non-admin user, six external integrations, connections of both
 * types (one inactive), the scripts' API-to-API client and the extension's UI-to-API client.
 * Eight slots stay free (four of each type) so a new admin can add connections of each type more than once.
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
