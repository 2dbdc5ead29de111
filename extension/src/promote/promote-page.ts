import {html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {repeat} from 'lit/directives/repeat.js';
import {toConnectionType, type ApiClient, type ApiConnectionResponse} from '@conga-connections/api-client';
import type {AuthSession, AuthState} from '@conga-connections/auth';
import {ContextProvider} from '@lit/context';
import {connectionTesterContext, define, describeError, type ConnectionTester} from '@conga-connections/widget';
import type {CongaConfirmDialog} from '@conga-connections/widget/confirm-dialog';
import '@conga-connections/widget/confirm-dialog';
import type {CongaSecretReveal, SecretHandoff} from '@conga-connections/widget/secret-reveal';
import '@conga-connections/widget/secret-reveal';
import {SettingsController} from '../shell/settings-controller.js';
import type {Settings, Tenant} from '../storage.js';
import {listAllConnections, listAllIntegrations} from './load.js';
import {
  applyPlan,
  keyOf,
  planPromotion,
  writesOf,
  type ApplyResult,
  type FieldValue,
  type PlanItem,
  type PromotionPlan,
} from './plan.js';
import styles from './promote-page.styles.js';
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

type Side = 'source' | 'target';

/** One side's tenant, session and client. */
interface Connected {
  tenant: Tenant;
  session: DisposableSession;
  api: ApiClient;
  unsubscribe: () => void;
}

type SourceLoad =
  | {status: 'idle'}
  | {status: 'loading'}
  | {status: 'ready'; connections: ApiConnectionResponse[]}
  | {status: 'error'; error: unknown};

/** A result as the page keeps it: the secret is taken out into the hand-off queue at once. */
type ShownResult =
  | {item: PlanItem; outcome: 'created' | 'updated'; clientId: string | null}
  | {item: PlanItem; outcome: 'failed'; reason: string};

interface PendingHandoff extends SecretHandoff {
  clientSecret: string;
}

function typeLabel(connection: Pick<ApiConnectionResponse, 'APIType'>): string {
  return text.typeLabel(toConnectionType(connection.APIType));
}

function searchKey(connection: ApiConnectionResponse): string {
  return [connection.ClientName, connection.ExternalIdentifier, typeLabel(connection), connection.APIType]
    .join(' ')
    .toLowerCase();
}

function formatValue(value: FieldValue): string {
  if (value === null) return text.empty;
  if (typeof value === 'string') return value === '' ? text.empty : value;
  return value.length === 0 ? text.empty : value.join(', ');
}

function userName(state: AuthState): string | undefined {
  if (state.status !== 'signed-in') return undefined;
  return state.user.name ?? state.user.email ?? state.user.sub;
}

/**
 * @summary The extension's Promote page: copies selected connections' settings from one tenant to another, with a
 * dry run first (create, update with field differences, no change, invalid for the target), one confirmation, the
 * writes with progress and per-connection results, and the one-time hand-off of each new or regenerated secret.
 * @csspart base - The page's main element.
 */
export class CongaExtensionPromote extends LitElement {
  static override styles = styles;

  /** The page's services. */
  @property({attribute: false}) services: PromoteServices | undefined;

  @state() private settings: Settings | undefined;
  @state() private sourceId = '';
  @state() private targetId = '';
  @state() private source: Connected | undefined;
  @state() private target: Connected | undefined;
  @state() private authStates: Partial<Record<Side, AuthState>> = {};
  @state() private signInProblem: Partial<Record<Side, string>> = {};
  @state() private sourceLoad: SourceLoad = {status: 'idle'};
  @state() private search = '';
  @state() private selected: ReadonlySet<string> = new Set();
  @state() private planning = false;
  @state() private planProblem = '';
  @state() private plan: PromotionPlan | undefined;
  @state() private progress: {done: number; total: number} | undefined;
  @state() private results: ShownResult[] | undefined;
  @state() private pendingSecrets = 0;
  @state() private announcement = '';
  @state() private problem = '';

  /** New and regenerated secrets waiting for their hand-off; never rendered, never stored (B4-02). */
  #handoffs: PendingHandoff[] = [];
  /** Provides the target tenant's tester to the secret hand-off, which sits in this page without the tab's root. */
  readonly #tester = new ContextProvider(this, {context: connectionTesterContext});
  /** Follows the settings while the page is connected (a controller: it registers itself with the element). */
  protected readonly settingsFollower = new SettingsController(this, {
    services: () => this.services,
    use: (settings) => {
      this.#useSettings(settings);
    },
    failed: (error) => {
      console.error(error);
      this.problem = text.settingsFailed;
    },
  });
  #sourceLoad: AbortController | undefined;
  #planAbort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.handlePageHide);
    this.#disconnect('source');
    this.#disconnect('target');
    this.#dropSecrets();
  }

  #useSettings(settings: Settings): void {
    this.settings = settings;
    // A tenant removed (or changed) in the settings meanwhile is let go.
    for (const side of ['source', 'target'] as const) {
      const id = side === 'source' ? this.sourceId : this.targetId;
      const tenant = settings.tenants.find((candidate) => candidate.id === id);
      const current = this[side]?.tenant;
      if (!tenant) {
        if (id !== '') this.#choose(side, '');
      } else if (
        current &&
        (current.issuer !== tenant.issuer ||
          current.apiBaseUrl !== tenant.apiBaseUrl ||
          current.clientId !== tenant.clientId)
      ) {
        this.#choose(side, tenant.id);
      }
    }
  }

  #tenant(id: string): Tenant | undefined {
    return this.settings?.tenants.find((tenant) => tenant.id === id);
  }

  #disconnect(side: Side): void {
    const connected = this[side];
    connected?.unsubscribe();
    connected?.session.dispose();
    this[side] = undefined;
    if (side === 'target') this.#tester.setValue(undefined);
    this.authStates = {...this.authStates, [side]: undefined};
    this.signInProblem = {...this.signInProblem, [side]: undefined};
    if (side === 'source') {
      this.#sourceLoad?.abort();
      this.sourceLoad = {status: 'idle'};
      this.selected = new Set();
    }
  }

  /** Picks a side's tenant: the previous session goes, a new one is opened, and any dry run is out of date. */
  #choose(side: Side, tenantId: string): void {
    if (side === 'source') this.sourceId = tenantId;
    else this.targetId = tenantId;
    this.#disconnect(side);
    this.#clearPlan();
    const tenant = this.#tenant(tenantId);
    if (tenant && this.services) void this.#connect(side, tenant, this.services);
  }

  async #connect(side: Side, tenant: Tenant, services: PromoteServices): Promise<void> {
    try {
      const session = await services.openSession(tenant);
      const chosen = side === 'source' ? this.sourceId : this.targetId;
      if (chosen !== tenant.id || this[side]) {
        session.dispose();
        return;
      }
      const unsubscribe = session.subscribe((state) => {
        this.#useAuthState(side, state);
      });
      this[side] = {tenant, session, api: services.createApiClient(tenant, session), unsubscribe};
      // The hand-off's "Get a token now" tests a new secret where it was issued: the target tenant.
      if (side === 'target') this.#tester.setValue(services.createConnectionTester(tenant));
      this.#useAuthState(side, session.state);
    } catch (error) {
      console.error(error);
      this.signInProblem = {...this.signInProblem, [side]: text.signInFailed(tenant.name)};
    }
  }

  #useAuthState(side: Side, state: AuthState): void {
    const before = this.authStates[side]?.status;
    this.authStates = {...this.authStates, [side]: state};
    if (side === 'source') {
      if (state.status === 'signed-in' && before !== 'signed-in') void this.#loadSource();
      if (state.status !== 'signed-in' && state.status !== 'signing-in') {
        this.#sourceLoad?.abort();
        this.sourceLoad = {status: 'idle'};
      }
    }
    if (state.status !== 'signed-in') this.#clearPlan();
  }

  async #loadSource(): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.#sourceLoad?.abort();
    const controller = new AbortController();
    this.#sourceLoad = controller;
    this.sourceLoad = {status: 'loading'};
    try {
      const connections = await listAllConnections(source.api, controller.signal);
      if (controller.signal.aborted) return;
      this.sourceLoad = {status: 'ready', connections};
      // Keep only selections that still exist.
      const keys = new Set(connections.map((connection) => keyOf(connection)));
      this.selected = new Set([...this.selected].filter((key) => keys.has(key)));
    } catch (error) {
      if (controller.signal.aborted) return;
      this.sourceLoad = {status: 'error', error};
    }
  }

  #clearPlan(): void {
    this.#planAbort?.abort();
    this.planning = false;
    this.plan = undefined;
    this.planProblem = '';
  }

  #dropSecrets(): void {
    this.#handoffs = [];
    this.pendingSecrets = 0;
  }

  #visibleConnections(): ApiConnectionResponse[] {
    if (this.sourceLoad.status !== 'ready') return [];
    const words = this.search.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return this.sourceLoad.connections.filter((connection) => {
      const haystack = searchKey(connection);
      return words.every((word) => haystack.includes(word));
    });
  }

  #canDryRun(): boolean {
    return (
      this.sourceId !== '' &&
      this.targetId !== '' &&
      this.sourceId !== this.targetId &&
      this.authStates.source?.status === 'signed-in' &&
      this.authStates.target?.status === 'signed-in' &&
      this.selected.size > 0 &&
      !this.planning &&
      this.progress === undefined
    );
  }

  private readonly handlePageHide = (): void => {
    // Closing the page drops every secret that is still waiting (the reveal drops its own on removal).
    this.#dropSecrets();
  };

  private readonly handleSourceChange = (event: Event): void => {
    this.#choose('source', (event.target as HTMLSelectElement).value);
    this.results = undefined;
  };

  private readonly handleTargetChange = (event: Event): void => {
    this.#choose('target', (event.target as HTMLSelectElement).value);
    this.results = undefined;
  };

  private readonly handleSignIn = (side: Side): void => {
    const connected = this[side];
    if (!connected) return;
    this.signInProblem = {...this.signInProblem, [side]: undefined};
    connected.session.signIn().catch((error: unknown) => {
      // The auth error's own text is for developers (STYLE §8); the admin gets the tenant and a way forward.
      console.warn(error);
      this.signInProblem = {...this.signInProblem, [side]: text.signInFailed(connected.tenant.name)};
    });
  };

  private readonly handleSignInSource = (): void => {
    this.handleSignIn('source');
  };

  private readonly handleSignInTarget = (): void => {
    this.handleSignIn('target');
  };

  private readonly handleRetrySource = (): void => {
    void this.#loadSource();
  };

  private readonly handleSearch = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
  };

  private readonly handleToggle = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const key = input.value;
    const next = new Set(this.selected);
    if (input.checked) next.add(key);
    else next.delete(key);
    this.selected = next;
    this.#clearPlan();
  };

  private readonly handleToggleShown = (event: Event): void => {
    const checked = (event.target as HTMLInputElement).checked;
    const next = new Set(this.selected);
    for (const connection of this.#visibleConnections()) {
      const key = keyOf(connection);
      if (key === undefined) continue;
      if (checked) next.add(key);
      else next.delete(key);
    }
    this.selected = next;
    this.#clearPlan();
  };

  private readonly handleDryRun = async (): Promise<void> => {
    const target = this.target;
    const source = this.source;
    if (!target || !source || !this.#canDryRun()) return;
    this.#clearPlan();
    this.results = undefined;
    const controller = new AbortController();
    this.#planAbort = controller;
    this.planning = true;
    this.announcement = text.dryRunning;
    const selected = new Set(this.selected);
    try {
      // The source is read again too: the plan copies its settings as they are now, not as the list first showed.
      const [sourceConnections, targetConnections, targetIntegrations] = await Promise.all([
        listAllConnections(source.api, controller.signal),
        listAllConnections(target.api, controller.signal),
        listAllIntegrations(target.api, controller.signal),
      ]);
      if (controller.signal.aborted) return;
      this.sourceLoad = {status: 'ready', connections: sourceConnections};
      const chosen = sourceConnections.filter((connection) => selected.has(keyOf(connection) ?? ''));
      this.plan = planPromotion({source: chosen, target: targetConnections, targetIntegrations});
      this.announcement = `${text.planHeading}: ${text.planSummary(this.plan.counts)}`;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#plan-heading')?.focus();
    } catch (error) {
      if (controller.signal.aborted) return;
      const {title, detail} = describeError(error);
      this.planProblem = `${text.dryRunFailed(source.tenant.name, target.tenant.name)} ${title}${detail ? ` ${detail}` : ''}`;
      this.announcement = '';
    } finally {
      if (this.#planAbort === controller) this.planning = false;
    }
  };

  private readonly handleApply = (): void => {
    if (!this.plan || writesOf(this.plan).length === 0 || this.progress !== undefined) return;
    void this.renderRoot.querySelector<CongaConfirmDialog>('conga-confirm-dialog')?.show();
  };

  private readonly handleConfirmed = async (): Promise<void> => {
    const plan = this.plan;
    const target = this.target;
    // One apply at a time: the plan stays on screen while it runs, but its button is disabled.
    if (!plan || !target || this.progress !== undefined) return;
    const total = writesOf(plan).length;
    this.progress = {done: 0, total};
    this.results = [];
    this.announcement = text.applying(0, total);
    const shown: ShownResult[] = [];
    const take = (result: ApplyResult): ShownResult => {
      if (result.outcome === 'failed') {
        const {title, detail} = describeError(result.error);
        return {item: result.item, outcome: 'failed', reason: detail ? `${title} ${detail}` : title};
      }
      // The secret goes straight into the hand-off queue; the results never hold it.
      if (result.clientSecret) {
        this.#handoffs.push({
          clientId: result.clientId ?? '',
          clientSecret: result.clientSecret,
          reason: result.outcome === 'created' ? 'created' : 'regenerated',
        });
        this.pendingSecrets = this.#handoffs.length;
      }
      return {item: result.item, outcome: result.outcome, clientId: result.clientId};
    };
    await applyPlan(target.api, plan, {
      onResult: (result, done) => {
        shown.push(take(result));
        this.results = [...shown];
        this.progress = {done, total};
        this.announcement = text.applying(done, total);
      },
    });
    const failed = shown.filter((result) => result.outcome === 'failed').length;
    this.progress = undefined;
    this.plan = undefined;
    this.announcement = `${text.resultsHeading}: ${text.resultsSummary(shown.length - failed, failed)}`;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
    this.#showNextSecret();
  };

  #showNextSecret(): void {
    const next = this.#handoffs.shift();
    this.pendingSecrets = this.#handoffs.length;
    if (!next) return;
    const reveal = this.renderRoot.querySelector<CongaSecretReveal>('conga-secret-reveal');
    void reveal?.show(next);
  }

  private readonly handleSecretClosed = (): void => {
    if (this.#handoffs.length > 0) this.#showNextSecret();
    else this.announcement = text.secretsDone;
  };

  private readonly handleShowNextSecret = (): void => {
    this.#showNextSecret();
  };

  private readonly handleStartOver = (): void => {
    this.results = undefined;
    this.selected = new Set();
    this.#clearPlan();
    void this.#loadSource();
  };

  private readonly handleOptions = (): void => {
    this.services?.openOptions();
  };

  override render() {
    const settings = this.settings;
    return html`<main part="base">
      <h1>${text.title}</h1>
      <p class="muted">${text.intro}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${settings ? this.renderBody(settings) : nothing}
      <p class="visually-hidden" role="status">${this.announcement}</p>
      <conga-confirm-dialog
        heading=${text.confirmHeading(this.target?.tenant.name ?? '')}
        confirm-label=${text.confirmLabel}
        @conga-dialog-confirmed=${this.handleConfirmed}
      >
        ${this.plan ? this.renderConfirmBody(this.plan) : nothing}
      </conga-confirm-dialog>
      <conga-secret-reveal @conga-secret-closed=${this.handleSecretClosed}></conga-secret-reveal>
    </main>`;
  }

  private renderBody(settings: Settings) {
    if (settings.tenants.length < 2) {
      return html`<p>${text.needTwoTenants}</p>
        <button type="button" @click=${this.handleOptions}>${text.openSettings}</button>`;
    }
    const same = this.sourceId !== '' && this.sourceId === this.targetId;
    return html`<section class="tenants" aria-label=${text.title}>
        ${this.renderSide('source', settings)} ${this.renderSide('target', settings)}
      </section>
      ${same ? html`<p class="error" role="alert">${text.sameTenant}</p>` : nothing} ${this.renderConnections()}
      ${this.plan ? this.renderPlan(this.plan) : nothing} ${this.results ? this.renderResults(this.results) : nothing}`;
  }

  private renderSide(side: Side, settings: Settings) {
    const id = side === 'source' ? this.sourceId : this.targetId;
    const state = this.authStates[side];
    const tenant = this.#tenant(id);
    const problem = this.signInProblem[side];
    const busy = this.progress !== undefined;
    return html`<div class="tenant">
      <label for=${side}>${side === 'source' ? text.source : text.target}</label>
      <select
        id=${side}
        ?disabled=${busy}
        @change=${side === 'source' ? this.handleSourceChange : this.handleTargetChange}
      >
        <option value="" ?selected=${id === ''}>${text.chooseTenant}</option>
        ${settings.tenants.map(
          (candidate) =>
            html`<option value=${candidate.id} ?selected=${candidate.id === id}>${candidate.name}</option>`,
        )}
      </select>
      ${
        tenant && state
          ? state.status === 'signed-in'
            ? html`<p class="muted">${text.signedInAs(userName(state) ?? '')}</p>`
            : html`<p class="muted">${state.status === 'signing-in' ? text.signingIn : text.notSignedIn}</p>
                <button
                  type="button"
                  ?disabled=${state.status === 'signing-in'}
                  @click=${side === 'source' ? this.handleSignInSource : this.handleSignInTarget}
                >
                  ${text.signIn(tenant.name)}
                </button>`
          : nothing
      }
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
    </div>`;
  }

  private renderConnections() {
    const load = this.sourceLoad;
    if (load.status === 'idle') return nothing;
    if (load.status === 'loading') return html`<p role="status">${text.loadingConnections}</p>`;
    if (load.status === 'error') {
      const {title} = describeError(load.error);
      return html`<div role="alert">
        <p class="error">${text.loadFailed(this.source?.tenant.name ?? '')} ${title}</p>
        <button type="button" @click=${this.handleRetrySource}>${text.retry}</button>
      </div>`;
    }
    const all = load.connections;
    const shown = this.#visibleConnections();
    const shownKeys = shown.map((connection) => keyOf(connection)).filter((key) => key !== undefined);
    const allShownSelected = shownKeys.length > 0 && shownKeys.every((key) => this.selected.has(key));
    const someShownSelected = shownKeys.some((key) => this.selected.has(key));
    const busy = this.progress !== undefined;
    return html`<section aria-labelledby="connections-heading">
      <h2 id="connections-heading">${text.connectionsHeading}</h2>
      ${
        all.length === 0
          ? html`<p>${text.noConnections}</p>`
          : html`<div class="toolbar">
                <label for="search">${text.search}</label>
                <input
                  id="search"
                  type="search"
                  placeholder=${text.searchHint}
                  .value=${this.search}
                  @input=${this.handleSearch}
                />
                <p class="muted" aria-live="polite">${text.selectedCount(this.selected.size, all.length)}</p>
              </div>
              <table>
                <caption class="visually-hidden">
                  ${text.connectionsHeading}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label=${text.selectAllShown}
                        .checked=${allShownSelected}
                        .indeterminate=${someShownSelected && !allShownSelected}
                        ?disabled=${busy || shownKeys.length === 0}
                        @change=${this.handleToggleShown}
                      />
                    </th>
                    <th scope="col">${text.columnName}</th>
                    <th scope="col">${text.columnIdentifier}</th>
                    <th scope="col">${text.columnType}</th>
                    <th scope="col">${text.columnStatus}</th>
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    shown,
                    (connection) => keyOf(connection) ?? connection.ClientId,
                    (connection) => this.renderConnectionRow(connection, busy),
                  )}
                </tbody>
              </table>
              ${shown.length === 0 ? html`<p>${text.noMatches}</p>` : nothing}`
      }
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!this.#canDryRun()} @click=${this.handleDryRun}>
          ${this.planning ? text.dryRunning : text.dryRun}
        </button>
        <span class="muted">${text.dryRunHint}</span>
      </div>
      ${this.planProblem ? html`<p class="error" role="alert">${this.planProblem}</p>` : nothing}
    </section>`;
  }

  private renderConnectionRow(connection: ApiConnectionResponse, busy: boolean) {
    const key = keyOf(connection);
    const name = connection.ClientName ?? '';
    const label = `${name} (${typeLabel(connection)}, ${connection.ExternalIdentifier ?? ''})`;
    return html`<tr>
      <td>
        <input
          type="checkbox"
          value=${key ?? ''}
          aria-label=${label}
          .checked=${key !== undefined && this.selected.has(key)}
          ?disabled=${busy || key === undefined}
          @change=${this.handleToggle}
        />
      </td>
      <td><bdi>${name}</bdi></td>
      <td class="mono">${connection.ExternalIdentifier}</td>
      <td>${typeLabel(connection)}</td>
      <td>${connection.IsActive ? text.active : text.inactive}</td>
    </tr>`;
  }

  private renderPlan(plan: PromotionPlan) {
    const writes = writesOf(plan).length;
    return html`<section aria-labelledby="plan-heading">
      <h2 id="plan-heading" tabindex="-1">${text.planHeading}</h2>
      <p>${text.planSummary(plan.counts)}</p>
      <ul class="plan" aria-label=${text.planHeading}>
        ${repeat(
          plan.items,
          (item) => item.key,
          (item) => this.renderPlanItem(item),
        )}
      </ul>
      <div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${writes === 0 || this.progress !== undefined}
          @click=${this.handleApply}
        >
          ${text.apply}
        </button>
        ${writes === 0 ? html`<span class="muted">${text.applyNothing}</span>` : nothing}
      </div>
    </section>`;
  }

  private renderPlanItem(item: PlanItem) {
    const type = text.typeLabel(item.type);
    return html`<li class=${`item ${item.action}`} aria-label=${`${item.name} (${type}, ${item.externalIdentifier})`}>
      <p class="item-heading">
        <strong class="badge">${text.actionLabels[item.action]}</strong>
        <bdi>${item.name}</bdi>
        <span class="muted">${type} · <span class="mono">${item.externalIdentifier}</span></span>
      </p>
      ${
        item.action === 'create'
          ? html`<p>${item.issuesSecret ? text.createsSecret : text.createsClientId}</p>`
          : nothing
      }
      ${
        item.action === 'update'
          ? html`${item.regeneratesSecret ? html`<p class="warning">${text.regenerates}</p>` : nothing}
              <dl class="changes">
                ${item.changes.map(
                  (change) =>
                    html`<dt>${text.change(text.fieldLabels[change.field] ?? change.field)}</dt>
                      <dd>
                        <del>${formatValue(change.from)}</del> <span aria-hidden="true">${text.arrow}</span>
                        <span class="visually-hidden">to</span> <ins>${formatValue(change.to)}</ins>
                      </dd>`,
                )}
              </dl>
              ${item.targetClientId ? html`<p class="muted">${text.keepsClientId(item.targetClientId)}</p>` : nothing}`
          : nothing
      }
      ${
        item.action === 'invalid'
          ? html`<ul class="problems">
              ${item.problems.map((problem) => html`<li class="error">${problem}</li>`)}
            </ul>`
          : nothing
      }
      ${item.notes.map((note) => html`<p class="muted">${note}</p>`)}
    </li>`;
  }

  private renderConfirmBody(plan: PromotionPlan) {
    return html`<p>${text.confirmBody(plan.counts.create, plan.counts.update, this.target?.tenant.name ?? '')}</p>
      <p>${text.confirmSecrets(plan.secretsIssued, plan.secretsRegenerated)}</p>`;
  }

  private renderResults(results: ShownResult[]) {
    const progress = this.progress;
    const failed = results.filter((result) => result.outcome === 'failed').length;
    return html`<section aria-labelledby="results-heading">
      <h2 id="results-heading" tabindex="-1">${text.resultsHeading}</h2>
      ${
        progress
          ? html`<progress aria-label=${text.applyProgress} max=${progress.total} value=${progress.done}></progress>
              <p>${text.applying(progress.done, progress.total)}</p>`
          : html`<p>${text.resultsSummary(results.length - failed, failed)}</p>`
      }
      <ul class="plan" aria-label=${text.resultsHeading}>
        ${results.map((result) => {
          const type = text.typeLabel(result.item.type);
          return html`<li
            class=${`item ${result.outcome}`}
            aria-label=${`${result.item.name} (${type}, ${result.item.externalIdentifier})`}
          >
            <p class="item-heading">
              <bdi>${result.item.name}</bdi>
              <span class="muted">${type} · <span class="mono">${result.item.externalIdentifier}</span></span>
            </p>
            <p class=${result.outcome === 'failed' ? 'error' : ''}>
              ${
                result.outcome === 'failed'
                  ? text.failed(result.reason)
                  : result.outcome === 'created'
                    ? text.created(result.clientId ?? '')
                    : text.updated
              }
            </p>
          </li>`;
        })}
      </ul>
      ${
        this.pendingSecrets > 0
          ? html`<p class="warning">${text.secretsWaiting(this.pendingSecrets)}</p>
              <button type="button" @click=${this.handleShowNextSecret}>${text.showNextSecret}</button>`
          : nothing
      }
      ${
        progress
          ? nothing
          : html`<div class="actions">
              <button type="button" @click=${this.handleStartOver}>${text.startOver}</button>
            </div>`
      }
    </section>`;
  }
}

define('conga-extension-promote', CongaExtensionPromote);

declare global {
  interface HTMLElementTagNameMap {
    'conga-extension-promote': CongaExtensionPromote;
  }
}
