import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import {toConnectionType} from '@conga-connections/api-client';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {matchRedirectUri} from '@conga-connections/validation';
import type {RedirectUriMatch} from '@conga-connections/validation';
import {configContext} from '../../context.js';
import type {WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {toolsMessages as messages} from './tools-messages.js';
import {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import shared from '../../styles/shared.js';
import {systemClipboard} from '../../clipboard.js';
import type {ClipboardWriter} from '../../clipboard.js';
import '../sign-in-test/sign-in-test.js';
import type {CongaSignInTest} from '../sign-in-test/sign-in-test.js';
import '../token-test/token-test.js';
import type {CongaTokenTest} from '../token-test/token-test.js';
import {announceThroughRoot, rootOf} from './announce.js';
import {quickstartsFor, salesforceFields, tenantEndpoints} from './quickstarts.js';
import type {QuickstartInput} from './quickstarts.js';
import styles from './connection-tools.styles.js';

/**
 * @summary Tools for one saved connection, in a collapsed "Tools" section of its edit view: "Test sign-in" (UI-to-API)
 * or "Get a token now" (API-to-API, with a pasted secret), "Check a redirect URI"
 * (UI-to-API: does what an app sends match a registered redirect URI exactly, and if not, which one is closest and
 * how it differs) and "Quickstarts for this connection" (curl, Node and Salesforce Auth. Provider settings for
 * API-to-API; a browser single-page-app configuration for UI-to-API), prefilled with the Client ID and the tenant's
 * endpoints, with Copy buttons. Never shows a secret: snippets read it from `$CONGA_CLIENT_SECRET`.
 *
 * @example
 * <conga-connection-tools .connection=${loaded}></conga-connection-tools>  <!-- inside <conga-api-connections> -->
 *
 * @event conga-request-add-value - Cancelable, internal (not composed): "Test sign-in" asks the form to add a value
 * to Redirect URIs or Cors Origins; the form cancels it when it took the value.
 * @csspart base - The `<details>` wrapper.
 * @csspart redirect-check - The "Check a redirect URI" section.
 * @csspart check-result - The result of a check.
 * @csspart quickstarts - The quickstarts section.
 * @csspart copy-button - Each Copy button.
 * @cssproperty --conga-color-danger - The text of a redirect URI that doesn't match.
 */
@localized()
export class CongaConnectionTools extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The saved connection (as loaded, never with a secret). */
  @property({attribute: false}) connection: ApiConnectionResponse | undefined;
  /** Where Copy writes; `navigator.clipboard` when unset. */
  @property({attribute: false}) clipboard: ClipboardWriter | undefined;

  @consume({context: configContext, subscribe: true}) @state() private config?: WidgetConfig;

  @state() private candidate = '';
  @state() private checked: RedirectUriMatch | undefined;
  @state() private statusMessage = '';

  private get signInTest(): CongaSignInTest | null {
    return this.renderRoot.querySelector<CongaSignInTest>('conga-sign-in-test');
  }
  private get tokenTest(): CongaTokenTest | null {
    return this.renderRoot.querySelector<CongaTokenTest>('conga-token-test');
  }

  /** Forgets the tests' results and any pasted secret (the form calls it when it closes). */
  reset(): void {
    this.signInTest?.reset();
    this.tokenTest?.reset();
  }

  /** The add-value request of "Test sign-in" stops at this shadow root (it is not composed): passed on to the form. */
  private readonly handleRequestAddValue = (event: RequestAddValueEvent): void => {
    event.stopPropagation();
    const forwarded = new RequestAddValueEvent(event.field, event.value);
    this.dispatchEvent(forwarded);
    if (forwarded.defaultPrevented) event.preventDefault();
  };

  /** Announces through the root's live region; alone (no root), through this element's own. */
  async #announce(message: string, politeness: 'status' | 'alert' = 'status'): Promise<void> {
    if (announceThroughRoot(this, message, politeness)) return;
    this.statusMessage = '';
    await this.updateComplete;
    this.statusMessage = message;
  }

  private readonly handleCandidateInput = (event: Event): void => {
    this.candidate = (event.target as HTMLInputElement).value;
    this.checked = undefined;
  };

  private readonly handleCheck = (event: SubmitEvent): void => {
    event.preventDefault();
    this.checked = matchRedirectUri(this.candidate, this.connection?.RedirectURI ?? []);
  };

  async #copy(text: string): Promise<void> {
    const clipboard = this.clipboard ?? systemClipboard();
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      await this.#announce(messages.toolsCopied);
    } catch {
      await this.#announce(messages.toolsCopyFailed, 'alert');
    }
  }

  #input(connection: ApiConnectionResponse): QuickstartInput {
    const config = this.config ?? {issuer: '', apiBaseUrl: ''};
    return {
      connection,
      type: toConnectionType(connection.APIType) ?? 'APItoAPI',
      endpoints: tenantEndpoints(config),
      apiBaseUrl: config.apiBaseUrl,
    };
  }

  override render() {
    const connection = this.connection;
    if (!connection) return nothing;
    const ui = toConnectionType(connection.APIType) === 'UItoAPI';
    return html`<details part="base">
      <summary>${messages.toolsTitle}</summary>
      ${
        ui
          ? html`<conga-sign-in-test
              .connection=${connection}
              @conga-request-add-value=${this.handleRequestAddValue}
            ></conga-sign-in-test>`
          : html`<conga-token-test
              .clientId=${connection.ClientId ?? ''}
              .scopes=${connection.AllowedScopes}
              .clipboard=${this.clipboard}
            ></conga-token-test>`
      }
      ${ui ? this.renderCheck() : nothing} ${this.renderQuickstarts(connection)}
      ${rootOf(this) ? nothing : html`<p class="visually-hidden" role="status">${this.statusMessage}</p>`}
    </details>`;
  }

  private renderCheck() {
    const result = this.checked;
    let text = '';
    const registered = this.connection?.RedirectURI ?? [];
    if (result?.match) text = messages.toolsCheckMatch;
    else if (result?.far && registered[0] !== undefined) {
      text = messages.toolsCheckNoMatchFar(registered.length, registered[0]);
    } else if (result?.closest !== undefined && result.difference !== undefined) {
      text = messages.toolsCheckNoMatch(result.closest, result.difference);
    } else if (result) text = messages.toolsCheckNoMatchNone;
    return html`<section part="redirect-check" aria-labelledby="check-title">
      <h3 id="check-title">${messages.toolsCheckTitle}</h3>
      <form @submit=${this.handleCheck}>
        <div>
          <label for="redirect-candidate">${messages.toolsCheckLabel}</label>
          <input
            id="redirect-candidate"
            type="text"
            dir="ltr"
            inputmode="url"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            aria-describedby="check-help"
            .value=${this.candidate}
            @input=${this.handleCandidateInput}
          />
        </div>
        <button type="submit">${messages.toolsCheckButton}</button>
      </form>
      <p id="check-help" class="muted">${messages.toolsCheckHelp}</p>
      <div role="status">
        ${
          result
            ? html`<p part="check-result" class=${result.match ? 'result' : 'result mismatch'}>${text}</p>
                <p class="muted">${messages.toolsCheckRule(result.rule)}</p>`
            : nothing
        }
      </div>
    </section>`;
  }

  private renderQuickstarts(connection: ApiConnectionResponse) {
    const input = this.#input(connection);
    const ui = input.type === 'UItoAPI';
    return html`<section part="quickstarts" aria-labelledby="quickstarts-title">
      <h3 id="quickstarts-title">${messages.toolsQuickstartsTitle}</h3>
      <p class="muted">${messages.toolsQuickstartsIntro}</p>
      ${input.endpoints.known ? nothing : html`<p class="muted">${messages.toolsEndpointsUnknown}</p>`}
      ${ui && connection.RedirectURI.length === 0 ? html`<p class="muted">${messages.toolsNoRedirectUri}</p>` : nothing}
      ${quickstartsFor(input).map(
        (quickstart) =>
          html`<h4 id=${`quickstart-${quickstart.id}`}>${quickstart.title}</h4>
            <pre dir="ltr" aria-labelledby=${`quickstart-${quickstart.id}`}><code>${quickstart.text}</code></pre>
            ${this.renderCopy(quickstart.text, quickstart.title)}`,
      )}
      ${ui ? nothing : this.renderSalesforce(input)}
    </section>`;
  }

  private renderSalesforce(input: QuickstartInput) {
    return html`<h4 id="quickstart-salesforce">${messages.toolsSalesforceTitle}</h4>
      <dl aria-labelledby="quickstart-salesforce">
        ${salesforceFields(input).map(
          (field) =>
            html`<div>
              <dt>${field.label}</dt>
              <dd class="value">
                <code>${field.value}</code>${field.copyable ? this.renderCopy(field.value, field.label) : nothing}
              </dd>
            </div>`,
        )}
      </dl>`;
  }

  private renderCopy(text: string, label: string) {
    return html`<button part="copy-button" type="button" @click=${() => void this.#copy(text)}>
      ${messages.toolsCopy}<span class="visually-hidden"> ${label}</span>
    </button>`;
  }
}

define('conga-connection-tools', CongaConnectionTools);

declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-tools': CongaConnectionTools;
  }
}
