import {html} from 'lit';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {
  createHistoryWriter,
  historyKey,
  MAX_RECORDS,
  memoryStore,
  readHistory,
  recordFor,
  sessionStorageStore,
  toRecord,
} from '../../history/change-history.js';
import type {ChangeRecord, HistoryStore} from '../../history/change-history.js';
import {messages} from '../../messages.js';
import '../api-connections/api-connections.js';
import type {CongaApiConnections} from '../api-connections/api-connections.js';
import './change-history.js';
import type {CongaChangeHistory} from './change-history.js';
import {historyMessages} from './change-history.messages.js';

const SECRET = 'sEcReT-value-that-must-never-be-kept-0123456789';

function connection(overrides: Partial<ApiConnectionResponse> = {}): ApiConnectionResponse {
  return {
    ExternalIdentifier: '00D5g000008XyZaEAK',
    APIType: 'API to API',
    ClientName: 'Nightly sync',
    ClientId: '11111111-2222-4333-8444-555555555555',
    ClientSecret: SECRET,
    IsActive: true,
    Description: 'Syncs at night',
    ...overrides,
  } as ApiConnectionResponse;
}

const KEY = historyKey({issuer: 'https://issuer.test', apiBaseUrl: 'https://api.test', user: 'ada'});

describe('session history (widget/src/history/change-history.ts)', () => {
  it('records a create from the allow-listed fields only: never the secret (B4-02)', () => {
    const record = recordFor(new ConnectionCreatedEvent(connection()), new Date('2026-11-28T10:00:00Z'));
    expect(record).to.deep.equal({
      at: '2026-11-28T10:00:00.000Z',
      action: 'created',
      externalIdentifier: '00D5g000008XyZaEAK',
      connectionType: 'APItoAPI',
      clientName: 'Nightly sync',
      clientId: '11111111-2222-4333-8444-555555555555',
    });
    // Even an object that carries a secret where an event would carry the connection keeps it out.
    const smuggled = recordFor(
      {type: 'conga-connection-created', connection: {...connection(), ClientSecret: SECRET} as never},
      new Date(),
    );
    expect(JSON.stringify(smuggled)).to.not.contain(SECRET);
  });

  it('tells a save from a save that regenerated the secret, and a deactivation from a reactivation', () => {
    const at = new Date();
    expect(recordFor(new ConnectionUpdatedEvent(connection(), false), at)?.action).to.equal('saved');
    expect(recordFor(new ConnectionUpdatedEvent(connection(), true), at)?.action).to.equal('secret-regenerated');
    const off = recordFor(new ConnectionStatusChangedEvent('00D5g000008XyZaEAK', 'UItoAPI', false), at);
    expect(off).to.include({action: 'deactivated', connectionType: 'UItoAPI'});
    expect(recordFor(new ConnectionStatusChangedEvent('x', 'APItoAPI', true), at)?.action).to.equal('reactivated');
    expect(recordFor(new Event('click'), at)).to.equal(undefined);
    // A status change names the connection when the list knew its Client Name, not when that was the identifier.
    const named = recordFor(new ConnectionStatusChangedEvent('X-9', 'APItoAPI', false, 'Nightly sync'), at);
    expect(named).to.include({clientName: 'Nightly sync', externalIdentifier: 'X-9'});
    const unnamed = recordFor(new ConnectionStatusChangedEvent('X-9', 'APItoAPI', false, 'X-9'), at);
    expect(unnamed).to.not.have.property('clientName');
  });

  it('reads back what it wrote, newest last, and keeps at most the newest MAX_RECORDS', async () => {
    const store = memoryStore();
    const writer = createHistoryWriter(store);
    const appends: Promise<void>[] = [];
    for (let index = 0; index < MAX_RECORDS + 5; index += 1) {
      const record = recordFor(
        new ConnectionStatusChangedEvent(`ID-${String(index)}`, 'APItoAPI', index % 2 === 0),
        new Date(Date.UTC(2026, 10, 28, 0, 0, index)),
      );
      if (record) appends.push(writer.append(KEY, record));
    }
    // Appended without awaiting each other: the writer chains them, so none is lost to a read-modify-write race.
    await Promise.all(appends);
    const records = await readHistory(store, KEY);
    expect(records).to.have.length(MAX_RECORDS);
    expect(records[0]?.externalIdentifier).to.equal('ID-5');
    expect(records.at(-1)?.externalIdentifier).to.equal(`ID-${String(MAX_RECORDS + 4)}`);
    await writer.clear(KEY);
    expect(await readHistory(store, KEY)).to.deep.equal([]);
  });

  it('skips what storage holds that is not a record (corrupt JSON, wrong shapes, unknown actions, extra fields)', async () => {
    const store = memoryStore();
    await store.write(KEY, '{not json');
    expect(await readHistory(store, KEY)).to.deep.equal([]);
    await store.write(
      KEY,
      JSON.stringify([
        {at: '2026-11-28T10:00:00Z', action: 'deleted', externalIdentifier: 'a', connectionType: 'APItoAPI'},
        {at: 'yesterday', action: 'created', externalIdentifier: 'b', connectionType: 'APItoAPI'},
        {at: '2026-11-28T10:00:00Z', action: 'created', externalIdentifier: 'c', connectionType: 'Other'},
        {
          at: '2026-11-28T10:00:00Z',
          action: 'created',
          externalIdentifier: 'd',
          connectionType: 'UItoAPI',
          ClientSecret: SECRET,
        },
        'text',
        null,
      ]),
    );
    const records = await readHistory(store, KEY);
    expect(records.map((record) => record.externalIdentifier)).to.deep.equal(['d']);
    expect(JSON.stringify(records)).to.not.contain(SECRET);
    expect(toRecord({...records[0], clientName: 'x'.repeat(5000)})).to.not.have.property('clientName');
  });

  it('keeps tenants and admins apart', () => {
    const other = historyKey({issuer: 'https://issuer.test', apiBaseUrl: 'https://api.test', user: 'grace'});
    const elsewhere = historyKey({issuer: 'https://other.test', apiBaseUrl: 'https://api.test', user: 'ada'});
    expect(new Set([KEY, other, elsewhere]).size).to.equal(3);
  });

  it('keeps nothing, and throws nothing, when sessionStorage refuses', async () => {
    const refusing = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(
      await readHistory(
        sessionStorageStore(() => refusing),
        KEY,
      ),
    ).to.deep.equal([]);
  });
});

