/**
 * The request of a Deactivate or Reactivate and what the admin is told about it, in the lazy list-deferred chunk (there
 * by the first confirmed change), so the main module carries only the buttons and the confirmation.
 */
import {isApiError} from '@conga-connections/api-client';
import type {ApiClient, ConnectionType} from '@conga-connections/api-client';
import {AnnounceEvent} from '../../events/announce-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {messages} from '../../messages.js';
import {statusMessages} from './status-messages.js';
import {describeError} from '../error-state/error-state.js';
import {isolate} from '../../bidi.js';
import type {Notice} from './list-toolbar-view.js';

/** Sends the change and tells the admin how it went; resolves true when the server no longer knows the connection. */
// The types live here, not with the controller (list-status.ts), which loads this module lazily: no import circle.
/** What the Deactivate / Reactivate confirmation is about. */
export interface StatusTarget {
  readonly key: string;
  readonly name: string;
  readonly externalIdentifier: string;
  readonly type: ConnectionType;
  readonly activate: boolean;
}

/** What the controller needs of the element besides its updates and events. */
export interface StatusChangeCallbacks {
  /** Writes a confirmed status into the row. */
  readonly applyStatus: (key: string, isActive: boolean) => void;
  /** Shows (or, with undefined, clears) the notice under the toolbar. */
  readonly showNotice: (notice: Notice | undefined) => void;
  /** Says that a chunk didn't load (offline, a redeploy); it is tried again next time. */
  readonly fail: (error: unknown) => void;
}

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
