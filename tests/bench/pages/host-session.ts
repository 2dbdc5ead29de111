/**
 * A host session for the element in the bench pages: signed in, handing out the runner's access token. This is the
 * element's "host session" sign-in mode, so the element builds its own API client from `api-base-url`.
 */
export function hostSession(accessToken: string) {
  return {
    state: {
      status: 'signed-in' as const,
      user: {sub: 'bench', name: 'Bench Admin'},
      expiresAt: Date.now() + 3_600_000,
      scopes: ['api.user-management'],
    },
    subscribe: () => () => undefined,
    signIn: () => Promise.resolve(),
    signOut: () => Promise.resolve(),
    getAccessToken: () => Promise.resolve(accessToken),
  };
}
