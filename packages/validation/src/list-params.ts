/** The list endpoint's query parameters (A6). */
import {LIMITS} from './limits.js';
import {issue, toFinding} from './issues.js';
import {SORT_DIRECTIONS, SORT_FIELDS, type Finding} from './types.js';

/** A whole number from a number or a decimal string (query parameters arrive as strings); undefined otherwise. */
function toWholeNumber(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  return /^\s*[+-]?\d{1,15}\s*$/.test(value) ? Number(value) : undefined;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/**
 * Checks the list endpoint's query parameters (A6-01, A6-02): an allow-listed `sortField`, `ASC`/`DESC`, a `pageSize`
 * from 1 to `LIMITS.pageSizeMax` and a 1-based `pageNumber`; a page past the end is not an error (A6-03).
 */
export function checkListParams(params: {
  sortField?: string | null;
  sortDirection?: string | null;
  pageSize?: number | string | null;
  pageNumber?: number | string | null;
}): Finding[] {
  const findings: Finding[] = [];
  const {sortField, sortDirection, pageSize, pageNumber} = params;
  // Allow-listed because the platform passes the name on to its data store ("should be indexed or sortable").
  if (!isAbsent(sortField) && !(SORT_FIELDS as readonly unknown[]).includes(sortField)) {
    findings.push(toFinding('sortField', issue('SORT_FIELD_NOT_ALLOWED')));
  }
  if (
    !isAbsent(sortDirection) &&
    !(SORT_DIRECTIONS as readonly string[]).includes(String(sortDirection).toUpperCase())
  ) {
    findings.push(toFinding('sortDirection', issue('SORT_DIRECTION_INVALID')));
  }
  if (pageSize !== undefined && pageSize !== null && pageSize !== '') {
    const size = toWholeNumber(pageSize);
    if (size === undefined || size < 1 || size > LIMITS.pageSizeMax) {
      findings.push(toFinding('pageSize', issue('PAGE_SIZE_OUT_OF_RANGE')));
    }
  }
  if (pageNumber !== undefined && pageNumber !== null && pageNumber !== '') {
    const page = toWholeNumber(pageNumber);
    if (page === undefined || page < 1) findings.push(toFinding('pageNumber', issue('PAGE_NUMBER_INVALID')));
  }
  return findings;
}

/** Clamps a page size to 1…`LIMITS.pageSizeMax`, rounding toward zero; NaN gives `LIMITS.pageSizeDefault` (A6-02). */
export function clampPageSize(value: number): number {
  if (Number.isNaN(value)) return LIMITS.pageSizeDefault;
  return Math.min(LIMITS.pageSizeMax, Math.max(1, Math.trunc(value)));
}
