/**
 * Issue 12: created, saved, deactivated, reactivated and exported are confirmed on screen, not only to screen
 * readers: a message that stays until dismissed and never takes focus.
 */
import {expect, waitUntil} from '@open-wc/testing';
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import type {CongaApiConnections} from './api-connections.js';
import type {CongaConnectionList} from '../connection-list/connection-list.js';
import type {ExportFile} from '../bulk-actions/bulk-actions.js';
import {$, confirmDialog, mountList, openStatusDialog, rows} from '../../testing.js';

function banner(root: CongaApiConnections): HTMLElement | null {
  return root.shadowRoot?.querySelector<HTMLElement>('[part="notice"]') ?? null;
}

function bannerText(root: CongaApiConnections): string {
  return (
    banner(root)
      ?.querySelector('p')
      ?.textContent.replace(/[\u2068\u2069]/g, '')
      .trim() ?? ''
  );
}

/** The element that really has focus, through shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function isShown(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return element.checkVisibility({opacityProperty: true, visibilityProperty: true}) && box.height > 0;
}

function rowNamed(list: CongaConnectionList, name: string): HTMLTableRowElement {
  const row = rows(list).find((candidate) => candidate.querySelector('td.name')?.textContent.trim() === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
}

async function changeStatus(list: CongaConnectionList, name: string): Promise<HTMLButtonElement> {
  const button = await openStatusDialog(list, rowNamed(list, name));
  confirmDialog(list).shadowRoot!.querySelector<HTMLElement>('[part="confirm-button"]')!.click();
  return button;
}

describe('<conga-api-connections> confirmations', () => {
  it('is accessible while it shows a confirmation', async () => {
    const {root, list} = await mountList();
    await changeStatus(list, 'ERP nightly sync');
    await waitUntil(() => banner(root), 'no visible confirmation');
    await expect(root).to.be.accessible();
  });

  it('shows "… is deactivated." and leaves focus on the row button, then Dismiss removes it', async () => {
    const {root, list} = await mountList();
    expect(banner(root)).to.equal(null);
    const button = await changeStatus(list, 'ERP nightly sync');
    await waitUntil(() => banner(root), 'no visible confirmation');
    await waitUntil(() => list.shadowRoot?.activeElement === button, 'focus did not return to the row');
    expect(bannerText(root)).to.equal('ERP nightly sync is deactivated.');
    const shown = banner(root)!;
    expect(isShown(shown)).to.equal(true);
    // Not a second live region (the root's hidden one announced it) and never focused.
    expect(shown.matches('[role], [aria-live]')).to.equal(false);
    expect(shown.querySelector('[role="status"], [role="alert"], [aria-live]')).to.equal(null);
    expect(deepActiveElement()).to.equal(button);
    const dismiss = shown.querySelector<HTMLButtonElement>('button')!;
    expect(dismiss.textContent.trim()).to.equal('Dismiss');
    dismiss.focus();
    dismiss.click();
    await waitUntil(() => banner(root) === null, 'Dismiss did not remove it');
    // Focus goes somewhere sensible, not to the page's body.
    expect(root.shadowRoot!.activeElement?.id).to.equal('title');
  });

  it('shows "… is active again." after a reactivation', async () => {
    const {root, list} = await mountList();
    await changeStatus(list, 'Reporting export (sandbox)');
    await waitUntil(() => bannerText(root) !== '', 'no visible confirmation');
    expect(bannerText(root)).to.equal('Reporting export (sandbox) is active again.');
  });

  it('shows "… was added." after a create and "… was saved." after an edit, focus on the row', async () => {
    const {root, list, api} = await mountList();
    const form = $(list, 'conga-connection-form');
    const created = await api.apiConnections.create('00D000000NEWORGAAA', 'UItoAPI', {ClientName: 'New portal'});
    form.dispatchEvent(new ConnectionCreatedEvent(created));
    form.dispatchEvent(new FormClosedEvent());
    await waitUntil(() => bannerText(root) === 'New portal was added.', 'no visible "added"');
    await waitUntil(
      () => list.shadowRoot?.activeElement?.getAttribute('data-control') === 'edit',
      'the new row never got focus',
    );
    expect(isShown(banner(root)!)).to.equal(true);
    const saved: ApiConnectionResponse = {...created, ClientName: 'New portal v2'};
    form.dispatchEvent(new ConnectionUpdatedEvent(saved, false));
    form.dispatchEvent(new FormClosedEvent());
    await waitUntil(() => bannerText(root) === 'New portal v2 was saved.', 'no visible "saved"');
    expect(deepActiveElement()?.getAttribute('data-control')).to.equal('edit');
  });

  it('shows "Exported N connections as CSV." after an export', async () => {
    const {root, list} = await mountList();
    const files: ExportFile[] = [];
    list.download = (file) => files.push(file);
    await list.updateComplete;
    const exportButton = $(list, 'button[data-format="csv"]');
    exportButton.focus();
    exportButton.click();
    await waitUntil(() => bannerText(root) !== '', 'no visible confirmation');
    expect(files).to.have.length(1);
    expect(bannerText(root)).to.equal('Exported 5 connections as CSV.');
    expect(deepActiveElement()).to.equal(exportButton);
  });
});
