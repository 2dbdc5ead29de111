/**
 * The demo host portal's own script: it loads the element (from source, through Vite), runs the Organization tabs
 * (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs, automatic activation), the theme toggle and the
 * tab's language.
 */
import '../src/index.js';

const TAB_KEY = 'conga:demo-tab';

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const element = document.querySelector('conga-api-connections');
const themeToggle = document.querySelector<HTMLButtonElement>('#theme-toggle');
const languagePicker = document.querySelector<HTMLSelectElement>('#language');
const LANGUAGE_KEY = 'conga:demo-language';

function panelOf(tab: HTMLButtonElement): HTMLElement | null {
  return document.getElementById(tab.getAttribute('aria-controls') ?? '');
}

/** Shows one tab's panel; `remember` puts it in the address bar and the tab's session, so it survives sign-in. */
function select(tab: HTMLButtonElement, {focus = false, remember = false} = {}): void {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    const panel = panelOf(other);
    if (panel) panel.hidden = !selected;
  }
  if (focus) tab.focus();
  if (!remember) return;
  const name = tab.dataset.tab ?? '';
  const url = new URL(location.href);
  url.searchParams.set('tab', name);
  history.replaceState(history.state, '', url);
  try {
    sessionStorage.setItem(TAB_KEY, name);
  } catch {
    // Storage may be off; the address bar still has the tab.
  }
}

function initialTab(): HTMLButtonElement | undefined {
  let name = new URLSearchParams(location.search).get('tab');
  if (name === null) {
    // Back from the sign-in page the address holds the callback, not the tab: use the one the admin left from.
    try {
      name = sessionStorage.getItem(TAB_KEY);
    } catch {
      name = null;
    }
  }
  return tabs.find((tab) => tab.dataset.tab === name) ?? tabs[0];
}

for (const tab of tabs) {
  tab.addEventListener('click', () => {
    select(tab, {remember: true});
  });
  tab.addEventListener('keydown', (event) => {
    const index = tabs.indexOf(tab);
    const target = {
      ArrowRight: tabs[(index + 1) % tabs.length],
      ArrowLeft: tabs[(index - 1 + tabs.length) % tabs.length],
      Home: tabs[0],
      End: tabs[tabs.length - 1],
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select(target, {focus: true, remember: true});
  });
}
const first = initialTab();
// A tab named in the address (a bookmark, the start banner's link) is remembered too, so the admin comes back to it
// from the sign-in page, whose callback address carries no tab.
if (first) select(first, {remember: new URLSearchParams(location.search).has('tab')});

/** Light or dark: follows the system until the admin chooses, and hands the choice to the element too. */
function applyTheme(dark: boolean): void {
  document.documentElement.dataset.theme = dark ? 'dark' : 'light';
  element?.setAttribute('theme', dark ? 'dark' : 'light');
  themeToggle?.setAttribute('aria-pressed', String(dark));
}
const systemDark = matchMedia('(prefers-color-scheme: dark)');
applyTheme(systemDark.matches);
themeToggle?.addEventListener('click', () => {
  applyTheme(themeToggle.getAttribute('aria-pressed') !== 'true');
});

/**
 * The tab's language: set as the element's `lang` (it re-renders at once; no attribute means the portal's), from
 * `?lang=` or the choice made earlier in this tab's session. Either is remembered for the session, since the address
 * the sign-in page sends back to carries no `lang`.
 */
function applyLanguage(language: string, {remember = false} = {}): void {
  if (language === '') element?.removeAttribute('lang');
  else element?.setAttribute('lang', language);
  if (languagePicker) languagePicker.value = language;
  if (!remember) return;
  try {
    sessionStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // Storage may be off; the choice holds until the page is left.
  }
}
const askedLanguage = new URLSearchParams(location.search).get('lang');
if (askedLanguage !== null) {
  applyLanguage(askedLanguage, {remember: true});
} else {
  let remembered = '';
  try {
    remembered = sessionStorage.getItem(LANGUAGE_KEY) ?? '';
  } catch {
    // Storage may be off: the portal's language.
  }
  applyLanguage(remembered);
}
languagePicker?.addEventListener('change', () => {
  applyLanguage(languagePicker.value, {remember: true});
  // The address says the choice too (as it says the tab), so a reload or a bookmark keeps it.
  const url = new URL(location.href);
  if (languagePicker.value === '') url.searchParams.delete('lang');
  else url.searchParams.set('lang', languagePicker.value);
  history.replaceState(history.state, '', url);
});
