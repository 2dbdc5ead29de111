import {html} from 'lit';
import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {define} from '../../define.js';
import {SignedInEvent} from '../../events/signed-in-event.js';
import {SignedOutEvent} from '../../events/signed-out-event.js';
import {messages} from '../../messages.js';
import './api-connections.js';
import type {CongaApiConnections} from './api-connections.js';

async function mount(session = createFakeAuthSession()) {
  const root = await fixture<CongaApiConnections>(
    html`<conga-api-connections
      .apiClient=${createFakeApiClient(fakeSeed)}
      .session=${session}
    ></conga-api-connections>`,
  );
  return {root, session};
}

describe('<conga-api-connections>', () => {
  it('is accessible when signed in and when signed out', async () => {
    const {root, session} = await mount();
    await expect(root).to.be.accessible();
    await session.signOut();
    await root.updateComplete;
    await expect(root).to.be.accessible();
  });

  it('says how to configure it when it has neither a session nor sign-in attributes', async () => {
    const root = await fixture<CongaApiConnections>(html`<conga-api-connections></conga-api-connections>`);
    expect(root.shadowRoot?.textContent).to.contain(messages.notConfigured);
  });

  it('shows the list to a signed-in admin and the sign-in view after sign-out', async () => {
    const {root, session} = await mount();
    expect(root.shadowRoot?.querySelector('conga-connection-list')).to.exist;
    expect(root.shadowRoot?.textContent).to.contain(messages.signedInAs('Fake Admin'));
    await session.signOut();
    await root.updateComplete;
    expect(root.shadowRoot?.querySelector('conga-connection-list')).to.not.exist;
    expect(root.shadowRoot?.querySelector('conga-sign-in')).to.exist;
  });

  it('dispatches conga-signed-out and conga-signed-in, without tokens', async () => {
    const {root, session} = await mount();
    const out = oneEvent(root, SignedOutEvent.eventName);
    const signOutButton = root.shadowRoot?.querySelector<HTMLButtonElement>('[part="sign-out-button"]');
    signOutButton?.click();
    expect(((await out) as unknown as SignedOutEvent).reason).to.equal('signed-out');
    const signedIn = oneEvent(root, SignedInEvent.eventName);
    await session.signIn();
    const event = (await signedIn) as unknown as SignedInEvent;
    expect(event.user.name).to.equal('Fake Admin');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(JSON.stringify(event.user)).to.not.contain('fake-token');
  });

  it('asks again to sign in, keeping the reason, when the session expired', async () => {
    const {root, session} = await mount();
    session.setState({status: 'signed-out', reason: 'renewal-failed'});
    await root.updateComplete;
    const signIn = root.shadowRoot?.querySelector('conga-sign-in');
    await signIn?.updateComplete;
    expect(signIn?.shadowRoot?.textContent).to.contain(messages.sessionExpired);
  });

  it('B5-08 says which redirect URI to register when the session reports it is not registered', async () => {
    const {root, session} = await mount();
    const text =
      'Redirect URI not registered for extension ID abc: add https://abc.chromiumapp.org/ to the Redirect URIs of the UI-to-API connection with Client ID c-1 on login.example.test, then sign in again.';
    const error = Object.assign(new Error(text), {code: 'AUTH_REDIRECT_URI_NOT_REGISTERED'});
    session.setState({status: 'error', error: error as never});
    await root.updateComplete;
    const signIn = root.shadowRoot?.querySelector('conga-sign-in');
    await signIn?.updateComplete;
    expect(signIn?.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.equal(text);
    // Without a message of its own, the code still gets plain words.
    session.setState({status: 'error', error: {code: 'AUTH_REDIRECT_URI_NOT_REGISTERED'} as never});
    await signIn?.updateComplete;
    expect(signIn?.shadowRoot?.querySelector('[role="alert"]')?.textContent).to.equal(messages.errorSignInRedirect);
  });

  it('B6-02 warns instead of throwing when another version holds the tag', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      define('conga-api-connections', class extends HTMLElement {});
    } finally {
      console.warn = original;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('already defined by version 0.1.0');
  });

  it('B6-01 keeps the token out of its properties, attributes and storage', async () => {
    const {root} = await mount();
    await waitUntil(() => root.shadowRoot?.querySelector('conga-connection-list'));
    const seen = JSON.stringify({
      attributes: [...root.attributes].map((a) => a.value),
      dataset: Object.entries(root.dataset),
      local: Object.entries(localStorage),
      session: Object.entries(sessionStorage),
      own: Object.keys(root),
    });
    expect(seen).to.not.contain('fake-token');
  });
});
