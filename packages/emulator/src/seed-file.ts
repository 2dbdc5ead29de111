/**
 * An admin's own organization (`--seed FILE`, documented in docs/emulator.md): read, checked entry by entry with
 * the API's rules, and turned into store data. The file is only ever read.
 */
import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {
  checkConnectionRules,
  checkFields,
  checkIdentifierAt,
  checkUnique,
  entriesOf,
  isAdminRole,
  isRecord,
  listProblems,
  recordAt,
  typeAt,
} from './data-check.js';
import type {Problems} from './data-check.js';
import {SeedError} from './errors.js';
import {ROLES} from './seed.js';
import {newClientId, newClientSecret} from './store.js';
import type {StoreData, StoredConnection, StoredIntegration, StoredUser} from './store.js';

const USER_FIELDS = {
  UserName: 'non-empty text',
  Password: 'non-empty text',
  FirstName: 'text',
  LastName: 'text',
  Email: 'text',
  Role: 'text',
} as const;
const USER_OPTIONAL = ['FirstName', 'LastName', 'Email', 'Role'];

const INTEGRATION_FIELDS = {
  ExternalId: 'text',
  Type: 'text',
  Description: 'text',
  Provider: 'text',
  DisplayName: 'text',
} as const;
const INTEGRATION_OPTIONAL = ['Type', 'Description', 'Provider', 'DisplayName'];

const CONNECTION_FIELDS = {
  ExternalIdentifier: 'text',
  ClientName: 'text',
  Description: 'text',
  ClientId: 'non-empty text',
  ClientSecret: 'non-empty text',
  RedirectURI: 'a list of texts',
  CorsOrigins: 'a list of texts',
  BackChannelLogoutURI: 'text or null',
  FrontChannelLogoutURI: 'text or null',
  AllowedScopes: 'a list of texts',
  IsActive: 'true or false',
} as const;
const CONNECTION_OPTIONAL = [
  'Description',
  'ClientId',
  'ClientSecret',
  'RedirectURI',
  'CorsOrigins',
  'BackChannelLogoutURI',
  'FrontChannelLogoutURI',
  'AllowedScopes',
  'IsActive',
];

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function seedUsers(problems: Problems, value: unknown): StoredUser[] {
  const users = entriesOf(problems, 'users', value, true).flatMap((entry, index): StoredUser[] => {
    const where = `users[${String(index)}]`;
    const user = recordAt(problems, where, entry, 'a user');
    if (!user || !checkFields(problems, where, user, USER_FIELDS, USER_OPTIONAL)) return [];
    const userName = user.UserName as string;
    const roleName = text(user.Role, 'GeneralUser');
    const admin = isAdminRole(roleName);
    return [
      {
        Id: randomUUID(),
        UserName: userName,
        Password: user.Password as string,
        FirstName: text(user.FirstName, userName),
        LastName: text(user.LastName, ''),
        Email: text(user.Email, userName),
        Role: {Id: admin ? ROLES.admin.Id : ROLES.member.Id, Name: roleName},
        AdminPermissions: admin ? 'ApiConnections,Users,Organization' : null,
      },
    ];
  });
  checkUnique(
    problems,
    'users',
    'the UserName',
    users.map((u) => u.UserName.toLowerCase()),
  );
  if (!users.some((u) => isAdminRole(u.Role.Name))) {
    problems.push('users: the seed needs at least one user whose "Role" is "SysAdmin" (or "SystemAdmin", "Admin")');
  }
  return users;
}

function seedIntegrations(problems: Problems, value: unknown): StoredIntegration[] {
  const integrations = entriesOf(problems, 'externalIntegrations', value, true).flatMap(
    (entry, index): StoredIntegration[] => {
      const where = `externalIntegrations[${String(index)}]`;
      const integration = recordAt(problems, where, entry, 'an external integration');
      if (!integration || !checkFields(problems, where, integration, INTEGRATION_FIELDS, INTEGRATION_OPTIONAL)) {
        return [];
      }
      const externalId = integration.ExternalId as string;
      checkIdentifierAt(problems, `${where}.ExternalId`, externalId);
      return [
        {
          Id: randomUUID(),
          ExternalId: externalId,
          Type: text(integration.Type, 'Prod'),
          Description: text(integration.Description, ''),
          Provider: text(integration.Provider, 'Salesforce'),
          DefaultIdp: index === 0,
          EmailDomain: null,
          DisplayName: text(integration.DisplayName, externalId),
        },
      ];
    },
  );
  checkUnique(
    problems,
    'externalIntegrations',
    'the ExternalId',
    integrations.map((i) => i.ExternalId),
  );
  return integrations;
}

