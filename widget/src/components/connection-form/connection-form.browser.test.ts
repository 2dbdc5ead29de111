/**
 * <conga-connection-form>: accessibility, defaults, the fixes Test sign-in asks for, properties, validation and events
 * (keyboard and error states are in form-errors.browser.test.ts; the shared fixtures in
 * tests/support/connection-form-fixtures.ts).
 */
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import type {FakeApiClient} from '@conga-connections/api-client/testing';
import {REASONS} from '@conga-connections/validation';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {ConnectionUpdatedEvent} from '../../events/connection-updated-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import {RequestAddValueEvent} from '../../events/request-add-value-event.js';
import {SecretClosedEvent} from '../../events/secret-closed-event.js';
import {messages} from './edit-messages.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import '../api-connections/api-connections.js';
import './connection-form.js';
import {everythingInTheDom} from '../../testing.js';
import {
  $,
  A2A_ID,
  FREE,
  UI_ID,
  addScopes,
  buttonNamed,
  callsOf,
  control,
  deepActiveElement,
  describedText,
  dialogText,
  editFormLoaded,
  fillApiToApi,
  fillUiToApi,
  finishHandoff,
  leave,
  maybe,
  mount,
  revealOf,
  rowInputs,
  select,
  submit,
  text,
  typeInto,
  writes,
} from '../../../../tests/support/connection-form-fixtures.js';

