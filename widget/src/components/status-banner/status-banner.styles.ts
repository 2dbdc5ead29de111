import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--conga-space, 0.5rem);
    border: 1px solid var(--conga-color-success, #1a7f37);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.375rem 0.5rem 0.375rem 0.75rem;
    background: var(--conga-color-surface, #ffffff);
  }
  p {
    margin: 0;
    flex: 1 1 12rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
`;
