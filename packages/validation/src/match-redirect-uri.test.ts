import {describe, expect, it} from 'vitest';
import {matchRedirectUri} from './match-redirect-uri.js';

const EXACT = 'Exact match: the platform compares redirect URIs character for character (RFC 9700 §4.1.3).';
const NO_MATCH =
  'No exact match: the platform accepts a redirect URI only if it equals a registered one character for character (RFC 9700 §4.1.3).';

const REGISTERED = [
  'https://app.example.com/auth/callback',
  'https://preview-rls09.congacloud.com/static/clm/congacopilot/?q=param',
  'http://127.0.0.1:5173/cb',
  'https://admin.example.com:8443/Callback',
];

describe('matchRedirectUri', () => {
  it('matches a registered URI exactly', () => {
    expect(matchRedirectUri('https://app.example.com/auth/callback', REGISTERED)).toEqual({match: true, rule: EXACT});
  });

  it('matches after trimming the spaces a paste brings along, and says so', () => {
    expect(matchRedirectUri('  https://app.example.com/auth/callback\n', REGISTERED)).toEqual({
      match: true,
      rule: 'Exact match after removing the spaces around it: the platform compares redirect URIs character for character (RFC 9700 §4.1.3).',
    });
  });

  it('refuses everything when nothing is registered', () => {
    expect(matchRedirectUri('https://app.example.com/cb', [])).toEqual({
      match: false,
      rule: 'This connection has no registered redirect URIs, so the platform refuses every redirect URI.',
    });
  });

  it('asks for a value when the candidate is empty', () => {
    expect(matchRedirectUri('   ', REGISTERED)).toEqual({match: false, rule: 'Enter the redirect URI your app sends.'});
  });

  it.each([
    ['an added trailing slash', 'https://app.example.com/auth/callback/', REGISTERED[0]],
    ['a missing trailing slash', 'https://preview-rls09.congacloud.com/static/clm/congacopilot?q=param', REGISTERED[1]],
    ['letter case in the path', 'https://app.example.com/Auth/Callback', REGISTERED[0]],
    ['letter case in the path', 'https://admin.example.com:8443/callback', REGISTERED[3]],
    ['letter case in the host', 'https://App.Example.com/auth/callback', REGISTERED[0]],
    ['letter case in the scheme', 'HTTPS://app.example.com/auth/callback', REGISTERED[0]],
    ['the scheme (http:// instead of https://)', 'http://app.example.com/auth/callback', REGISTERED[0]],
    ['the scheme (https:// instead of http://)', 'https://127.0.0.1:5173/cb', REGISTERED[2]],
    ['the host (www.example.com instead of app.example.com)', 'https://www.example.com/auth/callback', REGISTERED[0]],
    ['an added port (:443)', 'https://app.example.com:443/auth/callback', REGISTERED[0]],
    ['a missing port (:8443)', 'https://admin.example.com/Callback', REGISTERED[3]],
    ['the port (:5174 instead of :5173)', 'http://127.0.0.1:5174/cb', REGISTERED[2]],
    [
      'localhost instead of 127.0.0.1 (the same computer, but a different string)',
      'http://localhost:5173/cb',
      REGISTERED[2],
    ],
    ['an added query (?next=1)', 'https://app.example.com/auth/callback?next=1', REGISTERED[0]],
    ['a missing query (?q=param)', 'https://preview-rls09.congacloud.com/static/clm/congacopilot/', REGISTERED[1]],
    [
      'the query (?q=other instead of ?q=param)',
      'https://preview-rls09.congacloud.com/static/clm/congacopilot/?q=other',
      REGISTERED[1],
    ],
    ['an added fragment (#top)', 'https://app.example.com/auth/callback#top', REGISTERED[0]],
    ['the path (/auth/signin instead of /auth/callback)', 'https://app.example.com/auth/signin', REGISTERED[0]],
    ['letter case in the path and an added trailing slash', 'https://app.example.com/Auth/Callback/', REGISTERED[0]],
    [
      'localhost instead of 127.0.0.1 (the same computer, but a different string) and an added trailing slash',
      'http://localhost:5173/cb/',
      REGISTERED[2],
    ],
    ['an added empty port (:)', 'https://app.example.com:/auth/callback', REGISTERED[0]],
    ['other characters', 'https://user@app.example.com/auth/callback', REGISTERED[0]],
  ])('names %j as the difference for %s', (difference, candidate, closest) => {
    expect(matchRedirectUri(candidate, REGISTERED)).toEqual({match: false, rule: NO_MATCH, closest, difference});
  });

  it('prefers the same URL in another spelling over one with fewer edits', () => {
    const registered = ['https://a.example.com/cb', 'https://app.example.com/Callback/'];
    expect(matchRedirectUri('https://app.example.com/callback', registered)).toMatchObject({
      closest: 'https://app.example.com/Callback/',
      difference: 'letter case in the path and a missing trailing slash',
    });
  });

  it('falls back to the fewest edits when no registered URI is the same URL', () => {
    const registered = ['https://portal.example.com/signin', 'https://partner.example.org/cb'];
    expect(matchRedirectUri('https://portal.example.com/sign-in', registered)).toMatchObject({
      closest: 'https://portal.example.com/signin',
      difference: 'the path (/sign-in instead of /signin)',
    });
  });

  it('marks the closest URI as far when it differs in three parts or more, and only then', () => {
    const registered = ['https://lmbadgbaohkjlkfmjkkbhlcdedjcbjkc.chromiumapp.org/'];
    expect(matchRedirectUri('http://127.0.0.1:5173/callback.html', registered)).toEqual({
      match: false,
      rule: NO_MATCH,
      closest: registered[0],
      difference:
        'the scheme (http:// instead of https://), the host (127.0.0.1 instead of lmbadgbaohkjlkfmjkkbhlcdedjcbjkc.chromiumapp.org), an added port (:5173) and the path (/callback.html instead of /)',
      far: true,
    });
    expect(matchRedirectUri('http://app.example.com:8080/auth/callback', REGISTERED)).not.toHaveProperty('far');
  });

  it('describes a candidate that is not an absolute URL', () => {
    expect(matchRedirectUri('app.example.com/auth/callback', REGISTERED)).toMatchObject({
      closest: REGISTERED[0],
      difference: 'not being an absolute URL (scheme://host/path)',
    });
  });

  it('never calls a near miss a match', () => {
    for (const candidate of ['https://app.example.com/auth/callback/', 'https://APP.example.com/auth/callback']) {
      expect(matchRedirectUri(candidate, REGISTERED).match).toBe(false);
    }
  });

  it('stays quick for a huge pasted value', () => {
    const result = matchRedirectUri(`https://app.example.com/${'a'.repeat(100_000)}`, REGISTERED);
    expect(result).toMatchObject({match: false, closest: REGISTERED[0]});
  });
});
