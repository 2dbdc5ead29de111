/**
 * Deactivate and reactivate one connection: the confirmation's subject, the request, which rows are waiting for
 * theirs, and what the admin is told. The element renders the dialog and moves focus afterwards.
 */
import type {ReactiveControllerHost} from 'lit';
import {isApiError} from '@conga-connections/api-client';
import type {ApiClient, ConnectionType} from '@conga-connections/api-client';
import {AnnounceEvent} from '../../events/announce-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import {messages} from '../../messages.js';
import {describeError} from '../error-state/error-state.js';
import {isolate} from './list-query.js';
import type {Notice} from './list-toolbar-view.js';

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
}

/** Needs no lifecycle of the host: it only asks for updates and dispatches through it. */
export class StatusChangeController {
  /** Keys of rows whose status change is in flight. */
  pending: ReadonlySet<string> = new Set();
  /** The subject of the confirmation, while it is open or its request runs. */
  target: StatusTarget | undefined;
  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #callbacks: StatusChangeCallbacks;

  constructor(host: ReactiveControllerHost & EventTarget, callbacks: StatusChangeCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
  }

  /** Asks to confirm a change of `target`: false while its row's request is still running (C4-01). */
  ask(target: StatusTarget): boolean {
    if (this.pending.has(target.key)) return false;
    this.#callbacks.showNotice(undefined);
    this.target = target;
    this.#host.requestUpdate();
    return true;
  }

  cancel(): void {
    this.target = undefined;
    this.#host.requestUpdate();
  }

  #announce(message: string, politeness: 'status' | 'alert', visible = false): void {
    this.#host.dispatchEvent(new AnnounceEvent(message, politeness, {visible}));
  }

  #setPending(key: string, pending: boolean): void {
    const next = new Set(this.pending);
    if (pending) next.add(key);
    else next.delete(key);
    this.pending = next;
    this.#host.requestUpdate();
  }

  /**
   * Sends the confirmed change; resolves with the key of its row, and whether the server no longer knows the
   * connection (the list should then reload), or undefined when there was nothing to send.
   */
  async confirm(api: ApiClient | undefined): Promise<{key: string; notFound: boolean} | undefined> {
    const target = this.target;
    if (!target || !api || this.pending.has(target.key)) return undefined;
    const {key, activate} = target;
    this.#setPending(key, true);
    const name = isolate(target.name);
    let notFound = false;
    try {
      const confirmed = await api.apiConnections.setStatus(target.externalIdentifier, target.type, activate);
      // `Data: true` is the platform's only confirmation; anything else leaves the row as it was.
      if (!confirmed) throw new Error('the server did not confirm the status change');
      this.#callbacks.applyStatus(key, activate);
      this.#announce(activate ? messages.reactivated(name) : messages.deactivated(name), 'status', true);
      this.#host.dispatchEvent(
        new ConnectionStatusChangedEvent(target.externalIdentifier, target.type, activate, target.name),
      );
    } catch (error) {
      if (isApiError(error, 'API_NOT_FOUND')) {
        // Deleted or renamed elsewhere (C2-02): say so and show the list as the server has it now.
        notFound = true;
        this.#callbacks.showNotice({text: messages.errorNotFound});
        this.#announce(messages.errorNotFound, 'alert');
      } else {
        // Nothing was applied, so the row still shows its old status (C4-06); say that, and why.
        const text = activate ? messages.reactivateFailed(name) : messages.deactivateFailed(name);
        const {title} = describeError(error);
        this.#callbacks.showNotice({text, detail: title});
        this.#announce(`${text} ${title}`, 'alert');
      }
    } finally {
      this.#setPending(key, false);
      this.target = undefined;
    }
    return {key, notFound};
  }
}
