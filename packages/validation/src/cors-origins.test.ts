import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {checkCorsOrigin, checkCorsOrigins, normalizeOrigin} from './cors-origins.js';
import type {Finding} from './types.js';

const field = 'CorsOrigins';

function finding(
  severity: Finding['severity'],
  code: Finding['code'],
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return {field, code, message, severity, ...extra};
}

const normalizedNotice = (origin: string, extra: Partial<Finding> = {}): Finding =>
  finding(
    'notice',
    'ORIGIN_NORMALIZED',
    `Origins are saved in lower case, with xn-- host names and without the default port. Saved as ${origin}`,
    {normalized: origin, suggestion: origin, ...extra},
  );

describe('checkCorsOrigin', () => {
  it.each(['https://app.example.com', 'https://app.example.com:8443', 'https://[2001:db8::1]'])(
    'A2-01 accepts the origin %j',
    (input) => {
      expect(checkCorsOrigin(input)).toEqual([]);
    },
  );

  it.each([
    'https://app.example.com/',
    'https://app.example.com/cb',
    'https://app.example.com?x=1',
    'https://app.example.com#x',
  ])('A2-02 rejects the path, query or trailing slash in %j and offers the origin as a one-click fix', (input) => {
    expect(checkCorsOrigin(input, {index: 3})).toEqual([
      finding(
        'error',
        'ORIGIN_HAS_PATH',
        'An origin has no path, query or trailing slash. Use https://app.example.com',
        {index: 3, normalized: 'https://app.example.com', suggestion: 'https://app.example.com'},
      ),
    ]);
  });

  it('A2-02 suggests the normalized origin of the value typed', () => {
    expect(checkCorsOrigin('HTTPS://Bücher.Example:8443/shop/')).toEqual([
      finding(
        'error',
        'ORIGIN_HAS_PATH',
        'An origin has no path, query or trailing slash. Use https://xn--bcher-kva.example:8443',
        {normalized: 'https://xn--bcher-kva.example:8443', suggestion: 'https://xn--bcher-kva.example:8443'},
      ),
    ]);
  });

  it.each(['*', '+', 'https://*.example.com', 'https://app.example.*'])('A2-03 rejects the wildcard %j', (input) => {
    expect(checkCorsOrigin(input)).toEqual([
      finding('error', 'ORIGIN_WILDCARD', "Wildcards aren't allowed. List each origin."),
    ]);
  });

  it.each(['null', 'NULL', ' null '])('A2-04 rejects %j', (input) => {
    expect(checkCorsOrigin(input)).toEqual([finding('error', 'ORIGIN_NULL', "'null' isn't an allowed origin.")]);
  });

  it.each([
    ['app.example.com', 'https://app.example.com'],
    ['app.example.com:8443', 'https://app.example.com:8443'],
    ['App.Example.com', 'https://app.example.com'],
  ])('A2-05 asks for the scheme of %j and offers %j as the fix', (input, fix) => {
    expect(checkCorsOrigin(input)).toEqual([
      finding('error', 'ORIGIN_MISSING_SCHEME', 'Include the scheme, e.g. https://app.example.com', {normalized: fix}),
    ]);
  });

  it.each(['//app.example.com', 'https:app.example.com'])('A2-05 asks for the scheme of %j without a fix', (input) => {
    expect(checkCorsOrigin(input)).toEqual([
      finding('error', 'ORIGIN_MISSING_SCHEME', 'Include the scheme, e.g. https://app.example.com'),
    ]);
  });

  it.each(['http://app.example.com', 'http://app.example.com/', 'http://10.0.0.5:8080'])(
    'A2-06 rejects the http origin %j',
    (input) => {
      expect(checkCorsOrigin(input)).toEqual([
        finding('error', 'ORIGIN_HTTP_NOT_ALLOWED', 'Use https:// (http only for 127.0.0.1, [::1] or localhost).'),
      ]);
    },
  );

  it.each(['http://localhost:3000', 'http://127.0.0.1:5173', 'http://[::1]:8080'])(
    'A2-06 accepts the loopback origin %j with a development warning',
    (input) => {
      expect(checkCorsOrigin(input)).toEqual([finding('warning', 'URL_DEVELOPMENT_ONLY', 'Development only')]);
    },
  );

  it.each([
    ['HTTPS://App.Example.COM', 'https://app.example.com'],
    ['https://app.example.com:443', 'https://app.example.com'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['  https://app.example.com  ', 'https://app.example.com'],
  ])('A2-07 accepts %j and shows the normalized value %j', (input, normalized) => {
    expect(checkCorsOrigin(input, {index: 0})).toEqual([normalizedNotice(normalized, {index: 0})]);
  });

  it.each(['https://u@app.example.com', 'https://u:p@app.example.com'])(
    'A2-08 rejects the user-name part of %j and offers the origin without it',
    (input) => {
      expect(checkCorsOrigin(input)).toEqual([
        finding('error', 'ORIGIN_USERINFO', 'Remove the user-name part (…@).', {normalized: 'https://app.example.com'}),
      ]);
    },
  );

  it.each([
    'ftp://a',
    'file://',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    'moz-extension://1234-5678',
    'javascript:alert(1)',
    'wss://a',
  ])('A2-10 rejects the scheme of %j', (input) => {
    expect(checkCorsOrigin(input)).toEqual([
      finding('error', 'ORIGIN_SCHEME_NOT_SUPPORTED', 'Only https:// origins (or loopback http://) are supported.'),
    ]);
  });

  it('rejects an empty row', () => {
    expect(checkCorsOrigin(' ')).toEqual([finding('error', 'ORIGIN_EMPTY', 'Enter an origin or remove this row.')]);
  });

  it.each([
    ['https://app.example.com:0', 'URL_PORT_INVALID', 'Port must be between 1 and 65535.'],
    ['https://app.exa mple.com', 'URL_INVISIBLE_CHARACTERS', 'URL contains spaces or invisible/control characters.'],
    ['https://app.example.com\\', 'URL_BACKSLASH', "URLs can't contain backslashes."],
    ['https://a$b.example', 'URL_HOST_INVALID', 'Enter a valid host name.'],
    [
      'https://<b>.example',
      'URL_CHARACTERS_NOT_ALLOWED',
      'URL contains characters that must be percent-encoded, such as angle brackets or quotes.',
    ],
  ] as const)('rejects %j with the shared URL message', (input, code, message) => {
    expect(checkCorsOrigin(input)).toEqual([finding('error', code, message)]);
  });
});

describe('checkCorsOrigins', () => {
  it('A2-09 rejects two entries that are equal after normalization', () => {
    expect(checkCorsOrigins(['https://app.example.com', 'HTTPS://APP.example.com:443'])).toEqual([
      normalizedNotice('https://app.example.com', {index: 1}),
      finding('error', 'ORIGIN_DUPLICATE', 'Duplicate origin.', {index: 1}),
    ]);
  });

  it('A2-11 hints at an origin that no redirect URI uses, without blocking', () => {
    const findings = checkCorsOrigins(
      ['https://app.example.com', 'https://other.example.com'],
      ['https://app.example.com/cb', 'myapp://cb'],
    );
    expect(findings).toEqual([finding('notice', 'ORIGIN_UNUSED', 'No redirect URI uses this origin.', {index: 1})]);
  });

  it('A2-11 gives no hint when the redirect URIs are not given', () => {
    expect(checkCorsOrigins(['https://other.example.com'])).toEqual([]);
  });

  it('accepts an empty list, because CORS origins are optional', () => {
    expect(checkCorsOrigins([], [])).toEqual([]);
  });

  it('rejects more entries than the maximum and accepts the maximum', () => {
    const origins = Array.from({length: LIMITS.corsOrigins + 1}, (_, index) => `https://app${index}.example.com`);
    expect(checkCorsOrigins(origins.slice(0, LIMITS.corsOrigins))).toEqual([]);
    expect(checkCorsOrigins(origins)).toEqual([
      finding('error', 'CORS_ORIGINS_TOO_MANY', `Too many CORS origins (max ${LIMITS.corsOrigins}).`),
    ]);
  });
});

describe('normalizeOrigin', () => {
  it.each([
    ['HTTPS://App.Example.COM', 'https://app.example.com'],
    ['https://app.example.com:443', 'https://app.example.com'],
    ['https://bücher.example', 'https://xn--bcher-kva.example'],
    ['http://LOCALHOST:80', 'http://localhost'],
    ['https://app.example.com:8443', 'https://app.example.com:8443'],
    ['http://app.example.com', 'http://app.example.com'],
    ['https://[0:0::1]:443', 'https://[::1]'],
  ])('A2-07 normalizes %j to %j', (input, expected) => {
    expect(normalizeOrigin(input)).toBe(expected);
  });

  it.each(['https://app.example.com/', 'app.example.com', 'null', '*', 'ftp://a', 'https://u@a.example', ''])(
    'returns null for %j, which is not an origin',
    (input) => {
      expect(normalizeOrigin(input)).toBeNull();
    },
  );
});
