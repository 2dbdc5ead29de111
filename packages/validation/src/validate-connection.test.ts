import {describe, expect, it} from 'vitest';
import {formatServerMessage, parseServerMessage} from './server-messages.js';
import type {ConnectionDraft} from './types.js';
import {isConnectionDraft, uiOnlyFieldsWithValues, validateConnection} from './validate-connection.js';

const uiDraft: ConnectionDraft = {
  ExternalIdentifier: 'ABCDEFGHI123456789',
  ClientName: '  Portal  ',
  Description: 'Customer portal\nSecond line',
  RedirectURI: [' https://app.example.com/cb ', 'http://127.0.0.1:5173/cb'],
  CorsOrigins: ['HTTPS://App.Example.com:443', 'http://127.0.0.1:5173'],
  BackChannelLogoutURI: ' https://app.example.com/bcl?tenant=a ',
  FrontChannelLogoutURI: 'https://app.example.com/logout',
  AllowedScopes: ['openid', 'api.user-management', 'openid'],
};

const apiDraft: ConnectionDraft = {
  ExternalIdentifier: 'ABCDEFGHI123456789',
  ClientName: 'Nightly sync',
  Description: null,
  AllowedScopes: null,
};

describe('validateConnection', () => {
  it('accepts a UItoAPI connection and returns the normalized body', () => {
    const result = validateConnection(uiDraft, {type: 'UItoAPI'});
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.value).toEqual({
      ClientName: 'Portal',
      Description: 'Customer portal\nSecond line',
      RedirectURI: ['https://app.example.com/cb', 'http://127.0.0.1:5173/cb'],
      CorsOrigins: ['https://app.example.com', 'http://127.0.0.1:5173'],
      BackChannelLogoutURI: 'https://app.example.com/bcl?tenant=a',
      FrontChannelLogoutURI: 'https://app.example.com/logout',
      AllowedScopes: ['openid', 'api.user-management'],
    });
    expect(result.warnings.map((finding) => [finding.field, finding.index, finding.code])).toEqual([
      ['RedirectURI', 0, 'URL_TRIMMED'],
      ['RedirectURI', 1, 'URL_DEVELOPMENT_ONLY'],
      ['CorsOrigins', 0, 'ORIGIN_NORMALIZED'],
      ['CorsOrigins', 1, 'URL_DEVELOPMENT_ONLY'],
      ['BackChannelLogoutURI', undefined, 'URL_TRIMMED'],
      ['AllowedScopes', 2, 'SCOPE_DUPLICATE'],
    ]);
  });

  it('A1-21 requires a redirect URI on a UItoAPI connection', () => {
    const result = validateConnection(
      {...uiDraft, RedirectURI: null, CorsOrigins: [], FrontChannelLogoutURI: null},
      {
        type: 'UItoAPI',
      },
    );
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'RedirectURI',
        code: 'REDIRECT_URIS_REQUIRED',
        message: 'Add at least one redirect URI.',
        severity: 'error',
      },
    ]);
  });

  it('A3-04 refuses a private back-channel target unless dev mode is on', () => {
    const draft = {...uiDraft, BackChannelLogoutURI: 'http://127.0.0.1:8080/bcl'};
    expect(validateConnection(draft, {type: 'UItoAPI'}).errors).toEqual([
      {
        field: 'BackChannelLogoutURI',
        code: 'LOGOUT_URI_PRIVATE_ADDRESS',
        message: "The identity service can't call private network addresses.",
        severity: 'error',
      },
    ]);
    const dev = validateConnection(draft, {type: 'UItoAPI', devMode: true});
    expect(dev.valid).toBe(true);
    expect(dev.value.BackChannelLogoutURI).toBe('http://127.0.0.1:8080/bcl');
  });

  it('A3-05 checks the front-channel URL against the draft redirect URIs', () => {
    const result = validateConnection(
      {...uiDraft, FrontChannelLogoutURI: 'https://other.example/logout'},
      {type: 'UItoAPI'},
    );
    expect(result.errors.map((finding) => finding.code)).toEqual(['FRONT_CHANNEL_ORIGIN_MISMATCH']);
  });

  it('A3-07 accepts an APItoAPI connection and leaves the logout, redirect and CORS fields out of the body', () => {
    const result = validateConnection(apiDraft, {type: 'APItoAPI'});
    expect(result).toEqual({
      valid: true,
      errors: [],
      warnings: [],
      value: {
        ClientName: 'Nightly sync',
        Description: '',
        RedirectURI: [],
        CorsOrigins: [],
        BackChannelLogoutURI: null,
        FrontChannelLogoutURI: null,
        AllowedScopes: [],
      },
    });
  });

  it('issue 12: accepts a UItoAPI connection with empty or null Allowed Scopes, as the platform does', () => {
    for (const AllowedScopes of [[], null, undefined]) {
      const result = validateConnection({...uiDraft, AllowedScopes}, {type: 'UItoAPI'});
      expect(result.errors).toEqual([]);
      expect(result.value.AllowedScopes).toEqual([]);
    }
    expect(validateConnection({...apiDraft, AllowedScopes: []}, {type: 'APItoAPI'}).valid).toBe(true);
  });

  it('A4-03 checks the scopes of an APItoAPI connection when they are given', () => {
    expect(validateConnection({...apiDraft, AllowedScopes: ['read write']}, {type: 'APItoAPI'}).errors).toEqual([
      {
        field: 'AllowedScopes',
        index: 0,
        code: 'SCOPE_HAS_SPACE',
        message: 'One scope per entry (no spaces).',
        severity: 'error',
      },
    ]);
  });

  it('A4-04 deduplicates scopes in the body with a notice, not an error', () => {
    const result = validateConnection({...apiDraft, AllowedScopes: ['a', 'b', 'a', 'b']}, {type: 'APItoAPI'});
    expect(result.valid).toBe(true);
    expect(result.value.AllowedScopes).toEqual(['a', 'b']);
    expect(result.warnings.map((finding) => [finding.code, finding.severity, finding.index])).toEqual([
      ['SCOPE_DUPLICATE', 'notice', 2],
      ['SCOPE_DUPLICATE', 'notice', 3],
    ]);
  });

  it('A4-06 passes the connection type to the scope check', () => {
    const result = validateConnection({...uiDraft, AllowedScopes: ['openid', 'offline_access']}, {type: 'UItoAPI'});
    expect(result.valid).toBe(true);
    expect(result.warnings.filter((finding) => finding.field === 'AllowedScopes')).toEqual([
      {
        field: 'AllowedScopes',
        index: 1,
        code: 'SCOPE_OFFLINE_ACCESS',
        message: 'Issues refresh tokens to a browser app.',
        severity: 'warning',
      },
    ]);
  });

  it('A5-05 refuses redirect, CORS and logout values on an APItoAPI connection and empties them in the body', () => {
    const result = validateConnection({...uiDraft, AllowedScopes: ['openid']}, {type: 'APItoAPI'});
    const message = 'API-to-API connections have no redirect URIs, CORS origins or logout URIs.';
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual(
      (['RedirectURI', 'CorsOrigins', 'BackChannelLogoutURI', 'FrontChannelLogoutURI'] as const).map((field) => ({
        field,
        code: 'FIELD_NOT_FOR_API_TO_API',
        message,
        severity: 'error',
      })),
    );
    expect(result.value).toMatchObject({
      RedirectURI: [],
      CorsOrigins: [],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: null,
    });
  });

  it('A5-05 ignores empty rows and blank logout values on an APItoAPI connection', () => {
    const draft = {
      ...apiDraft,
      RedirectURI: [],
      CorsOrigins: ['  '],
      BackChannelLogoutURI: '',
      FrontChannelLogoutURI: null,
    };
    expect(validateConnection(draft, {type: 'APItoAPI'}).valid).toBe(true);
  });

  it('A5-01 and A5-04 require a name and an external identifier', () => {
    const result = validateConnection({}, {type: 'APItoAPI'});
    expect(result.errors).toEqual([
      {
        field: 'ExternalIdentifier',
        code: 'IDENTIFIER_REQUIRED',
        message: 'Choose an external identifier.',
        severity: 'error',
      },
      {field: 'ClientName', code: 'NAME_REQUIRED', message: 'Enter a name.', severity: 'error'},
    ]);
  });

  it('A5-06 rejects a missing or invalid connection type', () => {
    const result = validateConnection(apiDraft, {type: 'WebApp' as never});
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      {
        field: 'apiConnectionType',
        code: 'CONNECTION_TYPE_REQUIRED',
        message: 'Choose a connection type.',
        severity: 'error',
      },
    ]);
  });

  it('A5-07 round-trips emoji, right-to-left text and 4-byte characters unchanged', () => {
    const name = '👩‍💻 مرحبا 𝒜𝓅𝓅';
    const description = 'שלום 🚀\n𠀋 می‌خواهم';
    const result = validateConnection({...apiDraft, ClientName: name, Description: description}, {type: 'APItoAPI'});
    expect(result.valid).toBe(true);
    expect(result.value.ClientName).toBe(name);
    expect(result.value.Description).toBe(description);
  });

  it('D-01 reports every error in a form the emulator can send and the element can attach to its field again', () => {
    const result = validateConnection(
      {...uiDraft, RedirectURI: ['https://app.example.com/cb', 'https://app.example.com/cb#x'], ClientName: ''},
      {type: 'UItoAPI'},
    );
    expect(result.errors.map(formatServerMessage)).toEqual([
      'ClientName: Enter a name.',
      "RedirectURI[1]: Redirect URIs can't contain a fragment (#…).",
    ]);
    expect(result.errors.map((finding) => parseServerMessage(formatServerMessage(finding)))).toEqual([
      {field: 'ClientName', message: 'Enter a name.'},
      {field: 'RedirectURI', index: 1, message: "Redirect URIs can't contain a fragment (#…)."},
    ]);
  });
});

describe('uiOnlyFieldsWithValues', () => {
  it('A5-05 lists the fields that a switch to APItoAPI would clear', () => {
    expect(uiOnlyFieldsWithValues(uiDraft)).toEqual([
      'RedirectURI',
      'CorsOrigins',
      'BackChannelLogoutURI',
      'FrontChannelLogoutURI',
    ]);
    expect(uiOnlyFieldsWithValues({RedirectURI: [''], CorsOrigins: null, BackChannelLogoutURI: ' '})).toEqual([]);
  });
});

describe('isConnectionDraft', () => {
  it.each([{}, apiDraft, uiDraft, {RedirectURI: null, ClientName: null}, {Other: 1}])('accepts the body %j', (body) => {
    expect(isConnectionDraft(body)).toBe(true);
  });

  it.each([
    null,
    [],
    'x',
    {ClientName: 1},
    {RedirectURI: 'https://a.example/cb'},
    {AllowedScopes: [1]},
    {Description: {}},
  ])('rejects the body %j', (body) => {
    expect(isConnectionDraft(body)).toBe(false);
  });
});
