import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator, DataFileError, seedFromJson, SeedError} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {checkRedirectUri, formatServerMessage, LIMITS} from '@conga-connections/validation';
import {adminHeaders, api, CONNECTIONS_PATH} from '../support/emulator.js';

const SANDBOX = '00D7z000000AbCdEAG';
const ui = (identifier: string) => `${CONNECTIONS_PATH}/${encodeURIComponent(identifier)}?apiConnectionType=UItoAPI`;

let emulator: Emulator;
let admin: Record<string, string>;

beforeAll(async () => {
  emulator = await createEmulator({port: 0, testHooks: true});
  admin = await adminHeaders(emulator);
});
afterAll(() => emulator.close());

describe('400 answers carry the shared validation sentences', () => {
  it.each([
    ['https://app.example.com/cb#x'],
    ['javascript:alert(1)'],
    ['http://app.example.com/cb'],
    ['https://user:pw@app.example.com/cb'],
    ['https://app.example.com/a/../cb'],
    ['https://*.example.com/cb'],
  ])('D-01 rejects the redirect URI %s with the message the UI shows', async (uri) => {
    const response = await api(emulator, 'POST', ui(SANDBOX), admin, {
      ClientName: 'Parity',
      RedirectURI: [uri],
      AllowedScopes: ['openid'],
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({Success: false, StatusCode: 'BadRequest', Data: null});
    const expected = checkRedirectUri(uri, {index: 0})
      .filter((f) => f.severity === 'error')
      .map(formatServerMessage);
    expect(expected.length).toBeGreaterThan(0);
    expect(response.body.Errors.map((e: {Message: string}) => e.Message)).toEqual(expect.arrayContaining(expected));
  });

  it('A4-05 rejects a scope the platform does not offer, at the scopes field', async () => {
    const response = await api(emulator, 'POST', ui(SANDBOX), admin, {
      ClientName: 'Scopes',
      RedirectURI: ['https://app.example.com/cb'],
      AllowedScopes: ['openid', 'api.unknown'],
    });
    expect(response.status).toBe(400);
    expect(response.body.Errors).toEqual([
      {Message: 'AllowedScopes[1]: The scope "api.unknown" isn\'t offered by this platform.'},
    ]);
  });

  it('A3-07 rejects logout and redirect fields on an API-to-API connection', async () => {
    const response = await api(
      emulator,
      'POST',
      `${CONNECTIONS_PATH}/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f?apiConnectionType=APItoAPI`,
      admin,
      {
        ClientName: 'Server job',
        RedirectURI: ['https://app.example.com/cb'],
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.Errors[0].Message).toMatch(/^RedirectURI/);
  });

  it('A5-06 rejects a missing or unknown connection type', async () => {
    for (const query of ['', '?apiConnectionType=Both']) {
      const response = await api(emulator, 'POST', `${CONNECTIONS_PATH}/${SANDBOX}${query}`, admin, {ClientName: 'x'});
      expect(response.status).toBe(400);
      expect(response.body.Errors[0].Message).toContain('Choose a connection type.');
    }
  });

  it("rejects unknown fields and wrong types, as the schema's additionalProperties: false says", async () => {
    const response = await api(emulator, 'POST', ui(SANDBOX), admin, {ClientName: 1, IsActive: true, RedirectURI: 'x'});
    expect(response.status).toBe(400);
    expect(response.body.Errors.map((e: {Message: string}) => e.Message)).toEqual([
      'ClientName: Must be a string or null.',
      'Unknown field "IsActive".',
      'RedirectURI: Must be an array of strings or null.',
    ]);
  });

  it('refuses a body that is not JSON, and one sent as a form', async () => {
    const notJson = await fetch(`${emulator.apiBaseUrl}${ui(SANDBOX)}`, {
      method: 'POST',
      headers: {...admin, 'content-type': 'application/json'},
      body: '{"ClientName":',
    });
    expect(notJson.status).toBe(400);
    const form = await fetch(`${emulator.apiBaseUrl}${ui(SANDBOX)}`, {
      method: 'POST',
      headers: {...admin, 'content-type': 'application/x-www-form-urlencoded'},
      body: 'ClientName=x',
    });
    expect(form.status).toBe(415);
  });

  it('A5-04 rejects an identifier with path characters, and an identifier no integration has', async () => {
    const traversal = await api(emulator, 'POST', ui('../x'), admin, {ClientName: 'x'});
    expect(traversal.status).toBe(400);
    expect(traversal.body.Errors[0].Message).toContain("letters, digits, '-' and '_' only");
    const unknown = await api(emulator, 'POST', ui('NOPE123'), admin, {ClientName: 'x'});
    expect(unknown.status).toBe(400);
    expect(unknown.body.Errors[0].Message).toBe(
      'ExternalIdentifier: No external integration has the identifier "NOPE123".',
    );
  });
});

describe('404, 409 and 412', () => {
  it('answers 404 for an unknown connection on read, update and status', async () => {
    const path = `${CONNECTIONS_PATH}/NOPE123?apiConnectionType=APItoAPI`;
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', {ClientName: 'x'}],
    ] as const) {
      const response = await api(emulator, method, path, admin, body);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({
        StatusCode: 'NotFound',
        Errors: [{Message: 'This API connection no longer exists.'}],
      });
    }
    const status = await api(emulator, 'PUT', `${CONNECTIONS_PATH}/NOPE123/status?apiConnectionType=APItoAPI`, admin, {
      IsActive: false,
    });
    expect(status.status).toBe(404);
  });

  it('C2-05 answers 409 to a second connection of the same type for one identifier', async () => {
    const response = await api(
      emulator,
      'POST',
      `${CONNECTIONS_PATH}/00D5g000008XyZaEAK?apiConnectionType=APItoAPI`,
      admin,
      {
        ClientName: 'Again',
      },
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({StatusCode: 'Conflict'});
    expect(response.body.Errors[0].Message).toMatch(/^ExternalIdentifier: An API-to-API connection already exists/);
  });

  it('C2-03 answers 412 to an update whose If-Match is stale, and accepts the current ETag', async () => {
    const path = `${CONNECTIONS_PATH}/00D5g000008XyZaEAK?apiConnectionType=UItoAPI`;
    const read = await api(emulator, 'GET', path, admin);
    const etag = read.headers.get('etag')!;
    expect(read.body.Data.ETag).toBe(etag);
    const first = await api(emulator, 'PUT', path, {...admin, 'if-match': etag}, {Description: 'B saved first'});
    expect(first.status).toBe(200);
    const stale = await api(emulator, 'PUT', path, {...admin, 'if-match': etag}, {Description: 'A saves later'});
    expect(stale.status).toBe(412);
    expect(stale.body.Errors[0].Message).toBe('Changed by someone else since you opened it.');
    emulator.settings.ignoreIfMatch = true;
    try {
      expect(
        (await api(emulator, 'PUT', path, {...admin, 'if-match': etag}, {Description: 'no preconditions'})).status,
      ).toBe(200);
    } finally {
      emulator.settings.ignoreIfMatch = false;
    }
  });

  it("returns the GET-by-identifier record with the platform's string form of the list fields", async () => {
    const read = await api(emulator, 'GET', `${CONNECTIONS_PATH}/00D5g000008XyZaEAK?apiConnectionType=UItoAPI`, admin);
    expect(read.body.Data).toMatchObject({
      RedirectURI: 'https://acme.my.salesforce.com/static/clm/congacopilot/?q=param',
      CorsOrigins: 'https://acme.my.salesforce.com',
      ClientSecret: null,
      CreatedBy: {Name: 'Ada Admin'},
    });
  });
});

describe('A6 list parameters', () => {
  it('A6-01 refuses a sortField outside the allow-list', async () => {
    const response = await api(emulator, 'GET', `${CONNECTIONS_PATH}?sortField=Password`, admin);
    expect(response.status).toBe(400);
  });

  it.each(['0', '-1', String(LIMITS.pageSizeMax + 1)])('A6-02 refuses pageSize %s', async (size) => {
    const response = await api(emulator, 'GET', `${CONNECTIONS_PATH}?pageSize=${size}`, admin);
    expect(response.status).toBe(400);
  });

  it('A6-03 answers an empty page past the last one, with the total', async () => {
    const response = await api(emulator, 'GET', `${CONNECTIONS_PATH}?pageSize=2&pageNumber=99`, admin);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      Data: [],
      RecordCount: emulator.data.connections.length,
      HasMoreRecords: false,
    });
  });

  it('sorts by every allowed field in both directions, DESC by default', async () => {
    const names = async (query: string) =>
      ((await api(emulator, 'GET', `${CONNECTIONS_PATH}?${query}`, admin)).body.Data as {ClientName: string}[]).map(
        (c) => c.ClientName,
      );
    const ascending = await names('sortField=ClientName&sortDirection=ASC');
    expect(ascending).toEqual([...ascending].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    expect(await names('sortField=ClientName')).toEqual([...ascending].reverse());
    const paged = await names('sortField=ClientName&sortDirection=ASC&pageSize=2&pageNumber=2');
    expect(paged).toEqual(ascending.slice(2, 4));
  });
});

describe('test hooks', () => {
  it('C4-03 commits a write whose answer is then lost, and logs exactly one write', async () => {
    emulator.clearRequestLog();
    emulator.faults.add({method: 'POST', path: CONNECTIONS_PATH, drop: 'after-commit'});
    await expect(
      api(
        emulator,
        'POST',
        `${CONNECTIONS_PATH}/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f?apiConnectionType=APItoAPI`,
        admin,
        {
          ClientName: 'Lost answer',
        },
      ),
    ).rejects.toThrow();
    const writes = emulator.requestLog().filter((r) => r.method === 'POST' && r.path.startsWith(CONNECTIONS_PATH));
    expect(writes).toHaveLength(1);
    const read = await api(
      emulator,
      'GET',
      `${CONNECTIONS_PATH}/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f?apiConnectionType=APItoAPI`,
      admin,
    );
    expect(read.body.Data.ClientName).toBe('Lost answer');
  });

  it('answers a scripted status N times, then normally', async () => {
    emulator.faults.add({method: 'GET', path: CONNECTIONS_PATH, status: 503, times: 2, headers: {'Retry-After': '7'}});
    const first = await api(emulator, 'GET', CONNECTIONS_PATH, admin);
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await api(emulator, 'GET', CONNECTIONS_PATH, admin)).status).toBe(503);
    expect((await api(emulator, 'GET', CONNECTIONS_PATH, admin)).status).toBe(200);
  });

  it("sends the CORS headers on an injected fault, so a page reads it as the server's answer, not a network error", async () => {
    emulator.faults.add({method: 'GET', path: CONNECTIONS_PATH, status: 500});
    const allowed = await api(emulator, 'GET', CONNECTIONS_PATH, {...admin, origin: 'https://acme.my.salesforce.com'});
    expect(allowed.status).toBe(500);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://acme.my.salesforce.com');
    emulator.faults.add({method: 'GET', path: CONNECTIONS_PATH, status: 500});
    const other = await api(emulator, 'GET', CONNECTIONS_PATH, {...admin, origin: 'https://evil.example'});
    expect(other.status).toBe(500);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it("serves a proxy's HTML error page when asked (C2-09)", async () => {
    emulator.faults.add({path: CONNECTIONS_PATH, status: 502, body: '<html><body>Bad gateway</body></html>'});
    const response = await fetch(`${emulator.apiBaseUrl}${CONNECTIONS_PATH}`, {headers: admin});
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('keeps credentials out of the request log', async () => {
    await fetch(`${emulator.issuer}/connect/authorize?client_id=x&code=secret-code&client_secret=hunter2`);
    const text = JSON.stringify(emulator.requestLog());
    expect(text).not.toContain('secret-code');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(admin.authorization!.slice(7));
    expect(emulator.requestLog().some((r) => r.authorization === 'Bearer [redacted]')).toBe(true);
  });

  it('exposes the hooks over HTTP only when they are on', async () => {
    expect((await fetch(`${emulator.apiBaseUrl}/__emulator/requests`)).status).toBe(200);
    const plain = await createEmulator({port: 0});
    try {
      expect((await fetch(`${plain.apiBaseUrl}/__emulator/requests`)).status).toBe(404);
      plain.faults.add({path: '/', status: 500});
      expect((await fetch(`${plain.apiBaseUrl}/`)).status).toBe(200);
    } finally {
      await plain.close();
    }
  });
});

describe('--data and --seed', () => {
  const directory = mkdtempSync(join(tmpdir(), 'conga-emulator-'));

  it('keeps connections across restarts in the data file', async () => {
    const file = join(directory, 'data.json');
    const first = await createEmulator({port: 0, dataFile: file});
    first.createConnection({
      ExternalIdentifier: SANDBOX,
      type: 'UItoAPI',
      ClientName: 'Survives restarts',
      RedirectURI: ['https://a.example/cb'],
      AllowedScopes: ['openid'],
    });
    await first.close();
    const second = await createEmulator({port: 0, dataFile: file});
    try {
      expect(second.data.connections.some((c) => c.ClientName === 'Survives restarts')).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('reports a corrupt data file and leaves it untouched', async () => {
    const file = join(directory, 'corrupt.json');
    writeFileSync(file, '{"organization": ');
    await expect(createEmulator({port: 0, dataFile: file})).rejects.toBeInstanceOf(DataFileError);
    expect(readFileSync(file, 'utf8')).toBe('{"organization": ');
  });

  it("starts from an admin's own seed, and refuses a seed that breaks the rules", async () => {
    const seed = seedFromJson({
      users: [{UserName: 'root@example.test', Password: 'pw', Role: 'SysAdmin'}],
      externalIntegrations: [{ExternalId: 'ORG1'}],
      connections: [{ExternalIdentifier: 'ORG1', type: 'APItoAPI', ClientName: 'Job', ClientSecret: 'known'}],
    });
    const custom = await createEmulator({port: 0, seed});
    try {
      expect(custom.users.admin.username).toBe('root@example.test');
      expect(custom.data.connections).toHaveLength(1);
    } finally {
      await custom.close();
    }
    expect(() =>
      seedFromJson({
        users: [{UserName: 'a', Password: 'b', Role: 'SysAdmin'}],
        externalIntegrations: [{ExternalId: 'ORG1'}],
        connections: [
          {
            ExternalIdentifier: 'ORG1',
            type: 'UItoAPI',
            ClientName: 'x',
            RedirectURI: ['javascript:x'],
            AllowedScopes: ['openid'],
          },
        ],
      }),
    ).toThrow(SeedError);
    expect(() => seedFromJson({users: [{UserName: 'a', Password: 'b'}]})).toThrow(
      'at least one user whose "Role" is "SysAdmin"',
    );
  });
});
