import {createContext} from '@lit/context';
import type {ApiClient} from '@conga-connections/api-client';
import type {AuthSession, AuthState} from '@conga-connections/auth';

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
}

/** An immutable snapshot of {@link WidgetConfig}, replaced when the root's `issuer` or `api-base-url` changes. */
export const configContext = createContext<WidgetConfig>(Symbol('conga.config'));
