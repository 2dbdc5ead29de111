import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import type {PropertyValues, TemplateResult} from 'lit';
import {property, state} from 'lit/decorators.js';
import {ifDefined} from 'lit/directives/if-defined.js';
import {consume} from '@lit/context';
import {initialState, Task, TaskStatus} from '@lit/task';
import {
  API_CLIENT_LIMITS,
  isAbortError,
  isApiError,
  toApiTypeLabel,
  toConnectionType,
} from '@conga-connections/api-client';
import type {
  ApiClient,
  ApiConnectionResponse,
  ConnectionListParams,
  ConnectionType,
  ExternalIntegration,
} from '@conga-connections/api-client';
import {apiClientContext} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {AnnounceEvent} from '../../events/announce-event.js';
import type {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import type {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {RequestFormEvent} from '../../events/request-form-event.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import {describeError} from '../error-state/error-state.js';
import type {CongaConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import styles from './connection-list.styles.js';
import type {CongaConnectionForm} from '../connection-form/connection-form.js';
import type {BulkItem, CongaBulkActions, ExportFile} from '../bulk-actions/bulk-actions.js';
import type {BulkFinishedEvent} from '../../events/bulk-finished-event.js';
import {readUrlView, SORT_COLUMNS, writeUrlView} from './url-state.js';
import type {SortColumn} from './url-state.js';
import '../confirm-dialog/confirm-dialog.js';
import '../error-state/error-state.js';

const COLUMN_LABELS = {
  externalIdentifier: messages.columnExternalIdentifier,
  clientName: messages.columnClientName,
  type: messages.columnType,
  clientId: messages.columnClientId,
  status: messages.columnStatus,
  description: messages.columnDescription,
} as const satisfies Record<SortColumn, string>;

const SORT_DIRECTIONS = {ascending: 'ascending', descending: 'descending'} as const;
type SortDirection = (typeof SORT_DIRECTIONS)[keyof typeof SORT_DIRECTIONS];

const STATUS_FILTERS = {all: '', active: 'active', inactive: 'inactive'} as const;
type StatusFilter = (typeof STATUS_FILTERS)[keyof typeof STATUS_FILTERS];

// Stable empty values, so an unloaded list doesn't hand the form a new array on every render.
const NO_INTEGRATIONS: ExternalIntegration[] = [];
const NO_CONNECTIONS: ApiConnectionResponse[] = [];

/** Requests in flight while loading the list: enough to be quick, few enough not to trip the platform's rate limit. */
const LOAD_CONCURRENCY = 4;

/** One connection as the list holds it: addressed by type and External Identifier. */
interface Row {
  readonly key: string;
  readonly connection: ApiConnectionResponse;
  /** `null` when the server sent a type this build doesn't know; such a row is shown but can't be acted on. */
  readonly type: ConnectionType | null;
}

/** One page of the load, turned into rows (and their search keys) as soon as it arrives. */
interface PageRows {
  readonly rows: Row[];
  readonly searchKeys: string[];
}

/** Bits of {@link LoadedList.flags}: what the type and status filters test, one byte per row. */
const FLAG_ACTIVE = 1;
const FLAG_TYPE = {APItoAPI: 2, UItoAPI: 4} as const satisfies Record<ConnectionType, number>;

/** One successful load: the rows in the server's order and the caches that live exactly as long as they do. */
interface LoadedList {
  readonly rows: Row[];
  readonly indexByKey: ReadonlyMap<string, number>;
  /** The plain connections, handed to the form so it can refuse a type that an identifier already has. */
  readonly connections: ApiConnectionResponse[];
  /**
   * Per row, in the same order: the lower-case text of every searchable field, made once as its page arrived, so a
   * keystroke costs one `includes` per candidate; and the filters' bits. Flat arrays, so a scan of 100,000 rows reads
   * them in order instead of visiting every row object.
   */
  readonly searchKeys: string[];
  readonly flags: Uint8Array;
  /** The row indices in the server's order (the unsorted view). */
  readonly serverOrder: Uint32Array;
  /** Row indices in ascending order per column: sorted in idle time after the load, or on the column's first click. */
  readonly orders: Map<SortColumn, Uint32Array>;
  /** Sorts under way in idle time, each a merge sort that can stop after any step. */
  readonly sorting: Map<SortColumn, Generator<undefined, Uint32Array, undefined>>;
  readonly loadedAt: Date;
  /**
   * Set while the rest of a first load is still on its way: how many connections the server said there are. The
   * first page is shown at once, so a large organization sees rows after one request instead of all of them.
   */
  readonly expected?: number;
}

/** What the Deactivate / Reactivate confirmation is about. */
interface StatusTarget {
  readonly key: string;
  readonly name: string;
  readonly externalIdentifier: string;
  readonly type: ConnectionType;
  readonly activate: boolean;
}

/** What a view was computed from. */
interface ViewInputs {
  readonly list: LoadedList;
  readonly needle: string;
  readonly type: ConnectionType | '';
  readonly status: StatusFilter;
  readonly column: SortColumn | undefined;
  readonly direction: SortDirection;
}

interface FormRequest {
  readonly mode: 'create' | 'edit';
  readonly connectionType: ConnectionType;
  readonly externalIdentifier?: string;
}

/**
 * The add and edit form with its one-time secret hand-off and the validation rules: a chunk of its own, loaded in
 * idle time once the list has loaded (so Add and Edit open at once) or on the first Add or Edit, whichever comes
 * first. Listing connections doesn't need it, and it is a third of the module (issue 7: 30 KB gzip).
 */
let formModule: Promise<unknown> | undefined;
function loadForm(): Promise<unknown> {
  formModule ??= import('../connection-form/connection-form.js').catch((error: unknown) => {
    // A failed load (offline, a redeploy) is tried again on the next Add or Edit.
    formModule = undefined;
    throw error;
  });
  return formModule;
}

/**
 * <conga-bulk-actions> (bulk deactivate / reactivate and export, with their strings): a chunk of its own, loaded on
 * the first bulk action or Export, so the main module carries only the checkboxes and the selection bar (issue 7).
 */
let bulkModule: Promise<unknown> | undefined;
function loadBulk(): Promise<unknown> {
  bulkModule ??= import('../bulk-actions/bulk-actions.js').catch((error: unknown) => {
    bulkModule = undefined;
    throw error;
  });
  return bulkModule;
}

/** How long the address bar waits for typing to pause before it takes the view (`url-state`). */
const URL_WRITE_DELAY_MS = 300;

function isFormDefined(): boolean {
  return customElements.get('conga-connection-form') !== undefined;
}

/** Loads the form when the browser is idle (every browser this element supports, but Safari, has idle callbacks). */
function preloadForm(): void {
  if (isFormDefined() || formModule) return;
  const load = () => void loadForm().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, {timeout: 2000});
  else setTimeout(load, 200);
}

/** The key of a connection: the platform addresses a connection by (External Identifier, type). */
function rowKey(type: string | null, externalIdentifier: string | null): string {
  return `${type ?? ''}\u001f${externalIdentifier ?? ''}`;
}

function toBulkItem(row: Row): BulkItem {
  return {
    key: row.key,
    name: displayName(row.connection),
    externalIdentifier: row.connection.ExternalIdentifier,
    type: row.type,
    isActive: row.connection.IsActive,
  };
}

function typeLabel(row: Row): string {
  return row.type ? toApiTypeLabel(row.type) : (row.connection.APIType ?? '');
}

/** The name a person knows the connection by, in announcements and confirmations. */
function displayName(connection: Pick<ApiConnectionResponse, 'ClientName' | 'ExternalIdentifier'>): string {
  const name = connection.ClientName?.trim();
  if (name) return name;
  return connection.ExternalIdentifier ?? '';
}

/**
 * Wraps a name in Unicode isolates (FSI … PDI) for strings that can't hold a `<bdi>` (live-region text), so a
 * right-to-left or direction-override name can't reorder the sentence around it (B1-06).
 */
function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

function sortValue(row: Row, column: SortColumn): string {
  const {connection} = row;
  switch (column) {
    case 'externalIdentifier':
      return connection.ExternalIdentifier ?? '';
    case 'clientName':
      return connection.ClientName ?? '';
    case 'type':
      return typeLabel(row);
    case 'clientId':
      return connection.ClientId ?? '';
    case 'status':
      return connection.IsActive ? messages.active : messages.inactive;
    case 'description':
      return connection.Description ?? '';
  }
}

function searchKeyOf(connection: ApiConnectionResponse): string {
  return (
    [
      connection.ExternalIdentifier,
      connection.ClientName,
      connection.ClientId,
      ...connection.RedirectURI,
      ...connection.CorsOrigins,
    ]
      .filter((value): value is string => typeof value === 'string' && value !== '')
      // A separator no one types, so a search never matches across two fields.
      .join('\u0000')
      .toLowerCase()
  );
}

function toPageRows(connections: readonly ApiConnectionResponse[]): PageRows {
  const rows = connections.map((connection): Row => {
    const type = toConnectionType(connection.APIType);
    return {key: rowKey(type ?? connection.APIType, connection.ExternalIdentifier), connection, type};
  });
  return {rows, searchKeys: connections.map(searchKeyOf)};
}

function flagsOf(row: Row): number {
  return (row.connection.IsActive ? FLAG_ACTIVE : 0) | (row.type ? FLAG_TYPE[row.type] : 0);
}

function buildList(pages: readonly PageRows[]): LoadedList {
  const rows: Row[] = [];
  const searchKeys: string[] = [];
  const indexByKey = new Map<string, number>();
  for (const page of pages) {
    page.rows.forEach((row, index) => {
      // A connection created while the pages were loading shifts later pages by one: keep its first copy only.
      if (indexByKey.has(row.key)) return;
      indexByKey.set(row.key, rows.length);
      rows.push(row);
      searchKeys.push(page.searchKeys[index] ?? '');
    });
  }
  const flags = new Uint8Array(rows.length);
  const serverOrder = new Uint32Array(rows.length);
  rows.forEach((row, index) => {
    flags[index] = flagsOf(row);
    serverOrder[index] = index;
  });
  return {
    rows,
    indexByKey,
    connections: rows.map((row) => row.connection),
    searchKeys,
    flags,
    serverOrder,
    orders: new Map(),
    sorting: new Map(),
    loadedAt: new Date(),
  };
}

/** Comparisons between two pauses of a merge sort: a fraction of a millisecond. */
const SORT_STEP = 1024;
/** Rows per run sorted with the engine's sort before merging: a few milliseconds of work each. */
const SORT_RUN = {min: 256, max: 2048, perList: 64} as const;

let sharedCollator: Intl.Collator | undefined;
/** The one collator of every sort: numeric ("2" before "10"), case- and accent-insensitive. */
function collator(): Intl.Collator {
  sharedCollator ??= new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  return sharedCollator;
}

/** Every sort orders by the collator, and ties keep the server's order, so a sort gives the same result every time. */
function byValue(values: readonly string[]): (a: number, b: number) => number {
  const {compare} = collator();
  return (a, b) => compare(values[a] ?? '', values[b] ?? '') || a - b;
}

/**
 * A counting sort for a column with few distinct values (Type, Status): the distinct values are sorted with the
 * collator and every row is placed by its value's rank, in one pass. Undefined when there are too many distinct
 * values for that to pay.
 */
function sortByRank(values: readonly string[]): Uint32Array | undefined {
  const limit = Math.max(16, values.length >> 6);
  const idOf = new Map<string, number>();
  const ids = new Uint32Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? '';
    let id = idOf.get(value);
    if (id === undefined) {
      if (idOf.size >= limit) return undefined;
      id = idOf.size;
      idOf.set(value, id);
    }
    ids[index] = id;
  }
  const distinct = [...idOf.keys()];
  const {compare} = collator();
  const sorted = distinct.map((_, id) => id).sort((a, b) => compare(distinct[a] ?? '', distinct[b] ?? ''));
  // Distinct values the collator calls equal ("a" and "A") share a rank, so their rows keep the server's order.
  const rankOf = new Uint32Array(distinct.length);
  let rank = 0;
  sorted.forEach((id, position) => {
    if (position > 0 && compare(distinct[sorted[position - 1] ?? 0] ?? '', distinct[id] ?? '') !== 0) rank += 1;
    rankOf[id] = rank;
  });
  // Where each rank's rows start, then each row in the server's order at the next place of its rank.
  const next = new Uint32Array(rank + 1);
  for (const id of ids) next[rankOf[id] ?? 0] = (next[rankOf[id] ?? 0] ?? 0) + 1;
  let start = 0;
  next.forEach((count, at) => {
    next[at] = start;
    start += count;
  });
  const order = new Uint32Array(values.length);
  ids.forEach((id, index) => {
    const at = rankOf[id] ?? 0;
    const place = next[at] ?? 0;
    order[place] = index;
    next[at] = place + 1;
  });
  return order;
}

/** Sorts at once, with the engine's own (adaptive) sort: the fastest way when the admin is waiting for it. */
function sortAtOnce(values: readonly string[]): Uint32Array {
  return sortByRank(values) ?? Uint32Array.from(Array.from(values.keys()).sort(byValue(values)));
}

/**
 * The same order as {@link sortAtOnce}, in slices that never hold up a keystroke: runs of up to 2,048 rows sorted by the
 * engine (one run per slice), then merged bottom-up, pausing every {@link SORT_STEP} comparisons. Runs already
 * in order, or in reverse order, cost one comparison per merge instead of a merge.
 */
function* sortInSlices(values: readonly string[]): Generator<undefined, Uint32Array, undefined> {
  const ranked = sortByRank(values);
  if (ranked) return ranked;
  yield;
  const order = byValue(values);
  const length = values.length;
  let source = new Uint32Array(length);
  for (let index = 0; index < length; index += 1) source[index] = index;
  const runLength = Math.max(SORT_RUN.min, Math.min(SORT_RUN.max, Math.ceil(length / SORT_RUN.perList)));
  for (let start = 0; start < length; start += runLength) {
    const run = source.subarray(start, Math.min(length, start + runLength));
    // An array's sort (adaptive, unlike a typed array's) makes short work of stretches already in order.
    run.set(Array.from(run).sort(order));
    yield;
  }
  let target = new Uint32Array(length);
  for (let width = runLength; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length);
      const high = Math.min(low + 2 * width, length);
      if (middle >= high || order(source[middle - 1] ?? 0, source[middle] ?? 0) < 0) {
        target.set(source.subarray(low, high), low);
        continue;
      }
      if (order(source[high - 1] ?? 0, source[low] ?? 0) < 0) {
        target.set(source.subarray(middle, high), low);
        target.set(source.subarray(low, middle), low + high - middle);
        continue;
      }
      let left = low;
      let right = middle;
      let out = low;
      let steps = 0;
      while (left < middle && right < high) {
        const fromRight = order(source[right] ?? 0, source[left] ?? 0) < 0;
        target[out] = (fromRight ? source[right] : source[left]) ?? 0;
        out += 1;
        if (fromRight) right += 1;
        else left += 1;
        steps += 1;
        if (steps === SORT_STEP) {
          steps = 0;
          yield;
        }
      }
      target.set(source.subarray(left, middle), out);
      target.set(source.subarray(right, high), out + middle - left);
    }
    [source, target] = [target, source];
    yield;
  }
  return source;
}

