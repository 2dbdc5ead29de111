/**
 * Issue 17: the element in German, Japanese, Arabic and the pseudo-locale (accented, ~40% longer, every message in
 * ⟦…⟧) at 360px and 1280px: nothing clipped or spilling out, axe clean, every visible string from a catalogue, right
 * to left in Arabic; and the language follows `lang` at run time.
 */
import {generateMsgId} from '@lit/localize/internal/id-generation.js';
import {html} from 'lit';
import {expect, fixture, waitUntil} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {LIMITS, REASONS} from '@conga-connections/validation';
import {currentLocale} from '../../locale.js';
import type {Locale} from '../../locale.js';
import {messages} from '../../messages.js';
import {rows} from '../../testing.js';
import type {CongaConnectionForm} from '../connection-form/connection-form.js';
import type {CongaConnectionList} from '../connection-list/connection-list.js';
import './api-connections.js';
import type {CongaApiConnections} from './api-connections.js';

/** The title in each locale, read from the locale modules themselves (what the element must show). */
async function titleIn(locale: Locale): Promise<string> {
  if (locale === 'en') return 'Conga API Connections';
  const module = (await import(`../../generated/locales/${locale}.js`)) as {templates: Record<string, string>};
  // The main catalogue's messages have no explicit id: lit-localize's id is the hash of the English (messages.ts).
  return module.templates[generateMsgId('Conga API Connections', false)] ?? '';
}

async function mount(lang: string, width: number) {
  // The page as wide as the element: its own width and the page's are what may not overflow.
  await setViewport({width, height: 900});
  const host = await fixture<HTMLDivElement>(
    html`<div lang=${lang}>
      <conga-api-connections
        .apiClient=${createFakeApiClient(fakeSeed)}
        .session=${createFakeAuthSession()}
      ></conga-api-connections>
    </div>`,
  );
  const root = host.querySelector<CongaApiConnections>('conga-api-connections')!;
  const title = await titleIn(lang as Locale);
  await waitUntil(() => root.shadowRoot?.querySelector('#title')?.textContent === title, `no ${lang} title`);
  const list = await waitUntil(() => root.shadowRoot?.querySelector('conga-connection-list'), 'no list').then(() =>
    root.shadowRoot!.querySelector<CongaConnectionList>('conga-connection-list')!,
  );
  await waitUntil(() => rows(list).length === fakeSeed.connections.length, 'no rows');
  await list.updateComplete;
  return {host, root, list};
}

/** Every element of the element's shadow trees, the nested ones included. */
function elementsOf(root: Element): Element[] {
  const found: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root.shadowRoot) walk(root.shadowRoot);
  return found;
}

const shown = (element: Element) => element.checkVisibility() && element.getClientRects().length > 0;

/** The visible text nodes of an element's shadow trees, one string each. */
function visibleTexts(root: Element): string[] {
  return elementsOf(root)
    .filter((element) => !['STYLE', 'SCRIPT', 'TEMPLATE'].includes(element.tagName) && shown(element))
    .flatMap((element) => [...element.childNodes])
    .filter((node) => node.nodeType === Node.TEXT_NODE && /\p{L}{2,}/u.test(node.textContent ?? ''))
    .map((node) => (node.textContent ?? '').trim());
}

/** Every string value of the fake organization: data the element shows as it is, in any language. */
const DATA = new Set<string>();
(function collect(value: unknown) {
  if (typeof value === 'string') DATA.add(value);
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
})(fakeSeed);

/** The platform's names of the two types (api-client's toApiTypeLabel), kept as the platform writes them. */
const PLATFORM_TERMS = ['API to API', 'UI to API'];

