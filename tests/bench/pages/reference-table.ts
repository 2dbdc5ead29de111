/**
 * The bench's reference: the table a developer would write in an afternoon with bare Lit, fed the same data over the
 * same API as `<conga-api-connections>`, so every timing of the element has a same-run yardstick.
 *
 * - loads every connection the way the element does (page 1, then the rest 500 per request, four in flight);
 * - sorts with one reused `Intl.Collator` (the element's options: numeric, base sensitivity) when a header is
 *   clicked, keeping the sorted array until the next sort;
 * - filters the sorted array on each keystroke, lower-casing the searched fields as it goes (no precomputed index);
 * - renders 50 rows of the current page, with the same columns and a button per row as the element.
 * No styles, messages, sign-in, validation, forms or accessibility work: that is what the element adds.
 */
import {html, LitElement} from 'lit';
import type {PropertyValues} from 'lit';

interface Connection {
  ExternalIdentifier: string | null;
  ClientName: string | null;
  APIType: string | null;
  ClientId: string | null;
  IsActive: boolean;
  Description: string | null;
  RedirectURI: string[] | null;
  CorsOrigins: string[] | null;
}

interface Page {
  Data: Connection[];
  RecordCount: number;
}

const COLUMNS = [
  ['externalIdentifier', 'External Identifier'],
  ['clientName', 'Client Name'],
  ['type', 'Type'],
  ['clientId', 'Client ID'],
  ['status', 'Status'],
  ['description', 'Description'],
] as const;
type Column = (typeof COLUMNS)[number][0];

const PAGE_SIZE = 500;
const CONCURRENCY = 4;
const ROWS = 50;

function value(connection: Connection, column: Column): string {
  switch (column) {
    case 'externalIdentifier':
      return connection.ExternalIdentifier ?? '';
    case 'clientName':
      return connection.ClientName ?? '';
    case 'type':
      return connection.APIType ?? '';
    case 'clientId':
      return connection.ClientId ?? '';
    case 'status':
      return connection.IsActive ? 'Active' : 'Inactive';
    case 'description':
      return connection.Description ?? '';
  }
}

function matches(connection: Connection, needle: string): boolean {
  const fields = [
    connection.ExternalIdentifier,
    connection.ClientName,
    connection.ClientId,
    ...(connection.RedirectURI ?? []),
    ...(connection.CorsOrigins ?? []),
  ];
  return fields.some((field) => field?.toLowerCase().includes(needle));
}

/** `<bench-reference-table>`: set `apiBaseUrl` and `accessToken`, then attach it. */
export class BenchReferenceTable extends LitElement {
  static override properties = {
    items: {state: true},
    search: {state: true},
    sortColumn: {state: true},
    page: {state: true},
  };

  declare items: Connection[];
  declare search: string;
  declare sortColumn: Column | undefined;
  declare page: number;
  apiBaseUrl = '';
  accessToken = '';

  #collator = new Intl.Collator(undefined, {numeric: true, sensitivity: 'base'});
  #sorted: Connection[] = [];
  #view: Connection[] = [];

  constructor() {
    super();
    this.items = [];
    this.search = '';
    this.sortColumn = undefined;
    this.page = 1;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  async #fetchPage(pageNumber: number): Promise<Page> {
    const url = new URL('/api/user-management/v1/api-connections', this.apiBaseUrl);
    url.search = new URLSearchParams({
      sortField: 'CreatedDate',
      sortDirection: 'DESC',
      pageSize: String(PAGE_SIZE),
      pageNumber: String(pageNumber),
    }).toString();
    const response = await fetch(url, {headers: {authorization: `Bearer ${this.accessToken}`}});
    if (!response.ok) throw new Error(`HTTP ${String(response.status)}`);
    return (await response.json()) as Page;
  }

  async #load(): Promise<void> {
    const first = await this.#fetchPage(1);
    const pageCount = Math.ceil(first.RecordCount / PAGE_SIZE);
    const pages: Connection[][] = [first.Data];
    let next = 2;
    const worker = async (): Promise<void> => {
      while (next <= pageCount) {
        const pageNumber = next;
        next += 1;
        pages[pageNumber - 1] = (await this.#fetchPage(pageNumber)).Data;
      }
    };
    await Promise.all(Array.from({length: Math.min(CONCURRENCY, Math.max(pageCount - 1, 0))}, worker));
    this.items = pages.flat();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items') || changed.has('sortColumn')) {
      const column = this.sortColumn;
      const compare = this.#collator.compare;
      this.#sorted = column ? [...this.items].sort((a, b) => compare(value(a, column), value(b, column))) : this.items;
    }
    const needle = this.search.trim().toLowerCase();
    this.#view = needle ? this.#sorted.filter((connection) => matches(connection, needle)) : this.#sorted;
  }

  override render() {
    if (!this.items.length) return html`<p>Loading…</p>`;
    const from = (this.page - 1) * ROWS;
    return html`<input
        id="search"
        type="search"
        aria-label="Search"
        .value=${this.search}
        @input=${(event: Event) => {
          this.search = (event.target as HTMLInputElement).value;
          this.page = 1;
        }}
      />
      <p>${this.#view.length} connections</p>
      <table>
        <thead>
          <tr>
            ${COLUMNS.map(
              ([column, label]) =>
                html`<th>
                  <button
                    class="sort"
                    data-column=${column}
                    @click=${() => {
                      this.sortColumn = column;
                      this.page = 1;
                    }}
                  >
                    ${label}
                  </button>
                </th>`,
            )}
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          ${this.#view.slice(from, from + ROWS).map(
            (connection) =>
              html`<tr>
                <td><button>${connection.ExternalIdentifier}</button></td>
                <td>${connection.ClientName}</td>
                <td>${connection.APIType}</td>
                <td><code>${connection.ClientId}</code></td>
                <td>${connection.IsActive ? 'Active' : 'Inactive'}</td>
                <td>${connection.Description}</td>
                <td><button>${connection.IsActive ? 'Deactivate' : 'Reactivate'}</button></td>
              </tr>`,
          )}
        </tbody>
      </table>
      <button data-page="previous" @click=${() => (this.page = Math.max(1, this.page - 1))}>Previous</button>
      <button data-page="next" @click=${() => (this.page += 1)}>Next</button>`;
  }
}

customElements.define('bench-reference-table', BenchReferenceTable);
