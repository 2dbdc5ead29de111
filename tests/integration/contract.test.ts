/**
 * Contract test: every body the emulator answers on the documented operations is checked against the
 * published OpenAPI schemas (copied into tests/fixtures/openapi from shared/reference), strictly:
 * `additionalProperties: false` holds, enums hold, date-times carry an offset.
 */
import {existsSync, readFileSync} from 'node:fs';
import {Ajv2020} from 'ajv/dist/2020.js';
import type {ValidateFunction} from 'ajv/dist/2020.js';
import {parse} from 'yaml';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {adminHeaders, api, CONNECTIONS_PATH, signInUser} from '../support/emulator.js';

const FIXTURES = new URL('../fixtures/openapi/', import.meta.url);
const SPECS = {
  connections: 'conga-api-connections.openapi.yml',
  integrations: 'conga-external-integrations.openapi.yml',
} as const;

const ajv = new Ajv2020({strict: false, allErrors: true});
// OpenAPI's numeric formats are ranges; date-time must be RFC 3339 with an offset (the emulator writes UTC).
ajv.addFormat('int32', {type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31});
ajv.addFormat('int64', {type: 'number', validate: (n: number) => Number.isInteger(n)});
ajv.addFormat('float', {type: 'number', validate: () => true});
ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/);
ajv.addFormat('binary', () => true);
for (const [id, file] of Object.entries(SPECS)) {
  ajv.addSchema(parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as object, id);
}

