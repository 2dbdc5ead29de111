/**
 * The list's query model: every connection once loaded, with what a search, a filter and a sort need made once
 * (search text, filter bits, sort orders), and the view (search, filters, sort, page) over it. A row is its index in
 * the server's order: no object per connection beyond the connection itself. Plain TypeScript, tested in Node.
 */
import {toApiTypeLabel, toConnectionType} from '@conga-connections/api-client';
import type {ApiConnectionResponse, ConnectionType} from '@conga-connections/api-client';
import {messages} from '../../messages.js';
import type {SortColumn, UrlView} from './url-state.js';
import type {BulkItem} from '../bulk-actions/bulk-actions.js';
import {sortAtOnce} from './list-sort.js';

/** Bits of {@link LoadedList.flags}: what the filters test, and where a row's searchable text is; a byte per row. */
const FLAG_ACTIVE = 1;
const FLAG_TYPE = {APItoAPI: 2, UItoAPI: 4} as const satisfies Record<ConnectionType, number>;
/** Client ID, redirect URIs or origins hold capitals, so they are in the search text instead of searched in place. */
const FLAG_MIXED_CASE = 8;
/** Between two fields and after every row of the search text: a character no one types, so no match spans two. */
const SEPARATOR = '\u0000';

/** The key of a connection: the platform addresses a connection by (External Identifier, type). */
export function rowKey(type: string | null, externalIdentifier: string | null): string {
  return `${type ?? ''}\u001f${externalIdentifier ?? ''}`;
}

/** The name a person knows the connection by, in announcements and confirmations. */
export function displayName(connection: Pick<ApiConnectionResponse, 'ClientName' | 'ExternalIdentifier'>): string {
  const name = connection.ClientName?.trim();
  if (name) return name;
  return connection.ExternalIdentifier ?? '';
}

/** The type as the table shows it: the server's own text when this build doesn't know the type. */
export function typeLabel(connection: ApiConnectionResponse, type: ConnectionType | null): string {
  return type ? toApiTypeLabel(type) : (connection.APIType ?? '');
}

/** A row as the bulk actions take it. */
export function toBulkItem(list: LoadedList, index: number): BulkItem {
  const connection = list.connections[index];
  return {
    key: list.keyOf(index),
    name: connection ? displayName(connection) : '',
    externalIdentifier: connection?.ExternalIdentifier ?? null,
    type: list.typeOf(index),
    isActive: connection?.IsActive ?? false,
  };
}

/** The fields searched in place when they are lower case already (most are: GUIDs, URLs), without a copy. */
function inPlaceFields(connection: ApiConnectionResponse): string[] {
  const fields = connection.ClientId ? [connection.ClientId] : [];
  return fields.concat(connection.RedirectURI, connection.CorsOrigins);
}

function matchesInPlace(connection: ApiConnectionResponse, needle: string): boolean {
  if (connection.ClientId?.includes(needle)) return true;
  for (const uri of connection.RedirectURI) if (uri.includes(needle)) return true;
  for (const origin of connection.CorsOrigins) if (origin.includes(needle)) return true;
  return false;
}

/**
 * A faster search of the fields searched in place (in-place-index.ts, in the list-deferred chunk): marks in `hits`
 * the rows not marked yet that hold `needle` there, among those whose flags pass the filters (`flags & mask` is
 * `wanted`), and only `candidates` when given.
 */
export interface InPlaceSearch {
  find(needle: string, hits: Uint8Array, mask: number, wanted: number, candidates?: Uint32Array): void;
}

/** One page of the load, with its search text and bits made as soon as it arrives. */
export interface LoadedPage {
  readonly connections: readonly ApiConnectionResponse[];
  /**
   * Per connection, each followed by a separator: the lower-case External Identifier and Client Name, and the other
   * fields if they hold capitals. One string per page, so no string per connection outlives the page's arrival.
   */
  readonly text: string;
  /** Where each connection's text starts, and where the page's ends. */
  readonly starts: Uint32Array;
  readonly flags: Uint8Array;
}