/** The row indices in ascending order of `column`: finishes the idle sort under way, or sorts at once. */
function sortNow(list: LoadedList, column: SortColumn): Uint32Array {
  let order = list.orders.get(column);
  if (order) return order;
  const job = list.sorting.get(column);
  if (job) {
    let step = job.next();
    while (!step.done) step = job.next();
    order = step.value;
    list.sorting.delete(column);
  } else {
    order = sortAtOnce(list.rows.map((row) => sortValue(row, column)));
  }
  list.orders.set(column, order);
  return order;
}

/** Sorts `column` in slices until it is done or `stop()` says so. */
function sortSome(list: LoadedList, column: SortColumn, stop: () => boolean): void {
  let job = list.sorting.get(column);
  if (!job) {
    job = sortInSlices(list.rows.map((row) => sortValue(row, column)));
    list.sorting.set(column, job);
  }
  for (;;) {
    const step = job.next();
    if (step.done) {
      list.sorting.delete(column);
      list.orders.set(column, step.value);
      return;
    }
    if (stop()) return;
  }
}

/** The longest slice of idle time one batch of sorting takes, so a keystroke never waits longer than that. */
const IDLE_SLICE_MS = 8;

/** Calls `callback` with the idle time there is (a few milliseconds where idle callbacks don't exist). */
function whenIdle(callback: (remaining: () => number) => void): void {
  if (typeof requestIdleCallback === 'function') {
    requestIdleCallback((deadline) => {
      callback(() => deadline.timeRemaining());
    });
  } else {
    setTimeout(() => {
      const end = performance.now() + IDLE_SLICE_MS;
      callback(() => end - performance.now());
    }, 50);
  }
}

