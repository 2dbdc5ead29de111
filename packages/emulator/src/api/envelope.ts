/** .NET `HttpStatusCode` names, as the platform writes them in `StatusCode` (PLATFORM.md §1.4). */
const STATUS_NAMES: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  412: 'PreconditionFailed',
  413: 'RequestEntityTooLarge',
  415: 'UnsupportedMediaType',
  428: 'PreconditionRequired',
  429: 'TooManyRequests',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

/** The .NET name of an HTTP status. */
export function statusName(status: number): string {
  return STATUS_NAMES[status] ?? 'InternalServerError';
}

/** What a REST handler answers; the server writes it, so faults can drop it after the write committed. */
export interface ApiResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A success in the platform's `{Success, Data, Errors, StatusCode}` envelope. */
export function ok(
  data: unknown,
  extra: {recordCount?: number; hasMoreRecords?: boolean; warnings?: string[]; headers?: Record<string, string>} = {},
): ApiResult {
  return {
    status: 200,
    headers: extra.headers,
    body: {
      Success: true,
      ...(extra.recordCount === undefined ? {} : {RecordCount: extra.recordCount}),
      ...(extra.hasMoreRecords === undefined ? {} : {HasMoreRecords: extra.hasMoreRecords}),
      Data: data,
      Errors: null,
      ...(extra.warnings?.length ? {Warnings: extra.warnings.map((Message) => ({Message}))} : {}),
      StatusCode: 'OK',
    },
  };
}

/** A failure in the same envelope, with one `Errors[].Message` per message. */
export function fail(status: number, messages: readonly string[], headers?: Record<string, string>): ApiResult {
  return {
    status,
    headers,
    body: {Success: false, Data: null, Errors: messages.map((Message) => ({Message})), StatusCode: statusName(status)},
  };
}
