import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {deriveCorsOrigins} from './cors-origins.js';
import type {Finding} from './types.js';
import {checkRedirectUri, checkRedirectUris} from './urls.js';

const field = 'RedirectURI';

function error(code: Finding['code'], message: string, extra: Partial<Finding> = {}): Finding {
  return {field, code, message, severity: 'error', ...extra};
}

function warning(code: Finding['code'], message: string, extra: Partial<Finding> = {}): Finding {
  return {field, code, message, severity: 'warning', ...extra};
}

const notAbsolute = error('URL_NOT_ABSOLUTE', 'Enter a full URL starting with https://');
const fragment = error('REDIRECT_URI_FRAGMENT', "Redirect URIs can't contain a fragment (#…).");
const schemeNotAllowed = error('URL_SCHEME_NOT_ALLOWED', "This URL scheme isn't allowed.");
const developmentOnly = warning('URL_DEVELOPMENT_ONLY', 'Development only');
const preferLoopbackIp = warning('URL_PREFER_LOOPBACK_IP', 'Prefer 127.0.0.1');

describe('checkRedirectUri', () => {
  it.each(['', '   '])('A1-01 rejects an empty row %j', (input) => {
    expect(checkRedirectUri(input, {index: 2})).toEqual([
      error('REDIRECT_URI_EMPTY', 'Enter a redirect URI or remove this row.', {index: 2}),
    ]);
  });

  it.each([
    '/callback',
    'app.example.com/callback',
    'localhost:3000/cb',
    'https:evil.example/cb',
    'https:/evil.example',
  ])('A1-02 rejects %j, which is not an absolute https:// URL', (input) => {
    expect(checkRedirectUri(input)).toEqual([notAbsolute]);
  });

  it.each(['https://app.example.com/cb#x', 'https://app.example.com/#/cb', 'https://app.example.com/cb?a=1#'])(
    'A1-03 rejects a fragment in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([fragment]);
    },
  );

  it('A1-04 rejects a bare # by checking the raw string, although the parsed URL has an empty hash', () => {
    const input = 'https://app.example.com/cb#';
    expect(new URL(input).hash).toBe('');
    expect(checkRedirectUri(input)).toEqual([fragment]);
  });

  it.each(['https://*.example.com/cb', 'https://app.example.com/*', '*'])(
    'A1-05 rejects the wildcard in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([
        error('URL_WILDCARD', "Wildcards (*) aren't allowed. List each URI exactly."),
      ]);
    },
  );

  it.each(['http://app.example.com/cb', 'http://127.0.0.2/cb', 'http://localhost.:3000/cb', 'http://[::2]/cb'])(
    'A1-06 rejects http:// for the non-loopback host in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([
        error(
          'REDIRECT_URI_HTTP_NOT_ALLOWED',
          'Use https:// (http is only allowed for 127.0.0.1, [::1] or localhost).',
        ),
      ]);
    },
  );

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u200Bscript:alert(1)',
  ])('A1-07 rejects the javascript: scheme in %j, also when obfuscated', (input) => {
    expect(checkRedirectUri(input)).toEqual([schemeNotAllowed]);
  });

  it('A1-07 rejects "  javascript:alert(1)" after trimming and shows the trimmed value', () => {
    expect(checkRedirectUri('  javascript:alert(1)')).toEqual([
      schemeNotAllowed,
      {
        field,
        code: 'URL_TRIMMED',
        message: 'Leading and trailing spaces were removed.',
        severity: 'notice',
        normalized: 'javascript:alert(1)',
      },
    ]);
  });

  it.each([
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'blob:https://a/b',
    'about:blank',
    'view-source:https://a',
    'ws://a',
    'wss://a',
    'mailto:a@b',
    'tel:1',
    'ftp://a',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/cb.html',
  ])('A1-08 rejects the scheme of %j', (input) => {
    expect(checkRedirectUri(input)).toEqual([schemeNotAllowed]);
  });

  it.each([
    'https://user:pw@app.example.com/cb',
    'https://app.example.com@evil.example/cb',
    'http://localhost:8090%25@evil.example/',
    'https://@app.example.com/cb',
  ])('A1-09 rejects the user-info in %j', (input) => {
    expect(checkRedirectUri(input)).toEqual([
      error('URL_USERINFO', 'Remove the user-name/password part (…@) from the URL.'),
    ]);
  });

  it.each(['https://app.example.com\\@evil.example/cb', 'https:\\\\evil.example/cb', 'https://app.example.com/a\\b'])(
    'A1-10 rejects the backslash in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([error('URL_BACKSLASH', "URLs can't contain backslashes.")]);
    },
  );

  it.each([
    ['a space', 'https://app.example.com/c b'],
    ['a line break', 'https://app.example.com/c\nb'],
    ['a tab', 'https://app.example.com/c\tb'],
    ['a zero-width space', 'https://app.example.com/c\u200Bb'],
    ['a no-break space', 'https://app.example.com/c\u00A0b'],
    ['a right-to-left override', 'https://app.example.com/\u202Ebc'],
    ['a soft hyphen in the host', 'https://app.exam\u00ADple.com/cb'],
    ['a NUL character', 'https://app.example.com/c\u0000b'],
  ])('A1-11 rejects %s inside the URL', (_label, input) => {
    expect(checkRedirectUri(input)).toEqual([
      error('URL_INVISIBLE_CHARACTERS', 'URL contains spaces or invisible/control characters.'),
    ]);
  });

  it('A1-11 trims leading and trailing spaces and returns the trimmed value with a notice', () => {
    expect(checkRedirectUri(' \t https://app.example.com/cb \n', {index: 0})).toEqual([
      {
        field,
        index: 0,
        code: 'URL_TRIMMED',
        message: 'Leading and trailing spaces were removed.',
        severity: 'notice',
        normalized: 'https://app.example.com/cb',
      },
    ]);
  });

  it.each([
    'https://app.example.com/a/../cb',
    'https://app.example.com/./cb',
    'https://app.example.com/..;/cb',
    'https://app.example.com/a/%2e%2e/cb',
    'https://app.example.com/a/.%2E/cb',
    'https://app.example.com/cb/..',
  ])('A1-12 rejects the dot segment in %j', (input) => {
    expect(checkRedirectUri(input)).toEqual([
      error('URL_DOT_SEGMENT', "Remove '.' or '..' path segments; enter the final path."),
    ]);
  });

  it('A1-12 accepts dots that are not whole path segments', () => {
    expect(checkRedirectUri('https://app.example.com/v1.2/cb.html?next=../x')).toEqual([]);
  });

  it.each([
    'https://app.example.com:0/cb',
    'https://app.example.com:99999/cb',
    'https://app.example.com:65536/cb',
    'https://app.example.com:/cb',
    'https://app.example.com:80a/cb',
    'http://[::1]:0/cb',
  ])('A1-13 rejects the port in %j, read from the raw string', (input) => {
    expect(checkRedirectUri(input)).toEqual([error('URL_PORT_INVALID', 'Port must be between 1 and 65535.')]);
  });

  it('A1-13 accepts the highest port', () => {
    expect(checkRedirectUri('https://app.example.com:65535/cb')).toEqual([]);
  });

  it('A1-15 accepts :443 as typed, with a warning', () => {
    expect(checkRedirectUri('https://app.example.com:443/cb')).toEqual([
      warning('URL_DEFAULT_PORT', 'Apps usually omit :443; the value your app sends must match exactly.'),
    ]);
  });

  it.each([
    ['an upper-case host', 'https://App.Example.COM/cb', 'app.example.com', 'https://app.example.com/cb'],
    [
      'a non-ASCII host',
      'https://bücher.example/cb?x=1',
      'xn--bcher-kva.example',
      'https://xn--bcher-kva.example/cb?x=1',
    ],
    ['a full-width host', 'https://ａｐｐ.example.com/cb', 'app.example.com', 'https://app.example.com/cb'],
  ])('A1-16 accepts %s with a warning that shows the usual form', (_label, input, host, normalized) => {
    expect(checkRedirectUri(input)).toEqual([
      warning(
        'URL_HOST_NOT_CANONICAL',
        `Apps usually send this host in its standard form (lower case, xn--); the value your app sends must match exactly. Usual form: ${host}`,
        {normalized, suggestion: host},
      ),
    ]);
  });

  it.each(['http://127.0.0.1:8080/cb', 'http://[::1]:8080/cb'])(
    'A1-17 accepts the loopback address %j with a development warning',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([developmentOnly]);
    },
  );

  it('A1-17 accepts http://localhost with a development warning and a hint to prefer 127.0.0.1', () => {
    expect(checkRedirectUri('http://localhost:3000/cb')).toEqual([developmentOnly, preferLoopbackIp]);
  });

  it.each([
    'https://app.example.com/cb?tenant=a',
    'https://prod-rls10.congacloud.com/static/clm/congacopilot/?q=param',
  ])('A1-18 accepts the query in %j', (input) => {
    expect(checkRedirectUri(input)).toEqual([]);
  });

  it('A1-19 accepts an extension redirect URL on chromiumapp.org', () => {
    expect(checkRedirectUri('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/')).toEqual([]);
  });

  it.each(['com.example.app:/cb', 'myapp://cb', 'com.googleusercontent.apps.123:/oauth2redirect'])(
    'A1-20 rejects the custom scheme in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([
        error(
          'REDIRECT_URI_CUSTOM_SCHEME',
          "Custom URL schemes aren't supported for this connection type. Use an https:// URL.",
        ),
      ]);
    },
  );

  it('A1-22 rejects a URL over the maximum length and accepts one at the maximum', () => {
    const prefix = 'https://app.example.com/';
    const atMaximum = prefix + 'a'.repeat(LIMITS.urlLength - prefix.length);
    expect(checkRedirectUri(atMaximum)).toEqual([]);
    expect(checkRedirectUri(`${atMaximum}a`)).toEqual([
      error('URL_TOO_LONG', `URL is too long (max ${LIMITS.urlLength} characters).`),
    ]);
  });

  it('A1-22 counts the length in code points', () => {
    const prefix = 'https://app.example.com/';
    expect(checkRedirectUri(prefix + '😀'.repeat(LIMITS.urlLength - prefix.length))).toEqual([]);
  });

  it.each([
    'https://x.example/"onmouseover',
    'https://x.example/a<b>',
    'https://x.example/{a}',
    'https://x.example/%zz',
  ])('rejects %j, whose characters a parser would silently percent-encode', (input) => {
    expect(checkRedirectUri(input)).toEqual([
      error(
        'URL_CHARACTERS_NOT_ALLOWED',
        'URL contains characters that must be percent-encoded, such as angle brackets or quotes.',
      ),
    ]);
  });

  it.each(['https:///cb', 'https://%41.example/cb', 'https://a$b.example/cb', 'https://a..b/cb', 'https://[::1/cb'])(
    'rejects the host in %j',
    (input) => {
      expect(checkRedirectUri(input)).toEqual([error('URL_HOST_INVALID', 'Enter a valid host name.')]);
    },
  );
});

