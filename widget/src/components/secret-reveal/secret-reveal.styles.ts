import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  dialog {
    max-width: var(--conga-secret-reveal-width, min(40rem, 94vw));
  }
  .header {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--conga-space, 0.5rem);
  }
  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.125rem;
  }
  button.close {
    min-width: 2rem;
    font-size: 1.25rem;
    line-height: 1;
  }
  .warning {
    margin: 0 0 1rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--conga-color-warning, #9a6700);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    background: var(--conga-color-surface-raised, #f6f8fa);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-block-end: 0.75rem;
  }
  label {
    font-weight: 600;
  }
  .value {
    display: flex;
    gap: var(--conga-space, 0.5rem);
  }
  .value input {
    flex: 1;
    min-width: 0;
    font-family: var(--conga-font-family-monospace, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    user-select: all;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--conga-space, 0.5rem);
  }
  .status {
    min-height: 1.25em;
    margin: 0.5rem 0;
  }
  .question {
    margin: 0 0 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--conga-color-danger, #b3261e);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
  }
  .question p {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: var(--conga-space, 0.5rem);
    margin-block-start: 0.5rem;
  }
  .footer .stored {
    margin-inline-end: auto;
    font-weight: normal;
    display: inline-flex;
    gap: 0.375rem;
    align-items: center;
  }
  .footer p {
    flex-basis: 100%;
    margin: 0;
    text-align: end;
  }
`;