/**
 * Loads every connection: page 1, then the remaining pages in parallel, at most `LOAD_CONCURRENCY` at a time.
 * Newest first, because a connection created during the load then only repeats a row (dropped by `buildList`)
 * instead of pushing one off the pages already fetched; the platform has no delete, so none can disappear.
 */
async function loadAllPages(
  api: ApiClient,
  signal: AbortSignal,
  onFirstPage?: (rows: PageRows, recordCount: number) => void,
): Promise<PageRows[]> {
  const pageSize = API_CLIENT_LIMITS.maxPageSize;
  const query = {sortField: 'CreatedDate', sortDirection: 'DESC', pageSize} as const satisfies ConnectionListParams;
  // One failed page aborts its siblings: nobody waits for pages of a load that has already failed.
  const siblings = new AbortController();
  const options = {signal: AbortSignal.any([signal, siblings.signal])};
  const fetchPage = async (pageNumber: number) => {
    try {
      const page = await api.apiConnections.list({...query, pageNumber}, options);
      // Rows and search keys are made while the other pages are still on their way, not all at the end.
      return {...page, rows: toPageRows(page.items)};
    } catch (error) {
      siblings.abort(error);
      throw error;
    }
  };

  const first = await fetchPage(1);
  const pages: PageRows[] = [first.rows];
  const isFull = (page: {items: unknown[]; hasMoreRecords: boolean | null}) =>
    page.hasMoreRecords ?? page.items.length >= pageSize;

  if (first.recordCount !== null) {
    const pageCount = Math.ceil(first.recordCount / pageSize);
    if (pageCount > 1) onFirstPage?.(first.rows, first.recordCount);
    let next = 2;
    const worker = async (): Promise<void> => {
      while (next <= pageCount) {
        const pageNumber = next;
        next += 1;
        pages[pageNumber - 1] = (await fetchPage(pageNumber)).rows;
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
        pages.push(page.rows);
        more = isFull(page) && page.items.length > 0;
      }
    }
  }
  return pages;
}

/**
 * @summary Lists the organization's API connections with search, filters, sorting and paging, and lets an admin add,
 * edit, deactivate and reactivate them.
 *
 * Loads every connection once (500 per request, four requests at a time), then searches, filters, sorts and pages in
 * memory, rendering only the current page, so it stays responsive with 100,000 connections. Connections are selected by
 * key (across pages, sorts and filters, until Clear selection) for a bulk deactivate or reactivate and for export
 * (`<conga-bulk-actions>`, loaded on first use); with `url-state` the view is kept in the page's address.
 *
 * @slot empty - Shown when the organization has no API connections (default: a short explanation).
 * @event conga-request-form - Cancelable: the admin asked to add or edit a connection; cancel it to show the form elsewhere.
 * @event conga-connection-status-changed - The server confirmed an activation or deactivation (one per connection of a bulk action).
 * @event conga-connection-created - Bubbles up from the add form: the server created a connection (`connection`, never its secret).
 * @event conga-connection-updated - Bubbles up from the edit form: the server saved a connection (`connection`, `secretRegenerated`).
 * @csspart base - The list wrapper.
 * @csspart toolbar - The Add buttons, search, filters and Refresh.
 * @csspart create-button - Each of the two Add buttons (toolbar and empty state).
 * @csspart table - The table.
 * @csspart row - One connection.
 * @csspart empty - The empty state.
 * @csspart pagination - The Previous / Next controls.
 * @csspart selection-bar - "N selected" with Select all matching, Deactivate, Reactivate, Export and Clear selection (only Export when nothing is selected).
 * @cssproperty --conga-connection-list-cell-padding - Padding of the table cells.
 * @cssproperty --conga-connection-list-stripe - Background of every other row.
 * @cssproperty --conga-connection-list-min-table-width - Below this width the table scrolls sideways.
 * @cssstate loading - The list is being fetched (first load or refresh).
 */
