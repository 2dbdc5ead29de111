/** `user.*`: the signed-in user (`/api/user-management/v1/user/info`, PLATFORM.md §3.1). */
import {requestOptions, type Http} from '../http.js';
import {parseUserInfo} from '../parse.js';
import type {ApiClient} from '../types.js';

/** Creates the `user` resource. */
export function createUserResource(http: Http): ApiClient['user'] {
  return {
    info(options) {
      return http.request({
        method: 'GET',
        path: '/api/user-management/v1/user/info',
        retry: 'idempotent',
        parse: (envelope) => parseUserInfo(envelope.data),
        ...requestOptions(options),
      });
    },
  };
}
