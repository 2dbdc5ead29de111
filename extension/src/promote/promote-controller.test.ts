import {describe, expect, it, vi} from 'vitest';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ApiClient} from '@conga-connections/api-client';
import {createFakeApiClient, fakeApiError, type FakeApiClient} from '@conga-connections/api-client/testing';
import type {AuthState} from '@conga-connections/auth';
import {createFakeAuthSession, type FakeAuthSession} from '@conga-connections/auth/testing';
import type {ConnectionTester} from '@conga-connections/widget';
import type {Settings, Tenant} from '../storage.js';
import {connectionKey} from './plan.js';
import {PromoteController, type DisposableSession, type PromoteServices} from './promote-controller.js';
import {promoteText as text} from './text.js';

const SALESFORCE = '00D5g000008XyZaEAK';
const SANDBOX = '00D7z000000AbCdEAG';

function tenant(id: string, name: string): Tenant {
  return {
    id,
    name,
    preset: 'custom',
    issuer: `https://${id}.example.test/auth`,
    apiBaseUrl: `https://${id}.example.test`,
    clientId: `${id}-client`,
  };
}

const SOURCE = tenant('sandbox', 'Acme sandbox');
const TARGET = tenant('production', 'Acme production');
const SETTINGS: Settings = {tenants: [SOURCE, TARGET]};

/** The sandbox: a sync for each org and a portal; the target lacks the sandbox org and has an older portal. */
function sourceApi(): FakeApiClient {
  return createFakeApiClient({
    integrations: [{ExternalId: SALESFORCE}, {ExternalId: SANDBOX}] as never,
    connections: [
      {
        type: 'APItoAPI',
        ExternalIdentifier: SALESFORCE,
        ClientName: 'CLM sync',
        AllowedScopes: ['api.user-management'],
      },
      {
        type: 'APItoAPI',
        ExternalIdentifier: SANDBOX,
        ClientName: 'Sandbox sync',
        AllowedScopes: ['api.user-management'],
      },
      {
        type: 'UItoAPI',
        ExternalIdentifier: SALESFORCE,
        ClientName: 'Copilot',
        Description: 'New',
        RedirectURI: ['https://acme.example.test/cb'],
        AllowedScopes: ['openid'],
      },
    ],
  });
}

function targetApi(): FakeApiClient {
  return createFakeApiClient({
    integrations: [{ExternalId: SALESFORCE}] as never,
    connections: [
      {
        type: 'UItoAPI',
        ExternalIdentifier: SALESFORCE,
        ClientName: 'Copilot',
        Description: 'Old',
        RedirectURI: ['https://acme.example.test/cb'],
        AllowedScopes: ['openid'],
      },
    ],
  });
}

interface Page {
  host: ReactiveControllerHost & {updates: number};
  controller: PromoteController;
  sessions: Map<string, FakeAuthSession & DisposableSession & {disposed: boolean}>;
  apis: Map<string, FakeApiClient>;
  testers: (ConnectionTester | undefined)[];
  described: unknown[];
}

/** A controller on a fake host, with services whose sessions and clients are the packages' test doubles. */
function page(options: {initial?: AuthState; apis?: Map<string, FakeApiClient>} = {}): Page {
  const sessions: Page['sessions'] = new Map();
  const apis =
    options.apis ??
    new Map([
      [SOURCE.id, sourceApi()],
      [TARGET.id, targetApi()],
    ]);
  const testers: Page['testers'] = [];
  const described: unknown[] = [];
  let registered: ReactiveController | undefined;
  const host: Page['host'] = {
    updates: 0,
    addController: (controller) => {
      registered = controller;
    },
    removeController: () => undefined,
    requestUpdate: () => {
      host.updates += 1;
    },
    updateComplete: Promise.resolve(true),
  };
  const services: PromoteServices = {
    readSettings: () => Promise.resolve(SETTINGS),
    watchSettings: () => () => undefined,
    openSession: (chosen) => {
      const session = Object.assign(createFakeAuthSession(options.initial), {
        disposed: false,
        dispose() {
          session.disposed = true;
        },
      });
      sessions.set(chosen.id, session);
      return Promise.resolve(session);
    },
    createApiClient: (chosen): ApiClient => {
      const api = apis.get(chosen.id);
      if (!api) throw new Error(`no api for ${chosen.id}`);
      return api;
    },
    createConnectionTester: (chosen) => ({redirectUri: chosen.id, origin: ''}) as unknown as ConnectionTester,
    openOptions: () => undefined,
  };
  const controller = new PromoteController(host, {
    services: () => services,
    testerChanged: (tester) => testers.push(tester),
    describeError: (error) => {
      described.push(error);
      return {title: 'Described.', detail: 'In detail.'};
    },
  });
  expect(registered).toBe(controller);
  return {host, controller, sessions, apis, testers, described};
}

