/**
 * What the first save needs, one chunk (issue 18: opening the add form loads none of it): the requests of a save and
 * the one-time secret hand-off, which must be loaded before a request goes (its answer may carry a secret that can
 * be shown only once). One chunk rather than two: a second lazy chunk under the form's made rolldown move Lit out of
 * the main module into a shared file (rolldown#10731; the size test checks that the module imports nothing up front).
 */
import {send} from './save-requests.js';
import '../secret-reveal/secret-reveal.js';

/** The requests of a save; `<conga-secret-reveal>` defines itself on import. */
export const requests = {send} as const;