describe('<conga-connection-form>', () => {
  afterEach(() => {
    window.dispatchEvent(new Event('online'));
  });

  describe('accessibility', () => {
    it('is accessible empty, for both types', async () => {
      const {form} = await mount();
      await expect(form).to.be.accessible();
      const ui = await mount({type: 'UItoAPI'});
      await expect(ui.form).to.be.accessible();
    });

    it('is accessible with errors and the error summary', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      await typeInto(form, rowInputs(form, 'RedirectURI')[0]!, 'http://app.example.com/cb#x');
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      await expect(form).to.be.accessible();
    });

    it('is accessible in the edit view and at the regenerate confirmation', async () => {
      const {form} = await mount({mode: 'edit', externalIdentifier: A2A_ID});
      await expect(form).to.be.accessible();
      await submit(form);
      await waitUntil(() => dialogText(form).includes(messages.formRegenerateWarning));
      await expect(form).to.be.accessible();
    });

    it('is accessible while the secret is handed over', async () => {
      const {form} = await mount();
      await fillApiToApi(form);
      await submit(form);
      await waitUntil(() => revealOf(form).open);
      await expect(form).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('renders only the closed dialog until it is first shown, then keeps its fields for the next opening', async () => {
      const {form} = await mount({shown: false});
      const dialog = () => $(form, 'dialog') as HTMLDialogElement;
      // What the list's idle preload upgrades: no field yet, so the upgrade costs little whenever the chunk lands.
      expect(dialog().open).to.equal(false);
      expect(maybe(form, '#field-ExternalIdentifier')).to.equal(null);
      form.show();
      await form.updateComplete;
      await waitUntil(() => dialog().open, 'the form did not open');
      const field = $(form, '#field-ExternalIdentifier');
      $(form, '[part="close-button"]').click();
      await waitUntil(() => !dialog().open, 'the form did not close');
      expect(maybe(form, '#field-ExternalIdentifier')).to.equal(field);
    });

    it('shows the documented API-to-API fields and button, and no URI, origin, logout or scope fields (A3-07)', async () => {
      const {form} = await mount();
      expect(text($(form, '#form-title'))).to.equal(messages.formTitleCreateApiToApi);
      expect(text($(form, 'label[for="field-ExternalIdentifier"]'))).to.contain('External Identifier');
      expect(text($(form, 'label[for="field-ClientName"]'))).to.contain('Client Name');
      expect(text($(form, 'label[for="field-Description"]'))).to.contain('Description');
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save & Generate Client Secret');
      for (const field of ['RedirectURI', 'CorsOrigins', 'BackChannelLogoutURI', 'FrontChannelLogoutURI']) {
        expect(maybe(form, `[id^="field-${field}"]`), field).to.equal(null);
      }
      expect(dialogText(form)).to.not.contain('Allowed Scopes');
      expect($(form, 'dialog').matches(':modal')).to.equal(true);
      expect(deepActiveElement()).to.equal(select(form));
    });

    it('shows every documented UI-to-API field, one empty redirect row and no scopes (issue 12)', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      expect(text($(form, '#form-title'))).to.equal(messages.formTitleCreateUiToApi);
      const legends = [...form.shadowRoot!.querySelectorAll('legend')].map((legend) =>
        text(legend).replace('*', '').trim(),
      );
      expect(legends).to.deep.equal(['Redirect URI', 'Cors Origins', 'Allowed Scopes']);
      expect(text($(form, 'label[for="field-BackChannelLogoutURI"]'))).to.contain('Back Channel Logout URI');
      expect(text($(form, 'label[for="field-FrontChannelLogoutURI"]'))).to.contain('Front Channel Logout URI');
      expect(rowInputs(form, 'RedirectURI').map((input) => input.value)).to.deep.equal(['']);
      expect(rowInputs(form, 'CorsOrigins')).to.have.length(0);
      expect(rowInputs(form, 'AllowedScopes')).to.have.length(0);
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save & Generate Client Secret');
      expect(rowInputs(form, 'RedirectURI')[0]!.getAttribute('aria-label')).to.equal('Redirect URI 1');
    });

    it('shows an API-to-API connection for editing: read-only identifier, Client ID, who and when, status', async () => {
      const {form, api} = await mount({mode: 'edit', externalIdentifier: A2A_ID});
      expect(text($(form, '#form-title'))).to.equal(messages.formTitleEdit);
      expect(callsOf(api as FakeApiClient, 'apiConnections.get')).to.deep.equal([[A2A_ID, 'APItoAPI']]);
      const identifier = control(form, 'field-ExternalIdentifier');
      expect(identifier.readOnly).to.equal(true);
      expect(identifier.value).to.equal(A2A_ID);
      expect(control(form, 'client-id').value).to.equal('7c9e6679-7425-40de-944b-e07fc1f90ae7');
      expect(control(form, 'field-ClientName').value).to.equal('ERP nightly sync');
      const details = text($(form, '[part="details"]'));
      const date = (iso: string) =>
        new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'}).format(new Date(iso));
      // A name and a date are each bidi-isolated (U+2068 … U+2069), so they keep their order in a right-to-left sentence.
      const isolated = (value: string) => `\u2068${value}\u2069`;
      expect(details).to.contain(
        `Created ${messages.formByOn(isolated('Ada Admin'), isolated(date('2025-01-06T09:15:00.000Z')))}`,
      );
      expect(details).to.contain(
        `Modified ${messages.formByOn('unknown', isolated(date('2025-02-11T16:40:00.000Z')))}`,
      );
      expect(details).to.contain(`Status ${messages.active}`);
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save & Regenerate Client Secret');
      expect(deepActiveElement()).to.equal(control(form, 'field-ClientName'));
    });

    it('says "unknown" for a missing date and saves a UI-to-API edit with a plain Save', async () => {
      const {form} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      expect(text($(form, '[part="details"]'))).to.contain(`Modified ${messages.formByOn('unknown', 'unknown')}`);
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save');
      expect(rowInputs(form, 'RedirectURI').map((input) => input.value)).to.deep.equal([
        'https://portal.example.com/auth/callback',
      ]);
      expect(control(form, 'field-FrontChannelLogoutURI').value).to.equal('https://portal.example.com/auth/logout');
    });
  });

  describe('Test sign-in fixes', () => {
    it('takes a redirect URI that Test sign-in asks to add into Redirect URIs, focuses it and says to save', async () => {
      const {form} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const tools = form.shadowRoot!.querySelector('conga-connection-tools')!;
      const request = new RequestAddValueEvent('RedirectURI', 'https://portal.example.com/auth/callback/');
      tools.dispatchEvent(request);
      expect(request.defaultPrevented).to.equal(true);
      await waitUntil(() => rowInputs(form, 'RedirectURI').length === 2);
      expect(rowInputs(form, 'RedirectURI').map((input) => input.value)).to.deep.equal([
        'https://portal.example.com/auth/callback',
        'https://portal.example.com/auth/callback/',
      ]);
      await waitUntil(() => deepActiveElement() === rowInputs(form, 'RedirectURI')[1]);
      await waitUntil(() => dialogText(form).includes('Save the connection to apply it'));
      expect(dialogText(form)).to.contain(
        'Added https://portal.example.com/auth/callback/ to Redirect URIs. Save the connection to apply it, then test again.',
      );
    });

    it('says an origin Test sign-in asks to add is already listed (normalized), and adds no duplicate', async () => {
      const {form} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const listed = rowInputs(form, 'CorsOrigins').map((input) => input.value);
      expect(listed.length).to.be.greaterThan(0);
      const tools = form.shadowRoot!.querySelector('conga-connection-tools')!;
      tools.dispatchEvent(new RequestAddValueEvent('CorsOrigins', (listed[0] ?? '').toUpperCase()));
      await waitUntil(() => dialogText(form).includes('is already in Cors Origins'));
      expect(rowInputs(form, 'CorsOrigins').map((input) => input.value)).to.deep.equal(listed);
    });
  });

  describe('properties', () => {
    it('lists the integrations with type, description and provider, and disables taken identifiers saying why', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const options = [...select(form).options];
      const option = (id: string) => options.find((item) => item.value === id)!;
      expect(text(option(A2A_ID))).to.contain(`${A2A_ID} — Prod · Acme production org · Salesforce`);
      expect(option(A2A_ID).disabled).to.equal(true);
      expect(text(option(A2A_ID))).to.contain('(already has a UI-to-API connection)');
      // The seed's Microsoft tenant has only an API-to-API connection: free for UI-to-API.
      expect(option('72f988bf-86f1-41af-91ab-2d7cd011db47').disabled).to.equal(false);
      expect(option(FREE.ExternalId).disabled).to.equal(false);
      const a2a = await mount({type: 'APItoAPI'});
      const a2aOption = [...select(a2a.form).options].find(
        (item) => item.value === '72f988bf-86f1-41af-91ab-2d7cd011db47',
      )!;
      expect(a2aOption.disabled).to.equal(true);
      expect(text(a2aOption)).to.contain('(already has an API-to-API connection)');
    });

    it('says so when the organization has no external integrations', async () => {
      const {form} = await mount({integrations: []});
      expect(dialogText(form)).to.contain(messages.formNoIntegrations);
      expect(select(form).getAttribute('aria-describedby')).to.equal('help-ExternalIdentifier');
    });
  });

  describe('validation', () => {
    it('C6-01 checks the edited row as the admin types: aria-invalid, aria-describedby, a message naming field and fix', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const [row] = rowInputs(form, 'RedirectURI');
      await typeInto(form, row!, 'https://app.example.com/cb#x');
      expect(row!.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(form, row!)).to.contain(`Redirect URI 1: ${REASONS.REDIRECT_URI_FRAGMENT}`);
      await typeInto(form, row!, 'https://app.example.com/cb');
      expect(row!.hasAttribute('aria-invalid')).to.equal(false);
    });

    const a1Cases: [string, string, string][] = [
      ['A1-02', '/callback', REASONS.URL_NOT_ABSOLUTE],
      ['A1-02', 'app.example.com/callback', REASONS.URL_NOT_ABSOLUTE],
      ['A1-03', 'https://app.example.com/cb#x', REASONS.REDIRECT_URI_FRAGMENT],
      ['A1-04', 'https://app.example.com/cb#', REASONS.REDIRECT_URI_FRAGMENT],
      ['A1-05', 'https://*.example.com/cb', REASONS.URL_WILDCARD],
      ['A1-06', 'http://app.example.com/cb', REASONS.REDIRECT_URI_HTTP_NOT_ALLOWED],
      ['A1-07', 'javascript:alert(1)', REASONS.URL_SCHEME_NOT_ALLOWED],
      ['A1-08', 'data:text/html,x', REASONS.URL_SCHEME_NOT_ALLOWED],
      ['A1-09', 'https://user:pw@app.example.com/cb', REASONS.URL_USERINFO],
      ['A1-10', 'https://app.example.com\\@evil.example/cb', REASONS.URL_BACKSLASH],
      ['A1-11', 'https://app.example.com/c b', REASONS.URL_INVISIBLE_CHARACTERS],
      ['A1-12', 'https://app.example.com/a/../cb', REASONS.URL_DOT_SEGMENT],
      ['A1-13', 'https://app.example.com:99999/cb', REASONS.URL_PORT_INVALID],
      ['A1-20', 'myapp://cb', REASONS.REDIRECT_URI_CUSTOM_SCHEME],
    ];
    it('A1 redirect URI examples are refused through the form with the shared messages', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const [row] = rowInputs(form, 'RedirectURI');
      for (const [id, value, message] of a1Cases) {
        await typeInto(form, row!, value);
        expect(row!.getAttribute('aria-invalid'), `${id} ${value}`).to.equal('true');
        expect(describedText(form, row!), `${id} ${value}`).to.contain(message);
      }
    });

    it('A1-01, A1-14, A1-17, A1-18, A1-21: empty rows, duplicates, loopback warnings, queries, no rows', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const [first] = rowInputs(form, 'RedirectURI');
      first!.focus();
      await leave(form, first!);
      expect(describedText(form, first!)).to.contain(REASONS.REDIRECT_URI_EMPTY);
      await typeInto(form, first!, 'https://app.example.com/cb?tenant=a');
      expect(first!.hasAttribute('aria-invalid'), 'A1-18').to.equal(false);
      buttonNamed(form, messages.formAddRedirectUri).click();
      await form.updateComplete;
      const second = rowInputs(form, 'RedirectURI')[1]!;
      expect(deepActiveElement()).to.equal(second);
      await typeInto(form, second, 'https://app.example.com/cb?tenant=a');
      expect(describedText(form, second)).to.contain(REASONS.REDIRECT_URI_DUPLICATE);
      await typeInto(form, second, 'http://127.0.0.1:8080/cb');
      expect(second.hasAttribute('aria-invalid'), 'A1-17 is a warning').to.equal(false);
      expect(describedText(form, second)).to.contain(REASONS.URL_DEVELOPMENT_ONLY);
      for (const button of [...form.shadowRoot!.querySelectorAll('button')].filter((item) =>
        text(item).trim().startsWith('Remove Redirect URI'),
      )) {
        button.click();
        await form.updateComplete;
      }
      expect(rowInputs(form, 'RedirectURI')).to.have.length(0);
      expect(deepActiveElement()?.id).to.equal('add-RedirectURI');
      expect(dialogText(form)).to.contain(REASONS.REDIRECT_URIS_REQUIRED);
    });

    it('checks the other fields when the admin leaves them, not while typing', async () => {
      const {form} = await mount();
      const name = control(form, 'field-ClientName');
      await typeInto(form, name, '   ');
      expect(name.hasAttribute('aria-invalid')).to.equal(false);
      await leave(form, name);
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(form, name)).to.contain(`Client Name: ${REASONS.NAME_REQUIRED}`);
      await typeInto(form, name, 'ERP \u202Esync');
      expect(describedText(form, name)).to.contain(REASONS.NAME_INVISIBLE_CHARACTERS);
    });

    it('A2-07 shows the normalized origin, A2-02 offers a one-click fix, A4-02 checks scopes', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      buttonNamed(form, messages.formAddCorsOrigin).click();
      await form.updateComplete;
      const [origin] = rowInputs(form, 'CorsOrigins');
      await typeInto(form, origin!, 'HTTPS://App.Example.COM:443');
      expect(origin!.hasAttribute('aria-invalid')).to.equal(false);
      expect(describedText(form, origin!)).to.contain('Saved as https://app.example.com');
      await typeInto(form, origin!, 'https://app.example.com/cb');
      expect(describedText(form, origin!)).to.contain(REASONS.ORIGIN_HAS_PATH);
      buttonNamed(form, messages.formApplyFix('https://app.example.com')).click();
      await form.updateComplete;
      expect(rowInputs(form, 'CorsOrigins')[0]!.value).to.equal('https://app.example.com');
      expect(rowInputs(form, 'CorsOrigins')[0]!.hasAttribute('aria-invalid')).to.equal(false);
      await addScopes(form, ['openid']);
      const [scope] = rowInputs(form, 'AllowedScopes');
      await typeInto(form, scope!, 'read write');
      expect(describedText(form, scope!)).to.contain(REASONS.SCOPE_HAS_SPACE);
    });

    it('splits a comma-separated list pasted into a redirect row into one row each', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const [row] = rowInputs(form, 'RedirectURI');
      row!.focus();
      const data = new DataTransfer();
      data.setData(
        'text/plain',
        'https://prod-rls10.congacloud.com/static/clm/congacopilot/?q=param, https://preview-rls09.congacloud.com/static/clm/congacopilot/?q=param,https://app.example.com/cb',
      );
      const paste = new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true, composed: true});
      row!.dispatchEvent(paste);
      await form.updateComplete;
      expect(paste.defaultPrevented).to.equal(true);
      expect(rowInputs(form, 'RedirectURI').map((input) => input.value)).to.deep.equal([
        'https://prod-rls10.congacloud.com/static/clm/congacopilot/?q=param',
        'https://preview-rls09.congacloud.com/static/clm/congacopilot/?q=param',
        'https://app.example.com/cb',
      ]);
      expect(deepActiveElement()).to.equal(rowInputs(form, 'RedirectURI')[2]);
      await waitUntil(() => text($(form, '.status')) === messages.formPasteSplit(3));
    });

    it('suggests CORS origins from the valid redirect URIs, normalized and without duplicates', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const [row] = rowInputs(form, 'RedirectURI');
      await typeInto(form, row!, 'https://Portal.Example.com:443/cb');
      buttonNamed(form, messages.formAddRedirectUri).click();
      await form.updateComplete;
      await typeInto(form, rowInputs(form, 'RedirectURI')[1]!, 'http://127.0.0.1:5173/cb');
      buttonNamed(form, messages.formUseSuggestedOrigins).click();
      await form.updateComplete;
      expect(rowInputs(form, 'CorsOrigins').map((input) => input.value)).to.deep.equal([
        'https://portal.example.com',
        'http://127.0.0.1:5173',
      ]);
      await waitUntil(() => text($(form, '.status')) === messages.formSuggestedOriginsAdded(2));
      buttonNamed(form, messages.formUseSuggestedOrigins).click();
      await waitUntil(() => text($(form, '.status')) === messages.formNoSuggestedOrigins);
      expect(rowInputs(form, 'CorsOrigins')).to.have.length(2);
    });

    it('C6-02 on submit with errors shows a focused summary whose entries focus their fields, and sends nothing', async () => {
      const {form, api} = await mount({type: 'UItoAPI'});
      await submit(form);
      const summary = $(form, '#error-summary');
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(deepActiveElement()).to.equal(summary);
      const entries = [...summary.querySelectorAll('button')].map((button) => text(button).trim());
      expect(entries).to.deep.equal([
        `External Identifier: ${REASONS.IDENTIFIER_REQUIRED}`,
        `Client Name: ${REASONS.NAME_REQUIRED}`,
        `Redirect URI 1: ${REASONS.REDIRECT_URI_EMPTY}`,
      ]);
      summary.querySelectorAll('button')[1]!.click();
      expect(deepActiveElement()).to.equal(control(form, 'field-ClientName'));
      summary.querySelectorAll('button')[2]!.click();
      expect(deepActiveElement()).to.equal(rowInputs(form, 'RedirectURI')[0]);
      expect(writes(api as FakeApiClient)).to.deep.equal([]);
    });
  });

  describe('events', () => {
    it('B4-01 creates an API-to-API connection once, hands the secret over, and the event carries no ClientSecret', async () => {
      const {form, api} = await mount();
      await fillApiToApi(form);
      const created = oneEvent<ConnectionCreatedEvent>(form, ConnectionCreatedEvent.eventName);
      await submit(form);
      const event = await created;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.connection).to.not.have.property('ClientSecret');
      expect(event.connection.ClientName).to.equal('Globex ERP sync');
      const fake = api as FakeApiClient;
      // A3-07: an API-to-API body has no redirect, origin, logout or scope fields.
      expect(callsOf(fake, 'apiConnections.create')).to.deep.equal([
        [FREE.ExternalId, 'APItoAPI', {ClientName: 'Globex ERP sync', Description: 'Nightly export.'}],
      ]);
      const reveal = revealOf(form);
      await waitUntil(() => reveal.open);
      const secret = reveal.shadowRoot!.querySelector<HTMLInputElement>('#client-secret')!.value;
      expect(secret).to.have.length(40);
      expect(JSON.stringify(event.connection)).to.not.contain(secret);
      expect($(form, 'dialog').hasAttribute('open')).to.equal(false);
    });

    it('B4-04 C6-04 removes the secret from the whole DOM after the hand-off, closes and refocuses the opener', async () => {
      const {form, opener} = await mount();
      await fillApiToApi(form);
      await submit(form);
      const reveal = revealOf(form);
      await waitUntil(() => reveal.open);
      const secret = reveal.shadowRoot!.querySelector<HTMLInputElement>('#client-secret')!.value;
      expect(everythingInTheDom()).to.contain(secret);
      const closed = oneEvent(form, FormClosedEvent.eventName);
      const revealClosed = oneEvent(reveal, SecretClosedEvent.eventName);
      reveal.shadowRoot!.querySelector<HTMLInputElement>('#stored')!.click();
      await reveal.updateComplete;
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part="done-button"]')!.click();
      await revealClosed;
      const event = await closed;
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(false);
      expect(everythingInTheDom()).to.not.contain(secret);
      expect(document.activeElement).to.equal(opener);
      // B4-02: nor in the address, the title, history or storage.
      expect(location.href).to.not.contain(secret);
      expect(document.title).to.not.contain(secret);
      expect(JSON.stringify(history.state)).to.not.contain(secret);
      for (const area of [localStorage, sessionStorage]) {
        for (let index = 0; index < area.length; index += 1) {
          expect(area.getItem(area.key(index) ?? '') ?? '').to.not.contain(secret);
        }
      }
      // Reopened for editing, the connection shows no secret (reads never return one).
      form.mode = 'edit';
      form.externalIdentifier = FREE.ExternalId;
      form.show();
      await editFormLoaded(form);
      expect(everythingInTheDom()).to.not.contain(secret);
    });

    it('creates a UI-to-API connection with normalized values and hands over just the Client ID', async () => {
      const {form, api} = await mount({type: 'UItoAPI'});
      await fillUiToApi(form);
      buttonNamed(form, messages.formAddCorsOrigin).click();
      await form.updateComplete;
      await typeInto(form, rowInputs(form, 'CorsOrigins')[0]!, 'HTTPS://Portal.Globex.Example');
      const created = oneEvent<ConnectionCreatedEvent>(form, ConnectionCreatedEvent.eventName);
      await submit(form);
      await created;
      expect(callsOf(api as FakeApiClient, 'apiConnections.create')).to.deep.equal([
        [
          FREE.ExternalId,
          'UItoAPI',
          {
            ClientName: 'Globex portal',
            Description: '',
            RedirectURI: ['https://portal.globex.example/auth/callback'],
            CorsOrigins: ['https://portal.globex.example'],
            BackChannelLogoutURI: null,
            FrontChannelLogoutURI: null,
            AllowedScopes: [],
          },
        ],
      ]);
      const reveal = revealOf(form);
      await waitUntil(() => reveal.open);
      expect(reveal.shadowRoot!.querySelector('#client-secret')).to.equal(null);
      expect(reveal.shadowRoot!.querySelector<HTMLInputElement>('#client-id')!.value).to.match(/^00000000-/);
      const closed = oneEvent(form, FormClosedEvent.eventName);
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part="done-button"]')!.click();
      await closed;
    });

    it('asks before regenerating, in plain words; Cancel sends nothing; Confirm re-reads, then PUTs with If-Match', async () => {
      const {form, api} = await mount({mode: 'edit', externalIdentifier: A2A_ID});
      const fake = api as FakeApiClient;
      await typeInto(form, control(form, 'field-ClientName'), 'ERP nightly sync v2');
      await submit(form);
      expect(dialogText(form)).to.contain(
        'Saving issues a new client secret. The current secret stops working at once, in every system that uses it.',
      );
      expect(deepActiveElement()?.id).to.equal('panel-title');
      buttonNamed(form, messages.formCancel).click();
      await form.updateComplete;
      expect(writes(fake)).to.deep.equal([]);
      expect(control(form, 'field-ClientName').value).to.equal('ERP nightly sync v2');
      await submit(form);
      const updated = oneEvent<ConnectionUpdatedEvent>(form, ConnectionUpdatedEvent.eventName);
      buttonNamed(form, messages.formConfirm).click();
      const event = await updated;
      expect(event.secretRegenerated).to.equal(true);
      expect(event.connection).to.not.have.property('ClientSecret');
      expect(fake.calls.map((call) => call.operation).slice(-2)).to.deep.equal([
        'apiConnections.get',
        'apiConnections.update',
      ]);
      expect(callsOf(fake, 'apiConnections.update')).to.deep.equal([
        [
          A2A_ID,
          'APItoAPI',
          {
            ClientName: 'ERP nightly sync v2',
            Description: 'Pushes signed contracts to the ERP every night.',
            // Issue 12: sent back exactly as loaded, never dropped or changed.
            AllowedScopes: [],
          },
        ],
      ]);
      const reveal = revealOf(form);
      await waitUntil(() => reveal.open);
      expect(text(reveal.shadowRoot)).to.contain(toolsMessages.secretTitleRegenerated);
      await finishHandoff(form);
    });

    it('saves a UI-to-API edit without a secret, then closes', async () => {
      const {form, api, opener} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      await typeInto(form, control(form, 'field-Description'), 'Now with SSO.');
      const updated = oneEvent<ConnectionUpdatedEvent>(form, ConnectionUpdatedEvent.eventName);
      const closed = oneEvent(form, FormClosedEvent.eventName);
      await submit(form);
      const event = await updated;
      await closed;
      expect(event.secretRegenerated).to.equal(false);
      expect(writes(api as FakeApiClient)).to.deep.equal(['apiConnections.update']);
      expect(revealOf(form).open).to.equal(false);
      expect(document.activeElement).to.equal(opener);
    });

    it('sends conga-form-closed and refocuses the opener when closed without changes', async () => {
      const {form, opener} = await mount();
      const closed = oneEvent(form, FormClosedEvent.eventName);
      buttonNamed(form, messages.formCancel).click();
      await closed;
      expect(document.activeElement).to.equal(opener);
    });
  });
});
