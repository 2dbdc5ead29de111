import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';
import {messages} from '../connection-form/form-messages.js';

/**
 * The text of "Test sign-in" and "Get a token now", on top of the form's and the tools' (`form-messages.ts`). Only
 * the lazily loaded form chunk uses it, so it stays out of the main module's `messages.ts` (size budget).
 */
const build = () => ({
  ...messages,

  // Test sign-in (conga-sign-in-test).
  testTitle: msg('Test sign-in', {id: 'testTitle'}),
  testIntro: (redirectUri: string) =>
    msg(
      str`Signs in with this connection's Client ID in a new window that comes back to ${redirectUri}. Your own session isn't touched, and no token is kept: only what the tokens say is shown.`,
      {id: 'testIntro'},
    ),
  testNoRedirectUri: msg(
    'Test sign-in needs a page to come back to: set the test-redirect-uri (or redirect-uri) attribute of the element.',
    {id: 'testNoRedirectUri'},
  ),
  testNoIssuer: msg("Test sign-in needs this tenant's sign-in service: set the issuer attribute of the element.", {
    id: 'testNoIssuer',
  }),
  testScopesLabel: msg('Scopes to request', {id: 'testScopesLabel'}),
  testScopesHelp: msg("Space-separated; prefilled with the connection's Allowed Scopes.", {id: 'testScopesHelp'}),
  testButton: msg('Test sign-in', {id: 'testButton'}),
  testRunning: msg('Waiting for the sign-in window: sign in and allow access there.', {id: 'testRunning'}),
  testSuccess: msg('Sign-in works: the platform issued tokens to this connection.', {id: 'testSuccess'}),
  testDiscarded: msg('The tokens themselves were discarded; only their contents are shown.', {id: 'testDiscarded'}),
  testPopupClosed: msg(
    'The sign-in window was closed before the test finished. Test again and finish signing in there.',
    {id: 'testPopupClosed'},
  ),
  testPopupBlocked: msg('The browser blocked the sign-in window. Allow pop-ups for this site, then test again.', {
    id: 'testPopupBlocked',
  }),
  testTimedOut: (minutes: number) =>
    msg(str`The sign-in window got no answer within ${String(minutes)} minutes, so the test stopped. Test again.`, {
      id: 'testTimedOut',
    }),
  testVerifyFailed: msg(
    "The answer couldn't be verified (its state or issuer didn't match this test), so no token was requested. Test again.",
    {id: 'testVerifyFailed'},
  ),
  testUnreachable: (issuer: string) =>
    msg(str`Can't reach the sign-in service at ${issuer}. Check your connection and test again.`, {
      id: 'testUnreachable',
    }),
  testFailed: msg("The test couldn't finish. Test again.", {id: 'testFailed'}),
  testConfigMismatch: (issuer: string) =>
    msg(
      str`The sign-in service at ${issuer} names another issuer in its configuration, so the test stopped before signing in.`,
      {id: 'testConfigMismatch'},
    ),
  testRedirectOtherOrigin: (redirectUri: string, origin: string) =>
    msg(
      str`Test sign-in can't use ${redirectUri}: the sign-in window hands its answer back only to a page of this site (${origin}). Set test-redirect-uri to a page on ${origin}.`,
      {id: 'testRedirectOtherOrigin'},
    ),
  testFixFields: {
    RedirectURI: msg('Redirect URIs', {id: 'testFixFields.RedirectURI'}),
    CorsOrigins: msg('Cors Origins', {id: 'testFixFields.CorsOrigins'}),
  },
  testFixAdded: (value: string, field: string) =>
    msg(str`Added ${value} to ${field}. Save the connection to apply it, then test again.`, {id: 'testFixAdded'}),
  testFixAlreadyListed: (value: string, field: string) =>
    msg(str`${value} is already in ${field}. Save the connection to apply it, then test again.`, {
      id: 'testFixAlreadyListed',
    }),
  testFixElsewhere: (value: string, field: string) =>
    msg(str`Add ${value} to ${field} in this connection's settings, save, then test again.`, {id: 'testFixElsewhere'}),

  // What a token says (Test sign-in and Get a token now).
  tokenGrantedScopes: msg('Granted scopes', {id: 'tokenGrantedScopes'}),
  tokenNoScopes: msg("not listed in the token response (the connection's default scopes apply)", {id: 'tokenNoScopes'}),
  tokenExpiry: msg('Expiry', {id: 'tokenExpiry'}),
  tokenExpires: (minutes: number, time: string) =>
    minutes === 1
      ? msg(str`expires in 1 minute, at ${time}`, {id: 'tokenExpires.one'})
      : msg(str`expires in ${String(minutes)} minutes, at ${time}`, {id: 'tokenExpires'}),
  tokenExpiryUnknown: msg('not stated in the token response', {id: 'tokenExpiryUnknown'}),
  tokenIdTitle: msg('ID token claims', {id: 'tokenIdTitle'}),
  tokenNoId: msg('No ID token: openid was not requested.', {id: 'tokenNoId'}),
  tokenAccessTitle: msg('Access token claims', {id: 'tokenAccessTitle'}),
  tokenOpaque: msg(
    'The access token is opaque (not a JWT): only the platform can read it. Its scopes and lifetime above come from the token response.',
    {id: 'tokenOpaque'},
  ),
  tokenMalformed: msg("The token looks like a JWT but can't be decoded.", {id: 'tokenMalformed'}),
  tokenClaimTime: (value: string, time: string) => msg(str`${value} (${time})`, {id: 'tokenClaimTime'}),

  // Get a token now (conga-token-test).
  tokenTitle: msg('Get a token now', {id: 'tokenTitle'}),
  tokenIntroHandoff: msg(
    'Check that the new secret works: request one token with client_credentials. The secret is used for this one request.',
    {id: 'tokenIntroHandoff'},
  ),
  tokenIntroPaste: msg(
    'Paste the secret you stored to request one token with client_credentials. It is used for this one request, then cleared; it is never stored.',
    {id: 'tokenIntroPaste'},
  ),
  tokenSecretLabel: msg('Client Secret', {id: 'tokenSecretLabel'}),
  tokenButton: msg('Get a token now', {id: 'tokenButton'}),
  tokenRunning: msg('Requesting a token…', {id: 'tokenRunning'}),
  tokenSecretRequired: msg('Paste the Client Secret first.', {id: 'tokenSecretRequired'}),
  tokenSuccess: msg('The platform issued a token to this connection.', {id: 'tokenSuccess'}),
  tokenBlocked: msg(
    "This page can't call the token endpoint: the browser blocks it, because the platform doesn't allow this page's origin (API-to-API connections have no Cors Origins; they are meant for servers). Run this command instead, with the secret in the CONGA_CLIENT_SECRET environment variable:",
    {id: 'tokenBlocked'},
  ),
  tokenCommandTitle: msg('Command that requests a token', {id: 'tokenCommandTitle'}),
  tokenInvalidClient: msg(
    'The platform refused this Client ID and secret (invalid_client): the secret is wrong or was regenerated since, or the connection is inactive.',
    {id: 'tokenInvalidClient'},
  ),
  tokenInvalidScope: msg('The platform refused the requested scopes (invalid_scope).', {id: 'tokenInvalidScope'}),
  tokenUnauthorizedClient: msg(
    'This Client ID may not use client_credentials (unauthorized_client): only API-to-API connections can.',
    {id: 'tokenUnauthorizedClient'},
  ),
  tokenError: (error: string) =>
    msg(str`The token request failed with the platform's error "${error}".`, {id: 'tokenError'}),
  tokenUnreachable: (issuer: string) =>
    msg(str`Can't reach the sign-in service at ${issuer}. Check your connection and try again.`, {
      id: 'tokenUnreachable',
    }),
  tokenFailed: msg("The token request couldn't finish. Try again.", {id: 'tokenFailed'}),
  tokenNoIssuer: msg("Get a token now needs this tenant's sign-in service: set the issuer attribute of the element.", {
    id: 'tokenNoIssuer',
  }),
});

/** The form's catalogue plus these, in the current locale (built like messages.ts). */
export let toolsMessages = build();
onLocaleReady(() => (toolsMessages = build()));