@localized()
export class CongaConnectionList extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** Rows per page. */
  @property({type: Number, attribute: 'page-size'}) pageSize = 50;

  /** Where Copy writes the Client ID; the browser's clipboard when unset (tests and hosts may hand in their own). */
  @property({attribute: false}) clipboard: Pick<Clipboard, 'writeText'> | undefined;

  /**
   * Keeps the search, filters, sort and page in the page's address (`cac-*` query parameters, replaced, never
   * pushed), so a view can be bookmarked or shared. Off by default: the host page owns its address.
   */
  @property({type: Boolean, attribute: 'url-state'}) urlState = false;

  /** Where Export hands its file (`name`, `type`, `text`); the browser's downloads when unset. */
  @property({attribute: false}) download: ((file: ExportFile) => void) | undefined;

  @consume({context: apiClientContext, subscribe: true}) @state() private api?: ApiClient;

  /** The last good load; kept when a refresh fails, so the admin still sees the list, marked stale (C2-07). */
  @state() private list: LoadedList | undefined;
  @state() private search = '';
  @state() private typeFilter: ConnectionType | '' = '';
  @state() private statusFilter: StatusFilter = STATUS_FILTERS.all;
  @state() private sortColumn: SortColumn | undefined;
  @state() private sortDirection: SortDirection = SORT_DIRECTIONS.ascending;
  /** 1-based. */
  @state() private page = 1;
  /** Keys of rows whose status change is in flight. */
  @state() private pending: ReadonlySet<string> = new Set();
  @state() private statusTarget: StatusTarget | undefined;
  @state() private formRequest: FormRequest | undefined;
  /** A failure (or other notice) that stays visible until the next action; never dismissed on a timer (C6-06). */
  @state() private notice: {text: string; detail?: string} | undefined;
  /** Keys of the selected connections: kept across paging, sorting, filtering and reloads until Clear selection. */
  @state() private selection: ReadonlySet<string> = new Set();

  /** Row indices that pass the search and filters, in display order. Recomputed only when those inputs change. */
  #view: Uint32Array = new Uint32Array(0);
  /** What {@link #view} was computed from: a longer search of the same view only narrows it. */
  #viewInputs: ViewInputs | undefined;
  /** Two buffers of one index per row, taking turns to hold the view, so a keystroke allocates nothing. */
  #viewBuffers: [Uint32Array, Uint32Array] = [new Uint32Array(0), new Uint32Array(0)];
  #internals: ElementInternals | undefined;
  /** The row to reveal and focus once the form has closed after a create or an edit. */
  #savedKey: string | undefined;
  #savedMessage = '';
  /** The refresh started by the last save, awaited before focusing the saved row. */
  #savedRefresh: Promise<unknown> | undefined;
  /** How many selected rows the view holds, for the view and selection it was counted for. */
  #selectedInView: {view: Uint32Array; selection: ReadonlySet<string>; count: number} | undefined;
  /** The row checkbox clicked last: a Shift+click selects the rows from it to the one clicked. */
  #selectAnchor: string | undefined;
  /** The page an address named, held until the list is in (before that every page is past the end). */
  #urlPage = 0;
  #urlTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly connections = new Task(this, {
    args: () => [this.api] as const,
    task: async ([api], {signal}) => {
      if (!api) return initialState;
      const pages = await loadAllPages(api, signal, (rows, recordCount) => {
        // Only a first load shows a partial list: a refresh keeps showing the last complete one until it is done.
        if (!this.list && !signal.aborted) this.list = {...buildList([rows]), expected: recordCount};
      });
      return buildList(pages);
    },
    onComplete: (list) => {
      this.list = list;
      preloadForm();
      this.#sortWhenIdle(list);
    },
    // A first page shown while the rest loaded is not a list to fall back on when the load fails.
    onError: () => {
      if (this.list?.expected !== undefined) this.list = undefined;
    },
  });

  /**
   * The form's External Identifier drop-down. A failure only leaves it empty: the list itself still works. Asked for
   * once the connections are in, so it never competes with the pages the admin is waiting for.
   */
  private readonly integrations = new Task(this, {
    args: () => [this.list ? this.api : undefined] as const,
    task: ([api], {signal}): Promise<ExternalIntegration[]> | typeof initialState =>
      api ? api.externalIntegrations.list({pageSize: API_CLIENT_LIMITS.maxPageSize}, {signal}) : initialState,
  });

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Custom states are a progressive enhancement; nothing else depends on them.
    }
  }

  /** The rows per page, whatever the attribute says. */
  get #pageSize(): number {
    const size = Math.floor(this.pageSize);
    return Number.isFinite(size) && size > 0 ? size : 50;
  }

  get #pageCount(): number {
    return Math.max(1, Math.ceil(this.#view.length / this.#pageSize));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.handlePopState);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.handlePopState);
    // C5-01: nothing left behind while detached.
    clearTimeout(this.#urlTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('urlState') && this.urlState) this.#readUrl();
    // The page an address named, once there are pages to show.
    if (this.#urlPage && this.list) {
      this.page = this.#urlPage;
      this.#urlPage = 0;
    }
    const viewInputs = ['list', 'search', 'typeFilter', 'statusFilter', 'sortColumn', 'sortDirection'] as const;
    if (viewInputs.some((key) => changed.has(key as keyof CongaConnectionList))) this.#computeView();
    // A page past the end (fewer matches, a smaller page size, a shorter list) shows the last page instead (A6-03).
    if (this.page > this.#pageCount) this.page = this.#pageCount;
    if (this.page < 1) this.page = 1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const view = ['list', 'search', 'typeFilter', 'statusFilter', 'sortColumn', 'sortDirection', 'page'] as const;
    if (this.urlState && this.list && view.some((key) => changed.has(key as keyof CongaConnectionList))) {
      // One write once typing pauses, replacing the entry: no history entry per keystroke.
      clearTimeout(this.#urlTimer);
      this.#urlTimer = setTimeout(this.#writeUrl, URL_WRITE_DELAY_MS);
    }
    const states = this.#internals?.states;
    if (!states) return;
    if (this.connections.status === TaskStatus.PENDING) states.add('loading');
    else states.delete('loading');
  }

  /** Takes the view from the address (`url-state`); a parameter that is missing or invalid reads as the default. */
  #readUrl(): void {
    const view = readUrlView(new URLSearchParams(location.search));
    this.search = view.search;
    this.typeFilter = view.type;
    this.statusFilter = view.status;
    this.sortColumn = view.sort;
    this.sortDirection = view.descending ? SORT_DIRECTIONS.descending : SORT_DIRECTIONS.ascending;
    if (this.list) this.page = view.page;
    else this.#urlPage = view.page;
  }

  /** Puts the view in the address, keeping every parameter that isn't the list's. Never the selection. */
  readonly #writeUrl = (): void => {
    if (!this.urlState || !this.isConnected) return;
    const params = new URLSearchParams(location.search);
    const before = params.toString();
    writeUrlView(params, {
      search: this.search,
      type: this.typeFilter,
      status: this.statusFilter,
      sort: this.sortColumn,
      descending: this.sortDirection === SORT_DIRECTIONS.descending,
      page: this.page,
    });
    const query = params.toString();
    if (query !== before)
      history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  };

  private readonly handlePopState = (): void => {
    if (this.urlState) this.#readUrl();
  };

  /** Row indices sorted ascending by `column`: one sort per column per load, then reused in both directions. */
  #order(list: LoadedList, column: SortColumn): Uint32Array {
    return sortNow(list, column);
  }

  /**
   * Sorts every column in idle time after a load, a few milliseconds at a time, so the first click on a header only
   * has to show the result. Stops when another load replaces this one or the element leaves the page.
   */
  #sortWhenIdle(list: LoadedList): void {
    whenIdle((remaining) => {
      if (this.list !== list || !this.isConnected) return;
      const end = performance.now() + Math.min(IDLE_SLICE_MS, remaining());
      const column = SORT_COLUMNS.find((candidate) => !list.orders.has(candidate));
      if (!column) return;
      sortSome(list, column, () => performance.now() >= end);
      this.#sortWhenIdle(list);
    });
  }

  /**
   * The only work a keystroke causes: one pass over the candidate rows, testing precomputed keys and flags. The
   * candidates are every row in the sorted (or server) order, or, when the search only got longer, the rows that
   * matched before, since a row without "por" can't contain "port".
   */
  #computeView(): void {
    const loaded = this.list;
    if (!loaded) {
      this.#view = new Uint32Array(0);
      this.#viewInputs = undefined;
      return;
    }
    const inputs: ViewInputs = {
      list: loaded,
      needle: this.search.trim().toLowerCase(),
      type: this.typeFilter,
      status: this.statusFilter,
      column: this.sortColumn,
      direction: this.sortDirection,
    };
    const previous = this.#viewInputs;
    const narrowing =
      previous?.list === inputs.list &&
      previous.type === inputs.type &&
      previous.status === inputs.status &&
      previous.column === inputs.column &&
      previous.direction === inputs.direction &&
      inputs.needle.includes(previous.needle);
    const candidates = narrowing ? this.#view : inputs.column ? this.#order(loaded, inputs.column) : loaded.serverOrder;
    const reversed = !narrowing && inputs.column !== undefined && inputs.direction === SORT_DIRECTIONS.descending;
    let [buffer, other] = this.#viewBuffers;
    if (buffer.length !== loaded.rows.length) {
      buffer = new Uint32Array(loaded.rows.length);
      other = new Uint32Array(loaded.rows.length);
    } else if (this.#view.buffer === buffer.buffer) {
      [buffer, other] = [other, buffer];
    }
    this.#viewBuffers = [buffer, other];
    const {searchKeys, flags} = loaded;
    const {needle} = inputs;
    const typeBit = inputs.type ? FLAG_TYPE[inputs.type] : 0;
    const statusMask = inputs.status ? FLAG_ACTIVE : 0;
    const statusBits = inputs.status === STATUS_FILTERS.active ? FLAG_ACTIVE : 0;
    const last = candidates.length - 1;
    let count = 0;
    for (let position = 0; position <= last; position += 1) {
      const index = candidates[reversed ? last - position : position] ?? 0;
      const bits = flags[index] ?? 0;
      if (typeBit && !(bits & typeBit)) continue;
      if ((bits & statusMask) !== statusBits) continue;
      if (needle && !searchKeys[index]?.includes(needle)) continue;
      buffer[count] = index;
      count += 1;
    }
    this.#view = buffer.subarray(0, count);
    this.#viewInputs = inputs;
  }

  #row(key: string | undefined): Row | undefined {
    if (key === undefined || !this.list) return undefined;
    const index = this.list.indexByKey.get(key);
    return index === undefined ? undefined : this.list.rows[index];
  }

  /** `visible`: a confirmation the root also shows on screen until dismissed (issue 12). */
  #announce(message: string, politeness: 'status' | 'alert' = 'status', visible = false): void {
    this.dispatchEvent(new AnnounceEvent(message, politeness, {visible}));
  }

  /** Reloads the connections and the integrations; resolves when the connections are in (or failed). */
  #reload(): Promise<unknown> {
    void this.integrations.run();
    return this.connections.run();
  }

  #focus(selector: string): boolean {
    const element = this.renderRoot.querySelector<HTMLElement>(selector);
    element?.focus();
    return element !== null;
  }

  /** A row's element by its key; compared as a string, because a key is server text and not safe in a selector. */
  #rowElement(key: string, selector: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(selector)].find((element) => element.dataset.key === key);
  }

  #focusRowControl(key: string, control: 'edit' | 'status'): boolean {
    const element = this.#rowElement(key, `[data-control="${control}"]`);
    element?.focus();
    return element !== undefined;
  }

  /** Shows the page holding `key` (clearing the search and filters if they hide it) and focuses one of its controls. */
  async #revealRow(key: string, control: 'edit' | 'status'): Promise<boolean> {
    const index = this.list?.indexByKey.get(key);
    if (index === undefined) return false;
    let position = this.#view.indexOf(index);
    if (position === -1) {
      this.search = '';
      this.typeFilter = '';
      this.statusFilter = STATUS_FILTERS.all;
      this.#computeView();
      position = this.#view.indexOf(index);
    }
    if (position === -1) return false;
    this.page = Math.floor(position / this.#pageSize) + 1;
    await this.updateComplete;
    return this.#focusRowControl(key, control);
  }

  // Toolbar

  private readonly handleSearchInput = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.page = 1;
  };

  private readonly handleTypeChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.typeFilter = value === 'APItoAPI' || value === 'UItoAPI' ? value : '';
    this.page = 1;
  };

  private readonly handleStatusFilterChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.statusFilter = value === STATUS_FILTERS.active || value === STATUS_FILTERS.inactive ? value : '';
    this.page = 1;
  };

  private readonly handleClearFilters = async (): Promise<void> => {
    this.search = '';
    this.typeFilter = '';
    this.statusFilter = STATUS_FILTERS.all;
    this.page = 1;
    await this.updateComplete;
    // The button that had focus is gone with the no-match message: continue where the admin would type again.
    this.#focus('#search');
  };

  private readonly handleSortClick = (event: Event): void => {
    const column = (event.currentTarget as HTMLElement).dataset.column as SortColumn | undefined;
    if (!column || !SORT_COLUMNS.includes(column)) return;
    if (this.sortColumn === column) {
      this.sortDirection =
        this.sortDirection === SORT_DIRECTIONS.ascending ? SORT_DIRECTIONS.descending : SORT_DIRECTIONS.ascending;
    } else {
      this.sortColumn = column;
      this.sortDirection = SORT_DIRECTIONS.ascending;
    }
    this.page = 1;
  };

  private readonly handlePreviousPage = (): void => {
    this.page = Math.max(1, this.page - 1);
  };

  private readonly handleNextPage = (): void => {
    this.page = Math.min(this.#pageCount, this.page + 1);
  };

  private readonly handleRefresh = (): void => {
    // A second click while loading would only restart the same load.
    if (this.connections.status === TaskStatus.PENDING) return;
    this.notice = undefined;
    void this.#reload();
  };

  private readonly handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.notice = undefined;
    void this.#reload();
  };

  // Copy

  private readonly handleCopyClick = async (event: Event): Promise<void> => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const clientId = this.#row(key)?.connection.ClientId ?? '';
    this.notice = undefined;
    try {
      // navigator.clipboard is missing outside secure contexts, whatever the DOM types say.
      const clipboard = this.clipboard ?? ('clipboard' in navigator ? navigator.clipboard : undefined);
      if (!clipboard) throw new Error('no clipboard');
      await clipboard.writeText(clientId);
      this.#announce(messages.copied);
    } catch {
      // Refused (no permission, not a secure context, no user activation): help the admin copy it by hand (C4-05).
      this.notice = {text: messages.copyFailed};
      this.#announce(messages.copyFailed, 'alert');
      const text = key ? this.#rowElement(key, '[data-client-id]') : undefined;
      if (text) getSelection()?.selectAllChildren(text);
    }
  };

  // Add and edit

  private readonly handleAddClick = (event: Event): void => {
    const type = (event.currentTarget as HTMLElement).dataset.type;
    if (type !== 'APItoAPI' && type !== 'UItoAPI') return;
    void this.#openForm({mode: 'create', connectionType: type});
  };

  private readonly handleEditClick = (event: Event): void => {
    const row = this.#row((event.currentTarget as HTMLElement).dataset.key);
    if (!row?.type || !row.connection.ExternalIdentifier) return;
    void this.#openForm({
      mode: 'edit',
      connectionType: row.type,
      externalIdentifier: row.connection.ExternalIdentifier,
    });
  };

  async #openForm(request: FormRequest): Promise<void> {
    // Hosts may take the form elsewhere (RequestFormEvent); a cancelled request opens nothing here.
    const intent = new RequestFormEvent(request.mode, request.connectionType, request.externalIdentifier);
    if (!this.dispatchEvent(intent)) return;
    this.notice = undefined;
    if (!isFormDefined()) {
      try {
        await loadForm();
      } catch (error) {
        const {title} = describeError(error);
        this.notice = {text: title};
        this.#announce(title, 'alert');
        return;
      }
    }
    this.formRequest = request;
    await this.updateComplete;
    const form: CongaConnectionForm | null = this.renderRoot.querySelector('conga-connection-form');
    // The form opens its own modal and closes itself; the list hears about it through its events.
    await form?.updateComplete;
    form?.show();
  }

  private readonly handleConnectionSaved = (event: ConnectionCreatedEvent | ConnectionUpdatedEvent): void => {
    // The event goes on to the host page as it is (it is public and composed); the list only reacts to it.
    const {connection} = event;
    const type = toConnectionType(connection.APIType) ?? this.formRequest?.connectionType ?? null;
    this.#savedKey = rowKey(type, connection.ExternalIdentifier);
    const name = isolate(displayName(connection));
    this.#savedMessage =
      event.type === 'conga-connection-created' ? messages.connectionCreated(name) : messages.connectionUpdated(name);
    this.#savedRefresh = this.#reload();
  };

  private readonly handleFormClosed = async (): Promise<void> => {
    const key = this.#savedKey;
    const message = this.#savedMessage;
    const refresh = this.#savedRefresh;
    this.#savedKey = undefined;
    this.#savedRefresh = undefined;
    // Focus waits for the form (and its one-time secret hand-off) to close: nothing behind a modal can take it.
    if (!key) return;
    await refresh;
    this.#announce(message, 'status', true);
    await this.#revealRow(key, 'edit');
  };

  // Deactivate and reactivate

  private readonly handleStatusClick = async (event: Event): Promise<void> => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const row = this.#row(key);
    // aria-disabled keeps the button focusable while its request runs, so the click itself must do nothing (C4-01).
    if (!key || !row?.type || !row.connection.ExternalIdentifier || this.pending.has(key)) return;
    this.notice = undefined;
    this.statusTarget = {
      key,
      name: displayName(row.connection),
      externalIdentifier: row.connection.ExternalIdentifier,
      type: row.type,
      activate: !row.connection.IsActive,
    };
    await this.updateComplete;
    await this.renderRoot.querySelector<CongaConfirmDialog>('conga-confirm-dialog')?.show();
  };

  private readonly handleStatusConfirmed = (): void => {
    const target = this.statusTarget;
    if (target) void this.#changeStatus(target);
  };

  private readonly handleStatusCancelled = (): void => {
    // The dialog has already given focus back to the row's button.
    this.statusTarget = undefined;
  };

  async #changeStatus(target: StatusTarget): Promise<void> {
    const {key, activate} = target;
    const api = this.api;
    if (!api || this.pending.has(key)) return;
    this.pending = new Set([...this.pending, key]);
    const name = isolate(target.name);
    let notFound = false;
    try {
      const confirmed = await api.apiConnections.setStatus(target.externalIdentifier, target.type, activate);
      // `Data: true` is the platform's only confirmation; anything else leaves the row as it was.
      if (!confirmed) throw new Error('the server did not confirm the status change');
      this.#applyStatus(key, activate);
      this.#announce(activate ? messages.reactivated(name) : messages.deactivated(name), 'status', true);
      this.dispatchEvent(
        new ConnectionStatusChangedEvent(target.externalIdentifier, target.type, activate, target.name),
      );
    } catch (error) {
      if (isApiError(error, 'API_NOT_FOUND')) {
        // Deleted or renamed elsewhere (C2-02): say so and show the list as the server has it now.
        notFound = true;
        this.notice = {text: messages.errorNotFound};
        this.#announce(messages.errorNotFound, 'alert');
      } else {
        // Nothing was applied, so the row still shows its old status (C4-06); say that, and why.
        const text = activate ? messages.reactivateFailed(name) : messages.deactivateFailed(name);
        const {title} = describeError(error);
        this.notice = {text, detail: title};
        this.#announce(`${text} ${title}`, 'alert');
      }
    } finally {
      const rest = new Set(this.pending);
      rest.delete(key);
      this.pending = rest;
      this.statusTarget = undefined;
    }
    if (notFound) await this.#reload();
    await this.updateComplete;
    if (!this.#focusRowControl(key, 'status')) this.#focus('.notice');
  }

  /**
   * Writes the server-confirmed status into the row. The row keeps its place (no re-sort or re-filter under the
   * admin's pointer) until the next search, filter, sort or load; only the status order is dropped, so the next
   * sort by status is right.
   */
  #applyStatus(key: string, isActive: boolean): void {
    const list = this.list;
    const index = list?.indexByKey.get(key);
    const row = index === undefined ? undefined : list?.rows[index];
    if (!list || index === undefined || !row) return;
    const connection = {...row.connection, IsActive: isActive};
    list.rows[index] = {...row, connection};
    list.connections[index] = connection;
    list.flags[index] = flagsOf(list.rows[index]);
    list.orders.delete('status');
    list.sorting.delete('status');
    // The next search, filter or sort starts from every row again, not from this view, which may now hold a row
    // that no longer matches the status filter.
    this.#viewInputs = undefined;
    this.requestUpdate();
  }

  // Selection

  #select(keys: Iterable<string>, selected: boolean): void {
    const next = new Set(this.selection);
    for (const key of keys) {
      if (selected) next.add(key);
      else next.delete(key);
    }
    this.selection = next;
  }

  /** The keys of the rows on the current page. */
  #pageKeys(): string[] {
    const list = this.list;
    if (!list) return [];
    const from = (this.page - 1) * this.#pageSize;
    return Array.from(this.#view.subarray(from, from + this.#pageSize), (index) => list.rows[index]?.key ?? '');
  }

  /** How many rows of the view are selected: counted once per view and selection, not per render. */
  #countSelectedInView(): number {
    const {selection} = this;
    const view = this.#view;
    const cached = this.#selectedInView;
    if (cached?.view === view && cached.selection === selection) return cached.count;
    let count = 0;
    const rows = this.list?.rows ?? [];
    if (selection.size) for (const index of view) if (selection.has(rows[index]?.key ?? '')) count += 1;
    this.#selectedInView = {view, selection, count};
    return count;
  }

  /**
   * A click (or Space) on a row's checkbox; with Shift, every row between it and the last one clicked, in the view's
   * order and across pages, takes its new state, as in mail clients.
   */
  private readonly handleRowSelect = (event: MouseEvent): void => {
    const input = event.currentTarget as HTMLInputElement;
    const key = input.dataset.key ?? '';
    const anchor = this.#selectAnchor;
    this.#selectAnchor = key;
    const rows = this.list?.rows ?? [];
    const keys = event.shiftKey && anchor ? Array.from(this.#view, (index) => rows[index]?.key) : [];
    const [from, to] = [keys.indexOf(anchor), keys.indexOf(key)].sort((a, b) => a - b);
    this.#select(
      from !== undefined && from >= 0 && to !== undefined ? (keys.slice(from, to + 1) as string[]) : [key],
      input.checked,
    );
  };

  private readonly handlePageSelect = (event: Event): void => {
    this.#select(this.#pageKeys(), (event.currentTarget as HTMLInputElement).checked);
  };

  private readonly handleSelectAllMatching = async (): Promise<void> => {
    const list = this.list;
    if (!list) return;
    this.#select(
      Array.from(this.#view, (index) => list.rows[index]?.key ?? ''),
      true,
    );
    this.#announce(messages.selected(this.selection.size));
    await this.updateComplete;
    // The link is gone now that everything matching is selected: keep focus in the bar.
    this.#focus('.selection-bar button');
  };

  private readonly handleClearSelection = async (): Promise<void> => {
    this.selection = new Set();
    await this.updateComplete;
    // The bar's buttons are gone with the selection: continue where selecting starts.
    this.#focus('#select-page');
  };

  /** The selected connections in the list's (server) order; keys of rows no longer loaded are left out. */
  #selectedRows(): Row[] {
    return this.list?.rows.filter((row) => this.selection.has(row.key)) ?? [];
  }

  /** The bulk actions element, once its chunk is in; a failed load (offline, a redeploy) is said, and tried again next time. */
  async #bulkActions(): Promise<CongaBulkActions | undefined> {
    this.notice = undefined;
    try {
      await loadBulk();
    } catch (error) {
      const {title} = describeError(error);
      this.notice = {text: title};
      this.#announce(title, 'alert');
      return undefined;
    }
    const element = this.renderRoot.querySelector('conga-bulk-actions');
    await element?.updateComplete;
    return element ?? undefined;
  }

  // Bulk deactivate, reactivate and export

  private readonly handleBulkClick = async (event: Event): Promise<void> => {
    const activate = (event.currentTarget as HTMLElement).dataset.activate === 'true';
    await (await this.#bulkActions())?.changeStatus(this.#selectedRows().map(toBulkItem), activate);
  };

  private readonly handleExportClick = async (event: Event): Promise<void> => {
    const format = (event.currentTarget as HTMLElement).dataset.format === 'json' ? 'json' : 'csv';
    const list = this.list;
    const element = await this.#bulkActions();
    if (!list || !element) return;
    // The selection, or (nothing selected) every connection the search and filters match, in the view's order.
    const rows = this.selection.size
      ? this.#selectedRows()
      : Array.from(this.#view, (index) => list.rows[index]).filter((row): row is Row => row !== undefined);
    element.exportConnections(
      rows.map((row) => row.connection),
      format,
    );
  };

  /** The bulk actions announce through this element, whose event reaches the root's live region. */
  private readonly handleBulkAnnounce = (event: AnnounceEvent): void => {
    event.stopPropagation();
    this.#announce(event.message, event.politeness, event.visible);
  };

  /** One connection of a bulk run changed: its row shows it at once (the event goes on to the host as it is). */
  private readonly handleBulkStatusChanged = (event: ConnectionStatusChangedEvent): void => {
    this.#applyStatus(rowKey(event.connectionType, event.externalIdentifier), event.isActive);
  };

  /** The failures of a run stay selected (and only they), so "Retry failed" and a new try are one click away. */
  private readonly handleBulkFinished = (event: BulkFinishedEvent): void => {
    this.selection = new Set(event.failed);
  };

  // Rendering

  override render() {
    const loading = this.connections.status === TaskStatus.PENDING;
    return html`<div part="base" aria-busy=${loading ? 'true' : 'false'}>
      ${this.connections.render({
        // Waits for the API client from <conga-api-connections>.
        initial: () => nothing,
        pending: () => (this.list ? this.renderLoaded(this.list) : this.renderLoading()),
        complete: (list) => this.renderLoaded(list),
        error: (error) => this.renderFailed(error),
      })}
      ${this.renderStatusDialog()} ${this.renderForm()}
    </div>`;
  }

  private renderLoading() {
    return html`<p role="status">${messages.loading}</p>`;
  }

  private renderFailed(error: unknown) {
    // An abort is not a failure: show what there is.
    if (isAbortError(error)) {
      return this.list
        ? this.renderLoaded(this.list)
        : html`<button @click=${this.handleRefresh}>${messages.refresh}</button>`;
    }
    const errorState = html`<conga-error-state
      .error=${error}
      @conga-request-retry=${this.handleRetry}
    ></conga-error-state>`;
    if (!this.list) return errorState;
    // C2-07: the last good list stays, marked stale, under the error and its Retry.
    const time = this.list.loadedAt.toLocaleTimeString('en-US', {hour: 'numeric', minute: '2-digit'});
    return html`<div class="stale-banner">
        ${errorState}
        <p class="stale-text">${messages.stale(time)}</p>
      </div>
      ${this.renderLoaded(this.list, true)}`;
  }

  private renderCreateButtons() {
    return html`<button part="create-button" class="primary" data-type="APItoAPI" @click=${this.handleAddClick}>
        ${messages.addApiToApi}
      </button>
      <button part="create-button" class="primary" data-type="UItoAPI" @click=${this.handleAddClick}>
        ${messages.addUiToApi}
      </button>`;
  }

  private renderEmpty() {
    return html`<div part="empty" class="empty">
      <slot name="empty"><p>${messages.empty}</p></slot>
      <div class="buttons">
        ${this.renderCreateButtons()}
        <button @click=${this.handleRefresh}>${messages.refresh}</button>
      </div>
    </div>`;
  }

  private renderLoaded(list: LoadedList, stale = false) {
    if (!list.rows.length) return html`${this.renderNotice()}${this.renderEmpty()}`;
    const refreshing = this.connections.status === TaskStatus.PENDING;
    const count = this.#view.length;
    const size = this.#pageSize;
    const from = (this.page - 1) * size;
    const pageRows = Array.from(this.#view.subarray(from, from + size), (index) => list.rows[index]).filter(
      (row): row is Row => row !== undefined,
    );
    const filtered = count !== list.rows.length;
    const selectedOnPage = pageRows.filter((row) => this.selection.has(row.key)).length;
    return html`${this.renderToolbar(refreshing)}
      <div class="summary">
        <p class="total">
          ${list.expected === undefined ? messages.total(list.rows.length) : messages.loadingSome(list.expected)}
        </p>
        <p role="status" class="range">
          ${
            count
              ? `${messages.showing(from + 1, from + pageRows.length, count)}${filtered ? messages.filteredFrom(list.rows.length) : ''}`
              : ''
          }
          ${refreshing && list.expected === undefined ? messages.refreshing : ''}
        </p>
      </div>
      ${this.renderSelectionBar(count)}
      <conga-bulk-actions
        .download=${this.download}
        @conga-announce=${this.handleBulkAnnounce}
        @conga-connection-status-changed=${this.handleBulkStatusChanged}
        @conga-bulk-finished=${this.handleBulkFinished}
      ></conga-bulk-actions>
      ${this.renderNotice()}
      ${
        count
          ? html`<div class=${stale ? 'table-scroll stale' : 'table-scroll'}>
                <table part="table">
                  <caption class="visually-hidden">
                    ${messages.listLabel}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" class="select">
                        <input
                          id="select-page"
                          type="checkbox"
                          aria-label=${messages.selectPage}
                          .checked=${selectedOnPage === pageRows.length}
                          .indeterminate=${selectedOnPage > 0 && selectedOnPage < pageRows.length}
                          @change=${this.handlePageSelect}
                        />
                      </th>
                      ${SORT_COLUMNS.map((column) => this.renderHeader(column))}
                      <th scope="col" class="actions-header">${messages.columnActions}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${
                      // Not keyed: a search, sort or page change replaces the whole page of rows, and reusing the
                      // same row elements only updates their text, instead of building every row again.
                      pageRows.map((row) => this.renderRow(row))
                    }
                  </tbody>
                </table>
              </div>
              ${this.renderPagination()}`
          : this.renderNoMatch()
      }`;
  }

  private renderToolbar(refreshing: boolean) {
    return html`<div part="toolbar" class="toolbar">
      <div class="buttons">${this.renderCreateButtons()}</div>
      <div class="filters">
        <div class="field search">
          <label for="search">${messages.search}</label>
          <input
            id="search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            aria-describedby="search-hint"
            .value=${this.search}
            @input=${this.handleSearchInput}
          />
          <span id="search-hint" class="hint muted">${messages.searchHint}</span>
        </div>
        <div class="field">
          <label for="type-filter">${messages.filterType}</label>
          <select id="type-filter" .value=${this.typeFilter} @change=${this.handleTypeChange}>
            <option value="">${messages.filterTypeAll}</option>
            <option value="APItoAPI">${messages.typeApiToApi}</option>
            <option value="UItoAPI">${messages.typeUiToApi}</option>
          </select>
        </div>
        <div class="field">
          <label for="status-filter">${messages.filterStatus}</label>
          <select id="status-filter" .value=${this.statusFilter} @change=${this.handleStatusFilterChange}>
            <option value="">${messages.filterStatusAll}</option>
            <option value="active">${messages.active}</option>
            <option value="inactive">${messages.inactive}</option>
          </select>
        </div>
        <button class="refresh" aria-disabled=${refreshing ? 'true' : 'false'} @click=${this.handleRefresh}>
          ${messages.refresh}
        </button>
      </div>
    </div>`;
  }

  private renderHeader(column: SortColumn) {
    const sorted = this.sortColumn === column;
    const arrow = sorted ? (this.sortDirection === SORT_DIRECTIONS.ascending ? '▲' : '▼') : '↕';
    return html`<th scope="col" aria-sort=${ifDefined(sorted ? this.sortDirection : undefined)}>
      <button class="sort" data-column=${column} @click=${this.handleSortClick}>
        ${COLUMN_LABELS[column]}<span class="arrow" aria-hidden="true">${arrow}</span>
      </button>
    </th>`;
  }

  private renderRow(row: Row): TemplateResult {
    const {connection, key} = row;
    const name = displayName(connection);
    const pending = this.pending.has(key);
    const actionable = row.type !== null && Boolean(connection.ExternalIdentifier);
    let statusText: string = connection.IsActive ? messages.active : messages.inactive;
    if (pending) statusText = connection.IsActive ? messages.deactivating : messages.reactivating;
    const action = connection.IsActive ? messages.deactivate : messages.reactivate;
    return html`<tr part="row" data-key=${key}>
      <td class="select">
        <input
          type="checkbox"
          data-key=${key}
          aria-label=${messages.selectRow(isolate(name))}
          .checked=${this.selection.has(key)}
          @click=${this.handleRowSelect}
        />
      </td>
      <td class="identifier">
        ${
          actionable
            ? html`<button
                class="link"
                data-control="edit"
                data-key=${key}
                aria-label=${messages.editLabel(connection.ExternalIdentifier ?? '', typeLabel(row))}
                @click=${this.handleEditClick}
              >
                ${connection.ExternalIdentifier}
              </button>`
            : connection.ExternalIdentifier
        }
      </td>
      <td class="name">${connection.ClientName ?? nothing}</td>
      <td class="type">${typeLabel(row)}</td>
      <td class="client-id">
        ${
          connection.ClientId
            ? html`<span class="client-id-cell"
                ><code data-client-id data-key=${key}>${connection.ClientId}</code>
                <button
                  class="copy"
                  data-key=${key}
                  aria-label=${messages.copyLabel(name)}
                  @click=${this.handleCopyClick}
                >
                  ${messages.copy}
                </button></span
              >`
            : nothing
        }
      </td>
      <td class="status">
        <span class=${connection.IsActive ? 'badge active' : 'badge inactive'}
          ><span class="dot" aria-hidden="true"></span>${statusText}</span
        >
      </td>
      <td class="description">${connection.Description ?? nothing}</td>
      <td class="actions">
        ${
          actionable
            ? html`<button
                class=${connection.IsActive ? 'danger' : ''}
                data-control="status"
                data-key=${key}
                aria-disabled=${pending ? 'true' : 'false'}
                aria-label=${`${action} ${name}`}
                @click=${this.handleStatusClick}
              >
                ${action}
              </button>`
            : nothing
        }
      </td>
    </tr>`;
  }

  private renderNoMatch() {
    return html`<div class="no-match">
      <p>${messages.noMatch(this.search.trim())}</p>
      <button @click=${this.handleClearFilters}>${messages.clearFilters}</button>
    </div>`;
  }

  private renderPagination() {
    const pages = this.#pageCount;
    if (pages <= 1) return nothing;
    return html`<nav part="pagination" class="pagination" aria-label=${messages.pages}>
      <button aria-disabled=${this.page <= 1 ? 'true' : 'false'} data-page="previous" @click=${this.handlePreviousPage}>
        ${messages.previousPage}
      </button>
      <span>${messages.pageOf(this.page, pages)}</span>
      <button aria-disabled=${this.page >= pages ? 'true' : 'false'} data-page="next" @click=${this.handleNextPage}>
        ${messages.nextPage}
      </button>
    </nav>`;
  }

  /**
   * What to do with the selection: "N selected", select every match, Deactivate, Reactivate, Export, Clear. With
   * nothing selected only Export is there, and it exports every connection the search and filters match.
   */
  private renderSelectionBar(matching: number) {
    const selected = this.selection.size;
    const exportButtons = html`<button data-format="csv" @click=${this.handleExportClick}>${messages.exportCsv}</button>
      <button data-format="json" @click=${this.handleExportClick}>${messages.exportJson}</button>`;
    if (!selected) return html`<div part="selection-bar" class="selection-bar">${exportButtons}</div>`;
    return html`<div part="selection-bar" class="selection-bar" role="group" aria-labelledby="selected-count">
      <span id="selected-count" class="selected-count">${messages.selected(selected)}</span>
      ${
        this.#countSelectedInView() < matching
          ? html`<button class="link" @click=${this.handleSelectAllMatching}>
              ${messages.selectAllMatching(matching)}
            </button>`
          : nothing
      }
      <button class="danger" data-activate="false" @click=${this.handleBulkClick}>${messages.deactivate}</button>
      <button data-activate="true" @click=${this.handleBulkClick}>${messages.reactivate}</button>
      ${exportButtons}
      <button @click=${this.handleClearSelection}>${messages.clearSelection}</button>
    </div>`;
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return nothing;
    // Not a live region: the root's live region already announced it. tabindex lets focus land here when the row
    // it was about is gone.
    return html`<div class="notice" tabindex="-1">
      <p>${notice.text}</p>
      ${notice.detail ? html`<p class="muted">${notice.detail}</p>` : nothing}
    </div>`;
  }

  private renderStatusDialog() {
    const target = this.statusTarget;
    const name = html`<bdi>${target?.name ?? ''}</bdi>`;
    const identifier = html`<bdi>${target?.externalIdentifier ?? ''}</bdi>`;
    const activate = target?.activate ?? false;
    return html`<conga-confirm-dialog
      confirm-label=${activate ? messages.reactivate : messages.deactivate}
      ?danger=${!activate}
      @conga-dialog-confirmed=${this.handleStatusConfirmed}
      @conga-dialog-cancelled=${this.handleStatusCancelled}
    >
      <span slot="heading"
        >${activate ? messages.confirmReactivateTitle(name) : messages.confirmDeactivateTitle(name)}</span
      >
      <p>${messages.confirmConnection(target ? toApiTypeLabel(target.type) : '', identifier)}</p>
      <p>${activate ? messages.confirmReactivateBody : messages.confirmDeactivateBody}</p>
    </conga-confirm-dialog>`;
  }

  private renderForm() {
    const request = this.formRequest;
    // One instance for the element's lifetime: it must outlive a refresh, because it holds the one-time secret
    // hand-off while the list reloads behind it.
    return html`<conga-connection-form
      .mode=${request?.mode ?? 'create'}
      .connectionType=${request?.connectionType ?? 'APItoAPI'}
      .externalIdentifier=${request?.externalIdentifier}
      .integrations=${this.integrations.value ?? NO_INTEGRATIONS}
      .existing=${this.list?.connections ?? NO_CONNECTIONS}
      @conga-connection-created=${this.handleConnectionSaved}
      @conga-connection-updated=${this.handleConnectionSaved}
      @conga-form-closed=${this.handleFormClosed}
    ></conga-connection-form>`;
  }
}

define('conga-connection-list', CongaConnectionList);

declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-list': CongaConnectionList;
  }
}
