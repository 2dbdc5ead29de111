// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';

/**
 * Flat config: recommended JS, typescript-eslint's strict and stylistic type-checked sets, and the project's own
 * rules (STYLE.md §12); for the element's sources also Lit's template checks, custom-element best practice and
 * accessibility in templates. Prettier owns formatting, so its config goes last.
 */
export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', '**/dist-*/**', '.tmp/**', 'test-results/**', 'playwright-report/**'],
  },
  // The host apps (issue 14) are checked by their own frameworks' checkers (tsc, vue-tsc, svelte-check, ngc) against
  // their own install, which `npm run test:hosts` makes: not by the repository's lint.
  {ignores: ['tests/hosts/*/**']},
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {parserOptions: {projectService: true, tsconfigRootDir: import.meta.dirname}},
    plugins: {'no-only-tests': noOnlyTests},
    rules: {
      'no-only-tests/no-only-tests': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', {allowNumber: true}],
      'no-console': ['error', {allow: ['warn', 'error']}],
      'no-restricted-imports': [
        'error',
        {patterns: [{group: ['./index.js', '../index.js'], message: 'Import the source file, not the index.'}]},
      ],
      // B1-03: nothing in the sources may turn text into markup or code.
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'Render text, never HTML (B1-03).',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Render text, never HTML (B1-03).',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name='write']",
          message: 'No document.write (B1-03).',
        },
        {selector: "NewExpression[callee.name='Function']", message: 'No new Function (B1-03).'},
        {
          selector: "CallExpression[callee.name=/^set(Timeout|Interval)$/][arguments.0.type='Literal']",
          message: 'No string timers (B1-03).',
        },
        {selector: "ImportSpecifier[imported.name='unsafeHTML']", message: 'No unsafeHTML (B1-03).'},
      ],
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  // The element's sources: eslint-plugin-lit, eslint-plugin-wc and eslint-plugin-lit-a11y (STYLE.md §12).
  ...[lit.configs['flat/recommended'], wc.configs['flat/best-practice'], litA11y.configs.recommended].map((config) => ({
    ...config,
    files: ['widget/src/**/*.ts'],
  })),
  {
    // Command-line programs print to the terminal by design.
    files: ['packages/emulator/src/cli.ts', 'widget/demo/start.ts', 'tests/run.mjs', 'tests/bench/**'],
    rules: {'no-console': 'off'},
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {process: 'readonly', console: 'readonly', URL: 'readonly'},
    },
  },
  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'tests/**/*.ts'],
    rules: {
      // Tests assert on loosely typed JSON bodies on purpose.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Chai's property assertions (`expect(x).to.exist`) are expressions by design.
    files: ['**/*.browser.test.ts'],
    rules: {'@typescript-eslint/no-unused-expressions': 'off'},
  },
  prettier,
);
