import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {
  checkClientName,
  checkConnectionType,
  checkDescription,
  checkExternalIdentifier,
  parseConnectionType,
} from './fields.js';
import type {Finding} from './types.js';

function error(field: Finding['field'], code: Finding['code'], message: string): Finding {
  return {field, code, message, severity: 'error'};
}

const nameInvisible = error(
  'ClientName',
  'NAME_INVISIBLE_CHARACTERS',
  'Name contains invisible or control characters.',
);
const descriptionInvisible = error(
  'Description',
  'DESCRIPTION_INVISIBLE_CHARACTERS',
  'Description contains invisible or control characters.',
);

/** A5-03: characters that hide or reorder text. */
const invisibleCases = [
  ['a NUL character', 'Acme\u0000CRM'],
  ['a tab', 'Acme\tCRM'],
  ['a bell (C0 control)', 'Acme\u0007CRM'],
  ['DEL', 'Acme\u007FCRM'],
  ['a C1 control (NEL)', 'Acme\u0085CRM'],
  ['a right-to-left override (U+202E)', 'Invoice\u202Efdp.exe'],
  ['a left-to-right embedding (U+202A)', '\u202AAcme'],
  ['a pop directional formatting (U+202C)', 'Acme\u202C'],
  ['a left-to-right isolate (U+2066)', 'Acme\u2066CRM'],
  ['a right-to-left isolate (U+2067)', 'Acme\u2067CRM'],
  ['a first-strong isolate (U+2068)', 'Acme\u2068CRM'],
  ['a pop directional isolate (U+2069)', 'Acme\u2069CRM'],
  ['a zero-width space (U+200B)', 'Ac\u200Bme'],
  ['a zero-width non-joiner between Latin letters (U+200C)', 'Ac\u200Cme'],
  ['a zero-width joiner between Latin letters (U+200D)', 'Ac\u200Dme'],
  ['a zero-width joiner at the end', 'Acme\u200D'],
  ['a word joiner (U+2060)', 'Ac\u2060me'],
  ['a byte-order mark (U+FEFF)', 'Ac\uFEFFme'],
  ['a line separator (U+2028)', 'Acme\u2028CRM'],
  ['a lone surrogate', 'Acme\uD800'],
] as const;

/** A5-07: text that looks unusual but is exactly what the admin meant. */
const unicodeCases = [
  ['emoji', 'Launch 🚀 team 🎉'],
  ['an emoji ZWJ sequence', 'Dev 👩‍💻 and 🏳️‍🌈 and ❤️‍🔥'],
  ['an emoji with a skin tone and ZWJ', '👩🏽‍🚀 crew'],
  ['right-to-left text', 'مرحبا بالعالم'],
  ['Hebrew', 'שלום עולם'],
  ['Persian with a zero-width non-joiner', 'می‌خواهم'],
  ['Devanagari with a zero-width joiner', 'क्‍ष'],
  ['4-byte characters', '𝒜𝓅𝓅 𐍈 𠀋'],
  ['combining marks', 'Crème brûlée'],
] as const;

describe('checkClientName', () => {
  it.each(['', '   ', '\u3000'])('A5-01 rejects the empty or blank name %j', (input) => {
    expect(checkClientName(input)).toEqual([error('ClientName', 'NAME_REQUIRED', 'Enter a name.')]);
  });

  it('A5-02 rejects a name over the maximum length and accepts one at the maximum', () => {
    expect(checkClientName('a'.repeat(LIMITS.nameLength))).toEqual([]);
    expect(checkClientName('a'.repeat(LIMITS.nameLength + 1))).toEqual([
      error('ClientName', 'NAME_TOO_LONG', `Name must be ${LIMITS.nameLength} characters or fewer.`),
    ]);
  });

  it('A5-02 counts code points, so astral characters count once', () => {
    expect(checkClientName('😀'.repeat(LIMITS.nameLength))).toEqual([]);
  });

  it('A5-02 counts the trimmed name', () => {
    expect(checkClientName(`  ${'a'.repeat(LIMITS.nameLength)}  `)).toEqual([]);
  });

  it.each(invisibleCases)('A5-03 rejects a name containing %s', (_label, input) => {
    expect(checkClientName(input)).toEqual([nameInvisible]);
  });

  it('A5-03 rejects a line break in a name', () => {
    expect(checkClientName('Acme\nCRM')).toEqual([nameInvisible]);
  });

  it.each(unicodeCases)('A5-07 accepts %s in a name', (_label, input) => {
    expect(checkClientName(input)).toEqual([]);
  });
});

