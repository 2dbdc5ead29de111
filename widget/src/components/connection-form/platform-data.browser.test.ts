/**
 * Issue 12: the form against data shaped exactly like the published specification's examples, read by the real API
 * client: null and empty Allowed Scopes, null lookups, zone-less and year-1 dates, comma-separated strings.
 */
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, fixture, oneEvent, waitUntil} from '@open-wc/testing';
import type {ConnectionType} from '@conga-connections/api-client';
import {specGetExample} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import {createSpecPlatform} from '../../testing.js';
import {editFormLoaded} from '../../../../tests/support/connection-form-fixtures.js';
import type {SpecRequest} from '../../testing.js';
import '../api-connections/api-connections.js';
import './connection-form.js';
import type {CongaConnectionForm} from './connection-form.js';

const IDENTIFIER = 'ABCDEFGHI123456789';
const SECOND = 'ZONELESS0000000001';

const DATA = {
  list: [],
  byId: {
    // The example as a UI-to-API connection: its Redirect URI as the comma-separated string the schema types.
    [`${IDENTIFIER}|UItoAPI`]: {...specGetExample, APIType: 'UI to API', RedirectURI: 'https://www.sampleabc.com/'},
    [`${IDENTIFIER}|APItoAPI`]: specGetExample,
    // The list example's empty arrays and '' strings, zone-less dates and a lookup whose name is null.
    [`${SECOND}|UItoAPI`]: {
      ...specGetExample,
      APIType: 'UI to API',
      ExternalIdentifier: SECOND,
      RedirectURI: 'https://a.example.com/cb,https://b.example.com/cb',
      CorsOrigins: [],
      AllowedScopes: [],
      BackChannelLogoutURI: '',
      FrontChannelLogoutURI: '',
      CreatedBy: {Id: null, Name: null},
      CreatedDate: '2025-03-04T10:20:30',
      ModifiedBy: {Id: 'u-1', Name: 'Ada Admin'},
      ModifiedDate: '2025-03-05T08:00:00.1234567',
    },
  },
  integrations: [{ExternalId: 'NEWORG000000000001', Type: 'Prod', Description: 'New org'}],
};

async function mount(options: {mode: 'create' | 'edit'; type: ConnectionType; externalIdentifier?: string}) {
  const {api, requests} = createSpecPlatform(DATA);
  const root = await fixture<HTMLElement>(
    html`<conga-api-connections .apiClient=${api} .session=${createFakeAuthSession()}>
      <conga-connection-form
        mode=${options.mode}
        connection-type=${options.type}
        external-identifier=${ifDefined(options.externalIdentifier)}
        .integrations=${DATA.integrations}
      ></conga-connection-form>
    </conga-api-connections>`,
  );
  const form = root.querySelector('conga-connection-form')!;
  await form.updateComplete;
  form.show();
  await form.updateComplete;
  if (options.mode === 'edit') await editFormLoaded(form);
  return {form, requests};
}

function $(form: CongaConnectionForm, selector: string): HTMLElement {
  const element = form.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`no ${selector}`);
  return element;
}

function text(element: Element): string {
  return element.textContent.replace(/\s+/g, ' ').trim();
}

async function typeInto(form: CongaConnectionForm, selector: string, value: string): Promise<void> {
  const input = $(form, selector) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await form.updateComplete;
}

function writes(requests: SpecRequest[]): SpecRequest[] {
  return requests.filter((request) => request.method === 'PUT' || request.method === 'POST');
}

