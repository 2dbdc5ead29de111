/**
 * Helpers for this package's own `BrowserAuthSession` tests (session.test.ts, session-callback.test.ts): a session
 * over the fake OpenID provider with a clock the test advances, and a launcher that plays the user at the provider.
 * Not exported from `index.ts`; other packages use `./testing`.
 */
import {BrowserAuthSession, type AuthLauncher, type BrowserAuthSessionOptions} from './session.js';
import type {AuthState} from './state.js';
import {createFakeOpenIdProvider} from './testing.js';
import {createMemoryStorage} from './transaction-store.js';

export const ORIGIN = 'https://app.example.test';
export const REDIRECT_URI = `${ORIGIN}/admin/`;
export const T0 = 1_760_000_000_000;

export interface Setup {
  session: BrowserAuthSession;
  provider: ReturnType<typeof createFakeOpenIdProvider>;
  storage: ReturnType<typeof createMemoryStorage>;
  /** Every navigation a launcher was asked to perform. */
  navigations: string[];
  states: AuthState[];
  advance: (ms: number) => void;
}

/** A launcher that plays the user at the fake provider, the way a popup would bring the answer back. */
export function providerLauncher(
  provider: ReturnType<typeof createFakeOpenIdProvider>,
  navigations: string[],
  answer: (url: string) => Promise<string | undefined> = (url) => provider.authorize(url),
): AuthLauncher {
  return {
    async launch(navigation) {
      const target = await navigation;
      if (target === undefined) return undefined;
      navigations.push(target);
      // After sign-out, the provider sends the browser back with the state.
      if (target.includes('/connect/endsession')) {
        return `${REDIRECT_URI}?state=${new URL(target).searchParams.get('state') ?? ''}`;
      }
      return answer(target);
    },
  };
}

export function setup(options: Partial<BrowserAuthSessionOptions> = {}): Setup {
  let time = T0;
  const now = () => time;
  const provider = createFakeOpenIdProvider({now});
  const storage = createMemoryStorage();
  const navigations: string[] = [];
  const session = new BrowserAuthSession({
    issuer: provider.issuer,
    clientId: provider.clientId,
    redirectUri: REDIRECT_URI,
    fetch: provider.fetch,
    now,
    transactionStore: storage,
    launcher: providerLauncher(provider, navigations),
    silentLauncher: providerLauncher(provider, navigations),
    redirectLauncher: providerLauncher(provider, navigations),
    ...options,
  });
  const states: AuthState[] = [];
  session.subscribe((state) => states.push(state));
  return {session, provider, storage, navigations, states, advance: (ms) => (time += ms)};
}

export async function signedIn(options: Partial<BrowserAuthSessionOptions> = {}): Promise<Setup & {token: string}> {
  const context = setup(options);
  await context.session.signIn();
  const token = await context.session.getAccessToken();
  return {...context, token};
}
