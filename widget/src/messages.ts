/**
 * Every user-facing string of the element, in one catalogue (STYLE.md §4). Functions take the values they
 * interpolate; the UI renders them as text, never as HTML.
 */
export const messages = {
  title: 'Conga API Connections',
  intro:
    'API connections let other systems call the Conga Advantage Platform APIs. API-to-API connections are for server integrations; UI-to-API connections are for browser apps that sign users in.',
  loading: 'Loading API connections…',
  refresh: 'Refresh',

  // Sign-in
  signIn: 'Sign in',
  signInPrompt: 'Sign in with your Conga administrator account to manage API connections.',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  signedInAs: (name: string) => `Signed in as ${name}`,
  notConfigured:
    'This element is not configured: set "issuer", "client-id" and "redirect-uri" (or hand it a session) and "api-base-url".',
  sessionExpired: 'Your session expired. Sign in again to continue — your changes are kept.',
  popupBlocked: 'The sign-in window was blocked. Allow pop-ups for this site, or sign in on this page instead.',
  signInOnThisPage: 'Sign in on this page',

  // Access
  needAdmin: 'You need the administrator role to manage API connections.',
  needAdminDetail: 'Ask an administrator of your organization to give you the role, then sign in again.',

  // Errors (switch on code, never on message)
  retry: 'Try again',
  errorGeneric: 'Something went wrong. Try again in a moment.',
  errorNetwork: "Can't reach the server. Check your connection and try again.",
  errorOffline: "You're offline — changes not saved yet.",
  errorTimeout: "The server didn't respond.",
  errorServer: 'The server had a problem answering. Try again in a moment.',
  errorShape: 'The server sent an answer this page does not understand.',
  errorNotFound: 'This API connection no longer exists.',
  errorConflict: 'Changed by someone else since you opened it.',
  errorRejected: (status: number) => `The server rejected the request (${status}).`,
  errorRateLimited: (seconds: number) => `Too many requests — retrying in ${seconds} s`,
  errorSignIn: "Sign-in couldn't be completed.",
  errorSignInVerify: "Sign-in couldn't be verified. Please try again.",
  errorSignInConfig: 'Sign-in service configuration mismatch.',
  errorSignInUnreachable: (issuer: string) => `Can't reach the sign-in service at ${issuer}.`,
  errorSignInDenied: 'Sign-in was cancelled.',
  errorSignInClosed: 'The sign-in window was closed before sign-in finished.',
  errorSummaryTitle: 'Fix these to continue:',
  backToList: 'Back to the list',

  // List (conga-connection-list): keys added by the list's author go below this line.

  // Form (conga-connection-form): keys added by the form's author go below this line.

  // Secret hand-off (conga-secret-reveal): keys added below this line.

  // Types
  typeApiToApi: 'API to API',
  typeUiToApi: 'UI to API',
  active: 'Active',
  inactive: 'Inactive',
} as const;

/** The message catalogue's type, for hosts that want to translate it. */
export type Messages = typeof messages;
