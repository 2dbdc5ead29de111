import {localized} from '@lit/localize';
import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {ContextProvider} from '@lit/context';
import {connectionTesterContext, define, describeError} from '@conga-connections/widget';
import type {CongaConfirmDialog} from '@conga-connections/widget/confirm-dialog';
import '@conga-connections/widget/confirm-dialog';
import type {CongaSecretReveal} from '@conga-connections/widget/secret-reveal';
import '@conga-connections/widget/secret-reveal';
import {SettingsController} from '../shell/settings-controller.js';
import type {Settings} from '../storage.js';
import {renderConnections} from './connections-view.js';
import {renderConfirmBody, renderPlan} from './plan-view.js';
import {PromoteController, type PendingHandoff, type PromoteServices, type Side} from './promote-controller.js';
import styles from './promote-page.styles.js';
import {renderResults} from './results-view.js';
import {renderTenantSide} from './tenant-view.js';
import {promoteText as text} from './text.js';

export type {DisposableSession, PromoteServices} from './promote-controller.js';

/**
 * @summary The extension's Promote page: copies selected connections' settings from one tenant to another, with a
 * dry run first (create, update with field differences, no change, invalid for the target), one confirmation, the
 * writes with progress and per-connection results, and the one-time hand-off of each new or regenerated secret.
 * @csspart base - The page's main element.
 */
@localized()
export class CongaExtensionPromote extends LitElement {
  static override styles = styles;

  /** The page's services. */
  @property({attribute: false}) services: PromoteServices | undefined;

  /** Provides the target tenant's tester to the secret hand-off, which sits in this page without the tab's root. */
  readonly #tester = new ContextProvider(this, {context: connectionTesterContext});
  /** The tenants, the selection, the dry run, the apply and the secrets waiting (a controller: it requests updates). */
  protected readonly promotion = new PromoteController(this, {
    services: () => this.services,
    testerChanged: (tester) => {
      this.#tester.setValue(tester);
    },
    describeError,
  });
  /** Follows the settings while the page is connected (a controller: it registers itself with the element). */
  protected readonly settingsFollower = new SettingsController(this, {
    services: () => this.services,
    use: (settings) => {
      this.promotion.useSettings(settings);
    },
    failed: (error) => {
      this.promotion.settingsFailed(error);
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.handlePageHide);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.handlePageHide);
  }

  private readonly handlePageHide = (): void => {
    // Closing the page drops every secret that is still waiting (the reveal drops its own on removal).
    this.promotion.dropSecrets();
  };

  private readonly handleSourceChange = (event: Event): void => {
    this.promotion.chooseFromPage('source', (event.target as HTMLSelectElement).value);
  };

  private readonly handleTargetChange = (event: Event): void => {
    this.promotion.chooseFromPage('target', (event.target as HTMLSelectElement).value);
  };

  private readonly handleSignInSource = (): void => {
    this.promotion.signIn('source');
  };

  private readonly handleSignInTarget = (): void => {
    this.promotion.signIn('target');
  };

  private readonly handleRetrySource = (): void => {
    void this.promotion.loadSource();
  };

  private readonly handleSearch = (event: Event): void => {
    this.promotion.setSearch((event.target as HTMLInputElement).value);
  };

