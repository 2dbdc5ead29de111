/**
 * The form's parts that most openings never show, each a chunk of its own loaded when it will be shown (issue 18):
 * what only the edit form shows (`edit-parts.ts`: the connection tools, the details, the conflict panel and the
 * loading of the connection) and what the first save needs (`save-parts.ts`: its requests and the one-time secret
 * hand-off). Opening the add form loads neither. Until its chunk has run, each element is an undefined element in the form's template:
 * Lit keeps the properties set on it and the element upgrades in place.
 */
import type {CongaConnectionTools} from '../connection-tools/connection-tools.js';
import {lazy} from '../../lazy.js';

/**
 * Loads the edit form's parts, `<conga-connection-tools>` with them; the form calls it when it opens in edit mode (or
 * a create turns into an edit: a lost create found again).
 */
export const loadEditParts = lazy(() => import('./edit-parts.js').then((module) => module.editParts));

/** The edit form's parts, once loaded. */
export type EditParts = Awaited<ReturnType<typeof loadEditParts>>;

/**
 * Loads the requests of a save and `<conga-secret-reveal>`. The save flow awaits it before sending a save: a save's
 * answer may carry a secret that can be shown only once, so the hand-off must be there before the request goes,
 * never fetched after the answer came.
 */
export const loadSaveParts = lazy(() => import('./save-parts.js').then((module) => module.requests));

/** Forgets the tools' test results and any pasted secret, if the tools were ever loaded (the form calls it on close). */
export function resetTools(tools: Partial<CongaConnectionTools> | null): void {
  tools?.reset?.();
}
