import {expect, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {fakeApiError} from '@conga-connections/api-client/testing';
import type {FakeApiClientSeed, FakeConnectionSeed} from '@conga-connections/api-client/testing';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {messages} from '../../messages.js';
import '../api-connections/api-connections.js';
import type {CongaBulkActions, ExportFile} from '../bulk-actions/bulk-actions.js';
import type {CongaConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import './connection-list.js';
import type {CongaConnectionList} from './connection-list.js';
import {$, announcements, choose, mountList as mount, rows, search, statusCalls} from '../../testing.js';

// Helpers

function names(list: CongaConnectionList): string[] {
  return rows(list).map((row) => row.querySelector('td.name')?.textContent.trim() ?? '');
}

function checkbox(list: CongaConnectionList, name: string): HTMLInputElement {
  const row = rows(list).find((candidate) => candidate.querySelector('td.name')?.textContent.trim() === name);
  const input = row?.querySelector<HTMLInputElement>('input[type="checkbox"]');
  if (!input) throw new Error(`no checkbox for ${name}`);
  return input;
}

function statusOf(list: CongaConnectionList, name: string): string {
  const row = rows(list).find((candidate) => candidate.querySelector('td.name')?.textContent.trim() === name);
  return row?.querySelector('td.status')?.textContent.trim() ?? '';
}

/** Clicks a checkbox as a user would (a click toggles it and fires `change`). */
async function toggle(list: CongaConnectionList, input: HTMLInputElement): Promise<void> {
  input.click();
  await list.updateComplete;
}

function header(list: CongaConnectionList): HTMLInputElement {
  return $(list, '#select-page') as HTMLInputElement;
}

function bar(list: CongaConnectionList): HTMLElement {
  return $(list, '[part="selection-bar"]');
}

function barButton(list: CongaConnectionList, label: string): HTMLButtonElement {
  const button = [...bar(list).querySelectorAll('button')].find((candidate) => candidate.textContent.trim() === label);
  if (!button) throw new Error(`no "${label}" in the selection bar`);
  return button;
}

function selectedCount(list: CongaConnectionList): string {
  return list.shadowRoot?.querySelector('.selected-count')?.textContent.trim() ?? '';
}

function bulkActions(list: CongaConnectionList): CongaBulkActions {
  const element = list.shadowRoot?.querySelector('conga-bulk-actions');
  if (!element) throw new Error('no <conga-bulk-actions>');
  return element;
}

function bulkDialog(list: CongaConnectionList): CongaConfirmDialog {
  const dialog = bulkActions(list).shadowRoot?.querySelector('conga-confirm-dialog');
  if (!dialog) throw new Error('no bulk confirmation');
  return dialog;
}

function report(list: CongaConnectionList): HTMLElement | null {
  return bulkActions(list).shadowRoot?.querySelector<HTMLElement>('[part="report"]') ?? null;
}

async function page(list: CongaConnectionList, which: 'next' | 'previous'): Promise<void> {
  $(list, `button[data-page="${which}"]`).click();
  await list.updateComplete;
}

function generated(count: number): FakeConnectionSeed[] {
  return Array.from({length: count}, (_, index) => ({
    type: 'APItoAPI',
    ExternalIdentifier: `ORG${String(index).padStart(4, '0')}`,
    ClientName: `Connection ${String(index).padStart(2, '0')}`,
    IsActive: index % 3 !== 0,
  }));
}

/** Opens the bulk confirmation from the selection bar and waits for it. */
async function openBulk(list: CongaConnectionList, action: 'Deactivate' | 'Reactivate'): Promise<CongaConfirmDialog> {
  barButton(list, action).focus();
  barButton(list, action).click();
  await waitUntil(() => list.shadowRoot?.querySelector('conga-bulk-actions')?.shadowRoot, 'bulk never loaded');
  await waitUntil(() => bulkDialog(list).open, 'the bulk confirmation never opened');
  return bulkDialog(list);
}

function confirmButton(dialog: CongaConfirmDialog): HTMLButtonElement {
  return dialog.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm-button"]')!;
}

/** The address the test page started with: every URL-state test puts it back. */
const START_URL = location.href;

describe('<conga-connection-list> selection, bulk actions and export', () => {
  afterEach(() => {
    history.replaceState(history.state, '', START_URL);
  });

  // Accessible

  describe('accessible', () => {
    it('is accessible with rows selected and the selection bar shown', async () => {
      const {list} = await mount();
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      await expect(list).to.be.accessible();
    });

    it('is accessible with the bulk confirmation open', async () => {
      const {list} = await mount();
      await toggle(list, header(list));
      const dialog = await openBulk(list, 'Deactivate');
      await expect(list).to.be.accessible();
      await expect(bulkActions(list)).to.be.accessible();
      dialog.close();
    });

    it('is accessible with a report of a failure', async () => {
      const {list, api} = await mount();
      api.failNext('apiConnections.setStatus', fakeApiError(400, ['Connection is locked.']));
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      confirmButton(await openBulk(list, 'Deactivate')).click();
      await waitUntil(() => report(list), 'no report');
      await expect(list).to.be.accessible();
      await expect(bulkActions(list)).to.be.accessible();
    });
  });

  // Selection

  describe('selection', () => {
    it('labels every row checkbox with its connection name and shows no bar actions until something is selected', async () => {
      const {list} = await mount();
      const labels = rows(list).map((row) => row.querySelector('input[type="checkbox"]')?.getAttribute('aria-label'));
      expect(labels).to.deep.equal(names(list).map((name) => messages.selectRow(`\u2068${name}\u2069`)));
      expect(rows(list).every((row) => row.querySelectorAll('input').length === 1)).to.equal(true);
      expect(selectedCount(list)).to.equal('');
      expect([...bar(list).querySelectorAll('button')].map((button) => button.textContent.trim())).to.deep.equal([
        messages.exportCsv,
        messages.exportJson,
      ]);
    });

    it('shows "N selected" with Deactivate, Reactivate, Export and Clear selection once a row is selected', async () => {
      const {list} = await mount();
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      expect(checkbox(list, 'ERP nightly sync').checked).to.equal(true);
      expect(selectedCount(list)).to.equal('1 selected');
      expect(bar(list).getAttribute('role')).to.equal('group');
      expect(bar(list).getAttribute('aria-labelledby')).to.equal('selected-count');
      expect([...bar(list).querySelectorAll('button')].map((button) => button.textContent.trim())).to.deep.equal([
        messages.selectAllMatching(5),
        messages.deactivate,
        messages.reactivate,
        messages.exportCsv,
        messages.exportJson,
        messages.clearSelection,
      ]);
    });

    it('makes the header checkbox tri-state for the page: unchecked, indeterminate, checked', async () => {
      const {list} = await mount();
      expect([header(list).checked, header(list).indeterminate]).to.deep.equal([false, false]);
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      expect([header(list).checked, header(list).indeterminate]).to.deep.equal([false, true]);
      await toggle(list, header(list));
      expect([header(list).checked, header(list).indeterminate]).to.deep.equal([true, false]);
      expect(rows(list).every((row) => row.querySelector<HTMLInputElement>('input')?.checked)).to.equal(true);
      expect(selectedCount(list)).to.equal('5 selected');
      await toggle(list, header(list));
      expect([header(list).checked, header(list).indeterminate]).to.deep.equal([false, false]);
      expect(rows(list).some((row) => row.querySelector<HTMLInputElement>('input')?.checked)).to.equal(false);
    });

    it('keeps the selection across paging, sorting and filtering', async () => {
      const {list} = await mount({seed: {connections: generated(12)}, pageSize: 5});
      await toggle(list, header(list));
      const firstPage = names(list);
      expect(selectedCount(list)).to.equal('5 selected');
      await page(list, 'next');
      expect(header(list).checked).to.equal(false);
      await toggle(list, checkbox(list, names(list)[0] ?? ''));
      expect(selectedCount(list)).to.equal('6 selected');
      await page(list, 'previous');
      expect(names(list)).to.deep.equal(firstPage);
      expect(header(list).checked).to.equal(true);
      $(list, 'button.sort[data-column="clientName"]').click();
      await list.updateComplete;
      $(list, 'button.sort[data-column="clientName"]').click();
      await list.updateComplete;
      expect(selectedCount(list)).to.equal('6 selected');
      const checked = rows(list)
        .filter((row) => row.querySelector<HTMLInputElement>('input')?.checked)
        .map((row) => row.querySelector('td.name')?.textContent.trim());
      await search(list, firstPage[0] ?? '');
      expect(names(list)).to.deep.equal([firstPage[0]]);
      expect(checkbox(list, firstPage[0] ?? '').checked).to.equal(true);
      await search(list, '');
      expect(selectedCount(list)).to.equal('6 selected');
      expect(
        rows(list)
          .filter((row) => row.querySelector<HTMLInputElement>('input')?.checked)
          .map((row) => row.querySelector('td.name')?.textContent.trim()),
      ).to.deep.equal(checked);
    });

    it('selects all N that match the filter with "Select all N matching", then offers it no more', async () => {
      const {list} = await mount({seed: {connections: generated(12)}, pageSize: 5});
      const said = announcements(list);
      await choose(list, 'status-filter', 'active');
      await toggle(list, header(list));
      expect(selectedCount(list)).to.equal('5 selected');
      const link = barButton(list, messages.selectAllMatching(8));
      expect(link.classList.contains('link')).to.equal(true);
      link.click();
      await waitUntil(() => selectedCount(list) === '8 selected', 'not every match was selected');
      expect(said.map((event) => event.message)).to.deep.equal(['8 selected']);
      expect([...bar(list).querySelectorAll('button')].map((button) => button.textContent.trim())).not.to.include(
        messages.selectAllMatching(8),
      );
      await waitUntil(() => bar(list).contains(list.shadowRoot?.activeElement ?? null), 'focus left the bar');
      // The inactive ones were not selected.
      await choose(list, 'status-filter', 'inactive');
      expect(rows(list).some((row) => row.querySelector<HTMLInputElement>('input')?.checked)).to.equal(false);
    });

    it('is cleared only by Clear selection, which moves focus to the page checkbox', async () => {
      const {list, api} = await mount();
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      $(list, 'button.refresh').click();
      await waitUntil(() => api.calls.filter((call) => call.operation === 'apiConnections.list').length === 2);
      await list.updateComplete;
      expect(selectedCount(list)).to.equal('1 selected');
      barButton(list, messages.clearSelection).click();
      await waitUntil(() => list.shadowRoot?.activeElement === header(list), 'focus did not move to the checkbox');
      expect(selectedCount(list)).to.equal('');
      expect(checkbox(list, 'ERP nightly sync').checked).to.equal(false);
    });

    it('selects (and deselects) a range with Shift+click, in the view’s order and across pages', async () => {
      const {list} = await mount({seed: {connections: generated(12)}, pageSize: 5});
      const firstPage = names(list);
      await toggle(list, checkbox(list, firstPage[3] ?? ''));
      await page(list, 'next');
      const secondPage = names(list);
      const shiftClick = async (name: string) => {
        checkbox(list, name).dispatchEvent(new MouseEvent('click', {shiftKey: true, bubbles: true, composed: true}));
        await list.updateComplete;
      };
      await shiftClick(secondPage[1] ?? '');
      // Rows 4 and 5 of page 1, rows 1 and 2 of page 2.
      expect(selectedCount(list)).to.equal('4 selected');
      expect(checkbox(list, secondPage[0] ?? '').checked).to.equal(true);
      expect(checkbox(list, secondPage[2] ?? '').checked).to.equal(false);
      await page(list, 'previous');
      expect(firstPage.map((name) => checkbox(list, name).checked)).to.deep.equal([false, false, false, true, true]);
      // Shift+click on a selected row clears the range from the last clicked one (page 1's 5th, page 2's 1st and 2nd).
      await shiftClick(firstPage[4] ?? '');
      expect(selectedCount(list)).to.equal('1 selected');
      expect(firstPage.map((name) => checkbox(list, name).checked)).to.deep.equal([false, false, false, true, false]);
    });

    it('is keyboard usable: Space toggles a focused checkbox', async () => {
      const {list} = await mount();
      checkbox(list, 'Contract portal').focus();
      await sendKeys({press: 'Space'});
      await list.updateComplete;
      expect(checkbox(list, 'Contract portal').checked).to.equal(true);
      expect(selectedCount(list)).to.equal('1 selected');
      header(list).focus();
      await sendKeys({press: 'Space'});
      await list.updateComplete;
      expect(selectedCount(list)).to.equal('5 selected');
    });
  });

  // Bulk deactivate and reactivate

  describe('bulk deactivate and reactivate', () => {
    it('asks once, naming the connections and those skipped because they are already inactive', async () => {
      const {list, api} = await mount();
      await toggle(list, header(list));
      const dialog = await openBulk(list, 'Deactivate');
      expect(dialog.querySelector('[slot="heading"]')?.textContent).to.equal('Deactivate 4 connections?');
      expect(confirmButton(dialog).textContent.trim()).to.equal('Deactivate 4');
      expect(dialog.danger).to.equal(true);
      const text = dialog.textContent.replace(/\s+/g, ' ');
      expect(text).to.contain('These 4 connections will be deactivated:');
      expect(text).to.contain('Skipped, because it is already inactive (1):');
      const listed = [...dialog.querySelectorAll('ul')].map((ul) =>
        [...ul.querySelectorAll('li bdi')].map((bdi) => bdi.textContent),
      );
      expect(listed).to.deep.equal([
        ['Génération de documents', 'Copilot (UAT)', 'Contract portal', 'ERP nightly sync'],
        ['Reporting export (sandbox)'],
      ]);
      dialog.close();
      await waitUntil(() => !dialog.open);
      expect(statusCalls(api)).to.have.length(0);
    });

    it('lists the first five names and "and N more"', async () => {
      const {list} = await mount({seed: {connections: generated(12)}});
      await toggle(list, header(list));
      const dialog = await openBulk(list, 'Deactivate');
      const items = [...(dialog.querySelector('ul')?.querySelectorAll('li') ?? [])].map((li) => li.textContent.trim());
      expect(items).to.have.length(6);
      expect(items[5]).to.equal('and 3 more');
      dialog.close();
    });

    it('changes each connection, reports the one that failed with its message, keeps it selected and updates the rest in place', async () => {
      const {root, list, api} = await mount({seed: {connections: generated(9)}});
      const said = announcements(list);
      const changed: ConnectionStatusChangedEvent[] = [];
      root.addEventListener(ConnectionStatusChangedEvent.eventName, (event) => changed.push(event));
      const setStatus = api.apiConnections.setStatus.bind(api.apiConnections);
      const asked: string[] = [];
      api.apiConnections.setStatus = (externalIdentifier, ...rest) => {
        asked.push(externalIdentifier);
        return externalIdentifier === 'ORG0004'
          ? Promise.reject(fakeApiError(400, ['Connection ORG0004 is locked by a migration.']))
          : setStatus(externalIdentifier, ...rest);
      };
      await toggle(list, header(list));
      const dialog = await openBulk(list, 'Deactivate');
      confirmButton(dialog).click();
      await waitUntil(() => report(list), 'no report');
      // 9 selected: 3 already inactive (0, 3, 6) are skipped; 6 are changed and one of them fails.
      expect(asked.sort()).to.deep.equal(['ORG0001', 'ORG0002', 'ORG0004', 'ORG0005', 'ORG0007', 'ORG0008']);
      const shown = report(list)!;
      expect(shown.querySelector('p')?.textContent).to.equal(
        'Deactivated 5 of 6 connections; 1 failed and stays selected:',
      );
      expect([...shown.querySelectorAll('li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim())).to.deep.equal([
        'Connection 04: The server rejected the request (400). Connection ORG0004 is locked by a migration.',
      ]);
      expect(statusOf(list, 'Connection 04')).to.equal(messages.active);
      for (const name of ['Connection 01', 'Connection 02', 'Connection 05', 'Connection 07', 'Connection 08']) {
        expect(statusOf(list, name), name).to.equal(messages.inactive);
      }
      expect(changed.map((event) => [event.externalIdentifier, event.isActive]).sort()).to.deep.equal([
        ['ORG0001', false],
        ['ORG0002', false],
        ['ORG0005', false],
        ['ORG0007', false],
        ['ORG0008', false],
      ]);
      expect(changed.every((event) => event.connectionType === 'APItoAPI' && event.composed)).to.equal(true);
      expect(selectedCount(list)).to.equal('1 selected');
      expect(checkbox(list, 'Connection 04').checked).to.equal(true);
      const last = said.at(-1);
      expect(last?.politeness).to.equal('alert');
      expect(last?.message).to.equal(
        'Deactivated 5 of 6 connections; 1 failed and stays selected: \u2068Connection 04\u2069: The server rejected the request (400). Connection ORG0004 is locked by a migration.',
      );
      await waitUntil(() => bulkActions(list).shadowRoot?.activeElement === shown, 'focus did not move to the report');

      // Retry failed: one click, no second confirmation.
      api.apiConnections.setStatus = (externalIdentifier, ...rest) => {
        asked.push(externalIdentifier);
        return setStatus(externalIdentifier, ...rest);
      };
      const retry = [...shown.querySelectorAll('button')].find(
        (button) => button.textContent.trim() === 'Retry failed (1)',
      );
      retry!.click();
      await waitUntil(() => statusOf(list, 'Connection 04') === messages.inactive, 'the retry never applied');
      await waitUntil(() => report(list)?.querySelector('p')?.textContent === 'Deactivated 1 connection.');
      expect(asked.filter((identifier) => identifier === 'ORG0004')).to.have.length(2);
      expect(selectedCount(list)).to.equal('');
      expect(said.at(-1)?.message).to.equal('Deactivated 1 connection.');
      expect(said.at(-1)?.politeness).to.equal('status');
    });

    it('shows progress while the calls run, four at a time at most', async () => {
      const {list, api} = await mount({seed: {connections: generated(12)}});
      const setStatus = api.apiConnections.setStatus.bind(api.apiConnections);
      const gates: (() => void)[] = [];
      let running = 0;
      let most = 0;
      let open = false;
      api.apiConnections.setStatus = async (...args) => {
        running += 1;
        most = Math.max(most, running);
        if (!open) await new Promise<void>((resolve) => gates.push(resolve));
        running -= 1;
        return setStatus(...args);
      };
      await toggle(list, header(list));
      confirmButton(await openBulk(list, 'Deactivate')).click();
      const progress = () => bulkActions(list).shadowRoot?.querySelector('.progress')?.textContent ?? '';
      await waitUntil(() => gates.length === 4, 'four calls never started');
      expect(progress()).to.equal('Deactivating 0 of 8…');
      gates.shift()?.();
      await waitUntil(() => progress() === 'Deactivating 1 of 8…', 'progress never moved');
      expect(gates).to.have.length(4);
      // The rest without holding them: the pool alone keeps them four at a time.
      open = true;
      for (const release of gates.splice(0)) release();
      await waitUntil(() => report(list), 'no report');
      expect(most).to.equal(4);
      expect(report(list)?.querySelector('p')?.textContent).to.equal('Deactivated 8 connections.');
    });

    it('says there is nothing to do when every selected connection is already in that state, and calls nothing', async () => {
      const {list, api} = await mount();
      const said = announcements(list);
      await toggle(list, checkbox(list, 'ERP nightly sync'));
      const reactivate = barButton(list, messages.reactivate);
      reactivate.focus();
      reactivate.click();
      await waitUntil(() => list.shadowRoot?.querySelector('conga-bulk-actions')?.shadowRoot && report(list));
      expect(report(list)?.textContent).to.contain('The selected connection is already active.');
      expect(said.map((event) => event.message)).to.deep.equal(['The selected connection is already active.']);
      expect(statusCalls(api)).to.have.length(0);
      // Dismiss gives focus back to the button that asked.
      const dismiss = [...report(list)!.querySelectorAll('button')].find(
        (button) => button.textContent.trim() === 'Dismiss',
      );
      dismiss!.click();
      await waitUntil(() => !report(list), 'the report stayed');
      await waitUntil(() => list.shadowRoot?.activeElement === reactivate, 'focus did not return to Reactivate');
    });

    it('reactivates with the reactivation text and a non-destructive button', async () => {
      const {list, api} = await mount();
      await toggle(list, checkbox(list, 'Reporting export (sandbox)'));
      const dialog = await openBulk(list, 'Reactivate');
      expect(dialog.danger).to.equal(false);
      expect(dialog.textContent).to.contain('work again at once');
      confirmButton(dialog).click();
      await waitUntil(() => statusOf(list, 'Reporting export (sandbox)') === messages.active);
      expect(statusCalls(api).map((call) => call.args)).to.deep.equal([['00D8d000001AbCdEAK', 'APItoAPI', true]]);
    });
  });

  // Export

  describe('export', () => {
    const hostile: FakeApiClientSeed = {
      connections: [
        {
          type: 'APItoAPI',
          ExternalIdentifier: 'ORG-A',
          ClientId: 'id-a',
          ClientName: '=HYPERLINK("https://evil.example","click")',
          Description: 'Line one, "quoted"\nline two',
          IsActive: true,
        },
        {type: 'APItoAPI', ExternalIdentifier: 'ORG-B', ClientId: 'id-b', ClientName: '@SUM(1+1)', IsActive: false},
        {type: 'APItoAPI', ExternalIdentifier: 'ORG-C', ClientId: 'id-c', ClientName: 'Plain', IsActive: true},
      ],
    };

    async function exportVia(list: CongaConnectionList, label: string): Promise<ExportFile> {
      const files: ExportFile[] = [];
      list.download = (file) => files.push(file);
      await list.updateComplete;
      barButton(list, label).click();
      await waitUntil(() => files.length === 1, 'nothing was exported');
      return files[0]!;
    }

    it('exports every connection matching the filter as CSV when nothing is selected, escaped and formula-neutralised', async () => {
      const {list} = await mount({seed: hostile});
      const said = announcements(list);
      await choose(list, 'status-filter', 'active');
      const file = await exportVia(list, messages.exportCsv);
      expect(file.name).to.match(/^api-connections-\d{4}-\d{2}-\d{2}\.csv$/);
      expect(file.type).to.equal('text/csv;charset=utf-8');
      const lines = file.text.replace(/^\ufeff/, '').split('\r\n');
      expect(lines[0]).to.equal(
        // Issue 12: no Created/Modified columns, which the list endpoint never fills.
        'ExternalIdentifier,ClientName,APIType,ClientId,IsActive,Description,RedirectURI,CorsOrigins,BackChannelLogoutURI,FrontChannelLogoutURI,AllowedScopes',
      );
      expect(file.text).to.contain(
        `ORG-A,"'=HYPERLINK(""https://evil.example"",""click"")",API to API,id-a,true,"Line one, ""quoted""\nline two",`,
      );
      expect(file.text).to.contain('ORG-C,Plain,API to API,id-c,true,');
      expect(file.text).not.to.contain('ORG-B');
      expect(said.at(-1)?.message).to.equal('Exported 2 connections as CSV.');
    });

    it('exports only the selection, across pages and filters, as JSON with the list fields and no secret', async () => {
      const {list} = await mount({seed: hostile, pageSize: 2});
      await search(list, 'ORG-C');
      await toggle(list, checkbox(list, 'Plain'));
      await search(list, 'ORG-B');
      await toggle(list, checkbox(list, '@SUM(1+1)'));
      await search(list, '');
      const file = await exportVia(list, messages.exportJson);
      expect(file.name).to.match(/^api-connections-\d{4}-\d{2}-\d{2}\.json$/);
      const records = JSON.parse(file.text) as Record<string, unknown>[];
      expect(records.map((record) => record.ExternalIdentifier)).to.have.members(['ORG-B', 'ORG-C']);
      expect(Object.keys(records[0] ?? {})).not.to.include('ClientSecret');
      expect(records.find((record) => record.ExternalIdentifier === 'ORG-B')).to.include({
        ClientName: '@SUM(1+1)',
        IsActive: false,
        ClientId: 'id-b',
      });
    });

    it('downloads through a Blob URL and an <a download> that is gone afterwards', async () => {
      const {list} = await mount();
      const clicked: {name: string; href: string; text: Promise<string>}[] = [];
      // Capture the link's click (its default action, the download, is the browser's).
      list.shadowRoot!.addEventListener(
        'click',
        (event) => {
          const link = event.composedPath()[0];
          if (link instanceof HTMLAnchorElement) {
            event.preventDefault();
            clicked.push({name: link.download, href: link.href, text: fetch(link.href).then((r) => r.text())});
          }
        },
        true,
      );
      barButton(list, messages.exportJson).click();
      await waitUntil(() => clicked.length === 1, 'no download link was clicked');
      expect(clicked[0]?.href.startsWith('blob:')).to.equal(true);
      expect(clicked[0]?.name).to.match(/^api-connections-\d{4}-\d{2}-\d{2}\.json$/);
      expect((JSON.parse(await clicked[0]!.text) as unknown[]).length).to.equal(5);
      expect(list.shadowRoot!.querySelector('a[download]')).to.equal(null);
      expect(bulkActions(list).shadowRoot!.querySelector('a[download]')).to.equal(null);
    });
  });
});
