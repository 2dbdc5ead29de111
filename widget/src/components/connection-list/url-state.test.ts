import {describe, expect, it} from 'vitest';
import {readUrlView, SORT_COLUMNS, URL_PARAMS, writeUrlView} from './url-state.js';
import type {UrlView} from './url-state.js';

const DEFAULT_VIEW: UrlView = {search: '', type: '', status: '', sort: undefined, descending: false, page: 1};

describe('readUrlView', () => {
  it('reads every parameter', () => {
    const params = new URLSearchParams(
      'cac-q=erp+sync&cac-type=UItoAPI&cac-status=inactive&cac-sort=-clientName&cac-page=3',
    );
    expect(readUrlView(params)).toEqual({
      search: 'erp sync',
      type: 'UItoAPI',
      status: 'inactive',
      sort: 'clientName',
      descending: true,
      page: 3,
    });
  });

  it('reads no parameters as the default view', () => {
    expect(readUrlView(new URLSearchParams(''))).toEqual(DEFAULT_VIEW);
    expect(readUrlView(new URLSearchParams('tab=api-connections&q=other'))).toEqual(DEFAULT_VIEW);
  });

  it.each([
    ['cac-type=apitoapi'],
    ['cac-type=<script>'],
    ['cac-status=ACTIVE'],
    ['cac-status=all'],
    ['cac-sort=ClientSecret'],
    ['cac-sort=constructor'],
    ['cac-sort=-'],
    ['cac-sort=--clientName'],
    ['cac-page=0'],
    ['cac-page=-2'],
    ['cac-page=1.5'],
    ['cac-page=1e400'],
    ['cac-page=abc'],
    ['cac-page=99999999999999999999'],
  ])('A6-01 ignores an unknown or invalid value safely: %s', (query) => {
    expect(readUrlView(new URLSearchParams(query))).toEqual(DEFAULT_VIEW);
  });

  it('takes a sort column from the allow-list only, ascending without a "-"', () => {
    for (const column of SORT_COLUMNS) {
      expect(readUrlView(new URLSearchParams({'cac-sort': column}))).toMatchObject({sort: column, descending: false});
    }
  });

  it('cuts an overlong search to 200 characters', () => {
    expect(readUrlView(new URLSearchParams({'cac-q': 'x'.repeat(5000)})).search).toHaveLength(200);
  });
});

describe('writeUrlView', () => {
  it('writes every non-default value and keeps the host page’s own parameters', () => {
    const params = new URLSearchParams('tab=api-connections&cac-page=9');
    writeUrlView(params, {
      search: 'a&b=c',
      type: 'APItoAPI',
      status: 'active',
      sort: 'type',
      descending: false,
      page: 2,
    });
    expect(params.get('tab')).toBe('api-connections');
    expect(Object.fromEntries(params)).toEqual({
      tab: 'api-connections',
      'cac-q': 'a&b=c',
      'cac-type': 'APItoAPI',
      'cac-status': 'active',
      'cac-sort': 'type',
      'cac-page': '2',
    });
  });

  it('removes the parameters of default values, so the default view leaves the address clean', () => {
    const params = new URLSearchParams('cac-q=x&cac-type=UItoAPI&cac-status=active&cac-sort=-type&cac-page=4&keep=1');
    writeUrlView(params, DEFAULT_VIEW);
    expect(params.toString()).toBe('keep=1');
  });

  it('round-trips through readUrlView', () => {
    const view: UrlView = {
      search: 'Génération, "docs"',
      type: 'UItoAPI',
      status: 'inactive',
      sort: 'description',
      descending: true,
      page: 7,
    };
    const params = new URLSearchParams();
    writeUrlView(params, view);
    expect(readUrlView(new URLSearchParams(params.toString()))).toEqual(view);
  });

  it('uses only its namespaced parameters', () => {
    const params = new URLSearchParams();
    writeUrlView(params, {
      search: 'x',
      type: 'APItoAPI',
      status: 'active',
      sort: 'clientId',
      descending: true,
      page: 5,
    });
    expect([...params.keys()].sort()).toEqual(Object.values(URL_PARAMS).sort());
    expect([...params.keys()].every((key) => key.startsWith('cac-'))).toBe(true);
  });
});
