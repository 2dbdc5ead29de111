import {describe, expect, it} from 'vitest';
import type {ApiConnection} from '@conga-connections/api-client';
import type {ConnectionValue} from '@conga-connections/validation';
import {createBody, updateBody} from './request-body.js';

/** The published GET-by-identifier example, as the client reads it (PLATFORM.md §1.3), made a UI-to-API one. */
const LOADED: ApiConnection = {
  APIType: 'UI to API',
  ClientId: '000000000000-000000000000.apps.googleusercontent.com',
  ClientName: 'ClientA',
  Description: null,
  IsActive: true,
  ExternalIdentifier: 'ABCDEFGHI123456789',
  CorsOrigins: [],
  BackChannelLogoutURI: null,
  FrontChannelLogoutURI: '',
  RedirectURI: ['https://www.sampleabc.com/'],
  ClientSecret: null,
  AllowedScopes: [],
  Id: null,
  Name: null,
  CreatedBy: null,
  CreatedDate: null,
  ModifiedBy: null,
  ModifiedDate: null,
  ExternalId: null,
  ETag: null,
  nullLists: ['AllowedScopes'],
};

/** What the validator makes of the form after the admin renamed the connection. */
const VALUE: ConnectionValue = {
  ClientName: 'ClientA renamed',
  Description: '',
  RedirectURI: ['https://www.sampleabc.com/'],
  CorsOrigins: [],
  BackChannelLogoutURI: null,
  FrontChannelLogoutURI: null,
  AllowedScopes: [],
};

describe('updateBody', () => {
  it('sends the changed field and every other field exactly as loaded (null stays null, [] stays [])', () => {
    expect(updateBody('UItoAPI', LOADED, VALUE, new Set(['ClientName']))).toStrictEqual({
      ClientName: 'ClientA renamed',
      Description: null,
      RedirectURI: ['https://www.sampleabc.com/'],
      CorsOrigins: [],
      BackChannelLogoutURI: null,
      FrontChannelLogoutURI: '',
      AllowedScopes: null,
    });
  });

  it('sends the scopes the admin added, and [] for lists the platform sent as []', () => {
    const body = updateBody('UItoAPI', {...LOADED, nullLists: []}, {...VALUE, AllowedScopes: ['openid']}, new Set());
    expect(body.AllowedScopes).toStrictEqual([]);
    const added = updateBody('UItoAPI', LOADED, {...VALUE, AllowedScopes: ['openid']}, new Set(['AllowedScopes']));
    expect(added.AllowedScopes).toStrictEqual(['openid']);
  });

  it('never sends the browser fields of an API-to-API connection (A3-07)', () => {
    const loaded = {...LOADED, APIType: 'API to API', RedirectURI: [], nullLists: ['AllowedScopes' as const]};
    expect(updateBody('APItoAPI', loaded, VALUE, new Set(['ClientName', 'Description']))).toStrictEqual({
      ClientName: 'ClientA renamed',
      Description: '',
      AllowedScopes: null,
    });
  });

  it('keeps scopes an API-to-API connection already has', () => {
    const loaded = {...LOADED, AllowedScopes: ['api.user-management'], nullLists: []};
    expect(updateBody('APItoAPI', loaded, VALUE, new Set(['ClientName'])).AllowedScopes).toStrictEqual([
      'api.user-management',
    ]);
  });
});

describe('createBody', () => {
  it('sends every UI-to-API field as validated', () => {
    expect(createBody('UItoAPI', {...VALUE, AllowedScopes: ['openid']})).toStrictEqual({
      ...VALUE,
      AllowedScopes: ['openid'],
    });
  });

  it('sends only the name and description of a new API-to-API connection (A3-07)', () => {
    expect(createBody('APItoAPI', VALUE)).toStrictEqual({ClientName: 'ClientA renamed', Description: ''});
  });
});
