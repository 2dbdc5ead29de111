/**
 * The connection tests' chunk, loaded by `loadConnectionTests` in `sign-in-auth.ts`. From the module itself, not the
 * package's index: the index stands for every module of the package, so the bundler would make this chunk load the
 * sign-in chunk first, to run them.
 */
export {runSignInTest, runTokenTest} from '@conga-connections/auth/connection-test';
