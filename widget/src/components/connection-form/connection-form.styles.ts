import {css} from 'lit';

export default css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  dialog {
    max-width: var(--conga-connection-form-width, min(44rem, 94vw));
    max-height: 92vh;
    overflow: auto;
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
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  button.close {
    min-width: 2rem;
    font-size: 1.25rem;
    line-height: 1;
  }
  form {
    display: grid;
    gap: 0.875rem;
  }
  form[hidden] {
    display: none;
  }
  .note {
    margin: 0;
  }
  .guidance {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-inline-start: 4px solid var(--conga-color-accent, #0a58ca);
    background: var(--conga-color-surface-raised, #f6f8fa);
  }
  .guidance a {
    color: var(--conga-color-accent, #0a58ca);
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  /* One column that may shrink below its content: a long option in the External Identifier drop-down (or a long
     URI) must wrap or scroll inside the dialog, not widen it past the viewport. */
  form,
  .field,
  fieldset,
  ul.rows {
    grid-template-columns: minmax(0, 1fr);
  }
  select {
    width: 100%;
    text-overflow: ellipsis;
  }
  label,
  legend {
    font-weight: 600;
  }
  .required {
    color: var(--conga-color-danger, #b3261e);
  }
  fieldset {
    margin: 0;
    padding: 0.5rem 0.75rem 0.75rem;
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-radius: var(--conga-radius, 6px);
    display: grid;
    gap: 0.375rem;
  }
  legend {
    padding: 0 0.25rem;
  }
  .help {
    margin: 0;
    font-size: 0.8125rem;
  }
  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375rem;
  }
  .row,
  .value {
    display: flex;
    gap: var(--conga-space, 0.5rem);
  }
  .row input,
  .value input {
    flex: 1;
    min-width: 0;
  }
  .list-actions,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--conga-space, 0.5rem);
  }
  .buttons {
    justify-content: flex-end;
  }
  .messages {
    display: grid;
    gap: 0.125rem;
    justify-items: start;
  }
  .messages p {
    margin: 0;
  }
  .hint {
    color: var(--conga-color-warning, #9a6700);
  }
  .summary,
  .failure,
  .banner,
  .panel {
    border: 1px solid var(--conga-color-border, #d1d9e0);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.75rem 1rem;
    background: var(--conga-color-surface-raised, #f6f8fa);
  }
  .summary,
  .failure {
    border-color: var(--conga-color-danger, #b3261e);
  }
  .banner,
  .panel .warning {
    border-color: var(--conga-color-warning, #9a6700);
  }
  .banner {
    margin: 0 0 0.75rem;
  }
  .summary-title {
    margin: 0 0 0.375rem;
    font-weight: 600;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .summary button.link {
    text-align: start;
    color: var(--conga-color-danger, #b3261e);
  }
  .failure {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--conga-space, 0.5rem);
  }
  .failure p {
    margin: 0;
  }
  .panel {
    margin-block-end: 0.75rem;
  }
  .panel .buttons {
    margin-block-start: 0.75rem;
  }
  .panel .warning {
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
    overflow-wrap: anywhere;
  }
  .details {
    display: grid;
    gap: 0.5rem;
    padding-block-end: 0.75rem;
    border-bottom: 1px solid var(--conga-color-border, #d1d9e0);
  }
  dl {
    margin: 0;
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
    gap: 0.5rem;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .status {
    min-height: 1.25em;
    margin: 0.5rem 0 0;
  }
`;
