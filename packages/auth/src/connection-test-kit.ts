/**
 * The connection tests (`connection-test.ts`) bound to this package's sign-in code: `testSignIn` and
 * `testClientCredentials` for a caller that bundles them with it (the extension's background worker), and the kit
 * itself for one that loads the tests apart from its sign-in code and hands them the kit (the element, issue 18).
 */
import * as oauth from 'oauth4webapi';
import {
  runSignInTest,
  runTokenTest,
  type ConnectionTestKit,
  type SignInTestOptions,
  type SignInTestResult,
  type TokenTestOptions,
  type TokenTestResult,
} from './connection-test.js';
import {isAuthError} from './errors.js';
import {isLoopbackHttp, PkceFlow, transportOptions} from './pkce-flow.js';
import {createMemoryStorage} from './transaction-store.js';

/** This package's sign-in code, as the connection tests use it. */
export const connectionTestKit: ConnectionTestKit = {
  oauth: {
    AuthorizationResponseError: oauth.AuthorizationResponseError,
    ResponseBodyError: oauth.ResponseBodyError,
    WWWAuthenticateChallengeError: oauth.WWWAuthenticateChallengeError,
    discoveryRequest: oauth.discoveryRequest,
    processDiscoveryResponse: oauth.processDiscoveryResponse,
    clientCredentialsGrantRequest: oauth.clientCredentialsGrantRequest,
    processClientCredentialsResponse: oauth.processClientCredentialsResponse,
    ClientSecretBasic: oauth.ClientSecretBasic,
  },
  PkceFlow,
  isAuthError,
  isLoopbackHttp,
  transportOptions,
  createMemoryStorage,
};

/**
 * Runs one authorization-code + PKCE round trip with a connection's Client ID, in memory (see {@link runSignInTest}).
 */
export function testSignIn(options: SignInTestOptions): Promise<SignInTestResult> {
  return runSignInTest(connectionTestKit, options);
}

/** Requests one token with `client_credentials` and answers what it grants (see {@link runTokenTest}). */
export function testClientCredentials(options: TokenTestOptions): Promise<TokenTestResult> {
  return runTokenTest(connectionTestKit, options);
}
