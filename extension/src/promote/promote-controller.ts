/**
 * The Promote page's state and side effects, apart from the element so they can be tested in Node: the two tenants
 * and their sessions, the source's connections and the selection, the dry run, the apply with its progress and
 * results, and the queue of secrets waiting for their one-time hand-off. The element renders {@link
 * PromoteController.state} and turns clicks into calls; focus and dialogs stay with it.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {toConnectionType, type ApiClient, type ApiConnectionResponse} from '@conga-connections/api-client';
import type {AuthSession, AuthState} from '@conga-connections/auth';
import type {ConnectionTester} from '@conga-connections/widget';
import type {SecretHandoff} from '@conga-connections/widget/secret-reveal';
import type {Settings, Tenant} from '../storage.js';
import {listAllConnections, listAllIntegrations} from './load.js';
import {
  applyPlan,
  keyOf,
  planPromotion,
  writesOf,
  type ApplyResult,
  type PlanItem,
  type PromotionPlan,
} from './plan.js';
import {promoteText as text} from './text.js';

/** A session the page opened and must dispose of. */
export interface DisposableSession extends AuthSession {
  dispose(): void;
}

/** What the Promote page asks of the browser; the element itself never touches storage, messaging or the network. */
export interface PromoteServices {
  readSettings(): Promise<Settings>;
  /** Calls `listener` whenever the settings change; returns the unsubscribe function. */
  watchSettings(listener: (settings: Settings) => void): () => void;
  /** A session with the tenant, through the background worker (which holds the tokens). */
  openSession(tenant: Tenant): Promise<DisposableSession>;
  createApiClient(tenant: Tenant, session: AuthSession): ApiClient;
  /** Runs "Get a token now" in the background worker, against the tenant's own token endpoint. */
  createConnectionTester(tenant: Tenant): ConnectionTester;
  openOptions(): void;
}

/** The tenant promoted from, or the one promoted to. */
export type Side = 'source' | 'target';

/** One side's tenant, session and client. */
interface Connected {
  tenant: Tenant;
  session: DisposableSession;
  api: ApiClient;
  unsubscribe: () => void;
}

/** The source's connections, as the list shows them. */
export type SourceLoad =
  | {status: 'idle'}
  | {status: 'loading'}
  | {status: 'ready'; connections: ApiConnectionResponse[]}
  | {status: 'error'; error: unknown};

/** A result as the page keeps it: the secret is taken out into the hand-off queue at once. */
export type ShownResult =
  | {item: PlanItem; outcome: 'created' | 'updated'; clientId: string | null}
  | {item: PlanItem; outcome: 'failed'; reason: string};

/** An error in plain words: the widget's `describeError`, injected so the controller runs without a DOM. */
export type DescribeError = (error: unknown) => {title: string; detail?: string};

/** A secret waiting for its hand-off. */
export interface PendingHandoff extends SecretHandoff {
  clientSecret: string;
}

/** Everything the page shows; replaced (never changed in place) on every change. */
export interface PromoteState {
  readonly settings: Settings | undefined;
  readonly sourceId: string;
  readonly targetId: string;
  /** The tenant each side has a session with. */
  readonly connected: Readonly<Partial<Record<Side, Tenant>>>;
  readonly authStates: Readonly<Partial<Record<Side, AuthState>>>;
  readonly signInProblem: Readonly<Partial<Record<Side, string>>>;
  readonly sourceLoad: SourceLoad;
  readonly search: string;
  readonly selected: ReadonlySet<string>;
  readonly planning: boolean;
  readonly planProblem: string;
  readonly plan: PromotionPlan | undefined;
  readonly progress: {done: number; total: number} | undefined;
  readonly results: readonly ShownResult[] | undefined;
  readonly pendingSecrets: number;
  readonly announcement: string;
  readonly problem: string;
}

const INITIAL_STATE: PromoteState = {
  settings: undefined,
  sourceId: '',
  targetId: '',
  connected: {},
  authStates: {},
  signInProblem: {},
  sourceLoad: {status: 'idle'},
  search: '',
  selected: new Set(),
  planning: false,
  planProblem: '',
  plan: undefined,
  progress: undefined,
  results: undefined,
  pendingSecrets: 0,
  announcement: '',
  problem: '',
};

/** A connection's type as the page writes it. */
export function typeLabel(connection: Pick<ApiConnectionResponse, 'APIType'>): string {
  return text.typeLabel(toConnectionType(connection.APIType));
}

