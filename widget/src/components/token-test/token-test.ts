import {html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {TokenTestResult, TokenTestSuccess} from '@conga-connections/auth';
import {configContext, connectionTesterContext} from '../../context.js';
import type {ConnectionTester, WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import shared from '../../styles/shared.js';
import {announceThroughRoot, rootOf} from '../connection-tools/announce.js';
import {createHostConnectionTester} from '../connection-tools/host-tester.js';
import {quickstartsFor, tenantEndpoints} from '../connection-tools/quickstarts.js';
import {renderGrant, renderToken} from '../connection-tools/token-view.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import styles from './token-test.styles.js';

/** Where Copy writes; the same shape as the hand-off's. */
interface ClipboardWriter {
  writeText(text: string): Promise<void>;
}

type Outcome =
  | {kind: 'running'}
  | {kind: 'success'; result: TokenTestSuccess; answeredAt: number}
  | {kind: 'command'; command: string}
  | {kind: 'problem'; message: string};

/**
 * @summary "Get a token now" for an API-to-API connection: one `client_credentials` request with its Client ID and
 * secret, showing the decoded claims (or that the token is opaque), the granted scopes and the expiry. The secret is
 * the hand-off's (`clientSecret`) or pasted into a password field; it is used for that one request, never stored,
 * logged or put in a URL, and the field is cleared after use and when the element goes away. Where the browser blocks
 * the page's request (the normal case: API-to-API connections have no Cors Origins), it shows the curl command to run
 * instead, which reads the secret from `$CONGA_CLIENT_SECRET`.
 *
 * @csspart base - The section.
 * @csspart secret-input - The password field (when no `clientSecret` is given).
 * @csspart token-button - The "Get a token now" button.
 * @csspart outcome - The result, the command or the problem.
 * @csspart copy-button - The command's Copy button.
 */
export class CongaTokenTest extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The connection's Client ID. */
  @property({attribute: false}) clientId = '';
  /** The secret on screen in the one-time hand-off; when unset, the admin pastes it. Never reflected or kept. */
  @property({attribute: false}) clientSecret: string | undefined;
  /** The scopes to ask for (the connection's Allowed Scopes); none: the connection's default scopes. */
  @property({attribute: false}) scopes: readonly string[] = [];
  /** Where Copy writes; `navigator.clipboard` when unset. */
  @property({attribute: false}) clipboard: ClipboardWriter | undefined;

  @consume({context: configContext, subscribe: true}) @state() private config?: WidgetConfig;
  @consume({context: connectionTesterContext, subscribe: true}) @state() private providedTester?: ConnectionTester;

  @state() private outcome: Outcome | undefined;
  @state() private statusMessage = '';
  @state() private secretMissing = false;

  private get secretInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#token-secret');
  }

  #hostTester: {issuer: string; tester: ConnectionTester} | undefined;
  #run = 0;

  /** Forgets the pasted secret and the last result (the form calls it when it closes). */
  reset(): void {
    this.#run++;
    this.outcome = undefined;
    this.statusMessage = '';
    this.secretMissing = false;
    this.#clearSecretField();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('clientId') && changed.get('clientId') !== undefined) this.reset();
  }

  #clearSecretField(): void {
    // The pasted secret lives only in the field's own value (never in this element's state): emptied here.
    const input = this.secretInput;
    if (input) input.value = '';
  }

  #issuer(): string {
    const endpoints = tenantEndpoints(this.config ?? {issuer: '', apiBaseUrl: ''});
    return endpoints.known ? endpoints.issuer : '';
  }

  #tester(): ConnectionTester | undefined {
    if (this.providedTester) return this.providedTester;
    const issuer = this.#issuer();
    if (issuer === '') return undefined;
    if (this.#hostTester?.issuer !== issuer) {
      // A host page needs no redirect URI for client_credentials.
      this.#hostTester = {issuer, tester: createHostConnectionTester({issuer, redirectUri: ''})};
    }
    return this.#hostTester.tester;
  }

  /** The curl request of the Quickstarts, prefilled with this tenant's token endpoint and the Client ID. */
  #command(): string {
    const endpoints = tenantEndpoints(this.config ?? {issuer: '', apiBaseUrl: ''});
    const [curl] = quickstartsFor({
      connection: {ClientId: this.clientId, RedirectURI: [], AllowedScopes: [...this.scopes]},
      type: 'APItoAPI',
      endpoints,
      apiBaseUrl: this.config?.apiBaseUrl ?? '',
    });
    return curl?.text ?? '';
  }

  async #announce(message: string, politeness: 'status' | 'alert' = 'status'): Promise<void> {
    if (announceThroughRoot(this, message, politeness)) return;
    this.statusMessage = '';
    await this.updateComplete;
    this.statusMessage = message;
  }

  private readonly handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#request();
  };

  async #request(): Promise<void> {
    if (this.outcome?.kind === 'running') return;
    const tester = this.#tester();
    const secret = this.clientSecret ?? this.secretInput?.value ?? '';
    // Cleared as soon as it is read: after this click nothing on the page holds the pasted secret (B4-02).
    this.#clearSecretField();
    if (secret === '') {
      this.secretMissing = true;
      await this.updateComplete;
      this.secretInput?.focus();
      return;
    }
    this.secretMissing = false;
    if (!tester) {
      this.outcome = {kind: 'problem', message: messages.tokenNoIssuer};
      return;
    }
    const run = ++this.#run;
    this.outcome = {kind: 'running'};
    void this.#announce(messages.tokenRunning);
    let result: TokenTestResult;
    try {
      const scope = this.scopes.join(' ');
      result = await tester.getToken({clientId: this.clientId, clientSecret: secret, ...(scope ? {scope} : {})});
    } catch (error) {
      // Never the secret: the error is the tester's (a messaging or loading failure), not the request's body.
      console.error(error);
      if (run !== this.#run) return;
      this.outcome = {kind: 'problem', message: messages.tokenFailed};
      void this.#announce(messages.tokenFailed, 'alert');
      return;
    }
    if (run !== this.#run) return;
    this.#show(result);
  }

  #show(result: TokenTestResult): void {
    if (result.ok) {
      this.outcome = {kind: 'success', result, answeredAt: Date.now()};
      void this.#announce(messages.tokenSuccess);
      return;
    }
    if (result.blocked === true) {
      this.outcome = {kind: 'command', command: this.#command()};
      void this.#announce(messages.tokenBlocked);
      return;
    }
    let message: string;
    switch (result.error) {
      case undefined:
        message =
          result.code === 'AUTH_DISCOVERY_FAILED' || result.code === 'AUTH_NETWORK_ERROR'
            ? messages.tokenUnreachable(this.#issuer())
            : messages.tokenFailed;
        break;
      case 'invalid_client':
        message = messages.tokenInvalidClient;
        break;
      case 'invalid_scope':
        message = messages.tokenInvalidScope;
        break;
      case 'unauthorized_client':
        message = messages.tokenUnauthorizedClient;
        break;
      default:
        message = messages.tokenError(result.error);
    }
    this.outcome = {kind: 'problem', message};
    void this.#announce(message, 'alert');
  }

  async #copy(text: string): Promise<void> {
    const clipboard = this.clipboard ?? ('clipboard' in navigator ? navigator.clipboard : undefined);
    try {
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(text);
      await this.#announce(messages.toolsCopied);
    } catch {
      await this.#announce(messages.toolsCopyFailed, 'alert');
    }
  }

  override render() {
    // Outside <conga-api-connections> (a page that shows the hand-off alone) there is no tenant to ask: no offer.
    if (!this.providedTester && !this.config) return nothing;
    const running = this.outcome?.kind === 'running';
    const pasting = this.clientSecret === undefined;
    return html`<section part="base" aria-labelledby="token-title">
      <h3 id="token-title">${messages.tokenTitle}</h3>
      <p class="muted" id="token-intro">${pasting ? messages.tokenIntroPaste : messages.tokenIntroHandoff}</p>
      <form @submit=${this.handleSubmit}>
        ${
          pasting
            ? html`<label for="token-secret">${messages.tokenSecretLabel}</label>
                <div class="row">
                  <input
                    id="token-secret"
                    part="secret-input"
                    type="password"
                    autocomplete="off"
                    spellcheck="false"
                    autocapitalize="off"
                    aria-invalid=${this.secretMissing ? 'true' : 'false'}
                    aria-describedby=${this.secretMissing ? 'token-intro token-secret-error' : 'token-intro'}
                  />
                  ${this.renderButton(running)}
                </div>
                ${
                  this.secretMissing
                    ? html`<p id="token-secret-error" class="problem">${messages.tokenSecretRequired}</p>`
                    : nothing
                }`
            : this.renderButton(running)
        }
      </form>
      <div part="outcome" class="outcome" aria-busy=${running ? 'true' : 'false'}>${this.renderOutcome()}</div>
      ${rootOf(this) ? nothing : html`<p class="visually-hidden" role="status">${this.statusMessage}</p>`}
    </section>`;
  }

  private renderButton(running: boolean) {
    return html`<button part="token-button" type="submit" aria-disabled=${running ? 'true' : 'false'}>
      ${messages.tokenButton}
    </button>`;
  }

  private renderOutcome() {
    const outcome = this.outcome;
    switch (outcome?.kind) {
      case undefined:
        return nothing;
      case 'running':
        return html`<p class="muted">${messages.tokenRunning}</p>`;
      case 'problem':
        return html`<p class="problem">${outcome.message}</p>`;
      case 'command':
        return html`<p>${messages.tokenBlocked}</p>
          <h4 id="token-command-title">${messages.tokenCommandTitle}</h4>
          <pre aria-labelledby="token-command-title"><code>${outcome.command}</code></pre>
          <button part="copy-button" type="button" @click=${() => void this.#copy(outcome.command)}>
            ${messages.toolsCopy}<span class="visually-hidden"> ${messages.tokenCommandTitle}</span>
          </button>`;
      case 'success': {
        const {result, answeredAt} = outcome;
        return html`<p class="success">${messages.tokenSuccess}</p>
          ${renderGrant(result.scopes, result.expiresIn, answeredAt)}
          ${renderToken('token-access-title', messages.tokenAccessTitle, result.accessToken, '')}
          <p class="muted">${messages.testDiscarded}</p>`;
      }
    }
  }
}

define('conga-token-test', CongaTokenTest);

declare global {
  interface HTMLElementTagNameMap {
    'conga-token-test': CongaTokenTest;
  }
}
