import {describe, expect, it} from 'vitest';
import {fakeConnectionResponse} from '@conga-connections/api-client/testing';
import {sortInSlices} from './idle-sort.js';
import {InPlaceIndex} from './in-place-index.js';
import {ListQuery, LoadedList, rowKey, toBulkItem, toLoadedPage} from './list-query.js';
import {SORT_COLUMNS} from './url-state.js';

const CONNECTIONS = [
  fakeConnectionResponse({ExternalIdentifier: 'ORG-A', ClientName: 'ERP nightly sync', ClientId: 'aaaa-1111'}),
  fakeConnectionResponse({
    ExternalIdentifier: 'ORG-A',
    APIType: 'UI to API',
    ClientName: 'Contract portal',
    RedirectURI: ['https://portal.example.com/callback'],
    IsActive: false,
  }),
  fakeConnectionResponse({ExternalIdentifier: 'ORG-B', ClientName: 'Copilot', ClientId: 'B-MIXED-Case-ID'}),
  fakeConnectionResponse({ExternalIdentifier: 'ORG-10', APIType: 'Legacy', ClientName: 'élan 2'}),
  fakeConnectionResponse({
    ExternalIdentifier: 'ORG-2',
    APIType: 'UI to API',
    ClientName: 'Élan 10',
    CorsOrigins: ['https://x.test'],
  }),
];

function loaded(connections = CONNECTIONS, expected?: number): LoadedList {
  return new LoadedList([toLoadedPage(connections)], expected);
}

/** The External Identifiers of a query's view, in order. */
function identifiers(query: ListQuery): string[] {
  return Array.from(query.view, (index) => query.list?.connections[index]?.ExternalIdentifier ?? '?');
}

function names(query: ListQuery): string[] {
  return Array.from(query.view, (index) => query.list?.connections[index]?.ClientName ?? '?');
}

/** The list with the index the list-deferred chunk builds in idle time, built at once. */
function withIndex(list: LoadedList): LoadedList {
  const build = InPlaceIndex.build(list);
  let step = build.next();
  while (!step.done) step = build.next();
  list.inPlace = step.value;
  return list;
}

function queryOf(list = loaded()): ListQuery {
  const query = new ListQuery();
  query.list = list;
  return query;
}

describe('LoadedList', () => {
  it('keeps the first copy of a connection that a later page repeats', () => {
    const [first, second] = CONNECTIONS;
    const list = new LoadedList([toLoadedPage([first!, second!]), toLoadedPage([{...first!, ClientName: 'again'}])]);
    expect(list.size).toBe(2);
    expect(list.connections[0]?.ClientName).toBe('ERP nightly sync');
  });

  it('knows each row by its type and External Identifier', () => {
    const list = loaded();
    expect(list.keyOf(1)).toBe(rowKey('UItoAPI', 'ORG-A'));
    expect(list.indexOf(rowKey('UItoAPI', 'ORG-A'))).toBe(1);
    expect(list.indexOf(rowKey('APItoAPI', 'ORG-A'))).toBe(0);
    expect(list.indexOf(rowKey('APItoAPI', 'ORG-404'))).toBeUndefined();
    // A type this build doesn't know: shown, keyed by the server's text, not actionable.
    expect(list.typeOf(3)).toBeNull();
    expect(list.keyOf(3)).toBe(rowKey('Legacy', 'ORG-10'));
    expect(list.indexOf(rowKey('Legacy', 'ORG-10'))).toBe(3);
  });

  it('writes a confirmed status into the row and forgets the status order', () => {
    const list = loaded();
    list.order('status');
    list.setActive(1, true);
    expect(list.connections[1]?.IsActive).toBe(true);
    expect(list.orders.has('status')).toBe(false);
    expect(toBulkItem(list, 1)).toEqual({
      key: rowKey('UItoAPI', 'ORG-A'),
      name: 'Contract portal',
      externalIdentifier: 'ORG-A',
      type: 'UItoAPI',
      isActive: true,
    });
  });

  it('sorts every column in slices to the order it sorts at once', () => {
    const list = loaded();
    for (const column of SORT_COLUMNS) {
      const job = sortInSlices(list.values(column));
      let step = job.next();
      while (!step.done) step = job.next();
      expect(Array.from(step.value), column).toEqual(Array.from(list.order(column)));
    }
  });
});

