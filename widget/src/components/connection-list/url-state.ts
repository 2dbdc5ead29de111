/**
 * The list's view as the address bar keeps it when the root has `url-state`: search, type and status filters, sort
 * and page, in query parameters of its own (`cac-*`), so a view can be bookmarked or shared. Never the selection, a
 * secret or a token: only what the admin typed or chose to filter by. Pure, so it is tested on its own.
 */
import type {ConnectionType} from '@conga-connections/api-client';

/** The columns a user can sort by, in display order: also the allow-list of `cac-sort`. */
export const SORT_COLUMNS = ['externalIdentifier', 'clientName', 'type', 'clientId', 'status', 'description'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** What the address bar holds of the list's view. */
export interface UrlView {
  search: string;
  type: ConnectionType | '';
  status: '' | 'active' | 'inactive';
  /** No column: the server's order (newest first). */
  sort: SortColumn | undefined;
  descending: boolean;
  /** 1-based; the list shows its last page when this is past the end. */
  page: number;
}

/** The parameters, namespaced because the host page owns its address and may use any other name. */
export const URL_PARAMS = {
  search: 'cac-q',
  type: 'cac-type',
  status: 'cac-status',
  sort: 'cac-sort',
  page: 'cac-page',
} as const;

/** A shared link longer than this is not a search anyone typed; the rest is dropped. */
const MAX_SEARCH = 200;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/**
 * Reads the view from query parameters. Anything unknown or invalid reads as the default (no filter, server order,
 * page 1), so a hand-edited or stale link never breaks the list; a sort column is taken from the allow-list only.
 */
export function readUrlView(params: URLSearchParams): UrlView {
  const sort = params.get(URL_PARAMS.sort) ?? '';
  // A leading "-" sorts descending, as in `cac-sort=-clientName`.
  const column = oneOf(sort.replace(/^-/, ''), SORT_COLUMNS);
  const page = Number(params.get(URL_PARAMS.page));
  return {
    search: (params.get(URL_PARAMS.search) ?? '').slice(0, MAX_SEARCH),
    type: oneOf(params.get(URL_PARAMS.type), ['APItoAPI', 'UItoAPI'] as const) ?? '',
    status: oneOf(params.get(URL_PARAMS.status), ['active', 'inactive'] as const) ?? '',
    sort: column,
    descending: column !== undefined && sort.startsWith('-'),
    page: Number.isSafeInteger(page) && page > 0 ? page : 1,
  };
}

/** Writes the view into `params`, leaving every other parameter as it is; a default value removes its parameter. */
export function writeUrlView(params: URLSearchParams, view: UrlView): void {
  const values = {
    search: view.search.slice(0, MAX_SEARCH),
    type: view.type,
    status: view.status,
    sort: view.sort ? `${view.descending ? '-' : ''}${view.sort}` : '',
    page: view.page > 1 ? String(view.page) : '',
  };
  for (const key of Object.keys(URL_PARAMS) as (keyof typeof URL_PARAMS)[]) {
    if (values[key]) params.set(URL_PARAMS[key], values[key]);
    else params.delete(URL_PARAMS[key]);
  }
}