/** Both tenants chosen and signed in, the source's connections listed. */
async function ready(options: Parameters<typeof page>[0] = {}): Promise<Page> {
  const current = page(options);
  current.controller.useSettings(SETTINGS);
  current.controller.chooseFromPage('source', SOURCE.id);
  current.controller.chooseFromPage('target', TARGET.id);
  await vi.waitFor(() => {
    expect(current.controller.state.sourceLoad.status).toBe('ready');
    expect(current.controller.state.authStates.target?.status).toBe('signed-in');
  });
  return current;
}

const CLM = connectionKey(SALESFORCE, 'APItoAPI');
const COPILOT = connectionKey(SALESFORCE, 'UItoAPI');
const SANDBOX_SYNC = connectionKey(SANDBOX, 'APItoAPI');

describe('PromoteController', () => {
  it('opens a session per chosen tenant, lists the signed-in source and hands the target tester on', async () => {
    const {controller, sessions, testers, host} = await ready();
    expect(controller.state.connected).toEqual({source: SOURCE, target: TARGET});
    expect([...sessions.keys()]).toEqual([SOURCE.id, TARGET.id]);
    expect(testers).toEqual([undefined, {redirectUri: TARGET.id, origin: ''}]);
    const {sourceLoad} = controller.state;
    expect(sourceLoad.status === 'ready' && sourceLoad.connections.map((c) => c.ClientName).sort()).toEqual([
      'CLM sync',
      'Copilot',
      'Sandbox sync',
    ]);
    expect(host.updates).toBeGreaterThan(0);
  });

  it('loads the source only once it is signed in, and reports a failed sign-in with the tenant name', async () => {
    const {controller, sessions} = page({initial: {status: 'signed-out', reason: 'signed-out'}});
    controller.useSettings(SETTINGS);
    controller.chooseFromPage('source', SOURCE.id);
    await vi.waitFor(() => {
      expect(controller.state.authStates.source?.status).toBe('signed-out');
    });
    expect(controller.state.sourceLoad).toEqual({status: 'idle'});
    controller.signIn('source');
    await vi.waitFor(() => {
      expect(controller.state.sourceLoad.status).toBe('ready');
    });
    const session = sessions.get(SOURCE.id);
    if (!session) throw new Error('no source session');
    session.signIn = () => Promise.reject(new Error('closed'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    controller.signIn('source');
    await vi.waitFor(() => {
      expect(controller.state.signInProblem.source).toBe(text.signInFailed(SOURCE.name));
    });
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('filters by every search word and selects what is shown; any selection change drops the dry run', async () => {
    const {controller} = await ready();
    controller.setSearch('  SYNC  api ');
    expect(
      controller
        .visibleConnections()
        .map((c) => c.ClientName)
        .sort(),
    ).toEqual(['CLM sync', 'Sandbox sync']);
    controller.toggleShown(true);
    expect([...controller.state.selected].sort()).toEqual([CLM, SANDBOX_SYNC].sort());
    controller.setSearch('');
    controller.toggle(COPILOT, true);
    expect(await controller.dryRun()).toBe(true);
    expect(controller.state.plan).toBeDefined();
    controller.toggle(SANDBOX_SYNC, false);
    expect([...controller.state.selected].sort()).toEqual([CLM, COPILOT].sort());
    expect(controller.state.plan).toBeUndefined();
  });

  it('refuses a dry run with the same tenant on both sides or nothing selected', async () => {
    const {controller} = await ready();
    expect(controller.canDryRun()).toBe(false); // nothing selected
    controller.toggle(CLM, true);
    expect(controller.canDryRun()).toBe(true);
    controller.chooseFromPage('target', SOURCE.id);
    expect(controller.canDryRun()).toBe(false);
    expect(await controller.dryRun()).toBe(false);
  });

  it('dry run: plans create, update and invalid from both tenants as they are now, and writes nothing', async () => {
    const {controller, apis} = await ready();
    for (const key of [CLM, COPILOT, SANDBOX_SYNC]) controller.toggle(key, true);
    const running = controller.dryRun();
    expect(controller.state.planning).toBe(true);
    expect(controller.state.announcement).toBe(text.dryRunning);
    expect(await running).toBe(true);
    const {plan, planning, announcement} = controller.state;
    expect(planning).toBe(false);
    expect(plan?.counts).toEqual({create: 1, update: 1, unchanged: 0, invalid: 1});
    expect(announcement).toBe(
      `${text.planHeading}: ${text.planSummary({create: 1, update: 1, unchanged: 0, invalid: 1})}`,
    );
    expect(controller.canApply()).toBe(true);
    const target = apis.get(TARGET.id);
    expect(target?.calls.map((call) => call.operation)).toEqual(['apiConnections.list', 'externalIntegrations.list']);
  });

  it('dry run: a failed read shows the tenants and the described error, and leaves no plan', async () => {
    const {controller, apis, described} = await ready();
    controller.toggle(CLM, true);
    const failure = fakeApiError(503);
    apis.get(TARGET.id)?.failNext('externalIntegrations.list', failure);
    expect(await controller.dryRun()).toBe(false);
    expect(controller.state.plan).toBeUndefined();
    expect(controller.state.planning).toBe(false);
    expect(controller.state.planProblem).toBe(`${text.dryRunFailed(SOURCE.name, TARGET.name)} Described. In detail.`);
    expect(controller.state.announcement).toBe('');
    expect(described).toEqual([failure]);
  });

  it('apply: per-connection results with progress; the new secret goes to the hand-off queue, never the state', async () => {
    const {controller, apis} = await ready();
    for (const key of [CLM, COPILOT]) controller.toggle(key, true);
    await controller.dryRun();
    const progress: (typeof controller.state.progress)[] = [];
    const applying = controller.apply();
    progress.push(controller.state.progress);
    expect(await controller.apply()).toBe(false); // one apply at a time
    expect(await applying).toBe(true);
    expect(progress).toEqual([{done: 0, total: 2}]);
    const {results, plan, pendingSecrets, announcement} = controller.state;
    expect(plan).toBeUndefined();
    expect(controller.state.progress).toBeUndefined();
    expect(results?.map((result) => [result.item.key, result.outcome])).toEqual([
      [CLM, 'created'],
      [COPILOT, 'updated'],
    ]);
    expect(pendingSecrets).toBe(1);
    expect(announcement).toBe(`${text.resultsHeading}: ${text.resultsSummary(2, 0)}`);
    const target = apis.get(TARGET.id);
    const created = target?.calls.find((call) => call.operation === 'apiConnections.create');
    expect(created?.args.slice(0, 2)).toEqual([SALESFORCE, 'APItoAPI']);

    const next = controller.takeNextSecret();
    if (!next) throw new Error('no secret was queued');
    expect(next).toMatchObject({reason: 'created', clientId: expect.any(String) as string});
    expect(next.clientSecret).not.toBe('');
    expect(JSON.stringify(controller.state)).not.toContain(next.clientSecret);
    expect(controller.state.pendingSecrets).toBe(0);
    expect(controller.secretClosed()).toBeUndefined();
    expect(controller.state.announcement).toBe(text.secretsDone);
  });

  it('apply: a failed write is described and reported; the other writes still run', async () => {
    const {controller, apis, described} = await ready();
    for (const key of [CLM, COPILOT]) controller.toggle(key, true);
    await controller.dryRun();
    const failure = fakeApiError(503);
    apis.get(TARGET.id)?.failNext('apiConnections.update', failure);
    await controller.apply();
    expect(controller.state.results?.map((result) => result.outcome)).toEqual(['created', 'failed']);
    expect(controller.state.results?.[1]).toMatchObject({outcome: 'failed', reason: 'Described. In detail.'});
    expect(described).toEqual([failure]);
    expect(controller.state.announcement).toBe(`${text.resultsHeading}: ${text.resultsSummary(1, 1)}`);
  });

  it('start over: no results, no selection, no plan, and the source is read again', async () => {
    const {controller, apis} = await ready();
    controller.toggle(CLM, true);
    await controller.dryRun();
    await controller.apply();
    const source = apis.get(SOURCE.id);
    const reads = source?.calls.length ?? 0;
    controller.startOver();
    expect(controller.state.results).toBeUndefined();
    expect(controller.state.selected.size).toBe(0);
    expect(controller.state.plan).toBeUndefined();
    await vi.waitFor(() => {
      expect(source?.calls.length).toBeGreaterThan(reads);
      expect(controller.state.sourceLoad.status).toBe('ready');
    });
  });

  it('lets a side go when its tenant leaves the settings, and every session and secret when the page goes', async () => {
    const {controller, sessions, testers} = await ready();
    controller.toggle(CLM, true);
    await controller.dryRun();
    await controller.apply();
    expect(controller.state.pendingSecrets).toBe(1);
    controller.useSettings({tenants: [SOURCE]});
    expect(controller.state.targetId).toBe('');
    expect(controller.state.connected.target).toBeUndefined();
    expect(sessions.get(TARGET.id)?.disposed).toBe(true);
    expect(testers.at(-1)).toBeUndefined();
    controller.hostDisconnected();
    expect(sessions.get(SOURCE.id)?.disposed).toBe(true);
    expect(controller.state.sourceLoad).toEqual({status: 'idle'});
    expect(controller.state.pendingSecrets).toBe(0);
    expect(controller.takeNextSecret()).toBeUndefined();
  });
});
