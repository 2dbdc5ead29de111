import {describe, expect, it} from 'vitest';
import {ListSelection} from './list-selection.js';

/** A view of rows 0…count-1 in the given order, each row keyed `k<index>`. */
function rows(order: number[]) {
  return {view: Uint32Array.from(order), keyOf: (index: number) => `k${String(index)}`};
}

describe('ListSelection', () => {
  it('selects and clears keys, replacing its set on every change', () => {
    const selection = new ListSelection();
    const before = selection.keys;
    selection.select(['k1', 'k2'], true);
    expect([...selection.keys]).toEqual(['k1', 'k2']);
    expect(selection.keys).not.toBe(before);
    selection.select(['k1'], false);
    expect(selection.has('k1')).toBe(false);
    expect(selection.size).toBe(1);
    selection.clear();
    expect(selection.size).toBe(0);
  });

  it('keeps only what a bulk run left', () => {
    const selection = new ListSelection();
    selection.select(['k1', 'k2', 'k3'], true);
    selection.replace(['k3']);
    expect([...selection.keys]).toEqual(['k3']);
  });

  it('selects the range from the last clicked row to a Shift+clicked one, in the view order', () => {
    const selection = new ListSelection();
    const view = rows([4, 2, 0, 3, 1]);
    selection.click('k2', true, false, view);
    selection.click('k3', true, true, view);
    expect([...selection.keys].sort()).toEqual(['k0', 'k2', 'k3']);
    // Backwards, and clearing: the range takes the clicked box's new state.
    selection.click('k4', false, true, view);
    expect([...selection.keys].sort()).toEqual([]);
  });

  it('selects only the clicked row without Shift, or when the last clicked row left the view', () => {
    const selection = new ListSelection();
    selection.click('k9', true, false, rows([0, 1, 2]));
    selection.click('k2', true, true, rows([0, 1, 2]));
    expect([...selection.keys].sort()).toEqual(['k2', 'k9']);
    selection.click('k0', true, false, rows([0, 1, 2]));
    expect([...selection.keys].sort()).toEqual(['k0', 'k2', 'k9']);
  });

  it('counts the selected rows of a view once per view and selection', () => {
    const selection = new ListSelection();
    const view = rows([0, 1, 2, 3]);
    let reads = 0;
    const counted = {view: view.view, keyOf: (index: number) => ((reads += 1), view.keyOf(index))};
    selection.select(['k1', 'k3', 'k7'], true);
    expect(selection.countIn(counted)).toBe(2);
    expect(selection.countIn(counted)).toBe(2);
    expect(reads).toBe(4);
    selection.select(['k0'], true);
    expect(selection.countIn(counted)).toBe(3);
  });
});
