/**
 * Fixtures and helpers of <conga-connection-form>'s component tests (widget/src/components/connection-form/
 * connection-form.browser.test.ts and form-errors.browser.test.ts): the form mounted inside a real
 * <conga-api-connections> with the fake API client and session, and the steps and reads those tests share. It lives
 * here, outside widget/src, because a module there would count as the element's source: it would be listed in
 * custom-elements.json, emitted into the library's types and scanned by the visible-text check.
 */
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {fixture, oneEvent, waitUntil} from '@open-wc/testing';
import type {
  ApiClient,
  ApiConnectionResponse,
  ConnectionType,
  ExternalIntegration,
} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {FormClosedEvent} from '../../widget/src/events/form-closed-event.js';
import {messages} from '../../widget/src/components/connection-form/form-messages.js';
import type {CongaSecretReveal} from '../../widget/src/components/secret-reveal/secret-reveal.js';
import type {CongaConnectionForm} from '../../widget/src/components/connection-form/connection-form.js';
import '../../widget/src/components/api-connections/api-connections.js';
import '../../widget/src/components/connection-form/connection-form.js';

// ---------------------------------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------------------------------

/** An integration with no connection of either type yet. */
export const FREE: ExternalIntegration = {
  Id: 'e1a1b2c3-0000-4000-8000-000000000009',
  ExternalId: '00DNEW000000001AAA',
  Type: 'Prod',
  Description: 'Globex production org',
  Provider: 'Salesforce',
};
const INTEGRATIONS: ExternalIntegration[] = [...fakeSeed.integrations, FREE];
/** The seed's API-to-API connection that the edit tests open. */
export const A2A_ID = '00D5g000004CmQwEAK';
/** The seed's UI-to-API connection that the edit tests open. */
export const UI_ID = '00D5g000004CmQwEAK';

interface MountOptions {
  mode?: 'create' | 'edit';
  type?: ConnectionType;
  externalIdentifier?: string;
  api?: ApiClient;
  existing?: ApiConnectionResponse[];
  integrations?: ExternalIntegration[];
  clipboard?: {writeText(text: string): Promise<void>};
  /** Whether to open the form; default yes. */
  shown?: boolean;
}

async function seedList(): Promise<ApiConnectionResponse[]> {
  return (await createFakeApiClient(fakeSeed).apiConnections.list()).items;
}

export async function mount(options: MountOptions = {}) {
  const api = options.api ?? createFakeApiClient(fakeSeed);
  const existing = options.existing ?? (await seedList());
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections .apiClient=${api} .session=${createFakeAuthSession()}>
      <button id="opener">Open the form</button>
      <conga-connection-form
        mode=${options.mode ?? 'create'}
        connection-type=${options.type ?? 'APItoAPI'}
        external-identifier=${ifDefined(options.externalIdentifier)}
        .integrations=${options.integrations ?? INTEGRATIONS}
        .existing=${existing}
        .clipboard=${options.clipboard}
      ></conga-connection-form>
    </conga-api-connections>`,
  );
  const form = root.querySelector('conga-connection-form')!;
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  await form.updateComplete;
  if (options.shown === false) return {root, form, opener, api};
  opener.focus();
  form.show();
  await form.updateComplete;
  if (options.mode === 'edit') await editFormLoaded(form);
  return {root, form, opener, api};
}

/**
 * Until the edit form shows its connection. It loads its parts (a chunk) with the connection; the first time, the test
 * server compiles that module graph, which took over waitUntil's default second on a busy CI machine.
 */
export async function editFormLoaded(form: CongaConnectionForm): Promise<void> {
  await waitUntil(() => form.shadowRoot?.querySelector('#client-id'), 'the edit form did not load', {timeout: 10_000});
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------------

export function $(form: CongaConnectionForm, selector: string): HTMLElement {
  const element = form.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

export function maybe(form: CongaConnectionForm, selector: string): HTMLElement | null {
  return form.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

export function control(form: CongaConnectionForm, id: string): HTMLInputElement {
  const element = $(form, `#${id}`);
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) {
    throw new Error(`#${id} is not a text control`);
  }
  return element as HTMLInputElement;
}

export function select(form: CongaConnectionForm): HTMLSelectElement {
  const element = $(form, '#field-ExternalIdentifier');
  if (!(element instanceof HTMLSelectElement)) throw new Error('no select');
  return element;
}

export function rowInputs(form: CongaConnectionForm, field: string): HTMLInputElement[] {
  return [...(form.shadowRoot?.querySelectorAll<HTMLInputElement>(`input[id^="field-${field}-"]`) ?? [])];
}

