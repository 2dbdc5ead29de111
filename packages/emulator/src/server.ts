import type {IncomingMessage, ServerResponse} from 'node:http';
import type {Socket} from 'node:net';
import type Provider from 'oidc-provider';
import type {ApiSettings} from './api/connections.js';
import {fail} from './api/envelope.js';
import type {ApiResult} from './api/envelope.js';
import {API_PREFIX, routeApi} from './api/router.js';
import type {BodyResult} from './api/router.js';
import {redactQuery} from './hooks.js';
import type {FaultList, FaultRule, LoggedRequest} from './hooks.js';
import {ISSUER_PATH} from './oidc/configuration.js';
import {handleInteraction, INTERACTION} from './oidc/interactions.js';
import type {Store} from './store.js';

/** Request bodies above this size are refused; the largest valid connection is far smaller. */
const BODY_LIMIT = 64 * 1024;
/**
 * A refused body is still read (and thrown away) up to this size before the 413 goes out: closing a socket that
 * has unread data makes the kernel send a reset, and the client then loses the answer with the connection.
 * Past this, the emulator answers and closes at once (a client that sends this much is not a form or a script).
 */
const DRAIN_LIMIT = 32 * 1024 * 1024;
/** The request log keeps this many of the newest entries. */
const LOG_LIMIT = 5000;
/** Headers the tab sends to the REST API from another origin, allowed by the preflight. */
const ALLOWED_REQUEST_HEADERS = 'Authorization, Content-Type, If-Match, user-id, Idempotency-Key';

/** Everything the request handler needs; owned by {@link createEmulator}. */
export interface ServerContext {
  store: Store;
  provider: Provider;
  settings: ApiSettings;
  firstPartyClientIds: ReadonlySet<string>;
  portalCorsOrigins: readonly string[];
  loginHint: string | undefined;
  testHooks: boolean;
  faults: FaultList;
  log: LoggedRequest[];
  /** Sockets held open by `hang` faults and timers of `delay` faults, released on close. */
  pending: {sockets: Set<Socket>; timers: Set<NodeJS.Timeout>};
}

/** A body over {@link BODY_LIMIT}; `drained` when all of it was read, so the socket can close cleanly. */
class BodyTooLarge extends Error {
  readonly drained: boolean;
  constructor(drained: boolean) {
    super('request body too large');
    this.drained = drained;
  }
}

/** The answer to a body over the limit, in the platform's envelope; the connection closes after it. */
function tooLarge(): ApiResult {
  return fail(413, [`The request body is larger than ${String(BODY_LIMIT / 1024)} KB.`], {Connection: 'close'});
}

function readRaw(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const declared = Number(request.headers['content-length']);
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (!refused && size <= BODY_LIMIT) {
        chunks.push(chunk);
        return;
      }
      refused = true;
      chunks.length = 0;
      if (size > DRAIN_LIMIT || declared > DRAIN_LIMIT) {
        // Stop reading; the answer goes out and the socket closes behind it.
        request.off('data', onData);
        request.pause();
        reject(new BodyTooLarge(false));
      }
    };
    request.on('data', onData);
    request.on('end', () => {
      if (refused) reject(new BodyTooLarge(true));
      else resolve(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

/** Reads a JSON body, accepting the three media types the API documents (`application/json`, `text/json`, `application/*+json`). */
async function readJson(request: IncomingMessage): Promise<BodyResult> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(type === 'application/json' || type === 'text/json' || /^application\/[a-z0-9.+-]*\+json$/.test(type))) {
    return {ok: false, result: fail(415, ['Send the body as JSON (Content-Type: application/json).'])};
  }
  // A refused body throws BodyTooLarge, which the request listener answers (it must know whether to close at once).
  const raw = await readRaw(request);
  try {
    return {ok: true, value: JSON.parse(raw.toString('utf8')) as unknown};
  } catch {
    return {ok: false, result: fail(400, ['The request body is not valid JSON.'])};
  }
}

/** Reads an HTML form post (the login page). */
export async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readRaw(request)).toString('utf8'));
}

function writeResult(response: ServerResponse, result: ApiResult): void {
  const body = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
  response.writeHead(result.status, {
    'Content-Type': typeof result.body === 'string' ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...result.headers,
  });
  response.end(body);
}

/** Origins allowed to call the REST API from a browser: every active UI-to-API connection's Cors Origins. */
function apiCorsAllowed(context: ServerContext, origin: string): boolean {
  if (context.portalCorsOrigins.includes(origin)) return true;
  return context.store.data.connections.some(
    (c) => c.IsActive && c.type === 'UItoAPI' && c.CorsOrigins.includes(origin),
  );
}

function wait(context: ServerContext, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      context.pending.timers.delete(timer);
      resolve();
    }, ms);
    context.pending.timers.add(timer);
  });
}

function faultBody(rule: FaultRule): ApiResult {
  const status = rule.status ?? 500;
  if (rule.body === undefined) return {...fail(status, ['Injected fault.']), headers: rule.headers};
  return {status, body: typeof rule.body === 'string' ? rule.body : rule.body, headers: rule.headers};
}

