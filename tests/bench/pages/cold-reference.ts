/**
 * `/cold-reference.html`: the yardstick of the cold-load row (issue 18): what a developer would write with
 * oauth4webapi and bare Lit to show the first rows of API connections on a page load, signing in silently against a
 * live provider session the way the element does: discovery, PKCE S256, state and nonce, `prompt=none` in a hidden
 * frame whose callback posts its URL back to this page, the code exchanged for tokens (ID token checked), and the
 * first page of connections rendered as a table. No styles, messages, validation or error handling.
 */
import * as oauth from 'oauth4webapi';
import {html, LitElement} from 'lit';

interface Connection {
  ExternalIdentifier: string | null;
  ClientName: string | null;
  APIType: string | null;
  ClientId: string | null;
  IsActive: boolean;
  Description: string | null;
}

const {issuer = '', clientId = '', apiBaseUrl = ''} = document.body.dataset;
const redirectUri = `${location.origin}${location.pathname}`;
const SCOPE = 'openid profile email offline_access api.user-management';
const ROWS = 50;
// The emulator is served over plain http on loopback.
// eslint-disable-next-line @typescript-eslint/no-deprecated -- the library's own switch for a loopback http issuer
const http = {[oauth.allowInsecureRequests]: true};

class ColdReferenceTable extends LitElement {
  static override properties = {rows: {state: true}};
  declare rows: Connection[];

  constructor() {
    super();
    this.rows = [];
  }

  override render() {
    return html`<table>
      <thead>
        <tr>
          <th>External Identifier</th>
          <th>Client Name</th>
          <th>Type</th>
          <th>Client ID</th>
          <th>Status</th>
          <th>Description</th>
        </tr>
      </thead>
      <tbody>
        ${this.rows.slice(0, ROWS).map(
          (row) =>
            html`<tr>
              <td>${row.ExternalIdentifier}</td>
              <td>${row.ClientName}</td>
              <td>${row.APIType}</td>
              <td>${row.ClientId}</td>
              <td>${row.IsActive ? 'Active' : 'Inactive'}</td>
              <td>${row.Description}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}
customElements.define('cold-reference-table', ColdReferenceTable);

/** Signs in with `prompt=none` in a hidden frame; resolves the callback URL the frame posts back. */
function silentAnswer(url: URL): Promise<URL> {
  const frame = document.createElement('iframe');
  frame.hidden = true;
  return new Promise((resolve) => {
    addEventListener('message', function listener(event: MessageEvent<{href?: string}>) {
      if (event.origin !== location.origin || event.source !== frame.contentWindow || !event.data.href) return;
      removeEventListener('message', listener);
      frame.remove();
      resolve(new URL(event.data.href));
    });
    frame.src = url.href;
    document.body.append(frame);
  });
}

async function main(): Promise<void> {
  const table = new ColdReferenceTable();
  document.body.append(table);
  const issuerUrl = new URL(issuer);
  const as = await oauth.processDiscoveryResponse(issuerUrl, await oauth.discoveryRequest(issuerUrl, http));
  const client: oauth.Client = {client_id: clientId};
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const url = new URL(as.authorization_endpoint ?? '');
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPE,
    state,
    nonce,
    prompt: 'none',
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  const parameters = oauth.validateAuthResponse(as, client, await silentAnswer(url), state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    parameters,
    redirectUri,
    verifier,
    http,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: nonce,
    requireIdToken: true,
  });
  const list = await fetch(
    `${apiBaseUrl}/api/user-management/v1/api-connections?sortField=CreatedDate&sortDirection=DESC&pageSize=500&pageNumber=1`,
    {headers: {authorization: `Bearer ${tokens.access_token}`}},
  );
  table.rows = ((await list.json()) as {Data: Connection[]}).Data;
}

if (window.parent !== window && new URLSearchParams(location.search).has('state')) {
  // The silent sign-in's callback, inside the hidden frame: hand the answer to the page that asked.
  window.parent.postMessage({href: location.href}, location.origin);
} else {
  void main();
}
