import {html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {provide} from '@lit/context';
import {createApiClient} from '@conga-connections/api-client';
import type {ApiClient} from '@conga-connections/api-client';
import type {AuthSession, AuthState} from '@conga-connections/auth';
import {createAuthSession} from '../../auth-session.js';
import {LocaleController} from '../../controllers/locale-controller.js';
import {
  apiClientContext,
  authSessionContext,
  authStateContext,
  configContext,
  connectionTesterContext,
} from '../../context.js';
import type {ConnectionTester, WidgetConfig} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {AnnounceEvent} from '../../events/announce-event.js';
import {SignedInEvent} from '../../events/signed-in-event.js';
import {SignedOutEvent} from '../../events/signed-out-event.js';
import type {ChangeRecord, HistoryStore} from '../../history/change-history.js';
import type * as HistoryChunk from '../change-history/change-history.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import tokens from '../../styles/tokens.js';
import styles from './api-connections.styles.js';
import '../connection-list/connection-list.js';
import {prefetchFirstPage} from '../connection-list/list-loader.js';
import '../error-state/error-state.js';
import '../sign-in/sign-in.js';

const SIGNED_OUT: AuthState = {status: 'signed-out'};

/** The events whose changes go into the admin's session history. */
const CHANGE_EVENTS = ['conga-connection-created', 'conga-connection-updated', 'conga-connection-status-changed'];

type HistoryModule = typeof HistoryChunk;
let historyModule: Promise<HistoryModule> | undefined;
/**
 * The history's code and its panel are a lazy chunk of their own (issue 18: no longer riding in the form's, which
 * every first Add loads): the main module only knows when to ask for them.
 */
function loadHistory(): Promise<HistoryModule> {
  historyModule ??= import('../change-history/change-history.js');
  return historyModule;
}

/**
 * @summary The Conga API Connections tab: lists an organization's API connections and lets an admin add, edit,
 * deactivate and reactivate them. Signs the admin in itself, or uses the session its host hands it.
 *
 * @example
 * <script type="module" src="conga-api-connections.js"></script>
 * <conga-api-connections api-base-url="https://rls.congacloud.com"
 *   issuer="https://login-rls.congacloud.com/api/v1/auth" client-id="…" redirect-uri="https://portal.example/"></conga-api-connections>
 *
 * @slot - Replaces the built-in list (children consume the same services through context).
 * @slot header-actions - Extra controls in the header, beside the sign-out button.
 * @csspart history-button - The "Your changes" button, which shows the admin's own changes in this session.
 * @event {SignedInEvent} conga-signed-in - The admin signed in (`user`; never a token).
 * @event {SignedOutEvent} conga-signed-out - The admin signed out or the session ended (`reason`).
 * @event {ConnectionCreatedEvent} conga-connection-created - A connection was created (`connection`, without its secret).
 * @event {ConnectionUpdatedEvent} conga-connection-updated - A connection was saved (`connection`, `secretRegenerated`).
 * @event {ConnectionStatusChangedEvent} conga-connection-status-changed - A connection was activated or deactivated.
 * @csspart base - The outer wrapper.
 * @csspart header - The title bar.
 * @csspart sign-out-button - The sign-out button.
 * @csspart notice - The last confirmation (created, saved, deactivated, reactivated, exported), until dismissed.
 * @cssproperty --conga-color-accent - Buttons and links.
 * @cssproperty --conga-color-text - Body text.
 * @cssproperty --conga-color-surface - Background.
 * @cssproperty --conga-font-family - Font.
 * @cssstate signed-in - The admin is signed in.
 */
export class CongaApiConnections extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [tokens, shared, styles];

  /** The platform's API origin, e.g. `https://rls.congacloud.com`. */
  @property({attribute: 'api-base-url'}) apiBaseUrl = '';
  /** The OpenID provider, e.g. `https://login-rls.congacloud.com/api/v1/auth` (built-in sign-in). */
  @property() issuer = '';
  /** The Client ID of the UI-to-API connection this page signs in with (built-in sign-in). */
  @property({attribute: 'client-id'}) clientId = '';
  /** A redirect URI registered on that connection, on this page's origin (built-in sign-in). */
  @property({attribute: 'redirect-uri'}) redirectUri = '';
  /**
   * Where "Test sign-in" of a UI-to-API connection lands: a page on this origin that posts the answer back to its
   * opener (see the README); default `redirect-uri`. The tested connection must list it in its Redirect URIs.
   */
  @property({attribute: 'test-redirect-uri'}) testRedirectUri = '';
  /**
   * A page about the Integration User flow, which the platform recommends instead of an API-to-API connection: the
   * Add API To API Connection view links to it (an `https:` or `http:` URL; no link when unset or anything else).
   */
  @property({attribute: 'integration-user-help-url'}) integrationUserHelpUrl = '';
  /** Scopes to ask for; the auth package's minimal default when empty. */
  @property() scope = '';
  /** `redirect` (default) or `popup` (the page stays as it is). */
  @property({attribute: 'login-mode'}) loginMode: 'redirect' | 'popup' = 'redirect';
  /** Rows per page in the list. */
  @property({type: Number, attribute: 'page-size'}) pageSize = 50;
  /**
   * Keeps the list's search, type and status filters, sort and page in the page's address, so a view can be
   * bookmarked or shared: query parameters `cac-q`, `cac-type`, `cac-status`, `cac-sort` (`-` before the column for
   * descending) and `cac-page`, replaced (never a new history entry) and read on load and on Back/Forward. Off by
   * default, because the host page owns its address; never holds the selection, a secret or a token.
   */
  @property({type: Boolean, attribute: 'url-state'}) urlState = false;
  /** `light` or `dark`; follows `prefers-color-scheme` when absent. */
  @property({reflect: true}) theme: 'light' | 'dark' | undefined;

  /** A session the host hands over (its own `AuthSession`, or the extension's); replaces the built-in sign-in. */
  @property({attribute: false}) session: AuthSession | undefined;
  /** An API client the host hands over; replaces the one built from `api-base-url`. */
  @property({attribute: false}) apiClient: ApiClient | undefined;
  /** Runs "Test sign-in" and "Get a token now" (the extension's worker); a popup on this page when unset. */
  @property({attribute: false}) connectionTester: ConnectionTester | undefined;
  /**
   * Where the admin's own changes of this session are kept (secret-free records, per tenant and admin): the tab's
   * `sessionStorage` when unset. The extension hands over one on `storage.session`.
   */
  @property({attribute: false}) historyStore: HistoryStore | undefined;

  @provide({context: authSessionContext}) @state() private providedSession: AuthSession | undefined;
  @provide({context: apiClientContext}) @state() private providedApiClient: ApiClient | undefined;
  @provide({context: authStateContext}) @state() private authState: AuthState = SIGNED_OUT;
  @provide({context: configContext}) @state() protected config: WidgetConfig = Object.freeze({
    issuer: '',
    apiBaseUrl: '',
    testRedirectUri: '',
    integrationUserHelpUrl: '',
  });
  @provide({context: connectionTesterContext}) @state() protected providedTester: ConnectionTester | undefined;

  /** The language: `lang` here or above, else the browser's (issue 17). */
  readonly #locale = new LocaleController(this);

  @state() private statusMessage = '';
  @state() private alertMessage = '';
  /** The last confirmation, shown on screen until dismissed or replaced (issue 12). */
  @state() private notice = '';
  @state() private configurationProblem = '';
  @state() private historyOpen = false;
  @state() private historyRecords: readonly ChangeRecord[] | undefined;

  #unsubscribe: (() => void) | undefined;
  /** The session this element built itself (built-in PKCE); it owns its disposal. */
  #ownSession: (AuthSession & {dispose?: () => void}) | undefined;
  #ownSessionKey = '';
  #builtOnce = false;
  #internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Custom states are a progressive enhancement (older browsers); nothing else depends on them.
    }
    this.addEventListener(AnnounceEvent.eventName, this.handleAnnounce);
    for (const type of ['keydown', 'keypress', 'keyup']) this.addEventListener(type, this.handleTypingKey);
    // The change events are composed: from the list's and the form's shadow trees (or slotted children) they reach
    // this host, whose listener is the history's one writer.
    for (const type of CHANGE_EVENTS) this.addEventListener(type, this.handleChange);
  }

  /** Whose history: this tenant's and this admin's, or nobody's while no one is signed in. */
  #historyScope() {
    return this.authState.status === 'signed-in' ? {...this.config, user: this.authState.user.sub} : undefined;
  }

  async #showHistory(): Promise<void> {
    const scope = this.#historyScope();
    this.historyRecords = scope ? await (await loadHistory()).listChanges(this.historyStore, scope) : [];
  }

  private readonly handleChange = (event: Event): void => {
    const scope = this.#historyScope();
    if (!scope) return;
    const at = new Date();
    void loadHistory()
      .then((history) => history.recordChange(this.historyStore, scope, event, at))
      .then((recorded) => {
        if (recorded && this.historyOpen) return this.#showHistory();
        return undefined;
      })
      // The history is a convenience: a storage that refuses the write never stands in the way of the change.
      .catch((error: unknown) => {
        console.warn('conga-api-connections: the change was not added to this session’s history', error);
      });
  };

  private readonly handleHistoryToggle = (): void => {
    this.historyOpen = !this.historyOpen;
    if (!this.historyOpen) return;
    this.historyRecords = undefined;
    this.#showHistory().catch(() => {
      this.historyRecords = [];
    });
  };

  private readonly handleHistoryClear = (): void => {
    const scope = this.#historyScope();
    if (!scope) return;
    void loadHistory()
      .then((history) => history.clearChanges(this.historyStore, scope))
      .then(() => {
        this.historyRecords = [];
        this.dispatchEvent(new AnnounceEvent(messages.historyCleared));
      });
  };

  /**
   * Keys typed into the element's own fields stop at its boundary (B6-03). Outside the shadow root they are
   * retargeted to this element, so a host page's single-key shortcuts ("/" to search, "?" for help) couldn't tell
   * typing from a shortcut. Keys on buttons and links still bubble, so host keyboard handling keeps working there.
   */
  private readonly handleTypingKey = (event: Event): void => {
    const origin = event.composedPath()[0];
    if (
      origin instanceof HTMLInputElement ||
      origin instanceof HTMLTextAreaElement ||
      origin instanceof HTMLSelectElement ||
      (origin instanceof HTMLElement && origin.isContentEditable)
    ) {
      event.stopPropagation();
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: subscribe again (C5-01: nothing is left behind while detached).
    if (this.providedSession && !this.#unsubscribe) this.#subscribe(this.providedSession);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = ['session', 'issuer', 'clientId', 'redirectUri', 'scope', 'loginMode', 'apiBaseUrl'].some(
      (key) => changed.has(key as keyof CongaApiConnections),
    );
    if (configChanged) this.#chooseSession();
    if (changed.has('apiClient') || changed.has('apiBaseUrl') || configChanged) this.#chooseApiClient();
    if (
      ['issuer', 'apiBaseUrl', 'redirectUri', 'testRedirectUri', 'integrationUserHelpUrl'].some((key) =>
        changed.has(key as keyof CongaApiConnections),
      )
    ) {
      this.config = Object.freeze({
        issuer: this.issuer,
        apiBaseUrl: this.apiBaseUrl,
        testRedirectUri: this.testRedirectUri || this.redirectUri,
        integrationUserHelpUrl: this.integrationUserHelpUrl,
      });
    }
    this.providedTester = this.connectionTester;
  }

  /** The host's session, or one built from the attributes; never both. */
  #chooseSession(): void {
    if (this.session) {
      this.#dropOwnSession();
      this.#ownSessionKey = '';
      this.#useSession(this.session);
      return;
    }
    // The API origin is part of the key: tokens issued for one API never go to another (B6-05).
    const key = JSON.stringify([
      this.issuer,
      this.clientId,
      this.redirectUri,
      this.scope,
      this.loginMode,
      this.apiBaseUrl,
    ]);
    if (!this.issuer || !this.clientId || !this.redirectUri) {
      this.#dropOwnSession();
      this.#ownSessionKey = '';
      this.#useSession(undefined);
      return;
    }
    if (key === this.#ownSessionKey) return;
    // B6-05: another issuer, client or API means other tokens. The old session is dropped at once (so no request
    // can go out with its token while the new one loads), and the admin signs in again: no silent sign-in.
    this.#dropOwnSession();
    this.#useSession(undefined);
    this.#ownSessionKey = key;
    // Only the first session of this element may resume the provider session silently (a reload, a second tab).
    void this.#buildOwnSession(key, {silent: !this.#builtOnce});
    this.#builtOnce = true;
  }

  async #buildOwnSession(key: string, options: {silent: boolean}): Promise<void> {
    try {
      // The sign-in code (oauth4webapi) is only needed when the element signs in itself: loaded on first use.
      const session = await createAuthSession({
        issuer: this.issuer,
        clientId: this.clientId,
        redirectUri: this.redirectUri,
        loginMode: this.loginMode,
        ...(this.scope ? {scope: this.scope} : {}),
      });
      if (key !== this.#ownSessionKey) {
        session.dispose();
        return;
      }
      this.#ownSession = session;
      this.configurationProblem = '';
      this.#useSession(session);
      // Finish a redirect sign-in that landed on this page, or quietly resume a live provider session.
      const completed = await session.handleRedirectCallback();
      if (options.silent && !completed && session.state.status === 'signed-out') await session.trySilentSignIn();
    } catch (error) {
      this.configurationProblem = error instanceof Error ? error.message : String(error);
      console.error(error);
    }
  }

  #dropOwnSession(): void {
    this.#ownSession?.dispose?.();
    this.#ownSession = undefined;
  }

  #useSession(session: AuthSession | undefined): void {
    if (session === this.providedSession) return;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.providedSession = session;
    if (session) this.#subscribe(session);
    else this.#setAuthState(SIGNED_OUT);
  }

  #subscribe(session: AuthSession): void {
    this.#setAuthState(session.state);
    this.#unsubscribe = session.subscribe((next) => {
      this.#setAuthState(next);
    });
  }

  #setAuthState(next: AuthState): void {
    const previous = this.authState;
    const signedIn = next.status === 'signed-in' && previous.status !== 'signed-in';
    // The built-in list's first page goes out with the token, ahead of the signed-in view's render (issue 18); not
    // when the host's own children replace that list.
    if (signedIn && this.providedApiClient && !this.querySelector(':scope > :not([slot])')) {
      prefetchFirstPage(this.providedApiClient);
    }
    this.authState = next;
    this.#setCustomState('signed-in', next.status === 'signed-in');
    if (next.status !== 'signed-in') this.historyOpen = false;
    if (signedIn) {
      this.dispatchEvent(new SignedInEvent(next.user));
    } else if (next.status === 'signed-out' && previous.status === 'signed-in') {
      this.dispatchEvent(new SignedOutEvent(next.reason));
    }
  }

  #chooseApiClient(): void {
    if (this.apiClient) {
      this.providedApiClient = this.apiClient;
      return;
    }
    const session = this.providedSession ?? this.#ownSession;
    if (!this.apiBaseUrl || !session) {
      this.providedApiClient = undefined;
      return;
    }
    try {
      // The client asks the session for a token on every request; it never holds or refreshes one itself.
      this.providedApiClient = createApiClient({
        baseUrl: this.apiBaseUrl,
        getAccessToken: (options) => session.getAccessToken(options),
      });
      this.configurationProblem = '';
    } catch (error) {
      this.providedApiClient = undefined;
      this.configurationProblem = error instanceof Error ? error.message : String(error);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The own session arrives asynchronously; build the client for it as soon as it is there.
    if (changed.has('providedSession' as keyof CongaApiConnections) && !this.apiClient) this.#chooseApiClient();
  }

  #setCustomState(name: string, on: boolean): void {
    const states = this.#internals?.states;
    if (!states) return;
    if (on) states.add(name);
    else states.delete(name);
  }

  private readonly handleAnnounce = (event: AnnounceEvent): void => {
    event.stopPropagation();
    // Clear first so the same text announced twice in a row is still read out.
    if (event.politeness === 'alert') {
      this.alertMessage = '';
      void this.updateComplete.then(() => (this.alertMessage = event.message));
    } else {
      this.statusMessage = '';
      void this.updateComplete.then(() => (this.statusMessage = event.message));
    }
    // Shown, never focused: whatever the admin or the list chose to focus keeps it (issue 12).
    if (event.visible) this.notice = event.message;
  };

  private readonly handleNoticeClose = (): void => {
    const hadFocus = this.renderRoot.querySelector('[part="notice"]')?.matches(':focus-within') ?? false;
    this.notice = '';
    // Dismiss goes away with the message: focus goes to the tab's title rather than to the page's body.
    if (hadFocus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#title')?.focus());
  };

  private readonly handleSignOut = (): void => {
    void this.providedSession?.signOut();
  };

  override render() {
    const signedIn = this.authState.status === 'signed-in' ? this.authState : undefined;
    // Children in this shadow tree announce with a non-composed event: it reaches this wrapper, never the host (whose
    // listener serves slotted children).
    return html`<section
      part="base"
      aria-labelledby="title"
      lang=${this.#locale.value}
      dir=${this.#locale.direction}
      @conga-announce=${this.handleAnnounce}
    >
      <header part="header">
        <h2 id="title" tabindex="-1">${messages.title}</h2>
        <div class="actions">
          <slot name="header-actions"></slot>
          ${
            signedIn
              ? html`<span class="muted user"
                    >${messages.signedInAs(signedIn.user.name ?? signedIn.user.email ?? signedIn.user.sub)}</span
                  >
                  <button
                    part="history-button"
                    aria-expanded=${this.historyOpen ? 'true' : 'false'}
                    aria-controls="history"
                    @click=${this.handleHistoryToggle}
                  >
                    ${messages.history}
                  </button>
                  <button part="sign-out-button" @click=${this.handleSignOut}>${messages.signOut}</button>`
              : nothing
          }
        </div>
      </header>
      ${
        this.historyOpen
          ? html`<conga-change-history
              id="history"
              .records=${this.historyRecords}
              @conga-history-clear=${this.handleHistoryClear}
            ></conga-change-history>`
          : nothing
      }
      ${
        // Not a live region (the hidden one above announced the same words) and never focused (issue 12).
        signedIn && this.notice
          ? html`<div part="notice" class="notice">
              <p>${this.notice}</p>
              <button type="button" @click=${this.handleNoticeClose}>${messages.dismiss}</button>
            </div>`
          : nothing
      }
      <slot>${this.renderBody()}</slot>
      <div class="visually-hidden" role="status" aria-live="polite">${this.statusMessage}</div>
      <div class="visually-hidden" role="alert">${this.alertMessage}</div>
    </section>`;
  }

  private renderBody() {
    if (!this.providedSession) {
      if (this.configurationProblem) {
        return html`<p class="error-text" role="alert">${this.configurationProblem}</p>`;
      }
      if (this.issuer && this.clientId && this.redirectUri) return html`<p role="status">${messages.signingIn}</p>`;
      return html`<p class="muted">${messages.notConfigured}</p>`;
    }
    switch (this.authState.status) {
      case 'signed-in':
        if (!this.providedApiClient) return html`<p class="muted">${messages.notConfigured}</p>`;
        return html`<conga-connection-list
          page-size=${this.pageSize}
          ?url-state=${this.urlState}
        ></conga-connection-list>`;
      case 'signing-in':
        return html`<p role="status" aria-busy="true">${messages.signingIn}</p>`;
      default:
        return html`<conga-sign-in></conga-sign-in>`;
    }
  }
}

define('conga-api-connections', CongaApiConnections);

declare global {
  interface HTMLElementTagNameMap {
    'conga-api-connections': CongaApiConnections;
  }
}
