/**
 * The list's selection: connections selected by key, kept across paging, sorting, filtering and reloads until Clear
 * selection, with the Shift+click range of mail clients. Plain TypeScript, tested in Node.
 */

/** Which rows of a view are selected, as the element asks: by position in the view, a row's key by its index. */
export interface SelectionView {
  readonly view: Uint32Array;
  keyOf(index: number): string;
}

export class ListSelection {
  /** Replaced on every change, never changed in place, so a render can tell it changed. */
  #keys: ReadonlySet<string> = new Set();
  /** The row checkbox clicked last: a Shift+click selects the rows from it to the one clicked. */
  #anchor: string | undefined;
  /** How many rows of a view are selected, for the view and selection it was counted for. */
  #counted: {view: Uint32Array; keys: ReadonlySet<string>; count: number} | undefined;

  get keys(): ReadonlySet<string> {
    return this.#keys;
  }

  get size(): number {
    return this.#keys.size;
  }

  has(key: string): boolean {
    return this.#keys.has(key);
  }

  /** Selects (or clears) every key given. */
  select(keys: Iterable<string>, selected: boolean): void {
    const next = new Set(this.#keys);
    for (const key of keys) {
      if (selected) next.add(key);
      else next.delete(key);
    }
    this.#keys = next;
  }

  /** Exactly these keys: what a bulk run leaves selected (its failures). */
  replace(keys: Iterable<string>): void {
    this.#keys = new Set(keys);
  }

  clear(): void {
    this.#keys = new Set();
  }

  /**
   * A click (or Space) on a row's checkbox; with `range` (Shift), every row between it and the last one clicked, in
   * the view's order and across pages, takes its new state.
   */
  click(key: string, selected: boolean, range: boolean, rows: SelectionView): void {
    const anchor = this.#anchor;
    this.#anchor = key;
    if (range && anchor !== undefined) {
      const positions = [anchor, key].map((wanted) => rows.view.findIndex((index) => rows.keyOf(index) === wanted));
      const [from = -1, to = -1] = positions.sort((a, b) => a - b);
      if (from >= 0) {
        this.select(
          Array.from(rows.view.subarray(from, to + 1), (index) => rows.keyOf(index)),
          selected,
        );
        return;
      }
    }
    this.select([key], selected);
  }

  /** How many rows of the view are selected: counted once per view and selection, not per render. */
  countIn(rows: SelectionView): number {
    const cached = this.#counted;
    if (cached?.view === rows.view && cached.keys === this.#keys) return cached.count;
    let count = 0;
    if (this.#keys.size) for (const index of rows.view) if (this.#keys.has(rows.keyOf(index))) count += 1;
    this.#counted = {view: rows.view, keys: this.#keys, count};
    return count;
  }
}
