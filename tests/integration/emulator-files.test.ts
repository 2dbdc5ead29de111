/**
 * Issue 13: a `--data` or `--seed` file is checked entry by entry at start-up. One the emulator can't serve is
 * refused with the entry and field named and how to go on, and is left exactly as it was.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {createEmulator, DataFileError, defaultSeed, readSeedFile, SeedError} from '@conga-connections/emulator';
import type {StoreData} from '@conga-connections/emulator';
import {checkExternalIdentifier, checkRedirectUri, formatServerMessage} from '@conga-connections/validation';
import {adminHeaders, api, CONNECTIONS_PATH} from '../support/emulator.js';

const root = resolve(import.meta.dirname, '../..');
const directory = mkdtempSync(join(tmpdir(), 'conga-emulator-files-'));
let files = 0;

/** Writes `data` to a fresh file and returns its path and exact text. */
function fileWith(data: unknown): {file: string; text: string} {
  files += 1;
  const file = join(directory, `org-${String(files)}.json`);
  const text = JSON.stringify(data, null, 2) + '\n';
  writeFileSync(file, text);
  return {file, text};
}

/** The default organization as a `--data` file holds it, changed by `change`. */
function dataWith(change: (data: StoreData & Record<string, unknown>) => void): unknown {
  const data = JSON.parse(JSON.stringify(defaultSeed())) as StoreData & Record<string, unknown>;
  change(data);
  return data;
}

const ruleMessage = (finding: ReturnType<typeof checkRedirectUri>[number] | undefined) =>
  finding ? formatServerMessage(finding) : 'no finding';

/** Each broken entry and the exact line that names it. */
const BROKEN_DATA: [string, (data: StoreData & Record<string, unknown>) => void, string][] = [
  [
    'a null connection',
    (d) => {
      (d.connections as unknown[])[2] = null;
    },
    'connections[2]: must be a connection (an object), not null',
  ],
  [
    'a connection without its type',
    (d) => {
      delete (d.connections[1] as Partial<StoredConnectionLike>).type;
    },
    'connections[1].type: must be "APItoAPI" or "UItoAPI", not missing',
  ],
  [
    'a connection with an unknown type',
    (d) => {
      (d.connections[0] as StoredConnectionLike).type = 'apiToApi';
    },
    'connections[0].type: must be "APItoAPI" or "UItoAPI", not "apiToApi"',
  ],
  [
    'a client name that is not text',
    (d) => {
      (d.connections[1] as StoredConnectionLike).ClientName = 42;
    },
    'connections[1].ClientName: must be text, not a number (42)',
  ],
  [
    'an IsActive that is not true or false',
    (d) => {
      (d.connections[0] as StoredConnectionLike).IsActive = 'yes';
    },
    'connections[0].IsActive: must be true or false, not "yes"',
  ],
  [
    'a redirect URI the API refuses',
    (d) => {
      d.connections[3]!.RedirectURI = ['javascript:alert(1)'];
    },
    `connections[3].${ruleMessage(checkRedirectUri('javascript:alert(1)', {index: 0}).find((f) => f.severity === 'error'))}`,
  ],
  [
    'an API-to-API connection without its secret',
    (d) => {
      d.connections[0]!.ClientSecret = null;
    },
    'connections[0].ClientSecret: an API-to-API connection needs its secret as text, not null',
  ],
  [
    'two connections with one ClientId',
    (d) => {
      d.connections[2]!.ClientId = d.connections[0]!.ClientId;
    },
    `connections[2]: the ClientId "${defaultSeed().connections[0]!.ClientId}" is also in connections[0]`,
  ],
  [
    'a connections section that is not a list',
    (d) => {
      (d as Record<string, unknown>).connections = {};
    },
    'connections: must be a list, not an object',
  ],
  [
    'a null user',
    (d) => {
      (d.users as unknown[])[1] = null;
    },
    'users[1]: must be a user (an object), not null',
  ],
  [
    'a user without a password',
    (d) => {
      delete (d.users[1] as Partial<StoreData['users'][number]>).Password;
    },
    'users[1].Password: must be non-empty text, not missing',
  ],
  [
    'no admin',
    (d) => {
      d.users = d.users.filter((u) => u.Role.Name !== 'SysAdmin');
    },
    'users: no user has an admin role ("SysAdmin", "SystemAdmin" or "Admin"), so nobody could sign in to the tab',
  ],
  [
    'an external identifier the API refuses',
    (d) => {
      d.externalIntegrations[4]!.ExternalId = 'has spaces!';
    },
    `externalIntegrations[4].ExternalId: ${checkExternalIdentifier('has spaces!')[0]?.message ?? 'no finding'}`,
  ],
];

