import {localized} from '@lit/localize';
import {css, html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {TENANT_PRESETS, type Settings, type Tenant, type TenantPreset} from '../storage.js';
import {PRESETS, tenantOrigins, validateTenant, type CheckReport, type FieldProblem} from '../tenants.js';
import {text} from '../text.js';

/** What the options page asks of the browser; the element never touches storage or the network itself. */
export interface OptionsServices {
  /** `identity.getRedirectURL()`: what the tenant's UI-to-API connection must list as a Redirect URI. */
  readonly redirectUrl: string;
  readSettings(): Promise<Settings>;
  watchSettings(listener: (settings: Settings) => void): () => void;
  writeSettings(settings: Settings): Promise<void>;
  /** Asks the browser for host permissions; must be called within the click, before anything is awaited. */
  requestOrigins(origins: string[]): Promise<boolean>;
  /** Gives back host permissions no tenant uses any more. */
  releaseOrigins(origins: string[]): Promise<void>;
  check(tenant: Pick<Tenant, 'issuer' | 'apiBaseUrl' | 'clientId'>): Promise<CheckReport>;
  newId(): string;
  copy(value: string): Promise<void>;
  /** Opens the Promote page (copy connections between tenants) in a tab. */
  openPromote(): void;
}

interface Draft {
  id: string | undefined;
  name: string;
  preset: TenantPreset;
  issuer: string;
  apiBaseUrl: string;
  clientId: string;
}

const EMPTY_DRAFT: Draft = {id: undefined, name: '', preset: 'na', issuer: '', apiBaseUrl: '', clientId: ''};

function draftFromPreset(draft: Draft, preset: TenantPreset): Draft {
  const definition = PRESETS[preset];
  if (preset === 'custom') return {...draft, preset};
  return {
    ...draft,
    preset,
    issuer: definition.issuer,
    apiBaseUrl: definition.apiBaseUrl,
    clientId: draft.clientId || (definition.clientId ?? ''),
  };
}

/**
 * @summary The extension's settings: the tenants the admin signs in to (name, region preset or custom issuer and API,
 * Client ID), the redirect URL to register, and a "Check" of a tenant's sign-in service.
 * @csspart base - The wrapper.
 */
@localized()
export class CongaExtensionOptions extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-inline-size: 52rem;
      margin: 0 auto;
      padding: 1rem;
      font-family: system-ui, sans-serif;
      font-size: 0.9375rem;
      color: #1f2328;
    }
    :host([hidden]) {
      display: none;
    }
    h1 {
      font-size: 1.375rem;
    }
    h2 {
      font-size: 1.125rem;
      margin-block-start: 1.5rem;
    }
    .redirect {
      display: flex;
      gap: 0.5rem;
      align-items: center;
    }
    code {
      font-family: ui-monospace, monospace;
      word-break: break-all;
    }
    ul.tenants {
      list-style: none;
      padding: 0;
    }
    ul.tenants li {
      border: 1px solid #d1d9e0;
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
      margin-block-end: 0.5rem;
    }
    .tenant-name {
      font-weight: 600;
    }
    .muted {
      color: #59636e;
    }
    form {
      display: grid;
      gap: 0.75rem;
      border: 1px solid #d1d9e0;
      border-radius: 6px;
      padding: 1rem;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    input,
    select,
    button {
      font: inherit;
      padding: 0.375rem 0.5rem;
      border: 1px solid #d1d9e0;
      border-radius: 6px;
    }
    input[aria-invalid='true'] {
      border-color: #b3261e;
    }
    button {
      background: #f6f8fa;
      cursor: pointer;
    }
    button.primary {
      background: #0a58ca;
      border-color: #0a58ca;
      color: #fff;
    }
    button:focus-visible,
    input:focus-visible,
    select:focus-visible {
      outline: 2px solid #0a58ca;
      outline-offset: 2px;
    }
    .field-error,
    .error {
      color: #b3261e;
      font-weight: 400;
    }
    .hint {
      font-weight: 400;
      color: #59636e;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    .findings li[data-level='ok'] {
      color: #1a7f37;
    }
    .findings li[data-level='warning'] {
      color: #9a6700;
    }
    .findings li[data-level='error'] {
      color: #b3261e;
    }
  `;

  /** The page's services. */
  @property({attribute: false}) services: OptionsServices | undefined;

  @state() private settings: Settings = {tenants: []};
  @state() private draft: Draft = draftFromPreset(EMPTY_DRAFT, 'na');
  @state() private problems: FieldProblem[] = [];
  @state() private report: CheckReport | undefined;
  @state() private checking = false;
  @state() private status = '';
  @state() private alert = '';
  @state() private confirmRemove: string | undefined;

  #unwatch: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch?.();
    this.#unwatch = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('services') && this.services) {
      const services = this.services;
      this.#unwatch?.();
      this.#unwatch = services.watchSettings((settings) => (this.settings = settings));
      services.readSettings().then(
        (settings) => (this.settings = settings),
        (error: unknown) => {
          console.error(error);
          this.alert = text.loadFailed;
        },
      );
    }
  }

  #field(name: keyof Draft, value: string): void {
    this.draft = {...this.draft, [name]: value};
    this.report = undefined;
    if (this.problems.length) this.problems = validateTenant(this.draft);
  }

  private readonly handleInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.#field(input.name as keyof Draft, input.value);
  };

  private readonly handlePreset = (event: Event): void => {
    const preset = (event.target as HTMLSelectElement).value as TenantPreset;
    this.draft = draftFromPreset(this.draft, preset);
    this.report = undefined;
    this.problems = [];
  };

  #trimmed(): Draft {
    const draft = this.draft;
    return {
      ...draft,
      name: draft.name.trim(),
      issuer: draft.issuer.trim().replace(/\/+$/, ''),
      apiBaseUrl: draft.apiBaseUrl.trim().replace(/\/+$/, ''),
      clientId: draft.clientId.trim(),
    };
  }

  private readonly handleCheck = (): void => {
    const services = this.services;
    if (!services || this.checking) return;
    const draft = this.#trimmed();
    const problems = validateTenant(draft).filter((problem) => problem.field !== 'name');
    if (problems.length) {
      this.problems = problems;
      this.alert = text.fixErrors;
      return;
    }
    this.checking = true;
    this.status = text.checking;
    // Asked for at once, within the click: without the origins the extension can't read the discovery document.
    services
      .requestOrigins(tenantOrigins(draft))
      .then(async (granted) => {
        if (!granted) {
          this.report = {ok: false, findings: [{level: 'error', message: text.permissionDenied}]};
          return;
        }
        this.report = await services.check(draft);
      })
      .catch((error: unknown) => {
        console.error(error);
        this.report = {ok: false, findings: [{level: 'error', message: text.permissionDenied}]};
      })
      .finally(() => {
        this.checking = false;
        this.status = this.report?.ok ? text.checkPassed : text.checkFailed;
      });
  };

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const services = this.services;
    if (!services) return;
    const draft = this.#trimmed();
    this.problems = validateTenant(draft);
    if (this.problems.length) {
      this.alert = text.fixErrors;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    // The browser asks for the tenant's origins now, while the click's user activation lasts (B5-01).
    services
      .requestOrigins(tenantOrigins(draft))
      .then(async (granted) => {
        if (!granted) {
          this.alert = text.permissionDenied;
          return;
        }
        const tenant: Tenant = {
          id: draft.id ?? services.newId(),
          name: draft.name,
          preset: draft.preset,
          issuer: draft.issuer,
          apiBaseUrl: draft.apiBaseUrl,
          clientId: draft.clientId,
        };
        const settings = await services.readSettings();
        const exists = settings.tenants.some((item) => item.id === tenant.id);
        const tenants = exists
          ? settings.tenants.map((item) => (item.id === tenant.id ? tenant : item))
          : [...settings.tenants, tenant];
        await services.writeSettings({tenants, activeTenantId: settings.activeTenantId ?? tenant.id});
        this.draft = draftFromPreset(EMPTY_DRAFT, 'na');
        this.report = undefined;
        this.alert = '';
        this.status = text.saved(tenant.name);
      })
      .catch((error: unknown) => {
        console.error(error);
        this.alert = text.permissionDenied;
      });
  };

  private readonly handleEdit = (event: Event): void => {
    const id = (event.currentTarget as HTMLElement).dataset.id;
    const tenant = this.settings.tenants.find((item) => item.id === id);
    if (!tenant) return;
    this.draft = {...tenant};
    this.problems = [];
    this.report = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[name="name"]')?.focus());
  };

  private readonly handleCancel = (): void => {
    this.draft = draftFromPreset(EMPTY_DRAFT, 'na');
    this.problems = [];
    this.report = undefined;
  };

  private readonly handleRemove = (event: Event): void => {
    this.confirmRemove = (event.currentTarget as HTMLElement).dataset.id;
  };

  private readonly handleRemoveCancelled = (): void => {
    this.confirmRemove = undefined;
  };

  private readonly handleRemoveConfirmed = async (): Promise<void> => {
    const services = this.services;
    const id = this.confirmRemove;
    this.confirmRemove = undefined;
    if (!services || !id) return;
    const settings = await services.readSettings();
    const removed = settings.tenants.find((tenant) => tenant.id === id);
    if (!removed) return;
    const tenants = settings.tenants.filter((tenant) => tenant.id !== id);
    // The worker forgets the removed tenant's tokens as soon as it sees the change.
    await services.writeSettings({
      tenants,
      ...(settings.activeTenantId === id ? {} : {activeTenantId: settings.activeTenantId}),
    });
    const stillUsed = new Set(tenants.flatMap(tenantOrigins));
    await services.releaseOrigins(tenantOrigins(removed).filter((origin) => !stillUsed.has(origin)));
    if (this.draft.id === id) this.handleCancel();
    this.status = text.removed(removed.name);
  };

  private readonly handleCopy = (): void => {
    const services = this.services;
    if (!services) return;
    services.copy(services.redirectUrl).then(
      () => (this.status = text.copied),
      () => {
        this.alert = text.copyFailed;
        const url = this.renderRoot.querySelector('#redirect-url');
        if (url) getSelection()?.selectAllChildren(url);
      },
    );
  };

  private readonly handlePromote = (): void => {
    this.services?.openPromote();
  };

  override render() {
    return html`<div part="base">
      <h1>${text.optionsTitle}</h1>
      <section aria-labelledby="redirect-heading">
        <h2 id="redirect-heading">${text.redirectHeading}</h2>
        <p class="muted">${text.redirectHelp}</p>
        <div class="redirect">
          <code class="url" id="redirect-url">${this.services?.redirectUrl ?? ''}</code>
          <button type="button" @click=${this.handleCopy} aria-describedby="redirect-url">${text.copy}</button>
        </div>
      </section>
      <section aria-labelledby="tenants-heading">
        <h2 id="tenants-heading">${text.tenantsHeading}</h2>
        ${this.renderTenants()}
        ${
          this.settings.tenants.length > 1
            ? html`<p>
                <button type="button" @click=${this.handlePromote}>${text.promoteBetweenTenants}</button>
                <span class="muted">${text.promoteHint}</span>
              </p>`
            : nothing
        }
        ${this.renderForm()}
      </section>
      <div role="status" aria-live="polite">${this.status}</div>
      <div role="alert">${this.alert}</div>
    </div>`;
  }

  private renderTenants() {
    const tenants = this.settings.tenants;
    if (!tenants.length) return html`<p class="muted">${text.noTenantsYet}</p>`;
    return html`<ul class="tenants">
      ${tenants.map(
        (tenant) =>
          html`<li data-tenant=${tenant.id}>
            <div>
              <span class="tenant-name">${tenant.name}</span>
              <span class="muted">— ${PRESETS[tenant.preset].label}</span>
            </div>
            <div class="muted">${text.issuer}: <code>${tenant.issuer}</code></div>
            <div class="muted">${text.apiBaseUrl}: <code>${tenant.apiBaseUrl}</code></div>
            <div class="muted">${text.clientId}: <code>${tenant.clientId}</code></div>
            ${
              this.confirmRemove === tenant.id
                ? html`<p role="alert">${text.removeConfirm(tenant.name)}</p>
                    <div class="buttons">
                      <button type="button" class="primary" @click=${this.handleRemoveConfirmed}>${text.remove}</button>
                      <button type="button" @click=${this.handleRemoveCancelled}>${text.cancel}</button>
                    </div>`
                : html`<div class="buttons">
                    <button
                      type="button"
                      data-id=${tenant.id}
                      @click=${this.handleEdit}
                      aria-label=${`${text.edit} ${tenant.name}`}
                    >
                      ${text.edit}
                    </button>
                    <button
                      type="button"
                      data-id=${tenant.id}
                      @click=${this.handleRemove}
                      aria-label=${`${text.remove} ${tenant.name}`}
                    >
                      ${text.remove}
                    </button>
                  </div>`
            }
          </li>`,
      )}
    </ul>`;
  }

  private renderInput(name: 'name' | 'issuer' | 'apiBaseUrl' | 'clientId', label: string, hint?: string) {
    const problem = this.problems.find((item) => item.field === name);
    const type = name === 'issuer' || name === 'apiBaseUrl' ? 'url' : 'text';
    return html`<label
      >${label} ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
      <input
        name=${name}
        type=${type}
        .value=${this.draft[name]}
        @input=${this.handleInput}
        autocomplete="off"
        spellcheck="false"
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${[hint ? `${name}-hint` : '', problem ? `${name}-error` : ''].join(' ').trim()}
      />
      ${problem ? html`<span class="field-error" id=${`${name}-error`}>${problem.message}</span>` : nothing}
    </label>`;
  }

  private renderForm() {
    const draft = this.draft;
    const editing = draft.id !== undefined;
    const preset = PRESETS[draft.preset];
    return html`<form @submit=${this.handleSubmit} novalidate aria-labelledby="form-heading">
      <h2 id="form-heading">${editing ? `${text.edit} ${draft.name}` : text.addTenant}</h2>
      ${this.renderInput('name', text.name)}
      <label
        >${text.region}
        <select name="preset" @change=${this.handlePreset}>
          ${TENANT_PRESETS.map(
            (value) =>
              html`<option value=${value} ?selected=${value === draft.preset}>${PRESETS[value].label}</option>`,
          )}
        </select>
      </label>
      ${this.renderInput('issuer', text.issuer)} ${this.renderInput('apiBaseUrl', text.apiBaseUrl, preset.apiHint)}
      ${this.renderInput('clientId', text.clientId, text.clientIdHelp)}
      ${
        this.report
          ? html`<ul class="findings" aria-label=${text.checkResults}>
              ${this.report.findings.map((finding) => html`<li data-level=${finding.level}>${finding.message}</li>`)}
            </ul>`
          : nothing
      }
      <div class="buttons">
        <button type="button" @click=${this.handleCheck} aria-disabled=${this.checking ? 'true' : 'false'}>
          ${this.checking ? text.checking : text.check}
        </button>
        <button type="submit" class="primary">${editing ? text.saveChanges : text.save}</button>
        ${editing ? html`<button type="button" @click=${this.handleCancel}>${text.cancel}</button>` : nothing}
      </div>
    </form>`;
  }
}

if (!customElements.get('conga-extension-options'))
  customElements.define('conga-extension-options', CongaExtensionOptions);

declare global {
  interface HTMLElementTagNameMap {
    'conga-extension-options': CongaExtensionOptions;
  }
}
