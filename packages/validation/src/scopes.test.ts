import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {checkScopes} from './scopes.js';
import type {Finding} from './types.js';

function finding(
  severity: Finding['severity'],
  code: Finding['code'],
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return {field: 'AllowedScopes', code, message, severity, ...extra};
}

describe('checkScopes', () => {
  it('issue 12: requires no scope, for either type (the platform does not)', () => {
    expect(checkScopes([])).toEqual([]);
    expect(checkScopes([], {type: 'UItoAPI'})).toEqual([]);
    expect(checkScopes([], {type: 'APItoAPI'})).toEqual([]);
  });

  it.each(['read write', ' openid', 'openid ', 'a b c'])(
    'A4-02 rejects %j, which holds more than one scope',
    (input) => {
      expect(checkScopes([input])).toEqual([
        finding('error', 'SCOPE_HAS_SPACE', 'One scope per entry (no spaces).', {index: 0}),
      ]);
    },
  );

  it.each([
    ['a double quote', 'api."read"'],
    ['a backslash', 'api\\read'],
    ['a tab', 'api\tread'],
    ['a line break', 'api\nread'],
    ['DEL', 'api\u007Fread'],
    ['a non-ASCII letter', 'api.lesé'],
    ['a zero-width space', 'api\u200B'],
    ['an emoji', 'api.😀'],
  ])('A4-03 rejects a scope containing %s', (_label, input) => {
    expect(checkScopes(['openid', input])).toEqual([
      finding('error', 'SCOPE_CHARACTERS_NOT_ALLOWED', "Scope contains characters that aren't allowed.", {index: 1}),
    ]);
  });

  it.each([
    'openid',
    'api.user-management',
    'Auth.Api.Read',
    'https://rls-preview.congacloud.au/mcp',
    // RFC 6749 §3.3 scope-token characters, without the comma (see 'checkScopes and commas' below).
    '!#$%&()*+-./:;<=>?@[]^_`{|}~',
  ])('A4-03 accepts the RFC 6749 scope token %j', (input) => {
    expect(checkScopes([input])).toEqual([]);
  });

  it('A4-04 reports a repeated scope as a notice, not an error', () => {
    expect(checkScopes(['openid', 'profile', 'openid'])).toEqual([
      finding('notice', 'SCOPE_DUPLICATE', 'Duplicate scope removed.', {index: 2}),
    ]);
  });

  it('A4-04 treats scopes that differ in letter case as different, as RFC 6749 §3.3 does', () => {
    expect(checkScopes(['openid', 'OpenID'])).toEqual([]);
  });

  it('A4-06 warns about offline_access on a UItoAPI connection', () => {
    expect(checkScopes(['openid', 'offline_access'], {type: 'UItoAPI'})).toEqual([
      finding('warning', 'SCOPE_OFFLINE_ACCESS', 'Issues refresh tokens to a browser app.', {index: 1}),
    ]);
  });

  it('A4-06 does not warn about offline_access on an APItoAPI connection', () => {
    expect(checkScopes(['offline_access'], {type: 'APItoAPI'})).toEqual([]);
  });

  it('rejects an empty entry', () => {
    expect(checkScopes([''])).toEqual([
      finding('error', 'SCOPE_EMPTY', 'Enter a scope or remove this row.', {index: 0}),
    ]);
  });

  it('rejects a scope over the maximum length and accepts one at the maximum', () => {
    expect(checkScopes(['a'.repeat(LIMITS.scopeLength)])).toEqual([]);
    expect(checkScopes(['a'.repeat(LIMITS.scopeLength + 1)])).toEqual([
      finding('error', 'SCOPE_TOO_LONG', `Scope is too long (max ${LIMITS.scopeLength} characters).`, {index: 0}),
    ]);
  });

  it('rejects more distinct scopes than the maximum and accepts the maximum', () => {
    const scopes = Array.from({length: LIMITS.scopes + 1}, (_, index) => `scope${index}`);
    expect(checkScopes(scopes.slice(0, LIMITS.scopes))).toEqual([]);
    expect(checkScopes(scopes)).toEqual([
      finding('error', 'SCOPES_TOO_MANY', `Too many scopes (max ${LIMITS.scopes}).`),
    ]);
  });
});

describe('checkScopes and commas', () => {
  it('rejects a comma inside a scope, since the platform joins scopes with commas', () => {
    expect(checkScopes(['api.read,write']).map((f) => f.code)).toEqual(['SCOPE_CHARACTERS_NOT_ALLOWED']);
  });
});
