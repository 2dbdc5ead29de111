/** The extension's pages, relative to `extension/` (the Vite root of the extension build) and to the built root. */
export const PAGES = {
  popup: 'src/popup/index.html',
  options: 'src/options/index.html',
  /** The full tab: Chromium side panel, Firefox sidebar, a browser tab, and the in-page drawer's frame. */
  panel: 'src/panel/index.html',
  /** Promote connections between tenants: always a browser tab. */
  promote: 'src/promote/index.html',
} as const;

/** Where the panel page is shown; the popup is its own page. */
export const SURFACES = ['side-panel', 'tab', 'drawer'] as const;

/** One of {@link SURFACES}. */
export type Surface = (typeof SURFACES)[number];

/** Reads the surface from the panel page's address (`?surface=tab`); the side panel (or sidebar) when absent. */
export function surfaceOf(search: string): Surface {
  const value = new URLSearchParams(search).get('surface');
  return (SURFACES as readonly (string | null)[]).includes(value) ? (value as Surface) : 'side-panel';
}
