import {describe, expect, it} from 'vitest';
import {byValue} from './list-sort.js';
import {sortByRank} from './rank-sort.js';

/** The engine's sort with the list's comparison: what every faster sort must give. */
const engineOrder = (values: readonly string[]) => Array.from(values.keys()).sort(byValue(values));

describe('sortByRank', () => {
  it('orders a column of few values as the collator does, rows the collator calls equal in the server order', () => {
    const values = ['UI to API', 'api to api', 'Legacy', 'API to API', 'ui to api', '', 'Légacy', 'API to API'];
    const order = sortByRank(values);
    expect(order && Array.from(order)).toEqual(engineOrder(values));
    // "api to api" and "API to API" share a rank: their rows keep the server's order (1, 3, 7).
    expect(order && Array.from(order).filter((row) => values[row]?.toLowerCase() === 'api to api')).toEqual([1, 3, 7]);
  });

  it('gives up on a column of many distinct values, which the engine sorts faster', () => {
    const values = Array.from({length: 2000}, (_, index) => `Client ${String(index)}`);
    expect(sortByRank(values)).toBeUndefined();
    const twoValues = Array.from({length: 2000}, (_, index) => (index % 3 ? 'Active' : 'Inactive'));
    expect(Array.from(sortByRank(twoValues) ?? [])).toEqual(engineOrder(twoValues));
  });
});
