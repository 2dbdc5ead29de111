import {describe, expect, it} from 'vitest';
import {fakeConnectionResponse} from '@conga-connections/api-client/testing';
import {characterBits, InPlaceIndex} from './in-place-index.js';
import {LoadedList, toLoadedPage} from './list-query.js';

function built(list: LoadedList): {index: InPlaceIndex; steps: number} {
  const build = InPlaceIndex.build(list);
  let steps = 0;
  let step = build.next();
  while (!step.done) {
    steps += 1;
    step = build.next();
  }
  return {index: step.value, steps};
}

/** The rows `index` marks for `needle`, no filter, every row a candidate. */
function found(index: InPlaceIndex, size: number, needle: string, candidates?: number[]): number[] {
  const hits = new Uint8Array(size);
  index.find(needle, hits, 0, 0, candidates && Uint32Array.from(candidates));
  return Array.from(hits.keys()).filter((row) => hits[row] === 1);
}

describe('characterBits', () => {
  it('holds a bit for every letter, one for every digit and one for each common URL character', () => {
    expect(characterBits('a')).toBe(1);
    expect(characterBits('z')).toBe(1 << 25);
    expect(characterBits('0')).toBe(characterBits('9'));
    const punctuation = ['-', '.', '/', ':'].map((character) => characterBits(character));
    expect(new Set(punctuation).size).toBe(4);
    expect(characterBits('abc', characterBits('x'))).toBe(characterBits('xabc'));
  });
});

describe('InPlaceIndex', () => {
  it("doesn't read a row's fields for a search holding a character they lack", () => {
    let reads = 0;
    const row = fakeConnectionResponse({ExternalIdentifier: 'ORG-R', ClientId: 'abc-123'});
    const uris = ['https://r.test/cb'];
    Object.defineProperty(row, 'RedirectURI', {
      get: () => {
        reads += 1;
        return uris;
      },
    });
    const {index} = built(new LoadedList([toLoadedPage([row])]));
    reads = 0;
    expect(found(index, 1, 'zebra')).toEqual([]);
    expect(reads).toBe(0);
    expect(found(index, 1, 'r.test')).toEqual([0]);
    expect(reads).toBeGreaterThan(0);
  });

  it('finds a Client ID, a redirect URI, and an origin that begins no redirect URI', () => {
    const list = new LoadedList([
      toLoadedPage([
        fakeConnectionResponse({ExternalIdentifier: 'A', ClientId: '0a1b-2c3d'}),
        fakeConnectionResponse({
          ExternalIdentifier: 'B',
          RedirectURI: ['https://b.test/cb'],
          CorsOrigins: ['https://b.test'],
        }),
        fakeConnectionResponse({
          ExternalIdentifier: 'C',
          RedirectURI: ['https://c.test/cb'],
          CorsOrigins: ['https://x.test'],
        }),
      ]),
    ]);
    const {index} = built(list);
    expect(found(index, 3, 'b-2c')).toEqual([0]);
    expect(found(index, 3, 'b.test')).toEqual([1]);
    expect(found(index, 3, 'x.test')).toEqual([2]);
    expect(found(index, 3, '.test')).toEqual([1, 2]);
  });

  it('leaves rows whose fields hold capitals to the search text, and tests only the candidates', () => {
    const list = new LoadedList([
      toLoadedPage([
        fakeConnectionResponse({ExternalIdentifier: 'A', ClientId: 'Mixed-Case-1'}),
        fakeConnectionResponse({ExternalIdentifier: 'B', ClientId: 'lower-case-1'}),
        fakeConnectionResponse({ExternalIdentifier: 'C', ClientId: 'lower-case-2'}),
      ]),
    ]);
    const {index} = built(list);
    expect(found(index, 3, 'case')).toEqual([1, 2]);
    expect(found(index, 3, 'case', [2])).toEqual([2]);
  });

  it('skips the rows a filter leaves out (flags & mask must be wanted)', () => {
    const list = new LoadedList([
      toLoadedPage([
        fakeConnectionResponse({ExternalIdentifier: 'A', ClientId: 'same-id', IsActive: true}),
        fakeConnectionResponse({ExternalIdentifier: 'B', ClientId: 'same-id', IsActive: false}),
      ]),
    ]);
    const {index} = built(list);
    const hits = new Uint8Array(2);
    const active = (list.flags[0] ?? 0) & ~(list.flags[1] ?? 0);
    index.find('same', hits, active, 0);
    expect(Array.from(hits)).toEqual([0, 1]);
  });

  it('indexes a large list a step at a time', () => {
    const rows = Array.from({length: 12_000}, (_, row) =>
      fakeConnectionResponse({ExternalIdentifier: `ORG-${String(row)}`, ClientId: `id-${String(row)}`}),
    );
    const {index, steps} = built(new LoadedList([toLoadedPage(rows)]));
    expect(steps).toBe(6);
    expect(found(index, rows.length, 'id-11999')).toEqual([11_999]);
  });
});
