import {describe, expect, it} from 'vitest';
import {isPrivateAddress} from './private-addresses.js';
import type {Finding} from './types.js';
import {checkBackChannelLogoutUri, checkFrontChannelLogoutUri} from './urls.js';

type Field = 'BackChannelLogoutURI' | 'FrontChannelLogoutURI';

function error(field: Field, code: Finding['code'], message: string): Finding {
  return {field, code, message, severity: 'error'};
}

const developmentOnly = (field: Field): Finding => ({
  field,
  code: 'URL_DEVELOPMENT_ONLY',
  message: 'Development only',
  severity: 'warning',
});

/** A3-02: the A1 inputs that logout URIs share, with the A1 message (the fragment one names logout URIs). */
const sharedUrlCases = [
  ['a relative URL', '/logout', 'URL_NOT_ABSOLUTE', 'Enter a full URL starting with https://'],
  ['a missing scheme', 'app.example.com/logout', 'URL_NOT_ABSOLUTE', 'Enter a full URL starting with https://'],
  [
    'a fragment',
    'https://app.example.com/logout#x',
    'LOGOUT_URI_FRAGMENT',
    "Logout URIs can't contain a fragment (#…).",
  ],
  ['a bare #', 'https://app.example.com/logout#', 'LOGOUT_URI_FRAGMENT', "Logout URIs can't contain a fragment (#…)."],
  [
    'user-info',
    'https://app.example.com@evil.example/logout',
    'URL_USERINFO',
    'Remove the user-name/password part (…@) from the URL.',
  ],
  ['a backslash', 'https:\\\\evil.example/logout', 'URL_BACKSLASH', "URLs can't contain backslashes."],
  [
    'whitespace',
    'https://app.example.com/log out',
    'URL_INVISIBLE_CHARACTERS',
    'URL contains spaces or invisible/control characters.',
  ],
  [
    'a wildcard',
    'https://*.example.com/logout',
    'URL_WILDCARD',
    "Wildcards (*) aren't allowed. List each URI exactly.",
  ],
  [
    'a dot segment',
    'https://app.example.com/a/../logout',
    'URL_DOT_SEGMENT',
    "Remove '.' or '..' path segments; enter the final path.",
  ],
  ['an invalid port', 'https://app.example.com:99999/logout', 'URL_PORT_INVALID', 'Port must be between 1 and 65535.'],
  ['a custom scheme', 'myapp://logout', 'URL_SCHEME_NOT_ALLOWED', "This URL scheme isn't allowed."],
] as const;

const dangerousSchemes = ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x'];

describe('checkBackChannelLogoutUri', () => {
  it.each(['https://app.example.com/bcl', 'https://app.example.com/bcl?tenant=a'])(
    'A3-01 accepts %j and keeps the query',
    (input) => {
      expect(checkBackChannelLogoutUri(input)).toEqual([]);
    },
  );

  it('A3-01 treats an empty value as "no back-channel logout"', () => {
    expect(checkBackChannelLogoutUri('')).toEqual([]);
    expect(checkBackChannelLogoutUri('   ')).toEqual([]);
  });

  it.each(sharedUrlCases)('A3-02 rejects %s with the A1 message', (_label, input, code, message) => {
    expect(checkBackChannelLogoutUri(input)).toEqual([error('BackChannelLogoutURI', code, message)]);
  });

  it('A3-02 trims surrounding spaces and returns the trimmed value with a notice', () => {
    expect(checkBackChannelLogoutUri(' https://app.example.com/bcl ')).toEqual([
      {
        field: 'BackChannelLogoutURI',
        code: 'URL_TRIMMED',
        message: 'Leading and trailing spaces were removed.',
        severity: 'notice',
        normalized: 'https://app.example.com/bcl',
      },
    ]);
  });

  it.each([false, true])('A3-03 rejects http:// to a public host (dev mode %s)', (devMode) => {
    expect(checkBackChannelLogoutUri('http://app.example.com/bcl', {devMode})).toEqual([
      error('BackChannelLogoutURI', 'LOGOUT_URI_HTTP_NOT_ALLOWED', 'Use https://.'),
    ]);
  });

  it.each(['http://127.0.0.1:8080/bcl', 'http://localhost:8080/bcl', 'http://[::1]/bcl'])(
    'A3-03 accepts the loopback target %j only in dev mode, with a development warning',
    (input) => {
      expect(checkBackChannelLogoutUri(input, {devMode: true})).toEqual([developmentOnly('BackChannelLogoutURI')]);
      expect(checkBackChannelLogoutUri(input)).toEqual([
        error(
          'BackChannelLogoutURI',
          'LOGOUT_URI_PRIVATE_ADDRESS',
          "The identity service can't call private network addresses.",
        ),
      ]);
    },
  );

  it('A3-03 rejects http:// to a private, non-loopback host even in dev mode', () => {
    expect(checkBackChannelLogoutUri('http://10.0.0.5/bcl', {devMode: true})).toEqual([
      error('BackChannelLogoutURI', 'LOGOUT_URI_HTTP_NOT_ALLOWED', 'Use https://.'),
    ]);
  });

  it.each([
    'http://127.0.0.1',
    'https://10.0.0.5',
    'https://169.254.169.254/',
    'https://[fd00::1]',
    'https://[fe80::1]/bcl',
    'https://172.16.0.1/bcl',
    'https://192.168.1.10/bcl',
    'https://0.0.0.0/bcl',
    'https://localhost/bcl',
    'https://api.localhost/bcl',
    'https://2130706433/bcl',
    'https://0x7f.1/bcl',
    'https://[::ffff:10.0.0.1]/bcl',
  ])('A3-04 refuses the private target %j outside dev mode', (input) => {
    expect(checkBackChannelLogoutUri(input)).toEqual([
      error(
        'BackChannelLogoutURI',
        'LOGOUT_URI_PRIVATE_ADDRESS',
        "The identity service can't call private network addresses.",
      ),
    ]);
  });

  it.each(['https://10.0.0.5/bcl', 'https://[fd00::1]/bcl', 'https://169.254.169.254/'])(
    'A3-04 accepts the private target %j in dev mode, with a development warning',
    (input) => {
      expect(checkBackChannelLogoutUri(input, {devMode: true})).toEqual([developmentOnly('BackChannelLogoutURI')]);
    },
  );

  it.each(dangerousSchemes)('A3-06 rejects the scheme of %j', (input) => {
    expect(checkBackChannelLogoutUri(input)).toEqual([
      error('BackChannelLogoutURI', 'URL_SCHEME_NOT_ALLOWED', "This URL scheme isn't allowed."),
    ]);
  });
});