export function buttonNamed(form: CongaConnectionForm, name: string): HTMLButtonElement {
  const found = [...(form.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (button) => !button.closest('[hidden]') && button.textContent.replace(/\s+/g, ' ').trim() === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export function text(element: Element | ShadowRoot | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ');
}

export function dialogText(form: CongaConnectionForm): string {
  return text($(form, 'dialog'));
}

export async function typeInto(form: CongaConnectionForm, input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await form.updateComplete;
}

export async function leave(form: CongaConnectionForm, input: HTMLElement): Promise<void> {
  // A page without system focus (test files run in parallel pages) fires no blur for blur(): send the event itself.
  input.dispatchEvent(new FocusEvent('blur'));
  await form.updateComplete;
}

export async function choose(form: CongaConnectionForm, identifier: string): Promise<void> {
  const element = select(form);
  element.value = identifier;
  element.dispatchEvent(new Event('change', {bubbles: true}));
  await form.updateComplete;
}

/** The message element an input's aria-describedby points at, as text. */
export function describedText(form: CongaConnectionForm, input: Element): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => text(form.shadowRoot?.getElementById(id))).join(' ');
}

export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export function writes(api: FakeApiClient): string[] {
  return api.calls
    .map((call) => call.operation)
    .filter((operation) => ['apiConnections.create', 'apiConnections.update'].includes(operation));
}

export function callsOf(api: FakeApiClient, operation: string): unknown[][] {
  return api.calls.filter((call) => call.operation === operation).map((call) => call.args);
}

export function revealOf(form: CongaConnectionForm): CongaSecretReveal {
  return form.shadowRoot!.querySelector('conga-secret-reveal')!;
}

export async function finishHandoff(form: CongaConnectionForm): Promise<void> {
  const reveal = revealOf(form);
  const stored = reveal.shadowRoot?.querySelector<HTMLInputElement>('#stored');
  stored?.click();
  await reveal.updateComplete;
  const closed = oneEvent(form, FormClosedEvent.eventName);
  reveal.shadowRoot?.querySelector<HTMLButtonElement>('[part="done-button"]')?.click();
  await closed;
}

/**
 * Wraps an API client so a test can hold or replace single operations; `attempts` counts calls before the fake
 * sees them, so a request stuck in flight still counts.
 */
export function withHooks(
  api: FakeApiClient,
  hooks: Partial<Record<'create' | 'update' | 'get', (...args: never[]) => Promise<unknown>>>,
) {
  const attempts: string[] = [];
  const connections = api.apiConnections;
  const wrapped: FakeApiClient = {
    ...api,
    calls: api.calls,
    apiConnections: {
      ...connections,
      get: (...args: Parameters<ApiClient['apiConnections']['get']>) => {
        attempts.push('get');
        return (hooks.get as typeof connections.get | undefined)?.(...args) ?? connections.get(...args);
      },
      create: (...args: Parameters<ApiClient['apiConnections']['create']>) => {
        attempts.push('create');
        return (hooks.create as typeof connections.create | undefined)?.(...args) ?? connections.create(...args);
      },
      update: (...args: Parameters<ApiClient['apiConnections']['update']>) => {
        attempts.push('update');
        return (hooks.update as typeof connections.update | undefined)?.(...args) ?? connections.update(...args);
      },
    },
  };
  return {api: wrapped, attempts};
}

export function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return {promise, release};
}

export async function fillApiToApi(form: CongaConnectionForm, name = 'Globex ERP sync'): Promise<void> {
  await choose(form, FREE.ExternalId);
  await typeInto(form, control(form, 'field-ClientName'), name);
  await typeInto(form, control(form, 'field-Description'), 'Nightly export.');
}

export async function fillUiToApi(form: CongaConnectionForm): Promise<void> {
  await choose(form, FREE.ExternalId);
  await typeInto(form, control(form, 'field-ClientName'), 'Globex portal');
  const [first] = rowInputs(form, 'RedirectURI');
  await typeInto(form, first!, 'https://portal.globex.example/auth/callback');
}

/** Adds Allowed Scopes rows with these values (a new UI-to-API connection starts with none, issue 12). */
export async function addScopes(form: CongaConnectionForm, scopes: string[]): Promise<void> {
  for (const scope of scopes) {
    buttonNamed(form, messages.formAddScope).click();
    await form.updateComplete;
    await typeInto(form, rowInputs(form, 'AllowedScopes').at(-1)!, scope);
  }
}

export async function submit(form: CongaConnectionForm): Promise<void> {
  $(form, '[part="save-button"]').click();
  await form.updateComplete;
}

// ---------------------------------------------------------------------------------------------------------------------
