import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import type {ApiConnection, ConnectionType} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {toolsMessages as messages} from './tools-messages.js';
import '../api-connections/api-connections.js';
import '../connection-form/connection-form.js';
import type {ClipboardWriter} from '../secret-reveal/secret-reveal.js';
import './connection-tools.js';
import type {CongaConnectionTools} from './connection-tools.js';

const IDENTIFIER = '00D5g000004CmQwEAK';
const ISSUER = 'https://login-rls.congacloud.com/api/v1/auth';
const REGISTERED = 'https://portal.example.com/auth/callback';

interface FakeClipboard extends ClipboardWriter {
  written: string[];
}

function fakeClipboard(fail = false): FakeClipboard {
  const written: string[] = [];
  return {
    written,
    writeText(text: string) {
      if (fail) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
      written.push(text);
      return Promise.resolve();
    },
  };
}

async function loaded(type: ConnectionType): Promise<ApiConnection> {
  return createFakeApiClient(fakeSeed).apiConnections.get(IDENTIFIER, type);
}

interface MountOptions {
  issuer?: string;
  apiBaseUrl?: string;
  clipboard?: ClipboardWriter;
  connection?: ApiConnection;
}

/** Mounted inside the root, which provides the configuration; the `<details>` is opened as an admin would. */
async function mount(type: ConnectionType, options: MountOptions = {}) {
  const connection = options.connection ?? (await loaded(type));
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections
      .apiClient=${createFakeApiClient(fakeSeed)}
      .session=${createFakeAuthSession()}
      issuer=${ifDefined(options.issuer ?? ISSUER)}
      api-base-url=${ifDefined(options.apiBaseUrl)}
    >
      <conga-connection-tools .connection=${connection} .clipboard=${options.clipboard}></conga-connection-tools>
    </conga-api-connections>`,
  );
  const tools = root.querySelector('conga-connection-tools')!;
  await tools.updateComplete;
  const details = tools.shadowRoot!.querySelector('details')!;
  details.open = true;
  return {root, tools, connection};
}

function $(tools: CongaConnectionTools, selector: string): HTMLElement {
  const element = tools.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

function text(element: Node): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The code block under the heading with `title`. */
function codeUnder(tools: CongaConnectionTools, title: string): string {
  const heading = [...tools.shadowRoot!.querySelectorAll('h4')].find((h) => text(h) === title);
  if (!heading) throw new Error(`no heading "${title}"`);
  return tools.shadowRoot!.querySelector(`pre[aria-labelledby="${heading.id}"] code`)?.textContent ?? '';
}

async function check(tools: CongaConnectionTools, value: string): Promise<void> {
  const input = $(tools, '#redirect-candidate') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await tools.updateComplete;
  ($(tools, 'form button[type="submit"]') as HTMLButtonElement).click();
  await tools.updateComplete;
}

function rootStatus(root: HTMLElement): string {
  return text(root.shadowRoot!.querySelector('[role="status"][aria-live]')!);
}

function rootAlert(root: HTMLElement): string {
  return text(root.shadowRoot!.querySelector('[role="alert"]')!);
}

describe('<conga-connection-tools>', () => {
  it('is accessible for a UI-to-API connection, with a result shown', async () => {
    const {tools} = await mount('UItoAPI');
    await check(tools, `${REGISTERED}/`);
    await expect(tools).to.be.accessible();
  });

  it('is accessible for an API-to-API connection', async () => {
    const {tools} = await mount('APItoAPI');
    await expect(tools).to.be.accessible();
  });

  it('renders nothing until it has a connection', async () => {
    const root = await fixture<HTMLElement>(
      html`<conga-api-connections .apiClient=${createFakeApiClient(fakeSeed)} .session=${createFakeAuthSession()}>
        <conga-connection-tools></conga-connection-tools>
      </conga-api-connections>`,
    );
    const tools = root.querySelector('conga-connection-tools')!;
    await tools.updateComplete;
    expect(tools.shadowRoot!.querySelector('details')).to.equal(null);
  });

  it('starts collapsed under "Tools"', async () => {
    const connection = await loaded('UItoAPI');
    const root = await fixture<HTMLElement>(
      html`<conga-api-connections .apiClient=${createFakeApiClient(fakeSeed)} .session=${createFakeAuthSession()}>
        <conga-connection-tools .connection=${connection}></conga-connection-tools>
      </conga-api-connections>`,
    );
    const tools = root.querySelector('conga-connection-tools')!;
    await tools.updateComplete;
    const details = $(tools, 'details') as HTMLDetailsElement;
    expect(details.open).to.equal(false);
    expect(text($(tools, 'summary'))).to.equal('Tools');
  });

  describe('Check a redirect URI', () => {
    it('says an exact match matches, with the rule', async () => {
      const {tools} = await mount('UItoAPI');
      expect(text($(tools, 'label[for="redirect-candidate"]'))).to.equal('Redirect URI your app sends');
      await check(tools, REGISTERED);
      expect(text($(tools, '[part="check-result"]'))).to.equal('Matches the registered redirect URI exactly.');
      expect(text($(tools, '[role="status"]'))).to.contain(
        'Rule: Exact match: the platform compares redirect URIs character for character (RFC 9700 §4.1.3).',
      );
    });

    it('names the closest registered URI and the difference when it does not match', async () => {
      const {tools} = await mount('UItoAPI');
      await check(tools, 'https://portal.example.com/Auth/Callback/');
      expect(text($(tools, '[part="check-result"]'))).to.equal(
        "Doesn't match. Closest registered: https://portal.example.com/auth/callback — differs by letter case in the path and an added trailing slash.",
      );
      expect(text($(tools, '[role="status"]'))).to.contain('Rule: No exact match');
    });

    it("says no registered URI is like another app's address instead of listing every difference", async () => {
      const {tools} = await mount('UItoAPI');
      await check(tools, 'http://127.0.0.1:5173/callback.html');
      expect(text($(tools, '[part="check-result"]'))).to.equal(
        `Doesn't match. The only registered redirect URI (${REGISTERED}) is nothing like it.`,
      );
    });

    it('clears the result when the value changes', async () => {
      const {tools} = await mount('UItoAPI');
      await check(tools, REGISTERED);
      const input = $(tools, '#redirect-candidate') as HTMLInputElement;
      input.value = `${REGISTERED}x`;
      input.dispatchEvent(new Event('input'));
      await tools.updateComplete;
      expect(tools.shadowRoot!.querySelector('[part="check-result"]')).to.equal(null);
    });

    it('is not offered for an API-to-API connection, which has no redirect URIs', async () => {
      const {tools} = await mount('APItoAPI');
      expect(tools.shadowRoot!.querySelector('#redirect-candidate')).to.equal(null);
    });
  });

  describe('Quickstarts', () => {
    it('API-to-API: curl client_credentials with the Client ID, the token endpoint and $CONGA_CLIENT_SECRET', async () => {
      const {tools, connection} = await mount('APItoAPI', {apiBaseUrl: 'https://rls.congacloud.com'});
      const curl = codeUnder(tools, messages.toolsCurlTitle);
      expect(curl).to.contain(`curl -sS -X POST "${ISSUER}/connect/token"`);
      expect(curl).to.contain(`-u "${connection.ClientId ?? ''}:$CONGA_CLIENT_SECRET"`);
      expect(curl).to.contain('-d grant_type=client_credentials');
      const call = codeUnder(tools, messages.toolsApiCallTitle);
      expect(call).to.contain('"https://rls.congacloud.com/api/user-management/v1/api-connections"');
      expect(call).to.contain('-H "user-id: $CONGA_USER_ID"');
      const node = codeUnder(tools, messages.toolsNodeTitle);
      expect(node).to.contain("import * as oauth from 'oauth4webapi';");
      expect(node).to.contain(`const client = {client_id: "${connection.ClientId ?? ''}"};`);
      expect(node).to.contain('oauth.clientCredentialsGrantRequest(');
      expect(node).to.contain("'user-id': process.env.CONGA_USER_ID");
    });

    it('API-to-API: the Salesforce Auth. Provider fields, with the secret named but never shown', async () => {
      const {tools, connection} = await mount('APItoAPI');
      const fields = [...tools.shadowRoot!.querySelectorAll('dl div')].map((row) => [
        text(row.querySelector('dt')!),
        text(row.querySelector('code')!),
      ]);
      expect(fields).to.deep.equal([
        ['Consumer Key', connection.ClientId],
        ['Consumer Secret', '(the secret you stored)'],
        ['Authorize Endpoint URL', `${ISSUER}/connect/authorize`],
        ['Token Endpoint URL', `${ISSUER}/connect/token`],
        ['User Info Endpoint URL', `${ISSUER}/connect/userinfo`],
        ['Default Scopes', 'openid profile email'],
      ]);
    });

    it('never shows a secret, even when the connection object carries one', async () => {
      const connection = {...(await loaded('APItoAPI')), ClientSecret: 's3cr3t-value-that-must-not-leak'};
      const {tools} = await mount('APItoAPI', {connection});
      expect(tools.shadowRoot!.textContent).not.to.contain('s3cr3t-value-that-must-not-leak');
    });

    it("derives the endpoints from the API base URL's region when there is no issuer", async () => {
      const {tools} = await mount('APItoAPI', {issuer: '', apiBaseUrl: 'https://rls.congacloud.eu'});
      expect(codeUnder(tools, messages.toolsCurlTitle)).to.contain(
        'curl -sS -X POST "https://login.congacloud.eu/api/v1/auth/connect/token"',
      );
      expect(tools.shadowRoot!.textContent).not.to.contain(messages.toolsEndpointsUnknown);
    });

    it('says so and uses an <issuer> placeholder when neither is known', async () => {
      const {tools} = await mount('APItoAPI', {issuer: '', apiBaseUrl: 'https://rls-stg.congacloud.io'});
      expect(codeUnder(tools, messages.toolsCurlTitle)).to.contain('"<issuer>/connect/token"');
      expect(text(tools.shadowRoot!)).to.contain(messages.toolsEndpointsUnknown);
    });

    it('UI-to-API: a single-page-app configuration with PKCE S256 and the first registered redirect URI', async () => {
      const {tools, connection} = await mount('UItoAPI');
      const config = JSON.parse(codeUnder(tools, messages.toolsSpaTitle)) as Record<string, string>;
      expect(config).to.deep.equal({
        authority: ISSUER,
        client_id: connection.ClientId,
        redirect_uri: REGISTERED,
        response_type: 'code',
        code_challenge_method: 'S256',
        scope: 'openid profile api.user-management',
      });
      const code = codeUnder(tools, messages.toolsSpaCodeTitle);
      expect(code).to.contain("code_challenge_method: 'S256'");
      expect(code).to.contain('oauth.validateAuthResponse(');
      expect(tools.shadowRoot!.querySelector('dl')).to.equal(null);
    });

    it('renders code as text, never as HTML', async () => {
      const connection = {
        ...(await loaded('UItoAPI')),
        RedirectURI: ['https://x.example/<img src=x onerror=alert(1)>'],
      };
      const {tools} = await mount('UItoAPI', {connection});
      expect(tools.shadowRoot!.querySelector('pre img')).to.equal(null);
      expect(codeUnder(tools, messages.toolsSpaTitle)).to.contain('<img src=x onerror=alert(1)>');
    });
  });

  describe('Copy', () => {
    it('writes the snippet to the injected clipboard and announces "Copied" in the root\'s live region', async () => {
      const clipboard = fakeClipboard();
      const {root, tools} = await mount('APItoAPI', {clipboard});
      const button = tools.shadowRoot!.querySelector<HTMLButtonElement>('button[part="copy-button"]')!;
      expect(text(button)).to.equal(`Copy ${messages.toolsCurlTitle}`);
      button.click();
      await waitUntil(() => rootStatus(root) === 'Copied', 'announced');
      expect(clipboard.written).to.deep.equal([codeUnder(tools, messages.toolsCurlTitle)]);
    });

    it('has no Copy button for the Consumer Secret placeholder', async () => {
      const {tools} = await mount('APItoAPI');
      const secretRow = [...tools.shadowRoot!.querySelectorAll('dl div')].find(
        (row) => text(row.querySelector('dt')!) === 'Consumer Secret',
      )!;
      expect(secretRow.querySelector('button')).to.equal(null);
    });

    it('announces a refused copy as an alert', async () => {
      const {root, tools} = await mount('APItoAPI', {clipboard: fakeClipboard(true)});
      tools.shadowRoot!.querySelector<HTMLButtonElement>('button[part="copy-button"]')!.click();
      await waitUntil(() => rootAlert(root) === messages.toolsCopyFailed, 'alerted');
    });
  });

  describe('in the edit view', () => {
    it('appears in the form once the connection has loaded, with the loaded connection', async () => {
      const root = await fixture<HTMLElement>(
        html`<conga-api-connections
          .apiClient=${createFakeApiClient(fakeSeed)}
          .session=${createFakeAuthSession()}
          issuer=${ISSUER}
        >
          <conga-connection-form
            mode="edit"
            connection-type="UItoAPI"
            external-identifier=${IDENTIFIER}
          ></conga-connection-form>
        </conga-api-connections>`,
      );
      const form = root.querySelector('conga-connection-form')!;
      await form.updateComplete;
      form.show();
      const tools = await waitUntil(() => form.shadowRoot?.querySelector('conga-connection-tools'), 'tools shown').then(
        () => form.shadowRoot!.querySelector('conga-connection-tools')!,
      );
      await tools.updateComplete;
      expect(tools.connection?.RedirectURI).to.deep.equal([REGISTERED]);
      ($(tools, 'details') as HTMLDetailsElement).open = true;
      await check(tools, REGISTERED);
      expect(text($(tools, '[part="check-result"]'))).to.equal('Matches the registered redirect URI exactly.');
    });

    it('is not shown when adding a connection', async () => {
      const root = await fixture<HTMLElement>(
        html`<conga-api-connections .apiClient=${createFakeApiClient(fakeSeed)} .session=${createFakeAuthSession()}>
          <conga-connection-form mode="create" connection-type="UItoAPI"></conga-connection-form>
        </conga-api-connections>`,
      );
      const form = root.querySelector('conga-connection-form')!;
      await form.updateComplete;
      form.show();
      await form.updateComplete;
      expect(form.shadowRoot!.querySelector('conga-connection-tools')).to.equal(null);
    });
  });
});
