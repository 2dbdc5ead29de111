/**
 * The connection tests' chunk, loaded by `loadConnectionTests` in `sign-in-auth.ts`. A module of its own: imported
 * there directly, `connection-test.ts` would land in the sign-in chunk, which reaches it statically through
 * `connection-test-kit.ts`. And from the module itself, not the package's index: the index stands for every module of
 * the package, so the bundler would make this chunk load the sign-in chunk first, to run them.
 */
export {runSignInTest, runTokenTest} from '@conga-connections/auth/connection-test';
