/**
 * `<conga-confirm-dialog>` is a chunk of its own, loaded before its first question (a Deactivate, a Reactivate, a bulk
 * change): most visits never ask one, so its 1.2 KB gzip stay out of the main module (issue 18). Until it is in, a
 * template's `<conga-confirm-dialog>` is an undefined element, hidden by its owner's styles; it upgrades in place with
 * its attributes, slotted content and listeners.
 *
 * The bulk actions load it through this; the list's status confirmation (status-dialog.ts) imports it, so the two load
 * together. rolldown merges what the lazy chunks share into the main module only for some shapes of the chunk graph (a
 * lazy element without decorators, or two dynamic imports awaited together, once made it move Lit and the catalogue
 * into shared files); `bundle-size.test.ts` fails when the main module imports any file.
 */
import {lazy} from '../../lazy.js';

export const loadConfirmDialog = lazy(() => import('./confirm-dialog.js'));