describe('checkRedirectUris', () => {
  it('A1-14 rejects an exact duplicate, also after trimming', () => {
    expect(
      checkRedirectUris(['https://app.example.com/cb', 'https://app.example.com/cb', ' https://app.example.com/cb']),
    ).toEqual([
      error('REDIRECT_URI_DUPLICATE', 'Duplicate redirect URI.', {index: 1}),
      {
        field,
        index: 2,
        code: 'URL_TRIMMED',
        message: 'Leading and trailing spaces were removed.',
        severity: 'notice',
        normalized: 'https://app.example.com/cb',
      },
      error('REDIRECT_URI_DUPLICATE', 'Duplicate redirect URI.', {index: 2}),
    ]);
  });

  it('A1-14 rejects a duplicate that differs only in letter case', () => {
    expect(checkRedirectUris(['https://app.example.com/cb', 'https://app.example.com/CB'])).toEqual([
      error('REDIRECT_URI_DUPLICATE_CASE', 'Duplicate (differs only in letter case).', {index: 1}),
    ]);
  });

  it('A1-14 reports each row with its index', () => {
    expect(checkRedirectUris(['https://app.example.com/cb', ''])).toEqual([
      error('REDIRECT_URI_EMPTY', 'Enter a redirect URI or remove this row.', {index: 1}),
    ]);
  });

  it('A1-21 requires at least one redirect URI', () => {
    expect(checkRedirectUris([])).toEqual([error('REDIRECT_URIS_REQUIRED', 'Add at least one redirect URI.')]);
  });

  it('A1-22 rejects more entries than the maximum and accepts the maximum', () => {
    const uris = Array.from({length: LIMITS.redirectUris + 1}, (_, index) => `https://app.example.com/cb${index}`);
    expect(checkRedirectUris(uris.slice(0, LIMITS.redirectUris))).toEqual([]);
    expect(checkRedirectUris(uris)).toEqual([
      error('REDIRECT_URIS_TOO_MANY', `Too many redirect URIs (max ${LIMITS.redirectUris}).`),
    ]);
  });
});

describe('deriveCorsOrigins', () => {
  it('suggests the normalized, deduplicated origins of the valid http(s) redirect URIs, in order', () => {
    expect(
      deriveCorsOrigins([
        'https://App.Example.com:443/cb',
        'https://app.example.com/other',
        'http://127.0.0.1:5173/cb',
        'https://bücher.example/cb',
        'myapp://cb',
        'http://evil.example/cb',
        'https://app.example.com/cb#x',
        '',
      ]),
    ).toEqual(['https://app.example.com', 'http://127.0.0.1:5173', 'https://xn--bcher-kva.example']);
  });

  it('returns nothing for no redirect URIs', () => {
    expect(deriveCorsOrigins([])).toEqual([]);
  });
});

describe('checkRedirectUri and commas', () => {
  it('rejects a comma, which the platform reads as a separator between redirect URIs', () => {
    expect(checkRedirectUri('https://app.example.com/cb?ids=1,2')).toEqual([
      expect.objectContaining({code: 'REDIRECT_URI_COMMA', severity: 'error', field: 'RedirectURI'}),
    ]);
    expect(checkRedirectUri('https://app.example.com/cb?ids=1%2C2').filter((f) => f.severity === 'error')).toEqual([]);
  });
});
