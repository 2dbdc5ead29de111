import {html} from 'lit';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createFakeApiClient, fakeApiError, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient, FakeApiClientSeed, FakeConnectionSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {messages} from '../../messages.js';
import '../api-connections/api-connections.js';
import type {CongaApiConnections} from '../api-connections/api-connections.js';
import './connection-list.js';
import type {CongaConnectionList} from './connection-list.js';
import {
  $,
  choose,
  mountList as mount,
  rows,
  search,
  settled,
  statusCalls,
  confirmDialog,
  openStatusDialog as openRowStatusDialog,
} from '../../testing.js';

// Helpers

/** The visible text of one column (hidden helper text excluded), row by row. */
function column(list: CongaConnectionList, name: string): string[] {
  return rows(list).map((row) => {
    const cell = row.querySelector(`td.${name}`)!.cloneNode(true) as HTMLElement;
    cell.querySelectorAll('.visually-hidden, button.copy').forEach((hidden) => {
      hidden.remove();
    });
    return cell.textContent.replace(/\s+/g, ' ').trim();
  });
}

function rowByName(list: CongaConnectionList, name: string): HTMLTableRowElement {
  const row = rows(list).find((candidate) => candidate.querySelector('td.name')?.textContent.trim() === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
}

function text(list: CongaConnectionList): string {
  return list.shadowRoot?.textContent.replace(/\s+/g, ' ') ?? '';
}

async function sortBy(list: CongaConnectionList, columnName: string): Promise<void> {
  $(list, `button.sort[data-column="${columnName}"]`).click();
  await list.updateComplete;
}

function dialogPart(list: CongaConnectionList, part: string): HTMLElement {
  return confirmDialog(list).shadowRoot!.querySelector<HTMLElement>(`[part="${part}"]`)!;
}

async function openStatusDialog(list: CongaConnectionList, name: string): Promise<HTMLButtonElement> {
  return openRowStatusDialog(list, rowByName(list, name));
}

function listCalls(api: FakeApiClient) {
  return api.calls.filter((call) => call.operation === 'apiConnections.list');
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return {promise, resolve};
}

function generated(count: number): FakeConnectionSeed[] {
  return Array.from({length: count}, (_, index) => ({
    type: index % 2 ? 'UItoAPI' : 'APItoAPI',
    ExternalIdentifier: `ORG${String(Math.floor(index / 2)).padStart(6, '0')}`,
    ClientName: `Connection ${index}`,
    IsActive: index % 3 !== 0,
  }));
}

const collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});

/** Three connections whose every column sorts differently from the server's order. */
const sortSeed: FakeApiClientSeed = {
  connections: [
    {
      type: 'APItoAPI',
      ExternalIdentifier: 'B-org',
      ClientId: 'id-2',
      ClientName: 'Bravo',
      Description: 'delta',
      IsActive: true,
    },
    {
      type: 'UItoAPI',
      ExternalIdentifier: 'C-org',
      ClientId: 'id-3',
      ClientName: 'Charlie',
      Description: 'alpha',
      IsActive: false,
      RedirectURI: ['https://c.example/cb'],
    },
    {
      type: 'APItoAPI',
      ExternalIdentifier: 'A-org',
      ClientId: 'id-1',
      ClientName: 'alpha',
      Description: 'charlie',
      IsActive: true,
    },
  ],
};

const XSS_NAME = '<img src=x onerror=window.__pwned=1>';
const XSS_DESCRIPTION = '"><svg onload=window.__pwned=1>';

