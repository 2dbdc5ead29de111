/**
 * The admin's own changes in this browser, for the session: what the element did (created, saved, regenerated a
 * secret, deactivated, reactivated), to which connection, and when. Loaded on first use, never in the main module.
 *
 * A record is built from an allow-list of public fields, so a secret can never reach it, whatever an event carries
 * (B4-02); it is written to a {@link HistoryStore}: the tab's `sessionStorage` by default (gone when the tab closes),
 * `storage.session` in the extension. Records are scoped to one tenant and one admin, so a shared browser never shows
 * one admin's changes to another.
 */
import {toConnectionType} from '@conga-connections/api-client';
import type {ConnectionType} from '@conga-connections/api-client';

/** What the admin did. */
export const CHANGE_ACTIONS = {
  created: 'created',
  saved: 'saved',
  secretRegenerated: 'secret-regenerated',
  deactivated: 'deactivated',
  reactivated: 'reactivated',
} as const;

export type ChangeAction = (typeof CHANGE_ACTIONS)[keyof typeof CHANGE_ACTIONS];

/** One change, with nothing secret in it. */
export interface ChangeRecord {
  /** ISO 8601, when the server confirmed the change. */
  readonly at: string;
  readonly action: ChangeAction;
  readonly externalIdentifier: string;
  readonly connectionType: ConnectionType;
  readonly clientName?: string;
  readonly clientId?: string;
}

/** Where records are kept: a key-value store of strings, possibly asynchronous (the extension's storage.session). */
export interface HistoryStore {
  read(key: string): Promise<string | null> | string | null;
  write(key: string, value: string): Promise<void> | void;
  remove(key: string): Promise<void> | void;
}

/** The most records kept per tenant and admin; the oldest go first. */
export const MAX_RECORDS = 200;

const ACTIONS = new Set<string>(Object.values(CHANGE_ACTIONS));
const TYPES = new Set<string>(['APItoAPI', 'UItoAPI']);
const MAX_FIELD = 2_000;

/**
 * A store over the tab's `sessionStorage`. Read on each use, not once: in a sandboxed frame merely touching
 * `sessionStorage` throws, and a store that throws (storage disabled, quota) only keeps nothing.
 */
export function sessionStorageStore(storage: () => Storage = () => globalThis.sessionStorage): HistoryStore {
  return {
    read: (key) => storage().getItem(key),
    write: (key, value) => {
      storage().setItem(key, value);
    },
    remove: (key) => {
      storage().removeItem(key);
    },
  };
}

/** A store that keeps records in memory only (tests, or a host that wants nothing written). */
export function memoryStore(): HistoryStore {
  const values = new Map<string, string>();
  return {
    read: (key) => values.get(key) ?? null,
    write: (key, value) => {
      values.set(key, value);
    },
    remove: (key) => {
      values.delete(key);
    },
  };
}

/** The storage key of one tenant's and one admin's records. */
export function historyKey(scope: {issuer: string; apiBaseUrl: string; user: string}): string {
  return `conga-api-connections:history:${JSON.stringify([scope.issuer, scope.apiBaseUrl, scope.user])}`;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length <= MAX_FIELD ? value : undefined;
}

/** A record from anything (an event's fields, or what storage held): only the allowed fields, checked, or nothing. */
export function toRecord(value: unknown): ChangeRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const source = value as Record<string, unknown>;
  const at = text(source.at);
  const action = text(source.action);
  const externalIdentifier = text(source.externalIdentifier);
  const connectionType = text(source.connectionType);
  if (!at || Number.isNaN(Date.parse(at)) || !action || !ACTIONS.has(action)) return undefined;
  if (externalIdentifier === undefined || !connectionType || !TYPES.has(connectionType)) return undefined;
  const record: {-readonly [K in keyof ChangeRecord]: ChangeRecord[K]} = {
    at,
    action: action as ChangeAction,
    externalIdentifier,
    connectionType: connectionType as ConnectionType,
  };
  const clientName = text(source.clientName);
  const clientId = text(source.clientId);
  if (clientName) record.clientName = clientName;
  if (clientId) record.clientId = clientId;
  return record;
}

/** Reads the records, newest last; anything unreadable is skipped, never thrown. */
export async function readHistory(store: HistoryStore, key: string): Promise<ChangeRecord[]> {
  let raw: string | null;
  try {
    raw = await store.read(key);
  } catch {
    return [];
  }
  if (!raw) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.map(toRecord).filter((record): record is ChangeRecord => record !== undefined);
}

