/**
 * The requests of a save (issue 18: a chunk of their own, with the secret hand-off, loaded when the first save is
 * sent, so opening the add form loads neither): create and update, a lost create found again (C4-03), a stale version
 * (C2-03/C2-04), a connection gone (C2-01), and what each failure shows. The flow (`save-flow.ts`) owns the steps and
 * checks the draft before sending; these functions only send and read the answers, through `SaveFlowPort`.
 */
import {isAbortError, isApiError, isNetworkError, isResponseShapeError} from '@conga-connections/api-client';
import type {
  ApiClient,
  ApiConnection,
  ApiConnectionCreateRequest,
  ApiConnectionResponse,
} from '@conga-connections/api-client';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import {messages} from './form-messages.js';
import type {SaveFlowPort} from './save-flow.js';

/** Sends the checked draft as a create or an update, and shows what came of it. Never throws. */
export async function send(
  flow: SaveFlowPort,
  api: ApiClient,
  identifier: string,
  body: ApiConnectionCreateRequest,
): Promise<void> {
  try {
    if (flow.model.mode === 'create') await create(flow, api, identifier, body);
    else await update(flow, api, identifier, body);
  } catch (error) {
    await handleSaveError(flow, error);
  }
}

async function create(
  flow: SaveFlowPort,
  api: ApiClient,
  identifier: string,
  body: ApiConnectionCreateRequest,
): Promise<void> {
  const type = flow.model.type;
  if (flow.createUncertain && (await findLostCreate(flow, api, identifier))) return;
  let response: ApiConnectionResponse;
  try {
    response = await api.apiConnections.create(identifier, type, body);
  } catch (error) {
    if (isApiError(error, 'API_SERVER_ERROR')) {
      // A 5xx (a gateway timeout above all) may come after the commit: Retry checks before sending again.
      flow.createUncertain = true;
    }
    if (!isNetworkError(error) && !isResponseShapeError(error)) throw error;
    // C4-03: the create may have been committed and only its answer lost (or unreadable). Sending it again could
    // never show the secret of the first one: check by identifier instead.
    flow.createUncertain = true;
    if (!(await findLostCreate(flow, api, identifier))) {
      flow.fail(messages.formSaveFailed, true);
    }
    return;
  }
  flow.createUncertain = false;
  await handleSaved(flow, response, 'created');
}

/** C4-03: whether a create whose answer was lost was committed; if so, says what happened. Throws if unknown. */
async function findLostCreate(flow: SaveFlowPort, api: ApiClient, identifier: string): Promise<boolean> {
  const type = flow.model.type;
  let existing: ApiConnection;
  try {
    existing = await api.apiConnections.get(identifier, type);
  } catch (error) {
    if (isApiError(error, 'API_NOT_FOUND')) {
      flow.createUncertain = false;
      return false;
    }
    throw error;
  }
  flow.createUncertain = false;
  if (type === 'UItoAPI') {
    // A public client has no secret to lose: its Client ID can be read again, so the hand-off goes on as usual.
    await handleSaved(flow, existing, 'created');
    return true;
  }
  flow.host.dispatchEvent(new ConnectionCreatedEvent(existing));
  flow.model.adopt(existing);
  await flow.goTo('secret-lost', 'panel-title');
  return true;
}

async function update(
  flow: SaveFlowPort,
  api: ApiClient,
  identifier: string,
  body: ApiConnectionCreateRequest,
): Promise<void> {
  const loaded = flow.model.loaded;
  const type = flow.model.type;
  if (!loaded) return;
  // C2-04: a server without preconditions would overwrite a newer version silently; re-read and compare first.
  const latest = await api.apiConnections.get(identifier, type);
  if (flow.changedSince(loaded, latest)) {
    await flow.showConflict(latest);
    return;
  }
  const response = await api.apiConnections.update(identifier, type, body, loaded.ETag ? {ifMatch: loaded.ETag} : {});
  await handleSaved(flow, response, 'updated');
}

async function handleSaved(
  flow: SaveFlowPort,
  response: ApiConnectionResponse,
  kind: 'created' | 'updated',
): Promise<void> {
  const type = flow.model.type;
  // The secret goes straight to the hand-off and is kept nowhere else: not in state, events or logs (B4-02).
  const secret = response.ClientSecret ?? null;
  flow.model.markSaved();
  flow.host.dispatchEvent(
    kind === 'created'
      ? new ConnectionCreatedEvent(response)
      : new ConnectionUpdatedEvent(response, type === 'APItoAPI' && secret !== null),
  );
  if (kind === 'updated' && secret === null) {
    flow.effects.close();
    return;
  }
  // The form's dialog gives way to the hand-off's; the form counts as closed only when the hand-off is done.
  flow.handingOff();
  await flow.effects.handOff({
    clientId: response.ClientId ?? '',
    clientSecret: type === 'APItoAPI' ? secret : null,
    reason: kind === 'created' ? 'created' : 'regenerated',
  });
}

async function handleSaveError(flow: SaveFlowPort, error: unknown): Promise<void> {
  if (isAbortError(error)) return;
  const editing = flow.model.mode === 'edit';
  if (isApiError(error)) {
    switch (error.code) {
      case 'API_BAD_REQUEST':
      case 'API_REQUEST_FAILED':
        // A7-01/02/03: each server message at the field it names (and in the summary); focus to the summary.
        flow.model.setServerMessages(error.messages, error.status);
        await flow.showSummary();
        return;
      case 'API_CONFLICT':
        if (editing) {
          await loadConflict(flow);
        } else {
          // C2-05: the one thing a create can clash on is the identifier (one connection per identifier and type).
          flow.model.setServerProblems([
            {
              field: 'ExternalIdentifier',
              key: 'ExternalIdentifier',
              message: toolsMessages.formIdentifierDuplicate(flow.model.type),
            },
          ]);
          await flow.showSummary();
        }
        return;
      case 'API_PRECONDITION_FAILED':
        if (editing) {
          await loadConflict(flow);
          return;
        }
        break;
      case 'API_NOT_FOUND':
        if (editing) {
          await flow.goTo('not-found', 'panel-title');
          return;
        }
        break;
      case 'API_UNAUTHORIZED':
        // The session could not be renewed: the root asks for sign-in; the form keeps every value (C1-02).
        flow.fail(messages.sessionExpired, true);
        return;
      case 'API_FORBIDDEN':
        flow.fail(messages.needAdmin, false);
        return;
      default:
        break;
    }
    flow.fail(messages.formSaveFailed, true);
    return;
  }
  if (error instanceof Error && error.name === 'AuthError') {
    flow.fail(messages.sessionExpired, true);
    return;
  }
  if (!isNetworkError(error) && !isResponseShapeError(error)) console.error(error);
  // C2-08: whatever failed, the values stay where they are and Retry sends them again.
  flow.fail(messages.formSaveFailed, true);
}

async function loadConflict(flow: SaveFlowPort): Promise<void> {
  const api = flow.effects.api();
  if (!api) return;
  try {
    const latest = await api.apiConnections.get(flow.model.draft.ExternalIdentifier, flow.model.type);
    await flow.showConflict(latest);
  } catch (error) {
    if (isApiError(error, 'API_NOT_FOUND')) {
      await flow.goTo('not-found', 'panel-title');
      return;
    }
    flow.fail(messages.formSaveFailed, true);
  }
}
