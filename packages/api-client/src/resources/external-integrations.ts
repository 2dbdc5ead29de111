/** `externalIntegrations.*`: the External Integrations API, the source of the External Identifier drop-down (PLATFORM.md §2). */
import {pagingQuery, requestOptions, type Http, type PagingQuery} from '../http.js';
import {parseExternalIntegrations, parseIdentityProviders} from '../parse.js';
import type {ApiClient, IntegrationListParams} from '../types.js';

const BASE_PATH = '/api/user-management/v1/integrations';

// The integration list has no published sort fields (the spec's example is `Type`), so the name is only
// checked to be a plain identifier: nothing that could smuggle another parameter or an expression.
const SORT_FIELD_PATTERN = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/** Checks and normalizes the integration list parameters. */
export function integrationListQuery(params: IntegrationListParams = {}): PagingQuery & {sortField?: string} {
  const {sortField} = params;
  if (sortField !== undefined && (typeof sortField !== 'string' || !SORT_FIELD_PATTERN.test(sortField))) {
    throw new TypeError('"sortField" must be a field name made of letters and digits');
  }
  return {...(sortField === undefined ? {} : {sortField}), ...pagingQuery(params)};
}

/** Creates the `externalIntegrations` resource. */
export function createExternalIntegrationsResource(http: Http): ApiClient['externalIntegrations'] {
  return {
    list(params, options) {
      const query = integrationListQuery(params);
      return http.request({
        method: 'GET',
        path: BASE_PATH,
        query: {...query},
        retry: 'idempotent',
        parse: (envelope) => parseExternalIntegrations(envelope.data),
        ...requestOptions(options),
      });
    },

    identityProviders(options) {
      return http.request({
        method: 'GET',
        path: `${BASE_PATH}/identity-providers`,
        retry: 'idempotent',
        parse: (envelope) => parseIdentityProviders(envelope.data),
        ...requestOptions(options),
      });
    },
  };
}
