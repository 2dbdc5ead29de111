/** The source tenant's connections on the Promote page: search, the table to select from, and the dry-run button. */
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {describeError} from '@conga-connections/widget';
import {keyOf} from './plan.js';
import {typeLabel, type SourceLoad} from './promote-controller.js';
import {promoteText as text} from './text.js';

/** What the connections section shows. */
export interface ConnectionsView {
  load: SourceLoad;
  sourceName: string;
  /** The connections the search matches. */
  shown: readonly ApiConnectionResponse[];
  search: string;
  selected: ReadonlySet<string>;
  /** An apply is running: the selection can't change. */
  busy: boolean;
  planning: boolean;
  canDryRun: boolean;
  planProblem: string;
  onRetry: () => void;
  onSearch: (event: Event) => void;
  onToggle: (event: Event) => void;
  onToggleShown: (event: Event) => void;
  onDryRun: () => Promise<void>;
}

export function renderConnections(view: ConnectionsView) {
  const {load, shown, selected, busy} = view;
  if (load.status === 'idle') return nothing;
  if (load.status === 'loading') return html`<p role="status">${text.loadingConnections}</p>`;
  if (load.status === 'error') {
    const {title} = describeError(load.error);
    return html`<div role="alert">
      <p class="error">${text.loadFailed(view.sourceName)} ${title}</p>
      <button type="button" @click=${view.onRetry}>${text.retry}</button>
    </div>`;
  }
  const all = load.connections;
  const shownKeys = shown.map((connection) => keyOf(connection)).filter((key) => key !== undefined);
  const allShownSelected = shownKeys.length > 0 && shownKeys.every((key) => selected.has(key));
  const someShownSelected = shownKeys.some((key) => selected.has(key));
  return html`<section aria-labelledby="connections-heading">
    <h2 id="connections-heading">${text.connectionsHeading}</h2>
    ${
      all.length === 0
        ? html`<p>${text.noConnections}</p>`
        : html`<div class="toolbar">
              <label for="search">${text.search}</label>
              <input
                id="search"
                type="search"
                placeholder=${text.searchHint}
                .value=${view.search}
                @input=${view.onSearch}
              />
              <p class="muted" aria-live="polite">${text.selectedCount(selected.size, all.length)}</p>
            </div>
            <table>
              <caption class="visually-hidden">
                ${text.connectionsHeading}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label=${text.selectAllShown}
                      .checked=${allShownSelected}
                      .indeterminate=${someShownSelected && !allShownSelected}
                      ?disabled=${busy || shownKeys.length === 0}
                      @change=${view.onToggleShown}
                    />
                  </th>
                  <th scope="col">${text.columnName}</th>
                  <th scope="col">${text.columnIdentifier}</th>
                  <th scope="col">${text.columnType}</th>
                  <th scope="col">${text.columnStatus}</th>
                </tr>
              </thead>
              <tbody>
                ${repeat(
                  shown,
                  (connection) => keyOf(connection) ?? connection.ClientId,
                  (connection) => renderConnectionRow(connection, view),
                )}
              </tbody>
            </table>
            ${shown.length === 0 ? html`<p>${text.noMatches}</p>` : nothing}`
    }
    <div class="actions">
      <button type="button" class="primary" ?disabled=${!view.canDryRun} @click=${view.onDryRun}>
        ${view.planning ? text.dryRunning : text.dryRun}
      </button>
      <span class="muted">${text.dryRunHint}</span>
    </div>
    ${view.planProblem ? html`<p class="error" role="alert">${view.planProblem}</p>` : nothing}
  </section>`;
}

function renderConnectionRow(connection: ApiConnectionResponse, view: ConnectionsView) {
  const key = keyOf(connection);
  const name = connection.ClientName ?? '';
  const label = `${name} (${typeLabel(connection)}, ${connection.ExternalIdentifier ?? ''})`;
  return html`<tr>
    <td>
      <input
        type="checkbox"
        value=${key ?? ''}
        aria-label=${label}
        .checked=${key !== undefined && view.selected.has(key)}
        ?disabled=${view.busy || key === undefined}
        @change=${view.onToggle}
      />
    </td>
    <td><bdi>${name}</bdi></td>
    <td class="mono">${connection.ExternalIdentifier}</td>
    <td>${typeLabel(connection)}</td>
    <td>${connection.IsActive ? text.active : text.inactive}</td>
  </tr>`;
}