function searchKey(connection: ApiConnectionResponse): string {
  return [connection.ClientName, connection.ExternalIdentifier, typeLabel(connection), connection.APIType]
    .join(' ')
    .toLowerCase();
}

export class PromoteController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #services: () => PromoteServices | undefined;
  readonly #testerChanged: (tester: ConnectionTester | undefined) => void;
  readonly #describeError: DescribeError;
  #state: PromoteState = INITIAL_STATE;
  #sides: Partial<Record<Side, Connected>> = {};
  /** New and regenerated secrets waiting for their hand-off; never rendered, never stored (B4-02). */
  #handoffs: PendingHandoff[] = [];
  #sourceLoad: AbortController | undefined;
  #planAbort: AbortController | undefined;

  constructor(
    host: ReactiveControllerHost,
    options: {
      services: () => PromoteServices | undefined;
      /** The target tenant's tester for the secret hand-off's "Get a token now", or none. */
      testerChanged: (tester: ConnectionTester | undefined) => void;
      /** Describes a failed write or dry run; called once per failure (it may log the error). */
      describeError: DescribeError;
    },
  ) {
    this.#host = host;
    this.#services = options.services;
    this.#testerChanged = options.testerChanged;
    this.#describeError = options.describeError;
    host.addController(this);
  }

  /** What the page shows now. */
  get state(): PromoteState {
    return this.#state;
  }

  hostDisconnected(): void {
    this.disconnect('source');
    this.disconnect('target');
    this.dropSecrets();
  }

  #set(patch: Partial<PromoteState>): void {
    this.#state = {...this.#state, ...patch};
    this.#host.requestUpdate();
  }

  /** Follows new settings: a tenant removed (or changed) in the settings meanwhile is let go. */
  useSettings(settings: Settings): void {
    this.#set({settings});
    for (const side of ['source', 'target'] as const) {
      const id = side === 'source' ? this.#state.sourceId : this.#state.targetId;
      const tenant = settings.tenants.find((candidate) => candidate.id === id);
      const current = this.#sides[side]?.tenant;
      if (!tenant) {
        if (id !== '') this.choose(side, '');
      } else if (
        current &&
        (current.issuer !== tenant.issuer ||
          current.apiBaseUrl !== tenant.apiBaseUrl ||
          current.clientId !== tenant.clientId)
      ) {
        this.choose(side, tenant.id);
      }
    }
  }

  /** The settings could not be read. */
  settingsFailed(error: unknown): void {
    console.error(error);
    this.#set({problem: text.settingsFailed});
  }

  /** A tenant of the settings, by id. */
  tenant(id: string): Tenant | undefined {
    return this.#state.settings?.tenants.find((tenant) => tenant.id === id);
  }

  /** Lets a side's session go (and, for the source, its connections and the selection). */
  disconnect(side: Side): void {
    const connected = this.#sides[side];
    connected?.unsubscribe();
    connected?.session.dispose();
    this.#sides = {...this.#sides, [side]: undefined};
    if (side === 'target') this.#testerChanged(undefined);
    this.#set({
      connected: {...this.#state.connected, [side]: undefined},
      authStates: {...this.#state.authStates, [side]: undefined},
      signInProblem: {...this.#state.signInProblem, [side]: undefined},
    });
    if (side === 'source') {
      this.#sourceLoad?.abort();
      this.#set({sourceLoad: {status: 'idle'}, selected: new Set()});
    }
  }

  /** Picks a side's tenant: the previous session goes, a new one is opened, and any dry run is out of date. */
  choose(side: Side, tenantId: string): void {
    this.#set(side === 'source' ? {sourceId: tenantId} : {targetId: tenantId});
    this.disconnect(side);
    this.clearPlan();
    const tenant = this.tenant(tenantId);
    const services = this.#services();
    if (tenant && services) void this.#connect(side, tenant, services);
  }

  /** Picks a side's tenant from the page's select; the results of an earlier apply go. */
  chooseFromPage(side: Side, tenantId: string): void {
    this.choose(side, tenantId);
    this.#set({results: undefined});
  }

  async #connect(side: Side, tenant: Tenant, services: PromoteServices): Promise<void> {
    try {
      const session = await services.openSession(tenant);
      const chosen = side === 'source' ? this.#state.sourceId : this.#state.targetId;
      if (chosen !== tenant.id || this.#sides[side]) {
        session.dispose();
        return;
      }
      const unsubscribe = session.subscribe((state) => {
        this.#useAuthState(side, state);
      });
      this.#sides = {
        ...this.#sides,
        [side]: {tenant, session, api: services.createApiClient(tenant, session), unsubscribe},
      };
      this.#set({connected: {...this.#state.connected, [side]: tenant}});
      // The hand-off's "Get a token now" tests a new secret where it was issued: the target tenant.
      if (side === 'target') this.#testerChanged(services.createConnectionTester(tenant));
      this.#useAuthState(side, session.state);
    } catch (error) {
      console.error(error);
      this.#set({signInProblem: {...this.#state.signInProblem, [side]: text.signInFailed(tenant.name)}});
    }
  }

  #useAuthState(side: Side, state: AuthState): void {
    const before = this.#state.authStates[side]?.status;
    this.#set({authStates: {...this.#state.authStates, [side]: state}});
    if (side === 'source') {
      if (state.status === 'signed-in' && before !== 'signed-in') void this.loadSource();
      if (state.status !== 'signed-in' && state.status !== 'signing-in') {
        this.#sourceLoad?.abort();
        this.#set({sourceLoad: {status: 'idle'}});
      }
    }
    if (state.status !== 'signed-in') this.clearPlan();
  }

  /** Signs in to a side's tenant, through its session. */
  signIn(side: Side): void {
    const connected = this.#sides[side];
    if (!connected) return;
    this.#set({signInProblem: {...this.#state.signInProblem, [side]: undefined}});
    connected.session.signIn().catch((error: unknown) => {
      // The auth error's own text is for developers (STYLE §8); the admin gets the tenant and a way forward.
      console.warn(error);
      this.#set({signInProblem: {...this.#state.signInProblem, [side]: text.signInFailed(connected.tenant.name)}});
    });
  }

  /** (Re)reads the source's connections; the selection keeps only those that still exist. */
  async loadSource(): Promise<void> {
    const source = this.#sides.source;
    if (!source) return;
    this.#sourceLoad?.abort();
    const controller = new AbortController();
    this.#sourceLoad = controller;
    this.#set({sourceLoad: {status: 'loading'}});
    try {
      const connections = await listAllConnections(source.api, controller.signal);
      if (controller.signal.aborted) return;
      // Keep only selections that still exist.
      const keys = new Set(connections.map((connection) => keyOf(connection)));
      const selected = new Set([...this.#state.selected].filter((key) => keys.has(key)));
      this.#set({sourceLoad: {status: 'ready', connections}, selected});
    } catch (error) {
      if (controller.signal.aborted) return;
      this.#set({sourceLoad: {status: 'error', error}});
    }
  }

  /** Forgets the dry run (and stops one that is running). */
  clearPlan(): void {
    this.#planAbort?.abort();
    this.#set({planning: false, plan: undefined, planProblem: ''});
  }

  /** Drops every secret still waiting for its hand-off. */
  dropSecrets(): void {
    this.#handoffs = [];
    this.#set({pendingSecrets: 0});
  }

  /** The source's connections that the search matches (every word, in any field the list shows). */
  visibleConnections(): ApiConnectionResponse[] {
    const {sourceLoad, search} = this.#state;
    if (sourceLoad.status !== 'ready') return [];
    const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return sourceLoad.connections.filter((connection) => {
      const haystack = searchKey(connection);
      return words.every((word) => haystack.includes(word));
    });
  }

  setSearch(search: string): void {
    this.#set({search});
  }

  /** Selects or unselects one connection, by its key; the dry run is then out of date. */
  toggle(key: string, checked: boolean): void {
    const next = new Set(this.#state.selected);
    if (checked) next.add(key);
    else next.delete(key);
    this.#set({selected: next});
    this.clearPlan();
  }

  /** Selects or unselects every connection the search shows. */
  toggleShown(checked: boolean): void {
    const next = new Set(this.#state.selected);
    for (const connection of this.visibleConnections()) {
      const key = keyOf(connection);
      if (key === undefined) continue;
      if (checked) next.add(key);
      else next.delete(key);
    }
    this.#set({selected: next});
    this.clearPlan();
  }

  /** Two different tenants, both signed in, something selected, and nothing running. */
  canDryRun(): boolean {
    const {sourceId, targetId, authStates, selected, planning, progress} = this.#state;
    return (
      sourceId !== '' &&
      targetId !== '' &&
      sourceId !== targetId &&
      authStates.source?.status === 'signed-in' &&
      authStates.target?.status === 'signed-in' &&
      selected.size > 0 &&
      !planning &&
      progress === undefined
    );
  }

  /** Plans the promotion of the selected connections; resolves true when a plan is there to show. */
  async dryRun(): Promise<boolean> {
    const {source, target} = this.#sides;
    if (!target || !source || !this.canDryRun()) return false;
    this.clearPlan();
    const controller = new AbortController();
    this.#planAbort = controller;
    this.#set({results: undefined, planning: true, announcement: text.dryRunning});
    const selected = new Set(this.#state.selected);
    try {
      // The source is read again too: the plan copies its settings as they are now, not as the list first showed.
      const [sourceConnections, targetConnections, targetIntegrations] = await Promise.all([
        listAllConnections(source.api, controller.signal),
        listAllConnections(target.api, controller.signal),
        listAllIntegrations(target.api, controller.signal),
      ]);
      if (controller.signal.aborted) return false;
      const chosen = sourceConnections.filter((connection) => selected.has(keyOf(connection) ?? ''));
      const plan = planPromotion({source: chosen, target: targetConnections, targetIntegrations});
      this.#set({
        sourceLoad: {status: 'ready', connections: sourceConnections},
        plan,
        announcement: `${text.planHeading}: ${text.planSummary(plan.counts)}`,
      });
      return true;
    } catch (error) {
      if (controller.signal.aborted) return false;
      const {title, detail} = this.#describeError(error);
      const planProblem = `${text.dryRunFailed(source.tenant.name, target.tenant.name)} ${title}${detail ? ` ${detail}` : ''}`;
      this.#set({planProblem, announcement: ''});
      return false;
    } finally {
      if (this.#planAbort === controller) this.#set({planning: false});
    }
  }

  /** A plan with writes is shown and no apply is running. */
  canApply(): boolean {
    const {plan, progress} = this.#state;
    return plan !== undefined && writesOf(plan).length > 0 && progress === undefined;
  }

  /**
   * Applies the plan to the target, one write at a time, with progress; new and regenerated secrets go into the
   * hand-off queue. Resolves true when it ran.
   */
  async apply(): Promise<boolean> {
    const {plan} = this.#state;
    const target = this.#sides.target;
    // One apply at a time: the plan stays on screen while it runs, but its button is disabled.
    if (!plan || !target || this.#state.progress !== undefined) return false;
    const total = writesOf(plan).length;
    this.#set({progress: {done: 0, total}, results: [], announcement: text.applying(0, total)});
    const shown: ShownResult[] = [];
    const take = (result: ApplyResult): ShownResult => {
      if (result.outcome === 'failed') {
        const {title, detail} = this.#describeError(result.error);
        return {item: result.item, outcome: 'failed', reason: detail ? `${title} ${detail}` : title};
      }
      // The secret goes straight into the hand-off queue; the results never hold it.
      if (result.clientSecret) {
        this.#handoffs.push({
          clientId: result.clientId ?? '',
          clientSecret: result.clientSecret,
          reason: result.outcome === 'created' ? 'created' : 'regenerated',
        });
        this.#set({pendingSecrets: this.#handoffs.length});
      }
      return {item: result.item, outcome: result.outcome, clientId: result.clientId};
    };
    await applyPlan(target.api, plan, {
      onResult: (result, done) => {
        shown.push(take(result));
        this.#set({results: [...shown], progress: {done, total}, announcement: text.applying(done, total)});
      },
    });
    const failed = shown.filter((result) => result.outcome === 'failed').length;
    this.#set({
      progress: undefined,
      plan: undefined,
      announcement: `${text.resultsHeading}: ${text.resultsSummary(shown.length - failed, failed)}`,
    });
    return true;
  }

  /** Takes the next secret out of the hand-off queue. */
  takeNextSecret(): PendingHandoff | undefined {
    const next = this.#handoffs.shift();
    this.#set({pendingSecrets: this.#handoffs.length});
    return next;
  }

  /** A hand-off was closed: the next secret to hand over, or none, and then the page says all were handed over. */
  secretClosed(): PendingHandoff | undefined {
    if (this.#handoffs.length > 0) return this.takeNextSecret();
    this.#set({announcement: text.secretsDone});
    return undefined;
  }

  /** Back to choosing: no results, no selection, no plan, and the source read again. */
  startOver(): void {
    this.#set({results: undefined, selected: new Set()});
    this.clearPlan();
    void this.loadSource();
  }
}
