import type {KoaContextWithOIDC} from 'oidc-provider';

/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Headers for every page the provider renders: they can't be framed (B3-19, clickjacking of the login form),
 * leak nothing in the Referer, and run no script but what the page itself names.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: Canvas; color: CanvasText; }
  main { width: min(24rem, 92vw); padding: 2rem; border: 1px solid #8886; border-radius: 12px; }
  h1 { font-size: 1.25rem; margin: 0 0 .25rem; }
  p { margin: .25rem 0 1rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { box-sizing: border-box; width: 100%; padding: .5rem; margin-top: .25rem; font: inherit; }
  button { margin-top: 1.25rem; padding: .55rem 1rem; font: inherit; font-weight: 600; cursor: pointer; }
  .error { color: #b3261e; font-weight: 600; }
  .hint { font-size: .875rem; opacity: .8; }
  ul { padding-left: 1.25rem; }
`;

/** Wraps page content in the emulator's minimal, unframeable document. */
export function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The sign-in form: labelled "User name" and "Password", submitted with "Sign in". */
export function loginPage(options: {
  action: string;
  clientName: string;
  error?: string;
  userName?: string;
  hint?: string;
}): string {
  return page(
    'Sign in – Conga Platform emulator',
    `<h1>Sign in to Conga</h1>
     <p>to continue to <strong>${escapeHtml(options.clientName)}</strong></p>
     ${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
     <form method="post" action="${escapeHtml(options.action)}">
       <label for="username">User name</label>
       <input id="username" name="username" autocomplete="username" required autofocus value="${escapeHtml(options.userName ?? '')}">
       <label for="password">Password</label>
       <input id="password" name="password" type="password" autocomplete="current-password" required>
       <button type="submit">Sign in</button>
     </form>
     ${options.hint ? `<p class="hint">${escapeHtml(options.hint)}</p>` : ''}`,
  );
}

/** The consent step for clients that aren't the platform's own apps. */
export function consentPage(options: {
  action: string;
  abortAction: string;
  clientName: string;
  scopes: string[];
}): string {
  return page(
    'Allow access – Conga Platform emulator',
    `<h1>Allow access?</h1>
     <p><strong>${escapeHtml(options.clientName)}</strong> asks to:</p>
     <ul>${options.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
     <form method="post" action="${escapeHtml(options.action)}"><button type="submit">Allow</button></form>
     <form method="post" action="${escapeHtml(options.abortAction)}"><button type="submit">Deny</button></form>`,
  );
}

function setPageHeaders(ctx: KoaContextWithOIDC): void {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) ctx.set(name, value);
}

/**
 * The end-session page: RP-initiated logout still needs the user's confirmation in oidc-provider; the form is
 * shown with "Sign out" focused so a single key press (or the automated tests' click) completes it.
 */
export function renderLogoutPage(ctx: KoaContextWithOIDC, form: string): void {
  setPageHeaders(ctx);
  ctx.type = 'html';
  ctx.body = page(
    'Sign out – Conga Platform emulator',
    `<h1>Sign out of Conga?</h1>
     ${form}
     <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out</button>
     <button type="submit" form="op.logoutForm">Stay signed in</button>`,
  );
}

/**
 * The provider's error page. Every value is escaped (B3-14); it never redirects, so an unregistered
 * redirect_uri gets a 400 without a Location header (B3-07).
 */
export function renderErrorPage(ctx: KoaContextWithOIDC, out: {error: string; error_description?: string}): void {
  setPageHeaders(ctx);
  ctx.type = 'html';
  ctx.body = page(
    'Sign-in error – Conga Platform emulator',
    `<h1>Sign-in error</h1>
     <p class="error" role="alert">${escapeHtml(out.error)}</p>
     ${out.error_description ? `<p>${escapeHtml(out.error_description)}</p>` : ''}`,
  );
}
