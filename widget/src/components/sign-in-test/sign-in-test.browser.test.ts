import {html} from 'lit';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import type {ApiConnection} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import type {SignInTestResult} from '@conga-connections/auth';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import type {ConnectionTester} from '../../context.js';
import type {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import '../api-connections/api-connections.js';
import './sign-in-test.js';
import type {CongaSignInTest} from './sign-in-test.js';

const IDENTIFIER = '00D5g000004CmQwEAK';
const ISSUER = 'https://login-rls.congacloud.com/api/v1/auth';
const REGISTERED = 'https://portal.example.com/auth/callback';
const ORIGIN = 'https://portal.example.com';

function jwt(claims: Record<string, unknown>) {
  return {format: 'jwt' as const, claims};
}

interface FakeTester extends ConnectionTester {
  calls: {clientId: string; scope: string}[];
}

function fakeTester(result: SignInTestResult, redirectUri = REGISTERED, origin = ORIGIN): FakeTester {
  const calls: {clientId: string; scope: string}[] = [];
  return {
    redirectUri,
    origin,
    calls,
    testSignIn(request) {
      calls.push(request);
      return Promise.resolve(result);
    },
    getToken: () => Promise.reject(new Error('not used')),
  };
}

async function connection(overrides: Partial<ApiConnection> = {}): Promise<ApiConnection> {
  const loaded = await createFakeApiClient(fakeSeed).apiConnections.get(IDENTIFIER, 'UItoAPI');
  return {
    ...loaded,
    RedirectURI: [REGISTERED],
    CorsOrigins: [ORIGIN],
    AllowedScopes: ['openid', 'profile'],
    IsActive: true,
    ...overrides,
  };
}

async function mount(tester: ConnectionTester | undefined, loaded: ApiConnection, attributes = {redirect: ''}) {
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections
      .apiClient=${createFakeApiClient(fakeSeed)}
      .session=${createFakeAuthSession()}
      .connectionTester=${tester}
      issuer=${ISSUER}
      test-redirect-uri=${attributes.redirect}
    >
      <conga-sign-in-test .connection=${loaded}></conga-sign-in-test>
    </conga-api-connections>`,
  );
  const element = root.querySelector('conga-sign-in-test')!;
  await element.updateComplete;
  return {root, element};
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function button(element: CongaSignInTest, name: string): HTMLButtonElement {
  const found = [...element.shadowRoot!.querySelectorAll('button')].find((b) => text(b) === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

function outcome(element: CongaSignInTest): string {
  return text(element.shadowRoot!.querySelector('[part="outcome"]'));
}

describe('<conga-sign-in-test>', () => {
  it('is accessible, names where the test lands and prefills the Allowed Scopes', async () => {
    const {element} = await mount(fakeTester({ok: false, code: 'AUTH_POPUP_CLOSED'}), await connection());
    await expect(element).to.be.accessible();
    expect(text(element.shadowRoot!.querySelector('p.muted'))).to.equal(messages.testIntro(REGISTERED));
    const scopes = element.shadowRoot!.querySelector<HTMLInputElement>('#test-scopes')!;
    expect(scopes.value).to.equal('openid profile');
  });

  it('diagnoses an inactive connection before any window opens', async () => {
    const tester = fakeTester({ok: true, accessToken: {format: 'opaque'}, scopes: []});
    const {element} = await mount(tester, await connection({IsActive: false}));
    button(element, 'Test sign-in').click();
    await element.updateComplete;
    expect(tester.calls).to.deep.equal([]);
    expect(outcome(element)).to.equal(
      'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
    );
    await expect(element).to.be.accessible();
  });

  it("diagnoses a redirect URI that isn't registered (closest, difference) before any window opens, and offers to add it", async () => {
    const tester = fakeTester({ok: true, accessToken: {format: 'opaque'}, scopes: []}, `${REGISTERED}/`);
    const {element} = await mount(tester, await connection());
    button(element, 'Test sign-in').click();
    await element.updateComplete;
    expect(tester.calls).to.deep.equal([]);
    expect(outcome(element)).to.contain(
      "The redirect URI https://portal.example.com/auth/callback/ isn't registered on this connection. Closest registered: https://portal.example.com/auth/callback — differs by an added trailing slash.",
    );
    const requests: RequestAddValueEvent[] = [];
    element.addEventListener('conga-request-add-value', (event) => requests.push(event));
    button(element, `Add ${REGISTERED}/ to Redirect URIs`).click();
    await element.updateComplete;
    expect(requests.map((event) => [event.field, event.value])).to.deep.equal([['RedirectURI', `${REGISTERED}/`]]);
    // No form took it: the admin is told where to add it.
    expect(outcome(element)).to.contain(
      `Add ${REGISTERED}/ to Redirect URIs in this connection's settings, save, then test again.`,
    );
    await expect(element).to.be.accessible();
  });

  it('diagnoses scopes outside Allowed Scopes before any window opens', async () => {
    const tester = fakeTester({ok: true, accessToken: {format: 'opaque'}, scopes: []});
    const {element} = await mount(tester, await connection());
    const scopes = element.shadowRoot!.querySelector<HTMLInputElement>('#test-scopes')!;
    scopes.value = 'openid email';
    scopes.dispatchEvent(new Event('input'));
    button(element, 'Test sign-in').click();
    await element.updateComplete;
    expect(tester.calls).to.deep.equal([]);
    expect(outcome(element)).to.equal(
      "The sign-in asked for scopes this connection doesn't allow: email. Add them to Allowed Scopes or stop asking for them.",
    );
  });

  it('shows the decoded claims and the granted scopes of a round trip that worked, and says an opaque token is opaque', async () => {
    const tester = fakeTester({
      ok: true,
      idToken: jwt({sub: 'user-1', aud: 'client', exp: 1_767_225_600}),
      accessToken: {format: 'opaque'},
      scopes: ['openid', 'profile'],
      expiresIn: 3600,
    });
    const loaded = await connection();
    const {element} = await mount(tester, loaded);
    button(element, 'Test sign-in').click();
    await waitUntil(() => outcome(element).includes(messages.testSuccess));
    expect(tester.calls).to.deep.equal([{clientId: loaded.ClientId, scope: 'openid profile'}]);
    const shown = outcome(element);
    expect(shown).to.contain('Granted scopes openid profile');
    expect(shown).to.match(/expires in 60 minutes, at \d\d:\d\d/);
    expect(shown).to.contain('sub user-1');
    expect(shown).to.contain('exp 1767225600 (');
    expect(shown).to.contain(messages.tokenOpaque);
    await expect(element).to.be.accessible();
  });

  it('diagnoses a token request the browser blocked as an origin missing from Cors Origins, with the Add offer', async () => {
    const tester = fakeTester(
      {ok: false, tokenRequestBlocked: true},
      'https://admin.example.com/cb',
      'https://admin.example.com',
    );
    const {element} = await mount(tester, await connection({RedirectURI: ['https://admin.example.com/cb']}));
    button(element, 'Test sign-in').click();
    await waitUntil(() => outcome(element) !== '' && !outcome(element).startsWith('Waiting'));
    expect(outcome(element)).to.contain(
      "The browser blocked the token request: https://admin.example.com isn't in this connection's Cors Origins.",
    );
    expect(button(element, 'Add https://admin.example.com to Cors Origins')).to.exist;
  });

  it('diagnoses the callback error invalid_scope', async () => {
    const {element} = await mount(fakeTester({ok: false, error: 'invalid_scope'}), await connection());
    button(element, 'Test sign-in').click();
    await waitUntil(() => outcome(element).includes('invalid_scope'));
    expect(outcome(element)).to.equal(
      'The platform refused the requested scopes (invalid_scope). Check Allowed Scopes against the scopes the app asks for.',
    );
  });

  it('says plainly that the window was closed, or that the test timed out', async () => {
    const closed = await mount(fakeTester({ok: false, code: 'AUTH_POPUP_CLOSED'}), await connection());
    button(closed.element, 'Test sign-in').click();
    await waitUntil(() => outcome(closed.element) === messages.testPopupClosed);
    const timedOut = await mount(fakeTester({ok: false, code: 'AUTH_TIMED_OUT'}), await connection());
    button(timedOut.element, 'Test sign-in').click();
    await waitUntil(() => outcome(timedOut.element) === messages.testTimedOut(5));
    expect(messages.testTimedOut(5)).to.equal(
      'The sign-in window got no answer within 5 minutes, so the test stopped. Test again.',
    );
  });

  it('on a host page without a tester, lands on test-redirect-uri', async () => {
    const {element} = await mount(undefined, await connection(), {redirect: `${location.origin}/callback.html`});
    expect(text(element.shadowRoot!.querySelector('p.muted'))).to.equal(
      messages.testIntro(`${location.origin}/callback.html`),
    );
  });

  it("explains that the test must land on this page's origin, and sends nothing, when test-redirect-uri is elsewhere", async () => {
    const tester = fakeTester(
      {ok: true, accessToken: {format: 'opaque'}, scopes: []},
      REGISTERED,
      'https://admin.example.com',
    );
    const {element} = await mount(tester, await connection());
    expect(text(element.shadowRoot!.querySelector('p.problem'))).to.equal(
      messages.testRedirectOtherOrigin(REGISTERED, 'https://admin.example.com'),
    );
    button(element, 'Test sign-in').click();
    await element.updateComplete;
    expect(tester.calls).to.deep.equal([]);
    await expect(element).to.be.accessible();
  });

  it('never asks about the origin of a tester that runs outside any page (the extension)', async () => {
    const tester = fakeTester({ok: false, error: 'server_error'}, REGISTERED, '');
    const {element} = await mount(tester, await connection({CorsOrigins: []}));
    button(element, 'Test sign-in').click();
    await waitUntil(() => outcome(element).includes('server_error'));
    expect(outcome(element)).to.equal(
      "Sign-in failed with the platform's error \"server_error\". The connection's settings don't explain it.",
    );
  });
});
