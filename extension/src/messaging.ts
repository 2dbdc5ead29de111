/**
 * The one message map between the extension's pages and its background worker: what each message carries and
 * answers, the strict parser the worker runs on everything it receives, the sender check, and the typed
 * `sendMessage()` the pages use. Replies are `{ok: true, value}` or `{ok: false, error: {name, code, message}}`.
 */
import browser from 'webextension-polyfill';
import type {Runtime} from 'webextension-polyfill';
import {
  AUTH_ERROR_CODES,
  AuthError,
  type AuthErrorCode,
  type SignInTestResult,
  type TokenTestResult,
} from '@conga-connections/auth';
import {browserText} from './browser-text.js';
import type {SerializedError} from './serialized-error.js';
import type {PublicAuthState} from './storage.js';

/** Every message the worker answers: its payload (`request`) and the value of a successful reply (`response`). */
export interface MessageMap {
  /** The tenant's sign-in state, without any token. */
  'auth:get-state': {request: {tenantId: string}; response: PublicAuthState};
  /** Signs in to the tenant in a browser-managed window (identity.launchWebAuthFlow). */
  'auth:sign-in': {request: {tenantId: string}; response: PublicAuthState};
  /** Forgets the tenant's tokens and ends the provider's session. */
  'auth:sign-out': {request: {tenantId: string}; response: PublicAuthState};
  /** A valid access token for the tenant, renewed first when needed; only ever answered to extension pages. */
  'auth:get-access-token': {
    request: {tenantId: string; forceRefresh?: boolean; rejectedToken?: string};
    response: string;
  };
  /** Shows or hides the drawer in a tab whose origin the admin enabled. */
  'drawer:toggle': {request: {tabId: number}; response: {open: boolean}};
  /**
   * "Test sign-in": one authorization-code + PKCE round trip at the tenant's issuer with another connection's Client
   * ID, through the extension's redirect URL. Answers decoded claims, scopes and expiry, or the error; never a token.
   */
  'connection-test:sign-in': {request: {tenantId: string; clientId: string; scope: string}; response: SignInTestResult};
  /**
   * "Get a token now": one client_credentials request at the tenant's issuer. The secret travels in this message
   * only and is dropped once the request is made. Answers decoded claims, scopes and expiry, or the error.
   */
  'connection-test:token': {
    request: {tenantId: string; clientId: string; clientSecret: string; scope?: string};
    response: TokenTestResult;
  };
}

/** The name of a message. */
export type MessageType = keyof MessageMap;

/** A message as it travels: exactly these two fields. */
export interface Message<T extends MessageType = MessageType> {
  type: T;
  payload: MessageMap[T]['request'];
}

/** The worker's answer to a message. */
export type Reply<T> = {ok: true; value: T} | {ok: false; error: SerializedError};

/** Every code a {@link MessageError} can carry. */
export const MESSAGE_ERROR_CODES = [
  'MESSAGE_UNKNOWN_TYPE',
  'MESSAGE_INVALID',
  'MESSAGE_TOO_LARGE',
  'MESSAGE_FORBIDDEN_SENDER',
  'MESSAGE_NO_ANSWER',
  'MESSAGE_FAILED',
  'TENANT_NOT_FOUND',
  'DRAWER_NOT_ALLOWED',
] as const;

/** One of {@link MESSAGE_ERROR_CODES}. */
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];

/**
 * Each code's text, in the browser's language: `_locales/<locale>/messages.json` (filled from
 * l10n/translations by `npm run l10n`, issue 17). `browser.i18n` works in the pages and in the MV3 worker alike; the
 * English here is what a context without it (unit tests) gets, and the same as `_locales/en`.
 */
const MESSAGE_TEXT: Record<MessageErrorCode, readonly [name: string, english: string]> = {
  MESSAGE_UNKNOWN_TYPE: ['messageUnknownType', 'unknown message type'],
  MESSAGE_INVALID: ['messageInvalid', 'the message does not have the expected shape'],
  MESSAGE_TOO_LARGE: ['messageTooLarge', 'the message is too large'],
  MESSAGE_FORBIDDEN_SENDER: ['messageForbiddenSender', 'only pages of this extension may send this message'],
  MESSAGE_NO_ANSWER: ['messageNoAnswer', 'the background worker did not answer'],
  MESSAGE_FAILED: ['messageFailed', 'the background worker failed to answer'],
  TENANT_NOT_FOUND: [
    'messageTenantNotFound',
    'This tenant is no longer configured. Choose another one, or add it again in the settings.',
  ],
  DRAWER_NOT_ALLOWED: ['messageDrawerNotAllowed', 'API connections are not enabled on this page yet.'],
};

/** The text of a code in the browser's language (English where `browser.i18n` is absent). */
export function messageText(code: MessageErrorCode): string {
  const [name, english] = MESSAGE_TEXT[code];
  return browserText(name, english);
}

