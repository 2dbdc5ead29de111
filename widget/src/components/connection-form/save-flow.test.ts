/**
 * The save flow against the api-client's test double, for every path, including the faults the e2e suite injects
 * into the emulator: a 5xx answer (promote.spec's 503 on the update), a 400 with the server's messages (bulk.spec), a
 * write committed and its answer lost (the emulator's `after-commit` drop, C4-03), an answer that never comes.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ReactiveController} from 'lit';
import {NetworkError, ResponseShapeError} from '@conga-connections/api-client';
import type {ApiClient, ConnectionType} from '@conga-connections/api-client';
import {createFakeApiClient, fakeApiError, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient} from '@conga-connections/api-client/testing';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import {messages} from './form-messages.js';
import {FormModel} from './form-model.js';
import {PROGRESS_DELAY_MS, SaveFlowController} from './save-flow.js';
import type {Handoff} from './save-flow.js';

const FREE = '00DNEW000000001AAA';
/** The seed's identifier with a connection of both types. */
const SEEDED = '00D5g000004CmQwEAK';

/** A host as small as a ReactiveController needs, recording what the flow asked of the element. */
function setUp(options: {api?: ApiClient; type?: ConnectionType; online?: boolean} = {}) {
  const api = options.api ?? createFakeApiClient(fakeSeed);
  const host = Object.assign(new EventTarget(), {
    controllers: [] as ReactiveController[],
    updates: 0,
    addController(controller: ReactiveController) {
      this.controllers.push(controller);
    },
    removeController() {
      // The flow never removes itself.
    },
    requestUpdate() {
      this.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  });
  const effects = {
    online: options.online ?? true,
    focused: [] as string[],
    announced: [] as string[],
    handoffs: [] as Handoff[],
    closed: 0,
  };
  const model = new FormModel(() => {
    host.requestUpdate();
  });
  const flow = new SaveFlowController(host, model, {
    api: () => api,
    online: () => effects.online,
    focus: (id) => {
      effects.focused.push(id);
      return Promise.resolve();
    },
    announce: (message) => {
      effects.announced.push(message);
      return Promise.resolve();
    },
    handOff: (handoff) => {
      effects.handoffs.push(handoff);
      return Promise.resolve();
    },
    close: () => {
      effects.closed += 1;
    },
    // The element loads them with the secret hand-off (save-parts.ts); here they are the module itself.
    loadRequests: () => import('./save-requests.js'),
  });
  const events: Event[] = [];
  host.addEventListener(ConnectionCreatedEvent.eventName, (event) => events.push(event));
  host.addEventListener(ConnectionUpdatedEvent.eventName, (event) => events.push(event));
  model.reset(options.type ?? 'APItoAPI', 'create');
  flow.reset();
  return {api, host, model, flow, effects, events};
}

type Setup = ReturnType<typeof setUp>;

function fillNew({model}: Setup, identifier = FREE): void {
  model.choose(identifier);
  model.setText('ClientName', 'Globex portal');
  const row = model.draft.RedirectURI[0];
  if (row) model.setRow('RedirectURI', row.key, 'https://portal.globex.example/auth/callback');
}

/** Opens a seeded connection for editing, as the element's load does. */
async function openEdit(setup: Setup, type: ConnectionType, identifier = SEEDED): Promise<void> {
  setup.model.reset(type, 'edit', identifier);
  setup.model.load(await setup.api.apiConnections.get(identifier, type));
}

function operations(api: ApiClient): string[] {
  return (api as FakeApiClient).calls.map((call) => call.operation);
}

/** A client whose create commits and then loses its answer, as the emulator's `after-commit` drop does (C4-03). */
function losingCreateAnswer(fake: FakeApiClient): FakeApiClient {
  return {
    ...fake,
    apiConnections: {
      ...fake.apiConnections,
      create: async (...args) => {
        await fake.apiConnections.create(...args);
        throw new NetworkError('failed to fetch', {code: 'NETWORK_FAILED'});
      },
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SaveFlowController: creating', () => {
  it('registers with its host and creates an API-to-API connection once, handing the secret over, never in the event (B4-01)', async () => {
    const setup = setUp();
    expect(setup.host.controllers).toContain(setup.flow);
    fillNew(setup);
    await setup.flow.submit();
    expect(operations(setup.api)).toEqual(['apiConnections.create']);
    expect(setup.flow.step).toBe('handoff');
    expect(setup.flow.saving).toBe(false);
    const [handoff] = setup.effects.handoffs;
    expect(handoff?.reason).toBe('created');
    expect(handoff?.clientSecret).toMatch(/^[A-Za-z0-9]{40}$/);
    const [event] = setup.events;
    expect(event).toBeInstanceOf(ConnectionCreatedEvent);
    expect(JSON.stringify((event as ConnectionCreatedEvent).connection)).not.toContain(handoff?.clientSecret ?? '?');
    expect(setup.model.dirty).toBe(false);
  });

  it('creates a UI-to-API connection and hands over just the Client ID', async () => {
    const setup = setUp({type: 'UItoAPI'});
    fillNew(setup);
    await setup.flow.submit();
    expect(setup.effects.handoffs).toEqual([
      {clientId: expect.stringMatching(/^00000000-/), clientSecret: null, reason: 'created'},
    ]);
  });

  it('C6-02 sends nothing for an invalid draft: every message shows and the summary takes focus', async () => {
    const setup = setUp();
    await setup.flow.submit();
    expect(operations(setup.api)).toEqual([]);
    expect(setup.model.submitted).toBe(true);
    expect(setup.model.summaryRequested).toBe(true);
    expect(setup.effects.focused).toEqual(['error-summary']);
  });

  it('C4-01 sends one request for a second submit while the first runs, and C3-03 shows progress only when slow', async () => {
    vi.useFakeTimers();
    const setup = setUp();
    fillNew(setup);
    const first = setup.flow.submit();
    const second = setup.flow.submit();
    expect(setup.flow.saving).toBe(true);
    expect(setup.flow.showProgress).toBe(false);
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    expect(setup.flow.showProgress).toBe(true);
    await Promise.all([first, second]);
    expect(operations(setup.api)).toEqual(['apiConnections.create']);
    expect(setup.flow.showProgress).toBe(false);
  });

  it('C3-01 sends nothing while offline', async () => {
    const setup = setUp({online: false});
    fillNew(setup);
    await setup.flow.submit();
    await setup.flow.save();
    expect(operations(setup.api)).toEqual([]);
    expect(setup.model.submitted).toBe(false);
  });

  it('says there is no API client, without Retry', async () => {
    const setup = setUp();
    const flow = new SaveFlowController(setup.host, setup.model, {
      api: () => undefined,
      online: () => true,
      focus: () => Promise.resolve(),
      announce: () => Promise.resolve(),
      handOff: () => Promise.resolve(),
      close: () => undefined,
      loadRequests: () => import('./save-requests.js'),
    });
    fillNew(setup);
    await flow.submit();
    expect(flow.failure).toEqual({message: messages.formNoApiClient, retry: false});
  });

  it('C2-05 shows a 409 on create at External Identifier and focuses the summary', async () => {
    const setup = setUp();
    fillNew(setup, SEEDED);
    await setup.flow.submit();
    expect(setup.model.errorsFor('ExternalIdentifier')).toEqual([toolsMessages.formIdentifierDuplicate('APItoAPI')]);
    expect(setup.effects.focused).toEqual(['error-summary']);
    expect(setup.flow.step).toBe('form');
  });

  it('A7-01 puts the messages of a 400 (the fault bulk.spec injects) at their fields; A7-03 a 200 with Success:false too', async () => {
    const setup = setUp();
    fillNew(setup);
    const fake = setup.api as FakeApiClient;
    fake.failNext('apiConnections.create', fakeApiError(400, ['ClientName: A connection with this name exists.']));
    await setup.flow.submit();
    expect(setup.model.errorsFor('ClientName')).toEqual(['A connection with this name exists.']);
    fake.failNext('apiConnections.create', fakeApiError(200, ['Description: Not today.']));
    await setup.flow.submit();
    expect(setup.model.errorsFor('Description')).toEqual(['Not today.']);
    expect(setup.model.errorsFor('ClientName')).toEqual([]);
  });

  it('C2-08 on a 5xx says "Couldn’t save", and Retry checks by identifier before creating once (C4-03)', async () => {
    const setup = setUp();
    fillNew(setup);
    (setup.api as FakeApiClient).failNext('apiConnections.create', fakeApiError(503));
    await setup.flow.submit();
    expect(setup.flow.failure).toEqual({message: messages.formSaveFailed, retry: true});
    await setup.flow.save();
    expect(operations(setup.api)).toEqual(['apiConnections.create', 'apiConnections.get', 'apiConnections.create']);
    expect(setup.flow.failure).toBeUndefined();
    expect(setup.flow.step).toBe('handoff');
  });

  it('C4-03 never re-sends a create whose answer was lost: it finds it, says the secret is lost and offers a new one', async () => {
    const fake = createFakeApiClient(fakeSeed);
    const setup = setUp({api: losingCreateAnswer(fake)});
    fillNew(setup);
    await setup.flow.submit();
    expect(operations(fake)).toEqual(['apiConnections.create', 'apiConnections.get']);
    expect(setup.flow.step).toBe('secret-lost');
    expect(setup.events.map((event) => event.type)).toEqual([ConnectionCreatedEvent.eventName]);
    expect(setup.effects.focused).toEqual(['panel-title']);
    expect(setup.model.dirty).toBe(false);
    await setup.flow.generateNewSecret();
    expect(setup.model.mode).toBe('edit');
    expect(setup.effects.focused.at(-1)).toBe('save-button');
    // Saving it now regenerates the secret after the usual confirmation.
    await setup.flow.submit();
    expect(setup.flow.step).toBe('confirm-regenerate');
    await setup.flow.confirmRegenerate();
    expect(operations(fake).slice(2)).toEqual(['apiConnections.get', 'apiConnections.update']);
    expect(setup.effects.handoffs[0]?.reason).toBe('regenerated');
  });

  it('C4-03 hands over the Client ID of a UI-to-API connection whose create answer was lost', async () => {
    const fake = createFakeApiClient(fakeSeed);
    const setup = setUp({api: losingCreateAnswer(fake), type: 'UItoAPI'});
    fillNew(setup);
    await setup.flow.submit();
    expect(setup.effects.handoffs).toEqual([
      {clientId: expect.stringMatching(/^00000000-/), clientSecret: null, reason: 'created'},
    ]);
    expect(operations(fake).filter((name) => name === 'apiConnections.create')).toHaveLength(1);
  });

  it('C4-03 reports a lost create that was not committed (also an unreadable answer); once checked absent, Retry creates', async () => {
    const setup = setUp();
    fillNew(setup);
    const fake = setup.api as FakeApiClient;
    fake.failNext('apiConnections.create', new ResponseShapeError('unexpected body', {path: 'Data'}));
    await setup.flow.submit();
    expect(setup.flow.failure).toEqual({message: messages.formSaveFailed, retry: true});
    fake.failNext('apiConnections.create', new NetworkError('timed out', {code: 'NETWORK_TIMEOUT'}));
    await setup.flow.save();
    expect(operations(fake)).toEqual([
      'apiConnections.create',
      'apiConnections.get',
      'apiConnections.create',
      'apiConnections.get',
    ]);
    await setup.flow.save();
    expect(operations(fake).slice(4)).toEqual(['apiConnections.create']);
    expect(setup.flow.step).toBe('handoff');
  });
});

describe('SaveFlowController: updating', () => {
  it('asks before regenerating; Cancel sends nothing; Confirm re-reads, then PUTs with If-Match', async () => {
    const setup = setUp();
    await openEdit(setup, 'APItoAPI');
    setup.model.setText('Description', 'Changed.');
    await setup.flow.submit();
    expect(setup.flow.step).toBe('confirm-regenerate');
    expect(setup.effects.focused).toEqual(['panel-title']);
    await setup.flow.keepEditing();
    expect(setup.flow.step).toBe('form');
    expect(setup.effects.focused.at(-1)).toBe('save-button');
    expect(operations(setup.api)).toEqual(['apiConnections.get']);
    await setup.flow.submit();
    await setup.flow.confirmRegenerate();
    const fake = setup.api as FakeApiClient;
    expect(operations(fake)).toEqual(['apiConnections.get', 'apiConnections.get', 'apiConnections.update']);
    const [event] = setup.events;
    expect(event).toBeInstanceOf(ConnectionUpdatedEvent);
    expect((event as ConnectionUpdatedEvent).secretRegenerated).toBe(true);
    expect(setup.effects.handoffs[0]?.reason).toBe('regenerated');
  });

  it('saves a UI-to-API edit without a secret, then closes', async () => {
    const setup = setUp();
    await openEdit(setup, 'UItoAPI');
    setup.model.setText('Description', 'Changed.');
    await setup.flow.submit();
    expect(setup.effects.closed).toBe(1);
    expect(setup.effects.handoffs).toEqual([]);
    expect((setup.events[0] as ConnectionUpdatedEvent).secretRegenerated).toBe(false);
  });

  it('C2-04 finds a newer version by re-reading before the PUT; "Take theirs" loads it and sends nothing', async () => {
    const setup = setUp();
    await openEdit(setup, 'UItoAPI');
    setup.model.setText('ClientName', 'Mine');
    await setup.api.apiConnections.update(SEEDED, 'UItoAPI', {Description: 'Theirs'});
    await setup.flow.submit();
    expect(setup.flow.step).toBe('conflict');
    expect(setup.flow.latest?.Description).toBe('Theirs');
    expect(operations(setup.api).filter((name) => name === 'apiConnections.update')).toHaveLength(1);
    await setup.flow.takeTheirs();
    expect(setup.flow.step).toBe('form');
    expect(setup.model.draft.ClientName).toBe('Contract portal');
    expect(setup.model.draft.Description).toBe('Theirs');
    expect(setup.effects.announced).toEqual([messages.formConflictTookTheirs]);
    expect(setup.effects.focused.at(-1)).toBe('field-ClientName');
  });

  it('C2-03 shows the conflict for a 412 (stale If-Match), and "Reapply" saves my change on the newer version', async () => {
    const setup = setUp();
    await openEdit(setup, 'UItoAPI');
    setup.model.setText('ClientName', 'Mine');
    const fake = setup.api as FakeApiClient;
    fake.failNext('apiConnections.update', fakeApiError(412, ['The API connection was changed by someone else.']));
    await setup.flow.submit();
    expect(setup.flow.step).toBe('conflict');
    await setup.api.apiConnections.update(SEEDED, 'UItoAPI', {Description: 'Theirs'});
    await setup.flow.keepEditing();
    await setup.flow.submit();
    expect(setup.flow.step).toBe('conflict');
    await setup.flow.reapply();
    const saved = await setup.api.apiConnections.get(SEEDED, 'UItoAPI');
    expect(saved.ClientName).toBe('Mine');
    expect(saved.Description).toBe('Theirs');
    expect(setup.effects.closed).toBe(1);
  });

  it('C2-08 retries an update that failed on the network or with the 503 promote.spec injects', async () => {
    const setup = setUp();
    await openEdit(setup, 'UItoAPI');
    setup.model.setText('Description', 'Changed.');
    const fake = setup.api as FakeApiClient;
    fake.failNext('apiConnections.update', new NetworkError('failed to fetch', {code: 'NETWORK_FAILED'}));
    await setup.flow.submit();
    expect(setup.flow.failure).toEqual({message: messages.formSaveFailed, retry: true});
    fake.failNext('apiConnections.update', fakeApiError(503));
    await setup.flow.save();
    expect(setup.flow.failure?.retry).toBe(true);
    await setup.flow.save();
    expect(operations(fake).filter((name) => name === 'apiConnections.update')).toHaveLength(3);
    expect(setup.effects.closed).toBe(1);
  });

  it('C2-01 says the edited connection is gone, and "Create as new" keeps what was typed', async () => {
    const setup = setUp();
    await openEdit(setup, 'UItoAPI');
    setup.model.setText('ClientName', 'Mine');
    (setup.api as FakeApiClient).failNext('apiConnections.get', fakeApiError(404, ['API connection not found.']));
    await setup.flow.submit();
    expect(setup.flow.step).toBe('not-found');
    await setup.flow.createAsNew();
    expect(setup.flow.step).toBe('form');
    expect(setup.model.mode).toBe('create');
    expect(setup.flow.recreateIdentifier).toBe(SEEDED);
    expect(setup.model.draft.ClientName).toBe('Mine');
    expect(setup.effects.focused.at(-1)).toBe('field-ExternalIdentifier');
  });

  it('C2-01 says a connection that was never there doesn’t exist, when loading it fails with 404', async () => {
    const setup = setUp();
    setup.model.reset('UItoAPI', 'edit', 'NOPE');
    await setup.flow.loadFailed(fakeApiError(404));
    expect(setup.flow.step).toBe('not-found');
    const other = setUp();
    other.model.reset('UItoAPI', 'edit', 'NOPE');
    await other.flow.loadFailed(fakeApiError(500));
    expect(other.flow.step).toBe('form');
  });
});

describe('SaveFlowController: failures that keep the values', () => {
  it.each([
    ['401 (session expired)', fakeApiError(401), messages.sessionExpired, true],
    ['403 (not an admin)', fakeApiError(403), messages.needAdmin, false],
    ['an AuthError', Object.assign(new Error('refresh failed'), {name: 'AuthError'}), messages.sessionExpired, true],
    ['anything else', new Error('boom'), messages.formSaveFailed, true],
  ])('%s', async (_name, error, message, retry) => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const setup = setUp();
    fillNew(setup);
    (setup.api as FakeApiClient).failNext('apiConnections.create', error);
    await setup.flow.submit();
    expect(setup.flow.failure).toEqual({message, retry});
    expect(setup.model.draft.ClientName).toBe('Globex portal');
    // Only an error nobody expected is logged, and never a 4xx or an auth failure.
    expect(errors).toHaveBeenCalledTimes(message === messages.formSaveFailed ? 1 : 0);
    errors.mockRestore();
  });

  it('treats an aborted save as no failure', async () => {
    const setup = setUp();
    fillNew(setup);
    (setup.api as FakeApiClient).failNext('apiConnections.create', new DOMException('aborted', 'AbortError'));
    await setup.flow.submit();
    expect(setup.flow.failure).toBeUndefined();
    expect(setup.flow.step).toBe('form');
  });
});

describe('SaveFlowController: closing (C4-07)', () => {
  it('closes at once when nothing changed, asks first when something did; a panel goes back to the fields', async () => {
    const setup = setUp();
    await setup.flow.requestClose('cancel-button');
    expect(setup.effects.closed).toBe(1);
    setup.model.setText('ClientName', 'x');
    await setup.flow.requestClose('cancel-button');
    expect(setup.flow.step).toBe('confirm-discard');
    expect(setup.effects.focused).toEqual(['panel-title']);
    // Escape on the question is "keep editing", focus back where the admin was.
    await setup.flow.requestClose('save-button');
    expect(setup.flow.step).toBe('form');
    expect(setup.effects.focused.at(-1)).toBe('cancel-button');
    setup.flow.close();
    expect(setup.effects.closed).toBe(2);
  });

  it('never closes during a save or the hand-off', async () => {
    const setup = setUp();
    fillNew(setup);
    const saving = setup.flow.submit();
    await setup.flow.requestClose('cancel-button');
    await saving;
    expect(setup.flow.step).toBe('handoff');
    await setup.flow.requestClose('cancel-button');
    expect(setup.effects.closed).toBe(0);
    setup.flow.closed();
    expect(setup.flow.step).toBe('form');
  });
});
