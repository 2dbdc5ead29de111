/**
 * Sorting in idle time, in the lazy list-deferred chunk (loaded once a list is in): every column sorted a few
 * milliseconds at a time after a load, so the first click on a header only shows the result, and a keystroke never
 * waits for it.
 */
import {byValue} from './list-sort.js';
import {sortByRank} from './rank-sort.js';
import type {LoadedList} from './list-query.js';
import {SORT_COLUMNS} from './url-state.js';

/** Comparisons between two pauses of a merge sort: a fraction of a millisecond. */
const SORT_STEP = 1024;
/** Rows per run sorted with the engine's sort before merging: a few milliseconds of work each. */
const SORT_RUN = {min: 256, max: 2048, perList: 64} as const;

/**
 * The same order as {@link sortAtOnce}, in slices that never hold up a keystroke: runs of up to 2,048 rows sorted by the
 * engine (one run per slice), then merged bottom-up, pausing every {@link SORT_STEP} comparisons. Runs already
 * in order, or in reverse order, cost one comparison per merge instead of a merge.
 */
export function* sortInSlices(values: readonly string[]): Generator<undefined, Uint32Array, undefined> {
  const ranked = sortByRank(values);
  if (ranked) return ranked;
  yield;
  const order = byValue(values);
  const length = values.length;
  let source = new Uint32Array(length);
  for (let index = 0; index < length; index += 1) source[index] = index;
  const runLength = Math.max(SORT_RUN.min, Math.min(SORT_RUN.max, Math.ceil(length / SORT_RUN.perList)));
  for (let start = 0; start < length; start += runLength) {
    const run = source.subarray(start, Math.min(length, start + runLength));
    // An array's sort (adaptive, unlike a typed array's) makes short work of stretches already in order.
    run.set(Array.from(run).sort(order));
    yield;
  }
  let target = new Uint32Array(length);
  for (let width = runLength; width < length; width *= 2) {
    for (let low = 0; low < length; low += 2 * width) {
      const middle = Math.min(low + width, length);
      const high = Math.min(low + 2 * width, length);
      if (middle >= high || order(source[middle - 1] ?? 0, source[middle] ?? 0) < 0) {
        target.set(source.subarray(low, high), low);
        continue;
      }
      if (order(source[high - 1] ?? 0, source[low] ?? 0) < 0) {
        target.set(source.subarray(middle, high), low);
        target.set(source.subarray(low, middle), low + high - middle);
        continue;
      }
      let left = low;
      let right = middle;
      let out = low;
      let steps = 0;
      while (left < middle && right < high) {
        const fromRight = order(source[right] ?? 0, source[left] ?? 0) < 0;
        target[out] = (fromRight ? source[right] : source[left]) ?? 0;
        out += 1;
        if (fromRight) right += 1;
        else left += 1;
        steps += 1;
        if (steps === SORT_STEP) {
          steps = 0;
          yield;
        }
      }
      target.set(source.subarray(left, middle), out);
      target.set(source.subarray(right, high), out + middle - left);
    }
    [source, target] = [target, source];
    yield;
  }
  return source;
}

/** The longest slice of idle time one batch of sorting takes, so a keystroke never waits longer than that. */
const IDLE_SLICE_MS = 8;

/**
 * Calls `callback` with the idle time there is (a few milliseconds where idle callbacks don't exist). The request goes
 * out from a task of its own: one made inside an idle callback waits for the next idle period, which on a quiet page
 * is up to 50 ms away, so the sorting used one 8 ms slice of every 50 and columns were still unsorted when the admin
 * clicked them (issue 18). Between two slices the page still handles input first: the task and the callback are two.
 */
function whenIdle(callback: (remaining: () => number) => void): void {
  if (typeof requestIdleCallback === 'function') {
    // Set from an idle callback, not from a timer, so the browser does not clamp it: the task comes at once.
    setTimeout(() => {
      requestIdleCallback((deadline) => {
        callback(() => deadline.timeRemaining());
      });
    });
  } else {
    setTimeout(() => {
      const end = performance.now() + IDLE_SLICE_MS;
      callback(() => end - performance.now());
    }, 50);
  }
}

/** Runs `steps` in idle time, a slice at a time, until they end or `current()` says the list was replaced or left. */
export function runWhenIdle(steps: Iterator<unknown>, current: () => boolean): void {
  const slice = (remaining: () => number) => {
    if (!current()) return;
    const end = performance.now() + Math.min(IDLE_SLICE_MS, remaining());
    while (performance.now() < end) if (steps.next().done) return;
    whenIdle(slice);
  };
  whenIdle(slice);
}

/** Sorts every column of `list` into `list.orders`, a step at a time; a column sorted meanwhile by a click is skipped. */
export function* sortEveryColumn(list: LoadedList): Generator<undefined, void, undefined> {
  for (;;) {
    const column = SORT_COLUMNS.find((candidate) => !list.orders.has(candidate));
    if (!column) return;
    // A step apart, and another after each column: reading 100,000 values, or a counting sort of them, takes a few
    // milliseconds, and an idle callback runs its steps until its time is up, never one less.
    const values = list.values(column);
    yield;
    const job = sortInSlices(values);
    let step = job.next();
    while (!step.done && !list.orders.has(column)) {
      yield;
      step = job.next();
    }
    if (step.done && !list.orders.has(column)) list.orders.set(column, step.value);
    yield;
  }
}
