import {describe, expect, it} from 'vitest';
import {LIMITS} from './limits.js';
import {checkListParams, clampPageSize} from './list-params.js';
import {SORT_FIELDS, type Finding} from './types.js';

function error(field: Finding['field'], code: Finding['code'], message: string): Finding {
  return {field, code, message, severity: 'error'};
}

const pageSizeError = error(
  'pageSize',
  'PAGE_SIZE_OUT_OF_RANGE',
  `Page size must be a whole number from 1 to ${LIMITS.pageSizeMax}.`,
);

describe('checkListParams', () => {
  it('accepts no parameters at all', () => {
    expect(checkListParams({})).toEqual([]);
    expect(checkListParams({sortField: null, sortDirection: '', pageSize: null, pageNumber: undefined})).toEqual([]);
  });

  it.each(SORT_FIELDS)('A6-01 accepts the allow-listed sort field %j', (sortField) => {
    expect(checkListParams({sortField, sortDirection: 'ASC'})).toEqual([]);
  });

  it.each(['ClientSecret', 'Name; DROP TABLE x', 'clientname', '__proto__', 'IsActive,ClientSecret'])(
    'A6-01 rejects the sort field %j',
    (sortField) => {
      expect(checkListParams({sortField})).toEqual([
        error('sortField', 'SORT_FIELD_NOT_ALLOWED', "The list can't be sorted by this field."),
      ]);
    },
  );

  it.each(['ASC', 'DESC', 'asc', 'desc'])('A6-01 accepts the sort direction %j', (sortDirection) => {
    expect(checkListParams({sortDirection})).toEqual([]);
  });

  it.each(['UP', 'ascending', '1'])('A6-01 rejects the sort direction %j', (sortDirection) => {
    expect(checkListParams({sortDirection})).toEqual([
      error('sortDirection', 'SORT_DIRECTION_INVALID', 'Sort direction must be ASC or DESC.'),
    ]);
  });

  it.each([1, LIMITS.pageSizeDefault, LIMITS.pageSizeMax, '25', ' 10 '])(
    'A6-02 accepts the page size %j',
    (pageSize) => {
      expect(checkListParams({pageSize})).toEqual([]);
    },
  );

  it.each([0, -1, LIMITS.pageSizeMax + 1, 2.5, Number.NaN, Number.POSITIVE_INFINITY, '0', 'abc', '10.5', '1e3'])(
    'A6-02 rejects the page size %j',
    (pageSize) => {
      expect(checkListParams({pageSize})).toEqual([pageSizeError]);
    },
  );

  it.each([0, -3, 1.5, 'x'])('A6-02 rejects the page number %j', (pageNumber) => {
    expect(checkListParams({pageNumber})).toEqual([
      error('pageNumber', 'PAGE_NUMBER_INVALID', 'Page number must be a whole number of 1 or more.'),
    ]);
  });

  it('A6-03 accepts a page number past the last page: the result is simply empty', () => {
    expect(checkListParams({pageNumber: 9999, pageSize: LIMITS.pageSizeMax})).toEqual([]);
    expect(checkListParams({pageNumber: '9999'})).toEqual([]);
  });
});

describe('clampPageSize', () => {
  it.each([
    [0, 1],
    [-20, 1],
    [1, 1],
    [LIMITS.pageSizeDefault, LIMITS.pageSizeDefault],
    [LIMITS.pageSizeMax, LIMITS.pageSizeMax],
    [LIMITS.pageSizeMax + 1, LIMITS.pageSizeMax],
    [Number.POSITIVE_INFINITY, LIMITS.pageSizeMax],
    [Number.NEGATIVE_INFINITY, 1],
    [25.9, 25],
    [Number.NaN, LIMITS.pageSizeDefault],
  ])('A6-02 clamps %d to %d', (input, expected) => {
    expect(clampPageSize(input)).toBe(expected);
  });
});
