import {describe, expect, it} from 'vitest';
import {planBulk, runBulk, runPool} from './bulk.js';
import type {BulkItem, BulkTarget} from './bulk.js';

function item(index: number, isActive: boolean, type: BulkItem['type'] = 'APItoAPI'): BulkItem {
  return {
    key: `k${String(index)}`,
    name: `Connection ${String(index)}`,
    externalIdentifier: `ORG${String(index)}`,
    type,
    isActive,
  };
}

function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return {promise, open};
}

describe('planBulk', () => {
  it('names the connections to change, then those skipped because they are already in that state', () => {
    const items = [item(1, true), item(2, false), item(3, true), item(4, false, null)];
    const plan = planBulk(items, false);
    expect(plan.targets.map((target) => target.key)).toEqual(['k1', 'k3']);
    expect(plan.heading).toBe('Deactivate 2 connections?');
    expect(plan.confirmLabel).toBe('Deactivate 2');
    expect(plan.lines).toEqual([
      {text: 'These 2 connections will be deactivated:', names: ['Connection 1', 'Connection 3']},
      {text: 'Skipped, because it is already inactive (1):', names: ['Connection 2']},
      {text: "Skipped, because this page can't change their status (1):", names: ['Connection 4']},
      {
        text: 'New token requests with these connections fail at once. Tokens already issued stay valid until they expire.',
      },
    ]);
    expect(plan.nothingToDo).toBeUndefined();
  });

  it('shows the first five names and "and N more"', () => {
    const plan = planBulk(
      Array.from({length: 12}, (_, index) => item(index, false)),
      true,
    );
    expect(plan.heading).toBe('Reactivate 12 connections?');
    expect(plan.lines[0]).toEqual({
      text: 'These 12 connections will be reactivated:',
      names: ['Connection 0', 'Connection 1', 'Connection 2', 'Connection 3', 'Connection 4'],
      more: 'and 7 more',
    });
  });

  it('says there is nothing to do when every selected connection is already in that state', () => {
    expect(planBulk([item(1, true), item(2, true)], true).nothingToDo).toBe(
      'All 2 selected connections are already active.',
    );
    expect(planBulk([item(1, false)], false).nothingToDo).toBe('The selected connection is already inactive.');
  });
});

describe('runPool', () => {
  it('runs at most `concurrency` at a time, keeps going past failures and reports in the items’ order', async () => {
    const gates = Array.from({length: 10}, gate);
    let running = 0;
    let most = 0;
    const settled: number[] = [];
    const outcome = runPool(
      gates.map((_, index) => index),
      4,
      async (index) => {
        running += 1;
        most = Math.max(most, running);
        await gates[index]?.promise;
        running -= 1;
        if (index === 3) throw new Error('boom');
      },
      (_item, _error, count) => settled.push(count),
    );
    // Open the gates last to first: each waits for its own, never for the others.
    for (const entry of [...gates].reverse()) entry.open();
    const results = await outcome;
    expect(most).toBe(4);
    expect(settled).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(results.map((result) => result.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(results.filter((result) => result.error !== undefined).map((result) => result.item)).toEqual([3]);
  });

  it('counts a rejection with undefined as a failure', async () => {
    const results = await runPool([1], 4, () => Promise.reject(undefined as unknown as Error));
    expect(results[0]?.error).toBeInstanceOf(Error);
  });
});

describe('runBulk', () => {
  const targets = [item(1, true), item(2, true), item(3, true)] as BulkTarget[];

  it('reports each failure with its specific reason and the successes, and calls onSuccess per confirmed change', async () => {
    const succeeded: string[] = [];
    const progress: string[] = [];
    const report = await runBulk({
      targets,
      activate: false,
      concurrency: 4,
      describe: (error) => ({title: 'The server rejected the request (400).', detail: (error as Error).message}),
      setStatus: (target) =>
        target.key === 'k2' ? Promise.reject(new Error('Connection is locked.')) : Promise.resolve(true),
      onSuccess: (target) => succeeded.push(target.key),
      onProgress: (_target, line) => progress.push(line),
    });
    expect(succeeded.sort()).toEqual(['k1', 'k3']);
    expect(progress).toEqual(['Deactivating 1 of 3…', 'Deactivating 2 of 3…', 'Deactivating 3 of 3…']);
    expect(report).toEqual({
      activate: false,
      summary: 'Deactivated 2 of 3 connections; 1 failed and stays selected:',
      succeeded: ['k1', 'k3'],
      failures: [
        {key: 'k2', name: 'Connection 2', reason: 'The server rejected the request (400). Connection is locked.'},
      ],
      retryLabel: 'Retry failed (1)',
      dismissLabel: 'Dismiss',
    });
  });

  it('counts an answer without confirmation as a failure, and an all-success run as done', async () => {
    const unconfirmed = await runBulk({
      targets: targets.slice(0, 1),
      activate: true,
      concurrency: 4,
      describe: () => ({title: 'unused'}),
      setStatus: () => Promise.resolve(false),
      onSuccess: () => undefined,
      onProgress: () => undefined,
    });
    expect(unconfirmed.failures).toEqual([
      {key: 'k1', name: 'Connection 1', reason: 'The server did not confirm the change.'},
    ]);
    const done = await runBulk({
      targets,
      activate: true,
      concurrency: 2,
      describe: () => ({title: 'unused'}),
      setStatus: () => Promise.resolve(true),
      onSuccess: () => undefined,
      onProgress: () => undefined,
    });
    expect(done.summary).toBe('Reactivated 3 connections.');
    expect(done.failures).toEqual([]);
  });
});