describe.each([
  ['row by row', (list: LoadedList) => list],
  ['with the in-place index', withIndex],
])('ListQuery searching the Client ID and URLs %s', (_, prepared) => {
  it('finds text in the fields searched in place, by letters, digits and punctuation', () => {
    const [first, second] = CONNECTIONS;
    const third = fakeConnectionResponse({ExternalIdentifier: 'ORG-C', ClientName: 'Third', ClientId: 'ccc-9f'});
    // The repeated first row is dropped from the second page, so every later row's bits move up by one.
    const query = queryOf(prepared(new LoadedList([toLoadedPage([first!, second!]), toLoadedPage([first!, third])])));
    const found = (search: string) => {
      query.set({search});
      return names(query);
    };
    expect(found('a-11')).toEqual(['ERP nightly sync']);
    expect(found('/callback')).toEqual(['Contract portal']);
    expect(found('c-9f')).toEqual(['Third']);
    expect(found('third')).toEqual(['Third']);
    expect(found('nightly')).toEqual(['ERP nightly sync']);
    expect(found('c-9g')).toEqual([]);
    expect(found('https://')).toEqual(['Contract portal']);
  });

  it('finds text in origins, whether or not they begin a redirect URI', () => {
    const covered = fakeConnectionResponse({
      ExternalIdentifier: 'ORG-C',
      APIType: 'UI to API',
      ClientName: 'Covered',
      RedirectURI: ['https://app.test/cb'],
      CorsOrigins: ['https://app.test'],
    });
    const apart = fakeConnectionResponse({
      ExternalIdentifier: 'ORG-D',
      APIType: 'UI to API',
      ClientName: 'Apart',
      RedirectURI: ['https://app.test/cb'],
      CorsOrigins: ['https://app.test', 'https://other.test'],
    });
    const query = queryOf(prepared(loaded([covered, apart])));
    query.set({search: 'app.test'});
    expect(names(query)).toEqual(['Covered', 'Apart']);
    query.set({search: 'other.test'});
    expect(names(query)).toEqual(['Apart']);
  });

  it('searches in place only the rows the filters and a narrowing search leave', () => {
    const query = queryOf(prepared(loaded()));
    query.setType('UItoAPI');
    query.set({search: 'callb'});
    expect(names(query)).toEqual(['Contract portal']);
    query.set({search: 'callback'});
    expect(names(query)).toEqual(['Contract portal']);
    query.setType('APItoAPI');
    expect(names(query)).toEqual([]);
    query.setType('');
    query.setStatus('active');
    query.set({search: 'aaaa'});
    expect(names(query)).toEqual(['ERP nightly sync']);
    query.setStatus('inactive');
    expect(names(query)).toEqual([]);
  });
});

describe('ListQuery', () => {
  it('shows every row in the server order by default', () => {
    expect(identifiers(queryOf())).toEqual(['ORG-A', 'ORG-A', 'ORG-B', 'ORG-10', 'ORG-2']);
  });

  it('searches every searchable field, ignoring case, and never across two fields', () => {
    const query = queryOf();
    query.set({search: '  PORTAL.example '});
    expect(names(query)).toEqual(['Contract portal']);
    query.set({search: 'mixed-case'});
    expect(names(query)).toEqual(['Copilot']);
    query.set({search: 'x.test'});
    expect(names(query)).toEqual(['Élan 10']);
    query.set({search: 'org-a'});
    expect(names(query)).toEqual(['ERP nightly sync', 'Contract portal']);
    // "sync" ends one field and "aaaa" starts the next.
    query.set({search: 'syncaaaa'});
    expect(names(query)).toEqual([]);
  });

  it('narrows a longer search from the last matches, and widens a shorter one again', () => {
    const query = queryOf();
    for (const search of ['o', 'or', 'org-', 'org-1', 'org-10']) query.set({search});
    expect(identifiers(query)).toEqual(['ORG-10']);
    query.set({search: 'org-'});
    expect(identifiers(query)).toHaveLength(5);
  });

  it('filters by type and status', () => {
    const query = queryOf();
    query.setType('UItoAPI');
    expect(names(query)).toEqual(['Contract portal', 'Élan 10']);
    query.setStatus('inactive');
    expect(names(query)).toEqual(['Contract portal']);
    query.setType('nonsense');
    query.setStatus('active');
    expect(names(query)).toEqual(['ERP nightly sync', 'Copilot', 'élan 2', 'Élan 10']);
  });

  it('sorts numerically and ignoring case and accents, then the other way on a second click', () => {
    const query = queryOf();
    query.sortBy('externalIdentifier');
    expect(identifiers(query)).toEqual(['ORG-2', 'ORG-10', 'ORG-A', 'ORG-A', 'ORG-B']);
    query.sortBy('externalIdentifier');
    expect(query.descending).toBe(true);
    expect(identifiers(query)).toEqual(['ORG-B', 'ORG-A', 'ORG-A', 'ORG-10', 'ORG-2']);
    query.sortBy('clientName');
    expect(query.descending).toBe(false);
    expect(names(query)).toEqual(['Contract portal', 'Copilot', 'élan 2', 'Élan 10', 'ERP nightly sync']);
  });

  it('pages the view and shows the last page for a page past the end', () => {
    const query = queryOf();
    query.pageSize = 2;
    expect(query.pageCount).toBe(3);
    query.page = 9;
    expect(query.page).toBe(3);
    expect(Array.from(query.pageRows())).toEqual([4]);
    query.set({search: 'org-a'});
    expect(query.page).toBe(1);
    query.pageSize = Number.NaN;
    expect(query.pageSize).toBe(50);
  });

  it('holds a page from the address until a list is in', () => {
    const query = new ListQuery();
    query.set({page: 4});
    expect(query.page).toBe(4);
    query.list = loaded();
    query.pageSize = 1;
    expect(query.page).toBe(4);
    expect([query.search, query.type, query.status, query.sort, query.descending, query.page]).toEqual([
      '',
      '',
      '',
      undefined,
      false,
      4,
    ]);
  });

  it('keeps a changed row where it is until the next change, which starts from every row', () => {
    const query = queryOf();
    query.setStatus('inactive');
    query.set({search: 'portal'});
    expect(names(query)).toEqual(['Contract portal']);
    query.list?.setActive(1, true);
    query.invalidate();
    expect(names(query)).toEqual(['Contract portal']);
    query.setStatus('active');
    query.set({search: 'portal'});
    expect(names(query)).toEqual(['Contract portal']);
  });

  it('reveals a row, clearing the search and filters that hide it', () => {
    const query = queryOf();
    query.pageSize = 2;
    query.set({search: 'copilot'});
    expect(query.reveal(4)).toBe(true);
    expect(query.search).toBe('');
    expect(query.page).toBe(3);
  });

  it('bumps its revision on every change of the view', () => {
    const query = queryOf();
    const before = query.revision;
    query.sortBy('type');
    query.page = 2;
    expect(query.revision).toBe(before + 2);
  });
});