describe('checkDescription', () => {
  it('accepts an empty description, because it is optional', () => {
    expect(checkDescription('')).toEqual([]);
  });

  it('A5-02 rejects a description over the maximum length with the same wording as the name', () => {
    expect(checkDescription('a'.repeat(LIMITS.descriptionLength))).toEqual([]);
    expect(checkDescription('a'.repeat(LIMITS.descriptionLength + 1))).toEqual([
      error(
        'Description',
        'DESCRIPTION_TOO_LONG',
        `Description must be ${LIMITS.descriptionLength} characters or fewer.`,
      ),
    ]);
  });

  it.each(['Line one\nLine two', 'Windows\r\nline breaks', 'Trailing\n'])(
    'A5-03 allows the line breaks in %j',
    (input) => {
      expect(checkDescription(input)).toEqual([]);
    },
  );

  it.each(invisibleCases)('A5-03 rejects a description containing %s', (_label, input) => {
    expect(checkDescription(input)).toEqual([descriptionInvisible]);
  });

  it.each(unicodeCases)('A5-07 accepts %s in a description', (_label, input) => {
    expect(checkDescription(input)).toEqual([]);
  });
});

describe('checkExternalIdentifier', () => {
  it.each(['ABCDEFGHI123456789', '00D5g000004abcdEAA', 'tenant_a-1'])('A5-04 accepts %j', (input) => {
    expect(checkExternalIdentifier(input)).toEqual([]);
  });

  it.each(['a/b', '..', 'a%2Fb', 'a?b', 'a#b', 'a b', ' ab', 'bücher', 'a.b', 'a\u200Bb'])(
    'A5-04 rejects %j, which could change the request path',
    (input) => {
      expect(checkExternalIdentifier(input)).toEqual([
        error(
          'ExternalIdentifier',
          'IDENTIFIER_CHARACTERS_NOT_ALLOWED',
          "Identifier may contain letters, digits, '-' and '_' only.",
        ),
      ]);
    },
  );

  it.each(['', '  '])('A5-04 requires an identifier, rejecting %j', (input) => {
    expect(checkExternalIdentifier(input)).toEqual([
      error('ExternalIdentifier', 'IDENTIFIER_REQUIRED', 'Choose an external identifier.'),
    ]);
  });

  it('A5-04 rejects an identifier over the maximum length and accepts one at the maximum', () => {
    expect(checkExternalIdentifier('a'.repeat(LIMITS.externalIdentifierLength))).toEqual([]);
    expect(checkExternalIdentifier('a'.repeat(LIMITS.externalIdentifierLength + 1))).toEqual([
      error(
        'ExternalIdentifier',
        'IDENTIFIER_TOO_LONG',
        `Identifier must be ${LIMITS.externalIdentifierLength} characters or fewer.`,
      ),
    ]);
  });
});

describe('parseConnectionType', () => {
  it.each(['APItoAPI', 'UItoAPI'] as const)('A5-06 accepts %j', (input) => {
    expect(parseConnectionType(input)).toBe(input);
  });

  it.each([undefined, null, '', 'apitoapi', 'API to API', 'UItoAPI ', 0, {}, ['UItoAPI']])(
    'A5-06 returns null for %j',
    (input) => {
      expect(parseConnectionType(input)).toBeNull();
    },
  );
});

describe('checkConnectionType', () => {
  it.each([undefined, '', 'WebApp'])('A5-06 asks to choose a connection type for %j', (input) => {
    expect(checkConnectionType(input)).toEqual([
      error('apiConnectionType', 'CONNECTION_TYPE_REQUIRED', 'Choose a connection type.'),
    ]);
  });

  it('A5-06 accepts a valid type', () => {
    expect(checkConnectionType('UItoAPI')).toEqual([]);
  });
});
