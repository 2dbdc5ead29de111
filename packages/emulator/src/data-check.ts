/**
 * Entry-by-entry checks of what the emulator loads from a file (`--data`, `--seed`), so a file it can't serve is
 * refused at start-up with the entry and field named, instead of starting and then answering 500 to every list.
 * Connection fields are checked with the same rules as the API (`@conga-connections/validation`).
 */
import {
  checkExternalIdentifier,
  formatServerMessage,
  parseConnectionType,
  validateConnection,
} from '@conga-connections/validation';
import type {ConnectionDraft, ConnectionType} from '@conga-connections/validation';

/** At most this many problems are listed; a file with more is likely not an emulator file at all. */
const MAX_LISTED = 20;

/** The problems found so far, each `where: what` (`connections[3].type: must be "APItoAPI" or "UItoAPI"`). */
export type Problems = string[];

/** A plain JSON object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How a wrong value reads in a message: `null`, `a number (5)`, `a list`, `"text"`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  return `a ${typeof value}`;
}

/** What one field must hold. */
export type FieldKind =
  | 'text'
  | 'non-empty text'
  | 'text or null'
  | 'true or false'
  | 'a list of texts'
  | 'a date'
  | 'a whole number from 1'
  | 'an {Id, Name} object';

function fits(kind: FieldKind, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'non-empty text':
      return typeof value === 'string' && value.trim() !== '';
    case 'text or null':
      return value === null || typeof value === 'string';
    case 'true or false':
      return typeof value === 'boolean';
    case 'a list of texts':
      return Array.isArray(value) && value.every((item) => typeof item === 'string');
    case 'a date':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value));
    case 'a whole number from 1':
      return Number.isSafeInteger(value) && (value as number) >= 1;
    case 'an {Id, Name} object':
      return isRecord(value) && typeof value.Id === 'string' && typeof value.Name === 'string';
  }
}

/**
 * Checks the fields of one entry against their kinds; an optional field may be absent. Returns whether all fit,
 * so the caller only runs the deeper rules on well-typed entries.
 */
export function checkFields(
  problems: Problems,
  where: string,
  entry: Record<string, unknown>,
  kinds: Readonly<Record<string, FieldKind>>,
  optional: readonly string[] = [],
): boolean {
  let ok = true;
  for (const [field, kind] of Object.entries(kinds)) {
    const value = entry[field];
    if (value === undefined && optional.includes(field)) continue;
    if (!fits(kind, value)) {
      problems.push(`${where}.${field}: must be ${kind}, not ${describeValue(value)}`);
      ok = false;
    }
  }
  return ok;
}

/** The entries of a list section, or a problem when the section isn't a list. */
export function entriesOf(problems: Problems, section: string, value: unknown, optional = false): unknown[] {
  if (value === undefined && optional) return [];
  if (Array.isArray(value)) return value;
  problems.push(`${section}: must be a list, not ${describeValue(value)}`);
  return [];
}

/** An entry of a list that must be an object: the entry, or undefined with a problem naming its index. */
export function recordAt(
  problems: Problems,
  where: string,
  entry: unknown,
  what: string,
): Record<string, unknown> | undefined {
  if (isRecord(entry)) return entry;
  problems.push(`${where}: must be ${what} (an object), not ${describeValue(entry)}`);
  return undefined;
}

/** The connection type of an entry, or undefined with a problem at `where.type`. */
export function typeAt(problems: Problems, where: string, value: unknown): ConnectionType | undefined {
  const type = parseConnectionType(value);
  if (type) return type;
  problems.push(`${where}.type: must be "APItoAPI" or "UItoAPI", not ${describeValue(value)}`);
  return undefined;
}

/** The API's rules for an External Identifier, as problems at `where`. */
export function checkIdentifierAt(problems: Problems, where: string, value: string): void {
  for (const finding of checkExternalIdentifier(value).filter((f) => f.severity === 'error')) {
    problems.push(`${where}: ${finding.message}`);
  }
}

/** The API's rules for a connection's fields (the same as a create), as problems at `where.Field[i]`. */
export function checkConnectionRules(problems: Problems, where: string, draft: ConnectionDraft, type: ConnectionType) {
  // Dev mode, as an admin's own seed may name loopback logout targets; the API's stricter mode is a setting.
  const result = validateConnection(draft, {type, devMode: true});
  for (const error of result.errors) problems.push(`${where}.${formatServerMessage(error)}`);
  return result.value;
}

/** One problem per repeated key: `where: <label> "x" is also in connections[1]`. */
export function checkUnique(problems: Problems, section: string, label: string, keys: (string | undefined)[]): void {
  const seen = new Map<string, number>();
  keys.forEach((key, index) => {
    if (key === undefined) return;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push(
        `${section}[${String(index)}]: ${label} ${JSON.stringify(key)} is also in ${section}[${String(first)}]`,
      );
  });
}

/** The problems as an indented list, at most {@link MAX_LISTED}. */
export function listProblems(problems: Problems): string {
  const shown = problems.slice(0, MAX_LISTED).map((p) => `  - ${p}`);
  if (problems.length > MAX_LISTED) shown.push(`  - … and ${String(problems.length - MAX_LISTED)} more`);
  return shown.join('\n');
}

