import {html} from 'lit';
import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {SecretClosedEvent} from '../../events/secret-closed-event.js';
import {toolsMessages as messages} from '../connection-tools/tools-messages.js';
import '../api-connections/api-connections.js';
import './secret-reveal.js';
import type {ClipboardWriter, CongaSecretReveal} from './secret-reveal.js';
import {everythingInTheDom} from '../../testing.js';

const CLIENT_ID = '00000000-0000-4000-8000-00000000002a';
const SECRET = 'Sx9TestSecretValue_do-not-leak_7QpL2';

interface FakeClipboard extends ClipboardWriter {
  readonly writes: string[];
}

function fakeClipboard(refuse = false): FakeClipboard {
  const writes: string[] = [];
  return {
    writes,
    writeText(text: string) {
      if (refuse) return Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      writes.push(text);
      return Promise.resolve();
    },
  };
}

/** The values an element holds in its own properties, as text (Lit keeps reactive state under symbol keys). */
function ownStrings(element: object): string {
  return Reflect.ownKeys(element)
    .map((key) => (element as Record<PropertyKey, unknown>)[key])
    .map((value) => {
      if (typeof value === 'string') return value;
      if (value === null || typeof value !== 'object' || value instanceof Node) return '';
      try {
        return JSON.stringify(value);
      } catch {
        return '';
      }
    })
    .join('\n');
}

function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Mounted inside the root element, as the form shows it. The fixture's root must be a Lit element: for anything
 * else open-wc waits for an animation frame, which a background page (parallel test files) never gets.
 */
