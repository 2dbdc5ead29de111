import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {AuthSession, AuthState} from '@conga-connections/auth';
import {authSessionContext, authStateContext} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import styles from './sign-in.styles.js';

/**
 * The copy for a sign-in failure. Reads the error's `code` without importing the auth package, so the sign-in code
 * (oauth4webapi) stays in its own chunk until an element actually signs in.
 */
function signInErrorText(error: unknown, issuer: string | undefined): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'AUTH_STATE_MISMATCH':
    case 'AUTH_ISSUER_MISMATCH':
    case 'AUTH_UNEXPECTED_RESPONSE':
      return messages.errorSignInVerify;
    case 'AUTH_CONFIGURATION_MISMATCH':
      return messages.errorSignInConfig;
    case 'AUTH_DISCOVERY_FAILED':
    case 'AUTH_NETWORK_ERROR':
      return messages.errorSignInUnreachable(issuer ?? '');
    case 'AUTH_ACCESS_DENIED':
      return messages.errorSignInDenied;
    case 'AUTH_POPUP_BLOCKED':
      return messages.popupBlocked;
    case 'AUTH_POPUP_CLOSED':
      return messages.errorSignInClosed;
    case 'AUTH_REDIRECT_URI_NOT_REGISTERED':
      // Says which redirect URI to add where (B5-08). The session writes it from its own settings (the extension's
      // ID and redirect URL, the tenant's Client ID), never from the provider's page; rendered as text.
      return error instanceof Error && error.message ? error.message : messages.errorSignInRedirect;
    default:
      return messages.errorSignIn;
  }
}

/**
 * @summary Asks the admin to sign in, explains why when a session ended or a sign-in failed, and starts sign-in.
 * @csspart base - The wrapper.
 * @csspart sign-in-button - The "Sign in" button.
 */
@localized()
export class CongaSignIn extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  @consume({context: authSessionContext, subscribe: true}) @state() private session?: AuthSession;
  @consume({context: authStateContext, subscribe: true}) @state() private auth?: AuthState;
  @state() private starting = false;

  private readonly handleSignIn = async (): Promise<void> => {
    if (!this.session || this.starting) return;
    this.starting = true;
    try {
      await this.session.signIn({returnTo: location.pathname + location.search});
    } catch {
      // The session reports the failure through its state; the error view below shows it.
    } finally {
      this.starting = false;
    }
  };

  private readonly handleSignInHere = async (): Promise<void> => {
    if (!this.session) return;
    // The popup was blocked: fall back to a full-page redirect. BrowserAuthSession reads `loginMode`; a session
    // without modes ignores it (a variable, not a literal, so the extra field is allowed).
    const options = {returnTo: location.pathname + location.search, loginMode: 'redirect' as const};
    await this.session.signIn(options);
  };

  override render() {
    const auth = this.auth;
    const expired = auth?.status === 'signed-out' && (auth.reason === 'expired' || auth.reason === 'renewal-failed');
    const error = auth?.status === 'error' ? auth.error : undefined;
    const issuer = (this.session as {issuer?: string} | undefined)?.issuer;
    const popupBlocked = (error as {code?: string} | undefined)?.code === 'AUTH_POPUP_BLOCKED';
    return html`<div part="base">
      ${expired ? html`<p class="banner" role="alert">${messages.sessionExpired}</p>` : nothing}
      ${error ? html`<p class="banner error-text" role="alert">${signInErrorText(error, issuer)}</p>` : nothing}
      <p>${messages.signInPrompt}</p>
      <button
        part="sign-in-button"
        class="primary"
        aria-disabled=${this.starting || !this.session ? 'true' : 'false'}
        @click=${this.handleSignIn}
      >
        ${this.starting ? messages.signingIn : messages.signIn}
      </button>
      ${popupBlocked ? html`<button class="link" @click=${this.handleSignInHere}>${messages.signInOnThisPage}</button>` : nothing}
    </div>`;
  }
}

define('conga-sign-in', CongaSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'conga-sign-in': CongaSignIn;
  }
}
