import {describe, expect, it} from 'vitest';
import type {ApiConnection} from '@conga-connections/api-client';
import {REASONS} from '@conga-connections/validation';
import {conflictFields} from './conflict.js';
import {messages} from './form-messages.js';
import {FormModel} from './form-model.js';

/** A loaded UI-to-API connection, as the client reads it. */
const LOADED: ApiConnection = {
  APIType: 'UI to API',
  ClientId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427',
  ClientName: 'Contract portal',
  Description: null,
  IsActive: true,
  ExternalIdentifier: '00D5g000004CmQwEAK',
  CorsOrigins: ['https://portal.example.com'],
  BackChannelLogoutURI: null,
  FrontChannelLogoutURI: '',
  RedirectURI: ['https://portal.example.com/auth/callback'],
  ClientSecret: null,
  AllowedScopes: [],
  Id: null,
  Name: null,
  CreatedBy: null,
  CreatedDate: null,
  ModifiedBy: null,
  ModifiedDate: null,
  ExternalId: null,
  ETag: 'W/"1"',
  nullLists: ['AllowedScopes'],
};

function model(type: 'APItoAPI' | 'UItoAPI' = 'UItoAPI') {
  let changes = 0;
  const form = new FormModel(() => {
    changes += 1;
  });
  form.reset(type, 'create');
  return {form, changes: () => changes};
}

function rowKey(form: FormModel, field: 'RedirectURI' | 'CorsOrigins' | 'AllowedScopes', index: number): number {
  const row = form.draft[field][index];
  if (!row) throw new Error(`no row ${String(index)} in ${field}`);
  return row.key;
}

function valid(form: FormModel): void {
  form.choose('00DNEW000000001AAA');
  form.setText('ClientName', 'Globex portal');
  form.setRow('RedirectURI', rowKey(form, 'RedirectURI', 0), 'https://portal.globex.example/auth/callback');
}

describe('FormModel: the draft', () => {
  it('starts an API-to-API draft without rows and a UI-to-API one with one empty redirect row and no scopes', () => {
    const api = model('APItoAPI').form;
    expect(api.draft.RedirectURI).toEqual([]);
    const ui = model('UItoAPI').form;
    expect(ui.draft.RedirectURI.map((row) => row.value)).toEqual(['']);
    expect(ui.draft.AllowedScopes).toEqual([]);
    expect(ui.dirty).toBe(false);
  });

  it('counts any edit as unsaved until saved or loaded again (C4-07), and tells the element each change', () => {
    const {form, changes} = model();
    const before = changes();
    form.setText('Description', 'x');
    expect(form.dirty).toBe(true);
    expect(changes()).toBeGreaterThan(before);
    form.markSaved();
    expect(form.dirty).toBe(false);
    form.setText('Description', '');
    expect(form.dirty).toBe(true);
    form.load(LOADED);
    expect(form.dirty).toBe(false);
    expect(form.draft.ClientName).toBe('Contract portal');
  });

  it('adds a row and removes rows with the focus target the element moves to', () => {
    const {form} = model();
    const added = form.addRow('CorsOrigins');
    const key = rowKey(form, 'CorsOrigins', 0);
    expect(added).toBe(`field-CorsOrigins-${String(key)}`);
    form.addRow('CorsOrigins');
    const second = rowKey(form, 'CorsOrigins', 1);
    // The row that takes its place, then the Add button once the list is empty.
    expect(form.removeRow('CorsOrigins', key)).toBe(`field-CorsOrigins-${String(second)}`);
    expect(form.removeRow('CorsOrigins', second)).toBe('add-CorsOrigins');
  });

  it('splits a pasted list into one row per entry around the selection, and leaves a single entry to the browser', () => {
    const {form} = model();
    const key = rowKey(form, 'RedirectURI', 0);
    expect(form.paste('RedirectURI', key, 'https://a.example.com/cb', '', '')).toBeUndefined();
    const pasted = form.paste(
      'RedirectURI',
      key,
      'a.example.com/cb, https://b.example.com/cb\nc.example.com',
      'https://',
      '/x',
    );
    expect(form.draft.RedirectURI.map((row) => row.value)).toEqual([
      'https://a.example.com/cb',
      'https://b.example.com/cb',
      'c.example.com/x',
    ]);
    expect(pasted?.count).toBe(3);
    expect(pasted?.focus).toBe(`field-RedirectURI-${String(rowKey(form, 'RedirectURI', 2))}`);
    // Scopes split on spaces too.
    form.addRow('AllowedScopes');
    form.paste('AllowedScopes', rowKey(form, 'AllowedScopes', 0), 'openid profile', '', '');
    expect(form.draft.AllowedScopes.map((row) => row.value)).toEqual(['openid', 'profile']);
  });

  it('adds the normalized origins of valid redirect URIs that are not listed yet (A2-07)', () => {
    const {form} = model();
    form.setRow('RedirectURI', rowKey(form, 'RedirectURI', 0), 'https://App.Example.com:443/cb');
    form.addRow('CorsOrigins');
    expect(form.addSuggestedOrigins()).toBe(1);
    // The empty row made room for the suggestion.
    expect(form.draft.CorsOrigins.map((row) => row.value)).toEqual(['https://app.example.com']);
    expect(form.addSuggestedOrigins()).toBe(0);
  });

  it('adds a value Test sign-in asks for once, comparing origins normalized', () => {
    const {form} = model();
    const first = form.addValue('CorsOrigins', 'https://portal.example.com');
    expect(first.added).toBe(true);
    const again = form.addValue('CorsOrigins', 'HTTPS://PORTAL.EXAMPLE.COM:443');
    expect(again).toEqual({focus: first.focus, added: false});
    // The only, empty redirect row is replaced rather than kept.
    form.addValue('RedirectURI', 'https://portal.example.com/cb');
    expect(form.draft.RedirectURI.map((row) => row.value)).toEqual(['https://portal.example.com/cb']);
  });
});

