import {describe, expect, it} from 'vitest';
import {REASONS} from './reasons.js';
import {checkScopes} from './scopes.js';
import {formatServerMessage, parseServerMessage} from './server-messages.js';
import {FIELDS, type Finding} from './types.js';

const messages = [
  REASONS.REDIRECT_URI_EMPTY,
  'An origin has no path, query or trailing slash. Use https://app.example.com:8443',
  "Redirect URIs can't contain a fragment (#…).",
  'Use https:// (http is only allowed for 127.0.0.1, [::1] or localhost).',
  'Text with: a colon, [brackets] and\na line break',
];

const roundTripCases = FIELDS.flatMap((field) =>
  [undefined, 0, 12].flatMap((index) => messages.map((message) => ({field, index, message}))),
);

describe('formatServerMessage', () => {
  it('prefixes the message with the field and, for a list field, the row index', () => {
    const finding: Finding = {
      field: 'RedirectURI',
      index: 1,
      code: 'REDIRECT_URI_DUPLICATE',
      message: 'Duplicate redirect URI.',
      severity: 'error',
    };
    expect(formatServerMessage(finding)).toBe('RedirectURI[1]: Duplicate redirect URI.');
    expect(formatServerMessage({...finding, field: 'ClientName', index: undefined, message: 'Enter a name.'})).toBe(
      'ClientName: Enter a name.',
    );
  });

  it.each(roundTripCases)('round-trips $field[$index] through parseServerMessage', ({field, index, message}) => {
    const finding: Finding = {field, code: 'REDIRECT_URI_EMPTY', message, severity: 'error'};
    if (index !== undefined) finding.index = index;
    const expected = index === undefined ? {field, message} : {field, index, message};
    expect(parseServerMessage(formatServerMessage(finding))).toEqual(expected);
  });

  it.each(['apiConnectionType', 'sortField', 'sortDirection', 'pageSize', 'pageNumber'] as const)(
    'formats the %s parameter so that parsing gives back the plain message',
    (field) => {
      const finding: Finding = {
        field,
        code: 'CONNECTION_TYPE_REQUIRED',
        message: 'Choose a connection type.',
        severity: 'error',
      };
      expect(formatServerMessage(finding)).toBe(`${field}: Choose a connection type.`);
      expect(parseServerMessage(formatServerMessage(finding))).toEqual({message: 'Choose a connection type.'});
    },
  );
});

describe('parseServerMessage', () => {
  it.each([
    'The server rejected the request.',
    'Object reference not set to an instance of an object.',
    'Error: something failed',
    'Https://app.example.com: unreachable',
    'RedirectURI[abc]: Duplicate redirect URI.',
    'RedirectURI:',
    'RedirectURI:   ',
    'sortField[2]: x',
    '',
  ])('returns %j unchanged as a message without a field', (message) => {
    expect(parseServerMessage(message)).toEqual({message});
  });

  it('accepts a field name in another letter case and returns the canonical name', () => {
    expect(parseServerMessage('redirecturi[3]: Duplicate origin.')).toEqual({
      field: 'RedirectURI',
      index: 3,
      message: 'Duplicate origin.',
    });
  });

  it('A4-05 attaches a server message about an unknown scope to the scopes field and row', () => {
    expect(checkScopes(['openid', 'api.unknown'])).toEqual([]);
    expect(parseServerMessage('AllowedScopes[1]: Unknown scope.')).toEqual({
      field: 'AllowedScopes',
      index: 1,
      message: 'Unknown scope.',
    });
  });

  it('keeps hostile server text as plain text for the element to render as text (B1-01)', () => {
    const message = 'ClientName: <img src=x onerror=window.__pwned=1>';
    expect(parseServerMessage(message)).toEqual({field: 'ClientName', message: '<img src=x onerror=window.__pwned=1>'});
  });
});