const ADMIN_ROLES = new Set(['sysadmin', 'systemadmin', 'admin']);

/** Whether a role name carries the administrator rights the API Connections tab needs. */
export function isAdminRole(name: string): boolean {
  return ADMIN_ROLES.has(name.toLowerCase());
}

const USER_FIELDS: Readonly<Record<string, FieldKind>> = {
  Id: 'non-empty text',
  UserName: 'non-empty text',
  Password: 'non-empty text',
  FirstName: 'text',
  LastName: 'text',
  Email: 'text',
  Role: 'an {Id, Name} object',
  AdminPermissions: 'text or null',
};

const INTEGRATION_FIELDS: Readonly<Record<string, FieldKind>> = {
  Id: 'non-empty text',
  ExternalId: 'text',
  Type: 'text',
  Description: 'text',
  Provider: 'text',
  DefaultIdp: 'true or false',
  EmailDomain: 'text or null',
  DisplayName: 'text',
};

const CONNECTION_FIELDS: Readonly<Record<string, FieldKind>> = {
  Id: 'non-empty text',
  ExternalIdentifier: 'text',
  ClientId: 'non-empty text',
  ClientName: 'text',
  Description: 'text',
  RedirectURI: 'a list of texts',
  CorsOrigins: 'a list of texts',
  BackChannelLogoutURI: 'text or null',
  FrontChannelLogoutURI: 'text or null',
  AllowedScopes: 'a list of texts',
  IsActive: 'true or false',
  CreatedBy: 'an {Id, Name} object',
  CreatedDate: 'a date',
  ModifiedBy: 'an {Id, Name} object',
  ModifiedDate: 'a date',
  version: 'a whole number from 1',
};

/**
 * Checks a parsed `--data` file entry by entry: every section, user, external integration and connection the
 * emulator reads, with the API's rules for connection fields. Returns the problems; none means the file is usable.
 */
export function checkStoreData(value: unknown): Problems {
  const problems: Problems = [];
  if (!isRecord(value)) {
    return [
      `the file holds ${describeValue(value)}, not an object with "organization", "users", "externalIntegrations" and "connections"`,
    ];
  }
  const organization = recordAt(problems, 'organization', value.organization, 'the organization');
  if (organization) checkFields(problems, 'organization', organization, {Id: 'text', Name: 'text', ExternalId: 'text'});

  const users = entriesOf(problems, 'users', value.users).map((entry, index) => {
    const where = `users[${String(index)}]`;
    const user = recordAt(problems, where, entry, 'a user');
    return user && checkFields(problems, where, user, USER_FIELDS) ? user : undefined;
  });
  checkUnique(
    problems,
    'users',
    'the Id',
    users.map((u) => u?.Id as string | undefined),
  );
  checkUnique(
    problems,
    'users',
    'the UserName',
    users.map((u) => (u?.UserName as string | undefined)?.toLowerCase()),
  );
  if (Array.isArray(value.users) && !users.some((u) => u && isAdminRole((u.Role as {Name: string}).Name))) {
    problems.push(
      'users: no user has an admin role ("SysAdmin", "SystemAdmin" or "Admin"), so nobody could sign in to the tab',
    );
  }

  const integrations = entriesOf(problems, 'externalIntegrations', value.externalIntegrations).map((entry, index) => {
    const where = `externalIntegrations[${String(index)}]`;
    const integration = recordAt(problems, where, entry, 'an external integration');
    if (!integration || !checkFields(problems, where, integration, INTEGRATION_FIELDS)) return undefined;
    checkIdentifierAt(problems, `${where}.ExternalId`, integration.ExternalId as string);
    return integration;
  });
  checkUnique(
    problems,
    'externalIntegrations',
    'the ExternalId',
    integrations.map((i) => i?.ExternalId as string | undefined),
  );

  const connections = entriesOf(problems, 'connections', value.connections).map((entry, index) => {
    const where = `connections[${String(index)}]`;
    const connection = recordAt(problems, where, entry, 'a connection');
    if (!connection) return undefined;
    const type = typeAt(problems, where, connection.type);
    const typed = checkFields(problems, where, connection, CONNECTION_FIELDS);
    if (!type) return undefined;
    if (type === 'APItoAPI' && !fits('non-empty text', connection.ClientSecret)) {
      problems.push(
        `${where}.ClientSecret: an API-to-API connection needs its secret as text, not ${describeValue(connection.ClientSecret)}`,
      );
    }
    if (type === 'UItoAPI' && connection.ClientSecret !== null) {
      problems.push(
        `${where}.ClientSecret: must be null for a UI-to-API connection (a public client), not ${describeValue(connection.ClientSecret)}`,
      );
    }
    if (typed) checkConnectionRules(problems, where, connection, type);
    return {connection, type};
  });
  checkUnique(
    problems,
    'connections',
    'the ClientId',
    connections.map((c) => c?.connection.ClientId as string | undefined),
  );
  checkUnique(
    problems,
    'connections',
    'the (ExternalIdentifier, type) pair',
    connections.map((c) => (c ? `${String(c.connection.ExternalIdentifier)} ${c.type}` : undefined)),
  );
  return problems;
}