describe('checkFrontChannelLogoutUri', () => {
  const redirectUris = ['https://app.example.com/cb', 'http://127.0.0.1:5173/cb'];

  it.each(['https://app.example.com/logout', 'https://APP.example.com:443/logout?x=1'])(
    'A3-05 accepts %j, whose scheme, host and port match a redirect URI',
    (input) => {
      expect(checkFrontChannelLogoutUri(input, redirectUris).filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it.each([
    'https://other.example/logout',
    'https://app.example.com:8443/logout',
    'https://sub.app.example.com/logout',
  ])('A3-05 rejects %j, whose scheme, host or port matches no redirect URI', (input) => {
    expect(checkFrontChannelLogoutUri(input, redirectUris)).toEqual([
      error(
        'FrontChannelLogoutURI',
        'FRONT_CHANNEL_ORIGIN_MISMATCH',
        'Front-channel logout URL must use the same scheme, host and port as one of the redirect URIs.',
      ),
    ]);
  });

  it('A3-05 rejects any front-channel URL when there is no redirect URI', () => {
    expect(checkFrontChannelLogoutUri('https://app.example.com/logout', [])).toEqual([
      error(
        'FrontChannelLogoutURI',
        'FRONT_CHANNEL_ORIGIN_MISMATCH',
        'Front-channel logout URL must use the same scheme, host and port as one of the redirect URIs.',
      ),
    ]);
  });

  it('A3-05 treats an empty value as "no front-channel logout"', () => {
    expect(checkFrontChannelLogoutUri('', redirectUris)).toEqual([]);
  });

  it.each(sharedUrlCases)('A3-02 rejects %s with the A1 message', (_label, input, code, message) => {
    expect(checkFrontChannelLogoutUri(input, redirectUris)).toEqual([error('FrontChannelLogoutURI', code, message)]);
  });

  it('A3-03 rejects http:// outside dev mode, even for a loopback redirect URI', () => {
    expect(checkFrontChannelLogoutUri('http://127.0.0.1:5173/logout', redirectUris)).toEqual([
      error('FrontChannelLogoutURI', 'LOGOUT_URI_HTTP_NOT_ALLOWED', 'Use https://.'),
    ]);
  });

  it('A3-03 accepts loopback http:// in dev mode, with a development warning', () => {
    expect(checkFrontChannelLogoutUri('http://127.0.0.1:5173/logout', redirectUris, {devMode: true})).toEqual([
      developmentOnly('FrontChannelLogoutURI'),
    ]);
  });

  it('A3-03 rejects http:// to a public host in dev mode', () => {
    expect(
      checkFrontChannelLogoutUri('http://app.example.com/logout', ['http://app.example.com/cb'], {devMode: true}),
    ).toEqual([error('FrontChannelLogoutURI', 'LOGOUT_URI_HTTP_NOT_ALLOWED', 'Use https://.')]);
  });

  it.each(dangerousSchemes)('A3-06 rejects the scheme of %j', (input) => {
    expect(checkFrontChannelLogoutUri(input, redirectUris)).toEqual([
      error('FrontChannelLogoutURI', 'URL_SCHEME_NOT_ALLOWED', "This URL scheme isn't allowed."),
    ]);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '[::1]',
    '::1',
    '[::]',
    '[fc00::1]',
    '[fdff:ffff::1]',
    '[fe80::1]',
    '[febf::1]',
    '[::ffff:127.0.0.1]',
    '[::ffff:a9fe:a9fe]',
    '[64:ff9b::a00:1]',
    'localhost',
    'LOCALHOST.',
    'db.localhost',
  ])('A3-04 treats %j as private', (host) => {
    expect(isPrivateAddress(host)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.32.0.1',
    '192.169.0.1',
    '100.128.0.1',
    '[2001:db8::1]',
    '[2a00:1450::1]',
    '[::ffff:8.8.8.8]',
    'app.example.com',
    'localhost.example.com',
    '999.1.1.1',
  ])('A3-04 treats %j as public', (host) => {
    expect(isPrivateAddress(host)).toBe(false);
  });
});