describe('FormModel: which messages show, and when', () => {
  it('shows a field’s errors only once it was left (or chosen), a row’s as soon as it is typed in', () => {
    const {form} = model();
    form.setText('ClientName', '');
    expect(form.errorsFor('ClientName')).toEqual([]);
    form.show('ClientName');
    expect(form.errorsFor('ClientName')).toEqual([REASONS.NAME_REQUIRED]);
    const key = rowKey(form, 'RedirectURI', 0);
    form.setRow('RedirectURI', key, 'https://app.example.com/cb#x');
    expect(form.errorsFor(`RedirectURI-${String(key)}`)).toEqual([REASONS.REDIRECT_URI_FRAGMENT]);
    form.choose('');
    expect(form.errorsFor('ExternalIdentifier')).not.toEqual([]);
  });

  it('shows every message after a submit, and the summary in the form’s order with the controls they focus', () => {
    const {form} = model();
    expect(form.valid).toBe(false);
    expect(form.summaryEntries()).toEqual([]);
    form.markSubmitted();
    const entries = form.summaryEntries();
    expect(entries.map((entry) => entry.target)).toEqual([
      'field-ExternalIdentifier',
      'field-ClientName',
      `field-RedirectURI-${String(rowKey(form, 'RedirectURI', 0))}`,
    ]);
    expect(entries[1]?.text).toBe(messages.formFieldMessage('Client Name', REASONS.NAME_REQUIRED));
    expect(entries[2]?.text).toContain(messages.formRowLabel('Redirect URI', 1));
  });

  it('offers the suggested value of an origin error as a fix once shown (A2-02)', () => {
    const {form} = model();
    form.addRow('CorsOrigins');
    const key = rowKey(form, 'CorsOrigins', 0);
    form.setRow('CorsOrigins', key, 'https://portal.example.com/');
    expect(form.fixesFor(`CorsOrigins-${String(key)}`)).toEqual(['https://portal.example.com']);
  });

  it('ignores the rules about the identifier of an edited connection', () => {
    const {form} = model();
    form.reset('UItoAPI', 'edit', '');
    form.markSubmitted();
    expect(form.errorsFor('ExternalIdentifier')).toEqual([]);
  });

  it('puts each server message at the field and row it names; an edit clears it; others go to the summary as text (A7-01/02)', () => {
    const {form} = model();
    valid(form);
    form.addRow('AllowedScopes');
    form.setRow('AllowedScopes', rowKey(form, 'AllowedScopes', 0), 'api.unknown');
    form.setServerMessages(['AllowedScopes[0]: Unknown scope.', 'ClientName: Taken.', '<b>Something else</b>'], 400);
    const scope = `AllowedScopes-${String(rowKey(form, 'AllowedScopes', 0))}`;
    expect(form.errorsFor(scope)).toEqual(['Unknown scope.']);
    expect(form.errorsFor('ClientName')).toEqual(['Taken.']);
    form.requestSummary();
    expect(form.summaryEntries().at(-1)).toEqual({text: '<b>Something else</b>'});
    form.setText('ClientName', 'Globex portal 2');
    expect(form.errorsFor('ClientName')).toEqual([]);
    form.setServerMessages([], 400);
    expect(form.summaryEntries()).toEqual([{text: messages.errorRejected(400)}]);
  });

  it('keeps a server message about a field an API-to-API form doesn’t show, as summary text naming the field', () => {
    const {form} = model('APItoAPI');
    form.setServerMessages(['RedirectURI: Not for this type.'], 400);
    expect(form.summaryEntries()).toEqual([{text: messages.formFieldMessage('Redirect URI', 'Not for this type.')}]);
  });
});