/** The test-hook endpoints under `/__emulator/`, for tests that drive the emulator from another process. */
async function handleHooks(context: ServerContext, request: IncomingMessage, path: string): Promise<ApiResult> {
  if (path === '/__emulator/requests' && request.method === 'GET') return {status: 200, body: context.log};
  if (path === '/__emulator/requests' && request.method === 'DELETE') {
    context.log.length = 0;
    return {status: 204, body: ''};
  }
  if (path === '/__emulator/faults' && request.method === 'DELETE') {
    context.faults.clear();
    return {status: 204, body: ''};
  }
  if ((path === '/__emulator/faults' || path === '/__emulator/settings') && request.method === 'POST') {
    const body = await readJson(request);
    if (!body.ok) return body.result;
    const value = body.value as Record<string, unknown>;
    if (path === '/__emulator/settings') {
      if (typeof value.devMode === 'boolean') context.settings.devMode = value.devMode;
      if (typeof value.ignoreIfMatch === 'boolean') context.settings.ignoreIfMatch = value.ignoreIfMatch;
      return {status: 200, body: context.settings};
    }
    if (typeof value.path !== 'string')
      return fail(400, ['"path" must be a string (a path prefix) or {"pattern": "…"}.']);
    context.faults.add({
      ...(value as unknown as FaultRule),
      path: typeof value.pattern === 'string' ? new RegExp(value.pattern) : value.path,
    });
    return {status: 201, body: {added: true}};
  }
  return fail(404, ['No such test hook.']);
}

/** Creates the request listener: logging, faults, CORS for the REST API, then the provider, login pages or API. */
export function createRequestListener(context: ServerContext) {
  const providerCallback = context.provider.callback();

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://emulator.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : null;
    const isHook = url.pathname.startsWith('/__emulator/');
    const entry: LoggedRequest = {
      method,
      path: url.pathname,
      query: redactQuery(url.searchParams),
      status: 0,
      origin,
      authorization: request.headers.authorization
        ? `${request.headers.authorization.split(' ')[0] ?? ''} [redacted]`
        : null,
      time: Date.now(),
    };
    if (!isHook) {
      response.on('close', () => {
        entry.status = response.headersSent ? response.statusCode : 0;
      });
      context.log.push(entry);
      // A long `npm start` session must not grow without bound; tests read far fewer entries than this.
      if (context.log.length > LOG_LIMIT) context.log.splice(0, context.log.length - LOG_LIMIT);
    }

    try {
      if (isHook) {
        writeResult(
          response,
          context.testHooks ? await handleHooks(context, request, url.pathname) : fail(404, ['Test hooks are off.']),
        );
        return;
      }

      // The API's CORS headers go on every answer to an allowed origin, injected faults included: a page must be
      // able to read an injected 500 or 409 as the server's answer, not see it as a network failure.
      if (url.pathname.startsWith(API_PREFIX + '/')) {
        if (origin && apiCorsAllowed(context, origin)) {
          response.setHeader('Access-Control-Allow-Origin', origin);
          response.setHeader('Access-Control-Expose-Headers', 'ETag, WWW-Authenticate, Retry-After');
        }
        response.setHeader('Vary', 'Origin');
      }

      const rule = context.testHooks ? context.faults.take(method, url.pathname, url.search) : undefined;
      if (rule) {
        entry.fault = rule.drop ?? (rule.status === undefined ? 'delay' : 'status');
        if (rule.delayMs) await wait(context, rule.delayMs);
        if (rule.drop === 'hang') {
          context.pending.sockets.add(request.socket);
          return;
        }
        if (rule.drop === 'before') {
          request.socket.destroy();
          return;
        }
        if (rule.status !== undefined && rule.drop === undefined) {
          writeResult(response, faultBody(rule));
          return;
        }
      }

      if (url.pathname.startsWith(API_PREFIX + '/')) {
        if (method === 'OPTIONS') {
          if (origin && apiCorsAllowed(context, origin)) {
            response.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT');
            response.setHeader('Access-Control-Allow-Headers', ALLOWED_REQUEST_HEADERS);
            response.setHeader('Access-Control-Max-Age', '600');
          }
          response.writeHead(204).end();
          return;
        }
        const result = await routeApi(
          {store: context.store, provider: context.provider, settings: context.settings},
          {request, method, path: url.pathname, query: url.searchParams, readBody: () => readJson(request)},
        );
        if (rule?.drop === 'after-commit') {
          // The write has happened; the answer is lost on the way back (C4-03).
          request.socket.destroy();
          return;
        }
        writeResult(response, result);
        return;
      }

      const interaction = INTERACTION.exec(url.pathname);
      if (interaction?.[1]) {
        await handleInteraction(
          {
            provider: context.provider,
            store: context.store,
            firstPartyClientIds: context.firstPartyClientIds,
            loginHint: context.loginHint,
            readForm,
          },
          request,
          response,
          interaction[1],
          interaction[2],
        );
        return;
      }

      if (url.pathname === ISSUER_PATH || url.pathname.startsWith(ISSUER_PATH + '/')) {
        // Mount the provider below the issuer's path, the way Express's app.use(prefix, …) would.
        (request as IncomingMessage & {originalUrl?: string}).originalUrl = request.url;
        request.url = (request.url ?? '/').slice(ISSUER_PATH.length) || '/';
        await providerCallback(request, response);
        return;
      }

      if (url.pathname === '/' && method === 'GET') {
        writeResult(response, {
          status: 200,
          body: {
            name: 'Conga Platform emulator',
            issuer: context.provider.issuer,
            discovery: `${context.provider.issuer}/.well-known/openid-configuration`,
            api: `${API_PREFIX}/api-connections`,
          },
        });
        return;
      }
      writeResult(response, fail(404, ['Nothing here.']));
    } catch (error) {
      if (error instanceof BodyTooLarge && !response.headersSent) {
        writeResult(response, tooLarge());
        // Drained: Node closes the socket cleanly after the answer (Connection: close). Not drained: the rest of
        // the body is not read, so close once the answer is flushed rather than wait for it.
        if (!error.drained) response.once('finish', () => request.socket.destroy());
        return;
      }
      // Never show internals: the message is generic and the stack stays in the emulator's terminal.
      console.error('emulator: request failed', method, url.pathname, error);
      if (!response.headersSent) writeResult(response, fail(500, ['The emulator failed to answer this request.']));
      else response.destroy();
    }
  };
}
