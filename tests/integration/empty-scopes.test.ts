/**
 * Issue 12: the emulator writes with the shared rules, so it accepts what the platform accepts: a UI-to-API
 * connection whose Allowed Scopes are empty or null, on create and on update.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {adminHeaders, api, CONNECTIONS_PATH} from '../support/emulator.js';

/** A seeded integration with no UI-to-API connection yet. */
const SANDBOX = '00D7z000000AbCdEAG';
/** The seeded UI-to-API connection, whose scopes are `openid profile email api.user-management`. */
const SEEDED_UI = '00D5g000008XyZaEAK';
const ui = (identifier: string) => `${CONNECTIONS_PATH}/${encodeURIComponent(identifier)}?apiConnectionType=UItoAPI`;

let emulator: Emulator;
let admin: Record<string, string>;

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  admin = await adminHeaders(emulator);
});
afterAll(() => emulator.close());

describe('empty Allowed Scopes', () => {
  it('creates a UI-to-API connection with AllowedScopes [] (no "Select at least one scope")', async () => {
    const response = await api(emulator, 'POST', ui(SANDBOX), admin, {
      ClientName: 'No scopes',
      RedirectURI: ['https://app.example.com/cb'],
      AllowedScopes: [],
    });
    expect(response.body.Errors).toBeNull();
    expect(response.status).toBe(200);
    expect(response.body.Data.ClientId).toEqual(expect.any(String));
    expect(response.body.Data.ClientSecret).toBeNull();
  });

  it('saves a UI-to-API connection with AllowedScopes null and keeps the scopes it had', async () => {
    const response = await api(emulator, 'PUT', ui(SEEDED_UI), admin, {
      ClientName: 'Renamed',
      RedirectURI: ['https://acme.my.salesforce.com/static/clm/congacopilot/?q=param'],
      AllowedScopes: null,
    });
    expect(response.body.Errors).toBeNull();
    expect(response.status).toBe(200);
    expect(response.body.Data).toMatchObject({
      ClientName: 'Renamed',
      AllowedScopes: ['openid', 'profile', 'email', 'api.user-management'],
    });
  });

  it('says "A UI-to-API connection" (never "An UI-to-API") when one already exists', async () => {
    const response = await api(emulator, 'POST', ui(SEEDED_UI), admin, {
      ClientName: 'Twice',
      RedirectURI: ['https://app.example.com/cb'],
    });
    expect(response.status).toBe(409);
    expect(response.body.Errors).toEqual([
      {Message: `ExternalIdentifier: A UI-to-API connection already exists for "${SEEDED_UI}".`},
    ]);
  });
});
