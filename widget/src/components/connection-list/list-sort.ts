/**
 * The list's sorting: one collator for every comparison, a counting sort for columns with few distinct values, and
 * the engine's sort when the admin is waiting (idle-sort.ts sorts in slices in idle time). Orders are row indices in
 * typed arrays, never copies of the rows. Plain TypeScript, tested in Node.
 */

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
export function byValue(values: readonly string[]): (a: number, b: number) => number {
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

/** Sorts at once, with the engine's own (adaptive) sort: the fastest way when the admin is waiting for it. */
export function sortAtOnce(values: readonly string[]): Uint32Array {
  return sortByRank(values) ?? Uint32Array.from(Array.from(values.keys()).sort(byValue(values)));
}