for (const width of [360, 1280]) {
  for (const lang of ['de', 'ja', 'ar', 'en-XA']) {
    describe(`<conga-api-connections lang="${lang}"> at ${String(width)}px`, () => {
      it('clips nothing and spills nothing sideways', async () => {
        const {root} = await mount(lang, width);
        expect(document.documentElement.scrollWidth, 'the page').to.be.at.most(document.documentElement.clientWidth);
        expect(root.scrollWidth, 'the element').to.be.at.most(root.clientWidth);
        expect(root.clientWidth, 'the element fits the page').to.be.within(width - 40, width);
        let checked = 0;
        for (const element of elementsOf(root).filter(shown)) {
          const style = getComputedStyle(element);
          const text = [...element.childNodes].some(
            (node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? ''),
          );
          // A box that scrolls on purpose (the table below its minimum width) is no clipping; text hidden for
          // screen readers only (.visually-hidden: a 1px box) is never seen.
          if (!text || ['auto', 'scroll'].includes(style.overflowX) || element.classList.contains('visually-hidden')) {
            continue;
          }
          checked += 1;
          const label = `${element.localName}.${element.className} "${element.textContent.trim().slice(0, 40)}"`;
          expect(element.scrollWidth, label).to.be.at.most(element.clientWidth + 1);
          if (style.overflowY !== 'visible') {
            expect(element.scrollHeight, label).to.be.at.most(element.clientHeight + 1);
          }
        }
        // Headings, buttons, cells, labels: the check saw the text, not an empty page.
        expect(checked).to.be.greaterThan(30);
      });

      it('is accessible', async () => {
        const {root} = await mount(lang, width);
        await expect(root).to.be.accessible();
      });

      it(`lays out ${lang === 'ar' ? 'right to left' : 'left to right'} and names its language`, async () => {
        const {root} = await mount(lang, width);
        const base = root.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
        expect(base.dir).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
        expect(base.lang).to.equal(lang);
        expect(getComputedStyle(base).direction).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      });
    });
  }
}

/**
 * The element in a host's content column narrower than the window: the demo portal's is about 930px at a 1280px
 * window. The list lays itself out by its own width (a container query), so only the column's width matters here.
 */
async function mountInColumn(lang: string, columnWidth: number) {
  await setViewport({width: 1280, height: 900});
  const host = await fixture<HTMLDivElement>(
    html`<div lang=${lang} style=${`inline-size: ${String(columnWidth)}px`}>
      <conga-api-connections
        .apiClient=${createFakeApiClient(fakeSeed)}
        .session=${createFakeAuthSession()}
      ></conga-api-connections>
    </div>`,
  );
  const root = host.querySelector<CongaApiConnections>('conga-api-connections')!;
  const title = await titleIn(lang as Locale);
  await waitUntil(() => root.shadowRoot?.querySelector('#title')?.textContent === title, `no ${lang} title`);
  await waitUntil(() => root.shadowRoot?.querySelector('conga-connection-list'), 'no list');
  const list = root.shadowRoot!.querySelector<CongaConnectionList>('conga-connection-list')!;
  await waitUntil(() => rows(list).length === fakeSeed.connections.length, 'no rows');
  await list.updateComplete;
  return {root, list};
}

for (const lang of ['de', 'en-XA']) {
  describe(`the list in ${lang} in a 930px column`, () => {
    it('clips no text, and shows every row’s actions without a sideways scroll', async () => {
      const {root, list} = await mountInColumn(lang, 930);
      expect(root.getBoundingClientRect().width, 'the element fills the column').to.be.within(890, 930);
      const scroller = list.shadowRoot!.querySelector<HTMLElement>('.table-scroll')!;
      expect(scroller.scrollWidth, 'the table scrolls sideways').to.be.at.most(scroller.clientWidth);
      const box = scroller.getBoundingClientRect();
      const buttons = [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody .actions button')];
      expect(buttons.length, 'each row has its actions').to.be.at.least(fakeSeed.connections.length);
      for (const button of buttons) {
        const rect = button.getBoundingClientRect();
        const label = `"${button.textContent.trim()}"`;
        expect(rect.width, label).to.be.greaterThan(0);
        expect(rect.left, label).to.be.at.least(box.left);
        expect(rect.right, label).to.be.at.most(box.right);
        expect(button.scrollWidth, `${label} is cut`).to.be.at.most(button.clientWidth + 1);
      }
      let checked = 0;
      for (const element of elementsOf(list).filter(shown)) {
        const text = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? ''),
        );
        if (!text || element.classList.contains('visually-hidden')) continue;
        checked += 1;
        const label = `${element.localName}.${element.className} "${element.textContent.trim().slice(0, 40)}"`;
        expect(element.scrollWidth, label).to.be.at.most(element.clientWidth + 1);
        const rect = element.getBoundingClientRect();
        expect(rect.right, `${label} beyond the list`).to.be.at.most(box.right + 1);
      }
      expect(checked).to.be.greaterThan(30);
    });
  });
}

/** The form's field labels: kept as the platform writes them, and read once when connection-form.ts loads (LABELS). */
const FORM_FIELDS = [
  'Redirect URI',
  'Cors Origins',
  'Back Channel Logout URI',
  'Front Channel Logout URI',
  'Allowed Scopes',
  'Client ID',
];

