import {createContext} from '@lit/context';
import type {ApiClient} from '@conga-connections/api-client';
import type {AuthSession, AuthState, SignInTestResult, TokenTestResult} from '@conga-connections/auth';

// Keys are Symbols, so no other context user on the host page can collide with them (STYLE.md §5).

/** The API client: a service, replaced only when the root's configuration changes. */
export const apiClientContext = createContext<ApiClient | undefined>(Symbol('conga.api-client'));

/** The sign-in session: a service, replaced only when the root's configuration changes. */
export const authSessionContext = createContext<AuthSession | undefined>(Symbol('conga.auth-session'));

/** An immutable snapshot of the session's state, replaced on every change. */
export const authStateContext = createContext<AuthState>(Symbol('conga.auth-state'));

/** The root's configuration that children read (never a token or a secret). */
export interface WidgetConfig {
  /** The OpenID provider (`issuer` attribute), or '' when the host hands over its own session. */
  readonly issuer: string;
  /** The platform's API origin (`api-base-url` attribute), or ''. */
  readonly apiBaseUrl: string;
  /** Where "Test sign-in" lands on a host page (`test-redirect-uri`, else `redirect-uri`), or ''. */
  readonly testRedirectUri: string;
  /** The host's page about the Integration User flow (`integration-user-help-url`), or '' for no link. */
  readonly integrationUserHelpUrl: string;
}

/** An immutable snapshot of {@link WidgetConfig}, replaced when one of the root's attributes behind it changes. */
export const configContext = createContext<WidgetConfig>(Symbol('conga.config'));

/**
 * Runs "Test sign-in" and "Get a token now" for a connection, wherever the element is: on a host page (a popup to
 * the host's callback page, token requests from the page) or in the extension (its worker, through messages). The
 * element knows only this interface. Results carry decoded claims, scopes and lifetimes, never a raw token.
 */
export interface ConnectionTester {
  /** The redirect URI the test sign-in sends; it must be registered on the tested connection, exactly. */
  readonly redirectUri: string;
  /**
   * The origin the token request comes from, which the provider only answers readably when it is one of the
   * connection's Cors Origins; '' where no page origin is involved (the extension's worker reaches the provider
   * through its host permissions).
   */
  readonly origin: string;
  /** Runs the round trip; call it synchronously in the click, so a popup may open. */
  testSignIn(request: {clientId: string; scope: string}): Promise<SignInTestResult>;
  /** Requests one `client_credentials` token; the secret is used for this request only. */
  getToken(request: {clientId: string; clientSecret: string; scope?: string}): Promise<TokenTestResult>;
}

/** A {@link ConnectionTester} the host (the extension) hands over; the host-page default when absent. */
export const connectionTesterContext = createContext<ConnectionTester | undefined>(Symbol('conga.connection-tester'));