export function toLoadedPage(connections: readonly ApiConnectionResponse[]): LoadedPage {
  const flags = new Uint8Array(connections.length);
  const starts = new Uint32Array(connections.length + 1);
  const rows: string[] = [];
  let length = 0;
  connections.forEach((connection, index) => {
    const type = toConnectionType(connection.APIType);
    const others = inPlaceFields(connection);
    const mixed = others.some((field) => field.toLowerCase() !== field);
    flags[index] =
      (connection.IsActive ? FLAG_ACTIVE : 0) | (type ? FLAG_TYPE[type] : 0) | (mixed ? FLAG_MIXED_CASE : 0);
    const fields = [connection.ExternalIdentifier ?? '', connection.ClientName ?? ''];
    const row = `${(mixed ? fields.concat(others) : fields).join(SEPARATOR).toLowerCase()}${SEPARATOR}`;
    starts[index] = length;
    length += row.length;
    rows.push(row);
  });
  starts[connections.length] = length;
  // One flat string: adding each row to the last (`text += row`) builds a rope of 500 pieces that lives until the
  // first search flattens it, several megabytes at 100k connections at the moment the load ends.
  return {connections, text: rows.join(''), starts, flags};
}

/** The text a sort by `column` compares. */
function sortValue(connection: ApiConnectionResponse, type: ConnectionType | null, column: SortColumn): string {
  switch (column) {
    case 'externalIdentifier':
      return connection.ExternalIdentifier ?? '';
    case 'clientName':
      return connection.ClientName ?? '';
    case 'type':
      return typeLabel(connection, type);
    case 'clientId':
      return connection.ClientId ?? '';
    case 'status':
      return connection.IsActive ? messages.active : messages.inactive;
    case 'description':
      return connection.Description ?? '';
  }
}

/** One successful load: the connections in the server's order and the caches that live exactly as long as they do. */
export class LoadedList {
  /** The plain connections, also handed to the form so it can refuse a type that an identifier already has. */
  readonly connections: ApiConnectionResponse[] = [];
  readonly flags: Uint8Array;
  /** The in-place fields' index, once the list-deferred chunk has built it in idle time. */
  inPlace: InPlaceSearch | undefined;
  readonly loadedAt = new Date();
  /**
   * Set while the rest of a first load is still on its way: how many connections the server said there are. The
   * first page is shown at once, so a large organization sees rows after one request instead of all of them.
   */
  readonly expected: number | undefined;
  /** Row indices in ascending order per column: sorted in idle time after the load, or on the column's first click. */
  readonly orders = new Map<SortColumn, Uint32Array>();
  /**
   * Every row's search text, each followed by a separator, one string per page as it arrived (one native scan a page
   * finds the rows a search matches, and there is no string object per row), where each row's text begins in it, and
   * the page's first row. Not joined into one string: the copy would double the text's memory as the load ends.
   */
  readonly #texts: {readonly text: string; readonly starts: Uint32Array; readonly first: number}[] = [];
  /** Row indices by type and External Identifier (the server's text when the type is unknown). */
  readonly #byKey = new Map<string, Map<string, number>>();

  constructor(pages: readonly LoadedPage[], expected?: number) {
    this.flags = new Uint8Array(pages.reduce((sum, page) => sum + page.connections.length, 0));
    for (const {connections, text, starts, flags} of pages) {
      const first = this.connections.length;
      const kept = connections.filter((connection, index) => {
        const at = this.connections.length;
        this.flags[at] = flags[index] ?? 0;
        const identifiers = this.#byKey.get(this.typeOf(at) ?? connection.APIType ?? '') ?? new Map<string, number>();
        this.#byKey.set(this.typeOf(at) ?? connection.APIType ?? '', identifiers);
        // A connection created while the pages were loading shifts later pages by one: keep its first copy only.
        if (identifiers.has(connection.ExternalIdentifier ?? '')) return false;
        identifiers.set(connection.ExternalIdentifier ?? '', this.connections.push(connection) - 1);
        return true;
      });
      // A repeated row dropped: the text of the rows kept, made again.
      const page = kept.length === connections.length ? {text, starts} : toLoadedPage(kept);
      this.#texts.push({text: page.text, starts: page.starts, first});
    }
    this.flags = this.flags.subarray(0, this.connections.length);
    this.expected = expected;
  }

  get size(): number {
    return this.connections.length;
  }

  /** `null` when the server sent a type this build doesn't know; such a row is shown but can't be acted on. */
  typeOf(index: number): ConnectionType | null {
    const bits = this.flags[index] ?? 0;
    if (bits & FLAG_TYPE.APItoAPI) return 'APItoAPI';
    return bits & FLAG_TYPE.UItoAPI ? 'UItoAPI' : null;
  }

  keyOf(index: number): string {
    const connection = this.connections[index];
    return rowKey(this.typeOf(index) ?? connection?.APIType ?? null, connection?.ExternalIdentifier ?? null);
  }

