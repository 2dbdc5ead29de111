/**
 * The lazy sign-in chunk's entry: what the element's sign-in needs of the sign-in code, by name, not the package's
 * whole index, so what only the connection tools use is not downloaded with every sign-in (issue 18).
 */
export {BrowserAuthSession, connectionTestKit, createPopupLauncher} from '@conga-connections/auth';

/**
 * The connection tests: a chunk of their own, loaded by the tools. They import nothing at run time and take the
 * sign-in code as a kit (`connectionTestKit`, above), so that chunk shares nothing with this one that a sign-in would
 * have to wait for.
 */
export const loadConnectionTests = () => import('./connection-tests.js');
