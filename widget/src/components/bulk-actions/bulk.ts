/**
 * The pure part of the bulk actions: the plan and confirmation text of a bulk deactivate or reactivate, the runner
 * that makes the per-connection status calls a few at a time (the platform has no bulk endpoint), and its report.
 * `<conga-bulk-actions>` owns the side effects (the calls, events and announcements); this module orders and
 * describes them.
 */
import type {ConnectionType} from '@conga-connections/api-client';
import {bulkMessages} from './bulk-messages.js';

/** One selected connection, as a bulk action sees it. */
export interface BulkItem {
  readonly key: string;
  readonly name: string;
  readonly externalIdentifier: string | null;
  /** `null` for a type this build doesn't know: such a connection is skipped. */
  readonly type: ConnectionType | null;
  readonly isActive: boolean;
}

/** An item that can be acted on. */
export type BulkTarget = BulkItem & {readonly externalIdentifier: string; readonly type: ConnectionType};

/** A paragraph of the confirmation, optionally followed by a list of names (rendered in `<bdi>`). */
export interface BulkLine {
  readonly text: string;
  readonly names?: readonly string[];
  /** "and 12 more", after the names. */
  readonly more?: string;
}

/** What a bulk action will do, and how the confirmation says it. */
export interface BulkPlan {
  readonly activate: boolean;
  readonly targets: readonly BulkTarget[];
  readonly heading: string;
  readonly confirmLabel: string;
  readonly lines: readonly BulkLine[];
  /** Set when there is nothing to do: every selected connection is already in that state (or can't be changed). */
  readonly nothingToDo?: string;
}

/** One failed connection of a run, with the specific reason the server (or the network) gave. */
export interface BulkFailure {
  readonly key: string;
  readonly name: string;
  readonly reason: string;
}

/** The outcome of a run, ready to show. */
export interface BulkReport {
  readonly activate: boolean;
  readonly summary: string;
  readonly succeeded: readonly string[];
  readonly failures: readonly BulkFailure[];
  readonly retryLabel: string;
  readonly dismissLabel: string;
}

/** Names shown in a confirmation before "and N more": enough to recognise the selection, short enough to read. */
export const NAMES_SHOWN = 5;

function namesLine(text: string, items: readonly BulkItem[]): BulkLine {
  const more = items.length - NAMES_SHOWN;
  return {
    text,
    names: items.slice(0, NAMES_SHOWN).map((item) => item.name),
    ...(more > 0 ? {more: bulkMessages.andMore(more)} : {}),
  };
}

function isTarget(item: BulkItem): item is BulkTarget {
  return item.type !== null && Boolean(item.externalIdentifier);
}

/** Splits a selection into the connections to change and those skipped (already in that state, or unknown). */
export function planBulk(items: readonly BulkItem[], activate: boolean): BulkPlan {
  const targets: BulkTarget[] = [];
  const already: BulkItem[] = [];
  const unknown: BulkItem[] = [];
  for (const item of items) {
    if (!isTarget(item)) unknown.push(item);
    else if (item.isActive === activate) already.push(item);
    else targets.push(item);
  }
  const lines: BulkLine[] = [];
  if (targets.length) lines.push(namesLine(bulkMessages.confirmTargets(activate, targets.length), targets));
  if (already.length) lines.push(namesLine(bulkMessages.skippedAlready(activate, already.length), already));
  if (unknown.length) lines.push(namesLine(bulkMessages.skippedUnknown(unknown.length), unknown));
  lines.push({text: activate ? bulkMessages.confirmReactivateBody : bulkMessages.confirmDeactivateBody});
  return {
    activate,
    targets,
    heading: bulkMessages.confirmTitle(activate, targets.length),
    confirmLabel: bulkMessages.confirmLabel(activate, targets.length),
    lines,
    ...(targets.length ? {} : {nothingToDo: bulkMessages.nothingToDo(activate, items.length)}),
  };
}

/**
 * Runs `work` on every item, at most `concurrency` at a time, in order of the items. A failure of one never stops the
 * others: each item's error (or `undefined`) is reported to `onSettled` and returned, in the items' order.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
  onSettled: (item: T, error: unknown, settled: number) => void = () => undefined,
): Promise<{item: T; error: unknown}[]> {
  const outcomes: {item: T; error: unknown}[] = items.map((item) => ({item, error: undefined}));
  let next = 0;
  let settled = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const outcome = outcomes[next];
      next += 1;
      if (!outcome) continue;
      try {
        await work(outcome.item);
      } catch (error) {
        // Never undefined, so a failure can't read as a success.
        outcome.error = error ?? new Error('failed');
      }
      settled += 1;
      onSettled(outcome.item, outcome.error, settled);
    }
  };
  await Promise.all(Array.from({length: Math.max(1, Math.min(concurrency, items.length))}, worker));
  return outcomes;
}

/** What the list hands the runner: the status call, and what to do as each connection succeeds or settles. */
export interface BulkRun {
  readonly targets: readonly BulkTarget[];
  readonly activate: boolean;
  readonly concurrency: number;
  /** The platform's status call; resolves `true` when the server confirmed the change. */
  readonly setStatus: (target: BulkTarget) => Promise<boolean>;
  /** Called once per confirmed change, as it happens (the list updates the row and emits its event). */
  readonly onSuccess: (target: BulkTarget) => void;
  /** Called as each connection settles, with the progress line to show. */
  readonly onProgress: (target: BulkTarget, progress: string) => void;
  /** Turns an error into its message: the server's own words when it sent some. */
  readonly describe: DescribeError;
}

/** Explains an error in plain words: `describeError`, handed in (importing it here would split the bundle). */
export type DescribeError = (error: unknown) => {title: string; detail?: string};

/** The reason a connection failed, as specific as the error allows (the server's own message when it sent one). */
function failureReason(describe: DescribeError, error: unknown): string {
  const {title, detail} = describe(error);
  return detail ? `${title} ${detail}` : title;
}

/** Thrown (and recognised by identity) when the server answered without confirming the change. */
const NOT_CONFIRMED = new Error('the server did not confirm the status change');

/** Runs a bulk status change and reports which connections succeeded and which failed, and why. */
export async function runBulk(run: BulkRun): Promise<BulkReport> {
  const {targets, activate} = run;
  const outcomes = await runPool(
    targets,
    run.concurrency,
    async (target) => {
      // `Data: true` is the platform's only confirmation; anything else leaves the row as it was.
      if (!(await run.setStatus(target))) throw NOT_CONFIRMED;
      run.onSuccess(target);
    },
    (target, _error, settled) => {
      run.onProgress(target, bulkMessages.progress(activate, settled, targets.length));
    },
  );
  const succeeded = outcomes.filter((outcome) => outcome.error === undefined).map((outcome) => outcome.item.key);
  const failures = outcomes
    .filter((outcome) => outcome.error !== undefined)
    .map(({item, error}) => ({
      key: item.key,
      name: item.name,
      reason: error === NOT_CONFIRMED ? bulkMessages.notConfirmed : failureReason(run.describe, error),
    }));
  return {
    activate,
    summary: failures.length
      ? bulkMessages.partlyDone(activate, succeeded.length, targets.length, failures.length)
      : bulkMessages.done(activate, succeeded.length),
    succeeded,
    failures,
    retryLabel: bulkMessages.retryFailed(failures.length),
    dismissLabel: bulkMessages.dismiss,
  };
}
