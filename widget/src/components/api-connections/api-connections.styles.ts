import {css} from 'lit';

// `.notice` is the last confirmation (issue 12). Sticky: the row the admin acted on may be far below the header.

export default css`
  :host {
    display: block;
    background: var(--conga-color-surface, #ffffff);
    color: var(--conga-color-text, #1f2328);
  }
  section {
    display: grid;
    gap: var(--conga-space, 0.5rem);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--conga-space, 0.5rem);
    padding-block-end: var(--conga-space, 0.5rem);
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
  }
  h2 {
    margin: 0;
    font-size: 1.125rem;
  }
  .notice {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--conga-space, 0.5rem);
    border: 1px solid var(--conga-color-success, #1a7f37);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding-block: 0.375rem;
    padding-inline: 0.75rem 0.5rem;
    background: var(--conga-color-surface, #ffffff);
  }
  .notice p {
    margin: 0;
    flex: 1 1 12rem;
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    min-width: 0;
    overflow-wrap: anywhere;
    align-items: center;
    gap: var(--conga-space, 0.5rem);
  }
`;
