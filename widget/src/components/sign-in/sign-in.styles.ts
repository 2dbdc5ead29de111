import {css} from 'lit';

export default css`
  div {
    display: grid;
    justify-items: start;
    gap: var(--conga-space, 0.5rem);
    padding: 1.5rem 0;
  }
  p {
    margin: 0;
    max-width: 40rem;
  }
  .banner {
    padding: 0.5rem 0.75rem;
    border-radius: var(--conga-radius, 6px);
    border: 1px solid currentColor;
  }
`;
