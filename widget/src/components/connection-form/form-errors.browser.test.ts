/**
 * <conga-connection-form>: keyboard (one request for a double submit, Escape and Discard) and error states (the
 * server's messages, conflicts, lost answers, offline, an expired session); the rest of its suite is in
 * connection-form.browser.test.ts, the shared fixtures in tests/support/connection-form-fixtures.ts.
 */
import {expect, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys} from '@web/test-runner-commands';
import {NetworkError} from '@conga-connections/api-client';
import type {ApiClient} from '@conga-connections/api-client';
import {createFakeApiClient, fakeApiError, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient} from '@conga-connections/api-client/testing';
import {ConnectionCreatedEvent} from '../../events/connection-created-event.js';
import {FormClosedEvent} from '../../events/form-closed-event.js';
import {messages} from './edit-messages.js';
import {toolsMessages} from '../connection-tools/tools-messages.js';
import '../api-connections/api-connections.js';
import './connection-form.js';
import {
  $,
  A2A_ID,
  FREE,
  UI_ID,
  addScopes,
  buttonNamed,
  callsOf,
  choose,
  control,
  deepActiveElement,
  deferred,
  describedText,
  dialogText,
  fillApiToApi,
  fillUiToApi,
  finishHandoff,
  maybe,
  mount,
  revealOf,
  rowInputs,
  select,
  submit,
  text,
  typeInto,
  withHooks,
  writes,
} from '../../../../tests/support/connection-form-fixtures.js';

