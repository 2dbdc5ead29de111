import {css} from 'lit';

/**
 * The styles of a connection test's section and outcome (the heading, the input row, the result, the claims), shared
 * by Test sign-in and Get a token now (token-test.styles.ts adds its command block).
 */
export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  h3 {
    margin: 1rem 0 0.5rem;
    font-size: 1rem;
  }
  h4 {
    margin: 0.75rem 0 0.25rem;
    font-size: 0.875rem;
  }
  label {
    display: block;
    font-weight: 600;
    margin-block-end: 0.25rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--conga-space, 0.5rem);
    align-items: center;
  }
  .row input {
    flex: 1;
    min-width: 12rem;
  }
  dl {
    display: grid;
    gap: 0.25rem;
    margin: 0;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  code {
    font-family: var(--conga-font-family-monospace, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    overflow-wrap: anywhere;
  }
  .outcome {
    margin-block-start: 0.5rem;
  }
  .success {
    color: var(--conga-color-success, #1a7f37);
    font-weight: 600;
  }
  .problem {
    color: var(--conga-color-danger, #cf222e);
  }
`;
