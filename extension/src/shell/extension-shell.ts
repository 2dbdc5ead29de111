import {localized} from '@lit/localize';
import {css, html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {ApiClient} from '@conga-connections/api-client';
// Importing the widget defines <conga-api-connections> and its children.
import {define} from '@conga-connections/widget';
import type {ConnectionTester, RequestFormEvent} from '@conga-connections/widget';
import type {Surface} from '../pages.js';
import type {RuntimeAuthSession} from '../runtime-session.js';
import type {Settings, Tenant} from '../storage.js';
import {text} from '../text.js';
import type {ActivePage, ShellServices} from './services.js';
import {SettingsController} from './settings-controller.js';

/** Where the shell is shown: the toolbar popup, or one of the panel page's surfaces. */
export type ShellSurface = 'popup' | Surface;

/**
 * @summary The extension's frame around `<conga-api-connections>`: a tenant switcher, the tab for the chosen tenant
 * (signed in through the background worker), and, in the popup, the ways to the side panel, a tab and the in-page
 * drawer.
 * @csspart base - The wrapper.
 */
@localized()
export class CongaExtensionShell extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--conga-font-family, system-ui, sans-serif);
      font-size: var(--conga-font-size, 0.875rem);
      color: var(--conga-color-text, #1f2328);
    }
    :host([hidden]) {
      display: none;
    }
    :host([surface='popup']) {
      inline-size: 420px;
      max-block-size: 580px;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem;
      border-block-end: 1px solid var(--conga-color-border, #d1d9e0);
    }
    .bar label {
      display: flex;
      align-items: center;
      gap: 0.25rem;
    }
    .spacer {
      flex: 1;
    }
    button,
    select {
      font: inherit;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--conga-color-border, #d1d9e0);
      border-radius: var(--conga-radius, 6px);
      background: var(--conga-color-surface-raised, #f6f8fa);
      color: inherit;
    }
    button:focus-visible,
    select:focus-visible {
      outline: 2px solid var(--conga-color-focus, #0a58ca);
      outline-offset: 2px;
    }
    .empty,
    .note {
      padding: 0.5rem;
    }
    .note {
      margin: 0;
      color: var(--conga-color-text-muted, #59636e);
    }
    .error {
      color: var(--conga-color-danger, #b3261e);
    }
    conga-api-connections {
      padding: 0 0.5rem 0.5rem;
    }
  `;

  /** Where the shell is shown; the popup gets the compact layout and the hand-off buttons. */
  @property({reflect: true}) surface: ShellSurface = 'side-panel';
  /** The page's services. */
  @property({attribute: false}) services: ShellServices | undefined;

  @state() private settings: Settings | undefined;
  @state() private session: RuntimeAuthSession | undefined;
  @state() private apiClient: ApiClient | undefined;
  @state() private tester: ConnectionTester | undefined;
  @state() private page: ActivePage | undefined;
  @state() private problem = '';

  /** Follows the settings while the page is connected (a controller: it registers itself with the element). */
  protected readonly settingsFollower = new SettingsController(this, {
    services: () => this.services,
    use: (settings) => {
      this.#useSettings(settings);
    },
    failed: (error) => {
      console.error(error);
      this.problem = text.loadFailed;
    },
  });
  /** The tenant the current session belongs to; a newer choice discards a session still being opened. */
  #sessionTenant: Tenant | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session?.dispose();
    this.session = undefined;
    this.#sessionTenant = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The settings themselves are followed by settingsFollower; the popup also asks which page it was opened on.
    const services = this.services;
    if (changed.has('services') && services && this.surface === 'popup') {
      services.activePage().then(
        (page) => (this.page = page),
        () => undefined,
      );
    }
  }

  #activeTenant(settings: Settings): Tenant | undefined {
    return settings.tenants.find((tenant) => tenant.id === settings.activeTenantId) ?? settings.tenants[0];
  }

  #useSettings(settings: Settings): void {
    this.settings = settings;
    const tenant = this.#activeTenant(settings);
    const current = this.#sessionTenant;
    if (
      tenant?.id === current?.id &&
      tenant?.issuer === current?.issuer &&
      tenant?.clientId === current?.clientId &&
      tenant?.apiBaseUrl === current?.apiBaseUrl
    ) {
      return;
    }
    this.session?.dispose();
    this.session = undefined;
    this.apiClient = undefined;
    this.tester = undefined;
    this.#sessionTenant = tenant;
    if (tenant && this.services) void this.#openSession(this.services, tenant);
  }

  async #openSession(services: ShellServices, tenant: Tenant): Promise<void> {
    try {
      const session = await services.openSession(tenant);
      if (this.#sessionTenant !== tenant) {
        session.dispose();
        return;
      }
      this.session = session;
      this.apiClient = services.createApiClient(tenant, session);
      this.tester = services.createConnectionTester(tenant);
      this.problem = '';
    } catch (error) {
      console.error(error);
      if (this.#sessionTenant === tenant) this.problem = error instanceof Error ? error.message : text.loadFailed;
    }
  }

  private readonly handleTenantChange = (event: Event): void => {
    const tenantId = (event.target as HTMLSelectElement).value;
    void this.services?.setActiveTenant(tenantId);
  };

  private readonly handleOptions = (): void => {
    this.services?.openOptions();
    if (this.surface === 'popup') this.services?.close();
  };

  private readonly handleSidePanel = (): void => {
    if (this.services?.openSidePanel() && this.surface === 'popup') this.services.close();
  };

  private readonly handleTab = (): void => {
    this.services?.openTab();
    if (this.surface === 'popup') this.services?.close();
  };

  private readonly handlePromote = (): void => {
    this.services?.openPromote();
    if (this.surface === 'popup') this.services?.close();
  };

  private readonly handleShowInPage = (): void => {
    const page = this.page;
    if (!page || !this.services) return;
    // Called at once: the permission prompt needs the click's user activation.
    this.services.showInPage(page).then(
      (shown) => {
        if (shown) this.services?.close();
        else this.problem = text.pageNotAllowed;
      },
      (error: unknown) => {
        console.error(error);
        this.problem = text.pageNotAllowed;
      },
    );
  };

  /** In the popup, the add and edit forms open in the side panel instead (C4-04). */
  /**
   * The popup hands add and edit over to the side panel: their save can show a Client Secret, and the action popup
   * closes as soon as it loses focus (C4-04). The list asks first with a cancelable `conga-request-form`.
   */
  private readonly handleRequestForm = (event: RequestFormEvent): void => {
    if (this.surface !== 'popup') return;
    event.preventDefault();
    this.handleSidePanel();
  };

  override render() {
    const settings = this.settings;
    const popup = this.surface === 'popup';
    return html`<div part="base">
      <div class="bar">
        ${settings && settings.tenants.length > 0 ? this.renderTenantSwitcher(settings) : nothing}
        <span class="spacer"></span>
        ${
          popup
            ? html`${
                  this.page
                    ? html`<button @click=${this.handleShowInPage} title=${text.showInPageHint}>
                        ${text.showInPage}
                      </button>`
                    : nothing
                }
                <button @click=${this.handleSidePanel}>${text.openSidePanel}</button>
                <button @click=${this.handleTab}>${text.openTab}</button>`
            : nothing
        }
        ${
          settings && settings.tenants.length > 1
            ? html`<button @click=${this.handlePromote} title=${text.promoteHint}>${text.promote}</button>`
            : nothing
        }
        <button @click=${this.handleOptions}>${text.openSettings}</button>
      </div>
      ${this.problem ? html`<p class="note error" role="alert">${this.problem}</p>` : nothing}
      ${this.renderBody(settings, popup)}
    </div>`;
  }

  private renderTenantSwitcher(settings: Settings) {
    const active = this.#activeTenant(settings);
    return html`<label
      >${text.tenant}
      <select @change=${this.handleTenantChange}>
        ${settings.tenants.map(
          (tenant) => html`<option value=${tenant.id} ?selected=${tenant.id === active?.id}>${tenant.name}</option>`,
        )}
      </select></label
    >`;
  }

  private renderBody(settings: Settings | undefined, popup: boolean) {
    if (!settings) return nothing;
    if (settings.tenants.length === 0) {
      return html`<div class="empty">
        <p>${text.noTenants}</p>
        <button @click=${this.handleOptions}>${text.addTenant}</button>
      </div>`;
    }
    if (!this.session) return nothing;
    return html`${popup ? html`<p class="note">${text.handOff}</p>` : nothing}
      <conga-api-connections
        .session=${this.session}
        .apiClient=${this.apiClient}
        .connectionTester=${this.tester}
        .historyStore=${this.services?.historyStore}
        page-size=${popup ? 10 : 50}
        ?url-state=${this.surface === 'side-panel' || this.surface === 'tab'}
        @conga-request-form=${this.handleRequestForm}
      ></conga-api-connections>`;
  }

  /** Capturing, so it runs before the buttons inside the tab (Enter and Space on a button arrive as clicks too). */
}

define('conga-extension-shell', CongaExtensionShell);

declare global {
  interface HTMLElementTagNameMap {
    'conga-extension-shell': CongaExtensionShell;
  }
}
