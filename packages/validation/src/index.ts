export {LIMITS} from './limits.js';
export {REASONS, SUGGESTION_LEADS, type ReasonCode} from './reasons.js';
export {
  CONNECTION_TYPES,
  FIELDS,
  SORT_DIRECTIONS,
  SORT_FIELDS,
  UI_ONLY_FIELDS,
  type ConnectionDraft,
  type ConnectionType,
  type ConnectionValue,
  type FieldName,
  type Finding,
  type SortField,
  type ValidationOptions,
  type ValidationResult,
} from './types.js';
export {checkBackChannelLogoutUri, checkFrontChannelLogoutUri, checkRedirectUri, checkRedirectUris} from './urls.js';
export {isPrivateAddress} from './private-addresses.js';
export {checkCorsOrigin, checkCorsOrigins, deriveCorsOrigins, normalizeOrigin} from './cors-origins.js';
export {checkScopes} from './scopes.js';
export {
  checkClientName,
  checkConnectionType,
  checkDescription,
  checkExternalIdentifier,
  parseConnectionType,
} from './fields.js';
export {isConnectionDraft, uiOnlyFieldsWithValues, validateConnection} from './validate-connection.js';
export {checkListParams, clampPageSize} from './list-params.js';
export {formatServerMessage, parseServerMessage} from './server-messages.js';
export {matchRedirectUri, type RedirectUriMatch} from './match-redirect-uri.js';
