/**
 * The list's sorting: one collator for every comparison, a counting sort for columns with few distinct values, the
 * engine's sort when the admin is waiting, and a merge sort in slices for idle time. Orders are row indices in typed
 * arrays, never copies of the rows. Plain TypeScript, tested in Node.
 */

/** Comparisons between two pauses of a merge sort: a fraction of a millisecond. */
const SORT_STEP = 1024;
/** Rows per run sorted with the engine's sort before merging: a few milliseconds of work each. */
const SORT_RUN = {min: 256, max: 2048, perList: 64} as const;

let sharedCollator: {locale: string | undefined; collator: Intl.Collator} | undefined;
/**
 * The one place a collator of the list is made: numeric ("2" before "10"), case- and accent-insensitive, for the
 * current locale (the browser's today; the catalogue's locale once there is more than one).
 */
export function collator(locale?: string): Intl.Collator {
  if (sharedCollator === undefined || sharedCollator.locale !== locale) {
    sharedCollator = {locale, collator: new Intl.Collator(locale, {numeric: true, sensitivity: 'base'})};
  }
  return sharedCollator.collator;
}

/** Every sort orders by the collator, and ties keep the server's order, so a sort gives the same result every time. */
function byValue(values: readonly string[]): (a: number, b: number) => number {
  const {compare} = collator();
  return (a, b) => compare(values[a] ?? '', values[b] ?? '') || a - b;
}

/**
 * A counting sort for a column with few distinct values (Type, Status): the distinct values are sorted with the
 * collator and every row is placed by its value's rank, in one pass. Undefined when there are too many distinct
 * values for that to pay.
 */
export function sortByRank(values: readonly string[]): Uint32Array | undefined {
  const limit = Math.max(16, values.length >> 6);
  const idOf = new Map<string, number>();
  const ids = new Uint32Array(values.length);
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? '';
    let id = idOf.get(value);
    if (id === undefined) {
      if (idOf.size >= limit) return undefined;
      id = idOf.size;
      idOf.set(value, id);
    }
    ids[index] = id;
  }
  const distinct = [...idOf.keys()];
  const {compare} = collator();
  const sorted = distinct.map((_, id) => id).sort((a, b) => compare(distinct[a] ?? '', distinct[b] ?? ''));
  // Distinct values the collator calls equal ("a" and "A") share a rank, so their rows keep the server's order.
  const rankOf = new Uint32Array(distinct.length);
  let rank = 0;
  sorted.forEach((id, position) => {
    if (position > 0 && compare(distinct[sorted[position - 1] ?? 0] ?? '', distinct[id] ?? '') !== 0) rank += 1;
    rankOf[id] = rank;
  });
  // Where each rank's rows start, then each row in the server's order at the next place of its rank.
  const next = new Uint32Array(rank + 1);
  for (const id of ids) next[rankOf[id] ?? 0] = (next[rankOf[id] ?? 0] ?? 0) + 1;
  let start = 0;
  next.forEach((count, at) => {
    next[at] = start;
    start += count;
  });
  const order = new Uint32Array(values.length);
  ids.forEach((id, index) => {
    const at = rankOf[id] ?? 0;
    const place = next[at] ?? 0;
    order[place] = index;
    next[at] = place + 1;
  });
  return order;
}

/**
 * The order of values already in order, or in strictly reverse order (a column that follows the server's newest-first
 * order, as External Identifiers often do): one comparison per row instead of a sort. Undefined as soon as two pairs
 * disagree, which for other columns is after a few comparisons.
 */
function presorted(values: readonly string[]): Uint32Array | undefined {
  const {compare} = collator();
  let ascending = true;
  let descending = true;
  for (let index = 1; index < values.length && (ascending || descending); index += 1) {
    const order = compare(values[index - 1] ?? '', values[index] ?? '');
    // Ties keep the server's order, so only a strictly descending column can be read backwards.
    if (order > 0) ascending = false;
    if (order <= 0) descending = false;
  }
  if (!ascending && !descending) return undefined;
  const last = values.length - 1;
  return Uint32Array.from(values, (_, index) => (ascending ? index : last - index));
}

/** Sorts at once, with the engine's own (adaptive) sort: the fastest way when the admin is waiting for it. */
export function sortAtOnce(values: readonly string[]): Uint32Array {
  return presorted(values) ?? sortByRank(values) ?? Uint32Array.from(Array.from(values.keys()).sort(byValue(values)));
}

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
