import {html} from 'lit';
import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {DialogCancelledEvent} from '../../events/dialog-cancelled-event.js';
import {DialogConfirmedEvent} from '../../events/dialog-confirmed-event.js';
import {messages} from '../../messages.js';
import './confirm-dialog.js';
import type {CongaConfirmDialog} from './confirm-dialog.js';

async function mount() {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div>
      <button id="opener">Open</button>
      <conga-confirm-dialog heading="Deactivate ERP sync?" confirm-label="Deactivate" danger>
        <p>New token requests fail at once.</p>
      </conga-confirm-dialog>
    </div>`,
  );
  const opener = wrapper.querySelector<HTMLButtonElement>('#opener')!;
  const dialog = wrapper.querySelector<CongaConfirmDialog>('conga-confirm-dialog')!;
  return {opener, dialog};
}

function part(dialog: CongaConfirmDialog, name: string): HTMLElement {
  const element = dialog.shadowRoot?.querySelector<HTMLElement>(`[part="${name}"]`);
  if (!element) throw new Error(`no part ${name}`);
  return element;
}

async function open(dialog: CongaConfirmDialog, opener: HTMLButtonElement): Promise<void> {
  opener.focus();
  await dialog.show();
}

describe('<conga-confirm-dialog>', () => {
  it('is accessible when open', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    await expect(dialog).to.be.accessible();
  });

  it('is closed, with Confirm and Cancel labels, by default', async () => {
    const dialog = await fixture<CongaConfirmDialog>(html`<conga-confirm-dialog></conga-confirm-dialog>`);
    expect(dialog.open).to.equal(false);
    expect(part(dialog, 'confirm-button').textContent.trim()).to.equal(messages.confirm);
    expect(part(dialog, 'cancel-button').textContent.trim()).to.equal(messages.cancel);
    expect(dialog.danger).to.equal(false);
  });

  it('takes its title, labels and body from attributes and slots, and names the dialog by its title', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    const base = part(dialog, 'base') as HTMLDialogElement;
    expect(base.open).to.equal(true);
    expect(base.getAttribute('aria-labelledby')).to.equal('heading');
    expect(dialog.shadowRoot?.querySelector('#heading')?.textContent).to.contain('Deactivate ERP sync?');
    expect(part(dialog, 'confirm-button').textContent.trim()).to.equal('Deactivate');
    expect(part(dialog, 'confirm-button').classList.contains('danger')).to.equal(true);
    const body = dialog.shadowRoot?.querySelector<HTMLSlotElement>('#body slot');
    expect(
      body
        ?.assignedNodes({flatten: true})
        .map((node) => node.textContent)
        .join(''),
    ).to.contain('New token requests fail at once.');
  });

  it('shows a heading slot instead of the heading text, so a name can be wrapped in <bdi> (B1-06)', async () => {
    const dialog = await fixture<CongaConfirmDialog>(
      html`<conga-confirm-dialog heading="ignored"
        ><span slot="heading">Deactivate <bdi>${'\u202Eabc'}</bdi>?</span></conga-confirm-dialog
      >`,
    );
    const slot = dialog.shadowRoot?.querySelector<HTMLSlotElement>('slot[name="heading"]');
    expect(slot?.assignedElements()[0]?.querySelector('bdi')?.textContent).to.equal('\u202Eabc');
  });

  it('dispatches conga-dialog-confirmed once on a double click, inside the shadow root only', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    let count = 0;
    dialog.addEventListener(DialogConfirmedEvent.eventName, () => (count += 1));
    const confirmed = oneEvent(dialog, DialogConfirmedEvent.eventName);
    part(dialog, 'confirm-button').click();
    part(dialog, 'confirm-button').click();
    const event = await confirmed;
    expect(event.composed).to.equal(false);
    expect(dialog.open).to.equal(false);
    expect(count).to.equal(1);
  });

  it('dispatches conga-dialog-cancelled on Cancel and on close()', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    let cancelled = oneEvent(dialog, DialogCancelledEvent.eventName);
    part(dialog, 'cancel-button').click();
    await cancelled;
    await open(dialog, opener);
    cancelled = oneEvent(dialog, DialogCancelledEvent.eventName);
    dialog.close();
    await cancelled;
    expect(dialog.open).to.equal(false);
  });

  it('puts focus on Cancel when it opens and returns it to the opener when it closes', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    expect(dialog.shadowRoot?.activeElement).to.equal(part(dialog, 'cancel-button'));
    const confirmed = oneEvent(dialog, DialogConfirmedEvent.eventName);
    part(dialog, 'confirm-button').click();
    await confirmed;
    expect(document.activeElement).to.equal(opener);
  });

  it('cancels on Escape and gives focus back', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    const cancelled = oneEvent(dialog, DialogCancelledEvent.eventName);
    await sendKeys({press: 'Escape'});
    await cancelled;
    await waitUntil(() => document.activeElement === opener);
    expect(dialog.open).to.equal(false);
  });

  it('keeps Tab inside the open dialog', async () => {
    const {dialog, opener} = await mount();
    await open(dialog, opener);
    await sendKeys({press: 'Tab'});
    expect(dialog.shadowRoot?.activeElement).to.equal(part(dialog, 'confirm-button'));
    await sendKeys({press: 'Tab'});
    // The page behind a modal dialog is inert: focus never reaches the opener.
    expect(document.activeElement).to.not.equal(opener);
    dialog.close();
  });
});
