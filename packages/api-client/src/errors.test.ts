import {describe, expect, it} from 'vitest';
import {
  API_ERROR_CODES,
  ApiError,
  NetworkError,
  ResponseShapeError,
  isAbortError,
  isApiError,
  isNetworkError,
  isResponseShapeError,
} from './errors.js';

function apiError(): ApiError {
  return new ApiError('not found (404)', {
    code: 'API_NOT_FOUND',
    status: 404,
    messages: ['Gone.'],
    response: new Response(null, {status: 404}),
  });
}

describe('ApiError', () => {
  it('carries name, code, status and messages', () => {
    expect(apiError()).toMatchObject({
      name: 'ApiError',
      code: 'API_NOT_FOUND',
      status: 404,
      messages: ['Gone.'],
      message: 'not found (404)',
    });
  });

  it('keeps the response out of its enumerable fields and of JSON', () => {
    const error = apiError();
    expect(error.response.status).toBe(404);
    expect(Object.keys(error)).not.toContain('response');
    expect(JSON.stringify(error)).not.toContain('response');
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    const error = new ApiError('x', {code: 'API_SERVER_ERROR', status: 500, response: new Response(), cause});
    expect(error.cause).toBe(cause);
  });

  it('omits retryAfterMs and missingScope unless given', () => {
    expect(apiError()).not.toHaveProperty('retryAfterMs');
    expect(apiError()).not.toHaveProperty('missingScope');
  });

  it('lists API_REQUEST_FAILED among the codes, for 2xx with Success false', () => {
    expect(API_ERROR_CODES).toContain('API_REQUEST_FAILED');
  });
});

describe('isApiError', () => {
  it('matches any ApiError without a code, and only the given code with one', () => {
    const error = apiError();
    expect(isApiError(error)).toBe(true);
    expect(isApiError(error, 'API_NOT_FOUND')).toBe(true);
    expect(isApiError(error, 'API_CONFLICT')).toBe(false);
  });

  it('matches an ApiError from another copy of the bundle by name and code', () => {
    const foreign = Object.assign(new Error('x'), {name: 'ApiError', code: 'API_FORBIDDEN'});
    expect(isApiError(foreign, 'API_FORBIDDEN')).toBe(true);
  });

  it.each([
    null,
    'ApiError',
    {name: 'ApiError', code: 'API_NOT_FOUND'},
    Object.assign(new Error('x'), {name: 'ApiError', code: 'NOPE'}),
    new NetworkError('x', {code: 'NETWORK_FAILED'}),
  ])('rejects %j', (value) => {
    expect(isApiError(value)).toBe(false);
  });
});

describe('NetworkError', () => {
  it('carries its code and is recognised by isNetworkError', () => {
    const error = new NetworkError("the server didn't respond", {code: 'NETWORK_TIMEOUT'});
    expect(error).toMatchObject({name: 'NetworkError', code: 'NETWORK_TIMEOUT'});
    expect(isNetworkError(error)).toBe(true);
    expect(isNetworkError(error, 'NETWORK_TIMEOUT')).toBe(true);
    expect(isNetworkError(error, 'NETWORK_OFFLINE')).toBe(false);
    expect(isNetworkError(apiError())).toBe(false);
  });
});

describe('ResponseShapeError', () => {
  it('has the RESPONSE_SHAPE code and a path, and is recognised by isResponseShapeError', () => {
    const error = new ResponseShapeError('unexpected response', {path: 'Data.IsActive'});
    expect(error).toMatchObject({name: 'ResponseShapeError', code: 'RESPONSE_SHAPE', path: 'Data.IsActive'});
    expect(isResponseShapeError(error)).toBe(true);
    expect(isResponseShapeError(apiError())).toBe(false);
  });
});

describe('isAbortError', () => {
  it('recognises an aborted signal reason and nothing else', () => {
    const controller = new AbortController();
    controller.abort();
    expect(isAbortError(controller.signal.reason)).toBe(true);
    expect(isAbortError(new DOMException('t', 'TimeoutError'))).toBe(false);
    expect(isAbortError(apiError())).toBe(false);
    expect(isAbortError(undefined)).toBe(false);
  });
});
