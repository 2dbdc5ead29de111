/**
 * Issue 12: in a side panel (about 360px), the toolbar popup (about 400px) or on a phone, every connection's External
 * Identifier, name, type, status and actions are in view with no sideways scrolling; the layout follows the
 * element's own width (a container query), and long or hostile names stay inside their cells at every width.
 */
import {expect} from '@open-wc/testing';
import {fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClientSeed} from '@conga-connections/api-client/testing';
import type {CongaApiConnections} from '../api-connections/api-connections.js';
import type {CongaConnectionList} from './connection-list.js';
import {mountList, rows} from '../../testing.js';

const UNBROKEN = `Integration${'X'.repeat(150)}`;
/** Stacked combining marks ("Zalgo" text): each letter carries dozens of marks drawn above and below the line. */
const STACKED = `Z${'\u0301\u0316\u0317\u0318\u0319\u031C\u0300\u0302\u0303\u0304'.repeat(6)}algo name`;
const GUID = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4fabcdefabcdef';

const SEED: FakeApiClientSeed = {
  ...fakeSeed,
  connections: [
    ...fakeSeed.connections,
    {
      type: 'UItoAPI',
      ExternalIdentifier: GUID,
      ClientId: `${'c'.repeat(60)}-client`,
      ClientName: UNBROKEN,
      Description: `https://example.com/${'path/'.repeat(40)}`,
      IsActive: true,
    },
    {type: 'APItoAPI', ExternalIdentifier: '00D5g000004CmQwZZZ', ClientName: STACKED, IsActive: false},
  ],
};

async function mountAt(width: number) {
  const mounted = await mountList({seed: SEED});
  mounted.root.style.display = 'block';
  mounted.root.style.width = `${String(width)}px`;
  await mounted.list.updateComplete;
  return mounted;
}

/** Every element that could scroll sideways: the root's wrapper, the list, its table box, and the hosts. */
function scrollContainers(root: CongaApiConnections, list: CongaConnectionList): HTMLElement[] {
  const inside = [
    root.shadowRoot!.querySelector<HTMLElement>('[part="base"]'),
    list.shadowRoot!.querySelector<HTMLElement>('[part="base"]'),
    list.shadowRoot!.querySelector<HTMLElement>('.table-scroll'),
  ];
  return [root, list, ...inside].filter((element): element is HTMLElement => element !== null);
}

function within(inner: DOMRect, outer: DOMRect): boolean {
  // Half a pixel of rounding either way.
  return inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;
}

function shown(element: Element | null): element is HTMLElement {
  if (!(element instanceof HTMLElement)) return false;
  const box = element.getBoundingClientRect();
  return element.checkVisibility() && box.width > 0 && box.height > 0;
}

/** The cells whose text comes from other systems, which must never spill out sideways. */
const TEXT_CELLS = ['td.identifier', 'td.name', 'td.description', 'td.client-id'];

function expectCellsContained(list: CongaConnectionList): void {
  for (const row of rows(list)) {
    for (const selector of TEXT_CELLS) {
      const cell = row.querySelector<HTMLElement>(selector)!;
      expect(cell.scrollWidth, `${selector} of ${row.dataset.key ?? ''}`).to.be.at.most(cell.clientWidth);
    }
  }
}

for (const width of [360, 400]) {
  describe(`<conga-connection-list> at ${String(width)}px`, () => {
    it('is accessible', async () => {
      const {root} = await mountAt(width);
      await expect(root).to.be.accessible();
    });

    it('scrolls nowhere sideways', async () => {
      const {root, list} = await mountAt(width);
      for (const container of scrollContainers(root, list)) {
        expect(container.scrollWidth, container.getAttribute('part') ?? container.localName).to.be.at.most(
          container.clientWidth,
        );
      }
    });

    it('shows every row’s External Identifier, name, type, status and action inside the element', async () => {
      const {root, list} = await mountAt(width);
      const bounds = root.getBoundingClientRect();
      expect(rows(list)).to.have.length(SEED.connections!.length);
      for (const row of rows(list)) {
        const parts = {
          identifier: row.querySelector('td.identifier [data-control="edit"]'),
          name: row.querySelector('td.name'),
          type: row.querySelector('td.type'),
          status: row.querySelector('td.status .badge'),
          action: row.querySelector('td.actions [data-control="status"]'),
        };
        for (const [what, element] of Object.entries(parts)) {
          expect(shown(element), `${what} of ${row.dataset.key ?? ''} is shown`).to.equal(true);
          expect(within((element as HTMLElement).getBoundingClientRect(), bounds), `${what} is inside`).to.equal(true);
        }
      }
    });

    it('keeps long unbroken names and stacked combining marks inside their cells', async () => {
      const {list} = await mountAt(width);
      expectCellsContained(list);
      const stacked = rows(list).find((row) => row.querySelector('td.name')?.textContent.includes('algo name'));
      expect(getComputedStyle(stacked!.querySelector('td.name')!).overflow).to.equal('hidden');
    });
  });
}

describe('<conga-connection-list> wide', () => {
  it('keeps the table layout, with long names inside their cells, at 1280px and 800px', async () => {
    const {root, list} = await mountAt(1280);
    expect(getComputedStyle(list.shadowRoot!.querySelector('tbody tr')!).display).to.equal('table-row');
    expectCellsContained(list);
    root.style.width = '800px';
    await list.updateComplete;
    expectCellsContained(list);
  });

  it('follows its own width, not the viewport’s: the same viewport gives cards in a 360px container', async () => {
    const {list} = await mountAt(360);
    expect(window.innerWidth).to.be.greaterThan(700);
    expect(getComputedStyle(list.shadowRoot!.querySelector('tbody tr')!).display).to.equal('grid');
  });
});
