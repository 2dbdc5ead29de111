import {describe, expect, it} from 'vitest';
import {SORT_FIELDS as RULES_SORT_FIELDS} from '@conga-connections/validation';
import {SORT_FIELDS, type ConnectionType, type SortField} from '../types.js';
import {BASE_URL, SECRET, failure, json, leakReport, ok, rejectionOf, setup, thrownBy} from '../test-support.js';
import {specGetExample} from '../testing.js';

const PATH = '/api/user-management/v1/api-connections';

/** The list example of the published specification. */
const LIST_EXAMPLE = [
  {
    APIType: 'API to API',
    ClientId: 'SampleClientId',
    ClientName: 'ClientA',
    Description: 'ClientA Description',
    ExternalIdentifier: 'ABCDEFGHI123456789',
    CorsOrigins: [],
    BackChannelLogoutURI: '',
    FrontChannelLogoutURI: '',
    RedirectURI: [],
    ClientSecret: '',
    IsActive: false,
    AllowedScopes: [],
  },
  {
    APIType: 'API to API',
    ClientId: 'SampleClientId',
    ClientName: 'ClientA',
    Description: 'ClientA Description',
    ExternalIdentifier: 'ABCDEFGHI123456789',
    CorsOrigins: ['http://localhost:3000'],
    BackChannelLogoutURI: '',
    FrontChannelLogoutURI: '',
    RedirectURI: ['https://www.sampleabc.com/'],
    ClientSecret: '',
    IsActive: true,
    AllowedScopes: [],
  },
];

describe('SORT_FIELDS', () => {
  it("is the shared rules' allow-list, which the emulator enforces", () => {
    expect([...SORT_FIELDS]).toEqual([...RULES_SORT_FIELDS]);
  });
});

describe('apiConnections.list', () => {
  it('unwraps the envelope into items and counters', async () => {
    const {client} = setup([() => ok(LIST_EXAMPLE, {RecordCount: 12, HasMoreRecords: true})]);
    const page = await client.apiConnections.list();
    expect(page.recordCount).toBe(12);
    expect(page.hasMoreRecords).toBe(true);
    expect(page.items).toHaveLength(2);
    expect(page.items[1]).toEqual({
      APIType: 'API to API',
      ClientId: 'SampleClientId',
      ClientName: 'ClientA',
      Description: 'ClientA Description',
      ExternalIdentifier: 'ABCDEFGHI123456789',
      CorsOrigins: ['http://localhost:3000'],
      BackChannelLogoutURI: '',
      FrontChannelLogoutURI: '',
      RedirectURI: ['https://www.sampleabc.com/'],
      ClientSecret: null,
      IsActive: true,
      AllowedScopes: [],
    });
  });

  it('reads missing counters as null', async () => {
    const {client} = setup([() => ok([])]);
    await expect(client.apiConnections.list()).resolves.toEqual({items: [], recordCount: null, hasMoreRecords: null});
  });

  it('reads a null Data as an empty list', async () => {
    const {client} = setup([() => ok(null, {RecordCount: 0})]);
    await expect(client.apiConnections.list()).resolves.toMatchObject({items: [], recordCount: 0});
  });

  it('sends GET with only the given parameters', async () => {
    const {client, requests} = setup([() => ok([]), () => ok([])]);
    await client.apiConnections.list();
    await client.apiConnections.list({sortField: 'ClientName', sortDirection: 'ASC', pageSize: 25, pageNumber: 2});
    expect(requests.map((request) => [request.method, request.url.href])).toEqual([
      ['GET', `${BASE_URL}${PATH}`],
      ['GET', `${BASE_URL}${PATH}?sortField=ClientName&sortDirection=ASC&pageSize=25&pageNumber=2`],
    ]);
  });

  it.each(SORT_FIELDS)('accepts the allow-listed sort field %s', async (sortField) => {
    const {client, requests} = setup([() => ok([])]);
    await client.apiConnections.list({sortField});
    expect(requests[0]?.url.searchParams.get('sortField')).toBe(sortField);
  });

  it('A6-01: throws a TypeError synchronously for a sort field outside the allow-list, and sends nothing', () => {
    const {client, requests} = setup([]);
    for (const sortField of ['ClientSecret', 'clientname', 'IsActive;drop', '', 'APIType,ClientId']) {
      expect(thrownBy(() => client.apiConnections.list({sortField: sortField as SortField}))).toMatchObject({
        name: 'TypeError',
        message:
          '"sortField" must be one of APIType, ClientName, ClientId, ExternalIdentifier, IsActive, Description, CreatedDate, ModifiedDate',
      });
    }
    expect(requests).toHaveLength(0);
  });

  it('throws a TypeError synchronously for an unknown sort direction', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.list({sortDirection: 'desc' as 'DESC'})).toThrow(
      '"sortDirection" must be ASC or DESC',
    );
  });

  it.each([
    [0, 1],
    [-5, 1],
    [1, 1],
    [25.9, 25],
    [500, 500],
    [501, 500],
    [10_000, 500],
    [Number.POSITIVE_INFINITY, 500],
  ])('A6-02: clamps pageSize %d to %d', async (pageSize, sent) => {
    const {client, requests} = setup([() => ok([])]);
    await client.apiConnections.list({pageSize});
    expect(requests[0]?.url.searchParams.get('pageSize')).toBe(String(sent));
  });

  it('clamps pageNumber below 1 to 1', async () => {
    const {client, requests} = setup([() => ok([])]);
    await client.apiConnections.list({pageNumber: 0});
    expect(requests[0]?.url.searchParams.get('pageNumber')).toBe('1');
  });

  it('throws a TypeError synchronously when pageSize is not a number', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.list({pageSize: Number.NaN})).toThrow('"pageSize" must be a number');
    expect(() => client.apiConnections.list({pageSize: '10' as unknown as number})).toThrow(TypeError);
  });

  it('throws ResponseShapeError naming the item and field that do not match', async () => {
    const broken = [LIST_EXAMPLE[0], {...LIST_EXAMPLE[1], IsActive: 'true'}];
    const {client} = setup([() => ok(broken)]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({
      name: 'ResponseShapeError',
      code: 'RESPONSE_SHAPE',
      path: 'Data[1].IsActive',
      message: 'unexpected response: "Data[1].IsActive" must be a boolean',
    });
  });

  it('throws ResponseShapeError when Data is not a list', async () => {
    const {client} = setup([() => ok({Items: LIST_EXAMPLE})]);
    expect(await rejectionOf(client.apiConnections.list())).toMatchObject({code: 'RESPONSE_SHAPE', path: 'Data'});
  });

  it('keeps the response on a ResponseShapeError, non-enumerable', async () => {
    const {client} = setup([() => ok('nope')]);
    const error = (await rejectionOf(client.apiConnections.list())) as {response: Response};
    expect(error.response.status).toBe(200);
    expect(Object.keys(error)).not.toContain('response');
  });
});