describe('<conga-change-history>', () => {
  const records: ChangeRecord[] = [
    {at: '2026-11-28T09:00:00.000Z', action: 'created', externalIdentifier: 'A-1', connectionType: 'APItoAPI'},
    {
      at: '2026-11-28T09:05:00.000Z',
      action: 'secret-regenerated',
      externalIdentifier: 'A-1',
      connectionType: 'APItoAPI',
      clientName: 'Nightly sync',
    },
    {at: '2026-11-28T09:10:00.000Z', action: 'deactivated', externalIdentifier: 'B-2', connectionType: 'UItoAPI'},
  ];

  it('lists the changes newest first, in words, and is accessible', async () => {
    const panel = await fixture<CongaChangeHistory>(
      html`<conga-change-history .records=${records}></conga-change-history>`,
    );
    const rows = [...panel.shadowRoot!.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()),
    );
    expect(rows).to.deep.equal([
      ['Deactivated', 'B-2 (UI to API)'],
      ['Saved, with a new client secret', 'Nightly sync · A-1 (API to API)'],
      ['Created', 'A-1 (API to API)'],
    ]);
    expect(panel.shadowRoot!.querySelector('time')?.getAttribute('datetime')).to.equal('2026-11-28T09:10:00.000Z');
    expect(panel.shadowRoot!.textContent).to.contain('3 changes');
    await expect(panel).to.be.accessible();
  });

  it('says so while loading and when there is nothing yet, and is accessible then', async () => {
    const panel = await fixture<CongaChangeHistory>(html`<conga-change-history></conga-change-history>`);
    expect(panel.shadowRoot!.textContent).to.contain(historyMessages.loading);
    panel.records = [];
    await panel.updateComplete;
    expect(panel.shadowRoot!.textContent).to.contain(historyMessages.empty);
    expect(panel.shadowRoot!.querySelector('[part="clear-button"]')).to.equal(null);
    await expect(panel).to.be.accessible();
  });
});

