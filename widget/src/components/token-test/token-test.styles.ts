import {css} from 'lit';
import testStyles from '../sign-in-test/sign-in-test.styles.js';

/** Test sign-in's section styles, plus the block that shows the command to run when the page can't get a token. */
export default [
  testStyles,
  css`
    pre {
      margin: 0 0 0.25rem;
      padding: 0.5rem;
      overflow-x: auto;
      border-radius: var(--conga-radius, 6px);
      background: var(--conga-color-surface-raised, #f6f8fa);
      font-size: 0.8125rem;
    }
  `,
];