describe('apiConnections.get', () => {
  it('sends GET to the connection path with its type', async () => {
    const {client, requests} = setup([() => ok(specGetExample)]);
    await client.apiConnections.get('ABCDEFGHI123456789', 'UItoAPI');
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/ABCDEFGHI123456789?apiConnectionType=UItoAPI`);
  });

  it('A5-04: encodes the identifier as one path segment', async () => {
    const {client, requests} = setup([() => ok(specGetExample)]);
    await client.apiConnections.get('a/../b?x#y', 'APItoAPI');
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/a%2F..%2Fb%3Fx%23y?apiConnectionType=APItoAPI`);
  });

  it.each(['', '.', '..'])('throws a TypeError synchronously for the identifier %j', (identifier) => {
    const {client, requests} = setup([]);
    expect(thrownBy(() => client.apiConnections.get(identifier, 'APItoAPI'))).toBeInstanceOf(TypeError);
    expect(requests).toHaveLength(0);
  });

  it('throws a TypeError synchronously for an unknown connection type', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.get('ORG1', 'APIToAPI' as ConnectionType)).toThrow(
      '"type" must be APItoAPI or UItoAPI',
    );
  });

  it('reads the documented example: null lookups, null lists and .NET minimum dates', async () => {
    const {client} = setup([() => ok(specGetExample)]);
    await expect(client.apiConnections.get('ABCDEFGHI123456789', 'APItoAPI')).resolves.toEqual({
      APIType: 'API to API',
      ClientId: '000000000000-000000000000.apps.googleusercontent.com',
      ClientName: 'ClientA',
      Description: 'ClientA Description',
      IsActive: true,
      ExternalIdentifier: 'ABCDEFGHI123456789',
      CorsOrigins: [],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: null,
      RedirectURI: [],
      ClientSecret: null,
      AllowedScopes: [],
      Id: null,
      Name: null,
      CreatedBy: null,
      CreatedDate: null,
      ModifiedBy: null,
      ModifiedDate: null,
      ExternalId: null,
      ETag: null,
      nullLists: ['CorsOrigins', 'RedirectURI', 'AllowedScopes'],
    });
  });

  it('issue 12: says which lists came as null, and not the ones sent as [] or as a string', async () => {
    const data = {...specGetExample, CorsOrigins: [], RedirectURI: 'https://a.example/cb'};
    delete (data as Partial<typeof data>).AllowedScopes;
    const {client} = setup([() => ok(data)]);
    const connection = await client.apiConnections.get('ORG1', 'UItoAPI');
    expect(connection.nullLists).toEqual(['AllowedScopes']);
    expect(connection.AllowedScopes).toEqual([]);
  });

  it('splits comma-separated strings into lists and keeps arrays as they are', async () => {
    const data = {
      ...specGetExample,
      RedirectURI: 'https://a.example/cb, https://b.example/cb',
      CorsOrigins: ['https://a.example'],
      AllowedScopes: 'openid,profile,',
    };
    const {client} = setup([() => ok(data)]);
    await expect(client.apiConnections.get('ORG1', 'UItoAPI')).resolves.toMatchObject({
      RedirectURI: ['https://a.example/cb', 'https://b.example/cb'],
      CorsOrigins: ['https://a.example'],
      AllowedScopes: ['openid', 'profile'],
    });
  });

  it('reads dates without an offset as UTC', async () => {
    const data = {
      ...specGetExample,
      CreatedDate: '2025-03-04T10:20:30.1234567',
      ModifiedDate: '2025-03-04T12:00:00+02:00',
    };
    const {client} = setup([() => ok(data)]);
    await expect(client.apiConnections.get('ORG1', 'APItoAPI')).resolves.toMatchObject({
      CreatedDate: '2025-03-04T10:20:30.123Z',
      ModifiedDate: '2025-03-04T10:00:00.000Z',
    });
  });

  it('reads lookups and drops undocumented fields', async () => {
    const data = {...specGetExample, CreatedBy: {Id: 'u1', Name: 'Ada', Email: 'x'}, Extra: {deep: true}};
    const {client} = setup([() => ok(data)]);
    const connection = await client.apiConnections.get('ORG1', 'APItoAPI');
    expect(connection.CreatedBy).toEqual({Id: 'u1', Name: 'Ada'});
    expect(connection).not.toHaveProperty('Extra');
  });

  it('takes the ETag from the response header when the body has none (C2-04)', async () => {
    const {client} = setup([() => json(200, {Success: true, Data: specGetExample}, {ETag: 'W/"7"'})]);
    await expect(client.apiConnections.get('ORG1', 'APItoAPI')).resolves.toMatchObject({ETag: 'W/"7"'});
  });

  it('throws ResponseShapeError for a date that is not a date-time', async () => {
    const {client} = setup([() => ok({...specGetExample, CreatedDate: 'yesterday'})]);
    expect(await rejectionOf(client.apiConnections.get('ORG1', 'APItoAPI'))).toMatchObject({
      code: 'RESPONSE_SHAPE',
      path: 'Data.CreatedDate',
    });
  });

  it('C2-01: throws API_NOT_FOUND for a connection that no longer exists', async () => {
    const {client} = setup([() => failure(404, ['API connection not found.'])]);
    expect(await rejectionOf(client.apiConnections.get('ORG1', 'APItoAPI'))).toMatchObject({
      code: 'API_NOT_FOUND',
      status: 404,
      messages: ['API connection not found.'],
    });
  });
});

