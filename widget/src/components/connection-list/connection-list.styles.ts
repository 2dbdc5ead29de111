import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  /* The list lays itself out by its own width, not the viewport's: it sits in other people's layouts (a side panel
     or popup of about 360-400px, a phone, a wide admin console). See the @container rules at the end. */
  [part='base'] {
    display: grid;
    gap: var(--conga-space, 0.5rem);
    min-width: 0;
    container: conga-list / inline-size;
  }
  :host(:state(loading)) .table-scroll {
    opacity: 0.7;
  }
  .toolbar {
    display: grid;
    gap: var(--conga-space, 0.5rem);
  }
  .buttons,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--conga-space, 0.5rem);
  }
  .field {
    display: grid;
    gap: 0.125rem;
    min-width: 0;
  }
  .field.search {
    flex: 1 1 16rem;
  }
  .field.search input {
    width: 100%;
  }
  label {
    font-weight: 600;
  }
  .hint {
    font-size: 0.8125rem;
  }
  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    align-items: baseline;
  }
  .summary p {
    margin: 0;
  }
  .total {
    font-weight: 600;
  }
  .notice,
  .stale-banner {
    display: grid;
    gap: 0.25rem;
  }
  .notice {
    border: 1px solid var(--conga-color-danger, #b3261e);
    border-left-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.5rem 0.75rem;
  }
  .notice p,
  .stale-text {
    margin: 0;
  }
  .stale-text {
    font-style: italic;
  }
  /* The table scrolls sideways inside its own box on narrow hosts (the extension popup is about 400px wide). */
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
  }
  .table-scroll.stale {
    border-style: dashed;
  }
  table {
    width: 100%;
    min-width: var(--conga-connection-list-min-table-width, 48rem);
    border-collapse: collapse;
  }
  th,
  td {
    padding: var(--conga-connection-list-cell-padding, 0.375rem 0.5rem);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
  }
  thead th {
    background: var(--conga-color-surface-raised, #f6f8fa);
    white-space: nowrap;
  }
  tbody tr:nth-child(even) {
    background: var(--conga-connection-list-stripe, transparent);
  }
  tbody tr:last-child td {
    border-bottom: none;
  }
  button.sort {
    border: none;
    background: none;
    padding: 0;
    min-height: auto;
    font-weight: 600;
    display: inline-flex;
    gap: 0.25rem;
    align-items: center;
  }
  .arrow {
    color: var(--conga-color-text-muted, #59636e);
    font-size: 0.75rem;
  }
  .type,
  .status,
  .actions {
    white-space: nowrap;
  }
  /* Identifiers and Client IDs are long unbroken strings (GUIDs, 18-character org IDs): they wrap anywhere, so the
     table fits a desktop width with its Actions column in view instead of scrolling sideways. */
  .identifier {
    overflow-wrap: anywhere;
    min-width: 10rem;
    max-width: 14rem;
  }
  .identifier button {
    text-align: start;
  }
  .name,
  .description {
    overflow-wrap: anywhere;
  }
  /* Names come from other systems: unbroken strings wrap anywhere, and stacked combining marks (which draw above
     and below the line) are clipped at the cell's padding edge instead of covering the rows around them. The
     padding leaves room for the focus ring of the identifier's link. */
  td.identifier,
  td.name,
  td.description {
    overflow: hidden;
  }
  .description {
    min-width: 8.5rem;
    max-width: 24rem;
  }
  .client-id-cell {
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .client-id-cell code {
    overflow-wrap: anywhere;
    min-width: 9rem;
    max-width: 12rem;
  }
  code {
    font-family: var(--conga-font-family-monospace, ui-monospace, monospace);
    font-size: 0.8125rem;
    user-select: all;
  }
  button.copy {
    min-height: 1.75rem;
    padding: 0.125rem 0.5rem;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
  }
  /* The word says the status; the dot (filled or hollow) only repeats it, so colour is never the only signal. */
  .dot {
    width: 0.625rem;
    height: 0.625rem;
    border-radius: 50%;
    border: 2px solid currentColor;
  }
  .badge.active .dot {
    background: currentColor;
    color: var(--conga-color-success, #1a7f37);
  }
  .badge.inactive {
    color: var(--conga-color-text-muted, #59636e);
  }
  .empty,
  .no-match {
    display: grid;
    justify-items: start;
    gap: var(--conga-space, 0.5rem);
    padding: 1rem 0;
  }
  .empty p,
  .no-match p {
    margin: 0;
  }
  .select {
    width: 1.5rem;
  }
  .selection-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--conga-space, 0.5rem);
  }
  /* Until its chunk is loaded it has nothing to show, and takes no place in the grid. */
  conga-bulk-actions:not(:defined) {
    display: none;
  }
  .selected-count {
    font-weight: 600;
  }
  .pagination {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--conga-space, 0.5rem);
  }

  /* Narrow containers (the side panel, the toolbar popup, a phone): below the table's own minimum width each row
     becomes a card with everything in view, so nothing scrolls sideways. The header row stays as a bar of sort
     buttons; the table keeps its semantics (rows, cells, column headers). */
  @container conga-list (width < 48rem) {
    .table-scroll {
      overflow-x: visible;
    }
    table {
      display: block;
      min-width: 0;
    }
    thead,
    tbody {
      display: block;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      padding: var(--conga-connection-list-cell-padding, 0.375rem 0.5rem);
      background: var(--conga-color-surface-raised, #f6f8fa);
      border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
    }
    thead th {
      display: block;
      padding: 0;
      border: none;
    }
    /* Its cells are buttons that name themselves; the header stays for assistive technology only. */
    thead th.actions-header {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    tbody tr {
      display: grid;
      grid-template-columns: 1.75rem minmax(0, 1fr) auto;
      grid-template-areas:
        'select identifier status'
        '. name type'
        '. client-id client-id'
        '. description description'
        '. actions actions';
      column-gap: 0.5rem;
      padding: 0.5rem;
      border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
    }
    tbody tr:last-child {
      border-bottom: none;
    }
    tbody td {
      display: block;
      padding: 0.125rem 0.25rem;
      border: none;
      min-width: 0;
      max-width: none;
    }
    td.select {
      grid-area: select;
      width: auto;
    }
    td.identifier {
      grid-area: identifier;
      font-weight: 600;
    }
    td.name {
      grid-area: name;
    }
    td.type {
      grid-area: type;
      justify-self: end;
      color: var(--conga-color-text-muted, #59636e);
    }
    td.status {
      grid-area: status;
      justify-self: end;
    }
    td.client-id {
      grid-area: client-id;
    }
    .client-id-cell {
      display: flex;
      max-width: 100%;
    }
    .client-id-cell code {
      min-width: 0;
      max-width: none;
    }
    td.description {
      grid-area: description;
    }
    td.actions {
      grid-area: actions;
    }
  }
`;
