import {css} from 'lit';

export default css`
  div {
    border: 1px solid var(--conga-color-danger, #b3261e);
    border-inline-start-width: 4px;
    border-radius: var(--conga-radius, 6px);
    padding: 0.75rem 1rem;
    background: var(--conga-color-surface-raised, #f6f8fa);
  }
  .title {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }
  p {
    margin: 0 0 0.5rem;
  }
`;
