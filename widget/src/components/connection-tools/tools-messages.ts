import {messages} from '../connection-form/form-messages.js';

/**
 * The text of "Test sign-in" and "Get a token now", on top of the form's and the tools' (`form-messages.ts`). Only
 * the lazily loaded form chunk uses it, so it stays out of the main module's `messages.ts` (size budget).
 */
export const toolsMessages = {
  ...messages,

  // Test sign-in (conga-sign-in-test).
  testTitle: 'Test sign-in',
  testIntro: (redirectUri: string) =>
    `Signs in with this connection's Client ID in a new window that comes back to ${redirectUri}. Your own session isn't touched, and no token is kept: only what the tokens say is shown.`,
  testNoRedirectUri:
    'Test sign-in needs a page to come back to: set the test-redirect-uri (or redirect-uri) attribute of the element.',
  testNoIssuer: "Test sign-in needs this tenant's sign-in service: set the issuer attribute of the element.",
  testScopesLabel: 'Scopes to request',
  testScopesHelp: "Space-separated; prefilled with the connection's Allowed Scopes.",
  testButton: 'Test sign-in',
  testRunning: 'Waiting for the sign-in window: sign in and allow access there.',
  testSuccess: 'Sign-in works: the platform issued tokens to this connection.',
  testDiscarded: 'The tokens themselves were discarded; only their contents are shown.',
  testPopupClosed: 'The sign-in window was closed before the test finished. Test again and finish signing in there.',
  testPopupBlocked: 'The browser blocked the sign-in window. Allow pop-ups for this site, then test again.',
  testTimedOut: (minutes: number) =>
    `The sign-in window got no answer within ${String(minutes)} minutes, so the test stopped. Test again.`,
  testVerifyFailed:
    "The answer couldn't be verified (its state or issuer didn't match this test), so no token was requested. Test again.",
  testUnreachable: (issuer: string) =>
    `Can't reach the sign-in service at ${issuer}. Check your connection and test again.`,
  testFailed: "The test couldn't finish. Test again.",
  testConfigMismatch: (issuer: string) =>
    `The sign-in service at ${issuer} names another issuer in its configuration, so the test stopped before signing in.`,
  testRedirectOtherOrigin: (redirectUri: string, origin: string) =>
    `Test sign-in can't use ${redirectUri}: the sign-in window hands its answer back only to a page of this site (${origin}). Set test-redirect-uri to a page on ${origin}.`,
  testFixFields: {RedirectURI: 'Redirect URIs', CorsOrigins: 'Cors Origins'},
  testFixAdded: (value: string, field: string) =>
    `Added ${value} to ${field}. Save the connection to apply it, then test again.`,
  testFixAlreadyListed: (value: string, field: string) =>
    `${value} is already in ${field}. Save the connection to apply it, then test again.`,
  testFixElsewhere: (value: string, field: string) =>
    `Add ${value} to ${field} in this connection's settings, save, then test again.`,

  // What a token says (Test sign-in and Get a token now).
  tokenGrantedScopes: 'Granted scopes',
  tokenNoScopes: "not listed in the token response (the connection's default scopes apply)",
  tokenExpiry: 'Expiry',
  tokenExpires: (minutes: number, time: string) =>
    `expires in ${String(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}, at ${time}`,
  tokenExpiryUnknown: 'not stated in the token response',
  tokenIdTitle: 'ID token claims',
  tokenNoId: 'No ID token: openid was not requested.',
  tokenAccessTitle: 'Access token claims',
  tokenOpaque:
    'The access token is opaque (not a JWT): only the platform can read it. Its scopes and lifetime above come from the token response.',
  tokenMalformed: "The token looks like a JWT but can't be decoded.",
  tokenClaimTime: (value: string, time: string) => `${value} (${time})`,

  // Get a token now (conga-token-test).
  tokenTitle: 'Get a token now',
  tokenIntroHandoff:
    'Check that the new secret works: request one token with client_credentials. The secret is used for this one request.',
  tokenIntroPaste:
    'Paste the secret you stored to request one token with client_credentials. It is used for this one request, then cleared; it is never stored.',
  tokenSecretLabel: 'Client Secret',
  tokenButton: 'Get a token now',
  tokenRunning: 'Requesting a token…',
  tokenSecretRequired: 'Paste the Client Secret first.',
  tokenSuccess: 'The platform issued a token to this connection.',
  tokenBlocked:
    "This page can't call the token endpoint: the browser blocks it, because the platform doesn't allow this page's origin (API-to-API connections have no Cors Origins; they are meant for servers). Run this command instead, with the secret in the CONGA_CLIENT_SECRET environment variable:",
  tokenCommandTitle: 'Command that requests a token',
  tokenInvalidClient:
    'The platform refused this Client ID and secret (invalid_client): the secret is wrong or was regenerated since, or the connection is inactive.',
  tokenInvalidScope: 'The platform refused the requested scopes (invalid_scope).',
  tokenUnauthorizedClient:
    'This Client ID may not use client_credentials (unauthorized_client): only API-to-API connections can.',
  tokenError: (error: string) => `The token request failed with the platform's error "${error}".`,
  tokenUnreachable: (issuer: string) =>
    `Can't reach the sign-in service at ${issuer}. Check your connection and try again.`,
  tokenFailed: "The token request couldn't finish. Try again.",
  tokenNoIssuer: "Get a token now needs this tenant's sign-in service: set the issuer attribute of the element.",
} as const;
