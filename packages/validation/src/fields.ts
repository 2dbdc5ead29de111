/** The name, description, external identifier and connection type rules (A5). */
import {LIMITS} from './limits.js';
import {issue, longerThan, toFinding, toFindings, type Issue} from './issues.js';
import {CONNECTION_TYPES, type ConnectionType, type Finding} from './types.js';

/**
 * Characters a name may never contain: C0 and C1 controls, DEL, zero-width space, line/paragraph separators, bidi
 * embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069), word joiner, BOM and lone surrogates. They
 * can hide or reorder text, e.g. in "Deactivate <name>?" (B1-06).
 */
const TEXT_FORBIDDEN_PATTERN = /[\p{Cc}\p{Cs}\u200B\u2028\u2029\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/u;
const ZERO_WIDTH_NON_JOINER = '\u200C';
const ZERO_WIDTH_JOINER = '\u200D';
const EMOJI_BEFORE_JOINER_PATTERN = /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F)$/u;
const EMOJI_PATTERN = /^\p{Extended_Pictographic}$/u;
const MARK_PATTERN = /^\p{M}$/u;
const LETTER_OR_MARK_PATTERN = /^[\p{L}\p{M}]$/u;
const SCRIPT_WITHOUT_JOINERS_PATTERN = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]$/u;
const LETTER_PATTERN = /^\p{L}$/u;

/**
 * ZWJ and ZWNJ are invisible but needed: ZWJ builds emoji sequences (👩‍💻) and both shape Arabic, Persian and Indic
 * text (A5-07). As in RFC 5892's CONTEXTJ rules, they are allowed only in such a context: ZWJ between emoji, or
 * either of them after a letter of a script that uses joiners and before a letter or mark. Between Latin, Greek or
 * Cyrillic letters they only hide a difference, so they are refused there.
 */
function joinerInContext(characters: readonly string[], index: number): boolean {
  const previous = characters[index - 1];
  const next = characters[index + 1];
  if (previous === undefined || next === undefined) return false;
  if (
    characters[index] === ZERO_WIDTH_JOINER &&
    EMOJI_BEFORE_JOINER_PATTERN.test(previous) &&
    EMOJI_PATTERN.test(next)
  ) {
    return true;
  }
  let baseIndex = index - 1;
  while (baseIndex > 0 && MARK_PATTERN.test(characters[baseIndex] ?? '')) baseIndex--;
  const base = characters[baseIndex] ?? '';
  return LETTER_PATTERN.test(base) && !SCRIPT_WITHOUT_JOINERS_PATTERN.test(base) && LETTER_OR_MARK_PATTERN.test(next);
}

function hasInvisibleCharacters(value: string, allowLineBreaks: boolean): boolean {
  const characters = Array.from(value);
  return characters.some((character, index) => {
    if (allowLineBreaks && (character === '\n' || character === '\r')) return false;
    if (character === ZERO_WIDTH_JOINER || character === ZERO_WIDTH_NON_JOINER) {
      return !joinerInContext(characters, index);
    }
    return TEXT_FORBIDDEN_PATTERN.test(character);
  });
}

function clientNameIssues(value: string): Issue[] {
  if (hasInvisibleCharacters(value, false)) return [issue('NAME_INVISIBLE_CHARACTERS')];
  const trimmed = value.trim();
  if (trimmed === '') return [issue('NAME_REQUIRED')];
  if (longerThan(trimmed, LIMITS.nameLength)) return [issue('NAME_TOO_LONG')];
  return [];
}

/**
 * Checks the client name (A5-01 to A5-03, A5-07): required, at most `LIMITS.nameLength` code points after trimming,
 * and free of control, direction-override and zero-width characters; emoji and right-to-left text are accepted.
 */
export function checkClientName(value: string): Finding[] {
  return toFindings('ClientName', clientNameIssues(value));
}

/** Checks the description (A5-02, A5-03, A5-07): optional, like the name but line breaks are allowed. */
export function checkDescription(value: string): Finding[] {
  if (hasInvisibleCharacters(value, true))
    return toFindings('Description', [issue('DESCRIPTION_INVISIBLE_CHARACTERS')]);
  if (longerThan(value, LIMITS.descriptionLength)) return toFindings('Description', [issue('DESCRIPTION_TOO_LONG')]);
  return [];
}

/** ASCII only: the identifier becomes a URL path segment, where `/`, `..`, `%2F`, `?` and `#` change the request. */
const EXTERNAL_IDENTIFIER_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Checks the external identifier (A5-04): required, letters, digits, '-' and '_' only, at most the maximum length. */
export function checkExternalIdentifier(value: string): Finding[] {
  if (value.trim() === '') return toFindings('ExternalIdentifier', [issue('IDENTIFIER_REQUIRED')]);
  if (value.length > LIMITS.externalIdentifierLength) {
    return toFindings('ExternalIdentifier', [issue('IDENTIFIER_TOO_LONG')]);
  }
  if (!EXTERNAL_IDENTIFIER_PATTERN.test(value)) {
    return toFindings('ExternalIdentifier', [issue('IDENTIFIER_CHARACTERS_NOT_ALLOWED')]);
  }
  return [];
}

/** Returns the connection type for an exact `APItoAPI` or `UItoAPI`, or null for anything else (A5-06). */
export function parseConnectionType(value: unknown): ConnectionType | null {
  return value === CONNECTION_TYPES.apiToApi || value === CONNECTION_TYPES.uiToApi ? value : null;
}

/** Checks a connection type (A5-06): anything but `APItoAPI` or `UItoAPI` gets "Choose a connection type." */
export function checkConnectionType(value: unknown): Finding[] {
  return parseConnectionType(value) === null ? [toFinding('apiConnectionType', issue('CONNECTION_TYPE_REQUIRED'))] : [];
}
