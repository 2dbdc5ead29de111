/**
 * What every rule module shares: an issue (a finding before it is attached to a field), turning issues into findings,
 * and the code-point length check.
 */
import {reasonMessage, type ReasonCode} from './reasons.js';
import type {Finding} from './types.js';

type Severity = Finding['severity'];

/** A finding before it is attached to a field. */
export interface Issue {
  code: ReasonCode;
  severity: Severity;
  normalized?: string;
  /** Value appended to the message; always built by the validator, never the raw input. */
  suggestion?: string;
}

export function issue(
  code: ReasonCode,
  severity: Severity = 'error',
  extra: Omit<Issue, 'code' | 'severity'> = {},
): Issue {
  return {code, severity, ...extra};
}

export function toFinding(field: Finding['field'], item: Issue, index?: number): Finding {
  const result: Finding = {
    field,
    code: item.code,
    message: reasonMessage(item.code, item.suggestion),
    severity: item.severity,
  };
  if (index !== undefined) result.index = index;
  if (item.normalized !== undefined) result.normalized = item.normalized;
  if (item.suggestion !== undefined) result.suggestion = item.suggestion;
  return result;
}

export function toFindings(field: Finding['field'], items: readonly Issue[], index?: number): Finding[] {
  return items.map((item) => toFinding(field, item, index));
}

export function hasError(items: readonly Issue[]): boolean {
  return items.some((item) => item.severity === 'error');
}

/** Counts code points, so an emoji or another astral character counts once. */
function codePointLength(value: string): number {
  return Array.from(value).length;
}

/** Length check that stays cheap for huge inputs: a string never has more code points than UTF-16 units. */
export function longerThan(value: string, max: number): boolean {
  if (value.length <= max) return false;
  if (value.length > max * 2) return true;
  return codePointLength(value) > max;
}
