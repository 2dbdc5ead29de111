import {expect} from '@open-wc/testing';
import {quickstartsFor, regionFor, tenantEndpoints} from './quickstarts.js';

describe('regionFor', () => {
  const cases: [string, string | undefined][] = [
    ['https://rls.congacloud.com', 'https://login-rls.congacloud.com/api/v1/auth'],
    ['https://prod-rls10.congacloud.com/', 'https://login-rls.congacloud.com/api/v1/auth'],
    ['https://preview-rls09.congacloud.com', 'https://login-rlspreview.congacloud.com/api/v1/auth'],
    ['https://rls.congacloud.eu', 'https://login.congacloud.eu/api/v1/auth'],
    ['https://rls-preview.congacloud.eu', 'https://login-preview.congacloud.eu/api/v1/auth'],
    ['https://RLS.congacloud.au', 'https://login.congacloud.au/api/v1/auth'],
    ['https://rls-preview.congacloud.au', 'https://login-preview.congacloud.au/api/v1/auth'],
    ['https://rls-stg.congacloud.io', undefined],
    ['http://rls.congacloud.com', undefined],
    ['https://rls.congacloud.com.evil.example', undefined],
    ['http://127.0.0.1:8080', undefined],
    ['not a url', undefined],
    ['', undefined],
  ];
  for (const [apiBaseUrl, issuer] of cases) {
    it(`gives ${String(issuer)} for ${JSON.stringify(apiBaseUrl)}`, () => {
      expect(regionFor(apiBaseUrl)?.issuer).to.equal(issuer);
    });
  }

  it('names the region', () => {
    expect(regionFor('https://rls.congacloud.eu')).to.deep.equal({
      name: 'EU',
      issuer: 'https://login.congacloud.eu/api/v1/auth',
    });
  });
});

describe('tenantEndpoints', () => {
  it('prefers the issuer, without a trailing slash', () => {
    expect(
      tenantEndpoints({issuer: 'http://127.0.0.1:4000/api/v1/auth/', apiBaseUrl: 'https://rls.congacloud.eu'}),
    ).to.deep.equal({
      issuer: 'http://127.0.0.1:4000/api/v1/auth',
      authorization: 'http://127.0.0.1:4000/api/v1/auth/connect/authorize',
      token: 'http://127.0.0.1:4000/api/v1/auth/connect/token',
      userinfo: 'http://127.0.0.1:4000/api/v1/auth/connect/userinfo',
      known: true,
    });
  });

  it('falls back to a placeholder when nothing is known', () => {
    expect(tenantEndpoints({issuer: '', apiBaseUrl: ''})).to.include({token: '<issuer>/connect/token', known: false});
  });
});

describe('quickstartsFor', () => {
  const endpoints = tenantEndpoints({issuer: 'https://login-rls.congacloud.com/api/v1/auth', apiBaseUrl: ''});

  it('quotes a hostile Client ID so the shell takes it literally', () => {
    const [curl] = quickstartsFor({
      connection: {ClientId: 'a"$(rm -rf ~)`x`', RedirectURI: [], AllowedScopes: []},
      type: 'APItoAPI',
      endpoints,
      apiBaseUrl: '',
    });
    expect(curl?.text).to.contain('-u "a\\"\\$(rm -rf ~)\\`x\\`:$CONGA_CLIENT_SECRET"');
  });

  it('asks for the allowed scopes, and names the API base URL placeholder when unknown', () => {
    const [curl, call] = quickstartsFor({
      connection: {ClientId: 'id', RedirectURI: [], AllowedScopes: ['api.user-management', 'sign']},
      type: 'APItoAPI',
      endpoints,
      apiBaseUrl: '',
    });
    expect(curl?.text).to.contain('--data-urlencode "scope=api.user-management sign"');
    expect(call?.text).to.contain('"<api-base-url>/api/user-management/v1/api-connections"');
  });

  it('gives the browser quickstarts for UI-to-API, and the client_credentials ones for API-to-API', () => {
    const connection = {ClientId: 'id', RedirectURI: ['https://a.example/cb'], AllowedScopes: ['openid']};
    expect(quickstartsFor({connection, type: 'UItoAPI', endpoints, apiBaseUrl: ''}).map((q) => q.id)).to.deep.equal([
      'spa-config',
      'spa-code',
    ]);
    expect(quickstartsFor({connection, type: 'APItoAPI', endpoints, apiBaseUrl: ''}).map((q) => q.id)).to.deep.equal([
      'curl',
      'api-call',
      'node',
    ]);
  });
});
