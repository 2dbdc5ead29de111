/**
 * Deactivate and reactivate one connection: the confirmation's subject, the request, which rows are waiting for
 * theirs, and what the admin is told. The element renders the dialog and moves focus afterwards.
 */
import type {ReactiveControllerHost} from 'lit';
import type {ApiClient} from '@conga-connections/api-client';
import type {StatusChangeCallbacks, StatusTarget} from './status-change.js';

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

  #setPending(key: string, pending: boolean): void {
    const next = new Set(this.pending);
    if (pending) next.add(key);
    else next.delete(key);
    this.pending = next;
    this.#host.requestUpdate();
  }

  /**
   * Sends the confirmed change (its request and what the admin is told load with the first one, status-change.ts);
   * resolves with the key of its row, and whether the server no longer knows the connection (the list should then
   * reload), or undefined when there was nothing to send or the chunk didn't load.
   */
  async confirm(api: ApiClient | undefined): Promise<{key: string; notFound: boolean} | undefined> {
    const target = this.target;
    if (!target || !api || this.pending.has(target.key)) return undefined;
    const {key} = target;
    this.#setPending(key, true);
    try {
      const {changeStatus} = await import('./list-deferred.js');
      return {key, notFound: await changeStatus(api, target, this.#host, this.#callbacks)};
    } catch (error) {
      this.#callbacks.fail(error);
      return undefined;
    } finally {
      this.#setPending(key, false);
      this.target = undefined;
    }
  }
}