/** A message that was refused, or a failure that is neither an auth nor an API error. */
export class MessageError extends Error {
  override readonly name = 'MessageError'; // a literal, because bundles minify class names
  readonly code: MessageErrorCode;

  constructor(code: MessageErrorCode, message: string = messageText(code)) {
    super(message);
    this.code = code;
  }
}

/** Tells whether `error` is a {@link MessageError}, optionally with the given code. */
export function isMessageError(error: unknown, code?: MessageErrorCode): error is MessageError {
  return error instanceof MessageError && (code === undefined || error.code === code);
}

/**
 * The largest message the worker reads, in characters of its JSON. Real messages are under 200; a token sent back
 * as `rejectedToken` is the largest field (B5-04: a huge payload gets a structured error, not a crash).
 */
export const MAX_MESSAGE_CHARACTERS = 16_384;

/** Tenant IDs are generated UUIDs; anything else is refused before it reaches storage keys. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MAX_TOKEN_CHARACTERS = 8_192;

type Field = (value: unknown) => boolean;
const tenantId: Field = (value) => typeof value === 'string' && TENANT_ID.test(value);
const boolean: Field = (value) => typeof value === 'boolean';
const token: Field = (value) => typeof value === 'string' && value.length > 0 && value.length <= MAX_TOKEN_CHARACTERS;
const tabId: Field = (value) => Number.isSafeInteger(value) && (value as number) >= 0;
/** Visible ASCII without spaces (RFC 6749 §A.1 allows a client_id of VSCHAR; the platform's are UUIDs). */
const clientId: Field = (value) => typeof value === 'string' && /^[\x21-\x7e]{1,256}$/.test(value);
/** Scope tokens (RFC 6749 §3.3: NQCHAR, one space between them), at most 1,024 characters. */
const scope: Field = (value) =>
  typeof value === 'string' &&
  value.length <= 1_024 &&
  /^[\x21\x23-\x5b\x5d-\x7e]+(?: [\x21\x23-\x5b\x5d-\x7e]+)*$/.test(value);
/** A client secret: visible ASCII, at most 512 characters (the platform's are far shorter). */
const clientSecret: Field = (value) => typeof value === 'string' && /^[\x21-\x7e]{1,512}$/.test(value);

/** Each payload's fields: required ones without `?`, optional ones with it. No other field is accepted. */
const SCHEMAS: Record<MessageType, Record<string, Field>> = {
  'auth:get-state': {tenantId},
  'auth:sign-in': {tenantId},
  'auth:sign-out': {tenantId},
  'auth:get-access-token': {tenantId, 'forceRefresh?': boolean, 'rejectedToken?': token},
  'drawer:toggle': {tabId},
  'connection-test:sign-in': {tenantId, clientId, scope},
  'connection-test:token': {tenantId, clientId, clientSecret, 'scope?': scope},
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasExactly(value: Record<string, unknown>, schema: Record<string, Field>): boolean {
  const known = new Map(Object.entries(schema).map(([key, check]) => [key.replace(/\?$/, ''), check]));
  for (const key of Object.keys(value)) {
    const check = known.get(key);
    if (!check?.(value[key])) return false;
  }
  return Object.keys(schema).every((key) => key.endsWith('?') || key in value);
}

/**
 * Checks a received message field by field and returns it typed; throws a {@link MessageError} for anything else:
 * an unknown type, a missing or extra field, a wrong type, or more than {@link MAX_MESSAGE_CHARACTERS} (B5-04).
 */
export function parseMessage(raw: unknown): Message {
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    throw new MessageError('MESSAGE_INVALID');
  }
  if (size > MAX_MESSAGE_CHARACTERS) throw new MessageError('MESSAGE_TOO_LARGE');
  if (!isRecord(raw) || typeof raw.type !== 'string') throw new MessageError('MESSAGE_INVALID');
  if (!Object.hasOwn(SCHEMAS, raw.type)) throw new MessageError('MESSAGE_UNKNOWN_TYPE');
  const type = raw.type as MessageType;
  const keys = Object.keys(raw);
  if (keys.length !== 2 || !keys.includes('payload') || !isRecord(raw.payload)) {
    throw new MessageError('MESSAGE_INVALID');
  }
  if (!hasExactly(raw.payload, SCHEMAS[type])) throw new MessageError('MESSAGE_INVALID');
  return {type, payload: raw.payload} as Message;
}

/** Who the worker is: its ID and the origin of its pages (`chrome-extension://<id>` or `moz-extension://<uuid>`). */
export interface ExtensionIdentity {
  id: string;
  /** Without a trailing slash. */
  origin: string;
}

/** The running extension's identity. */
export function currentExtension(): ExtensionIdentity {
  return {id: browser.runtime.id, origin: browser.runtime.getURL('').replace(/\/$/, '')};
}