/** Renames the connection, saves (confirming a regeneration if asked) and returns the one write it sent. */
async function renameAndSave(form: CongaConnectionForm, requests: SpecRequest[], name: string) {
  await typeInto(form, '#field-ClientName', name);
  const updated = oneEvent(form, ConnectionUpdatedEvent.eventName);
  $(form, '[part="save-button"]').click();
  await form.updateComplete;
  const confirm = [...(form.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => text(b) === 'Confirm');
  if (confirm && !confirm.closest('[hidden]')) confirm.click();
  await updated;
  expect(form.shadowRoot?.querySelector('#error-summary')).to.equal(null);
  const sent = writes(requests);
  expect(sent).to.have.length(1);
  return sent[0]!;
}

describe('<conga-connection-form> with the specification’s example data', () => {
  it('opens the GET example (null lists, null lookups, year-1 dates) and reads "unknown", never year 1', async () => {
    const {form} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: IDENTIFIER});
    const details = text($(form, '[part="details"]'));
    expect(details).to.contain('Created unknown, unknown');
    expect(details).to.contain('Modified unknown, unknown');
    expect(details).to.not.match(/\b0?001\b|\b1 AD\b/);
    expect(($(form, '#client-id') as HTMLInputElement).value).to.equal(specGetExample.ClientId);
    const redirects = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[id^="field-RedirectURI-"]')];
    expect(redirects.map((input) => input.value)).to.deep.equal(['https://www.sampleabc.com/']);
    // The empty scopes are explained, not demanded.
    expect(text($(form, '#help-AllowedScopes'))).to.contain('saving leaves its scopes as they are');
  });

  it('saves a rename of an empty-scope (null) connection with every other field exactly as loaded', async () => {
    const {form, requests} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: IDENTIFIER});
    const put = await renameAndSave(form, requests, 'ClientA renamed');
    expect(put.path).to.equal(`/api/user-management/v1/api-connections/${IDENTIFIER}`);
    expect(put.query.get('apiConnectionType')).to.equal('UItoAPI');
    expect(put.body).to.deep.equal({
      ClientName: 'ClientA renamed',
      Description: 'ClientA Description',
      RedirectURI: ['https://www.sampleabc.com/'],
      CorsOrigins: null,
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: null,
      AllowedScopes: null,
    });
  });

  it('saves a rename of a connection whose scopes are [] with [] (zone-less dates, comma-separated lists)', async () => {
    const {form, requests} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: SECOND});
    const details = text($(form, '[part="details"]'));
    // Zone-less dates read as UTC and are shown as dates; a lookup without a name reads "unknown".
    expect(details).to.match(/Created unknown, \u2068.*2025/);
    expect(details).to.match(/Modified \u2068Ada Admin\u2069, \u2068.*2025/);
    const put = await renameAndSave(form, requests, 'Second renamed');
    expect(put.body).to.deep.equal({
      ClientName: 'Second renamed',
      Description: 'ClientA Description',
      RedirectURI: ['https://a.example.com/cb', 'https://b.example.com/cb'],
      CorsOrigins: [],
      BackChannelLogoutURI: '',
      FrontChannelLogoutURI: '',
      AllowedScopes: [],
    });
  });

  it('saves a rename of the API-to-API example without browser fields, its null scopes kept null', async () => {
    const {form, requests} = await mount({mode: 'edit', type: 'APItoAPI', externalIdentifier: IDENTIFIER});
    const put = await renameAndSave(form, requests, 'ClientA v2');
    expect(put.body).to.deep.equal({ClientName: 'ClientA v2', Description: 'ClientA Description', AllowedScopes: null});
  });

  it('creates a UI-to-API connection with Allowed Scopes left empty, then says the Client ID was generated', async () => {
    const {form, requests} = await mount({mode: 'create', type: 'UItoAPI'});
    const select = $(form, '#field-ExternalIdentifier') as HTMLSelectElement;
    select.value = 'NEWORG000000000001';
    select.dispatchEvent(new Event('change', {bubbles: true}));
    await typeInto(form, '#field-ClientName', 'Portal');
    await typeInto(form, 'input[id^="field-RedirectURI-"]', 'https://portal.example.com/cb');
    expect(form.shadowRoot!.querySelectorAll('input[id^="field-AllowedScopes-"]')).to.have.length(0);
    $(form, '[part="save-button"]').click();
    const reveal = form.shadowRoot!.querySelector('conga-secret-reveal')!;
    await waitUntil(() => reveal.open, 'no hand-off');
    expect(form.shadowRoot?.querySelector('#error-summary')).to.equal(null);
    const [post] = writes(requests);
    expect(post?.method).to.equal('POST');
    expect(post?.body).to.deep.include({AllowedScopes: []});
    const revealText = text(reveal.shadowRoot!.querySelector('dialog')!);
    expect(revealText).to.contain('Client ID generated');
    expect(revealText).to.contain('The Client ID was generated.');
    expect(revealText).to.contain('it has no client secret');
    const closed = oneEvent(form, FormClosedEvent.eventName);
    reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part="done-button"]')!.click();
    await closed;
  });
});