interface StoredConnectionLike {
  type: unknown;
  ClientName: unknown;
  IsActive: unknown;
}

describe('a --data file is checked entry by entry', () => {
  it.each(BROKEN_DATA)('refuses %s, naming the entry, and leaves the file untouched', async (_case, change, line) => {
    const {file, text} = fileWith(dataWith(change));
    const error = await createEmulator({port: 0, dataFile: file}).then(
      async (started) => {
        await started.close();
        return undefined;
      },
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(DataFileError);
    const message = (error as Error).message;
    expect(message).toContain(`"${file}" has `);
    expect(message).toContain('it was left untouched');
    expect(message.split('\n')).toContain(`  - ${line}`);
    expect(message).toContain(`start without --data`);
    expect(message).toContain(`--data ${file} --reset`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('accepts the file an emulator wrote, and serves its list', async () => {
    const file = join(directory, 'written.json');
    const first = await createEmulator({port: 0, dataFile: file});
    first.createConnection({
      ExternalIdentifier: '00D9y000000DevQEAS',
      type: 'UItoAPI',
      ClientName: 'Kept',
      RedirectURI: ['https://kept.example.test/cb'],
      AllowedScopes: ['openid'],
    });
    await first.close();
    const second = await createEmulator({port: 0, dataFile: file});
    try {
      const list = await api(second, 'GET', CONNECTIONS_PATH, await adminHeaders(second));
      expect(list.status).toBe(200);
      expect(list.body.Data.map((c: {ClientName: string}) => c.ClientName)).toContain('Kept');
    } finally {
      await second.close();
    }
  });

  it('--reset starts the file again from the seed and keeps the old one as .bak', async () => {
    const {file, text} = fileWith(dataWith((d) => (d.connections = [])));
    const emulator = await createEmulator({port: 0, dataFile: file, resetData: true});
    try {
      expect(emulator.data.connections).toHaveLength(defaultSeed().connections.length);
      expect(readFileSync(`${file}.bak`, 'utf8')).toBe(text);
      expect((JSON.parse(readFileSync(file, 'utf8')) as StoreData).connections).toHaveLength(
        defaultSeed().connections.length,
      );
    } finally {
      await emulator.close();
    }
  });

  it('npm run emulator prints the refusal without a stack trace and exits 1', () => {
    const {file, text} = fileWith(dataWith((d) => ((d.connections as unknown[])[2] = null)));
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), 'packages/emulator/src/cli.ts', '--port', '0', '--data', file],
      {cwd: root, encoding: 'utf8', timeout: 20_000},
    );
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('is running');
    expect(run.stderr).toContain(`emulator: "${file}" has an entry the emulator can't use; it was left untouched:`);
    expect(run.stderr).toContain('  - connections[2]: must be a connection (an object), not null');
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });
});

/** A valid seed file's content, changed by `change`. */
function seedWith(change: (seed: Record<string, unknown[]>) => void): unknown {
  const seed: Record<string, unknown[]> = {
    users: [{UserName: 'root@example.test', Password: 'change-me', Role: 'SysAdmin'}],
    externalIntegrations: [{ExternalId: '00D000000000001EAA'}],
    connections: [
      {ExternalIdentifier: '00D000000000001EAA', type: 'APItoAPI', ClientName: 'Sync job'},
      {
        ExternalIdentifier: '00D000000000001EAA',
        type: 'UItoAPI',
        ClientName: 'Portal',
        RedirectURI: ['https://portal.example.test/callback'],
        AllowedScopes: ['openid'],
      },
    ],
  };
  change(seed);
  return seed;
}

describe('a --seed file is checked entry by entry', () => {
  it.each([
    [
      'a null connection',
      (s: Record<string, unknown[]>) => (s.connections![1] = null),
      'connections[1]: must be a connection (an object), not null',
    ],
    [
      'a connection without its type',
      (s: Record<string, unknown[]>) => delete (s.connections![0] as Record<string, unknown>).type,
      'connections[0].type: must be "APItoAPI" or "UItoAPI", not missing',
    ],
    [
      'a connection for an identifier no integration has',
      (s: Record<string, unknown[]>) => ((s.connections![1] as Record<string, unknown>).ExternalIdentifier = 'NOPE'),
      'connections[1].ExternalIdentifier: no entry of "externalIntegrations" has the ExternalId "NOPE"',
    ],
    [
      'a redirect URI the API refuses',
      (s: Record<string, unknown[]>) => ((s.connections![1] as Record<string, unknown>).RedirectURI = ['javascript:x']),
      `connections[1].${ruleMessage(checkRedirectUri('javascript:x', {index: 0}).find((f) => f.severity === 'error'))}`,
    ],
    [
      'a secret on a UI-to-API connection',
      (s: Record<string, unknown[]>) => ((s.connections![1] as Record<string, unknown>).ClientSecret = 'x'),
      'connections[1].ClientSecret: a UI-to-API connection is a public client and has no secret',
    ],
    [
      'a null user',
      (s: Record<string, unknown[]>) => s.users!.push(null),
      'users[1]: must be a user (an object), not null',
    ],
    [
      'an integration without its ExternalId',
      (s: Record<string, unknown[]>) => s.externalIntegrations!.push({Type: 'Dev'}),
      'externalIntegrations[1].ExternalId: must be text, not missing',
    ],
  ])('refuses %s, naming the entry, and leaves the file untouched', (_case, change, line) => {
    const {file, text} = fileWith(seedWith(change));
    let error: unknown;
    try {
      readSeedFile(file);
    } catch (reason) {
      error = reason;
    }
    expect(error).toBeInstanceOf(SeedError);
    const message = (error as Error).message;
    expect(message).toContain(`the seed file "${file}" has `);
    expect(message.split('\n')).toContain(`  - ${line}`);
    expect(message).toContain('The file was left untouched. Fix it, or start without --seed');
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('starts from a valid seed file', async () => {
    const {file} = fileWith(seedWith(() => undefined));
    const emulator = await createEmulator({port: 0, seed: readSeedFile(file)});
    try {
      expect(emulator.users.admin.username).toBe('root@example.test');
      expect(emulator.data.connections.map((c) => c.ClientName)).toEqual(['Sync job', 'Portal']);
    } finally {
      await emulator.close();
    }
  });

  it('npm start -- --seed refuses a broken file before starting anything', () => {
    const {file} = fileWith(seedWith((s) => (s.connections![1] = null)));
    const run = spawnSync(
      process.execPath,
      [
        join(root, 'node_modules/tsx/dist/cli.mjs'),
        'widget/demo/start.ts',
        '--emulator-port',
        '0',
        '--portal-port',
        '0',
        '--seed',
        file,
      ],
      {cwd: root, encoding: 'utf8', timeout: 20_000},
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`npm start: the seed file "${file}" has an entry the emulator can't use:`);
    expect(run.stderr).toContain('  - connections[1]: must be a connection (an object), not null');
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
