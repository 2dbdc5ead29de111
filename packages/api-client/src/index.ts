/** @conga-connections/api-client: the typed, dependency-free client of the Conga user-management API. */
export {createApiClient, type ApiClientOptions} from './client.js';
export {API_CLIENT_LIMITS, type GetAccessToken, type RetryInfo, type RetryReason} from './http.js';
export {
  API_ERROR_CODES,
  NETWORK_ERROR_CODES,
  ApiError,
  NetworkError,
  ResponseShapeError,
  isAbortError,
  isApiError,
  isNetworkError,
  isResponseShapeError,
  type ApiErrorCode,
  type ApiErrorOptions,
  type NetworkErrorCode,
} from './errors.js';
export {
  CONNECTION_TYPES,
  SORT_FIELDS,
  toApiTypeLabel,
  toConnectionType,
  type ApiClient,
  type ApiConnection,
  type ApiConnectionCreateRequest,
  type ApiConnectionResponse,
  type ConnectionListParams,
  type ConnectionPage,
  type ConnectionType,
  type ExternalIntegration,
  type IdentityProvider,
  type IntegrationListParams,
  type ListFieldName,
  type LookupObject,
  type RequestOptions,
  type SortDirection,
  type SortField,
  type UserInfo,
} from './types.js';