function validator(spec: keyof typeof SPECS, schema: string): ValidateFunction {
  const validate = ajv.getSchema(`${spec}#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  return validate;
}

function expectValid(spec: keyof typeof SPECS, schema: string, body: unknown): void {
  const validate = validator(spec, schema);
  const valid = validate(body);
  expect(valid ? [] : validate.errors, `${schema}: ${JSON.stringify(body).slice(0, 300)}`).toEqual([]);
}

let emulator: Emulator;
let admin: Record<string, string>;

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  admin = await adminHeaders(emulator);
});
afterAll(() => emulator.close());

describe('the emulator answers the published schemas', () => {
  it('keeps its copies of the specifications identical to shared/reference when that is present', () => {
    for (const file of Object.values(SPECS)) {
      const shared = new URL(`../../../shared/reference/${file}`, import.meta.url);
      if (!existsSync(shared)) continue;
      expect(readFileSync(new URL(file, FIXTURES), 'utf8')).toBe(readFileSync(shared, 'utf8'));
    }
    expect(Object.keys(SPECS)).toHaveLength(2);
  });

  it('GET /api-connections (paged and not) matches APIConnectionResponseListAPIResponse', async () => {
    for (const query of [
      '',
      '?pageSize=2&pageNumber=1&sortField=APIType&sortDirection=ASC',
      '?pageSize=5&pageNumber=9',
    ]) {
      const response = await api(emulator, 'GET', `${CONNECTIONS_PATH}${query}`, admin);
      expect(response.status).toBe(200);
      expectValid('connections', 'APIConnectionResponseListAPIResponse', response.body);
    }
  });

  it('GET /api-connections/{id} matches APIConnectionAPIResponse for both types', async () => {
    for (const [identifier, type] of [
      ['00D5g000008XyZaEAK', 'APItoAPI'],
      ['00D5g000008XyZaEAK', 'UItoAPI'],
    ]) {
      const response = await api(emulator, 'GET', `${CONNECTIONS_PATH}/${identifier}?apiConnectionType=${type}`, admin);
      expect(response.status).toBe(200);
      expectValid('connections', 'APIConnectionAPIResponse', response.body);
    }
  });

  it('POST and PUT match APIConnectionResponseAPIResponse, and PUT /status matches BooleanNullableAPIResponse', async () => {
    const path = `${CONNECTIONS_PATH}/00D7z000000AbCdEAG?apiConnectionType=UItoAPI`;
    const body = {
      ClientName: 'Contract',
      Description: 'Checks the schema',
      RedirectURI: ['https://app.example.test/cb', 'http://127.0.0.1:8080/cb'],
      CorsOrigins: ['https://app.example.test'],
      AllowedScopes: ['openid', 'api.user-management'],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: 'https://app.example.test/logout',
    };
    expectValid('connections', 'APIConnectionCreateRequest', body);
    const created = await api(emulator, 'POST', path, admin, body);
    expect(created.status).toBe(200);
    expectValid('connections', 'APIConnectionResponseAPIResponse', created.body);
    expect(created.body.Warnings?.length).toBeGreaterThan(0);
    const updated = await api(emulator, 'PUT', path, admin, {Description: 'Changed'});
    expectValid('connections', 'APIConnectionResponseAPIResponse', updated.body);
    const api2 = await api(
      emulator,
      'PUT',
      `${CONNECTIONS_PATH}/00D5g000008XyZaEAK?apiConnectionType=APItoAPI`,
      admin,
      {
        Description: 'rotated',
      },
    );
    expectValid('connections', 'APIConnectionResponseAPIResponse', api2.body);
    const status = await api(
      emulator,
      'PUT',
      `${CONNECTIONS_PATH}/00D7z000000AbCdEAG/status?apiConnectionType=UItoAPI`,
      admin,
      {
        IsActive: false,
      },
    );
    expectValid('connections', 'BooleanNullableAPIResponse', status.body);
    expectValid('connections', 'UpdateAPIConnectionStatusRequest', {IsActive: false});
  });

  it('error answers (400, 401, 403, 404, 409) use the same envelope with Success false', async () => {
    const member = await signInUser(emulator, emulator.users.member!);
    const answers = [
      await api(
        emulator,
        'POST',
        `${CONNECTIONS_PATH}/6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f?apiConnectionType=APItoAPI`,
        admin,
        {
          ClientName: '',
        },
      ),
      await api(emulator, 'GET', CONNECTIONS_PATH, {}),
      await api(emulator, 'GET', CONNECTIONS_PATH, {authorization: `Bearer ${String(member.access_token)}`}),
      await api(emulator, 'GET', `${CONNECTIONS_PATH}/NOPE?apiConnectionType=UItoAPI`, admin),
      await api(emulator, 'POST', `${CONNECTIONS_PATH}/00D5g000008XyZaEAK?apiConnectionType=UItoAPI`, admin, {
        ClientName: 'x',
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 401, 403, 404, 409]);
    for (const answer of answers) {
      // No error schema is published; the envelope with Data null is the documented shape's closest member.
      expectValid('connections', 'BooleanNullableAPIResponse', answer.body);
      expect(answer.body.Success).toBe(false);
      expect(answer.body.Errors.length).toBeGreaterThan(0);
    }
  });

  it('GET /integrations/identity-providers matches IDPMasterListAPIResponse', async () => {
    const response = await api(emulator, 'GET', '/api/user-management/v1/integrations/identity-providers', admin);
    expectValid('integrations', 'IDPMasterListAPIResponse', response.body);
    expect(response.body.Data).toContainEqual({Name: 'Salesforce', ACRName: 'idp:Salesforce'});
  });

  it("GET /integrations (no published schema) answers the envelope with the request schema's fields", async () => {
    const response = await api(emulator, 'GET', '/api/user-management/v1/integrations', admin);
    expectValid('connections', 'BooleanNullableAPIResponse', {...response.body, Data: null});
    const fields = new Set(
      Object.keys(validator('integrations', 'ExternalIntegrationIdentifierCreateRequest').schema as object),
    );
    expect(fields.size).toBeGreaterThan(0);
    for (const item of response.body.Data as Record<string, unknown>[]) {
      expect(Object.keys(item).sort()).toEqual(
        ['Id', 'ExternalId', 'Type', 'Description', 'Provider', 'DefaultIdp', 'EmailDomain', 'DisplayName'].sort(),
      );
    }
  });
});
