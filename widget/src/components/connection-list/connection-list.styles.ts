import {css} from 'lit';

// Comments about this sheet live here, outside the template: the shipped module keeps the template's text as it is.
//
// Right to left (issue 17): names and descriptions take their direction from their own first strong letter
// (unicode-bidi: plaintext), so an English description in the Arabic table keeps its parentheses and full stop.
//
// Narrow containers (issue 12): the list lays itself out by its own width, never the viewport's, because it sits in
// other people's layouts (a side panel or popup of about 360-400px, a phone, a wide admin console). `[part='base']`
// is the container; below the table's own minimum width (48rem) each row becomes a card (the @container rules at the
// end) with everything in view and nothing scrolling sideways. The header row stays as a bar of sort buttons, the
// Actions header stays for assistive technology only, and the table keeps its semantics (rows, cells, headers).
//
// Names come from other systems: unbroken strings wrap anywhere, and stacked combining marks (drawn above and below
// the line) are clipped at the identifier, name and description cells' padding edge instead of covering the rows
// around them; the padding leaves room for the focus ring of the identifier's link.
//
// - `.table-scroll`: were the table wider than its box after all (a host's large font), it scrolls inside that box.
// - `.identifier`, `.client-id-cell code`: Identifiers and Client IDs are long unbroken strings (GUIDs, 18-character
//   org IDs): they wrap anywhere, so the table fits a desktop width with its Actions column in view.
// - A portal's content column of about 930px (beside its navigation) holds the table without a sideways scroll in
//   every locale (issue 17): headers wrap between words where German or the pseudo-locale needs it, the Copy button
//   goes under its Client ID, and the minimum widths and the cells' padding leave room for the Actions column. With
//   room to spare (a wide console) the table lays out as before: headers on one line, the Copy button beside.
// - `.dot`: the word says the status; the dot (filled or hollow) only repeats it, so colour is never the only signal.
// - `conga-bulk-actions:not(:defined)`: until its chunk is loaded it has nothing to show, and takes no place.
export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
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
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.5rem 0.75rem;
  }
  .notice p,
  .stale-text {
    margin: 0;
    font-style: italic;
  }
  /* Until its chunk is in (load-confirm-dialog.ts), the confirmation's text must not show in the list. */
  conga-confirm-dialog:not(:defined) {
    display: none;
  }
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
    padding: var(--conga-connection-list-cell-padding, 0.375rem);
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
  }
  thead th {
    background: var(--conga-color-surface-raised, #f6f8fa);
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
  .identifier {
    overflow-wrap: anywhere;
    min-width: 7rem;
    max-width: 14rem;
  }
  .identifier button {
    text-align: start;
  }
  .name,
  .description {
    overflow-wrap: anywhere;
    unicode-bidi: plaintext;
  }
  td.identifier,
  td.name,
  td.description {
    overflow: hidden;
  }
  .description {
    min-width: 6rem;
    max-width: 24rem;
  }
  .client-id-cell {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
  }
  .client-id-cell code {
    overflow-wrap: anywhere;
    min-width: 6rem;
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

  @container conga-list (width < 48rem) {
    .table-scroll {
      overflow-x: visible;
    }
    table,
    thead,
    tbody,
    tbody td {
      display: block;
    }
    table {
      min-width: 0;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.75rem;
      padding: 0.375rem 0.5rem;
    }
    thead th {
      display: block;
      padding: 0;
      border: none;
    }
    .actions-header {
      position: absolute;
      clip: rect(0 0 0 0);
    }
    tbody tr {
      display: grid;
      grid:
        'select identifier status'
        '. name type'
        '. client-id client-id'
        '. description description'
        '. actions actions' / 1.75rem minmax(0, 1fr) auto;
      column-gap: 0.5rem;
      padding: 0.5rem;
      border-top: 1px solid var(--conga-color-border, #d1d9e0);
    }
    tbody td {
      padding: 0.125rem 0.25rem;
      border: none;
      min-width: 0;
      max-width: none;
    }
    .select {
      grid-area: select;
    }
    .identifier {
      grid-area: identifier;
      font-weight: 600;
    }
    .name {
      grid-area: name;
    }
    .type {
      grid-area: type;
      justify-self: end;
    }
    .status {
      grid-area: status;
      justify-self: end;
    }
    .client-id {
      grid-area: client-id;
    }
    .client-id-cell code {
      min-width: 0;
      max-width: none;
    }
    .description {
      grid-area: description;
    }
    .actions {
      grid-area: actions;
    }
  }
`;
