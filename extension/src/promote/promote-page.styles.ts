import {css} from 'lit';

/** The Promote page: a single column of sections, a table of connections, and the plan as a list of cards. */
export default css`
  :host {
    display: block;
    font-family: var(--conga-font-family, system-ui, sans-serif);
    font-size: var(--conga-font-size, 0.875rem);
    color: var(--conga-color-text, #1f2328);
  }
  :host([hidden]) {
    display: none;
  }
  main {
    max-inline-size: 960px;
    margin: 0 auto;
    padding: 1rem;
  }
  h1 {
    font-size: 1.25rem;
  }
  h2 {
    font-size: 1rem;
    margin-block: 1.25rem 0.5rem;
  }
  button,
  select,
  input {
    font: inherit;
    color: inherit;
  }
  button,
  select,
  input[type='search'] {
    min-block-size: 2rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
    background: var(--conga-color-surface-raised, #f6f8fa);
  }
  input[type='search'] {
    background: var(--conga-color-surface, #ffffff);
    min-inline-size: 18rem;
  }
  button {
    cursor: pointer;
  }
  button.primary {
    background: var(--conga-color-accent, #0a58ca);
    border-color: var(--conga-color-accent, #0a58ca);
    color: var(--conga-color-accent-text, #ffffff);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--conga-color-focus, #0a58ca);
    outline-offset: 2px;
  }
  .muted {
    color: var(--conga-color-text-muted, #59636e);
  }
  .error {
    color: var(--conga-color-danger, #b3261e);
  }
  .warning {
    border-inline-start: 4px solid var(--conga-color-warning, #9a6700);
    padding-inline-start: 0.5rem;
  }
  .mono {
    font-family: var(--conga-font-family-mono, ui-monospace, monospace);
    overflow-wrap: anywhere;
  }
  .tenants {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
    gap: 1rem;
  }
  .tenant {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    padding: 0.75rem;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
  }
  .tenant p {
    margin: 0;
  }
  .tenant label {
    font-weight: 600;
  }
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    margin-block: 0.5rem;
  }
  .toolbar p {
    margin: 0;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 0.375rem 0.5rem;
    border-block-end: 1px solid var(--conga-color-border, #d1d9e0);
    vertical-align: top;
  }
  .plan {
    list-style: none;
    padding: 0;
    display: grid;
    gap: 0.5rem;
  }
  .item {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
  }
  .item p {
    margin: 0.25rem 0;
  }
  .item.create,
  .item.created {
    border-inline-start-color: var(--conga-color-success, #1a7f37);
  }
  .item.update,
  .item.updated {
    border-inline-start-color: var(--conga-color-accent, #0a58ca);
  }
  .item.invalid,
  .item.failed {
    border-inline-start-color: var(--conga-color-danger, #b3261e);
  }
  .badge {
    margin-inline-end: 0.5rem;
  }
  .changes {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0;
  }
  .changes dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  del {
    color: var(--conga-color-text-muted, #59636e);
  }
  ins {
    text-decoration: none;
    font-weight: 600;
  }
  .problems {
    margin: 0.25rem 0;
    padding-inline-start: 1.25rem;
  }
  progress {
    inline-size: 100%;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