/** Opens "Add UI To API Connection" (the form with every field) and waits for its dialog. */
async function openForm(list: CongaConnectionList): Promise<CongaConnectionForm> {
  list.shadowRoot!.querySelector<HTMLElement>('[part~="create-button"][data-type="UItoAPI"]')!.click();
  return waitUntil(
    () => list.shadowRoot?.querySelector('conga-connection-form')?.shadowRoot?.querySelector('dialog[open]'),
    'no form',
  ).then(() => list.shadowRoot!.querySelector('conga-connection-form')!);
}

for (const lang of ['de', 'ar', 'en-XA']) {
  describe(`the add form in ${lang} at 360px`, () => {
    it('clips nothing, is accessible and, in the pseudo-locale, shows only catalogue strings', async () => {
      const {list} = await mount(lang, 360);
      const form = await openForm(list);
      const dialog = form.shadowRoot!.querySelector('dialog[open]')!;
      expect(dialog.scrollWidth, 'the dialog').to.be.at.most(dialog.clientWidth + 1);
      let checked = 0;
      for (const element of elementsOf(form).filter(shown)) {
        const text = [...element.childNodes].some(
          (node) => node.nodeType === Node.TEXT_NODE && /\S/.test(node.textContent ?? ''),
        );
        const style = getComputedStyle(element);
        if (!text || ['auto', 'scroll'].includes(style.overflowX) || element.classList.contains('visually-hidden')) {
          continue;
        }
        checked += 1;
        expect(element.scrollWidth, `${element.localName} "${element.textContent.trim().slice(0, 40)}"`).to.be.at.most(
          element.clientWidth + 1,
        );
      }
      expect(checked).to.be.greaterThan(10);
      await expect(form).to.be.accessible();
      if (lang !== 'en-XA') return;
      const unmarked = visibleTexts(form).filter(
        (text) => !/[⟦⟧]/.test(text) && ![...FORM_FIELDS, ...PLATFORM_TERMS].includes(text),
      );
      expect(unmarked).to.deep.equal([]);
    });
  });
}

describe('the add form in Arabic: what reads left to right', () => {
  it('keeps URLs left to right and lets a name or description take the direction of its first letter', async () => {
    const {list} = await mount('ar', 1280);
    const form = await openForm(list);
    const root = form.shadowRoot!;
    const direction = (selector: string) => getComputedStyle(root.querySelector(selector)!).direction;
    expect(getComputedStyle(root.querySelector('dialog[open]')!).direction).to.equal('rtl');
    expect(direction('input[id^="field-RedirectURI-"]')).to.equal('ltr');
    expect(direction('#field-BackChannelLogoutURI')).to.equal('ltr');
    for (const field of ['#field-ClientName', '#field-Description']) {
      const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(field)!;
      expect(control.dir, field).to.equal('auto');
      control.value = 'Nightly export (ERP).';
      expect(getComputedStyle(control).direction, field).to.equal('ltr');
      control.value = 'تصدير ليلي';
      expect(getComputedStyle(control).direction, field).to.equal('rtl');
    }
  });
});

/** A message of a locale module by its explicit id (the reason catalogue's are `reasons.<CODE>`), `value` in its placeholder. */
async function templateIn(locale: Locale, id: string, value?: string): Promise<string> {
  const module = (await import(`../../generated/locales/${locale}.js`)) as {
    templates: Record<string, string | {strings: string[]}>;
  };
  const template = module.templates[id];
  if (template === undefined) throw new Error(`${locale} has no ${id}`);
  return typeof template === 'string' ? template : template.strings.join(value);
}

/** The texts an input's aria-describedby points at, white space collapsed. */
function describedText(form: Element, input: Element): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids
    .map((id) => form.shadowRoot!.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');
}