describe('FormModel: the request body and conflicts', () => {
  it('sends a new API-to-API connection’s name and description only (A3-07), a UI-to-API one’s normalized fields', () => {
    const {form} = model('APItoAPI');
    form.choose('00DNEW000000001AAA');
    form.setText('ClientName', ' Globex ERP ');
    expect(form.requestBody()).toEqual({ClientName: 'Globex ERP', Description: ''});
    const ui = model('UItoAPI').form;
    valid(ui);
    ui.addValue('CorsOrigins', 'HTTPS://Portal.Globex.Example');
    expect(ui.requestBody()).toMatchObject({
      RedirectURI: ['https://portal.globex.example/auth/callback'],
      CorsOrigins: ['https://portal.globex.example'],
      AllowedScopes: [],
    });
  });

  it('sends an edit as loaded with only the changed fields replaced (issue 12)', () => {
    const {form} = model();
    form.reset('UItoAPI', 'edit', LOADED.ExternalIdentifier ?? '');
    form.load(LOADED);
    form.setText('ClientName', 'Portal');
    expect(form.requestBody()).toEqual({
      ClientName: 'Portal',
      Description: null,
      RedirectURI: ['https://portal.example.com/auth/callback'],
      CorsOrigins: ['https://portal.example.com'],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: '',
      AllowedScopes: null,
    });
  });

  it('lists the fields that differ from a newer version, reapplies my changes on it, or creates it anew (C2-01, C2-03)', () => {
    const {form} = model();
    form.reset('UItoAPI', 'edit', LOADED.ExternalIdentifier ?? '');
    form.load(LOADED);
    form.setText('ClientName', 'Mine');
    const latest = {...LOADED, Description: 'Theirs', ETag: 'W/"2"'};
    expect(conflictFields(form, latest)).toEqual([
      {field: 'ClientName', mine: 'Mine', theirs: 'Contract portal'},
      {field: 'Description', mine: '', theirs: 'Theirs'},
    ]);
    form.reapply(latest);
    expect(form.draft.ClientName).toBe('Mine');
    expect(form.draft.Description).toBe('Theirs');
    expect(form.loaded).toBe(latest);
    expect(form.dirty).toBe(true);
    form.markSubmitted();
    form.createAsNew();
    expect(form.mode).toBe('create');
    expect(form.loaded).toBeUndefined();
    expect(form.submitted).toBe(false);
    expect(form.draft.ClientName).toBe('Mine');
  });
});
