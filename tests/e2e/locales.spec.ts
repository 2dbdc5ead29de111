/**
 * Issue 17: an admin adds, edits and deactivates a connection with the element in German and in Arabic (right to
 * left), on the demo portal against the emulator. The portal's page says its language in `<html lang>`; every name
 * the test looks for is the translation in l10n/translations/, so a string that stayed English fails the test.
 */
import {readFileSync} from 'node:fs';
import type {Page} from '@playwright/test';
import {ADMIN, escapeRegExp, expect, portalTest, tab} from './support/portal.js';

const test = portalTest();
test.describe.configure({mode: 'parallel'});

/**
 * One seeded integration without an API-to-API connection per language: the two tests may run one after the other in
 * a worker, on its one emulator, and the first one's connection would make the identifier taken for the second.
 */
const IDENTIFIER = {de: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', ar: '00D9y000000DevQEAS'} as const;

function translator(locale: string) {
  const translations = JSON.parse(
    readFileSync(new URL(`../../l10n/translations/${locale}.json`, import.meta.url), 'utf8'),
  ) as Record<string, string>;
  /** The translation of an English catalogue string, its `${…}` placeholders filled in from `values`. */
  return (english: string, values: Record<string, string> = {}): string => {
    const translation = translations[english];
    if (translation === undefined) throw new Error(`no ${locale} translation of ${english}`);
    return translation.replace(/\$\{([^}]*)\}/g, (placeholder: string, name: string) => values[name] ?? placeholder);
  };
}

/** Every page of the test's context says `lang` in its root element, as a host portal in that language does. */
async function inLanguage(page: Page, lang: string): Promise<void> {
  await page.context().addInitScript((value) => {
    document.addEventListener('DOMContentLoaded', () => {
      document.documentElement.lang = value;
    });
  }, lang);
}

