/**
 * Keeps the list's view in the page's address when the element has `url-state`: read when it is turned on and on
 * Back / Forward, written once typing pauses, replacing the entry (never pushing one per keystroke).
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {ListQuery} from './list-query.js';
import type {LoadedList} from './list-query.js';
import {readUrlView, writeUrlView} from './url-state.js';

/** How long the address bar waits for typing to pause before it takes the view. */
const URL_WRITE_DELAY_MS = 300;

export class UrlStateController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #query: ListQuery;
  readonly #enabled: () => boolean;
  /** The view last written, by the query's revision and list. */
  #revision = -1;
  #list: LoadedList | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, query: ListQuery, enabled: () => boolean) {
    this.#host = host;
    this.#query = query;
    this.#enabled = enabled;
    host.addController(this);
  }

  hostConnected(): void {
    addEventListener('popstate', this.#handlePopState);
  }

  hostDisconnected(): void {
    removeEventListener('popstate', this.#handlePopState);
    // C5-01: nothing left behind while detached.
    clearTimeout(this.#timer);
  }

  hostUpdated(): void {
    const query = this.#query;
    if (!this.#enabled() || !query.list || (query.revision === this.#revision && query.list === this.#list)) return;
    this.#revision = query.revision;
    this.#list = query.list;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(this.#write, URL_WRITE_DELAY_MS);
  }

  /** Takes the view from the address; a parameter that is missing or invalid reads as the default. */
  read(): void {
    this.#query.set(readUrlView(new URLSearchParams(location.search)));
    this.#host.requestUpdate();
  }

  /** Puts the view in the address, keeping every parameter that isn't the list's. Never the selection. */
  readonly #write = (): void => {
    if (!this.#enabled() || !this.#host.isConnected) return;
    const params = new URLSearchParams(location.search);
    const before = params.toString();
    writeUrlView(params, this.#query);
    const query = params.toString();
    if (query !== before) {
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    }
  };

  readonly #handlePopState = (): void => {
    if (this.#enabled()) this.read();
  };
}
