import {css} from 'lit';

/**
 * Design tokens, declared on the root element only; every child reads them through inheritance, always with a
 * fallback. A host page overrides any of them from outside (`conga-api-connections {--conga-color-accent: …}`),
 * because outer rules beat `:host` rules.
 */
export default css`
  :host {
    --conga-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    --conga-font-size: 0.875rem;
    --conga-radius: 6px;
    --conga-space: 0.5rem;
    --conga-color-text: #1f2328;
    --conga-color-text-muted: #59636e;
    --conga-color-surface: #ffffff;
    --conga-color-surface-raised: #f6f8fa;
    --conga-color-border: #d1d9e0;
    --conga-color-accent: #0a58ca;
    --conga-color-accent-text: #ffffff;
    --conga-color-danger: #b3261e;
    --conga-color-success: #1a7f37;
    --conga-color-warning: #9a6700;
    --conga-color-focus: #0a58ca;
    --conga-color-backdrop: rgb(0 0 0 / 0.45);
    color-scheme: light;
  }
  :host([theme='dark']) {
    --conga-color-text: #e6edf3;
    --conga-color-text-muted: #9198a1;
    --conga-color-surface: #0d1117;
    --conga-color-surface-raised: #161b22;
    --conga-color-border: #3d444d;
    --conga-color-accent: #4493f8;
    --conga-color-accent-text: #0d1117;
    --conga-color-danger: #f85149;
    --conga-color-success: #3fb950;
    --conga-color-warning: #d29922;
    --conga-color-focus: #4493f8;
    --conga-color-backdrop: rgb(0 0 0 / 0.65);
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --conga-color-text: #e6edf3;
      --conga-color-text-muted: #9198a1;
      --conga-color-surface: #0d1117;
      --conga-color-surface-raised: #161b22;
      --conga-color-border: #3d444d;
      --conga-color-accent: #4493f8;
      --conga-color-accent-text: #0d1117;
      --conga-color-danger: #f85149;
      --conga-color-success: #3fb950;
      --conga-color-warning: #d29922;
      --conga-color-focus: #4493f8;
      --conga-color-backdrop: rgb(0 0 0 / 0.65);
      color-scheme: dark;
    }
  }
`;