async function mount(clipboard: ClipboardWriter = fakeClipboard()) {
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections .apiClient=${createFakeApiClient(fakeSeed)} .session=${createFakeAuthSession()}>
      <button id="opener">Add API To API Connection</button>
      <conga-secret-reveal .clipboard=${clipboard}></conga-secret-reveal>
    </conga-api-connections>`,
  );
  const reveal = root.querySelector('conga-secret-reveal')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener');
  return {root, reveal, opener};
}

async function open(handoff: Parameters<CongaSecretReveal['show']>[0], clipboard?: ClipboardWriter) {
  const mounted = await mount(clipboard);
  mounted.opener?.focus();
  await mounted.reveal.show(handoff);
  return mounted;
}

function part(reveal: CongaSecretReveal, selector: string): HTMLElement {
  const element = reveal.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

function input(reveal: CongaSecretReveal, selector: string): HTMLInputElement {
  const element = part(reveal, selector);
  if (!(element instanceof HTMLInputElement)) throw new Error(`${selector} is not an input`);
  return element;
}

function dialogOf(reveal: CongaSecretReveal): HTMLDialogElement {
  const element = part(reveal, 'dialog');
  if (!(element instanceof HTMLDialogElement)) throw new Error('no dialog');
  return element;
}

function buttonNamed(reveal: CongaSecretReveal, name: string): HTMLButtonElement {
  const found = [...(reveal.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (button) => button.textContent.trim() === name,
  );
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

function text(reveal: CongaSecretReveal): string {
  return (reveal.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
}

describe('<conga-secret-reveal>', () => {
  it('is accessible with a secret, with the close question, and with only a Client ID', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    await expect(reveal).to.be.accessible();
    reveal.requestClose();
    await reveal.updateComplete;
    await expect(reveal).to.be.accessible();
    const other = await open({clientId: CLIENT_ID});
    await expect(other.reveal).to.be.accessible();
  });

  it('renders nothing and is closed by default', async () => {
    const {reveal} = await mount();
    expect(reveal.open).to.equal(false);
    expect(dialogOf(reveal).open).to.equal(false);
    expect(reveal.shadowRoot?.querySelector('input')).to.equal(null);
  });

  it('B4-03 shows Client ID and Client Secret read-only, unspellchecked, without autocomplete or autocapitalize', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    for (const id of ['#client-id', '#client-secret']) {
      const field = input(reveal, id);
      expect(field.readOnly, id).to.equal(true);
      expect(field.getAttribute('spellcheck'), id).to.equal('false');
      expect(field.getAttribute('autocomplete'), id).to.equal('off');
      expect(field.getAttribute('autocapitalize'), id).to.equal('off');
    }
    expect(input(reveal, '#client-id').value).to.equal(CLIENT_ID);
    expect(input(reveal, '#client-secret').value).to.equal(SECRET);
    // The secret is a property value, never an attribute a DOM serializer would pick up.
    expect(part(reveal, '#client-secret').hasAttribute('value')).to.equal(false);
    expect(text(reveal)).to.contain(messages.secretWarning);
    expect(text(reveal)).to.contain(messages.secretStored);
    expect(text(reveal)).to.contain(messages.secretTitleCreated);
  });

  it('titles a regenerated secret and asks to update it everywhere', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET, reason: 'regenerated'});
    expect(text(reveal)).to.contain(messages.secretTitleRegenerated);
    expect(text(reveal)).to.contain(messages.secretUpdateEverywhere);
  });

  it('offers "Get a token now" with the secret on screen, and takes it away with the secret', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    const tokenTest = reveal.shadowRoot?.querySelector('conga-token-test');
    expect(tokenTest?.clientId).to.equal(CLIENT_ID);
    expect(tokenTest?.clientSecret).to.equal(SECRET);
    await tokenTest?.updateComplete;
    // The hand-off's secret is used as it is: no field to paste it into.
    expect(tokenTest?.shadowRoot?.querySelector('input')).to.equal(null);
    await expect(reveal).to.be.accessible();
    reveal.shadowRoot?.querySelector<HTMLInputElement>('#stored')?.click();
    await reveal.updateComplete;
    part(reveal, '[part="done-button"]').click();
    await waitUntil(() => !reveal.open);
    expect(reveal.shadowRoot?.querySelector('conga-token-test')).to.equal(null);
  });

  it('offers no token request for a UI-to-API connection, which has no secret', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: null});
    expect(reveal.shadowRoot?.querySelector('conga-token-test')).to.equal(null);
  });

  it('shows only the Client ID of a UI-to-API connection and closes without a question', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: null});
    expect(reveal.shadowRoot?.querySelector('#client-secret')).to.equal(null);
    expect(reveal.shadowRoot?.querySelector('#stored')).to.equal(null);
    expect(text(reveal)).to.contain(messages.secretPublicClientNote);
    // Issue 12: after "Save & Generate Client Secret" on a UI-to-API connection, plain words about what happened.
    expect(reveal.shadowRoot?.querySelector('h2')?.textContent.trim()).to.equal('Client ID generated');
    expect(text(reveal)).to.contain('The Client ID was generated.');
    expect(text(reveal)).to.contain('This is a UI-to-API connection, so it has no client secret');
    expect(part(reveal, '[part="done-button"]').getAttribute('aria-disabled')).to.equal('false');
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    part(reveal, '[part="done-button"]').click();
    await closed;
    expect(reveal.open).to.equal(false);
  });

  it('B4-03 copies each value with the Clipboard API and announces "Copied"', async () => {
    const clipboard = fakeClipboard();
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET}, clipboard);
    part(reveal, '#copy-client-id').click();
    await waitUntil(() => part(reveal, '[role="status"]').textContent === messages.secretCopied);
    part(reveal, '#copy-client-secret').click();
    await waitUntil(() => clipboard.writes.length === 2);
    expect(clipboard.writes).to.deep.equal([CLIENT_ID, SECRET]);
    await waitUntil(() => part(reveal, '[role="status"]').textContent === messages.secretCopied);
  });

  it('copies both values as .env lines', async () => {
    const clipboard = fakeClipboard();
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET}, clipboard);
    part(reveal, '[part="env-button"]').click();
    await waitUntil(() => part(reveal, '[role="status"]').textContent === messages.secretCopiedEnv);
    expect(clipboard.writes).to.deep.equal([`CONGA_CLIENT_ID=${CLIENT_ID}\nCONGA_CLIENT_SECRET=${SECRET}`]);
  });

  it('does not close with Done until "I have stored the secret" is checked', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    const done = part(reveal, '[part="done-button"]');
    expect(done.getAttribute('aria-disabled')).to.equal('true');
    expect(text(reveal)).to.contain(messages.secretDoneHint);
    done.click();
    await reveal.updateComplete;
    expect(reveal.open).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('stored');
    input(reveal, '#stored').click();
    await reveal.updateComplete;
    expect(done.getAttribute('aria-disabled')).to.equal('false');
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    done.click();
    const event = await closed;
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(false);
    expect(Object.keys(event)).to.deep.equal(['isTrusted']);
  });

  it('C6-04 traps focus in a modal dialog, focuses Copy of the secret first and returns focus to the opener', async () => {
    const {reveal, opener} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    const dialog = dialogOf(reveal);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(deepActiveElement()?.id).to.equal('copy-client-secret');
    // The page behind a modal dialog is inert: it can't take focus.
    opener?.focus();
    expect(deepActiveElement()?.id).to.equal('copy-client-secret');
    input(reveal, '#stored').click();
    await reveal.updateComplete;
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    part(reveal, '[part="done-button"]').click();
    await closed;
    expect(document.activeElement).to.equal(opener);
  });

  it('C6-04 focuses Copy of the Client ID first when there is no secret', async () => {
    const {reveal} = await open({clientId: CLIENT_ID});
    expect(deepActiveElement()).to.equal(part(reveal, '#copy-client-id'));
  });

  it('B4-04 removes the secret from the DOM, shadow roots included, and from its state when it closes', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    // Both probes see the secret while it is shown, so their "not found" below means something.
    expect(everythingInTheDom()).to.contain(SECRET);
    expect(ownStrings(reveal)).to.contain(SECRET);
    input(reveal, '#stored').click();
    await reveal.updateComplete;
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    part(reveal, '[part="done-button"]').click();
    await closed;
    expect(everythingInTheDom()).to.not.contain(SECRET);
    expect(everythingInTheDom()).to.not.contain(CLIENT_ID);
    const state = reveal as unknown as Record<string, unknown>;
    expect(state.handoff).to.equal(undefined);
    expect(ownStrings(reveal)).to.not.contain(SECRET);
    expect(reveal.open).to.equal(false);
  });

  it('B4-04 drops the secret when it is removed from the page while open', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    reveal.remove();
    await reveal.updateComplete;
    expect(reveal.open).to.equal(false);
    expect(everythingInTheDom(reveal.shadowRoot!)).to.not.contain(SECRET);
  });

  it('B4-02 never writes the secret to the console, storage, the URL or the title', async () => {
    // Instrumented for this one case (B4-02 asks for it), and restored below.
    const logged: unknown[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'];
    const originals = methods.map((method) => [method, Object.getOwnPropertyDescriptor(console, method)] as const);
    for (const method of methods) {
      Object.defineProperty(console, method, {
        configurable: true,
        writable: true,
        value: (...args: unknown[]) => logged.push(args),
      });
    }
    try {
      const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET}, fakeClipboard(true));
      part(reveal, '#copy-client-secret').click();
      await waitUntil(() => part(reveal, '[role="status"]').textContent === messages.secretCopyFailed);
      input(reveal, '#stored').click();
      await reveal.updateComplete;
      const closed = oneEvent(reveal, SecretClosedEvent.eventName);
      part(reveal, '[part="done-button"]').click();
      await closed;
    } finally {
      for (const [method, descriptor] of originals) if (descriptor) Object.defineProperty(console, method, descriptor);
    }
    const storage = [localStorage, sessionStorage].flatMap((area) =>
      Array.from({length: area.length}, (_, index) => `${area.key(index)}=${area.getItem(area.key(index) ?? '')}`),
    );
    expect(JSON.stringify(logged)).to.not.contain(SECRET);
    expect(storage.join('\n')).to.not.contain(SECRET);
    expect(location.href).to.not.contain(SECRET);
    expect(document.title).to.not.contain(SECRET);
    expect(JSON.stringify(history.state)).to.not.contain(SECRET);
  });

  it('C4-04 asks before Escape closes it; Escape again answers "keep it open", and so does its button', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    await sendKeys({press: 'Escape'});
    await reveal.updateComplete;
    expect(text(reveal)).to.contain(messages.secretCloseQuestion);
    expect(deepActiveElement()?.id).to.equal('close-question');
    await sendKeys({press: 'Escape'});
    await reveal.updateComplete;
    expect(reveal.open).to.equal(true);
    expect(dialogOf(reveal).open).to.equal(true);
    expect(text(reveal)).to.not.contain(messages.secretCloseQuestion);
    expect(deepActiveElement()?.id).to.equal('copy-client-secret');
    await sendKeys({press: 'Escape'});
    await reveal.updateComplete;
    buttonNamed(reveal, messages.secretKeepOpen).click();
    await reveal.updateComplete;
    expect(text(reveal)).to.not.contain(messages.secretCloseQuestion);
    expect(dialogOf(reveal).open).to.equal(true);
    expect(input(reveal, '#client-secret').value).to.equal(SECRET);
  });

  it('C4-04 asks before a backdrop click or the × button closes it, and "Close anyway" closes it', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    // A click on ::backdrop reaches the dialog element with coordinates outside its box. (Synthetic: a real mouse
    // click through @web/test-runner-commands stalls when test files run in parallel pages.)
    dialogOf(reveal).dispatchEvent(new MouseEvent('click', {clientX: 1, clientY: 1, bubbles: true, composed: true}));
    await reveal.updateComplete;
    expect(text(reveal)).to.contain(messages.secretCloseQuestion);
    expect(reveal.open).to.equal(true);
    part(reveal, '[part="close-button"]').click();
    await reveal.updateComplete;
    expect(reveal.open).to.equal(true);
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    buttonNamed(reveal, messages.secretCloseAnyway).click();
    await closed;
    expect(reveal.open).to.equal(false);
    expect(everythingInTheDom()).to.not.contain(SECRET);
  });

  it('C4-04 reopens and asks when the browser closes the dialog on its own', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    dialogOf(reveal).close();
    // Hidden pages (parallel test files) get the `close` event late; deliver it now. The real one is then a no-op.
    dialogOf(reveal).dispatchEvent(new Event('close'));
    await waitUntil(() => text(reveal).includes(messages.secretCloseQuestion));
    expect(dialogOf(reveal).open).to.equal(true);
    expect(input(reveal, '#client-secret').value).to.equal(SECRET);
  });

  it('C4-04 guards beforeunload while the secret is unconfirmed, and not after it closed', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    const first = new Event('beforeunload', {cancelable: true});
    window.dispatchEvent(first);
    expect(first.defaultPrevented).to.equal(true);
    input(reveal, '#stored').click();
    await reveal.updateComplete;
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    part(reveal, '[part="done-button"]').click();
    await closed;
    const second = new Event('beforeunload', {cancelable: true});
    window.dispatchEvent(second);
    expect(second.defaultPrevented).to.equal(false);
  });

  it('closes with Escape once the admin confirmed storing the secret', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET});
    input(reveal, '#stored').click();
    await reveal.updateComplete;
    part(reveal, '#copy-client-id').focus();
    const closed = oneEvent(reveal, SecretClosedEvent.eventName);
    await sendKeys({press: 'Escape'});
    await closed;
    expect(reveal.open).to.equal(false);
  });

  it('C4-05 says "Copy failed" when the clipboard refuses, and leaves the secret selected for a manual copy', async () => {
    const {reveal} = await open({clientId: CLIENT_ID, clientSecret: SECRET}, fakeClipboard(true));
    part(reveal, '#copy-client-secret').click();
    await waitUntil(() => part(reveal, '[role="status"]').textContent === messages.secretCopyFailed);
    const field = input(reveal, '#client-secret');
    expect(field.value).to.equal(SECRET);
    expect(deepActiveElement()).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, SECRET.length]);
    expect(getComputedStyle(field).userSelect).to.not.equal('none');
  });
});
