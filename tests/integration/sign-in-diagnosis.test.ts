/**
 * The "Test sign-in" diagnoses rest on what the provider really answers. Each case provokes one failure against a
 * real emulator, checks the answer's shape (the evidence the browser gets), and feeds that evidence to
 * diagnoseSignIn() to pin the exact sentence an admin sees.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {diagnoseSignIn} from '../../widget/src/components/connection-tools/diagnose.js';
import type {DiagnosedConnection} from '../../widget/src/components/connection-tools/diagnose.js';
import {
  adminHeaders,
  api,
  authorizationUrl,
  CONNECTIONS_PATH,
  pkcePair,
  signInThroughLoginForm,
  tokenRequest,
} from '../support/emulator.js';

const IDENTIFIER = '00D7z000000AbCdEAG';
const REDIRECT = 'https://app.example.test/callback';
const ORIGIN = 'https://app.example.test';
const SCOPES = ['openid', 'profile', 'api.user-management'];

let emulator: Emulator;
let clientId = '';
let connection: DiagnosedConnection;

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  ({ClientId: clientId} = emulator.createConnection({
    ExternalIdentifier: IDENTIFIER,
    type: 'UItoAPI',
    ClientName: 'Diagnosis',
    RedirectURI: [REDIRECT],
    CorsOrigins: [ORIGIN],
    AllowedScopes: SCOPES,
  }));
  connection = {RedirectURI: [REDIRECT], CorsOrigins: [ORIGIN], AllowedScopes: SCOPES, IsActive: true};
});
afterAll(() => emulator.close());

function authorize(redirectUri: string, scope = SCOPES.join(' ')): Promise<Response> {
  return fetch(authorizationUrl(emulator.issuer, {clientId, redirectUri, scope, challenge: pkcePair().challenge}), {
    redirect: 'manual',
  });
}

/** The error the provider's error page names (it shows the code in its alert paragraph). */
async function pageError(response: Response): Promise<string | undefined> {
  return /role="alert">([a-z_]+)</.exec(await response.text())?.[1];
}

describe('Test sign-in diagnoses against the emulator', () => {
  it('an unregistered redirect URI gets the error page (400, no Location): "redirect URI not registered"', async () => {
    const sent = `${REDIRECT}/`;
    const response = await authorize(sent);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const error = await pageError(response);
    expect(error).toBe('invalid_redirect_uri');

    const diagnosis = diagnoseSignIn({error, errorPageStatus: response.status}, connection, {
      redirectUri: sent,
      origin: ORIGIN,
      scopes: SCOPES,
    });
    expect(diagnosis).toMatchObject({
      kind: 'redirect-uri-not-registered',
      message:
        "The redirect URI https://app.example.test/callback/ isn't registered on this connection. Closest registered: https://app.example.test/callback — differs by an added trailing slash.",
      fix: {field: 'RedirectURI', value: sent, label: 'Add https://app.example.test/callback/ to Redirect URIs'},
    });
  });

  it('a scope outside Allowed Scopes comes back to the app as error=invalid_scope: "scope not allowed"', async () => {
    const response = await authorize(REDIRECT, 'openid email');
    expect(response.status).toBe(303);
    const callback = new URL(response.headers.get('location') ?? '');
    expect(callback.origin + callback.pathname).toBe(REDIRECT);
    expect(callback.searchParams.get('error')).toBe('invalid_scope');

    const diagnosis = diagnoseSignIn(
      {error: callback.searchParams.get('error'), errorDescription: callback.searchParams.get('error_description')},
      connection,
      {redirectUri: REDIRECT, origin: ORIGIN, scopes: ['openid', 'email']},
    );
    expect(diagnosis).toEqual({
      kind: 'scope-not-allowed',
      message:
        "The sign-in asked for scopes this connection doesn't allow: email. Add them to Allowed Scopes or stop asking for them.",
      scopes: ['email'],
    });
  });

  it('the token endpoint sends no CORS header to an origin missing from Cors Origins: "origin missing"', async () => {
    const {verifier, challenge} = pkcePair();
    const walk = await signInThroughLoginForm(
      authorizationUrl(emulator.issuer, {clientId, redirectUri: REDIRECT, scope: SCOPES.join(' '), challenge}),
      emulator.users.admin,
    );
    const code = walk.callback.searchParams.get('code');
    expect(code).toEqual(expect.any(String));
    const other = 'https://other.example.test';
    const token = await tokenRequest(
      emulator.issuer,
      {
        grant_type: 'authorization_code',
        code: code ?? '',
        redirect_uri: REDIRECT,
        client_id: clientId,
        code_verifier: verifier,
      },
      {origin: other},
    );
    // The grant itself succeeds; a browser on `other` never sees it, because the answer has no CORS header for it.
    expect(token.status).toBe(200);
    expect(token.headers.get('access-control-allow-origin')).toBeNull();

    const diagnosis = diagnoseSignIn({tokenRequestBlocked: true}, connection, {
      redirectUri: REDIRECT,
      origin: other,
      scopes: SCOPES,
    });
    expect(diagnosis).toEqual({
      kind: 'origin-not-allowed',
      message:
        "The browser blocked the token request: https://other.example.test isn't in this connection's Cors Origins.",
      fix: {field: 'CorsOrigins', value: other, label: 'Add https://other.example.test to Cors Origins'},
    });
  });

  it('an inactive connection is refused with invalid_client on the error page: "connection inactive"', async () => {
    const admin = await adminHeaders(emulator);
    const statusPath = `${CONNECTIONS_PATH}/${IDENTIFIER}/status?apiConnectionType=UItoAPI`;
    expect((await api(emulator, 'PUT', statusPath, admin, {IsActive: false})).status).toBe(200);
    const read = await api(emulator, 'GET', `${CONNECTIONS_PATH}/${IDENTIFIER}?apiConnectionType=UItoAPI`, admin);
    expect(read.body.Data.IsActive).toBe(false);

    const response = await authorize(REDIRECT);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    const error = await pageError(response);
    expect(error).toBe('invalid_client');
    const token = await tokenRequest(emulator.issuer, {
      grant_type: 'refresh_token',
      refresh_token: 'any',
      client_id: clientId,
    });
    expect(token.body.error).toBe('invalid_client');

    const inactive = {...connection, IsActive: read.body.Data.IsActive as boolean};
    expect(
      diagnoseSignIn({error, errorPageStatus: response.status}, inactive, {
        redirectUri: REDIRECT,
        origin: ORIGIN,
        scopes: SCOPES,
      }),
    ).toEqual({
      kind: 'connection-inactive',
      message:
        'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
    });
    // Deactivated after the view loaded: the provider's invalid_client is the evidence.
    expect(diagnoseSignIn({error}, connection, {redirectUri: REDIRECT, origin: ORIGIN, scopes: SCOPES}).kind).toBe(
      'client-refused',
    );
  });
});
