import type {AuthSession, BrowserAuthSession, BrowserAuthSessionOptions} from '@conga-connections/auth';

/**
 * Builds the sign-in session the element would build itself (authorization code + PKCE, tokens in memory), for a
 * host that owns sign-in and hands the session to `<conga-api-connections>` through its `.session` property (issue
 * 14). The sign-in code is the same lazy chunk the element loads, so the module stays within its budget and a host
 * that uses both loads it once.
 *
 * @example
 * const session = await createAuthSession({issuer, clientId, redirectUri: location.origin + '/'});
 * await session.handleRedirectCallback(); // finishes a sign-in that redirected back to this page
 * element.session = session;
 */
/**
 * A page the provider has just sent back to (`?state=…` with a code or an error) will need the sign-in code at once:
 * its download starts while this module and the element start up, not after the element has rendered (issue 18).
 */
const returning =
  typeof location === 'object' && /[?&]state=/.test(location.search) && /[?&](?:code|error)=/.test(location.search);
if (returning) void import('./sign-in-auth.js').catch(() => undefined);

export async function createAuthSession(options: BrowserAuthSessionOptions): Promise<BrowserAuthSession> {
  const {BrowserAuthSession: Session} = await import('./sign-in-auth.js');
  return new Session(options);
}

export type {AuthSession, BrowserAuthSession, BrowserAuthSessionOptions};