describe('apiConnections.create', () => {
  const created = {...LIST_EXAMPLE[1], ClientId: 'new-client', ClientSecret: SECRET};

  it('POSTs the documented fields only, as JSON', async () => {
    const {client, requests} = setup([() => ok(created)]);
    const form = {
      ClientName: 'ERP',
      Description: 'Nightly',
      RedirectURI: ['https://a.example/cb'],
      IsActive: true,
      ClientSecret: 'typed-by-mistake',
      ExternalIdentifier: 'other',
    };
    await client.apiConnections.create('ORG 1', 'APItoAPI', form);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/ORG%201?apiConnectionType=APItoAPI`);
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({
      ClientName: 'ERP',
      Description: 'Nightly',
      RedirectURI: ['https://a.example/cb'],
    });
  });

  it('returns the generated ClientId and the one-time ClientSecret', async () => {
    const {client} = setup([() => ok(created)]);
    await expect(client.apiConnections.create('ORG1', 'APItoAPI', {ClientName: 'ERP'})).resolves.toMatchObject({
      ClientId: 'new-client',
      ClientSecret: SECRET,
    });
  });

  it('C2-05: throws API_CONFLICT with the server message for a duplicate', async () => {
    const {client} = setup([() => failure(409, ['A connection of this type already exists.'])]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'UItoAPI', {}))).toMatchObject({
      code: 'API_CONFLICT',
      messages: ['A connection of this type already exists.'],
    });
  });

  it('A7-01: throws API_BAD_REQUEST with one message per invalid field', async () => {
    const messages = ['RedirectURI: Use an https:// address.', 'ClientName: Enter a name.'];
    const {client} = setup([() => failure(400, messages)]);
    expect(await rejectionOf(client.apiConnections.create('ORG1', 'UItoAPI', {}))).toMatchObject({
      code: 'API_BAD_REQUEST',
      messages,
    });
  });

  it('throws ResponseShapeError without the secret when the create response is malformed', async () => {
    const {client} = setup([() => ok({...created, IsActive: 'yes'})]);
    const error = await rejectionOf(client.apiConnections.create('ORG1', 'APItoAPI', {}));
    expect(error).toMatchObject({code: 'RESPONSE_SHAPE', path: 'Data.IsActive'});
  });

  it('throws a TypeError synchronously when the body is not an object', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.create('ORG1', 'APItoAPI', null as never)).toThrow('"body" must be an object');
  });
});

describe('apiConnections.update', () => {
  it('PUTs the body with If-Match and returns the regenerated secret', async () => {
    const {client, requests} = setup([() => ok({...LIST_EXAMPLE[0], ClientSecret: SECRET})]);
    const result = await client.apiConnections.update('ORG1', 'APItoAPI', {Description: 'New'}, {ifMatch: '"v1"'});
    expect(result.ClientSecret).toBe(SECRET);
    expect(requests[0]).toMatchObject({method: 'PUT', body: {Description: 'New'}});
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/ORG1?apiConnectionType=APItoAPI`);
    expect(requests[0]?.headers.get('If-Match')).toBe('"v1"');
  });

  it('C2-03: throws API_PRECONDITION_FAILED when the connection changed since it was read', async () => {
    const {client} = setup([() => failure(412, ['Changed by someone else since you opened it.'])]);
    expect(await rejectionOf(client.apiConnections.update('ORG1', 'APItoAPI', {}, {ifMatch: '"v1"'}))).toMatchObject({
      code: 'API_PRECONDITION_FAILED',
      messages: ['Changed by someone else since you opened it.'],
    });
  });

  it('throws a TypeError synchronously for a multi-line ifMatch', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.update('ORG1', 'APItoAPI', {}, {ifMatch: 'a\r\nX-Evil: 1'})).toThrow(
      '"ifMatch" must be a non-empty single-line string',
    );
  });
});