  /** The row of a key, or undefined when no loaded connection has it. */
  indexOf(key: string): number | undefined {
    const cut = key.indexOf('\u001f');
    return this.#byKey.get(key.slice(0, cut))?.get(key.slice(cut + 1));
  }

  /**
   * Writes a server-confirmed status into the row. Only the status order is dropped, so the next sort by status is
   * right; the row keeps its place in the view until the next search, filter, sort or load.
   */
  setActive(index: number, isActive: boolean): void {
    const connection = this.connections[index];
    if (!connection) return;
    this.connections[index] = {...connection, IsActive: isActive};
    this.flags[index] = ((this.flags[index] ?? 0) & ~FLAG_ACTIVE) | (isActive ? FLAG_ACTIVE : 0);
    this.orders.delete('status');
  }

  /**
   * Marks in `hits` (one byte per row) the rows a search finds without testing them one by one: those whose search
   * text holds `needle`, and, once the index is built, those whose Client ID or URLs do (among the rows whose flags
   * pass the filters, `flags & mask` is `wanted`, and only `candidates` when given).
   */
  find(needle: string, hits: Uint8Array, mask: number, wanted: number, candidates?: Uint32Array): void {
    hits.fill(0);
    // The separator can't be typed; a needle holding one would match across rows.
    if (needle.includes(SEPARATOR)) return;
    for (const {text, starts, first} of this.#texts) {
      let row = 0;
      let at = text.indexOf(needle);
      while (at !== -1) {
        while ((starts[row + 1] ?? Infinity) <= at) row += 1;
        hits[first + row] = 1;
        // One hit is enough: go on from the next row.
        at = text.indexOf(needle, starts[row + 1] ?? text.length);
      }
    }
    this.inPlace?.find(needle, hits, mask, wanted, candidates);
  }

  /**
   * Whether row `index`'s Client ID or URLs hold `needle`, for a row {@link find} didn't mark: read here only until
   * the index is built (and never when they are in the search text).
   */
  matches(index: number, needle: string): boolean {
    const connection = this.connections[index];
    return !this.inPlace && !this.inText(index) && connection !== undefined && matchesInPlace(connection, needle);
  }

  /** Whether row `index`'s Client ID, redirect URIs and origins are in the search text (they hold capitals). */
  inText(index: number): boolean {
    return ((this.flags[index] ?? 0) & FLAG_MIXED_CASE) !== 0;
  }

  /** The text each row shows in `column`, in row order: what a sort by it compares. */
  values(column: SortColumn): string[] {
    return this.connections.map((connection, index) => sortValue(connection, this.typeOf(index), column));
  }

  /**
   * The row indices in ascending order of `column`, sorted at once unless idle time already did it (an idle sort
   * still under way stops when it sees the order here).
   */
  order(column: SortColumn): Uint32Array {
    let order = this.orders.get(column);
    if (!order) {
      order = sortAtOnce(this.values(column));
      this.orders.set(column, order);
    }
    return order;
  }
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The view of a list: search, filters, sort and page (as the address bar keeps them), and the rows they leave,
 * computed only when one of them changes. Every change bumps {@link revision}, which the element compares to know
 * when the address bar needs writing.
 */
export class ListQuery implements UrlView {
  search = '';
  type: ConnectionType | '' = '';
  status: UrlView['status'] = '';
  sort: SortColumn | undefined;
  descending = false;
  revision = 0;
  list: LoadedList | undefined;
  #pageSize = DEFAULT_PAGE_SIZE;
  /** 1-based, as asked for; {@link page} keeps it within the pages there are once a list is in. */
  #page = 1;
  /** Row indices that pass the search and filters, in display order. */
  #view: Uint32Array = new Uint32Array(0);
  /** What {@link #view} was computed from (list, sort and filters, then the search): a longer search only narrows it. */
  #inputs: unknown[] = [];
  /** A row changed under the view: it stays as it is, but the next change starts from every row again. */
  #stale = false;
  /** Two buffers of one index per row, taking turns to hold the view, so a keystroke allocates nothing. */
  #buffers: Uint32Array[] = [];
  /** One byte per row: whether its search text holds the search. */
  #hits = new Uint8Array(0);

  /** Rows per page, whatever the attribute says. */
  get pageSize(): number {
    return this.#pageSize;
  }

  set pageSize(size: number) {
    const whole = Math.floor(size);
    this.#pageSize = Number.isFinite(whole) && whole > 0 ? whole : DEFAULT_PAGE_SIZE;
  }

