import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  details {
    margin-block: var(--conga-space, 0.5rem);
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--conga-color-border, #d0d7de);
    border-radius: var(--conga-radius, 6px);
  }
  summary {
    cursor: pointer;
    font-weight: 600;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1rem;
  }
  h4 {
    margin: 0.75rem 0 0.25rem;
    font-size: 0.875rem;
  }
  form,
  .value {
    display: flex;
    flex-wrap: wrap;
    gap: var(--conga-space, 0.5rem);
    align-items: center;
  }
  form input {
    flex: 1;
    min-width: 12rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  pre {
    margin: 0 0 0.25rem;
    padding: 0.5rem;
    overflow-x: auto;
    border-radius: var(--conga-radius, 6px);
    background: var(--conga-color-surface-raised, #f6f8fa);
    font-family: var(--conga-font-family-monospace, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.8125rem;
  }
  code {
    font-family: var(--conga-font-family-monospace, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    overflow-wrap: anywhere;
  }
  dl {
    display: grid;
    gap: 0.5rem;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  .result {
    min-height: 1.25em;
    margin-block: 0.5rem 0;
  }
  .result.mismatch {
    color: var(--conga-color-danger, #cf222e);
  }
`;
