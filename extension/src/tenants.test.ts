import {describe, expect, it} from 'vitest';
import {createFakeOpenIdProvider} from '@conga-connections/auth/testing';
import {checkTenant, originPattern, PRESETS, tenantOrigins, validateTenant} from './tenants.js';
import {TEST_REDIRECT_URL} from './testing.js';

const ISSUER = 'https://login.example.test/api/v1/auth';
const API = 'https://api.example.test';

describe('originPattern', () => {
  it.each([
    ['https://login-rls.congacloud.com/api/v1/auth', 'https://login-rls.congacloud.com/*'],
    ['https://rls.congacloud.eu:8443/x', 'https://rls.congacloud.eu/*'],
    ['http://127.0.0.1:7070/api/v1/auth', 'http://127.0.0.1/*'],
    ['http://localhost:3000/', 'http://localhost/*'],
    ['http://portal.example.test/', undefined],
    ['chrome://settings/', undefined],
    ['file:///etc/passwd', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, pattern) => {
    expect(originPattern(url)).toBe(pattern);
  });

  it('asks once for a tenant whose issuer and API share a host', () => {
    expect(tenantOrigins({issuer: 'http://127.0.0.1:7070/api/v1/auth', apiBaseUrl: 'http://127.0.0.1:7070'})).toEqual([
      'http://127.0.0.1/*',
    ]);
    expect(tenantOrigins({issuer: PRESETS.na.issuer, apiBaseUrl: PRESETS.na.apiBaseUrl})).toEqual([
      'https://login-rls.congacloud.com/*',
      'https://rls.congacloud.com/*',
    ]);
  });
});

describe('PRESETS', () => {
  it('names the issuers of PLATFORM.md §4.1 and the emulator', () => {
    expect(PRESETS.na.issuer).toBe('https://login-rls.congacloud.com/api/v1/auth');
    expect(PRESETS.eu.issuer).toBe('https://login.congacloud.eu/api/v1/auth');
    expect(PRESETS.au.issuer).toBe('https://login.congacloud.au/api/v1/auth');
    expect(PRESETS['na-preview'].issuer).toBe('https://login-rlspreview.congacloud.com/api/v1/auth');
    expect(PRESETS['eu-preview'].issuer).toBe('https://login-preview.congacloud.eu/api/v1/auth');
    expect(PRESETS['au-preview'].issuer).toBe('https://login-preview.congacloud.au/api/v1/auth');
    expect(PRESETS.emulator).toMatchObject({
      issuer: 'http://127.0.0.1:7070/api/v1/auth',
      apiBaseUrl: 'http://127.0.0.1:7070',
    });
  });
});

describe('validateTenant', () => {
  const good = {name: 'Acme', issuer: ISSUER, apiBaseUrl: API, clientId: 'c0a9e7d2-6b1f-4e3a-9d8c-7f6e5d4c3b2a'};

  it('accepts a complete tenant', () => {
    expect(validateTenant(good)).toEqual([]);
  });

  it.each([
    [{name: ' '}, 'name', 'Enter a name for this tenant.'],
    [{issuer: 'login.example.test'}, 'issuer', 'Enter the issuer as a full URL starting with https://'],
    [
      {issuer: 'http://login.example.test/api/v1/auth'},
      'issuer',
      'The issuer must use https:// (http is only allowed for 127.0.0.1 or localhost).',
    ],
    [
      {issuer: 'https://user:pw@login.example.test/'},
      'issuer',
      'Remove the user-name/password part (…@) from the issuer.',
    ],
    [
      {apiBaseUrl: 'https://api.example.test/api/user-management'},
      'apiBaseUrl',
      'Enter only the API origin, e.g. https://rls.congacloud.com',
    ],
    [{apiBaseUrl: 'https://api.example.test/?x=1'}, 'apiBaseUrl', "The API base URL can't have a query or fragment."],
    [{clientId: ''}, 'clientId', 'Enter the Client ID of the UI-to-API connection to sign in with.'],
    [{clientId: 'a b'}, 'clientId', "The Client ID can't contain spaces or special characters."],
  ])('reports %j on %s', (change, field, message) => {
    expect(validateTenant({...good, ...change})).toEqual([{field, message}]);
  });
});

describe('checkTenant', () => {
  function setup() {
    const provider = createFakeOpenIdProvider({issuer: ISSUER});
    provider.metadata.scopes_supported = ['openid', 'profile', 'offline_access', 'api.user-management'];
    const fetch: typeof globalThis.fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.startsWith(API)) return Promise.resolve(new Response('{}', {status: 401}));
      return provider.fetch(input, init);
    };
    return {provider, fetch};
  }

  it('says what is wrong in plain words when the issuer is unreachable', async () => {
    const {provider, fetch} = setup();
    provider.offline = true;
    const report = await checkTenant(
      {issuer: ISSUER, apiBaseUrl: API, clientId: 'c'},
      {redirectUri: TEST_REDIRECT_URL, fetch},
    );
    expect(report.ok).toBe(false);
    expect(report.findings[0]).toEqual({
      level: 'error',
      message: `Couldn't read ${ISSUER}/.well-known/openid-configuration. Check the issuer URL, and that the extension was allowed to reach it.`,
    });
  });

  it('says when the discovery document names another issuer (e.g. a trailing slash)', async () => {
    const {provider, fetch} = setup();
    provider.metadata.issuer = `${ISSUER}/`;
    const report = await checkTenant(
      {issuer: ISSUER, apiBaseUrl: API, clientId: 'c'},
      {redirectUri: TEST_REDIRECT_URL, fetch},
    );
    expect(report.findings[0]?.message).toBe(
      `The discovery document at ${ISSUER} names a different issuer. Copy the issuer exactly, without a trailing slash.`,
    );
  });

  it('warns about missing scopes and PKCE, and passes a good provider and API', async () => {
    const {provider, fetch} = setup();
    const good = await checkTenant(
      {issuer: ISSUER, apiBaseUrl: API, clientId: 'c'},
      {redirectUri: TEST_REDIRECT_URL, fetch},
    );
    expect(good).toEqual({
      ok: true,
      findings: [
        {level: 'ok', message: `The sign-in service at ${ISSUER} answered.`},
        {level: 'ok', message: `The API at ${API} answered.`},
      ],
    });
    provider.metadata.scopes_supported = ['openid'];
    provider.metadata.code_challenge_methods_supported = ['plain'];
    const bad = await checkTenant(
      {issuer: ISSUER, apiBaseUrl: API, clientId: 'c'},
      {redirectUri: TEST_REDIRECT_URL, fetch},
    );
    expect(bad.ok).toBe(false);
    expect(bad.findings.map((finding) => finding.message)).toEqual([
      `The sign-in service at ${ISSUER} answered.`,
      "The sign-in service doesn't offer PKCE with S256, which sign-in needs.",
      "The sign-in service doesn't list the scopes offline_access, api.user-management.",
      `The API at ${API} answered.`,
    ]);
  });

  it('says when the API cannot be reached', async () => {
    const {provider} = setup();
    const fetch: typeof globalThis.fetch = (input, init) =>
      (input instanceof Request ? input.url : input.toString()).startsWith(API)
        ? Promise.reject(new TypeError('Failed to fetch'))
        : provider.fetch(input, init);
    const report = await checkTenant(
      {issuer: ISSUER, apiBaseUrl: API, clientId: 'c'},
      {redirectUri: TEST_REDIRECT_URL, fetch},
    );
    expect(report.findings.at(-1)).toEqual({
      level: 'error',
      message: `Couldn't reach the API at ${API}. Check the API base URL.`,
    });
  });
});