/**
 * Appends one record (checked again, so nothing but its allowed fields is written) and keeps the newest
 * {@link MAX_RECORDS}. Appends to one key are chained, so two changes confirmed together both land.
 */
export function createHistoryWriter(store: HistoryStore): {
  append(key: string, record: ChangeRecord): Promise<void>;
  clear(key: string): Promise<void>;
} {
  let queue: Promise<unknown> = Promise.resolve();
  const enqueue = (work: () => Promise<void>): Promise<void> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    append: (key, record) =>
      enqueue(async () => {
        const checked = toRecord(record);
        if (!checked) return;
        const records = [...(await readHistory(store, key)), checked].slice(-MAX_RECORDS);
        await store.write(key, JSON.stringify(records));
      }),
    clear: (key) =>
      enqueue(async () => {
        await store.remove(key);
      }),
  };
}

/** The fields of the element's public change events that a record reads (see `widget/src/events/`). */
interface ChangeEventFields {
  readonly type: string;
  readonly connection?: {
    readonly ExternalIdentifier?: string | null;
    readonly APIType?: string | null;
    readonly ClientName?: string | null;
    readonly ClientId?: string | null;
  };
  readonly secretRegenerated?: boolean;
  readonly externalIdentifier?: string;
  readonly connectionType?: ConnectionType;
  readonly isActive?: boolean;
  readonly name?: string;
}

/**
 * The record of one of the element's change events (`conga-connection-created`, `-updated`, `-status-changed`), or
 * nothing for any other event. Reads only the allow-listed fields, so an event carrying more never widens a record.
 */
export function recordFor(event: ChangeEventFields, at: Date): ChangeRecord | undefined {
  const time = at.toISOString();
  if (event.type === 'conga-connection-status-changed') {
    return toRecord({
      at: time,
      action: event.isActive ? CHANGE_ACTIONS.reactivated : CHANGE_ACTIONS.deactivated,
      externalIdentifier: event.externalIdentifier,
      connectionType: event.connectionType,
      // The list's name falls back to the identifier: only a real Client Name is worth repeating.
      clientName: event.name === event.externalIdentifier ? undefined : event.name,
    });
  }
  const connection = event.connection;
  if (!connection) return undefined;
  let action: ChangeAction;
  if (event.type === 'conga-connection-created') action = CHANGE_ACTIONS.created;
  else if (event.type === 'conga-connection-updated') {
    action = event.secretRegenerated ? CHANGE_ACTIONS.secretRegenerated : CHANGE_ACTIONS.saved;
  } else return undefined;
  return toRecord({
    at: time,
    action,
    externalIdentifier: connection.ExternalIdentifier,
    connectionType: toConnectionType(connection.APIType),
    clientName: connection.ClientName,
    clientId: connection.ClientId,
  });
}

/** Whose records: one tenant (the root's issuer and API base URL) and one admin. */
export interface HistoryScope {
  readonly issuer: string;
  readonly apiBaseUrl: string;
  readonly user: string;
}

let defaultStore: HistoryStore | undefined;
const writers = new WeakMap<HistoryStore, ReturnType<typeof createHistoryWriter>>();

/** The host's store, or the tab's sessionStorage; and its one writer, so appends to it are chained. */
function storeAndWriter(store: HistoryStore | undefined) {
  const chosen = store ?? (defaultStore ??= sessionStorageStore());
  let writer = writers.get(chosen);
  if (!writer) {
    writer = createHistoryWriter(chosen);
    writers.set(chosen, writer);
  }
  return {store: chosen, writer};
}

/*
 * What the root calls, so that all of the history's logic stays in this lazy chunk and the main module only holds
 * the button, the panel's place and three one-line calls (issue 7's 30 KB budget).
 */

/** Records one of the element's change events; resolves false when it was not a change. */
export async function recordChange(
  store: HistoryStore | undefined,
  scope: HistoryScope,
  event: Parameters<typeof recordFor>[0],
  at: Date,
): Promise<boolean> {
  const record = recordFor(event, at);
  if (!record) return false;
  await storeAndWriter(store).writer.append(historyKey(scope), record);
  return true;
}

/** The scope's records, oldest first. */
export function listChanges(store: HistoryStore | undefined, scope: HistoryScope): Promise<ChangeRecord[]> {
  return readHistory(storeAndWriter(store).store, historyKey(scope));
}

/** Forgets the scope's records. */
export function clearChanges(store: HistoryStore | undefined, scope: HistoryScope): Promise<void> {
  return storeAndWriter(store).writer.clear(historyKey(scope));
}
