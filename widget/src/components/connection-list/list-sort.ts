/**
 * The list's sorting: one collator for every comparison, and the engine's sort when the admin is waiting (idle-sort.ts
 * sorts in slices in idle time, rank-sort.ts counts columns with few distinct values). Orders are row indices in
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

/** A faster sort for some columns: the counting sort of rank-sort.ts, once the list-deferred chunk is in. */
type FastSort = (values: readonly string[]) => Uint32Array | undefined;
let fastSort: FastSort | undefined;

/**
 * Called by the list-deferred chunk as it loads: from then on a click on Type or Status sorts by rank. The counting sort
 * is not in the main module (issue 18); a click before the chunk is in, on a list just shown, sorts with the engine.
 */
export function useFastSort(sort: FastSort): void {
  fastSort = sort;
}

/** Sorts at once, with the engine's own (adaptive) sort: the fastest way when the admin is waiting for it. */
export function sortAtOnce(values: readonly string[]): Uint32Array {
  return fastSort?.(values) ?? Uint32Array.from(Array.from(values.keys()).sort(byValue(values)));
}
