import {css} from 'lit';

export default css`
  /* Its progress and report are items of the list's grid, like the list's own notices: nothing (no gap) when empty. */
  :host {
    display: contents;
  }
  /* Until its chunk is in (load-confirm-dialog.ts), the confirmation's text must not show. */
  conga-confirm-dialog:not(:defined) {
    display: none;
  }
  :host([hidden]) {
    display: none;
  }
  p,
  ul {
    margin: 0;
  }
  .report {
    display: grid;
    gap: 0.25rem;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.5rem 0.75rem;
  }
  .report.failed {
    border-color: var(--conga-color-danger, #b3261e);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--conga-space, 0.5rem);
  }
`;
