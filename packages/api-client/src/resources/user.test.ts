import {describe, expect, it} from 'vitest';
import {BASE_URL, failure, leakReport, ok, rejectionOf, setup} from '../test-support.js';

describe('user.info', () => {
  it('GETs the current user and keeps the documented fields', async () => {
    const {client, requests} = setup([
      () =>
        ok({
          Id: 'u1',
          FirstName: 'Ada',
          LastName: 'Admin',
          UserName: 'ada@acme.com',
          Email: 'ada@acme.com',
          Role: {Id: 'r1', Name: 'SysAdmin'},
          AdminPermissions: 'SchemaManager,Templates',
          UserType: 'Integration',
          OrganizationExternalId: '00D5g000004CmQwEAK',
          IsActive: true,
          PermissionGroups: [{Id: 'p1'}],
          SmallPhotoUrl: 'https://cdn.example/p.png',
        }),
    ]);
    await expect(client.user.info()).resolves.toEqual({
      Id: 'u1',
      FirstName: 'Ada',
      LastName: 'Admin',
      UserName: 'ada@acme.com',
      Email: 'ada@acme.com',
      Role: {Id: 'r1', Name: 'SysAdmin'},
      AdminPermissions: 'SchemaManager,Templates',
      UserType: 'Integration',
      OrganizationExternalId: '00D5g000004CmQwEAK',
      IsActive: true,
    });
    expect(requests[0]?.url.href).toBe(`${BASE_URL}/api/user-management/v1/user/info`);
  });

  it('accepts a null Role and leaves absent fields absent', async () => {
    const {client} = setup([() => ok({Id: 'u1', Role: null})]);
    await expect(client.user.info()).resolves.toEqual({Id: 'u1', Role: null});
  });

  it('throws ResponseShapeError when a known field has the wrong type', async () => {
    const {client} = setup([() => ok({Id: 'u1', Role: 'SysAdmin'})]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'RESPONSE_SHAPE', path: 'Data.Role'});
  });

  it('throws ResponseShapeError when Data is not an object', async () => {
    const {client} = setup([() => ok(null)]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'RESPONSE_SHAPE', path: 'Data'});
  });

  it('throws API_NOT_FOUND on a 404', async () => {
    const {client} = setup([() => failure(404, [])]);
    expect(await rejectionOf(client.user.info())).toMatchObject({code: 'API_NOT_FOUND'});
  });
});

describe('error hygiene (B4-06, STYLE §8)', () => {
  it('no thrown error mentions the token or the client secret', () => {
    const {count, leaks} = leakReport();
    expect(count).toBeGreaterThan(2);
    expect(leaks).toEqual([]);
  });
});