describe('apiConnections.setStatus', () => {
  it('PUTs {IsActive} to the status path and returns the flag', async () => {
    const {client, requests} = setup([() => ok(true)]);
    await expect(client.apiConnections.setStatus('ORG1', 'UItoAPI', false)).resolves.toBe(true);
    expect(requests[0]).toMatchObject({method: 'PUT', body: {IsActive: false}});
    expect(requests[0]?.url.href).toBe(`${BASE_URL}${PATH}/ORG1/status?apiConnectionType=UItoAPI`);
  });

  it('reads a null Data under Success as true', async () => {
    const {client} = setup([() => ok(null)]);
    await expect(client.apiConnections.setStatus('ORG1', 'APItoAPI', true)).resolves.toBe(true);
  });

  it('throws ResponseShapeError when Data is not a boolean', async () => {
    const {client} = setup([() => ok('true')]);
    expect(await rejectionOf(client.apiConnections.setStatus('ORG1', 'APItoAPI', true))).toMatchObject({
      code: 'RESPONSE_SHAPE',
      path: 'Data',
    });
  });

  it('C2-02: throws API_NOT_FOUND for a connection that no longer exists', async () => {
    const {client} = setup([() => failure(404, [])]);
    expect(await rejectionOf(client.apiConnections.setStatus('ORG1', 'APItoAPI', true))).toMatchObject({
      code: 'API_NOT_FOUND',
    });
  });

  it('throws a TypeError synchronously when isActive is not a boolean', () => {
    const {client} = setup([]);
    expect(() => client.apiConnections.setStatus('ORG1', 'APItoAPI', 'false' as never)).toThrow(
      '"isActive" must be a boolean',
    );
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(15);
    expect(leaks).toEqual([]);
  });
});
