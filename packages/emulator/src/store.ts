import {randomBytes, randomUUID} from 'node:crypto';
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';
import type {ConnectionType} from '@conga-connections/validation';
import {checkStoreData, listProblems} from './data-check.js';
import {DataFileError} from './errors.js';

/** A platform user as the emulator keeps it; the password never leaves the process except through the CLI banner. */
export interface StoredUser {
  Id: string;
  UserName: string;
  Password: string;
  FirstName: string;
  LastName: string;
  Email: string;
  Role: {Id: string; Name: string};
  AdminPermissions: string | null;
}

/** An External Integration identifier: the source of the External Identifier drop-down. */
export interface StoredIntegration {
  Id: string;
  ExternalId: string;
  Type: string;
  Description: string;
  Provider: string;
  DefaultIdp: boolean;
  EmailDomain: string | null;
  DisplayName: string;
}

/** One API connection, which is also one OAuth client of the emulator's provider. */
export interface StoredConnection {
  Id: string;
  ExternalIdentifier: string;
  type: ConnectionType;
  ClientId: string;
  /** Kept so the provider can authenticate the client; never returned by a read. */
  ClientSecret: string | null;
  ClientName: string;
  Description: string;
  RedirectURI: string[];
  CorsOrigins: string[];
  BackChannelLogoutURI: string | null;
  FrontChannelLogoutURI: string | null;
  AllowedScopes: string[];
  IsActive: boolean;
  CreatedBy: {Id: string; Name: string};
  CreatedDate: string;
  ModifiedBy: {Id: string; Name: string};
  ModifiedDate: string;
  /** Bumped on every write; the ETag is derived from it. */
  version: number;
}

/** The organization the emulator serves. */
export interface StoredOrganization {
  Id: string;
  Name: string;
  ExternalId: string;
}

/** Everything the emulator persists with `--data`. Provider state (sessions, tokens) is deliberately not kept. */
export interface StoreData {
  organization: StoredOrganization;
  users: StoredUser[];
  externalIntegrations: StoredIntegration[];
  connections: StoredConnection[];
}

/** Makes a client ID shaped like the platform's (a GUID). */
export function newClientId(): string {
  return randomUUID();
}

/** Makes a client secret: 32 random bytes, base64url, so it survives a form body or Basic header unescaped. */
export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The ETag of a connection: quoted, as in HTTP, and changing on every write. */
export function etagOf(connection: StoredConnection): string {
  return `"${connection.Id}-${String(connection.version)}"`;
}

/** The in-memory store, optionally mirrored to a JSON file after every write. */
export class Store {
  readonly data: StoreData;
  readonly #file: string | undefined;

  constructor(data: StoreData, file?: string) {
    this.data = data;
    this.#file = file;
  }

  /**
   * Opens a store from `file` when it exists, else from `seed` (and writes the file). `reset` starts the file again
   * from `seed`, keeping the old one as `<file>.bak`. A file that can't be parsed, or has an entry the emulator
   * can't serve, is reported (entry and field named) and left untouched, so a typo never costs the admin their data.
   */
  static open(seed: StoreData, file?: string, options: {reset?: boolean} = {}): Store {
    if (!file) return new Store(structuredClone(seed));
    if (options.reset) {
      try {
        renameSync(file, `${file}.bak`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const store = new Store(structuredClone(seed), file);
      store.save();
      return store;
    }
    const recovery =
      `Fix or remove those entries (the file is JSON), or start without --data (the default organization, in ` +
      `memory), or with --data ${file} --reset (the seed again; the old file is kept as ${file}.bak).`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new DataFileError(
        `"${file}" is not valid JSON (${(error as Error).message}); it was left untouched. ${recovery.replace('those entries', 'it')}`,
        {cause: error},
      );
    }
    const problems = checkStoreData(parsed);
    if (problems.length) {
      throw new DataFileError(
        `"${file}" has ${problems.length === 1 ? 'an entry' : 'entries'} the emulator can't use; it was left untouched:\n${listProblems(problems)}\n${recovery}`,
      );
    }
    return new Store(parsed as StoreData, file);
  }

  /** Writes the data file atomically: a crash mid-write leaves the previous version, never half a file. */
  save(): void {
    if (!this.#file) return;
    // The folder too, so a default path under an ignored folder (.emulator/) works on a fresh clone.
    mkdirSync(dirname(this.#file), {recursive: true});
    const temporary = `${this.#file}.${String(process.pid)}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.data, null, 2) + '\n', {mode: 0o600});
    renameSync(temporary, this.#file);
  }

  /** Finds a connection by its address on the API: (external identifier, type). */
  findConnection(externalIdentifier: string, type: ConnectionType): StoredConnection | undefined {
    return this.data.connections.find((c) => c.ExternalIdentifier === externalIdentifier && c.type === type);
  }

  /** Finds a connection by its OAuth client ID. */
  findByClientId(clientId: string): StoredConnection | undefined {
    return this.data.connections.find((c) => c.ClientId === clientId);
  }

  /** Finds a user by ID. */
  findUser(id: string): StoredUser | undefined {
    return this.data.users.find((u) => u.Id === id);
  }

  /** Finds a user by user name, ignoring case as sign-in forms do. */
  findUserByName(userName: string): StoredUser | undefined {
    const wanted = userName.trim().toLowerCase();
    return this.data.users.find((u) => u.UserName.toLowerCase() === wanted);
  }

  /** Finds an external integration by its ExternalId. */
  findIntegration(externalId: string): StoredIntegration | undefined {
    return this.data.externalIntegrations.find((i) => i.ExternalId === externalId);
  }
}