function seedConnections(
  problems: Problems,
  section: unknown,
  integrations: readonly StoredIntegration[],
  by: {Id: string; Name: string},
): StoredConnection[] {
  const now = new Date().toISOString();
  const connections = entriesOf(problems, 'connections', section, true).map((entry, index) => {
    const where = `connections[${String(index)}]`;
    const connection = recordAt(problems, where, entry, 'a connection');
    if (!connection) return undefined;
    const type = typeAt(problems, where, connection.type);
    if (!checkFields(problems, where, connection, CONNECTION_FIELDS, CONNECTION_OPTIONAL) || !type) return undefined;
    const identifier = connection.ExternalIdentifier as string;
    if (!integrations.some((i) => i.ExternalId === identifier)) {
      problems.push(
        `${where}.ExternalIdentifier: no entry of "externalIntegrations" has the ExternalId ${JSON.stringify(identifier)}`,
      );
    }
    if (type === 'UItoAPI' && connection.ClientSecret !== undefined) {
      problems.push(`${where}.ClientSecret: a UI-to-API connection is a public client and has no secret`);
    }
    const fields = checkConnectionRules(problems, where, connection, type);
    return {
      Id: randomUUID(),
      ExternalIdentifier: identifier,
      type,
      ClientId: text(connection.ClientId, newClientId()),
      ClientSecret: type === 'APItoAPI' ? text(connection.ClientSecret, newClientSecret()) : null,
      ...fields,
      AllowedScopes: fields.AllowedScopes.length
        ? fields.AllowedScopes
        : type === 'APItoAPI'
          ? ['api.user-management']
          : ['openid'],
      IsActive: connection.IsActive !== false,
      CreatedBy: by,
      CreatedDate: now,
      ModifiedBy: by,
      ModifiedDate: now,
      version: 1,
    } satisfies StoredConnection;
  });
  const kept = connections.filter((c) => c !== undefined);
  checkUnique(
    problems,
    'connections',
    'the ClientId',
    connections.map((c) => c?.ClientId),
  );
  checkUnique(
    problems,
    'connections',
    'the (ExternalIdentifier, type) pair',
    connections.map((c) => (c ? `${c.ExternalIdentifier} ${c.type}` : undefined)),
  );
  return kept;
}

/**
 * Turns an admin's seed JSON into store data, checking every entry (users, external integrations, connections with
 * the API's rules) so a seed can never hold what the API would refuse. Throws a {@link SeedError} listing every
 * problem with its entry and field.
 */
export function seedFromJson(json: unknown): StoreData {
  if (!isRecord(json)) throw new SeedError('the seed must be a JSON object');
  const problems: Problems = [];
  const organization =
    json.organization === undefined ? {} : recordAt(problems, 'organization', json.organization, 'the organization');
  if (organization) {
    checkFields(problems, 'organization', organization, {Name: 'text', ExternalId: 'text'}, ['Name', 'ExternalId']);
  }
  const users = seedUsers(problems, json.users);
  const externalIntegrations = seedIntegrations(problems, json.externalIntegrations);
  const first = users.find((u) => isAdminRole(u.Role.Name));
  const by = first ? {Id: first.Id, Name: `${first.FirstName} ${first.LastName}`.trim()} : {Id: '', Name: ''};
  const connections = seedConnections(problems, json.connections, externalIntegrations, by);
  if (problems.length) {
    throw new SeedError(
      `the seed has ${problems.length === 1 ? 'an entry' : 'entries'} the emulator can't use:\n${listProblems(problems)}`,
    );
  }
  return {
    organization: {
      Id: randomUUID(),
      Name: text(organization?.Name, 'Organization'),
      ExternalId: text(organization?.ExternalId, 'ORG'),
    },
    users,
    externalIntegrations,
    connections,
  };
}

/**
 * Reads and checks a seed file. Its errors name the file and say how to go on; the file is never written.
 */
export function readSeedFile(file: string): StoreData {
  const recovery = `The file was left untouched. Fix it, or start without --seed (the default organization).`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(`can't read the seed file "${file}" (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`the seed file "${file}" is not valid JSON (${(error as Error).message}). ${recovery}`, {
      cause: error,
    });
  }
  try {
    return seedFromJson(json);
  } catch (error) {
    if (!(error instanceof SeedError)) throw error;
    throw new SeedError(`${error.message.replace(/^the seed/, `the seed file "${file}"`)}\n${recovery}`, {
      cause: error,
    });
  }
}
