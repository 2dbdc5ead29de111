/**
 * <conga-connection-list>: accessible, Copy, events and error states (defaults, attributes, properties and keyboard are
 * in connection-list.browser.test.ts).
 */
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {createFakeApiClient, fakeApiError, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient} from '@conga-connections/api-client/testing';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import {RequestFormEvent} from '../../events/request-form-event.js';
import {messages} from '../../messages.js';
import {statusMessages} from './status-messages.js';
import {statusDialogMessages} from './status-dialog-messages.js';
import '../api-connections/api-connections.js';
import './connection-list.js';
import type {CongaConnectionList} from './connection-list.js';
import {
  $,
  announcements,
  choose,
  mountList as mount,
  rows,
  search,
  statusCalls,
  confirmDialog,
  openStatusDialog as openRowStatusDialog,
} from '../../testing.js';

// Helpers

function rowByName(list: CongaConnectionList, name: string): HTMLTableRowElement {
  const row = rows(list).find((candidate) => candidate.querySelector('td.name')?.textContent.trim() === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
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

describe('<conga-connection-list>', () => {
  describe('accessible', () => {
    it('is accessible when loaded', async () => {
      const {list} = await mount();
      await expect(list).to.be.accessible();
    });

    it('is accessible when empty', async () => {
      const {list} = await mount({seed: {connections: []}});
      await expect(list).to.be.accessible();
    });

    it('is accessible when loading failed', async () => {
      const api = createFakeApiClient(fakeSeed);
      api.failNext('apiConnections.list', fakeApiError(500));
      const {list} = await mount({api});
      await expect(list).to.be.accessible();
    });

    it('is accessible with the Deactivate confirmation open', async () => {
      const {list} = await mount();
      await openStatusDialog(list, 'ERP nightly sync');
      await expect(list).to.be.accessible();
      confirmDialog(list).close();
    });

    it('is accessible with no matches and with a refresh that failed (stale list)', async () => {
      const {list, api} = await mount();
      await search(list, 'nothing matches this');
      await expect(list).to.be.accessible();
      await search(list, '');
      api.failNext('apiConnections.list', fakeApiError(503));
      $(list, 'button.refresh').click();
      await waitUntil(() => list.shadowRoot?.querySelector('conga-error-state'));
      await expect(list).to.be.accessible();
    });
  });

  describe('copy', () => {
    it('copies the Client ID with the injected clipboard and announces it', async () => {
      const {list} = await mount();
      const written: string[] = [];
      list.clipboard = {
        writeText: (value: string) => {
          written.push(value);
          return Promise.resolve();
        },
      };
      const said = announcements(list);
      const copy = rowByName(list, 'ERP nightly sync').querySelector<HTMLButtonElement>('button.copy')!;
      expect(copy.textContent).to.contain(messages.copy);
      copy.click();
      await waitUntil(() => said.length === 1);
      expect(written).to.deep.equal(['7c9e6679-7425-40de-944b-e07fc1f90ae7']);
      expect(said[0]?.message).to.equal(messages.copied);
    });

    it('announces through the root live region', async () => {
      const {root, list} = await mount();
      list.clipboard = {writeText: () => Promise.resolve()};
      rowByName(list, 'ERP nightly sync').querySelector<HTMLButtonElement>('button.copy')!.click();
      const region = root.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
      await waitUntil(() => region.textContent === messages.copied, 'the root never announced it');
    });

    it('asks for a manual copy, and selects the text, when the clipboard refuses (C4-05)', async () => {
      const {list} = await mount();
      list.clipboard = {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))};
      const said = announcements(list);
      rowByName(list, 'ERP nightly sync').querySelector<HTMLButtonElement>('button.copy')!.click();
      await waitUntil(() => said.length === 1);
      expect(said[0]?.message).to.equal('Copy failed — select the text and copy it manually.');
      expect(said[0]?.politeness).to.equal('alert');
      await list.updateComplete;
      expect($(list, '.notice').textContent).to.contain(messages.copyFailed);
      expect((list.shadowRoot as ShadowRoot & {getSelection(): Selection | null}).getSelection()?.toString()).to.equal(
        '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      );
    });
  });

  describe('events', () => {
    it('asks with a cancelable conga-request-form before opening a form, and opens none when the host cancels', async () => {
      const {root, list} = await mount();
      const requests: RequestFormEvent[] = [];
      root.addEventListener(RequestFormEvent.eventName, (event) => {
        requests.push(event);
        event.preventDefault();
      });
      $(list, '[part~="create-button"][data-type="UItoAPI"]').click();
      await list.updateComplete;
      expect(requests.map((r) => [r.mode, r.connectionType, r.externalIdentifier])).to.deep.equal([
        ['create', 'UItoAPI', undefined],
      ]);
      expect(requests[0]!.composed && requests[0]!.cancelable).to.equal(true);
      const form = list.shadowRoot?.querySelector('conga-connection-form');
      const opened = form?.shadowRoot?.querySelector('dialog[open]');
      expect(opened ?? null).to.equal(null);
    });

    it('deactivates after confirmation, updates the row, announces, dispatches the event and refocuses the button', async () => {
      const {root, list, api} = await mount();
      const said = announcements(list);
      const button = await openStatusDialog(list, 'ERP nightly sync');
      const dialog = confirmDialog(list);
      expect(dialog.querySelector('[slot="heading"]')?.textContent).to.equal('Deactivate ERP nightly sync?');
      expect(dialog.querySelector('[slot="heading"] bdi')?.textContent).to.equal('ERP nightly sync');
      expect(dialog.textContent).to.contain(statusDialogMessages.confirmDeactivateBody);
      expect(dialog.textContent).to.contain('API to API connection for External Identifier 00D5g000004CmQwEAK.');
      expect(dialogPart(list, 'confirm-button').textContent.trim()).to.equal(messages.deactivate);
      const changed = oneEvent(
        root,
        ConnectionStatusChangedEvent.eventName,
      ) as unknown as Promise<ConnectionStatusChangedEvent>;
      dialogPart(list, 'confirm-button').click();
      const event = await changed;
      expect([event.externalIdentifier, event.connectionType, event.isActive]).to.deep.equal([
        '00D5g000004CmQwEAK',
        'APItoAPI',
        false,
      ]);
      expect(event.bubbles && event.composed).to.equal(true);
      await waitUntil(() => list.shadowRoot?.activeElement === button, 'focus did not return to the row');
      expect(statusCalls(api).map((call) => call.args)).to.deep.equal([['00D5g000004CmQwEAK', 'APItoAPI', false]]);
      const row = rowByName(list, 'ERP nightly sync');
      expect(row.querySelector('td.status')?.textContent.trim()).to.equal(messages.inactive);
      expect(button.textContent).to.contain(messages.reactivate);
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(said.map((announcement) => announcement.message)).to.deep.equal([
        statusMessages.deactivated('\u2068ERP nightly sync\u2069'),
      ]);
    });

    it('reactivates an inactive connection with the reactivation text', async () => {
      const {list, api} = await mount();
      await openStatusDialog(list, 'Reporting export (sandbox)');
      expect(confirmDialog(list).textContent).to.contain(statusDialogMessages.confirmReactivateBody);
      expect(confirmDialog(list).danger).to.equal(false);
      dialogPart(list, 'confirm-button').click();
      await waitUntil(() => statusCalls(api).length === 1);
      await waitUntil(
        () =>
          rowByName(list, 'Reporting export (sandbox)').querySelector('td.status')?.textContent.trim() ===
          messages.active,
      );
      expect(statusCalls(api)[0]?.args).to.deep.equal(['00D8d000001AbCdEAK', 'APItoAPI', true]);
    });

    it('sends nothing when the confirmation is cancelled', async () => {
      const {list, api} = await mount();
      const button = await openStatusDialog(list, 'ERP nightly sync');
      dialogPart(list, 'cancel-button').click();
      await waitUntil(() => list.shadowRoot?.activeElement === button);
      expect(statusCalls(api)).to.have.length(0);
    });

    it('C4-01 sends exactly one request on a double click, with the button aria-disabled meanwhile', async () => {
      const {list, api} = await mount();
      const gate = deferred();
      const setStatus = api.apiConnections.setStatus.bind(api.apiConnections);
      let requests = 0;
      api.apiConnections.setStatus = async (...args) => {
        requests += 1;
        await gate.promise;
        return setStatus(...args);
      };
      const button = await openStatusDialog(list, 'ERP nightly sync');
      dialogPart(list, 'confirm-button').click();
      dialogPart(list, 'confirm-button').click();
      await waitUntil(() => button.getAttribute('aria-disabled') === 'true');
      expect(rowByName(list, 'ERP nightly sync').querySelector('td.status')?.textContent.trim()).to.equal(
        messages.deactivating,
      );
      button.click();
      button.click();
      await list.updateComplete;
      expect(confirmDialog(list).open).to.equal(false);
      gate.resolve();
      await waitUntil(() => button.getAttribute('aria-disabled') === 'false');
      expect(requests).to.equal(1);
      expect(statusCalls(api)).to.have.length(1);
    });

    it('refreshes, announces and focuses the saved row when the form reports a create and closes', async () => {
      const {list, api} = await mount({pageSize: 2});
      await choose(list, 'status-filter', 'inactive');
      const said = announcements(list);
      const created = await api.apiConnections.create('00D000000NEWORGAAA', 'UItoAPI', {ClientName: 'New portal'});
      const form = $(list, 'conga-connection-form');
      form.dispatchEvent(new ConnectionCreatedEvent(created));
      form.dispatchEvent(new FormClosedEvent());
      const key = `UItoAPI\u001f${created.ExternalIdentifier}`;
      await waitUntil(
        () => (list.shadowRoot?.activeElement as HTMLElement | null)?.dataset.key === key,
        'the new row never got focus',
      );
      expect(list.shadowRoot?.activeElement?.getAttribute('data-control')).to.equal('edit');
      expect(said.map((announcement) => announcement.message)).to.deep.equal([
        messages.connectionCreated('\u2068New portal\u2069'),
      ]);
      expect($(list, '.total').textContent.trim()).to.equal('6 connections');
      // The filter hid it, so the filters were cleared to show it.
      expect(($(list, '#status-filter') as HTMLSelectElement).value).to.equal('');
    });

    it('opens the add form with its type, the integrations and the existing connections', async () => {
      const {list} = await mount();
      const form = list.shadowRoot!.querySelector('conga-connection-form')!;
      $(list, '[part="create-button"][data-type="UItoAPI"]').click();
      await waitUntil(() => form.shadowRoot?.querySelector('dialog')?.open, 'the form never opened');
      expect([form.mode, form.connectionType, form.externalIdentifier]).to.deep.equal(['create', 'UItoAPI', undefined]);
      expect(form.integrations).to.have.length(3);
      expect(form.existing).to.have.length(5);
    });

    it('opens the edit form for the External Identifier that was clicked', async () => {
      const {list} = await mount();
      const form = list.shadowRoot!.querySelector('conga-connection-form')!;
      rowByName(list, 'Contract portal').querySelector<HTMLButtonElement>('[data-control="edit"]')!.click();
      await waitUntil(() => form.shadowRoot?.querySelector('dialog')?.open, 'the form never opened');
      expect([form.mode, form.connectionType, form.externalIdentifier]).to.deep.equal([
        'edit',
        'UItoAPI',
        '00D5g000004CmQwEAK',
      ]);
    });
  });

  describe('error states', () => {
    it('shows the administrator-role message on a 403, without a retry', async () => {
      const api = createFakeApiClient(fakeSeed);
      api.failNext('apiConnections.list', fakeApiError(403));
      const {list} = await mount({api});
      const errorState = $(list, 'conga-error-state');
      expect(errorState.shadowRoot?.textContent).to.contain(messages.needAdmin);
      expect(errorState.shadowRoot?.querySelector('[part="retry-button"]')).to.equal(null);
      expect(list.shadowRoot!.querySelector('table')).to.equal(null);
    });

    it('shows a server error and loads again on Try again', async () => {
      const api = createFakeApiClient(fakeSeed);
      api.failNext('apiConnections.list', fakeApiError(500));
      const {list} = await mount({api});
      const errorState = $(list, 'conga-error-state');
      expect(errorState.shadowRoot?.textContent).to.contain(messages.errorServer);
      errorState.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => list.shadowRoot?.querySelector('table'), 'no table after retry');
      expect(rows(list)).to.have.length(5);
      expect(list.shadowRoot!.querySelector('conga-error-state')).to.equal(null);
    });

    it('C2-07 keeps the last good list visible, marked stale, when a refresh fails, and recovers on retry', async () => {
      const {list, api} = await mount();
      api.failNext('apiConnections.list', fakeApiError(503));
      $(list, 'button.refresh').click();
      await waitUntil(() => list.shadowRoot?.querySelector('conga-error-state'), 'no error shown');
      expect(rows(list)).to.have.length(5);
      expect($(list, '.table-scroll').classList.contains('stale')).to.equal(true);
      expect($(list, '.stale-text').textContent).to.contain('This list may be out of date');
      $(list, 'conga-error-state').shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await waitUntil(() => !list.shadowRoot?.querySelector('conga-error-state'), 'the error stayed');
      expect($(list, '.table-scroll').classList.contains('stale')).to.equal(false);
      expect(listCalls(api)).to.have.length(3);
    });

    it('C2-02 says the connection no longer exists and refreshes the list when the status change answers 404', async () => {
      const {list, api} = await mount();
      api.failNext('apiConnections.setStatus', fakeApiError(404, ['API connection not found.']));
      const said = announcements(list);
      await openStatusDialog(list, 'ERP nightly sync');
      dialogPart(list, 'confirm-button').click();
      await waitUntil(() => listCalls(api).length === 2, 'the list was not refreshed');
      await waitUntil(() => list.shadowRoot?.querySelector('.notice'));
      expect($(list, '.notice').textContent).to.contain(messages.errorNotFound);
      expect(said.map((announcement) => [announcement.message, announcement.politeness])).to.deep.equal([
        [messages.errorNotFound, 'alert'],
      ]);
    });

    it('C4-06 reverts and says so when the status change fails', async () => {
      const {list, api} = await mount();
      api.failNext('apiConnections.setStatus', fakeApiError(500));
      const said = announcements(list);
      const button = await openStatusDialog(list, 'ERP nightly sync');
      dialogPart(list, 'confirm-button').click();
      await waitUntil(() => list.shadowRoot?.querySelector('.notice'), 'no failure shown');
      await waitUntil(() => list.shadowRoot?.activeElement === button, 'focus did not return to the row');
      const notice = $(list, '.notice').textContent;
      expect(notice).to.contain(statusMessages.deactivateFailed('\u2068ERP nightly sync\u2069'));
      expect(notice).to.contain(messages.errorServer);
      const row = rowByName(list, 'ERP nightly sync');
      expect(row.querySelector('td.status')?.textContent.trim()).to.equal(messages.active);
      expect(button.textContent).to.contain(messages.deactivate);
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      expect(said[0]?.politeness).to.equal('alert');
      expect(statusCalls(api)).to.have.length(1);
    });
  });
});