  /** A page past the end (fewer matches, a smaller page size, a shorter list) is the last page (A6-03). */
  get page(): number {
    if (this.list) this.#page = Math.min(Math.max(1, this.#page), this.pageCount);
    return this.#page;
  }

  set page(page: number) {
    this.#page = page;
    this.revision += 1;
  }

  get pageCount(): number {
    return Math.max(1, Math.ceil(this.view.length / this.#pageSize));
  }

  /** Changes the search, filters or sort (as the address bar or a control says) and goes back to the first page. */
  set(view: Partial<UrlView>): void {
    Object.assign(this, {page: 1}, view);
  }

  setType(type: string): void {
    this.set({type: type === 'APItoAPI' || type === 'UItoAPI' ? type : ''});
  }

  setStatus(status: string): void {
    this.set({status: status === 'active' || status === 'inactive' ? status : ''});
  }

  clearFilters(): void {
    this.set({search: '', type: '', status: ''});
  }

  /** A click on a column's header: ascending first, then the other way on every further click. */
  sortBy(column: SortColumn): void {
    this.set({sort: column, descending: this.sort === column && !this.descending});
  }

  /** The next search, filter or sort starts from every row again (a row's status changed under the view). */
  invalidate(): void {
    this.#stale = true;
  }

  /** Row indices that pass the search and filters, in display order. */
  get view(): Uint32Array {
    this.#compute();
    return this.#view;
  }

  /** The row indices of the current page. */
  pageRows(): Uint32Array {
    const from = (this.page - 1) * this.#pageSize;
    return this.view.subarray(from, from + this.#pageSize);
  }

  /** Shows the page holding row `index`, clearing the search and filters if they hide it; false if no view has it. */
  reveal(index: number): boolean {
    let position = this.view.indexOf(index);
    if (position === -1) {
      this.clearFilters();
      position = this.view.indexOf(index);
    }
    if (position === -1) return false;
    this.page = Math.floor(position / this.#pageSize) + 1;
    return true;
  }

  /**
   * The only work a keystroke causes: one scan of the search text, then one pass over the candidate rows testing
   * flags. The candidates are every row in the sorted (or server) order, or, when the search only got longer, the
   * rows that matched before, since a row without "por" can't contain "port".
   */
  #compute(): void {
    const list = this.list;
    const needle = this.search.trim().toLowerCase();
    const inputs = [list, this.type, this.status, this.sort, this.descending];
    const [previousNeedle = '', ...previous] = this.#inputs as [string?, ...unknown[]];
    const same = inputs.every((input, at) => input === previous[at]);
    if (same && needle === previousNeedle) return;
    this.#inputs = [needle, ...inputs];
    const size = list?.size ?? 0;
    const narrowing = same && !this.#stale && needle.includes(previousNeedle);
    this.#stale = false;
    const candidates = narrowing ? this.#view : this.sort && list?.order(this.sort);
    const reversed = !narrowing && this.descending && this.sort !== undefined;
    let [buffer, other] = this.#buffers;
    if (!buffer || !other || buffer.length !== size) {
      buffer = new Uint32Array(size);
      other = new Uint32Array(size);
      this.#hits = new Uint8Array(size);
    } else if (this.#view.buffer === buffer.buffer) {
      [buffer, other] = [other, buffer];
    }
    this.#buffers = [buffer, other];
    const hits = this.#hits;
    const flags = list?.flags ?? hits;
    const typeBit = this.type ? FLAG_TYPE[this.type] : 0;
    const statusMask = this.status ? FLAG_ACTIVE : 0;
    const statusBits = this.status === 'active' ? FLAG_ACTIVE : 0;
    if (needle)
      list?.find(needle, hits, typeBit | statusMask, typeBit | statusBits, narrowing ? this.#view : undefined);
    const length = candidates ? candidates.length : size;
    const last = length - 1;
    let count = 0;
    for (let position = 0; position < length; position += 1) {
      const at = reversed ? last - position : position;
      const index = candidates ? (candidates[at] ?? 0) : at;
      const bits = flags[index] ?? 0;
      if (typeBit && !(bits & typeBit)) continue;
      if ((bits & statusMask) !== statusBits) continue;
      if (needle && hits[index] !== 1 && !list?.matches(index, needle)) continue;
      buffer[count] = index;
      count += 1;
    }
    this.#view = buffer.subarray(0, count);
  }
}
