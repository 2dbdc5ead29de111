/**
 * The demo portal's popup callback page: where "Test sign-in" (the element's `test-redirect-uri`) lands. Opened as a
 * popup by the element, it takes the provider's answer (code, state, iss or error) out of the address bar and posts
 * it to the page that opened it, on this origin only; that page checks and redeems it. Opened any other way, it only
 * explains itself.
 */
import {createBrowserPage} from '@conga-connections/auth';

const answer = location.href;
const page = createBrowserPage(window);
// B2-08: the code, state and iss leave the address bar (and the history entry) before anything else.
page.replace(location.pathname);
page.relay(answer);
