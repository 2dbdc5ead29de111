/**
 * The index of the fields a search reads in place (Client ID, redirect URIs, origins), in the list-deferred chunk:
 * built in idle time once a list is in, so a search of 100,000 connections skips most rows without reading them. Until
 * it is there, the list tests every row (`LoadedList.matches`). Plain TypeScript, tested in Node.
 */
import type {ApiConnectionResponse} from '@conga-connections/api-client';
import type {InPlaceSearch, LoadedList} from './list-query.js';

/**
 * Which characters a text holds, as bits: one per letter a to z, one for every digit, and five shared by the rest (a
 * character's code modulo 5: `-`, `.`, `/` and `:` each get their own). A field whose bits lack one of the search's
 * can't hold it, so the search skips it without reading it: a GUID has no "p", most URLs no "r".
 */
export function characterBits(text: string, bits = 0): number {
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) bits |= 1 << 26;
    else bits |= 1 << (27 + (code % 5));
  }
  return bits;
}

/** Every origin begins one of the row's redirect URIs (the usual case): what is in an origin is in a URI too. */
function originsInUris({CorsOrigins: origins, RedirectURI: uris}: ApiConnectionResponse): boolean {
  return origins.every((origin) => uris.some((uri) => uri.startsWith(origin)));
}

function urisHold(connection: ApiConnectionResponse, needle: string, withOrigins: boolean): boolean {
  for (const uri of connection.RedirectURI) if (uri.includes(needle)) return true;
  if (!withOrigins) return false;
  for (const origin of connection.CorsOrigins) if (origin.includes(needle)) return true;
  return false;
}

/** Rows indexed per step of idle time: 1–3 ms here, so a keystroke never waits long behind one. */
const ROWS_PER_STEP = 2000;

export class InPlaceIndex implements InPlaceSearch {
  readonly #connections: readonly ApiConnectionResponse[];
  readonly #flags: Uint8Array;
  /**
   * Per row, the {@link characterBits} of its Client ID, and of its redirect URIs and of the origins that don't begin
   * one of them: apart, because a GUID holds few of the characters a URL does. Both 0 for a row whose fields are in
   * the search text (they hold capitals), so no search tests it here.
   */
  readonly #clientIdBits: Uint32Array;
  readonly #uriBits: Uint32Array;
  /** 1 where a row has an origin that begins none of its redirect URIs, so its origins are read too. */
  readonly #readOrigins: Uint8Array;
  /** One byte per row, for {@link find}: the rows a narrowing search tests. */
  #only: Uint8Array | undefined;

  private constructor(list: LoadedList) {
    this.#connections = list.connections;
    this.#flags = list.flags;
    this.#clientIdBits = new Uint32Array(list.size);
    this.#uriBits = new Uint32Array(list.size);
    this.#readOrigins = new Uint8Array(list.size);
  }

  /** Indexes `list` a few thousand rows a step; the index is the generator's value. */
  static *build(list: LoadedList): Generator<undefined, InPlaceIndex, undefined> {
    const index = new InPlaceIndex(list);
    for (let row = 0; row < list.size; row += 1) {
      const connection = list.connections[row];
      if (connection && !list.inText(row)) index.#add(row, connection);
      if (row % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield;
    }
    return index;
  }

  #add(row: number, connection: ApiConnectionResponse): void {
    const withOrigins = !originsInUris(connection);
    let bits = 0;
    for (const uri of connection.RedirectURI) bits = characterBits(uri, bits);
    if (withOrigins) for (const origin of connection.CorsOrigins) bits = characterBits(origin, bits);
    this.#clientIdBits[row] = characterBits(connection.ClientId ?? '');
    this.#uriBits[row] = bits;
    this.#readOrigins[row] = withOrigins ? 1 : 0;
  }

  /**
   * Row by row in the server's order, whatever the view's sort, so the connections are read in the order they sit in
   * memory (twice as fast at 100k as in a sort's order).
   */
  find(needle: string, hits: Uint8Array, mask: number, wanted: number, candidates?: Uint32Array): void {
    const needleBits = characterBits(needle);
    const connections = this.#connections;
    const flags = this.#flags;
    let only: Uint8Array | undefined;
    if (candidates) {
      only = this.#only ??= new Uint8Array(connections.length);
      only.fill(0);
      for (const row of candidates) only[row] = 1;
    }
    for (let row = 0; row < connections.length; row += 1) {
      if (hits[row] === 1 || (only && only[row] !== 1)) continue;
      const connection = connections[row];
      if (((flags[row] ?? 0) & mask) !== wanted || !connection) continue;
      const inClientId = !(needleBits & ~(this.#clientIdBits[row] ?? 0)) && connection.ClientId?.includes(needle);
      const inUris =
        !inClientId &&
        !(needleBits & ~(this.#uriBits[row] ?? 0)) &&
        urisHold(connection, needle, this.#readOrigins[row] === 1);
      if (inClientId || inUris) hits[row] = 1;
    }
  }
}
