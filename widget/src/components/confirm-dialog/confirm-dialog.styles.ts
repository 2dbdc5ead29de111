import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  dialog {
    max-width: var(--conga-confirm-dialog-width, min(32rem, 94vw));
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.0625rem;
    overflow-wrap: anywhere;
  }
  #body {
    overflow-wrap: anywhere;
  }
  #body ::slotted(p) {
    margin: 0 0 0.5rem;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--conga-space, 0.5rem);
    margin-top: 1rem;
  }
  button.primary.danger {
    background: var(--conga-color-danger, #b3261e);
    border-color: var(--conga-color-danger, #b3261e);
    color: var(--conga-color-accent-text, #ffffff);
  }
`;
