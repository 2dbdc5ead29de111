import {html} from 'lit';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import type {TokenTestResult} from '@conga-connections/auth';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import type {ConnectionTester} from '../../context.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import '../api-connections/api-connections.js';
import './token-test.js';
import type {CongaTokenTest} from './token-test.js';

const ISSUER = 'https://login-rls.congacloud.com/api/v1/auth';
const CLIENT_ID = '3f0c7d3e-1b2a-4c5d-9e8f-0a1b2c3d4e5f';
const SECRET = 'pasted-secret-value-123';

interface FakeTester extends ConnectionTester {
  calls: {clientId: string; clientSecret: string}[];
  scopes: (string | undefined)[];
}

function fakeTester(result: TokenTestResult): FakeTester {
  const calls: {clientId: string; clientSecret: string}[] = [];
  const scopes: (string | undefined)[] = [];
  return {
    scopes,
    redirectUri: '',
    origin: '',
    calls,
    testSignIn: () => Promise.reject(new Error('not used')),
    getToken(request) {
      calls.push({clientId: request.clientId, clientSecret: request.clientSecret});
      scopes.push(request.scope);
      return Promise.resolve(result);
    },
  };
}

async function mount(tester: ConnectionTester, clientSecret?: string) {
  const written: string[] = [];
  const clipboard = {
    writeText(value: string) {
      written.push(value);
      return Promise.resolve();
    },
  };
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections
      .apiClient=${createFakeApiClient(fakeSeed)}
      .session=${createFakeAuthSession()}
      .connectionTester=${tester}
      issuer=${ISSUER}
      api-base-url="https://rls.congacloud.com"
    >
      <conga-token-test .clientId=${CLIENT_ID} .clientSecret=${clientSecret} .clipboard=${clipboard}></conga-token-test>
    </conga-api-connections>`,
  );
  const element = root.querySelector('conga-token-test')!;
  await element.updateComplete;
  return {root, element, written};
}

function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function outcome(element: CongaTokenTest): string {
  return text(element.shadowRoot!.querySelector('[part="outcome"]'));
}

/** The shadow tree's text, every attribute value and every field's value: where a secret could show. */
function everything(element: CongaTokenTest): string {
  const nodes = [...element.shadowRoot!.querySelectorAll('*')];
  return [
    element.shadowRoot!.textContent,
    ...nodes.flatMap((node) => [...node.attributes].map((attribute) => attribute.value)),
    ...nodes.filter((node) => node instanceof HTMLInputElement).map((input) => input.value),
  ].join('\n');
}

function secretField(element: CongaTokenTest): HTMLInputElement {
  return element.shadowRoot!.querySelector<HTMLInputElement>('#token-secret')!;
}

async function paste(element: CongaTokenTest, value: string): Promise<void> {
  const field = secretField(element);
  field.value = value;
  field.dispatchEvent(new Event('input'));
  element.shadowRoot!.querySelector<HTMLButtonElement>('[part="token-button"]')!.click();
  await element.updateComplete;
}

describe('<conga-token-test>', () => {
  it('is accessible, with a password field that the browser must not fill or remember', async () => {
    const {element} = await mount(fakeTester({ok: false, error: 'invalid_client'}));
    await expect(element).to.be.accessible();
    const field = secretField(element);
    expect(field.type).to.equal('password');
    expect(field.getAttribute('autocomplete')).to.equal('off');
    expect(text(element.shadowRoot!.querySelector('label[for="token-secret"]'))).to.equal('Client Secret');
  });

  it('asks for the secret when the field is empty, and sends nothing', async () => {
    const tester = fakeTester({ok: false, error: 'invalid_client'});
    const {element} = await mount(tester);
    await paste(element, '');
    expect(tester.calls).to.deep.equal([]);
    expect(text(element.shadowRoot!.querySelector('#token-secret-error'))).to.equal('Paste the Client Secret first.');
    expect(secretField(element).getAttribute('aria-invalid')).to.equal('true');
    await expect(element).to.be.accessible();
  });

  it('shows the claims, granted scopes and expiry, and clears the pasted secret as soon as it is used', async () => {
    const tester = fakeTester({
      ok: true,
      accessToken: {format: 'jwt', claims: {client_id: CLIENT_ID, scope: 'api.user-management'}},
      scopes: ['api.user-management'],
      expiresIn: 3600,
    });
    const {element} = await mount(tester);
    await paste(element, SECRET);
    expect(secretField(element).value).to.equal('');
    await waitUntil(() => outcome(element).includes(messages.tokenSuccess));
    expect(tester.calls).to.deep.equal([{clientId: CLIENT_ID, clientSecret: SECRET}]);
    const shown = outcome(element);
    expect(shown).to.contain('Granted scopes api.user-management');
    expect(shown).to.match(/Expiry expires in 60 minutes, at \d\d:\d\d/);
    expect(shown).to.contain(`client_id ${CLIENT_ID}`);
    expect(everything(element)).not.to.contain(SECRET);
    await expect(element).to.be.accessible();
  });

  it('says an opaque token is opaque', async () => {
    const {element} = await mount(fakeTester({ok: true, accessToken: {format: 'opaque'}, scopes: [], expiresIn: 60}));
    await paste(element, SECRET);
    await waitUntil(() => outcome(element).includes(messages.tokenSuccess));
    expect(outcome(element)).to.contain(messages.tokenOpaque);
    expect(outcome(element)).to.contain('expires in 1 minute, at');
  });

  it('shows the curl command (token endpoint, Client ID, $CONGA_CLIENT_SECRET; never the secret) when the browser blocks the request', async () => {
    const {element, written} = await mount(fakeTester({ok: false, blocked: true}), SECRET);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="token-button"]')!.click();
    await waitUntil(() => outcome(element).includes(messages.tokenCommandTitle));
    const command = element.shadowRoot!.querySelector('pre code')?.textContent ?? '';
    expect(command).to.equal(
      [
        `curl -sS -X POST "${ISSUER}/connect/token" \\`,
        `  -u "${CLIENT_ID}:$CONGA_CLIENT_SECRET" \\`,
        '  -d grant_type=client_credentials',
      ].join('\n'),
    );
    expect(everything(element)).not.to.contain(SECRET);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="copy-button"]')!.click();
    await waitUntil(() => written.length === 1);
    expect(written).to.deep.equal([command]);
    await expect(element).to.be.accessible();
  });

  it('explains invalid_client (wrong secret, regenerated, or inactive)', async () => {
    const {element} = await mount(fakeTester({ok: false, error: 'invalid_client'}));
    await paste(element, SECRET);
    await waitUntil(() => outcome(element) !== '' && !outcome(element).startsWith('Requesting'));
    expect(outcome(element)).to.equal(
      'The platform refused this Client ID and secret (invalid_client): the secret is wrong or was regenerated since, or the connection is inactive.',
    );
  });

  it('uses the hand-off secret without a field, and forgets its result on reset', async () => {
    const tester = fakeTester({ok: true, accessToken: {format: 'opaque'}, scopes: []});
    const {element} = await mount(tester, SECRET);
    expect(element.shadowRoot!.querySelector('#token-secret')).to.equal(null);
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="token-button"]')!.click();
    await waitUntil(() => outcome(element).includes(messages.tokenSuccess));
    expect(tester.calls).to.deep.equal([{clientId: CLIENT_ID, clientSecret: SECRET}]);
    element.reset();
    await element.updateComplete;
    expect(outcome(element)).to.equal('');
  });

  it('offers nothing outside <conga-api-connections>, where there is no tenant to ask', async () => {
    const alone = await fixture<CongaTokenTest>(
      html`<conga-token-test .clientId=${CLIENT_ID} .clientSecret=${SECRET}></conga-token-test>`,
    );
    expect(alone.shadowRoot!.querySelector('button')).to.equal(null);
  });

  it('asks for the given scopes, and the command names them too', async () => {
    const tester = fakeTester({ok: false, blocked: true});
    const {element} = await mount(tester, SECRET);
    element.scopes = ['api.user-management'];
    await element.updateComplete;
    element.shadowRoot!.querySelector<HTMLButtonElement>('[part="token-button"]')!.click();
    await waitUntil(() => outcome(element).includes(messages.tokenCommandTitle));
    expect(tester.scopes).to.deep.equal(['api.user-management']);
    expect(element.shadowRoot!.querySelector('pre code')?.textContent).to.contain(
      '--data-urlencode "scope=api.user-management"',
    );
  });
});