describe('<conga-connection-list>', () => {
  // Defaults (accessible, Copy, events and error states: list-actions.browser.test.ts)

  describe('defaults', () => {
    it('shows every column, the total and the server order (newest first) with no column sorted', async () => {
      const {list} = await mount();
      const headers = [...list.shadowRoot!.querySelectorAll('thead th')].map((th) => th.textContent.trim());
      // The first column is the selection: a checkbox labelled for the page, no text.
      expect($(list, 'thead th:first-child input[type="checkbox"]').getAttribute('aria-label')).to.equal(
        messages.selectPage,
      );
      expect(headers.map((header) => header.replace(/[▲▼↕]/g, '').trim())).to.deep.equal([
        '',
        messages.columnExternalIdentifier,
        messages.columnClientName,
        messages.type,
        messages.columnClientId,
        messages.status,
        messages.columnDescription,
        messages.columnActions,
      ]);
      expect(list.shadowRoot!.querySelectorAll('th[aria-sort]')).to.have.length(0);
      expect(rows(list)).to.have.length(5);
      expect($(list, '.total').textContent.trim()).to.equal('5 connections');
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–5 of 5');
      // fakeSeed's newest connection first.
      expect(column(list, 'name')[0]).to.equal('Génération de documents');
    });

    it('renders a row with its identifier as an edit control, type, Client ID, status in words and description', async () => {
      const {list} = await mount();
      const row = rowByName(list, 'Reporting export (sandbox)');
      expect(row.getAttribute('part')).to.equal('row');
      const edit = row.querySelector<HTMLButtonElement>('button[data-control="edit"]')!;
      expect(edit.classList.contains('link')).to.equal(true);
      expect(edit.textContent).to.contain('00D8d000001AbCdEAK');
      expect(edit.getAttribute('aria-label')).to.equal('00D8d000001AbCdEAK, edit the API to API connection');
      expect(row.querySelector('td.type')?.textContent.trim()).to.equal('API to API');
      expect(row.querySelector('td.client-id code')?.textContent).to.equal('9f1c2d3e-4b5a-4678-9abc-def012345678');
      expect(row.querySelector('td.status')?.textContent.trim()).to.equal(messages.inactive);
      expect(row.querySelector('td.description')?.textContent.trim()).to.equal(
        'Retired after the Q1 reporting migration.',
      );
      const action = row.querySelector<HTMLButtonElement>('[data-control="status"]')!;
      expect(action.textContent).to.contain(messages.reactivate);
      expect(action.getAttribute('aria-label')).to.equal('Reactivate Reporting export (sandbox)');
      expect(column(list, 'type')).to.include('UI to API');
      expect(column(list, 'status').filter((status) => status === messages.active)).to.have.length(4);
    });

    it('offers both Add buttons with the platform labels, a labelled search box, filters and Refresh', async () => {
      const {list} = await mount();
      const create = [...list.shadowRoot!.querySelectorAll('[part="create-button"]')].map((button) =>
        button.textContent.trim(),
      );
      expect(create).to.deep.equal(['Add API To API Connection', 'Add UI To API Connection']);
      expect($(list, 'label[for="search"]').textContent).to.equal('Search connections');
      expect($(list, 'label[for="type-filter"]').textContent).to.equal(messages.type);
      expect($(list, 'label[for="status-filter"]').textContent).to.equal(messages.status);
      expect(($(list, '#type-filter') as HTMLSelectElement).value).to.equal('');
      expect($(list, 'button.refresh').textContent.trim()).to.equal(messages.refresh);
    });

    it('loads all connections with pageSize 500 and the integrations for the form', async () => {
      const {api} = await mount();
      expect(listCalls(api).map((call) => call.args[0])).to.deep.equal([
        {sortField: 'CreatedDate', sortDirection: 'DESC', pageSize: 500, pageNumber: 1},
      ]);
      const integrations = api.calls.find((call) => call.operation === 'externalIntegrations.list');
      expect(integrations?.args[0]).to.deep.equal({pageSize: 500});
    });

    it('shows a loading status, busy and in the loading state, until the first page arrives', async () => {
      const api = createFakeApiClient(fakeSeed);
      const gate = deferred();
      const list$ = api.apiConnections.list.bind(api.apiConnections);
      api.apiConnections.list = async (params, options) => {
        await gate.promise;
        return list$(params, options);
      };
      const root = await fixture<CongaApiConnections>(
        html`<conga-api-connections .apiClient=${api} .session=${createFakeAuthSession()}></conga-api-connections>`,
      );
      await waitUntil(() => root.shadowRoot?.querySelector('conga-connection-list'));
      const list = root.shadowRoot!.querySelector('conga-connection-list')!;
      await waitUntil(() => list.shadowRoot?.querySelector('[role="status"]'));
      expect($(list, '[role="status"]').textContent).to.equal(messages.loading);
      expect($(list, '[part="base"]').getAttribute('aria-busy')).to.equal('true');
      expect(list.matches(':state(loading)')).to.equal(true);
      await expect(list).to.be.accessible();
      gate.resolve();
      await settled(list);
      expect($(list, '[part="base"]').getAttribute('aria-busy')).to.equal('false');
      expect(list.matches(':state(loading)')).to.equal(false);
    });

    it('shows the empty state with its default text and both Add buttons', async () => {
      const {list} = await mount({seed: {connections: []}});
      const empty = $(list, '[part="empty"]');
      const slot = empty.querySelector<HTMLSlotElement>('slot[name="empty"]')!;
      expect(slot.textContent).to.contain(messages.empty);
      expect(empty.querySelectorAll('[part="create-button"]')).to.have.length(2);
      expect(list.shadowRoot!.querySelector('table')).to.equal(null);
    });
  });

  // Attributes and properties

  describe('attributes and properties', () => {
    it('takes the page size from page-size and pages with Previous / Next', async () => {
      const {list} = await mount({pageSize: 2});
      expect(rows(list)).to.have.length(2);
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–2 of 5');
      const previous = $(list, '[data-page="previous"]');
      const next = $(list, '[data-page="next"]');
      expect(previous.getAttribute('aria-disabled')).to.equal('true');
      expect($(list, '.pagination').textContent).to.contain('Page 1 of 3');
      next.click();
      await list.updateComplete;
      expect($(list, '.range').textContent.trim()).to.equal('Showing 3–4 of 5');
      next.click();
      await list.updateComplete;
      expect(rows(list)).to.have.length(1);
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      // Next on the last page and Previous on the first do nothing.
      next.click();
      await list.updateComplete;
      expect($(list, '.range').textContent.trim()).to.equal('Showing 5–5 of 5');
      previous.click();
      await list.updateComplete;
      expect($(list, '.range').textContent.trim()).to.equal('Showing 3–4 of 5');
    });

    it('goes to the last page when the current one is past the end (A6-03)', async () => {
      const {root, list} = await mount({pageSize: 2});
      $(list, '[data-page="next"]').click();
      await list.updateComplete;
      $(list, '[data-page="next"]').click();
      await list.updateComplete;
      expect($(list, '.pagination').textContent).to.contain('Page 3 of 3');
      root.pageSize = 4;
      await root.updateComplete;
      await list.updateComplete;
      expect(list.shadowRoot?.textContent).to.contain('Page 2 of 2');
      expect($(list, '.range').textContent.trim()).to.equal('Showing 5–5 of 5');
      expect(text(list)).to.not.contain('error');
    });

    it('loads 1,200 connections in three requests and renders only one page of rows', async () => {
      const {list, api} = await mount({seed: {connections: generated(1200)}});
      expect(listCalls(api).map((call) => (call.args[0] as {pageNumber: number}).pageNumber)).to.have.members([
        1, 2, 3,
      ]);
      expect(rows(list)).to.have.length(50);
      expect($(list, '.total').textContent.trim()).to.equal('1,200 connections');
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–50 of 1,200');
      expect($(list, '.pagination').textContent).to.contain('Page 1 of 24');
      await search(list, 'connection 11');
      // 11, 110–119, 1100–1199
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–50 of 111 (filtered from 1,200)');
      expect(rows(list)).to.have.length(50);
    });

    it('fetches the remaining pages in parallel, at most four at a time', async () => {
      const api = createFakeApiClient({connections: generated(3000)});
      const original = api.apiConnections.list.bind(api.apiConnections);
      let inFlight = 0;
      let most = 0;
      api.apiConnections.list = async (params, options) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await original(params, options);
        } finally {
          inFlight -= 1;
        }
      };
      const {list} = await mount({api});
      expect(listCalls(api)).to.have.length(6);
      expect(most).to.equal(4);
      expect($(list, '.total').textContent.trim()).to.equal('3,000 connections');
    });

    it('shows the first page at once while the other pages load, then every connection', async () => {
      const api = createFakeApiClient({connections: generated(1200)});
      const original = api.apiConnections.list.bind(api.apiConnections);
      let release = (): void => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      api.apiConnections.list = async (params, options) => {
        if (params?.pageNumber !== 1) await held;
        return original(params, options);
      };
      const root = await fixture<CongaApiConnections>(
        html`<conga-api-connections .apiClient=${api} .session=${createFakeAuthSession()}></conga-api-connections>`,
      );
      await waitUntil(() =>
        root.shadowRoot?.querySelector('conga-connection-list')?.shadowRoot?.querySelector('tbody tr'),
      );
      const list = root.shadowRoot!.querySelector('conga-connection-list')!;
      expect(rows(list)).to.have.length(50);
      expect($(list, '.total').textContent.trim()).to.equal('Loading all 1,200 connections…');
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–50 of 500');
      expect(list.matches(':state(loading)')).to.equal(true);
      release();
      await settled(list);
      expect($(list, '.total').textContent.trim()).to.equal('1,200 connections');
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–50 of 1,200');
    });

    it('drops the first page shown early when a later page fails: an error, not a stale list', async () => {
      const api = createFakeApiClient({connections: generated(1200)});
      const original = api.apiConnections.list.bind(api.apiConnections);
      api.apiConnections.list = async (params, options) => {
        if (params?.pageNumber === 3) throw fakeApiError(500);
        return original(params, options);
      };
      const {list} = await mount({api});
      expect(list.shadowRoot?.querySelector('conga-error-state')).to.not.equal(null);
      expect(list.shadowRoot?.querySelector('table')).to.equal(null);
      expect(list.shadowRoot?.querySelector('.stale-banner')).to.equal(null);
    });

    it('pages on while the server gives no total, until a page comes back short', async () => {
      const api = createFakeApiClient({connections: generated(1100)});
      const original = api.apiConnections.list.bind(api.apiConnections);
      api.apiConnections.list = async (params, options) => ({
        ...(await original(params, options)),
        recordCount: null,
        hasMoreRecords: null,
      });
      const {list} = await mount({api});
      expect($(list, '.total').textContent.trim()).to.equal('1,100 connections');
    });

    it('searches name, External Identifier, Client ID, redirect URIs and origins, ignoring case', async () => {
      const {list} = await mount();
      const cases: [string, string][] = [
        ['erp NIGHTLY', 'ERP nightly sync'],
        ['72F988BF-86f1', 'Génération de documents'],
        ['9F1C2D3E-4B5A', 'Reporting export (sandbox)'],
        ['preview-rls09.congacloud.com/static', 'Copilot (UAT)'],
        ['acme--uat.sandbox.my.salesforce', 'Copilot (UAT)'],
        ['portal.example.com/auth/callback', 'Contract portal'],
      ];
      for (const [query, name] of cases) {
        await search(list, query);
        expect(column(list, 'name'), query).to.deep.equal([name]);
      }
      await search(list, '00d5g000004cmqweak');
      expect(column(list, 'name')).to.have.members(['ERP nightly sync', 'Contract portal']);
      await search(list, '   ');
      expect(rows(list)).to.have.length(5);
    });

    it('filters by type and by status, and says when nothing matches, with Clear filters', async () => {
      const {list} = await mount();
      await choose(list, 'type-filter', 'UItoAPI');
      expect(column(list, 'type')).to.deep.equal(['UI to API', 'UI to API']);
      expect($(list, '.range').textContent.trim()).to.equal('Showing 1–2 of 2 (filtered from 5)');
      await choose(list, 'type-filter', '');
      await choose(list, 'status-filter', 'inactive');
      expect(column(list, 'name')).to.deep.equal(['Reporting export (sandbox)']);
      await choose(list, 'status-filter', 'active');
      expect(rows(list)).to.have.length(4);
      await choose(list, 'type-filter', 'APItoAPI');
      await search(list, 'copilot');
      expect(list.shadowRoot!.querySelector('table')).to.equal(null);
      expect($(list, '.no-match').textContent).to.contain('No connections match “copilot” with these filters.');
      $(list, '.no-match button').click();
      await list.updateComplete;
      await waitUntil(() => list.shadowRoot?.activeElement?.id === 'search', 'focus went elsewhere');
      expect(rows(list)).to.have.length(5);
      expect(($(list, '#search') as HTMLInputElement).value).to.equal('');
      expect(($(list, '#type-filter') as HTMLSelectElement).value).to.equal('');
      expect(($(list, '#status-filter') as HTMLSelectElement).value).to.equal('');
    });

    it('sorts by every column, both ways, with aria-sort on the header', async () => {
      const {list} = await mount({seed: sortSeed});
      const columns = [
        ['externalIdentifier', 'identifier'],
        ['clientName', 'name'],
        ['type', 'type'],
        ['clientId', 'client-id'],
        ['status', 'status'],
        ['description', 'description'],
      ] as const;
      for (const [key, cell] of columns) {
        const header = $(list, `button.sort[data-column="${key}"]`).closest('th')!;
        await sortBy(list, key);
        const ascending = column(list, cell);
        expect(header.getAttribute('aria-sort'), key).to.equal('ascending');
        expect(ascending, key).to.deep.equal([...ascending].sort(collator.compare));
        expect(ascending[0], key).to.not.equal(ascending.at(-1));
        await sortBy(list, key);
        expect(header.getAttribute('aria-sort'), key).to.equal('descending');
        expect(column(list, cell), key).to.deep.equal([...ascending].reverse());
        expect(list.shadowRoot!.querySelectorAll('th[aria-sort]'), key).to.have.length(1);
      }
    });

    it('sorts the whole list, not only the page, and starts again on page 1', async () => {
      const {list} = await mount({seed: {connections: generated(1200)}, pageSize: 10});
      $(list, '[data-page="next"]').click();
      await list.updateComplete;
      await sortBy(list, 'clientName');
      expect($(list, '.pagination').textContent).to.contain('Page 1 of 120');
      expect(column(list, 'name')[0]).to.equal('Connection 0');
      await sortBy(list, 'clientName');
      expect(column(list, 'name')[0]).to.equal('Connection 1199');
    });

    it('sorts more rows than one merge run exactly as the collator does, ties in the server order', async () => {
      // 1,200 rows: the list's merge sort sorts runs of 256 and merges them; every name appears three times.
      const connections = generated(1200).map((connection, index) => ({
        ...connection,
        ClientName: `Client ${String((index * 37) % 400)} ${['alpha', 'Beta', 'gamma'][index % 3] ?? ''}`,
      }));
      const {list} = await mount({seed: {connections}, pageSize: 1200});
      const pairs = () => {
        const identifiers = column(list, 'identifier');
        return column(list, 'name').map((name, index) => `${name}|${identifiers[index] ?? ''}`);
      };
      const serverOrder = pairs();
      const expected = serverOrder
        .map((pair, index) => ({name: pair.split('|')[0] ?? '', pair, index}))
        .sort((a, b) => collator.compare(a.name, b.name) || a.index - b.index)
        .map((entry) => entry.pair);
      await sortBy(list, 'clientName');
      expect(pairs()).to.deep.equal(expected);
      await sortBy(list, 'clientName');
      expect(column(list, 'name')).to.deep.equal(expected.map((pair) => pair.split('|')[0]).reverse());
    });

    it('sorts in idle time after the load, to the same order a click sorts to at once', async () => {
      const connections = generated(1200).map((connection, index) => ({
        ...connection,
        ClientName: `Client ${String((index * 37) % 400)} ${['alpha', 'Beta', 'gamma'][index % 3] ?? ''}`,
      }));
      const sortedAtOnce = await mount({seed: {connections}, pageSize: 1200});
      await sortBy(sortedAtOnce.list, 'clientName');
      const atOnce = column(sortedAtOnce.list, 'identifier');
      const {list} = await mount({seed: {connections}, pageSize: 1200});
      // Idle callbacks until the list has had far more idle time than sorting 1,200 rows by every column takes. Each
      // waits at most 250 ms: the test runner's pages that are not in front get idle callbacks rarely (CI12 timed out).
      for (let round = 0; round < 40; round += 1) {
        await new Promise((resolve) => requestIdleCallback(resolve, {timeout: 250}));
      }
      await sortBy(list, 'clientName');
      expect(column(list, 'identifier')).to.deep.equal(atOnce);
    });

    it('narrows a longer search from the rows that matched, and widens a shorter one from every row', async () => {
      const {list} = await mount({seed: {connections: generated(1200)}});
      const matching = (needle: string) =>
        generated(1200).filter((connection) => connection.ClientName?.toLowerCase().includes(needle)).length;
      const range = () => $(list, '.range').textContent.trim();
      await sortBy(list, 'clientName');
      for (const needle of ['connection 1', 'connection 11', 'connection 119', 'connection 11', 'connection']) {
        await search(list, needle);
        const count = matching(needle);
        expect(range(), needle).to.equal(
          count === 1200
            ? 'Showing 1–50 of 1,200'
            : `Showing 1–${String(Math.min(50, count))} of ${String(count)} (filtered from 1,200)`,
        );
      }
    });

    it('drops a row that no longer matches the status filter on the next keystroke, not before', async () => {
      const {list} = await mount({seed: {connections: generated(1200)}, pageSize: 1200});
      await choose(list, 'status-filter', 'active');
      await search(list, 'connection 1');
      const names = () => column(list, 'name');
      expect(names()).to.contain('Connection 11');
      await openStatusDialog(list, 'Connection 11');
      dialogPart(list, 'confirm-button').click();
      await waitUntil(
        () => rowByName(list, 'Connection 11').querySelector('td.status')?.textContent.trim() === messages.inactive,
        'the row never showed its new status',
      );
      await search(list, 'connection 11');
      expect(names()).to.not.contain('Connection 11');
    });

    it('shows host content in the empty slot when a host supplies the list', async () => {
      const api = createFakeApiClient({connections: []});
      const root = await fixture<CongaApiConnections>(
        html`<conga-api-connections .apiClient=${api} .session=${createFakeAuthSession()}
          ><conga-connection-list><p slot="empty">Nothing here yet.</p></conga-connection-list></conga-api-connections
        >`,
      );
      const list = root.querySelector('conga-connection-list')!;
      await settled(list);
      const slot = $(list, 'slot[name="empty"]') as HTMLSlotElement;
      expect(slot.assignedElements()[0]?.textContent).to.equal('Nothing here yet.');
    });

    it('B1-01 shows script-like names and descriptions as text', async () => {
      const {list} = await mount({
        seed: {
          connections: [
            {
              type: 'APItoAPI',
              ExternalIdentifier: 'XSS-ORG',
              ClientName: XSS_NAME,
              Description: XSS_DESCRIPTION,
              ClientId: '${7*7}{{7*7}}',
            },
          ],
        },
      });
      expect(column(list, 'name')).to.deep.equal([XSS_NAME]);
      expect(column(list, 'description')).to.deep.equal([XSS_DESCRIPTION]);
      expect($(list, 'td.client-id code').textContent).to.equal('${7*7}{{7*7}}');
      await search(list, '<img');
      expect(rows(list)).to.have.length(1);
      await openStatusDialog(list, XSS_NAME);
      expect(confirmDialog(list).querySelector('bdi')?.textContent).to.equal(XSS_NAME);
      confirmDialog(list).close();
      expect(list.shadowRoot!.querySelectorAll('img, svg')).to.have.length(0);
      expect(confirmDialog(list).querySelectorAll('img, svg')).to.have.length(0);
      expect((window as {__pwned?: unknown}).__pwned).to.equal(undefined);
    });
  });

  // Events

  // Keyboard

  describe('keyboard', () => {
    it('sorts from the keyboard with Enter on a column header', async () => {
      const {list} = await mount({seed: sortSeed});
      $(list, 'button.sort[data-column="clientName"]').focus();
      await sendKeys({press: 'Enter'});
      await list.updateComplete;
      expect($(list, 'button.sort[data-column="clientName"]').closest('th')?.getAttribute('aria-sort')).to.equal(
        'ascending',
      );
      expect(column(list, 'name')).to.deep.equal(['alpha', 'Bravo', 'Charlie']);
    });

    it('searches as the admin types', async () => {
      const {list} = await mount();
      $(list, '#search').focus();
      await sendKeys({type: 'copilot'});
      await list.updateComplete;
      expect(column(list, 'name')).to.deep.equal(['Copilot (UAT)']);
    });

    it('closes the confirmation with Escape, sends nothing and returns focus to the row button', async () => {
      const {list, api} = await mount();
      const button = await openStatusDialog(list, 'ERP nightly sync');
      expect(confirmDialog(list).shadowRoot?.activeElement).to.equal(dialogPart(list, 'cancel-button'));
      await sendKeys({press: 'Escape'});
      await waitUntil(() => list.shadowRoot?.activeElement === button, 'focus did not come back');
      expect(confirmDialog(list).open).to.equal(false);
      expect(statusCalls(api)).to.have.length(0);
    });
  });

  // Error states
});
