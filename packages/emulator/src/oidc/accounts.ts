import type {Account, FindAccount} from 'oidc-provider';
import type {Store, StoredUser} from '../store.js';

/** The claims each scope releases, as the platform's provider does for its standard scopes. */
export const CLAIMS = {
  openid: ['sub'],
  profile: ['name', 'given_name', 'family_name', 'preferred_username', 'locale'],
  email: ['email', 'email_verified'],
} as const;

function accountOf(user: StoredUser): Account {
  return {
    accountId: user.Id,
    claims: () => ({
      sub: user.Id,
      name: `${user.FirstName} ${user.LastName}`.trim(),
      given_name: user.FirstName,
      family_name: user.LastName,
      preferred_username: user.UserName,
      locale: 'en-US',
      email: user.Email,
      email_verified: true,
    }),
  };
}

/** Looks accounts up in the store on every call, so a user removed from the data file is gone at once. */
export function createFindAccount(store: Store): FindAccount {
  return (_ctx, sub) => {
    const user = store.findUser(sub);
    return user ? accountOf(user) : undefined;
  };
}

/** Checks a user name and password from the login form; undefined when they don't match. */
export function authenticate(store: Store, userName: string, password: string): StoredUser | undefined {
  const user = store.findUserByName(userName);
  // Compare even when the user is unknown so the form doesn't reveal which user names exist by timing.
  const expected = user?.Password ?? '\u0000not-a-password';
  return constantTimeEquals(expected, password) && user ? user : undefined;
}

function constantTimeEquals(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    difference |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return difference === 0;
}
