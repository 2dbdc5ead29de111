/**
 * `/signin-reference.html`: the bare minimum of a browser PKCE sign-in (RFC 7636 S256, state), the yardstick of the
 * element's sign-in round trip: authorize (full-page redirect) → token → first API response. No discovery, no ID
 * token validation, no library: what is left is the provider's and the network's share of the round trip.
 */
const {issuer = '', clientId = '', apiBaseUrl = ''} = document.body.dataset;
const redirectUri = `${location.origin}${location.pathname}`;
const SCOPE = 'openid profile email offline_access api.user-management';

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return btoa(String.fromCharCode(...view))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

async function signIn(): Promise<void> {
  const verifier = base64url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem('bench:pkce', JSON.stringify({verifier, state}));
  const url = new URL(`${issuer}/connect/authorize`);
  url.search = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPE,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url);
}

async function complete(code: string, state: string | null): Promise<void> {
  const saved = JSON.parse(sessionStorage.getItem('bench:pkce') ?? '{}') as {verifier?: string; state?: string};
  sessionStorage.removeItem('bench:pkce');
  if (!saved.verifier || saved.state !== state) throw new Error('state mismatch');
  history.replaceState(null, '', redirectUri);
  const response = await fetch(`${issuer}/connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: saved.verifier,
    }),
  });
  const tokens = (await response.json()) as {access_token?: string};
  if (!tokens.access_token) throw new Error('no access token');
  const list = await fetch(
    `${apiBaseUrl}/api/user-management/v1/api-connections?sortField=CreatedDate&sortDirection=DESC&pageSize=500&pageNumber=1`,
    {headers: {authorization: `Bearer ${tokens.access_token}`}},
  );
  document.body.dataset.listed = String(((await list.json()) as {Data: unknown[]}).Data.length);
}

const parameters = new URLSearchParams(location.search);
const code = parameters.get('code');
if (code) {
  void complete(code, parameters.get('state'));
} else {
  const button = document.createElement('button');
  button.textContent = 'Sign in';
  button.addEventListener('click', () => void signIn());
  document.body.append(button);
}
