import type {IncomingMessage} from 'node:http';
import type Provider from 'oidc-provider';
import {checkListParams, formatServerMessage} from '@conga-connections/validation';
import type {Store} from '../store.js';
import {authenticateCaller, forbiddenForNonAdmin} from './auth.js';
import type {Caller} from './auth.js';
import {
  createConnection,
  getConnection,
  listConnections,
  setConnectionStatus,
  updateConnection,
} from './connections.js';
import type {ApiSettings} from './connections.js';
import {fail, ok} from './envelope.js';
import type {ApiResult} from './envelope.js';

/** Every REST path starts here, as on the platform's API gateway. */
export const API_PREFIX = '/api/user-management/v1';

/** The identity providers the platform lists (PLATFORM.md §2, the documented example). */
const IDENTITY_PROVIDERS = [
  {Name: 'Salesforce', ACRName: 'idp:Salesforce'},
  {Name: 'Salesforce Sandbox', ACRName: 'idp:SalesforceSandbox'},
  {Name: 'Microsoft', ACRName: 'idp:Microsoft'},
];

/** A parsed request body, or the reason it couldn't be read. */
export type BodyResult = {ok: true; value: unknown} | {ok: false; result: ApiResult};

/** What the router needs for one request. */
export interface ApiRequest {
  request: IncomingMessage;
  method: string;
  path: string;
  query: URLSearchParams;
  readBody: () => Promise<BodyResult>;
}

/** Dependencies of the router. */
export interface ApiContext {
  store: Store;
  provider: Provider;
  settings: ApiSettings;
}

function listIntegrations(store: Store, query: URLSearchParams): ApiResult {
  const problems = checkListParams({
    pageSize: query.get('pageSize'),
    pageNumber: query.get('pageNumber'),
  }).filter((f) => f.severity === 'error');
  if (problems.length) return fail(400, problems.map(formatServerMessage));
  const all = store.data.externalIntegrations;
  const pageSize = query.get('pageSize');
  if (pageSize === null) return ok(all, {recordCount: all.length});
  const size = Number(pageSize);
  const start = (Number(query.get('pageNumber') ?? '1') - 1) * size;
  return ok(all.slice(start, start + size), {recordCount: all.length, hasMoreRecords: start + size < all.length});
}

function userInfo(store: Store, caller: Caller): ApiResult {
  const u = caller.user;
  return ok({
    Id: u.Id,
    Name: `${u.FirstName} ${u.LastName}`.trim(),
    FirstName: u.FirstName,
    LastName: u.LastName,
    UserName: u.UserName,
    Email: u.Email,
    Role: u.Role,
    AdminPermissions: u.AdminPermissions,
    UserType: null,
    IsActive: true,
    IsDeleted: false,
    IsSuspended: false,
    Locale: 'en_US',
    Language: 'en_US',
    Timezone: 'UTC',
    Currency: 'USD',
    OrganizationExternalId: store.data.organization.ExternalId,
    Clientid: caller.clientId,
  });
}

const CONNECTIONS = /^\/api-connections(?:\/([^/]+)(\/status)?)?$/;

/**
 * Routes one REST request. Authentication comes first, so an unauthenticated caller learns nothing, not even
 * whether a connection exists.
 */
export async function routeApi(context: ApiContext, request: ApiRequest): Promise<ApiResult> {
  const {store, provider, settings} = context;
  const path = request.path.slice(API_PREFIX.length);
  const caller = await authenticateCaller(request.request, provider, store);
  if ('status' in caller) return caller;

  if (path === '/user/info') {
    return request.method === 'GET' ? userInfo(store, caller) : methodNotAllowed();
  }
  if (path === '/integrations' || path === '/integrations/identity-providers') {
    if (request.method !== 'GET') return methodNotAllowed();
    if (!caller.isAdmin) return forbiddenForNonAdmin();
    return path === '/integrations' ? listIntegrations(store, request.query) : ok(IDENTITY_PROVIDERS);
  }

  const match = CONNECTIONS.exec(path);
  if (!match) return fail(404, ['No such API endpoint.']);
  if (!caller.isAdmin) return forbiddenForNonAdmin();
  const [, encodedIdentifier, status] = match;
  if (encodedIdentifier === undefined) {
    return request.method === 'GET' ? listConnections(store, request.query) : methodNotAllowed();
  }
  let identifier: string;
  try {
    identifier = decodeURIComponent(encodedIdentifier);
  } catch {
    return fail(400, ['ExternalIdentifier: The identifier is not correctly URL-encoded.']);
  }
  const ifMatch = request.request.headers['if-match'];

  if (status) {
    if (request.method !== 'PUT') return methodNotAllowed();
    const body = await request.readBody();
    if (!body.ok) return body.result;
    return setConnectionStatus(store, settings, caller, identifier, request.query, body.value, ifMatch);
  }
  switch (request.method) {
    case 'GET':
      return getConnection(store, identifier, request.query);
    case 'POST': {
      const body = await request.readBody();
      if (!body.ok) return body.result;
      return createConnection(store, settings, caller, identifier, request.query, body.value);
    }
    case 'PUT': {
      const body = await request.readBody();
      if (!body.ok) return body.result;
      return updateConnection(store, settings, caller, identifier, request.query, body.value, ifMatch);
    }
    default:
      return methodNotAllowed();
  }
}

function methodNotAllowed(): ApiResult {
  return fail(405, ['This method is not supported here.']);
}