/**
 * Whether a message comes from one of this extension's own pages: the popup, the options page, the side panel, a
 * tab, or the drawer's frame. A content script shares the extension's ID but reports the web page's URL, so the URL
 * (and Chromium's `origin`) must be the extension's own origin too. Tokens are only ever answered to such a sender
 * (B5-04; Chrome's guidance: "content scripts are less trustworthy", developer.chrome.com/docs/extensions/develop/
 * security-privacy/stay-secure#content_scripts).
 */
export function isExtensionPage(sender: Runtime.MessageSender, extension: ExtensionIdentity): boolean {
  if (sender.id !== extension.id || typeof sender.url !== 'string') return false;
  // A prefix test on the exact origin plus '/': `URL.origin` is "null" for these schemes outside browsers.
  if (!sender.url.startsWith(`${extension.origin}/`)) return false;
  // Chromium also reports the sending document's origin; it must agree (Firefox leaves it out).
  const origin = (sender as {origin?: unknown}).origin;
  return origin === undefined || origin === extension.origin;
}

/** Turns anything thrown into the three strings that may cross messaging; never a stack, a cause or a body. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof AuthError || error instanceof MessageError) {
    return {name: error.name, code: error.code, message: error.message};
  }
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : 'MESSAGE_FAILED';
  // Unknown failures get generic copy: their text may name internals (STYLE §8).
  return {name: 'MessageError', code, message: messageText('MESSAGE_FAILED')};
}

/** Rebuilds an error sent by the worker: an {@link AuthError} for auth codes, a {@link MessageError} otherwise. */
export function deserializeError(error: SerializedError): Error {
  if (error.name === 'AuthError' && (AUTH_ERROR_CODES as readonly string[]).includes(error.code)) {
    return new AuthError(error.code as AuthErrorCode, {message: error.message});
  }
  const code = (MESSAGE_ERROR_CODES as readonly string[]).includes(error.code)
    ? (error.code as MessageErrorCode)
    : 'MESSAGE_FAILED';
  return new MessageError(code, error.message);
}

/** The handler of each message type; `sender` is already known to be one of the extension's pages. */
export type MessageHandlers = {
  [T in MessageType]: (
    payload: MessageMap[T]['request'],
    sender: Runtime.MessageSender,
  ) => Promise<MessageMap[T]['response']>;
};

/**
 * Builds the worker's `runtime.onMessage` listener: it parses every message, checks the sender, runs the handler
 * and always answers with a {@link Reply}, so a bad message gets a structured error and never an exception (B5-04).
 */
export function handleMessages(
  handlers: MessageHandlers,
  extension: () => ExtensionIdentity = currentExtension,
): (raw: unknown, sender: Runtime.MessageSender) => Promise<Reply<unknown>> {
  return async (raw, sender) => {
    try {
      const message = parseMessage(raw);
      // Every message is privileged: a content script or any other context gets nothing (B5-04).
      if (!isExtensionPage(sender, extension())) throw new MessageError('MESSAGE_FORBIDDEN_SENDER');
      const handler = handlers[message.type] as (payload: unknown, sender: Runtime.MessageSender) => Promise<unknown>;
      return {ok: true, value: await handler(message.payload, sender)};
    } catch (error) {
      if (!(error instanceof AuthError) && !(error instanceof MessageError)) console.error(error);
      return {ok: false, error: serializeError(error)};
    }
  };
}

/** Sends one message to the worker; the part of `runtime` that {@link sendMessage} needs. */
export type SendRuntimeMessage = (message: unknown) => Promise<unknown>;

function isReply(value: unknown): value is Reply<unknown> {
  if (!isRecord(value)) return false;
  if (value.ok === true) return 'value' in value;
  return (
    value.ok === false &&
    isRecord(value.error) &&
    typeof value.error.name === 'string' &&
    typeof value.error.code === 'string' &&
    typeof value.error.message === 'string'
  );
}

/**
 * Sends a typed message to the background worker and resolves its value; a refusal or failure rejects with the
 * error the worker reported (rebuilt by {@link deserializeError}).
 *
 * @example
 * ```ts
 * const token = await sendMessage('auth:get-access-token', {tenantId});
 * ```
 */
export async function sendMessage<T extends MessageType>(
  type: T,
  payload: MessageMap[T]['request'],
  send: SendRuntimeMessage = (message) => browser.runtime.sendMessage(message),
): Promise<MessageMap[T]['response']> {
  let reply: unknown;
  try {
    reply = await send({type, payload});
  } catch (error) {
    console.error(error);
    throw new MessageError('MESSAGE_NO_ANSWER');
  }
  if (!isReply(reply)) throw new MessageError('MESSAGE_NO_ANSWER');
  if (!reply.ok) throw deserializeError(reply.error);
  return reply.value as MessageMap[T]['response'];
}
