/**
 * Helpers for tests that talk to a real emulator over HTTP: a browser-less walk through the login form, and
 * small OAuth requests built by hand where the point is to send what a well-behaved library never would.
 */
import {createHash, randomBytes} from 'node:crypto';

/** A minimal cookie jar: enough for the provider's session and interaction cookies on one origin. */
export class CookieJar {
  readonly #cookies = new Map<string, string>();

  /** Stores the cookies a response sets (expired ones are removed). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair?.indexOf('=') ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  /** The Cookie header to send. */
  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** What happened on the way through the login pages. */
export interface LoginWalk {
  /** The URL the provider finally redirected to (the client's redirect URI with code/state/iss or error). */
  callback: URL;
  /** How many login forms were shown (0 when the provider session was still alive). */
  loginForms: number;
  /** How many consent pages were shown. */
  consentPages: number;
}

function formAction(html: string, index = 0): string {
  const actions = [...html.matchAll(/<form[^>]*action="([^"]*)"/g)].map((m) => m[1] ?? '');
  const action = actions[index];
  if (action === undefined) throw new Error(`no form #${String(index)} on the page: ${html.slice(0, 200)}`);
  return action.replaceAll('&amp;', '&');
}

/**
 * Follows an authorization request through the emulator's login (and consent) pages as a browser would, and
 * returns where the provider sent the user back. `jar` lets a test keep the provider session across sign-ins.
 */
export async function signInThroughLoginForm(
  authorizationUrl: string | URL,
  credentials: {username: string; password: string},
  options: {jar?: CookieJar; consent?: 'allow' | 'deny'} = {},
): Promise<LoginWalk> {
  const jar = options.jar ?? new CookieJar();
  const start = new URL(authorizationUrl);
  let url = start;
  let method = 'GET';
  let body: URLSearchParams | undefined;
  let loginForms = 0;
  let consentPages = 0;

  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      headers: {cookie: jar.header(), ...(body ? {'content-type': 'application/x-www-form-urlencoded'} : {})},
      body,
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, url);
      if (next.origin !== start.origin) return {callback: next, loginForms, consentPages};
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await response.text();
    if ((response.status === 200 || response.status === 401) && html.includes('name="username"')) {
      if (loginForms > 0) throw new Error('the login form came back: wrong user name or password?');
      loginForms += 1;
      url = new URL(formAction(html), url);
      method = 'POST';
      body = new URLSearchParams({username: credentials.username, password: credentials.password});
      continue;
    }
    if (response.status === 200 && html.includes('Allow access?')) {
      consentPages += 1;
      url = new URL(formAction(html, options.consent === 'deny' ? 1 : 0), url);
      method = 'POST';
      body = new URLSearchParams();
      continue;
    }
    throw new Error(
      `sign-in stopped at HTTP ${String(response.status)}: ${html
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 300)}`,
    );
  }
  throw new Error('sign-in took more than 20 hops');
}

/** A fresh PKCE pair (RFC 7636 §4.1–4.2), built with node:crypto so the tests don't trust the code under test. */
export function pkcePair(): {verifier: string; challenge: string} {
  const verifier = randomBytes(32).toString('base64url');
  return {verifier, challenge: createHash('sha256').update(verifier).digest('base64url')};
}

/** Builds an authorization-code + PKCE request URL for `clientId`. */
export function authorizationUrl(
  issuer: string,
  params: {
    clientId: string;
    redirectUri: string;
    scope?: string;
    state?: string;
    challenge?: string;
    extra?: Record<string, string>;
  },
): URL {
  const url = new URL(`${issuer}/connect/authorize`);
  url.searchParams.set('client_id', params.clientId);
  url.searchParams.set('redirect_uri', params.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', params.scope ?? 'openid profile api.user-management');
  url.searchParams.set('state', params.state ?? randomBytes(16).toString('base64url'));
  if (params.challenge !== undefined) {
    url.searchParams.set('code_challenge', params.challenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  for (const [key, value] of Object.entries(params.extra ?? {})) url.searchParams.set(key, value);
  return url;
}

/** Posts a form to the token endpoint and returns status and parsed JSON. */
export async function tokenRequest(
  issuer: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{status: number; body: Record<string, unknown>; headers: Headers}> {
  const response = await fetch(`${issuer}/connect/token`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded', ...headers},
    body: new URLSearchParams(form),
  });
  return {status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers};
}

/** The Basic header for client_secret_basic (RFC 6749 §2.3.1: form-urlencode, then base64). */
export function basicAuth(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

/** The path of the API Connections resource. */
export const CONNECTIONS_PATH = '/api/user-management/v1/api-connections';

interface EmulatorLike {
  issuer: string;
  apiBaseUrl: string;
  users: {admin: {id: string; username: string; password: string}};
  clients: {script: {clientId: string; clientSecret: string}; extension: {clientId: string; redirectUri: string}};
}

/** Headers for an admin call with an API-to-API token from the seeded script client (plus the `user-id` it needs). */
export async function adminHeaders(emulator: EmulatorLike): Promise<Record<string, string>> {
  const {clientId, clientSecret} = emulator.clients.script;
  const token = await tokenRequest(
    emulator.issuer,
    {grant_type: 'client_credentials', scope: 'api.user-management'},
    {authorization: basicAuth(clientId, clientSecret)},
  );
  if (token.status !== 200) throw new Error(`admin token request failed: ${JSON.stringify(token.body)}`);
  return {authorization: `Bearer ${String(token.body.access_token)}`, 'user-id': emulator.users.admin.id};
}

/**
 * Signs `user` in through the login form with the seeded extension client (first-party, so no consent) and
 * redeems the code; returns the token response.
 */
export async function signInUser(
  emulator: EmulatorLike,
  user: {username: string; password: string},
  scope = 'openid profile email offline_access api.user-management',
): Promise<Record<string, unknown>> {
  const {clientId, redirectUri} = emulator.clients.extension;
  const {verifier, challenge} = pkcePair();
  const walk = await signInThroughLoginForm(
    authorizationUrl(emulator.issuer, {clientId, redirectUri, scope, challenge}),
    user,
  );
  const code = walk.callback.searchParams.get('code');
  if (!code) throw new Error(`no code: ${walk.callback.search}`);
  const token = await tokenRequest(emulator.issuer, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    client_id: clientId,
    code_verifier: verifier,
  });
  if (token.status !== 200) throw new Error(`token request failed: ${JSON.stringify(token.body)}`);
  return token.body;
}

/** Calls the REST API and returns status, headers and the parsed envelope. */
export async function api(
  emulator: EmulatorLike,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the JSON envelope field by field
): Promise<{status: number; body: any; headers: Headers}> {
  const response = await fetch(`${emulator.apiBaseUrl}${path}`, {
    method,
    headers: {...headers, ...(body === undefined ? {} : {'content-type': 'application/json'})},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers};
}
