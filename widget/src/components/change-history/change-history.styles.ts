import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  section {
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
    padding: 0.75rem 1rem;
    background: var(--conga-color-surface-raised, #f6f8fa);
    display: grid;
    gap: var(--conga-space, 0.5rem);
  }
  h3,
  p {
    margin: 0;
  }
  h3 {
    font-size: 1rem;
  }
  .table-scroll {
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
  }
  td.when {
    white-space: nowrap;
  }
  td.connection {
    overflow-wrap: anywhere;
  }
  .footer {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--conga-space, 0.5rem);
    flex-wrap: wrap;
  }
`;
