/**
 * The form's parts that most openings never show, each a chunk of its own loaded when it will be shown (issue 18):
 * the connection tools (only in the edit form of a saved connection) and the one-time secret hand-off (only after a
 * save that returns credentials). Opening the add form loads neither. Until its chunk has run, each is an undefined
 * element in the form's template: Lit keeps the properties set on it and the element upgrades in place.
 */
import type {CongaConnectionTools} from '../connection-tools/connection-tools.js';

function loader(load: () => Promise<unknown>): () => Promise<void> {
  let loading: Promise<void> | undefined;
  return () =>
    (loading ??= load().then(
      () => undefined,
      (error: unknown) => {
        // A failed load (offline, a redeploy) is tried again next time.
        loading = undefined;
        throw error;
      },
    ));
}

/** Loads `<conga-connection-tools>`; the edit form calls it once it shows a saved connection. */
export const loadConnectionTools = loader(() => import('../connection-tools/connection-tools.js'));

/**
 * Loads `<conga-secret-reveal>`. The form awaits it before sending a save: a save's answer may carry a secret that can
 * be shown only once, so the hand-off must be there before the request goes, never fetched after the answer came.
 */
export const loadSecretReveal = loader(() => import('../secret-reveal/secret-reveal.js'));

/** Forgets the tools' test results and any pasted secret, if the tools were ever loaded (the form calls it on close). */
export function resetTools(tools: Partial<CongaConnectionTools> | undefined): void {
  tools?.reset?.();
}