  private readonly handleToggle = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.promotion.toggle(input.value, input.checked);
  };

  private readonly handleToggleShown = (event: Event): void => {
    this.promotion.toggleShown((event.target as HTMLInputElement).checked);
  };

  private readonly handleDryRun = async (): Promise<void> => {
    if (!(await this.promotion.dryRun())) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#plan-heading')?.focus();
  };

  private readonly handleApply = (): void => {
    if (!this.promotion.canApply()) return;
    void this.renderRoot.querySelector<CongaConfirmDialog>('conga-confirm-dialog')?.show();
  };

  private readonly handleConfirmed = async (): Promise<void> => {
    if (!(await this.promotion.apply())) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#results-heading')?.focus();
    this.#reveal(this.promotion.takeNextSecret());
  };

  #reveal(next: PendingHandoff | undefined): void {
    if (!next) return;
    const reveal = this.renderRoot.querySelector<CongaSecretReveal>('conga-secret-reveal');
    void reveal?.show(next);
  }

  private readonly handleSecretClosed = (): void => {
    this.#reveal(this.promotion.secretClosed());
  };

  private readonly handleShowNextSecret = (): void => {
    this.#reveal(this.promotion.takeNextSecret());
  };

  private readonly handleStartOver = (): void => {
    this.promotion.startOver();
  };

  private readonly handleOptions = (): void => {
    this.services?.openOptions();
  };

  override render() {
    const {settings, announcement, problem, plan, connected} = this.promotion.state;
    return html`<main part="base">
      <h1>${text.title}</h1>
      <p class="muted">${text.intro}</p>
      ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
      ${settings ? this.renderBody(settings) : nothing}
      <p class="visually-hidden" role="status">${announcement}</p>
      <conga-confirm-dialog
        heading=${text.confirmHeading(connected.target?.name ?? '')}
        confirm-label=${text.confirmLabel}
        @conga-dialog-confirmed=${this.handleConfirmed}
      >
        ${plan ? renderConfirmBody(plan, connected.target?.name ?? '') : nothing}
      </conga-confirm-dialog>
      <conga-secret-reveal @conga-secret-closed=${this.handleSecretClosed}></conga-secret-reveal>
    </main>`;
  }

  private renderBody(settings: Settings) {
    if (settings.tenants.length < 2) {
      return html`<p>${text.needTwoTenants}</p>
        <button type="button" @click=${this.handleOptions}>${text.openSettings}</button>`;
    }
    const state = this.promotion.state;
    const busy = state.progress !== undefined;
    const same = state.sourceId !== '' && state.sourceId === state.targetId;
    return html`<section class="tenants" aria-label=${text.title}>
        ${this.renderSide('source', settings)} ${this.renderSide('target', settings)}
      </section>
      ${same ? html`<p class="error" role="alert">${text.sameTenant}</p>` : nothing}
      ${renderConnections({
        load: state.sourceLoad,
        sourceName: state.connected.source?.name ?? '',
        shown: this.promotion.visibleConnections(),
        search: state.search,
        selected: state.selected,
        busy,
        planning: state.planning,
        canDryRun: this.promotion.canDryRun(),
        planProblem: state.planProblem,
        onRetry: this.handleRetrySource,
        onSearch: this.handleSearch,
        onToggle: this.handleToggle,
        onToggleShown: this.handleToggleShown,
        onDryRun: this.handleDryRun,
      })}
      ${state.plan ? renderPlan(state.plan, {busy, onApply: this.handleApply}) : nothing}
      ${
        state.results
          ? renderResults({
              results: state.results,
              progress: state.progress,
              pendingSecrets: state.pendingSecrets,
              onShowNextSecret: this.handleShowNextSecret,
              onStartOver: this.handleStartOver,
            })
          : nothing
      }`;
  }

  private renderSide(side: Side, settings: Settings) {
    const state = this.promotion.state;
    const id = side === 'source' ? state.sourceId : state.targetId;
    return renderTenantSide({
      side,
      settings,
      id,
      tenant: this.promotion.tenant(id),
      state: state.authStates[side],
      problem: state.signInProblem[side],
      busy: state.progress !== undefined,
      onChange: side === 'source' ? this.handleSourceChange : this.handleTargetChange,
      onSignIn: side === 'source' ? this.handleSignInSource : this.handleSignInTarget,
    });
  }
}

define('conga-extension-promote', CongaExtensionPromote);

declare global {
  interface HTMLElementTagNameMap {
    'conga-extension-promote': CongaExtensionPromote;
  }
}
