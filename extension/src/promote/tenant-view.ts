/** One side of the Promote page: the tenant picker, who is signed in, and the sign-in button. */
import {html, nothing} from 'lit';
import type {AuthState} from '@conga-connections/auth';
import type {Settings, Tenant} from '../storage.js';
import type {Side} from './promote-controller.js';
import {promoteText as text} from './text.js';

function userName(state: AuthState): string | undefined {
  if (state.status !== 'signed-in') return undefined;
  return state.user.name ?? state.user.email ?? state.user.sub;
}

/** What one side shows. */
export interface TenantSideView {
  side: Side;
  settings: Settings;
  /** The chosen tenant's id, or '' for none. */
  id: string;
  tenant: Tenant | undefined;
  state: AuthState | undefined;
  problem: string | undefined;
  /** An apply is running: the tenants can't change. */
  busy: boolean;
  onChange: (event: Event) => void;
  onSignIn: () => void;
}

export function renderTenantSide(view: TenantSideView) {
  const {side, settings, id, tenant, state, problem, busy} = view;
  return html`<div class="tenant">
    <label for=${side}>${side === 'source' ? text.source : text.target}</label>
    <select id=${side} ?disabled=${busy} @change=${view.onChange}>
      <option value="" ?selected=${id === ''}>${text.chooseTenant}</option>
      ${settings.tenants.map(
        (candidate) => html`<option value=${candidate.id} ?selected=${candidate.id === id}>${candidate.name}</option>`,
      )}
    </select>
    ${
      tenant && state
        ? state.status === 'signed-in'
          ? html`<p class="muted">${text.signedInAs(userName(state) ?? '')}</p>`
          : html`<p class="muted">${state.status === 'signing-in' ? text.signingIn : text.notSignedIn}</p>
              <button type="button" ?disabled=${state.status === 'signing-in'} @click=${view.onSignIn}>
                ${text.signIn(tenant.name)}
              </button>`
        : nothing
    }
    ${problem ? html`<p class="error" role="alert">${problem}</p>` : nothing}
  </div>`;
}
