/**
 * The demo portal's popup callback page: where "Test sign-in" (the element's `test-redirect-uri`) lands. Opened as
 * the element's popup, it takes the provider's answer (code, state, iss or error) out of the address bar and posts it
 * to the page that opened it, on this origin only; that page checks and redeems it. Opened any other way (an app's
 * own redirect, in the README's walk-through), it leaves the address bar to that app.
 */
import {createBrowserPage} from '@conga-connections/auth';

if (window.opener !== null) {
  const answer = location.href;
  const page = createBrowserPage(window);
  // B2-08: the code, state and iss leave the address bar (and the history entry) before anything else.
  page.replace(location.pathname);
  page.relay(answer);
}
