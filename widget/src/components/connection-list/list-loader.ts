/**
 * The list's loading controller: every connection in pages, the first page shown while the rest arrive, refresh,
 * errors, and the integrations the form offers. The element only renders what it holds (`host.requestUpdate()`).
 * Tested in Node against the api-client's test double with a stand-in host.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {API_CLIENT_LIMITS} from '@conga-connections/api-client';
import type {
  ApiClient,
  ApiConnectionResponse,
  ConnectionListParams,
  ConnectionPage,
  ExternalIntegration,
} from '@conga-connections/api-client';
import {LoadedList, toLoadedPage} from './list-query.js';
import {collator} from './list-sort.js';
import type {LoadedPage} from './list-query.js';

/** Requests in flight while loading the list: enough to be quick, few enough not to trip the platform's rate limit. */
const LOAD_CONCURRENCY = 4;

export const LOAD_STATUS = {initial: 'initial', pending: 'pending', complete: 'complete', error: 'error'} as const;
export type LoadStatus = (typeof LOAD_STATUS)[keyof typeof LOAD_STATUS];

/** What every load asks for: newest first, as many per page as the API gives. */
const LOAD_QUERY = {
  sortField: 'CreatedDate',
  sortDirection: 'DESC',
  pageSize: API_CLIENT_LIMITS.maxPageSize,
} as const satisfies ConnectionListParams;

/** First pages asked for before a list was there to ask, by client; each is taken once, in the task it was asked in. */
const firstPages = new WeakMap<ApiClient, Promise<ConnectionPage>>();

/**
 * Asks for the first page a list will load with `api`, now: the root calls it the moment the admin is signed in, so
 * the request goes out with the token, before the signed-in view and the list render (issue 18). The list that loads
 * with `api` in this same task (the root's, attached by the render this sign-in starts) takes it instead of asking
 * again; after that it is forgotten, so no list attached later shows a page asked for before it was there.
 */
export function prefetchFirstPage(api: ApiClient): void {
  const page = api.apiConnections.list({...LOAD_QUERY, pageNumber: 1});
  // A page nobody takes fails quietly; the list that takes it sees the failure as its own.
  page.catch(() => undefined);
  firstPages.set(api, page);
  setTimeout(() => firstPages.delete(api));
}

/**
 * Loads every connection: page 1, then the remaining pages in parallel, at most `LOAD_CONCURRENCY` at a time.
 * Newest first, because a connection created during the load then only repeats a row (dropped by `LoadedList`)
 * instead of pushing one off the pages already fetched; the platform has no delete, so none can disappear.
 */
export async function loadAllPages(
  api: ApiClient,
  signal: AbortSignal,
  onFirstPage?: (page: LoadedPage, recordCount: number) => void,
): Promise<LoadedPage[]> {
  const pageSize = LOAD_QUERY.pageSize;
  // One failed page aborts its siblings: nobody waits for pages of a load that has already failed.
  const siblings = new AbortController();
  const options = {signal: AbortSignal.any([signal, siblings.signal])};
  const prefetched = firstPages.get(api);
  firstPages.delete(api);
  const fetchPage = async (pageNumber: number) => {
    try {
      // A load that a newer one replaced drops its pages (ListLoader.run), so the prefetched page needs no signal.
      const asked = pageNumber === 1 ? prefetched : undefined;
      const page = await (asked ?? api.apiConnections.list({...LOAD_QUERY, pageNumber}, options));
      // Search text and filter bits are made while the other pages are still on their way, not all at the end.
      return {...page, loaded: toLoadedPage(page.items)};
    } catch (error) {
      siblings.abort(error);
      throw error;
    }
  };

  const first = await fetchPage(1);
  const pages: LoadedPage[] = [first.loaded];
  const isFull = (page: {items: ApiConnectionResponse[]; hasMoreRecords: boolean | null}) =>
    page.hasMoreRecords ?? page.items.length >= pageSize;

  if (first.recordCount !== null) {
    const pageCount = Math.ceil(first.recordCount / pageSize);
    if (pageCount > 1) onFirstPage?.(first.loaded, first.recordCount);
    let next = 2;
    const worker = async (): Promise<void> => {
      while (next <= pageCount) {
        const pageNumber = next;
        next += 1;
        pages[pageNumber - 1] = (await fetchPage(pageNumber)).loaded;
      }
    };
    await Promise.all(Array.from({length: Math.min(LOAD_CONCURRENCY, Math.max(pageCount - 1, 0))}, worker));
  } else if (isFull(first)) {
    // No total from the server: fetch a batch at a time until a page comes back short.
    let more = true;
    for (let batchStart = 2; more; batchStart += LOAD_CONCURRENCY) {
      const batch = await Promise.all(
        Array.from({length: LOAD_CONCURRENCY}, (_, offset) => fetchPage(batchStart + offset)),
      );
      for (const page of batch) {
        if (!more) break;
        pages.push(page.loaded);
        more = isFull(page) && page.items.length > 0;
      }
    }
  }
  return pages;
}

