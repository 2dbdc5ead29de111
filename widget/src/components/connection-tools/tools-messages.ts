import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';
import {messages} from '../connection-form/form-messages.js';

/**
 * The text of the form's parts that load after it (issue 18: a first visit loads none of them): the one-time secret
 * hand-off, the connection tools (Check a redirect URI, Quickstarts, Test sign-in diagnoses), "Test sign-in" and "Get
 * a token now", on top of the form's (`form-messages.ts`). The token test's chunk holds it, which the tools and the
 * hand-off both load, so it stays out of the main module (issue 7) and out of the form's chunk.
 */
const parts = () => ({
  // Secret hand-off (conga-secret-reveal): keys added below this line.
  secretTitleCreated: msg('API connection created', {id: 'secretTitleCreated'}),
  secretTitleRegenerated: msg('New client secret issued', {id: 'secretTitleRegenerated'}),
  secretClientId: msg('Client ID', {id: 'secretClientId'}),
  secretClientSecret: msg('Client Secret', {id: 'secretClientSecret'}),
  secretWarning: msg("This is the only time the secret is shown. Store it now: it can't be shown again.", {
    id: 'secretWarning',
  }),
  secretUpdateEverywhere: msg('Update it in every system that used the previous secret.', {
    id: 'secretUpdateEverywhere',
  }),
  secretTitleClientIdGenerated: msg('Client ID generated', {id: 'secretTitleClientIdGenerated'}),
  secretPublicClientNote: msg(
    "The Client ID was generated. This is a UI-to-API connection, so it has no client secret: your app signs in with the Client ID and PKCE. Use this Client ID in your app's sign-in settings.",
    {id: 'secretPublicClientNote'},
  ),
  secretCopy: msg('Copy', {id: 'secretCopy'}),
  secretCopyEnv: msg('Copy as .env', {id: 'secretCopyEnv'}),
  secretCopied: msg('Copied', {id: 'secretCopied'}),
  secretCopiedEnv: msg('Copied as .env', {id: 'secretCopiedEnv'}),
  secretCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'secretCopyFailed'}),
  secretStored: msg('I have stored the secret', {id: 'secretStored'}),
  secretDone: msg('Done', {id: 'secretDone'}),
  secretDoneHint: msg('Check “I have stored the secret” first.', {id: 'secretDoneHint'}),
  secretClose: msg('Close', {id: 'secretClose'}),
  secretCloseQuestion: msg("You haven't confirmed you've saved the secret. It can't be shown again. Close anyway?", {
    id: 'secretCloseQuestion',
  }),
  secretCloseAnyway: msg('Close anyway', {id: 'secretCloseAnyway'}),
  secretKeepOpen: msg('Keep it open', {id: 'secretKeepOpen'}),

  // Tools (conga-connection-tools): keys added by the tools' author go below this line.
  toolsTitle: msg('Tools', {id: 'toolsTitle'}),
  toolsCheckTitle: msg('Check a redirect URI', {id: 'toolsCheckTitle'}),
  toolsCheckLabel: msg('Redirect URI your app sends', {id: 'toolsCheckLabel'}),
  toolsCheckHelp: msg('Paste the redirect_uri your app puts in its sign-in request.', {id: 'toolsCheckHelp'}),
  toolsCheckButton: msg('Check', {id: 'toolsCheckButton'}),
  toolsCheckMatch: msg('Matches the registered redirect URI exactly.', {id: 'toolsCheckMatch'}),
  toolsCheckNoMatch: (closest: string, difference: string) =>
    msg(str`Doesn't match. Closest registered: ${closest} — differs by ${difference}.`, {id: 'toolsCheckNoMatch'}),
  toolsCheckNoMatchNone: msg("Doesn't match.", {id: 'toolsCheckNoMatchNone'}),
  toolsCheckNoMatchFar: (count: number, first: string) =>
    count === 1
      ? msg(str`Doesn't match. The only registered redirect URI (${first}) is nothing like it.`, {
          id: 'toolsCheckNoMatchFar.one',
        })
      : msg(
          str`Doesn't match. None of the ${String(count)} registered redirect URIs is like it (the first is ${first}).`,
          {
            id: 'toolsCheckNoMatchFar',
          },
        ),
  toolsCheckRule: (rule: string) => msg(str`Rule: ${rule}`, {id: 'toolsCheckRule'}),
  toolsQuickstartsTitle: msg('Quickstarts for this connection', {id: 'toolsQuickstartsTitle'}),
  toolsQuickstartsIntro: msg(
    'Prefilled with this connection’s Client ID and your tenant’s endpoints. They never contain a client secret: use the one you stored when it was shown.',
    {id: 'toolsQuickstartsIntro'},
  ),
  toolsEndpointsUnknown: msg(
    'The sign-in endpoints of this tenant are unknown (no issuer, and the API base URL is not a known Conga region). Replace <issuer> with your tenant’s login URL.',
    {id: 'toolsEndpointsUnknown'},
  ),
  toolsCurlTitle: msg('Get a token with curl (client_credentials)', {id: 'toolsCurlTitle'}),
  toolsApiCallTitle: msg('Call the API with the token (user-id header)', {id: 'toolsApiCallTitle'}),
  toolsNodeTitle: msg('Node.js (oauth4webapi)', {id: 'toolsNodeTitle'}),
  toolsSalesforceTitle: msg('Salesforce Auth. Provider', {id: 'toolsSalesforceTitle'}),
  toolsSalesforceConsumerKey: msg('Consumer Key', {id: 'toolsSalesforceConsumerKey'}),
  toolsSalesforceConsumerSecret: msg('Consumer Secret', {id: 'toolsSalesforceConsumerSecret'}),
  toolsSalesforceStoredSecret: msg('(the secret you stored)', {id: 'toolsSalesforceStoredSecret'}),
  toolsSalesforceAuthorize: msg('Authorize Endpoint URL', {id: 'toolsSalesforceAuthorize'}),
  toolsSalesforceToken: msg('Token Endpoint URL', {id: 'toolsSalesforceToken'}),
  toolsSalesforceUserInfo: msg('User Info Endpoint URL', {id: 'toolsSalesforceUserInfo'}),
  toolsSalesforceScopes: msg('Default Scopes', {id: 'toolsSalesforceScopes'}),
  toolsSpaTitle: msg('Browser single-page app configuration', {id: 'toolsSpaTitle'}),
  toolsSpaCodeTitle: msg('Browser sign-in (oauth4webapi)', {id: 'toolsSpaCodeTitle'}),
  toolsNoRedirectUri: msg('Register a redirect URI first: the single-page app configuration uses the first one.', {
    id: 'toolsNoRedirectUri',
  }),
  toolsCopy: msg('Copy', {id: 'toolsCopy'}),
  toolsCopied: msg('Copied', {id: 'toolsCopied'}),
  toolsCopyFailed: msg('Copy failed — select the text and copy it manually.', {id: 'toolsCopyFailed'}),
  // Test sign-in diagnoses (diagnose.ts): one plain-language sentence each.
  diagnosisInactive: msg(
    'This connection is inactive, so the platform refuses every sign-in with its Client ID. Reactivate it, then test again.',
    {id: 'diagnosisInactive'},
  ),
  diagnosisClientRefused: msg(
    'The platform refused this Client ID (invalid_client). Reload the connection: it may have been deactivated or changed.',
    {id: 'diagnosisClientRefused'},
  ),
  diagnosisRedirectNotRegistered: (redirectUri: string, closest: string, difference: string) =>
    msg(
      str`The redirect URI ${redirectUri} isn't registered on this connection. Closest registered: ${closest} — differs by ${difference}.`,
      {id: 'diagnosisRedirectNotRegistered'},
    ),
  diagnosisRedirectNoneAlike: (redirectUri: string, count: number, first: string) =>
    count === 1
      ? msg(
          str`The redirect URI ${redirectUri} isn't registered on this connection, whose only redirect URI (${first}) is nothing like it.`,
          {id: 'diagnosisRedirectNoneAlike.one'},
        )
      : msg(
          str`The redirect URI ${redirectUri} isn't registered on this connection, whose ${String(count)} redirect URIs are nothing like it (the first is ${first}).`,
          {id: 'diagnosisRedirectNoneAlike'},
        ),
  diagnosisRedirectNoneRegistered: (redirectUri: string) =>
    msg(str`The redirect URI ${redirectUri} isn't registered on this connection, which has no redirect URIs yet.`, {
      id: 'diagnosisRedirectNoneRegistered',
    }),
  diagnosisAddRedirectUri: (redirectUri: string) =>
    msg(str`Add ${redirectUri} to Redirect URIs`, {id: 'diagnosisAddRedirectUri'}),
  diagnosisScopeNotAllowed: (scopes: string) =>
    msg(
      str`The sign-in asked for scopes this connection doesn't allow: ${scopes}. Add them to Allowed Scopes or stop asking for them.`,
      {id: 'diagnosisScopeNotAllowed'},
    ),
  diagnosisScopeRefused: msg(
    'The platform refused the requested scopes (invalid_scope). Check Allowed Scopes against the scopes the app asks for.',
    {id: 'diagnosisScopeRefused'},
  ),
  diagnosisOriginMissing: (origin: string) =>
    msg(str`The browser blocked the token request: ${origin} isn't in this connection's Cors Origins.`, {
      id: 'diagnosisOriginMissing',
    }),
  diagnosisAddOrigin: (origin: string) => msg(str`Add ${origin} to Cors Origins`, {id: 'diagnosisAddOrigin'}),
  diagnosisAccessDenied: msg('The user declined access on the consent page.', {id: 'diagnosisAccessDenied'}),
  diagnosisUnknown: (error: string) =>
    msg(str`Sign-in failed with the platform's error "${error}". The connection's settings don't explain it.`, {
      id: 'diagnosisUnknown',
    }),
  diagnosisTokenRequestFailed: (origin: string) =>
    msg(
      str`The token request from ${origin} got no answer this page may read, although ${origin} is in Cors Origins. Check that the sign-in service is reachable from this page, then test again.`,
      {id: 'diagnosisTokenRequestFailed'},
    ),
  // What the tools' fixes say once the edit form took them (connection-form.ts) or where to make them.
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
  // What a save's answer says (save-requests.ts, in the first save's chunk, which loads this one).
  formIdentifierDuplicate: (type: 'APItoAPI' | 'UItoAPI') =>
    type === 'APItoAPI'
      ? msg(
          'This External Identifier already has an API-to-API connection. Choose another one, or edit the existing connection from the list.',
          {id: 'formIdentifierDuplicate.apiToApi'},
        )
      : msg(
          'This External Identifier already has a UI-to-API connection. Choose another one, or edit the existing connection from the list.',
          {id: 'formIdentifierDuplicate.uiToApi'},
        ),
});

/** The hand-off's and the tools' keys, which `FormMessages` includes (the widget exports that type). */
export type PartsMessages = ReturnType<typeof parts>;

const build = () => ({
  ...messages,
  ...parts(),

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
