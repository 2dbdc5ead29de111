export {
  decodeToken,
  runSignInTest,
  runTokenTest,
  type ConnectionTestKit,
  type DecodedToken,
  type SignInTestFailure,
  type SignInTestOptions,
  type SignInTestResult,
  type SignInTestSuccess,
  type TokenTestFailure,
  type TokenTestOptions,
  type TokenTestResult,
  type TokenTestSuccess,
} from './connection-test.js';
export {connectionTestKit, testClientCredentials, testSignIn} from './connection-test-kit.js';
export {AUTH_ERROR_CODES, AuthError, isAuthError, type AuthErrorCode} from './errors.js';
export {
  createFrameLauncher,
  createPopupLauncher,
  SILENT_SIGN_IN_TIMEOUT_MS,
  type FrameLauncherOptions,
  type PopupLauncherOptions,
} from './launchers/popup.js';
export {AUTH_RESPONSE_MESSAGE, createBrowserPage, createRedirectLauncher} from './launchers/redirect.js';
export {
  DEFAULT_SCOPE,
  DEFAULT_TOKEN_LIFETIME_SECONDS,
  PkceFlow,
  type CompletedSignIn,
  type PkceFlowOptions,
  type TokenSet,
} from './pkce-flow.js';
export {
  BrowserAuthSession,
  type AuthLauncher,
  type AuthPage,
  type BrowserAuthSessionOptions,
  type LoginMode,
  type SignInOptions,
} from './session.js';
export type {AuthSession, AuthState, AuthUser, GetAccessTokenOptions, SignedOutReason} from './state.js';
export {
  createMemoryStorage,
  TRANSACTION_LIFETIME_MS,
  type AuthTransaction,
  type LauncherKind,
  type TransactionStorage,
} from './transaction-store.js';
