import {describe, expect, it} from 'vitest';
import {checkStoreData, listProblems} from './data-check.js';
import {defaultSeed} from './seed.js';

describe('checkStoreData', () => {
  it('accepts the default organization as a data file holds it', () => {
    expect(checkStoreData(JSON.parse(JSON.stringify(defaultSeed())))).toEqual([]);
  });

  it('names every broken entry, not just the first', () => {
    const data = JSON.parse(JSON.stringify(defaultSeed())) as {connections: unknown[]};
    data.connections[0] = null;
    data.connections[3] = 'text';
    expect(checkStoreData(data)).toEqual([
      'connections[0]: must be a connection (an object), not null',
      'connections[3]: must be a connection (an object), not "text"',
    ]);
  });

  it('refuses what is not an emulator file at all', () => {
    expect(checkStoreData([1, 2])).toEqual([
      'the file holds a list, not an object with "organization", "users", "externalIntegrations" and "connections"',
    ]);
  });

  it('lists at most twenty problems', () => {
    const lines = listProblems(Array.from({length: 25}, (_, i) => `p${String(i)}`)).split('\n');
    expect(lines).toHaveLength(21);
    expect(lines.at(-1)).toBe('  - … and 5 more');
  });
});