/**
 * Loads the list whenever the API client changes and on {@link reload}; a newer load aborts the one under way.
 * Keeps the last good list when a refresh fails, so the admin still sees it, marked stale (C2-07).
 */
export class ListLoader implements ReactiveController {
  status: LoadStatus = LOAD_STATUS.initial;
  /** The last good load (or, during a first load of several pages, its first page). */
  list: LoadedList | undefined;
  error: unknown;
  /** The form's External Identifier drop-down; a failure only leaves it empty, the list itself still works. */
  integrations: ExternalIntegration[] | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #api: () => ApiClient | undefined;
  readonly #onLoaded: (list: LoadedList) => void;
  #lastApi: ApiClient | undefined;
  #load: AbortController | undefined;
  #integrationsLoad: AbortController | undefined;

  /** `onLoaded` runs after every complete load. */
  constructor(host: ReactiveControllerHost, api: () => ApiClient | undefined, onLoaded: (list: LoadedList) => void) {
    this.#host = host;
    this.#api = api;
    this.#onLoaded = onLoaded;
    host.addController(this);
  }

  /**
   * A list attached with its API client already provided (the context answers in `connectedCallback`, before this
   * controller's turn) starts loading at once: the first request then goes out while the page is still rendering
   * the signed-in view, instead of after this element's own first render (issue 18: sign-in → first list call).
   */
  hostConnected(): void {
    this.hostUpdate();
  }

  hostUpdate(): void {
    const api = this.#api();
    if (api === this.#lastApi) return;
    this.#lastApi = api;
    void this.run();
    if (this.list) void this.runIntegrations();
  }

  /** Reloads the connections and the integrations; resolves when the connections are in (or failed). */
  reload(): Promise<void> {
    void this.runIntegrations();
    return this.run();
  }

  /** Loads the connections; resolves when they are in (or failed, or a newer load took over). */
  async run(): Promise<void> {
    this.#load?.abort();
    const api = this.#api();
    const load = api && new AbortController();
    this.#load = load;
    // Waits for the API client from <conga-api-connections>.
    this.status = load ? LOAD_STATUS.pending : LOAD_STATUS.initial;
    this.#host.requestUpdate();
    if (!api || !load) return;
    try {
      const pages = await loadAllPages(api, load.signal, (page, recordCount) => {
        // Only a first load shows a partial list: a refresh keeps showing the last complete one until it is done.
        if (!this.list && !load.signal.aborted) this.#setList(new LoadedList([page], recordCount));
        // The collator's first use loads the locale's data (tens of milliseconds): while the rest of the pages are on
        // their way, not in the admin's first sort.
        setTimeout(collator);
      });
      if (this.#load !== load) return;
      this.status = LOAD_STATUS.complete;
      this.error = undefined;
      const list = new LoadedList(pages);
      this.#setList(list);
      this.#onLoaded(list);
    } catch (error) {
      if (this.#load !== load) return;
      this.status = LOAD_STATUS.error;
      this.error = error;
      // A first page shown while the rest loaded is not a list to fall back on when the load fails.
      if (this.list?.expected !== undefined) this.list = undefined;
      this.#host.requestUpdate();
    }
  }

  #setList(list: LoadedList): void {
    const first = !this.list;
    this.list = list;
    this.#host.requestUpdate();
    // Asked for once the connections are in, so it never competes with the pages the admin is waiting for.
    if (first) void this.runIntegrations();
  }

  async runIntegrations(): Promise<void> {
    this.#integrationsLoad?.abort();
    const api = this.#api();
    if (!api || !this.list) return;
    const load = new AbortController();
    this.#integrationsLoad = load;
    const integrations = await api.externalIntegrations
      .list({pageSize: API_CLIENT_LIMITS.maxPageSize}, {signal: load.signal})
      .catch(() => undefined);
    if (this.#integrationsLoad !== load) return;
    this.integrations = integrations;
    this.#host.requestUpdate();
  }
}
