/** <conga-connection-list> with `url-state`: the view in the page's address (the rest of bulk.browser.test.ts's suite). */
import {expect, waitUntil} from '@open-wc/testing';
import type {FakeConnectionSeed} from '@conga-connections/api-client/testing';
import '../api-connections/api-connections.js';
import './connection-list.js';
import type {CongaConnectionList} from './connection-list.js';
import {$, choose, mountList as mount, rows, search} from '../../testing.js';

// Helpers

function names(list: CongaConnectionList): string[] {
  return rows(list).map((row) => row.querySelector('td.name')?.textContent.trim() ?? '');
}

function generated(count: number): FakeConnectionSeed[] {
  return Array.from({length: count}, (_, index) => ({
    type: 'APItoAPI',
    ExternalIdentifier: `ORG${String(index).padStart(4, '0')}`,
    ClientName: `Connection ${String(index).padStart(2, '0')}`,
    IsActive: index % 3 !== 0,
  }));
}

async function toggle(list: CongaConnectionList, input: HTMLInputElement): Promise<void> {
  input.click();
  await list.updateComplete;
}

function header(list: CongaConnectionList): HTMLInputElement {
  return $(list, '#select-page') as HTMLInputElement;
}

async function page(list: CongaConnectionList, which: 'next' | 'previous'): Promise<void> {
  $(list, `button[data-page="${which}"]`).click();
  await list.updateComplete;
}

/** The address the test page started with: every URL-state test puts it back. */
const START_URL = location.href;

describe('<conga-connection-list> URL state', () => {
  afterEach(() => {
    history.replaceState(history.state, '', START_URL);
  });

  describe('url-state', () => {
    function params(): URLSearchParams {
      return new URLSearchParams(location.search);
    }

    it('shows the view the address names: search, type, status, sort and page', async () => {
      const url = new URL(START_URL);
      url.searchParams.set('cac-q', 'connection');
      url.searchParams.set('cac-status', 'active');
      url.searchParams.set('cac-type', 'APItoAPI');
      url.searchParams.set('cac-sort', '-clientName');
      url.searchParams.set('cac-page', '2');
      history.replaceState(history.state, '', url);
      const {list} = await mount({seed: {connections: generated(12)}, pageSize: 3, urlState: true});
      expect(($(list, '#search') as HTMLInputElement).value).to.equal('connection');
      expect(($(list, '#type-filter') as HTMLSelectElement).value).to.equal('APItoAPI');
      expect(($(list, '#status-filter') as HTMLSelectElement).value).to.equal('active');
      expect($(list, 'th[aria-sort]').getAttribute('aria-sort')).to.equal('descending');
      expect($(list, '.pagination span').textContent).to.equal('Page 2 of 3');
      // Active ones (not 0, 3, 6, 9), by name descending: 11 10 8 | 7 5 4 | 2 1
      expect(names(list)).to.deep.equal(['Connection 07', 'Connection 05', 'Connection 04']);
    });

    it('writes the view into the address (replacing the entry, keeping other parameters) and never the selection', async () => {
      const url = new URL(START_URL);
      url.searchParams.set('tab', 'api-connections');
      history.replaceState(history.state, '', url);
      const entries = history.length;
      const {list} = await mount({seed: {connections: generated(12)}, pageSize: 3, urlState: true});
      await search(list, 'c');
      await search(list, 'co');
      await search(list, 'conn');
      await choose(list, 'type-filter', 'APItoAPI');
      await choose(list, 'status-filter', 'inactive');
      $(list, 'button.sort[data-column="clientId"]').click();
      await list.updateComplete;
      await toggle(list, header(list));
      await waitUntil(() => params().get('cac-sort') === 'clientId', 'the address never followed');
      expect(
        Object.fromEntries([...params()].filter(([key]) => key.startsWith('cac-') || key === 'tab')),
      ).to.deep.equal({
        tab: 'api-connections',
        'cac-q': 'conn',
        'cac-type': 'APItoAPI',
        'cac-status': 'inactive',
        'cac-sort': 'clientId',
      });
      expect(history.length).to.equal(entries);
      expect(location.href).not.to.contain('ORG');
      await page(list, 'next');
      await waitUntil(() => params().get('cac-page') === '2', 'the page never reached the address');
    });

    it('A6-01 ignores unknown and invalid parameters, and takes them out of the address', async () => {
      const url = new URL(START_URL);
      url.searchParams.set('cac-type', 'Bogus');
      url.searchParams.set('cac-status', 'maybe');
      url.searchParams.set('cac-sort', 'ClientSecret');
      url.searchParams.set('cac-page', '-4');
      history.replaceState(history.state, '', url);
      const {list} = await mount({urlState: true});
      expect(($(list, '#type-filter') as HTMLSelectElement).value).to.equal('');
      expect(($(list, '#status-filter') as HTMLSelectElement).value).to.equal('');
      expect(list.shadowRoot!.querySelectorAll('th[aria-sort]')).to.have.length(0);
      expect(rows(list)).to.have.length(5);
      await waitUntil(() => ![...params().keys()].some((key) => key.startsWith('cac-')), 'invalid values stayed');
      expect(location.href.split('?')[0]).to.equal(START_URL.split('?')[0]);
    });

    it('follows Back and Forward (popstate)', async () => {
      const {list} = await mount({urlState: true});
      const url = new URL(START_URL);
      url.searchParams.set('cac-q', 'portal');
      history.replaceState(history.state, '', url);
      dispatchEvent(new PopStateEvent('popstate'));
      await list.updateComplete;
      expect(names(list)).to.deep.equal(['Contract portal']);
    });

    it('leaves the address alone without url-state', async () => {
      // Every history.replaceState fires `currententrychange` on the Navigation API (Chromium): count them.
      const {navigation} = window as unknown as {navigation: EventTarget};
      let writes = 0;
      const count = () => (writes += 1);
      navigation.addEventListener('currententrychange', count);
      try {
        const {list: without} = await mount();
        await search(without, 'erp');
        await choose(without, 'status-filter', 'active');
        // A second list, with url-state, changed afterwards: its one write comes after any the first would make.
        const {list: withUrlState} = await mount({urlState: true});
        await search(withUrlState, 'portal');
        await waitUntil(() => params().get('cac-q') === 'portal', 'the url-state list never wrote');
        expect(writes).to.equal(1);
        expect(params().get('cac-status')).to.equal(null);
      } finally {
        navigation.removeEventListener('currententrychange', count);
      }
    });
  });
});
