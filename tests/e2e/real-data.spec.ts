/**
 * Issue 12 end to end, in the demo host portal against the emulator: a save is confirmed on screen (not only to
 * screen readers), and on a phone-sized page (360px) the list shows every connection with nothing scrolling
 * sideways and no axe violation.
 */
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import type {Page} from '@playwright/test';
import {expect, openAndSignIn, portalTest, tab, table} from './support/portal.js';

const test = portalTest();

/** axe-core (the engine of the component tests' `.accessible()`), evaluated in the page through DevTools. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page: Page): Promise<{passes: number; violations: string[]}> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    interface AxeResults {
      violations: {id: string; impact: string | null; nodes: {target: unknown[]}[]}[];
      passes: unknown[];
    }
    const axe = (globalThis as unknown as {axe: {run(context: Element, options: object): Promise<AxeResults>}}).axe;
    const element = document.querySelector('conga-api-connections');
    if (!element) throw new Error('no element');
    const results = await axe.run(element, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
    });
    return {
      passes: results.passes.length,
      violations: results.violations.map(
        (violation) =>
          `${violation.id} (${String(violation.impact)}): ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
      ),
    };
  });
}

/** scrollWidth and clientWidth of the page and of every box of the element that could scroll sideways. */
async function sidewaysOverflow(page: Page): Promise<{name: string; scrollWidth: number; clientWidth: number}[]> {
  return page.evaluate(() => {
    const root = document.querySelector('conga-api-connections');
    const list = root?.shadowRoot?.querySelector('conga-connection-list');
    const boxes: [string, Element | null | undefined][] = [
      ['document', document.scrollingElement],
      ['conga-api-connections', root],
      ['root base', root?.shadowRoot?.querySelector('[part="base"]')],
      ['conga-connection-list', list],
      ['list base', list?.shadowRoot?.querySelector('[part="base"]')],
      ['table box', list?.shadowRoot?.querySelector('.table-scroll')],
    ];
    return boxes.map(([name, box]) => ({
      name,
      scrollWidth: box?.scrollWidth ?? Number.NaN,
      clientWidth: box?.clientWidth ?? Number.NaN,
    }));
  });
}

test('a save is confirmed by a visible, dismissible message that does not take focus', async ({page, demo}) => {
  await openAndSignIn(page, demo);
  const name = 'Conga Copilot in Salesforce';
  await table(page)
    .getByRole('button', {name: /^00D5g000008XyZaEAK\s*, edit the UI to API connection$/})
    .click();
  const form = tab(page).getByRole('dialog', {name: 'Edit API connection'});
  await expect(form.getByLabel('Client Name')).toHaveValue(name);
  await form.getByLabel('Description').fill('Saved by the issue 12 end-to-end test.');
  await form.getByRole('button', {name: 'Save', exact: true}).click();
  await expect(form).toBeHidden();

  const notice = tab(page).locator('[part="notice"]');
  await expect(notice).toBeVisible();
  // The name is wrapped in Unicode isolates (B1-06), which are invisible.
  await expect(notice.locator('p')).toHaveText(/^\u2068?Conga Copilot in Salesforce\u2069? was saved\.$/);
  // Focus is where the list put it (the saved row's identifier), not on the message.
  const focused = await page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.getAttribute('data-control') ?? null;
  });
  expect(focused).toBe('edit');
  await notice.getByRole('button', {name: 'Dismiss'}).click();
  await expect(notice).toBeHidden();
});

test('at 360px the list shows every connection with nothing scrolling sideways, and axe finds nothing', async ({
  page,
  demo,
}) => {
  await page.setViewportSize({width: 360, height: 800});
  await openAndSignIn(page, demo);
  const rows = table(page).locator('tbody').getByRole('row');
  await expect(rows).toHaveCount(4);

  for (const box of await sidewaysOverflow(page)) {
    expect(box.scrollWidth, `${box.name} scrolls sideways`).toBeLessThanOrEqual(box.clientWidth);
  }
  const viewport = page.viewportSize()!;
  for (const row of await rows.all()) {
    for (const part of [
      row.locator('td.identifier button'),
      row.locator('td.name'),
      row.locator('td.type'),
      row.locator('td.status'),
      row.locator('td.actions button'),
    ]) {
      await expect(part).toBeVisible();
      const box = (await part.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    }
  }
  const {passes, violations} = await axeViolations(page);
  expect(passes).toBeGreaterThan(10);
  expect(violations).toEqual([]);
  if (process.env.CONGA_SCREENSHOT) await page.screenshot({path: process.env.CONGA_SCREENSHOT, fullPage: true});
});
