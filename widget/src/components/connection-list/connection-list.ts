import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import type {PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import {isAbortError, toConnectionType} from '@conga-connections/api-client';
import type {ApiClient} from '@conga-connections/api-client';
import {apiClientContext} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {AnnounceEvent} from '../../events/announce-event.js';
import type {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import type {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import type {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {RequestFormEvent} from '../../events/request-form-event.js';
import type {BulkFinishedEvent} from '../../events/bulk-finished-event.js';
import {messages} from '../../messages.js';
import shared from '../../styles/shared.js';
import {describeError} from '../error-state/error-state.js';
import type {CongaConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import type {CongaConnectionForm} from '../connection-form/connection-form.js';
import type {CongaBulkActions, ExportFile} from '../bulk-actions/bulk-actions.js';
import styles from './connection-list.styles.js';
import {SORT_COLUMNS} from './url-state.js';
import {UrlStateController} from './url-state-controller.js';
import type {SortColumn} from './url-state.js';
import {isolate} from '../../bidi.js';
import {displayName, ListQuery, rowKey, toBulkItem} from './list-query.js';
import type {LoadedList} from './list-query.js';
import {ListSelection} from './list-selection.js';
import {StatusChangeController} from './list-status.js';
import {LOAD_STATUS, ListLoader} from './list-loader.js';
import {loadBulk, loadStatusDialog, prepareWhenIdle} from './list-chunks.js';
import {renderPager, renderTable} from './list-table-view.js';
import {
  renderEmpty,
  renderNoMatch,
  renderNotice,
  renderSelectionBar,
  renderStale,
  renderSummary,
  renderToolbar,
} from './list-toolbar-view.js';
import type {Notice} from './list-toolbar-view.js';
import {isFormDefined, loadForm, preloadForm, renderForm} from './list-dialog-view.js';
import type {FormRequest} from './list-dialog-view.js';
import type * as StatusDialogModule from './status-dialog.js';
import '../error-state/error-state.js';

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

  @state() private formRequest: FormRequest | undefined;
  /** The form gets the connections only while open: it checks all of them (100,000?) on every render. */
  @state() private formOpen = false;
  @state() private notice: Notice | undefined;

  /** Search, filters, sort and page, and the rows they leave. */
  readonly #query = new ListQuery();
  readonly #selection = new ListSelection();
  readonly #loader = new ListLoader(
    this,
    () => this.api,
    (list) => {
      preloadForm();
      prepareWhenIdle(list, () => this.#loader.list === list && this.isConnected);
    },
  );
  /** The Deactivate / Reactivate confirmation's template, once its chunk is in (the first status change). */
  #statusDialog: typeof StatusDialogModule | undefined;
  readonly #status = new StatusChangeController(this, {
    applyStatus: (key, isActive) => {
      this.#applyStatus(key, isActive);
    },
    showNotice: (notice) => {
      this.notice = notice;
    },
    fail: (error) => {
      this.#fail(error);
    },
  });
  #internals: ElementInternals | undefined;
  /** The row to reveal and focus once the form has closed after a create or an edit. */
  #savedKey: string | undefined;
  #savedMessage = '';
  /** The refresh started by the last save, awaited before focusing the saved row. */
  #savedRefresh: Promise<unknown> | undefined;
  readonly #url = new UrlStateController(this, this.#query, () => this.urlState);

  constructor() {
    super();
    try {
      this.#internals = this.attachInternals();
    } catch {
      // Custom states are a progressive enhancement; nothing else depends on them.
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('urlState') && this.urlState) this.#url.read();
    this.#query.pageSize = this.pageSize;
    this.#query.list = this.#loader.list;
  }

  protected override updated(): void {
    const states = this.#internals?.states;
    if (!states) return;
    if (this.#loader.status === LOAD_STATUS.pending) states.add('loading');
    else states.delete('loading');
  }

  /** The row index of a key from the DOM, if its connection is still loaded. */
  #index(key: string | undefined): number | undefined {
    return key === undefined ? undefined : this.#query.list?.indexOf(key);
  }

  /** `visible`: a confirmation the root also shows on screen until dismissed (issue 12). */
  #announce(message: string, politeness: 'status' | 'alert' = 'status', visible = false): void {
    this.dispatchEvent(new AnnounceEvent(message, politeness, {visible}));
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
    const index = this.#index(key);
    if (index === undefined || !this.#query.reveal(index)) return false;
    this.requestUpdate();
    await this.updateComplete;
    return this.#focusRowControl(key, control);
  }

  // Toolbar

  readonly #handleSearchInput = (event: Event): void => {
    this.#query.set({search: (event.target as HTMLInputElement).value});
    this.requestUpdate();
  };

  readonly #handleTypeChange = (event: Event): void => {
    this.#query.setType((event.target as HTMLSelectElement).value);
    this.requestUpdate();
  };

  readonly #handleStatusFilterChange = (event: Event): void => {
    this.#query.setStatus((event.target as HTMLSelectElement).value);
    this.requestUpdate();
  };

  readonly #handleClearFilters = async (): Promise<void> => {
    this.#query.clearFilters();
    this.requestUpdate();
    await this.updateComplete;
    // The button that had focus is gone with the no-match message: continue where the admin would type again.
    this.#focus('#search');
  };

  readonly #handleSortClick = (event: Event): void => {
    const column = (event.currentTarget as HTMLElement).dataset.column as SortColumn | undefined;
    if (!column || !SORT_COLUMNS.includes(column)) return;
    this.#query.sortBy(column);
    this.requestUpdate();
  };

  readonly #handlePreviousPage = (): void => {
    this.#query.page = Math.max(1, this.#query.page - 1);
    this.requestUpdate();
  };

  readonly #handleNextPage = (): void => {
    this.#query.page = Math.min(this.#query.pageCount, this.#query.page + 1);
    this.requestUpdate();
  };

  readonly #handleRefresh = (): void => {
    // A second click while loading would only restart the same load.
    if (this.#loader.status === LOAD_STATUS.pending) return;
    this.notice = undefined;
    void this.#loader.reload();
  };

  readonly #handleRetry = (event: Event): void => {
    event.stopPropagation();
    this.notice = undefined;
    void this.#loader.reload();
  };

  // Copy

  readonly #handleCopyClick = async (event: Event): Promise<void> => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const index = this.#index(key);
    const clientId = (index === undefined ? undefined : this.#query.list?.connections[index]?.ClientId) ?? '';
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

  readonly #handleAddClick = (event: Event): void => {
    const type = (event.currentTarget as HTMLElement).dataset.type;
    if (type !== 'APItoAPI' && type !== 'UItoAPI') return;
    void this.#openForm({mode: 'create', connectionType: type});
  };

  readonly #handleEditClick = (event: Event): void => {
    const list = this.#query.list;
    const index = this.#index((event.currentTarget as HTMLElement).dataset.key);
    if (!list || index === undefined) return;
    const type = list.typeOf(index);
    const externalIdentifier = list.connections[index]?.ExternalIdentifier;
    if (!type || !externalIdentifier) return;
    void this.#openForm({mode: 'edit', connectionType: type, externalIdentifier});
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
        this.#fail(error);
        return;
      }
    }
    this.formRequest = request;
    this.formOpen = true;
    await this.updateComplete;
    const form: CongaConnectionForm | null = this.renderRoot.querySelector('conga-connection-form');
    // The form opens its own modal and closes itself; the list hears about it through its events.
    await form?.updateComplete;
    form?.show();
  }

  /** A chunk that didn't load (offline, a redeploy): said, and tried again next time. */
  #fail(error: unknown): void {
    const {title} = describeError(error);
    this.notice = {text: title};
    this.#announce(title, 'alert');
  }

  readonly #handleConnectionSaved = (event: ConnectionCreatedEvent | ConnectionUpdatedEvent): void => {
    // The event goes on to the host page as it is (it is public and composed); the list only reacts to it.
    const {connection} = event;
    const type = toConnectionType(connection.APIType) ?? this.formRequest?.connectionType ?? null;
    this.#savedKey = rowKey(type, connection.ExternalIdentifier);
    const name = isolate(displayName(connection));
    this.#savedMessage =
      event.type === 'conga-connection-created' ? messages.connectionCreated(name) : messages.connectionUpdated(name);
    this.#savedRefresh = this.#loader.reload();
  };

  readonly #handleFormClosed = async (): Promise<void> => {
    this.formOpen = false;
    const key = this.#savedKey;
    const message = this.#savedMessage;
    const refresh = this.#savedRefresh;
    this.#savedKey = undefined;
    this.#savedRefresh = undefined;
    // Focus waits for the form (and its one-time secret hand-off) to close: nothing behind a modal can take it.
    if (!key) return;
    await refresh;
    // The reloaded list reaches the view on the next update.
    await this.updateComplete;
    this.#announce(message, 'status', true);
    await this.#revealRow(key, 'edit');
  };

  // Deactivate and reactivate

  readonly #handleStatusClick = async (event: Event): Promise<void> => {
    const key = (event.currentTarget as HTMLElement).dataset.key;
    const list = this.#query.list;
    const index = this.#index(key);
    const connection = index === undefined ? undefined : list?.connections[index];
    const type = index === undefined ? null : (list?.typeOf(index) ?? null);
    if (!key || !connection || !type || !connection.ExternalIdentifier) return;
    const target = {key, name: displayName(connection), externalIdentifier: connection.ExternalIdentifier, type};
    // aria-disabled keeps the button focusable while its request runs, so the click itself must do nothing (C4-01).
    if (!this.#status.ask({...target, activate: !connection.IsActive})) return;
    try {
      this.#statusDialog = await loadStatusDialog();
      this.requestUpdate();
    } catch (error) {
      this.#status.cancel();
      this.#fail(error);
      return;
    }
    await this.updateComplete;
    await this.renderRoot.querySelector<CongaConfirmDialog>('conga-confirm-dialog')?.show();
  };

  readonly #handleStatusConfirmed = async (): Promise<void> => {
    const done = await this.#status.confirm(this.api);
    if (!done) return;
    if (done.notFound) await this.#loader.reload();
    await this.updateComplete;
    if (!this.#focusRowControl(done.key, 'status')) this.#focus('.notice');
  };

  readonly #handleStatusCancelled = (): void => {
    // The dialog has already given focus back to the row's button.
    this.#status.cancel();
  };

  /**
   * Writes the server-confirmed status into the row. The row keeps its place (no re-sort or re-filter under the
   * admin's pointer) until the next search, filter, sort or load.
   */
  #applyStatus(key: string, isActive: boolean): void {
    const index = this.#index(key);
    if (index === undefined) return;
    this.#query.list?.setActive(index, isActive);
    this.#query.invalidate();
    this.requestUpdate();
  }

  // Selection

  /** The view's rows and their keys, as the selection reads them. */
  #rows() {
    const list = this.#query.list;
    return {view: this.#query.view, keyOf: (index: number) => list?.keyOf(index) ?? ''};
  }

  #select(change: (selection: ListSelection) => void): void {
    change(this.#selection);
    this.requestUpdate();
  }

  readonly #handleRowSelect = (event: MouseEvent): void => {
    const input = event.currentTarget as HTMLInputElement;
    this.#select((selection) => {
      selection.click(input.dataset.key ?? '', input.checked, event.shiftKey, this.#rows());
    });
  };

  readonly #handlePageSelect = (event: Event): void => {
    const list = this.#query.list;
    const keys = Array.from(this.#query.pageRows(), (index) => list?.keyOf(index) ?? '');
    this.#select((selection) => {
      selection.select(keys, (event.currentTarget as HTMLInputElement).checked);
    });
  };

  readonly #handleSelectAllMatching = async (): Promise<void> => {
    const {view, keyOf} = this.#rows();
    this.#select((selection) => {
      selection.select(
        Array.from(view, (index) => keyOf(index)),
        true,
      );
    });
    this.#announce(messages.selected(this.#selection.size));
    await this.updateComplete;
    // The link is gone now that everything matching is selected: keep focus in the bar.
    this.#focus('.selection-bar button');
  };

  readonly #handleClearSelection = async (): Promise<void> => {
    this.#select((selection) => {
      selection.clear();
    });
    await this.updateComplete;
    // The bar's buttons are gone with the selection: continue where selecting starts.
    this.#focus('#select-page');
  };

  /** The selected rows in the list's (server) order; keys of rows no longer loaded are left out. */
  #selectedRows(): number[] {
    const indices = [...this.#selection.keys].map((key) => this.#index(key));
    return indices.filter((index) => index !== undefined).sort((a, b) => a - b);
  }

  /** The bulk actions element, once its chunk is in; a failed load (offline, a redeploy) is said, and tried again next time. */
  async #bulkActions(): Promise<CongaBulkActions | undefined> {
    this.notice = undefined;
    try {
      await loadBulk();
    } catch (error) {
      this.#fail(error);
      return undefined;
    }
    const element = this.renderRoot.querySelector('conga-bulk-actions');
    await element?.updateComplete;
    return element ?? undefined;
  }

  // Bulk deactivate, reactivate and export

  readonly #handleBulkClick = async (event: Event): Promise<void> => {
    const activate = (event.currentTarget as HTMLElement).dataset.activate === 'true';
    const list = this.#query.list;
    const items = list ? this.#selectedRows().map((index) => toBulkItem(list, index)) : [];
    try {
      await (await this.#bulkActions())?.changeStatus(items, activate);
    } catch (error) {
      // The confirmation's chunk didn't load: nothing was asked or sent.
      this.#fail(error);
    }
  };

  readonly #handleExportClick = async (event: Event): Promise<void> => {
    const format = (event.currentTarget as HTMLElement).dataset.format === 'json' ? 'json' : 'csv';
    const list = this.#query.list;
    const element = await this.#bulkActions();
    if (!list || !element) return;
    // The selection, or (nothing selected) every connection the search and filters match, in the view's order.
    const indices = this.#selection.size ? this.#selectedRows() : Array.from(this.#query.view);
    element.exportConnections(
      indices.map((index) => list.connections[index]).filter((connection) => connection !== undefined),
      format,
    );
  };

  /** The bulk actions announce through this element, whose event reaches the root's live region. */
  readonly #handleBulkAnnounce = (event: AnnounceEvent): void => {
    event.stopPropagation();
    this.#announce(event.message, event.politeness, event.visible);
  };

  /** One connection of a bulk run changed: its row shows it at once (the event goes on to the host as it is). */
  readonly #handleBulkStatusChanged = (event: ConnectionStatusChangedEvent): void => {
    this.#applyStatus(rowKey(event.connectionType, event.externalIdentifier), event.isActive);
  };

  /** The failures of a run stay selected (and only they), so "Retry failed" and a new try are one click away. */
  readonly #handleBulkFinished = (event: BulkFinishedEvent): void => {
    this.#select((selection) => {
      selection.replace(event.failed);
    });
  };

  // Rendering

  override render() {
    const loader = this.#loader;
    const list = this.#query.list;
    let content: unknown = nothing;
    // Waits for the API client from <conga-api-connections> while the status is initial.
    if (loader.status === LOAD_STATUS.pending)
      content = list ? this.renderLoaded(list) : html`<p role="status">${messages.loading}</p>`;
    else if (loader.status === LOAD_STATUS.complete && list) content = this.renderLoaded(list);
    else if (loader.status === LOAD_STATUS.error) content = this.renderFailed(loader.error);
    return html`<div part="base" aria-busy=${loader.status === LOAD_STATUS.pending ? 'true' : 'false'}>
      ${content}
      ${this.#statusDialog?.renderStatusDialog(this.#status.target, this.#handleStatusConfirmed, this.#handleStatusCancelled)}
      ${renderForm({
        request: this.formRequest,
        integrations: this.#loader.integrations,
        existing: this.formOpen ? this.#query.list?.connections : undefined,
        onSaved: this.#handleConnectionSaved,
        onClosed: this.#handleFormClosed,
      })}
    </div>`;
  }

  private renderFailed(error: unknown) {
    const list = this.#query.list;
    // An abort is not a failure: show what there is.
    if (isAbortError(error)) {
      return list ? this.renderLoaded(list) : html`<button @click=${this.#handleRefresh}>${messages.refresh}</button>`;
    }
    const errorState = html`<conga-error-state
      .error=${error}
      @conga-request-retry=${this.#handleRetry}
    ></conga-error-state>`;
    if (!list) return errorState;
    // C2-07: the last good list stays, marked stale, under the error and its Retry.
    return html`${renderStale(errorState, list.loadedAt)} ${this.renderLoaded(list, true)}`;
  }

  private renderLoaded(list: LoadedList, stale = false) {
    if (!list.size) return html`${renderNotice(this.notice)}${renderEmpty(this.#handleAddClick, this.#handleRefresh)}`;
    const query = this.#query;
    const refreshing = this.#loader.status === LOAD_STATUS.pending;
    const matching = query.view.length;
    const rows = query.pageRows();
    const from = (query.page - 1) * query.pageSize;
    const selection = this.#selection;
    return html`${renderToolbar({
        search: query.search,
        type: query.type,
        status: query.status,
        refreshing,
        onAdd: this.#handleAddClick,
        onSearchInput: this.#handleSearchInput,
        onTypeChange: this.#handleTypeChange,
        onStatusChange: this.#handleStatusFilterChange,
        onRefresh: this.#handleRefresh,
      })}
      ${renderSummary({total: list.size, expected: list.expected, matching, from: from + 1, to: from + rows.length, refreshing})}
      ${renderSelectionBar({
        selected: selection.size,
        selectedInView: selection.size ? selection.countIn(this.#rows()) : 0,
        matching,
        onExport: this.#handleExportClick,
        onSelectAllMatching: this.#handleSelectAllMatching,
        onBulk: this.#handleBulkClick,
        onClear: this.#handleClearSelection,
      })}
      <conga-bulk-actions
        .download=${this.download}
        @conga-announce=${this.#handleBulkAnnounce}
        @conga-connection-status-changed=${this.#handleBulkStatusChanged}
        @conga-bulk-finished=${this.#handleBulkFinished}
      ></conga-bulk-actions>
      ${renderNotice(this.notice)}
      ${
        matching
          ? html`${renderTable({
              list,
              rows,
              stale,
              sortColumn: query.sort,
              descending: query.descending,
              isSelected: (key) => selection.has(key),
              pending: this.#status.pending,
              onPageSelect: this.#handlePageSelect,
              onSortClick: this.#handleSortClick,
              onRowSelect: this.#handleRowSelect,
              onEditClick: this.#handleEditClick,
              onCopyClick: this.#handleCopyClick,
              onStatusClick: this.#handleStatusClick,
            })}
            ${renderPager({
              page: query.page,
              pages: query.pageCount,
              onPrevious: this.#handlePreviousPage,
              onNext: this.#handleNextPage,
            })}`
          : renderNoMatch(query.search, this.#handleClearFilters)
      }`;
  }
}

define('conga-connection-list', CongaConnectionList);

declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-list': CongaConnectionList;
  }
}
