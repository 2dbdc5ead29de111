/**
 * The list's toolbar (Add, search, filters, Refresh), the summary above the table, the selection bar, and the states
 * that replace the table (empty, no match, notice): view functions that only render what they are given.
 */
import {html, nothing} from 'lit';
import {currentLocale} from '../../locale.js';
import {messages} from '../../messages.js';
import type {ConnectionType} from '@conga-connections/api-client';

type Handler = (event: Event) => unknown;

/** The two Add buttons (toolbar and empty state); each names its type in `data-type`. */
export function renderCreateButtons(onAdd: Handler) {
  return html`<button part="create-button" class="primary" data-type="APItoAPI" @click=${onAdd}>
      ${messages.addApiToApi}
    </button>
    <button part="create-button" class="primary" data-type="UItoAPI" @click=${onAdd}>${messages.addUiToApi}</button>`;
}

export interface ToolbarView {
  readonly search: string;
  readonly type: ConnectionType | '';
  readonly status: string;
  readonly refreshing: boolean;
  readonly onAdd: Handler;
  readonly onSearchInput: Handler;
  readonly onTypeChange: Handler;
  readonly onStatusChange: Handler;
  readonly onRefresh: Handler;
}

export function renderToolbar(view: ToolbarView) {
  return html`<div part="toolbar" class="toolbar">
    <div class="buttons">${renderCreateButtons(view.onAdd)}</div>
    <div class="filters">
      <div class="field search">
        <label for="search">${messages.search}</label>
        <input
          id="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="search-hint"
          .value=${view.search}
          @input=${view.onSearchInput}
        />
        <span id="search-hint" class="hint muted">${messages.searchHint}</span>
      </div>
      <div class="field">
        <label for="type-filter">${messages.type}</label>
        <select id="type-filter" .value=${view.type} @change=${view.onTypeChange}>
          <option value="">${messages.filterTypeAll}</option>
          <option value="APItoAPI">${messages.typeApiToApi}</option>
          <option value="UItoAPI">${messages.typeUiToApi}</option>
        </select>
      </div>
      <div class="field">
        <label for="status-filter">${messages.status}</label>
        <select id="status-filter" .value=${view.status} @change=${view.onStatusChange}>
          <option value="">${messages.filterStatusAll}</option>
          <option value="active">${messages.active}</option>
          <option value="inactive">${messages.inactive}</option>
        </select>
      </div>
      <button class="refresh" aria-disabled=${view.refreshing ? 'true' : 'false'} @click=${view.onRefresh}>
        ${messages.refresh}
      </button>
    </div>
  </div>`;
}

export interface SummaryView {
  readonly total: number;
  /** While the rest of a first load arrives: how many connections the server said there are. */
  readonly expected: number | undefined;
  /** Rows the search and filters leave, and the first and last of the page (1-based). */
  readonly matching: number;
  readonly from: number;
  readonly to: number;
  readonly refreshing: boolean;
}

/** "N API connections" and "Showing a–b of c", with "Refreshing…" while a refresh runs. */
export function renderSummary(view: SummaryView) {
  const filtered = view.matching !== view.total;
  return html`<div class="summary">
    <p class="total">
      ${view.expected === undefined ? messages.total(view.total) : messages.loadingSome(view.expected)}
    </p>
    <p role="status" class="range">
      ${
        view.matching
          ? `${messages.showing(view.from, view.to, view.matching)}${filtered ? messages.filteredFrom(view.total) : ''}`
          : ''
      }
      ${view.refreshing && view.expected === undefined ? messages.refreshing : ''}
    </p>
  </div>`;
}

export interface SelectionBarView {
  readonly selected: number;
  readonly selectedInView: number;
  readonly matching: number;
  readonly onExport: Handler;
  readonly onSelectAllMatching: Handler;
  readonly onBulk: Handler;
  readonly onClear: Handler;
}

/**
 * What to do with the selection: "N selected", select every match, Deactivate, Reactivate, Export, Clear. With
 * nothing selected only Export is there, and it exports every connection the search and filters match.
 */
export function renderSelectionBar(view: SelectionBarView) {
  const exportButtons = html`<button data-format="csv" @click=${view.onExport}>${messages.exportCsv}</button>
    <button data-format="json" @click=${view.onExport}>${messages.exportJson}</button>`;
  if (!view.selected) return html`<div part="selection-bar" class="selection-bar">${exportButtons}</div>`;
  return html`<div part="selection-bar" class="selection-bar" role="group" aria-labelledby="selected-count">
    <span id="selected-count" class="selected-count">${messages.selected(view.selected)}</span>
    ${
      view.selectedInView < view.matching
        ? html`<button class="link" @click=${view.onSelectAllMatching}>
            ${messages.selectAllMatching(view.matching)}
          </button>`
        : nothing
    }
    <button class="danger" data-activate="false" @click=${view.onBulk}>${messages.deactivate}</button>
    <button data-activate="true" @click=${view.onBulk}>${messages.reactivate}</button>
    ${exportButtons}
    <button @click=${view.onClear}>${messages.clearSelection}</button>
  </div>`;
}

/** No connections at all: the `empty` slot, Add and Refresh. */
export function renderEmpty(onAdd: Handler, onRefresh: Handler) {
  return html`<div part="empty" class="empty">
    <slot name="empty"><p>${messages.empty}</p></slot>
    <div class="buttons">
      ${renderCreateButtons(onAdd)}
      <button @click=${onRefresh}>${messages.refresh}</button>
    </div>
  </div>`;
}

/** Connections, but none the search and filters match. */
export function renderNoMatch(search: string, onClear: Handler) {
  return html`<div class="no-match">
    <p>${messages.noMatch(search.trim())}</p>
    <button @click=${onClear}>${messages.clearFilters}</button>
  </div>`;
}

/** A refresh failed: its error (with Retry) above the last good list, which says when it was loaded (C2-07). */
export function renderStale(errorState: unknown, loadedAt: Date) {
  const time = loadedAt.toLocaleTimeString(currentLocale(), {hour: 'numeric', minute: '2-digit'});
  return html`<div class="stale-banner">
    ${errorState}
    <p class="stale-text">${messages.stale(time)}</p>
  </div>`;
}

/** A failure (or other notice) that stays visible until the next action; never dismissed on a timer (C6-06). */
export interface Notice {
  readonly text: string;
  readonly detail?: string;
}

export function renderNotice(notice: Notice | undefined) {
  if (!notice) return nothing;
  // Not a live region: the root's live region already announced it. tabindex lets focus land here when the row
  // it was about is gone.
  return html`<div class="notice" tabindex="-1">
    <p>${notice.text}</p>
    ${notice.detail ? html`<p class="muted">${notice.detail}</p>` : nothing}
  </div>`;
}
