import {html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import type {AuthErrorCode, SignInTestResult, SignInTestSuccess} from '@conga-connections/auth';
import {configContext, connectionTesterContext} from '../../context.js';
import type {ConnectionTester, WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import shared from '../../styles/shared.js';
import {announceThroughRoot, rootOf} from '../connection-tools/announce.js';
import {DIAGNOSIS_KINDS, diagnoseSignIn} from '../connection-tools/diagnose.js';
import type {Diagnosis, SignInAttempt} from '../connection-tools/diagnose.js';
import {createHostConnectionTester, TEST_SIGN_IN_TIMEOUT_MS} from '../connection-tools/host-tester.js';
import {tenantEndpoints} from '../connection-tools/quickstarts.js';
import {renderGrant, renderToken} from '../connection-tools/token-view.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import styles from './sign-in-test.styles.js';

/** Where a test stands. */
type Outcome =
  | {kind: 'running'}
  | {kind: 'success'; result: SignInTestSuccess; answeredAt: number}
  | {kind: 'diagnosis'; diagnosis: Diagnosis; note?: string}
  | {kind: 'problem'; message: string};

/** The plain sentence for a test that stopped without the provider naming an error. */
function problemText(code: AuthErrorCode | undefined, issuer: string): string {
  switch (code) {
    case 'AUTH_POPUP_CLOSED':
      return messages.testPopupClosed;
    case 'AUTH_POPUP_BLOCKED':
      return messages.testPopupBlocked;
    case 'AUTH_TIMED_OUT':
      return messages.testTimedOut(Math.round(TEST_SIGN_IN_TIMEOUT_MS / 60_000));
    case 'AUTH_STATE_MISMATCH':
    case 'AUTH_ISSUER_MISMATCH':
    case 'AUTH_UNEXPECTED_RESPONSE':
    case 'AUTH_INTERRUPTED':
      return messages.testVerifyFailed;
    case 'AUTH_DISCOVERY_FAILED':
    case 'AUTH_NETWORK_ERROR':
      return messages.testUnreachable(issuer);
    case 'AUTH_CONFIGURATION_MISMATCH':
      return messages.testConfigMismatch(issuer);
    default:
      return messages.testFailed;
  }
}

/**
 * @summary "Test sign-in" for a saved UI-to-API connection: an authorization-code + PKCE round trip with its Client ID
 * that shows the decoded ID-token and access-token claims and the granted scopes, or a plain-language diagnosis
 * (inactive, redirect URI not registered with the closest one and the difference, scope not allowed, origin missing
 * from Cors Origins) with an offer to add the missing value to the form. What can be known beforehand is checked
 * before any window opens: the provider's own error page, in a cross-origin window, can't be read.
 *
 * @event conga-request-add-value - Cancelable, internal (not composed): add `value` to `field` (Redirect URIs or Cors
 * Origins) of the form; the form cancels it when it took the value.
 * @csspart base - The section.
 * @csspart test-button - The "Test sign-in" button.
 * @csspart outcome - The result or diagnosis.
 * @csspart fix-button - The "Add … to …" button of a diagnosis.
 */
export class CongaSignInTest extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** The saved connection (as loaded, never with a secret). */
  @property({attribute: false}) connection: ApiConnectionResponse | undefined;

  @consume({context: configContext, subscribe: true}) @state() private config?: WidgetConfig;
  @consume({context: connectionTesterContext, subscribe: true}) @state() private providedTester?: ConnectionTester;

  @state() private scope = '';
  @state() private outcome: Outcome | undefined;
  @state() private statusMessage = '';

  /** The host-page tester, made once per configuration when no tester is provided. */
  #hostTester: {key: string; tester: ConnectionTester} | undefined;
  /** Bumped by every new test and by a reset: a late answer of an older test is dropped. */
  #run = 0;

  /** Forgets the last result (the form calls it when it closes). */
  reset(): void {
    this.#run++;
    this.outcome = undefined;
    this.statusMessage = '';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.reset();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connection')) {
      const previous = changed.get('connection');
      if (previous?.ClientId !== this.connection?.ClientId) this.reset();
      this.scope = (this.connection?.AllowedScopes ?? []).join(' ');
    }
  }

  #issuer(): string {
    const endpoints = tenantEndpoints(this.config ?? {issuer: '', apiBaseUrl: ''});
    return endpoints.known ? endpoints.issuer : '';
  }

  /**
   * Why the tester can't run here, if it can't: a page's popup posts its answer only to its own origin (B2-10), so a
   * tester whose requests come from a page must land on that page's origin.
   */
  #blocked(tester: ConnectionTester): string | undefined {
    if (tester.origin === '') return undefined;
    let origin: string;
    try {
      origin = new URL(tester.redirectUri).origin;
    } catch {
      origin = '';
    }
    return origin === tester.origin ? undefined : messages.testRedirectOtherOrigin(tester.redirectUri, tester.origin);
  }

  /** The provided tester, else the host-page one for the current issuer and test redirect URI (or none). */
  #tester(): ConnectionTester | undefined {
    if (this.providedTester) return this.providedTester;
    const issuer = this.#issuer();
    const redirectUri = this.config?.testRedirectUri ?? '';
    if (issuer === '' || redirectUri === '') return undefined;
    const key = `${issuer} ${redirectUri}`;
    if (this.#hostTester?.key !== key) {
      this.#hostTester = {key, tester: createHostConnectionTester({issuer, redirectUri})};
    }
    return this.#hostTester.tester;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Made (and its sign-in code loaded) when the section appears, so the click can open the popup at once.
    void this.updateComplete.then(() => this.#tester());
  }

  async #announce(message: string, politeness: 'status' | 'alert' = 'status'): Promise<void> {
    if (announceThroughRoot(this, message, politeness)) return;
    this.statusMessage = '';
    await this.updateComplete;
    this.statusMessage = message;
  }

  private readonly handleScopeInput = (event: Event): void => {
    this.scope = (event.target as HTMLInputElement).value;
  };

  /** Runs synchronously up to the tester's call, so that a popup opens within this click. */
  private readonly handleTest = (): void => {
    const connection = this.connection;
    const tester = this.#tester();
    if (!connection || !tester || this.#blocked(tester) !== undefined || this.outcome?.kind === 'running') return;
    const run = ++this.#run;
    const scopes = this.scope.split(/\s+/).filter((scope) => scope !== '');
    const attempt: SignInAttempt = {redirectUri: tester.redirectUri, origin: tester.origin, scopes};
    // Known before any window opens: an inactive connection, a redirect URI the provider would refuse (exact
    // matching, RFC 9700 §4.1.3) and scopes outside Allowed Scopes. The provider answers the first two with its own
    // error page, which a cross-origin window can't read; so they are diagnosed here. The origin is not: only the
    // real token request shows whether the browser gets to read the answer.
    const before = diagnoseSignIn({}, connection, {...attempt, origin: ''});
    if (before.kind !== DIAGNOSIS_KINDS.unknown) {
      this.outcome = {kind: 'diagnosis', diagnosis: before};
      void this.#announce(before.message, 'alert');
      return;
    }
    this.outcome = {kind: 'running'};
    void this.#announce(messages.testRunning);
    let pending: Promise<SignInTestResult>;
    try {
      pending = tester.testSignIn({clientId: connection.ClientId ?? '', scope: scopes.join(' ')});
    } catch (error) {
      pending = Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    pending.then(
      (result) => {
        if (run === this.#run) this.#finish(result, connection, attempt);
      },
      (error: unknown) => {
        console.error(error);
        if (run !== this.#run) return;
        this.outcome = {kind: 'problem', message: messages.testFailed};
        void this.#announce(messages.testFailed, 'alert');
      },
    );
  };

  #finish(result: SignInTestResult, connection: ApiConnectionResponse, attempt: SignInAttempt): void {
    if (result.ok) {
      this.outcome = {kind: 'success', result, answeredAt: Date.now()};
      void this.#announce(messages.testSuccess);
      return;
    }
    if (result.error !== undefined || result.tokenRequestBlocked === true) {
      const diagnosis = diagnoseSignIn(
        {error: result.error ?? null, ...(result.tokenRequestBlocked === true ? {tokenRequestBlocked: true} : {})},
        connection,
        attempt,
      );
      this.outcome = {kind: 'diagnosis', diagnosis};
      void this.#announce(diagnosis.message, 'alert');
      return;
    }
    const message = problemText(result.code, this.#issuer());
    this.outcome = {kind: 'problem', message};
    void this.#announce(message, 'alert');
  }

  /**
   * "Add <value> to Redirect URIs" puts the value into the form's field and asks the admin to save, rather than
   * saving at once: the form may hold other unsaved edits, which a save behind the admin's back would either send
   * unreviewed or throw away, and an admin expects a change to the connection to go through the form's own Save
   * (with its validation and conflict checks), as every other change does.
   */
  private readonly handleFix = (): void => {
    const outcome = this.outcome;
    if (outcome?.kind !== 'diagnosis' || !outcome.diagnosis.fix) return;
    const fix = outcome.diagnosis.fix;
    const event = new RequestAddValueEvent(fix.field, fix.value);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      // No form took it (the tools outside the edit form): say where to make the change instead.
      this.outcome = {...outcome, note: messages.testFixElsewhere(fix.value, messages.testFixFields[fix.field])};
    }
  };

  override render() {
    const connection = this.connection;
    if (!connection) return nothing;
    const tester = this.#tester();
    const blocked = tester && this.#blocked(tester);
    const running = this.outcome?.kind === 'running';
    return html`<section part="base" aria-labelledby="test-title">
      <h3 id="test-title">${messages.testTitle}</h3>
      ${
        tester
          ? html`<p class=${blocked ? 'problem' : 'muted'}>${blocked ?? messages.testIntro(tester.redirectUri)}</p>`
          : html`<p class="muted">
              ${this.#issuer() === '' && !this.providedTester ? messages.testNoIssuer : messages.testNoRedirectUri}
            </p>`
      }
      <div>
        <label for="test-scopes">${messages.testScopesLabel}</label>
        <div class="row">
          <input
            id="test-scopes"
            type="text"
            spellcheck="false"
            autocomplete="off"
            autocapitalize="off"
            aria-describedby="test-scopes-help"
            .value=${this.scope}
            @input=${this.handleScopeInput}
          />
          <button
            part="test-button"
            type="button"
            aria-disabled=${running || !tester || blocked ? 'true' : 'false'}
            @click=${this.handleTest}
          >
            ${messages.testButton}
          </button>
        </div>
        <p id="test-scopes-help" class="muted">${messages.testScopesHelp}</p>
      </div>
      <div part="outcome" class="outcome" aria-busy=${running ? 'true' : 'false'}>${this.renderOutcome()}</div>
      ${rootOf(this) ? nothing : html`<p class="visually-hidden" role="status">${this.statusMessage}</p>`}
    </section>`;
  }

  private renderOutcome() {
    const outcome = this.outcome;
    switch (outcome?.kind) {
      case undefined:
        return nothing;
      case 'running':
        return html`<p class="muted">${messages.testRunning}</p>`;
      case 'problem':
        return html`<p class="problem">${outcome.message}</p>`;
      case 'diagnosis': {
        const fix = outcome.diagnosis.fix;
        return html`<p class="problem" data-kind=${outcome.diagnosis.kind}>${outcome.diagnosis.message}</p>
          ${fix ? html`<button part="fix-button" type="button" @click=${this.handleFix}>${fix.label}</button>` : nothing}
          ${outcome.note ? html`<p>${outcome.note}</p>` : nothing}`;
      }
      case 'success': {
        const {result, answeredAt} = outcome;
        return html`<p class="success">${messages.testSuccess}</p>
          ${renderGrant(result.scopes, result.expiresIn, answeredAt)}
          ${renderToken('id-token-title', messages.tokenIdTitle, result.idToken, messages.tokenNoId)}
          ${renderToken('access-token-title', messages.tokenAccessTitle, result.accessToken, '')}
          <p class="muted">${messages.testDiscarded}</p>`;
      }
    }
  }
}

define('conga-sign-in-test', CongaSignInTest);

declare global {
  interface HTMLElementTagNameMap {
    'conga-sign-in-test': CongaSignInTest;
  }
}
