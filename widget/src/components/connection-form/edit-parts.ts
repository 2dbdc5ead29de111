/**
 * What only the edit form shows, one chunk (issue 18: opening the add form loads none of it): the connection tools,
 * the connection's details, its panels (the conflict, the regenerate confirmation, a connection not found), and `@lit/task`, which loads the connection to edit. The form loads
 * it when it opens in edit mode, alongside the connection's own request, and shows "Loading the connection…" until
 * both are in. One chunk with the tools rather than a chunk of its own: a second lazy chunk under the form's made
 * rolldown move Lit and the catalogues out of the main module into shared files (rolldown#10731; the size test checks
 * that the module imports nothing up front).
 */
import {initialState, Task} from '@lit/task';
import {renderConflict} from './conflict-view.js';
import {renderDetails} from './details-view.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import {renderNotFound, renderRegenerate} from './edit-panel-view.js';
import '../connection-tools/connection-tools.js';

/** What the form uses; `<conga-connection-tools>` defines itself on import. */
export const editParts = {
  initialState,
  Task,
  renderConflict,
  renderDetails,
  renderNotFound,
  renderRegenerate,
  /** The tools' catalogue (what their fixes say), current when read. */
  toolsMessages: () => toolsMessages,
} as const;
