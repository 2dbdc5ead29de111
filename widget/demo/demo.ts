/**
 * The demo host portal's own script: it loads the element (from source, through Vite), runs the Organization tabs
 * (WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs, automatic activation), the theme toggle and the
 * tab's language.
 */
import '../src/index.js';

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const element = document.querySelector('conga-api-connections');
const themeToggle = document.querySelector<HTMLButtonElement>('#theme-toggle');
const languagePicker = document.querySelector<HTMLSelectElement>('#language');

/**
 * Keeps a choice of the admin's for this browser tab (the tab shown, the tab's language): in the address, so a reload
 * or a bookmark keeps it, and in the tab's session, since the address the sign-in page sends back to has neither.
 * An empty value takes it out of the address.
 */
function keep(parameter: string, value: string): void {
  const url = new URL(location.href);
  if (value === '') url.searchParams.delete(parameter);
  else url.searchParams.set(parameter, value);
  history.replaceState(history.state, '', url);
  try {
    sessionStorage.setItem(`conga:demo-${parameter}`, value);
  } catch {
    // Storage may be off; the address still has it.
  }
}

/** A kept choice: the address's, else this tab session's; null when neither has one. */
function kept(parameter: string): string | null {
  const asked = new URLSearchParams(location.search).get(parameter);
  if (asked !== null) return asked;
  try {
    return sessionStorage.getItem(`conga:demo-${parameter}`);
  } catch {
    return null;
  }
}

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
  if (remember) keep('tab', tab.dataset.tab ?? '');
}

function initialTab(): HTMLButtonElement | undefined {
  // Back from the sign-in page the address holds the callback, not the tab: the one the admin left from is kept.
  const name = kept('tab');
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

/** The tab's language: the element's `lang` (it re-renders at once); none means the portal's. */
function applyLanguage(language: string): void {
  if (language === '') element?.removeAttribute('lang');
  else element?.setAttribute('lang', language);
  if (languagePicker) languagePicker.value = language;
}
const initialLanguage = kept('lang') ?? '';
applyLanguage(initialLanguage);
// `?lang=` is kept for the session too, so that the sign-in page's callback comes back in it.
if (new URLSearchParams(location.search).has('lang')) keep('lang', initialLanguage);
languagePicker?.addEventListener('change', () => {
  applyLanguage(languagePicker.value);
  keep('lang', languagePicker.value);
});