for (const locale of ['de', 'ar'] as const) {
  test(`in ${locale === 'de' ? 'German' : 'Arabic'}: an admin adds, edits and deactivates an API-to-API connection`, async ({
    page,
    demo,
  }) => {
    const t = translator(locale);
    const name = `Nightly export (${locale})`;
    await inLanguage(page, locale);

    await test.step('the tab speaks the page’s language, laid out in its direction', async () => {
      await page.goto(`${demo.portalUrl}/?tab=api-connections`);
      const base = tab(page).locator('section[part="base"]');
      await expect(base).toHaveAttribute('lang', locale);
      await expect(base).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
      await expect(tab(page).getByRole('heading', {name: t('Conga API Connections')})).toBeVisible();
    });

    await test.step('sign in', async () => {
      await tab(page)
        .getByRole('button', {name: t('Sign in'), exact: true})
        .click();
      await page.waitForURL((url) => url.href.startsWith(demo.issuer));
      await page.getByLabel('User name').fill(ADMIN.username);
      await page.getByLabel('Password').fill(ADMIN.password);
      await page.getByRole('button', {name: 'Sign in'}).click();
      const signedIn = new RegExp(
        `^${escapeRegExp(t('Signed in as ${name}', {name: '\u0000'})).replace('\u0000', '.+')}$`,
      );
      await expect(tab(page).getByText(signedIn)).toBeVisible();
    });

    const list = tab(page).getByRole('table', {name: t('API connections')});
    await test.step('add an API-to-API connection and close the one-time secret', async () => {
      await tab(page)
        .getByRole('button', {name: t('Add API To API Connection')})
        .click();
      const form = tab(page).getByRole('dialog', {name: t('Add API To API Connection')});
      await expect(form).toBeVisible();
      await form.getByLabel(t('External Identifier')).selectOption(IDENTIFIER[locale]);
      await form.getByLabel(t('Client Name')).fill(name);
      await form.getByRole('button', {name: t('Save & Generate Client Secret')}).click();
      const handoff = tab(page).getByRole('dialog', {name: t('API connection created')});
      await expect(handoff).toBeVisible();
      await expect(handoff.getByLabel(t('Client Secret'), {exact: true})).not.toHaveValue('');
      await handoff.getByRole('checkbox', {name: t('I have stored the secret')}).check();
      await handoff.getByRole('button', {name: t('Done')}).click();
      await expect(handoff).toBeHidden();
      await expect(list.getByRole('cell', {name, exact: true})).toBeVisible();
    });

    await test.step('edit its description and save, regenerating the secret', async () => {
      const edit = t('${identifier}, edit the ${typeLabel} connection', {
        identifier: IDENTIFIER[locale],
        typeLabel: 'API to API',
      });
      await list.getByRole('button', {name: edit}).click();
      const form = tab(page).getByRole('dialog', {name: t('Edit API connection')});
      await expect(form.getByLabel(t('Client Name'))).toHaveValue(name);
      await form.getByLabel(t('Description')).fill(`${locale} e2e`);
      await form.getByRole('button', {name: t('Save & Regenerate Client Secret')}).click();
      await form.getByRole('button', {name: t('Confirm')}).click();
      const handoff = tab(page).getByRole('dialog', {name: t('New client secret issued')});
      await expect(handoff).toBeVisible();
      await handoff.getByRole('checkbox', {name: t('I have stored the secret')}).check();
      await handoff.getByRole('button', {name: t('Done')}).click();
      await expect(handoff).toBeHidden();
      await expect(list.getByRole('row').filter({hasText: name})).toContainText(`${locale} e2e`);
    });

    await test.step('deactivate it: the row says it is inactive, in words of the language', async () => {
      await list.getByRole('button', {name: `${t('Deactivate')} ${name}`}).click();
      const confirm = tab(page).getByRole('dialog', {name: t('Deactivate ${name}?', {name})});
      await expect(confirm).toBeVisible();
      await confirm.getByRole('button', {name: t('Deactivate'), exact: true}).click();
      await expect(confirm).toBeHidden();
      const row = list.getByRole('row').filter({hasText: name});
      await expect(row.getByRole('cell', {name: t('Inactive'), exact: true})).toBeVisible();
    });
  });
}

test('the demo portal’s language picker: ?lang= survives the sign-in page, a choice switches the tab at once and survives a reload', async ({
  page,
  demo,
}) => {
  await page.goto(`${demo.portalUrl}/?tab=api-connections&lang=de`);
  const base = tab(page).locator('section[part="base"]');
  const picker = page.getByRole('combobox', {name: 'Tab language'});
  await expect(base).toHaveAttribute('lang', 'de');
  await expect(picker).toHaveValue('de');

  // The provider sends back to the callback address (code and state, no `lang`; the element puts the address the
  // admin left from back afterwards): the tab is German from its first render on that page.
  await tab(page)
    .getByRole('button', {name: translator('de')('Sign in'), exact: true})
    .click();
  await page.waitForURL((url) => url.href.startsWith(demo.issuer));
  await page.getByLabel('User name').fill(ADMIN.username);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', {name: 'Sign in'}).click();
  await expect(tab(page).getByRole('button', {name: translator('de')('Sign out'), exact: true})).toBeVisible();
  await expect(base).toHaveAttribute('lang', 'de');

  await picker.selectOption('ar');
  await expect(base).toHaveAttribute('dir', 'rtl');
  await expect(tab(page).getByRole('button', {name: translator('ar')('Sign out'), exact: true})).toBeVisible();

  await page.reload();
  await expect(picker).toHaveValue('ar');
  await expect(base).toHaveAttribute('lang', 'ar');

  // The portal's own language again: the element has no lang of its own and follows the page (English).
  await picker.selectOption('');
  await expect(base).toHaveAttribute('lang', 'en');
  await expect(base).toHaveAttribute('dir', 'ltr');
  await expect(tab(page).getByRole('button', {name: 'Sign out', exact: true})).toBeVisible();
});
