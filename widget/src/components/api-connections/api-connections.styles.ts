import {css} from 'lit';

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
  /* Stays in view while the admin scrolls a long list: the row they acted on may be far below the header. */
  conga-status-banner {
    position: sticky;
    top: 0;
    z-index: 1;
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
