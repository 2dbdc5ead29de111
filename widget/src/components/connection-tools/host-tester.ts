import type {SignInTestOptions, SignInTestResult, TokenTestOptions, TokenTestResult} from '@conga-connections/auth';
import type {ConnectionTester} from '../../context.js';
import type {createPopupLauncher} from '../../sign-in-auth.js';

/** What the tester uses of the sign-in code and the connection tests, once both are loaded. */
interface AuthModule {
  createPopupLauncher: typeof createPopupLauncher;
  testSignIn(options: SignInTestOptions): Promise<SignInTestResult>;
  testClientCredentials(options: TokenTestOptions): Promise<TokenTestResult>;
}

/** The sign-in chunk, then the connection tests' chunk, run on the sign-in chunk's code (its kit). */
async function loadAuth(): Promise<AuthModule> {
  const signIn = await import('../../sign-in-auth.js');
  const {runSignInTest, runTokenTest} = await signIn.loadConnectionTests();
  const kit = signIn.connectionTestKit;
  return {
    createPopupLauncher: signIn.createPopupLauncher,
    testSignIn: (options) => runSignInTest(kit, options),
    testClientCredentials: (options) => runTokenTest(kit, options),
  };
}

/** How long the test's sign-in window may stay open without an answer; long enough to type a password and consent. */
export const TEST_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

/** Options of {@link createHostConnectionTester}. */
export interface HostConnectionTesterOptions {
  /** The tenant's OpenID provider. */
  issuer: string;
  /** The host's callback page, on this page's origin (the root's `test-redirect-uri`). */
  redirectUri: string;
  /** Default: the page's window. */
  window?: Window;
}

/**
 * The host-page {@link ConnectionTester}: "Test sign-in" opens a popup to the host's callback page, which posts the
 * answer back (as the element's own popup sign-in does); "Get a token now" calls the token endpoint from this page.
 * The sign-in code (oauth4webapi) is the element's lazy sign-in chunk, loaded as soon as the tester is made, so that
 * by the time the admin clicks, the popup can open synchronously within the click (browsers block later ones).
 */
export function createHostConnectionTester(options: HostConnectionTesterOptions): ConnectionTester {
  const page = options.window ?? window;
  let loaded: AuthModule | undefined;
  const loading = loadAuth().then((module) => (loaded = module));
  // A failed load is reported by the first test that needs it.
  loading.catch(() => undefined);
  const {issuer, redirectUri} = options;
  return {
    redirectUri,
    // The token request goes from this page to the provider: its origin is the one Cors Origins must list.
    origin: page.location.origin,
    testSignIn({clientId, scope}) {
      const run = (auth: AuthModule) =>
        auth.testSignIn({
          issuer,
          clientId,
          redirectUri,
          scope,
          launcher: auth.createPopupLauncher(page, {timeoutMs: TEST_SIGN_IN_TIMEOUT_MS}),
        });
      // Synchronously when the code is there, so the popup opens within the click's user activation.
      return loaded ? run(loaded) : loading.then(run);
    },
    getToken({clientId, clientSecret, scope}) {
      return loading.then((auth) =>
        auth.testClientCredentials({issuer, clientId, clientSecret, ...(scope === undefined ? {} : {scope})}),
      );
    },
  };
}
