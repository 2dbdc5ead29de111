import {css} from 'lit';

/** Controls every component shares: buttons, fields, dialogs, focus ring, visually hidden text. */
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
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  button {
    font: inherit;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border-radius: var(--conga-radius, 6px);
    border: 1px solid var(--conga-color-border, #d1d9e0);
    background: var(--conga-color-surface-raised, #f6f8fa);
    color: var(--conga-color-text, #1f2328);
    cursor: pointer;
  }
  button.primary {
    background: var(--conga-color-accent, #0a58ca);
    border-color: var(--conga-color-accent, #0a58ca);
    color: var(--conga-color-accent-text, #ffffff);
    font-weight: 600;
  }
  button.danger {
    color: var(--conga-color-danger, #b3261e);
  }
  button.link {
    border: none;
    background: none;
    padding: 0;
    min-height: auto;
    color: var(--conga-color-accent, #0a58ca);
    text-decoration: underline;
  }
  button[aria-disabled='true'],
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  :focus-visible {
    outline: 2px solid var(--conga-color-focus, #0a58ca);
    outline-offset: 2px;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--conga-color-surface, #ffffff);
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
    padding: 0.375rem 0.5rem;
    min-height: 2rem;
  }
  [aria-invalid='true'] {
    border-color: var(--conga-color-danger, #b3261e);
    border-width: 2px;
  }
  dialog {
    color: var(--conga-color-text, #1f2328);
    background: var(--conga-color-surface, #ffffff);
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: calc(var(--conga-radius, 6px) * 2);
    padding: 1.25rem 1.5rem;
    max-width: min(44rem, 94vw);
    width: 100%;
  }
  dialog::backdrop {
    background: var(--conga-color-backdrop, rgb(0 0 0 / 0.45));
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  .muted {
    color: var(--conga-color-text-muted, #59636e);
  }
  .error-text {
    color: var(--conga-color-danger, #b3261e);
  }
`;
