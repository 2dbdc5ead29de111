/**
 * The request of a Deactivate or Reactivate and what the admin is told about it, in the lazy list-deferred chunk (there
 * by the first confirmed change), so the main module carries only the buttons and the confirmation.
 */
import {isApiError} from '@conga-connections/api-client';
import type {ApiClient} from '@conga-connections/api-client';
import {AnnounceEvent} from '../../events/announce-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {messages} from '../../messages.js';
import {statusMessages} from './status-messages.js';
import {describeError} from '../error-state/error-state.js';
import {isolate} from './list-query.js';
import type {StatusChangeCallbacks, StatusTarget} from './list-status.js';

/** Sends the change and tells the admin how it went; resolves true when the server no longer knows the connection. */
export async function changeStatus(
  api: ApiClient,
  target: StatusTarget,
  host: EventTarget,
  callbacks: StatusChangeCallbacks,
): Promise<boolean> {
  const {activate} = target;
  const name = isolate(target.name);
  const announce = (message: string, politeness: 'status' | 'alert', visible = false) =>
    host.dispatchEvent(new AnnounceEvent(message, politeness, {visible}));
  try {
    const confirmed = await api.apiConnections.setStatus(target.externalIdentifier, target.type, activate);
    // `Data: true` is the platform's only confirmation; anything else leaves the row as it was.
    if (!confirmed) throw new Error('the server did not confirm the status change');
    callbacks.applyStatus(target.key, activate);
    announce(activate ? statusMessages.reactivated(name) : statusMessages.deactivated(name), 'status', true);
    host.dispatchEvent(new ConnectionStatusChangedEvent(target.externalIdentifier, target.type, activate, target.name));
  } catch (error) {
    if (isApiError(error, 'API_NOT_FOUND')) {
      // Deleted or renamed elsewhere (C2-02): say so and show the list as the server has it now.
      callbacks.showNotice({text: messages.errorNotFound});
      announce(messages.errorNotFound, 'alert');
      return true;
    }
    // Nothing was applied, so the row still shows its old status (C4-06); say that, and why.
    const text = activate ? statusMessages.reactivateFailed(name) : statusMessages.deactivateFailed(name);
    const {title} = describeError(error);
    callbacks.showNotice({text, detail: title});
    announce(`${text} ${title}`, 'alert');
  }
  return false;
}