for (const lang of ['de', 'en-XA']) {
  describe(`the form's validation reasons in ${lang}`, () => {
    it('shows a redirect URI problem, and a suggested value after its lead, in the locale', async () => {
      const {list} = await mount(lang, 1280);
      const form = await openForm(list);
      const row = form.shadowRoot!.querySelector<HTMLInputElement>('input[id^="field-RedirectURI-"]')!;
      const type = async (value: string) => {
        row.focus();
        row.value = value;
        row.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
        await form.updateComplete;
      };
      await type('https://app.example.com/cb#x');
      expect(row.getAttribute('aria-invalid')).to.equal('true');
      const fragment = await templateIn(lang as Locale, 'reasons.REDIRECT_URI_FRAGMENT');
      expect(fragment).to.not.equal(REASONS.REDIRECT_URI_FRAGMENT);
      expect(describedText(form, row)).to.contain(fragment);
      expect(describedText(form, row)).to.not.contain(REASONS.REDIRECT_URI_FRAGMENT);
      // A1-16: the usual form of the host is appended after the translated lead, as the validator built it.
      await type('https://App.Example.COM/cb');
      const [reason, lead] = await Promise.all([
        templateIn(lang as Locale, 'reasons.URL_HOST_NOT_CANONICAL'),
        templateIn(lang as Locale, 'reasons.URL_HOST_NOT_CANONICAL.lead'),
      ]);
      expect(describedText(form, row)).to.contain(`${reason} ${lead} app.example.com`);
      // A limit, in the locale's digits, where the translation puts it.
      const name = form.shadowRoot!.querySelector<HTMLInputElement>('#field-ClientName')!;
      name.value = 'n'.repeat(LIMITS.nameLength + 1);
      name.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
      // A text field's problem shows once the admin leaves it (no system focus in parallel pages: the event itself).
      name.dispatchEvent(new FocusEvent('blur'));
      await form.updateComplete;
      const tooLong = await templateIn(
        lang as Locale,
        'reasons.NAME_TOO_LONG',
        new Intl.NumberFormat(lang).format(LIMITS.nameLength),
      );
      expect(describedText(form, name)).to.contain(tooLong);
    });
  });
}

describe('<conga-api-connections> in the pseudo-locale', () => {
  it('shows no text that bypasses the catalogues: every string is marked, or is the organization’s data', async () => {
    const {root} = await mount('en-XA', 1280);
    const texts = visibleTexts(root);
    expect(texts.length).to.be.greaterThan(20);
    const unmarked = texts.filter((text) => {
      let rest = text;
      for (const value of DATA) if (value.length > 1) rest = rest.split(value).join(' ');
      return /\p{L}{2,}/u.test(rest) && !/[⟦⟧]/.test(text) && !PLATFORM_TERMS.includes(text);
    });
    expect(unmarked).to.deep.equal([]);
  });

  it('is about 40% longer than English', async () => {
    const {root} = await mount('en-XA', 1280);
    const title = root.shadowRoot!.querySelector('#title')!.textContent;
    expect(title.length).to.be.at.least(Math.ceil('Conga API Connections'.length * 1.3));
    expect(title).to.match(/^⟦.*⟧$/);
  });
});

describe('<conga-api-connections> language at run time', () => {
  it('follows its own lang, then an ancestor’s, then the document’s, and re-renders each time', async () => {
    const {host, root} = await mount('de', 1280);
    const title = () => root.shadowRoot!.querySelector('#title')!.textContent;
    root.setAttribute('lang', 'ja');
    const ja = await titleIn('ja');
    await waitUntil(() => title() === ja, 'not Japanese after lang="ja" on the element');
    expect(currentLocale()).to.equal('ja');
    root.removeAttribute('lang');
    const de = await titleIn('de');
    await waitUntil(() => title() === de, 'not German again after the element’s lang went');
    host.setAttribute('lang', 'ar');
    await waitUntil(() => root.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!.dir === 'rtl', 'not rtl');
    expect(title()).to.equal(await titleIn('ar'));
    // The list inside re-rendered too, not only the root.
    const list = root.shadowRoot!.querySelector<CongaConnectionList>('conga-connection-list')!;
    await waitUntil(() => list.shadowRoot!.textContent.includes(messages.refresh), 'the list stayed in German');
    host.removeAttribute('lang');
    const previous = document.documentElement.lang;
    document.documentElement.lang = 'fr';
    try {
      const fr = await titleIn('fr');
      await waitUntil(() => title() === fr, 'not French after the document’s lang changed');
    } finally {
      document.documentElement.lang = previous;
    }
  });

  it('takes the closest supported language: de-AT is German, en-GB and an unknown one are English', async () => {
    const host = await fixture<HTMLDivElement>(
      html`<div lang="de-AT">
        <conga-api-connections
          .apiClient=${createFakeApiClient(fakeSeed)}
          .session=${createFakeAuthSession()}
        ></conga-api-connections>
      </div>`,
    );
    const title = () => host.querySelector('conga-api-connections')?.shadowRoot?.querySelector('#title')?.textContent;
    const de = await titleIn('de');
    await waitUntil(() => title() === de, 'de-AT is not German');
    host.setAttribute('lang', 'en-GB');
    await waitUntil(() => title() === 'Conga API Connections', 'en-GB is not English');
    host.setAttribute('lang', 'de');
    await waitUntil(() => title() === de, 'not German again');
    host.setAttribute('lang', 'pt-BR');
    await waitUntil(() => title() === 'Conga API Connections', 'an unsupported language is not English');
  });
});
