/** The list's table, its rows and the pager: view functions that only render what they are given. */
import {html, nothing} from 'lit';
import type {TemplateResult} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {messages} from '../../messages.js';
import {isolate} from '../../bidi.js';
import {displayName, typeLabel} from './list-query.js';
import type {LoadedList} from './list-query.js';
import {SORT_COLUMNS} from './url-state.js';
import type {SortColumn} from './url-state.js';

/** The column headers' text, read from the catalogue at render time. */
function columnLabel(column: SortColumn): string {
  switch (column) {
    case 'externalIdentifier':
      return messages.columnExternalIdentifier;
    case 'clientName':
      return messages.columnClientName;
    case 'type':
      return messages.type;
    case 'clientId':
      return messages.columnClientId;
    case 'status':
      return messages.status;
    case 'description':
      return messages.columnDescription;
  }
}

type Handler = (event: Event) => unknown;

export interface TableView {
  readonly list: LoadedList;
  /** The row indices of the current page. */
  readonly rows: Uint32Array;
  readonly stale: boolean;
  readonly sortColumn: SortColumn | undefined;
  readonly descending: boolean;
  readonly isSelected: (key: string) => boolean;
  /** Keys of rows whose status change is in flight. */
  readonly pending: ReadonlySet<string>;
  readonly onPageSelect: Handler;
  readonly onSortClick: Handler;
  readonly onRowSelect: (event: MouseEvent) => unknown;
  readonly onEditClick: Handler;
  readonly onCopyClick: Handler;
  readonly onStatusClick: Handler;
}

function renderHeader(view: TableView, column: SortColumn) {
  const sorted = view.sortColumn === column;
  const arrow = sorted ? (view.descending ? '▼' : '▲') : '↕';
  return html`<th
    scope="col"
    aria-sort=${ifDefined(sorted ? (view.descending ? 'descending' : 'ascending') : undefined)}
  >
    <button class="sort" data-column=${column} @click=${view.onSortClick}>
      ${columnLabel(column)}<span class="arrow" aria-hidden="true">${arrow}</span>
    </button>
  </th>`;
}

function renderRow(view: TableView, index: number): TemplateResult {
  const {list, pending: pendingKeys} = view;
  const connection = list.connections[index];
  if (!connection) return html``;
  const key = list.keyOf(index);
  const type = list.typeOf(index);
  const name = displayName(connection);
  const pending = pendingKeys.has(key);
  const actionable = type !== null && Boolean(connection.ExternalIdentifier);
  let statusText: string = connection.IsActive ? messages.active : messages.inactive;
  if (pending) statusText = connection.IsActive ? messages.deactivating : messages.reactivating;
  const action = connection.IsActive ? messages.deactivate : messages.reactivate;
  return html`<tr part="row" data-key=${key}>
    <td class="select">
      <input
        type="checkbox"
        data-key=${key}
        aria-label=${messages.selectRow(isolate(name))}
        .checked=${view.isSelected(key)}
        @click=${view.onRowSelect}
      />
    </td>
    <td class="identifier">
      ${
        actionable
          ? html`<button
              class="link"
              data-control="edit"
              data-key=${key}
              aria-label=${messages.editLabel(connection.ExternalIdentifier ?? '', typeLabel(connection, type))}
              @click=${view.onEditClick}
            >
              ${connection.ExternalIdentifier}
            </button>`
          : connection.ExternalIdentifier
      }
    </td>
    <td class="name">${connection.ClientName ?? nothing}</td>
    <td class="type">${typeLabel(connection, type)}</td>
    <td class="client-id">
      ${
        connection.ClientId
          ? html`<span class="client-id-cell"
              ><code data-client-id data-key=${key}>${connection.ClientId}</code>
              <button class="copy" data-key=${key} aria-label=${messages.copyLabel(name)} @click=${view.onCopyClick}>
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
              @click=${view.onStatusClick}
            >
              ${action}
            </button>`
          : nothing
      }
    </td>
  </tr>`;
}

/** The table of one page of rows, with the page's checkbox and the sortable headers. */
export function renderTable(view: TableView) {
  const keys = Array.from(view.rows, (index) => view.list.keyOf(index));
  const selectedOnPage = keys.filter(view.isSelected).length;
  return html`<div class=${view.stale ? 'table-scroll stale' : 'table-scroll'}>
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
              .checked=${selectedOnPage === keys.length}
              .indeterminate=${selectedOnPage > 0 && selectedOnPage < keys.length}
              @change=${view.onPageSelect}
            />
          </th>
          ${SORT_COLUMNS.map((column) => renderHeader(view, column))}
          <th scope="col" class="actions-header">${messages.columnActions}</th>
        </tr>
      </thead>
      <tbody>
        ${
          // Not keyed: a search, sort or page change replaces the whole page of rows, and reusing the
          // same row elements only updates their text, instead of building every row again.
          Array.from(view.rows, (index) => renderRow(view, index))
        }
      </tbody>
    </table>
  </div>`;
}

export interface PagerView {
  readonly page: number;
  readonly pages: number;
  readonly onPrevious: Handler;
  readonly onNext: Handler;
}

/** Previous / Next, when there is more than one page. */
export function renderPager({page, pages, onPrevious, onNext}: PagerView) {
  if (pages <= 1) return nothing;
  return html`<nav part="pagination" class="pagination" aria-label=${messages.pages}>
    <button aria-disabled=${page <= 1 ? 'true' : 'false'} data-page="previous" @click=${onPrevious}>
      ${messages.previousPage}
    </button>
    <span>${messages.pageOf(page, pages)}</span>
    <button aria-disabled=${page >= pages ? 'true' : 'false'} data-page="next" @click=${onNext}>
      ${messages.nextPage}
    </button>
  </nav>`;
}