describe('<conga-connection-form>', () => {
  afterEach(() => {
    window.dispatchEvent(new Event('online'));
  });

  describe('keyboard', () => {
    it('C4-01 C3-03 sends exactly one request for a double click and Enter twice, and shows it is busy', async () => {
      const gate = deferred();
      const fake = createFakeApiClient(fakeSeed);
      const {api, attempts} = withHooks(fake, {
        create: async (...args: Parameters<ApiClient['apiConnections']['create']>) => {
          await gate.promise;
          return fake.apiConnections.create(...args);
        },
      });
      const {form} = await mount({api});
      await fillApiToApi(form);
      const save = $(form, '[part="save-button"]');
      // Enter in a field submits the form (implicit submission) and starts the one request…
      control(form, 'field-ClientName').focus();
      await sendKeys({press: 'Enter'});
      await waitUntil(() => attempts.includes('create'), 'Enter submits');
      // …and nothing after it sends another: Enter again, a double click.
      await sendKeys({press: 'Enter'});
      save.click();
      save.click();
      await form.updateComplete;
      expect(attempts.filter((name) => name === 'create')).to.have.length(1);
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      await waitUntil(() => text($(form, '.status')) === messages.formSaving);
      expect($(form, 'form').getAttribute('aria-busy')).to.equal('true');
      gate.release();
      await waitUntil(() => revealOf(form).open);
      expect(writes(fake)).to.deep.equal(['apiConnections.create']);
    });

    it('C4-07 asks "Discard changes?" on Escape with unsaved changes; Cancel keeps everything; Discard closes', async () => {
      const {form, api} = await mount({type: 'UItoAPI'});
      await fillUiToApi(form);
      await sendKeys({press: 'Escape'});
      await form.updateComplete;
      expect(dialogText(form)).to.contain(messages.formDiscardTitle);
      expect($(form, 'dialog').hasAttribute('open')).to.equal(true);
      buttonNamed(form, messages.formCancel).click();
      await form.updateComplete;
      expect(select(form).value).to.equal(FREE.ExternalId);
      expect(control(form, 'field-ClientName').value).to.equal('Globex portal');
      expect(rowInputs(form, 'RedirectURI')[0]!.value).to.equal('https://portal.globex.example/auth/callback');
      $(form, '[part="close-button"]').click();
      await form.updateComplete;
      expect(dialogText(form)).to.contain(messages.formDiscardTitle);
      const closed = oneEvent(form, FormClosedEvent.eventName);
      buttonNamed(form, messages.formDiscard).click();
      await closed;
      expect(writes(api as FakeApiClient)).to.deep.equal([]);
    });

    it('closes at once on Escape when nothing changed', async () => {
      const {form} = await mount({type: 'UItoAPI'});
      const closed = oneEvent(form, FormClosedEvent.eventName);
      await sendKeys({press: 'Escape'});
      await closed;
      expect($(form, 'dialog').hasAttribute('open')).to.equal(false);
    });

    it('C4-07 reopens and asks when the browser closes the dialog with unsaved changes', async () => {
      const {form} = await mount();
      await fillApiToApi(form);
      const dialog = $(form, 'dialog') as HTMLDialogElement;
      dialog.close();
      // Hidden pages (parallel test files) get the `close` event late; deliver it now. The real one is then a no-op.
      dialog.dispatchEvent(new Event('close'));
      await waitUntil(() => dialogText(form).includes(messages.formDiscardTitle));
      expect($(form, 'dialog').hasAttribute('open')).to.equal(true);
      expect(control(form, 'field-ClientName').value).to.equal('Globex ERP sync');
    });
  });

  describe('error states', () => {
    it('A7-01 shows each 400 message at its field and in the summary, focuses the summary and keeps the form', async () => {
      const {form, api} = await mount({type: 'UItoAPI'});
      await fillUiToApi(form);
      await addScopes(form, ['openid', 'profile', 'api.user-management']);
      const fake = api as FakeApiClient;
      fake.failNext(
        'apiConnections.create',
        fakeApiError(400, [
          'AllowedScopes[2]: The scope "api.user-management" is unknown to this tenant.',
          'ClientName: A connection with this name exists.',
          'Something else went wrong.',
        ]),
      );
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      const summary = $(form, '#error-summary');
      expect(deepActiveElement()).to.equal(summary);
      expect(text(summary)).to.contain('Client Name: A connection with this name exists.');
      expect(text(summary)).to.contain('Allowed Scopes 3: The scope "api.user-management" is unknown to this tenant.');
      expect(text(summary)).to.contain('Something else went wrong.');
      const scope = rowInputs(form, 'AllowedScopes')[2]!;
      expect(scope.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(form, scope)).to.contain('is unknown to this tenant');
      expect(control(form, 'field-ClientName').getAttribute('aria-invalid')).to.equal('true');
      expect(control(form, 'field-ClientName').value).to.equal('Globex portal');
      // Editing the field clears the server's message about it.
      await typeInto(form, control(form, 'field-ClientName'), 'Globex portal 2');
      expect(control(form, 'field-ClientName').hasAttribute('aria-invalid')).to.equal(false);
    });

    it('A7-02 says "The server rejected the request (400)." when the 400 has no messages', async () => {
      const {form, api} = await mount();
      await fillApiToApi(form);
      (api as FakeApiClient).failNext('apiConnections.create', fakeApiError(400, []));
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      expect(text($(form, '#error-summary'))).to.contain('The server rejected the request (400).');
      expect(control(form, 'field-ClientName').value).to.equal('Globex ERP sync');
    });

    it('A7-03 treats HTTP 200 with Success:false as a failure and shows its messages', async () => {
      const {form, api} = await mount();
      await fillApiToApi(form);
      (api as FakeApiClient).failNext('apiConnections.create', fakeApiError(200, ['Description: Not today.']));
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      expect(text($(form, '#error-summary'))).to.contain('Description: Not today.');
      expect(revealOf(form).open).to.equal(false);
    });

    it('B1-01 shows server messages with markup as literal text', async () => {
      const {form, api} = await mount();
      await fillApiToApi(form);
      const payload = '<img src=x onerror=window.__pwned=1>"><svg onload=window.__pwned=1>';
      (api as FakeApiClient).failNext('apiConnections.create', fakeApiError(400, [payload]));
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      expect(text($(form, '#error-summary'))).to.contain(payload);
      expect(form.shadowRoot!.querySelector('img, svg')).to.equal(null);
      expect((window as {__pwned?: unknown}).__pwned).to.equal(undefined);
    });

    it('C2-05 shows a 409 on create inline on External Identifier and keeps the form', async () => {
      const {form, api} = await mount({existing: []});
      await choose(form, A2A_ID);
      await typeInto(form, control(form, 'field-ClientName'), 'Second ERP sync');
      await submit(form);
      await waitUntil(() => maybe(form, '#error-summary'));
      expect(writes(api as FakeApiClient)).to.deep.equal(['apiConnections.create']);
      const identifier = select(form);
      expect(identifier.getAttribute('aria-invalid')).to.equal('true');
      expect(describedText(form, identifier)).to.contain(toolsMessages.formIdentifierDuplicate('APItoAPI'));
      expect(control(form, 'field-ClientName').value).to.equal('Second ERP sync');
    });

    it('C2-01 offers "Create as new (prefilled)" when the edited connection no longer exists', async () => {
      const {form, api} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const fake = api as FakeApiClient;
      await typeInto(form, control(form, 'field-Description'), 'Kept after a 404.');
      fake.failNext('apiConnections.get', fakeApiError(404, ['API connection not found.']));
      await submit(form);
      await waitUntil(() => dialogText(form).includes(messages.errorNotFound));
      expect(deepActiveElement()?.id).to.equal('panel-title');
      buttonNamed(form, messages.formCreateAsNew).click();
      await form.updateComplete;
      expect(text($(form, '#form-title'))).to.equal(messages.formTitleCreateUiToApi);
      expect(select(form).value).to.equal(UI_ID);
      expect(select(form).selectedOptions[0]!.disabled).to.equal(false);
      expect(control(form, 'field-Description').value).to.equal('Kept after a 404.');
      expect(rowInputs(form, 'RedirectURI')[0]!.value).to.equal('https://portal.example.com/auth/callback');
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save & Generate Client Secret');
      expect(writes(fake)).to.deep.equal([]);
    });

    it("C2-01 says it doesn't exist when the connection to edit was never there, and creates it from there", async () => {
      const {form, api} = await mount({mode: 'create', type: 'APItoAPI'});
      // The list keeps one form and opens it again for the next connection.
      const closed = oneEvent(form, FormClosedEvent.eventName);
      buttonNamed(form, messages.formCancel).click();
      await closed;
      form.mode = 'edit';
      form.externalIdentifier = FREE.ExternalId;
      form.show();
      // Issue 12: "doesn't exist" for an identifier that never existed, not "no longer exists".
      await waitUntil(() => dialogText(form).includes("This API connection doesn't exist."));
      expect(dialogText(form)).to.contain(`No API to API connection has the External Identifier ${FREE.ExternalId}.`);
      expect(dialogText(form)).to.not.contain('no longer exists');
      buttonNamed(form, messages.formCreateAsNew).click();
      await form.updateComplete;
      expect(select(form).value).to.equal(FREE.ExternalId);
      await typeInto(form, control(form, 'field-ClientName'), 'Recreated');
      await submit(form);
      await waitUntil(() => revealOf(form).open);
      expect(writes(api as FakeApiClient)).to.deep.equal(['apiConnections.create']);
      await finishHandoff(form);
    });

    it('C2-04 C2-03 finds a newer version by re-reading before the PUT and offers the three choices', async () => {
      const {form, api} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const fake = api as FakeApiClient;
      // Someone else saves a new description after the form loaded.
      await fake.apiConnections.update(UI_ID, 'UItoAPI', {Description: 'Changed by Bob.'});
      const writesBefore = writes(fake).length;
      await typeInto(form, control(form, 'field-ClientName'), 'Contract portal (mine)');
      await submit(form);
      await waitUntil(() => dialogText(form).includes(messages.errorConflict));
      expect(writes(fake)).to.have.length(writesBefore);
      const table = text($(form, '[part="panel"] table'));
      expect(table).to.contain('Client Name Contract portal (mine) Contract portal');
      expect(table).to.contain('Description Customer-facing portal that signs in with PKCE. Changed by Bob.');
      // Keep editing: the edits stay, nothing is sent.
      buttonNamed(form, messages.formConflictKeepEditing).click();
      await form.updateComplete;
      expect(control(form, 'field-ClientName').value).to.equal('Contract portal (mine)');
      // Re-apply: my name on their version, sent with their ETag.
      await submit(form);
      await waitUntil(() => dialogText(form).includes(messages.errorConflict));
      const closed = oneEvent(form, FormClosedEvent.eventName);
      buttonNamed(form, messages.formConflictReapply).click();
      await closed;
      const [lastUpdate] = callsOf(fake, 'apiConnections.update').slice(-1);
      expect(lastUpdate![2]).to.include({ClientName: 'Contract portal (mine)', Description: 'Changed by Bob.'});
      expect(writes(fake)).to.have.length(writesBefore + 1);
    });

    it('C2-03 shows the conflict for a 412 and "Take theirs" loads the latest version without sending', async () => {
      const {form, api} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const fake = api as FakeApiClient;
      await typeInto(form, control(form, 'field-ClientName'), 'Mine');
      fake.failNext('apiConnections.update', fakeApiError(412, ['The API connection was changed by someone else.']));
      await submit(form);
      await waitUntil(() => dialogText(form).includes(messages.errorConflict));
      expect(text($(form, '[part="panel"]'))).to.contain('Client Name Mine Contract portal');
      buttonNamed(form, messages.formConflictTakeTheirs).click();
      await form.updateComplete;
      expect(control(form, 'field-ClientName').value).to.equal('Contract portal');
      await waitUntil(() => text($(form, '.status')) === messages.formConflictTookTheirs);
      expect(writes(fake)).to.deep.equal(['apiConnections.update']);
    });

    it('C2-08 says "Couldn\'t save" on a 5xx, keeps the values, and Retry checks before creating once', async () => {
      const {form, api} = await mount();
      const fake = api as FakeApiClient;
      await fillApiToApi(form);
      fake.failNext('apiConnections.create', fakeApiError(503));
      await submit(form);
      await waitUntil(() => maybe(form, '[part="failure"]'));
      const failure = $(form, '[part="failure"]');
      expect(failure.getAttribute('role')).to.equal('alert');
      expect(text(failure)).to.contain("Couldn't save — your changes are still here.");
      expect(control(form, 'field-ClientName').value).to.equal('Globex ERP sync');
      expect(select(form).value).to.equal(FREE.ExternalId);
      const before = fake.calls.length;
      buttonNamed(form, messages.formRetry).click();
      await waitUntil(() => revealOf(form).open);
      expect(fake.calls.slice(before).map((call) => call.operation)).to.deep.equal([
        'apiConnections.get',
        'apiConnections.create',
      ]);
      await finishHandoff(form);
    });

    it('C2-08 retries an update that failed on the network', async () => {
      const {form, api} = await mount({mode: 'edit', type: 'UItoAPI', externalIdentifier: UI_ID});
      const fake = api as FakeApiClient;
      await typeInto(form, control(form, 'field-Description'), 'Retry me.');
      fake.failNext('apiConnections.update', new NetworkError('failed to fetch', {code: 'NETWORK_FAILED'}));
      await submit(form);
      await waitUntil(() => maybe(form, '[part="failure"]'));
      expect(control(form, 'field-Description').value).to.equal('Retry me.');
      const closed = oneEvent(form, FormClosedEvent.eventName);
      buttonNamed(form, messages.formRetry).click();
      await closed;
      expect(writes(fake)).to.deep.equal(['apiConnections.update', 'apiConnections.update']);
    });

    it('C3-01 shows an offline banner, sends nothing while offline, and clears it when back online', async () => {
      const {form, api} = await mount();
      await fillApiToApi(form);
      window.dispatchEvent(new Event('offline'));
      await form.updateComplete;
      const banner = $(form, '[part="offline-banner"]');
      expect(text(banner)).to.contain("You're offline — changes not saved yet");
      const save = $(form, '[part="save-button"]');
      expect(save.getAttribute('aria-disabled')).to.equal('true');
      await submit(form);
      expect(writes(api as FakeApiClient)).to.deep.equal([]);
      expect(control(form, 'field-ClientName').value).to.equal('Globex ERP sync');
      window.dispatchEvent(new Event('online'));
      await form.updateComplete;
      expect(maybe(form, '[part="offline-banner"]')).to.equal(null);
      expect(save.getAttribute('aria-disabled')).to.equal('false');
    });

    it('C4-03 never re-sends a create whose answer was lost: it finds it and offers a new secret', async () => {
      const fake = createFakeApiClient(fakeSeed);
      const {api, attempts} = withHooks(fake, {
        create: async (...args: Parameters<ApiClient['apiConnections']['create']>) => {
          // Committed on the server, then the connection drops before the answer arrives.
          await fake.apiConnections.create(...args);
          throw new NetworkError('failed to fetch', {code: 'NETWORK_FAILED'});
        },
      });
      const {form} = await mount({api});
      await fillApiToApi(form);
      const created = oneEvent<ConnectionCreatedEvent>(form, ConnectionCreatedEvent.eventName);
      await submit(form);
      await created;
      await waitUntil(() => dialogText(form).includes(messages.formCreatedSecretLost));
      expect(attempts).to.deep.equal(['create', 'get']);
      expect(dialogText(form)).to.contain(
        "The connection was created, but its secret couldn't be displayed. Generate a new secret.",
      );
      buttonNamed(form, messages.formGenerateNewSecret).click();
      await form.updateComplete;
      expect(text($(form, '#form-title'))).to.equal(messages.formTitleEdit);
      expect(text($(form, '[part="save-button"]')).trim()).to.equal('Save & Regenerate Client Secret');
      await submit(form);
      buttonNamed(form, messages.formConfirm).click();
      await waitUntil(() => revealOf(form).open);
      expect(attempts).to.deep.equal(['create', 'get', 'get', 'update']);
      expect(text(revealOf(form).shadowRoot)).to.contain(toolsMessages.secretTitleRegenerated);
      await finishHandoff(form);
    });

    it('C4-03 reports a lost create that was not committed, and Retry checks again before sending', async () => {
      const fake = createFakeApiClient(fakeSeed);
      fake.failNext('apiConnections.create', new NetworkError('timed out', {code: 'NETWORK_TIMEOUT'}));
      const {form} = await mount({api: fake});
      await fillApiToApi(form);
      await submit(form);
      await waitUntil(() => maybe(form, '[part="failure"]'));
      expect(fake.calls.map((call) => call.operation).filter((name) => /create|get/.test(name))).to.deep.equal([
        'apiConnections.create',
        'apiConnections.get',
      ]);
      buttonNamed(form, messages.formRetry).click();
      await waitUntil(() => revealOf(form).open);
      expect(writes(fake)).to.deep.equal(['apiConnections.create', 'apiConnections.create']);
      await finishHandoff(form);
    });

    it('C4-03 hands over the Client ID of a UI-to-API connection whose create answer was lost', async () => {
      const fake = createFakeApiClient(fakeSeed);
      const {api} = withHooks(fake, {
        create: async (...args: Parameters<ApiClient['apiConnections']['create']>) => {
          await fake.apiConnections.create(...args);
          throw new NetworkError('failed to fetch', {code: 'NETWORK_FAILED'});
        },
      });
      const {form} = await mount({api, type: 'UItoAPI'});
      await fillUiToApi(form);
      await submit(form);
      await waitUntil(() => revealOf(form).open);
      expect(revealOf(form).shadowRoot!.querySelector<HTMLInputElement>('#client-id')!.value).to.match(/^00000000-/);
      expect(writes(fake)).to.deep.equal(['apiConnections.create']);
    });

    it('keeps every value when the session expired (401) and says how to go on', async () => {
      const {form, api} = await mount({type: 'UItoAPI'});
      await fillUiToApi(form);
      (api as FakeApiClient).failNext('apiConnections.create', fakeApiError(401));
      await submit(form);
      await waitUntil(() => maybe(form, '[part="failure"]'));
      expect(text($(form, '[part="failure"]'))).to.contain(messages.sessionExpired);
      expect(select(form).value).to.equal(FREE.ExternalId);
      expect(control(form, 'field-ClientName').value).to.equal('Globex portal');
      expect(rowInputs(form, 'RedirectURI')[0]!.value).to.equal('https://portal.globex.example/auth/callback');
    });

    it('C4-05 says "Copy failed" when the clipboard refuses the Client ID in the edit view', async () => {
      const refuse = {writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))};
      const {form} = await mount({mode: 'edit', externalIdentifier: A2A_ID, clipboard: refuse});
      buttonNamed(form, `${messages.formCopy} ${messages.formFieldClientId}`).click();
      await waitUntil(() => text($(form, '.status')) === messages.formCopyFailed);
      expect(deepActiveElement()).to.equal(control(form, 'client-id'));
    });
  });
});
