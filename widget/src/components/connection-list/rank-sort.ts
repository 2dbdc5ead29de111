/**
 * The counting sort of the columns with few distinct values (Type, Status), in the list-deferred chunk: it orders
 * 10,000 rows in one pass instead of 130,000 comparisons. Plain TypeScript, tested in Node.
 */
import {collator} from './list-sort.js';

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