describe('<conga-api-connections> keeps the admin’s own changes of this session', () => {
  async function mount(store: HistoryStore = memoryStore()) {
    const root = await fixture<CongaApiConnections>(
      html`<conga-api-connections
        .apiClient=${createFakeApiClient(fakeSeed)}
        .session=${createFakeAuthSession()}
        .historyStore=${store}
      ></conga-api-connections>`,
    );
    const button = root.shadowRoot!.querySelector<HTMLButtonElement>('[part="history-button"]')!;
    return {root, store, button};
  }

  function panelOf(root: CongaApiConnections): CongaChangeHistory | null {
    return root.shadowRoot!.querySelector('conga-change-history');
  }

  function rowsOf(root: CongaApiConnections): string[] {
    return [...(panelOf(root)?.shadowRoot?.querySelectorAll('tbody tr') ?? [])].map((row) =>
      row.textContent.replace(/\s+/g, ' ').trim(),
    );
  }

  it('records changes confirmed inside it, shows them under "Your changes", and never keeps a secret', async () => {
    const {root, store, button} = await mount();
    const list = root.shadowRoot!.querySelector('conga-connection-list')!;
    // Dispatched where the form and the list dispatch them: inside the root's shadow tree.
    list.dispatchEvent(new ConnectionCreatedEvent(connection()));
    list.dispatchEvent(new ConnectionStatusChangedEvent('00D5g000008XyZaEAK', 'APItoAPI', false));
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.click();
    await waitUntil(() => rowsOf(root).length === 2, 'the two changes never showed');
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(rowsOf(root)[0]).to.contain('Deactivated');
    expect(rowsOf(root)[1]).to.contain('Created');
    // While open, a new change shows at once.
    list.dispatchEvent(new ConnectionUpdatedEvent(connection(), true));
    await waitUntil(() => rowsOf(root).length === 3, 'the third change never showed');
    expect(rowsOf(root)[0]).to.contain('Saved, with a new client secret');
    const kept = JSON.stringify(await readHistory(store, historyKeyOf(root)));
    expect(kept).to.contain('00D5g000008XyZaEAK');
    expect(kept).to.not.contain(SECRET);
    await expect(root).to.be.accessible();
  });

  it('clears the list on request and announces it', async () => {
    const {root, store, button} = await mount();
    root
      .shadowRoot!.querySelector('conga-connection-list')!
      .dispatchEvent(new ConnectionStatusChangedEvent('X-1', 'UItoAPI', true));
    button.click();
    await waitUntil(() => rowsOf(root).length === 1);
    panelOf(root)!.shadowRoot!.querySelector<HTMLButtonElement>('[part="clear-button"]')!.click();
    await waitUntil(() => panelOf(root)?.shadowRoot?.textContent.includes(historyMessages.empty));
    await waitUntil(() => root.shadowRoot!.querySelector('[role="status"]')?.textContent === messages.historyCleared);
    expect(await readHistory(store, historyKeyOf(root))).to.deep.equal([]);
  });

  it('uses the tab’s sessionStorage when the host hands no store, and closes the panel on sign-out', async () => {
    sessionStorage.clear();
    const session = createFakeAuthSession();
    const root = await fixture<CongaApiConnections>(
      html`<conga-api-connections
        .apiClient=${createFakeApiClient(fakeSeed)}
        .session=${session}
      ></conga-api-connections>`,
    );
    root.shadowRoot!.querySelector('conga-connection-list')!.dispatchEvent(new ConnectionCreatedEvent(connection()));
    await waitUntil(() => sessionStorage.length === 1, 'nothing reached sessionStorage');
    const [key] = Object.keys(sessionStorage);
    expect(sessionStorage.getItem(key ?? ''))
      .to.contain('Nightly sync')
      .and.not.contain(SECRET);
    root.shadowRoot!.querySelector<HTMLButtonElement>('[part="history-button"]')!.click();
    await waitUntil(() => rowsOf(root).length === 1);
    await session.signOut();
    await root.updateComplete;
    expect(panelOf(root)).to.equal(null);
    expect(root.shadowRoot!.querySelector('[part="history-button"]')).to.equal(null);
    sessionStorage.clear();
  });
});

/** The key the root uses: the fake session's user, no issuer or API base URL (the host handed both client and session). */
function historyKeyOf(root: CongaApiConnections): string {
  const state = createFakeAuthSession().state;
  if (state.status !== 'signed-in') throw new Error('the fake session starts signed in');
  expect(root.isConnected).to.equal(true);
  return historyKey({issuer: '', apiBaseUrl: '', user: state.user.sub});
}
