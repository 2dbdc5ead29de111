/**
 * Helpers the element's component tests share (never shipped: the library build and the shipped-source checks leave
 * `testing.ts` out). Mounting the list inside a real `<conga-api-connections>` with the fake API client and session,
 * driving it as a user does, and reading what it shows.
 */
import {html} from 'lit';
import {fixture, waitUntil} from '@open-wc/testing';
import {createApiClient} from '@conga-connections/api-client';
import type {ApiClient} from '@conga-connections/api-client';
import {createFakeApiClient, fakeSeed} from '@conga-connections/api-client/testing';
import type {FakeApiClient, FakeApiClientSeed} from '@conga-connections/api-client/testing';
import {createFakeAuthSession} from '@conga-connections/auth/testing';
import type {CongaApiConnections} from './components/api-connections/api-connections.js';
import type {CongaConfirmDialog} from './components/confirm-dialog/confirm-dialog.js';
import type {CongaConnectionList} from './components/connection-list/connection-list.js';
import './components/api-connections/api-connections.js';
import {AnnounceEvent} from './events/announce-event.js';

export interface MountedList {
  root: CongaApiConnections;
  list: CongaConnectionList;
  api: FakeApiClient;
}

export interface MountListOptions {
  seed?: FakeApiClientSeed;
  api?: FakeApiClient;
  pageSize?: number;
  urlState?: boolean;
}

/** Waits until the list shows a table, its empty state, a no-match message or an error, with every page in. */
export async function settled(list: CongaConnectionList): Promise<void> {
  await waitUntil(
    () =>
      list.shadowRoot?.querySelector('table, [part="empty"], .no-match, conga-error-state') &&
      // The first page shows while the rest load: settled means every page is in.
      !list.matches(':state(loading)'),
    'the list never finished loading',
  );
  await list.updateComplete;
}

/** The list as the root renders it, signed in with the fake session, once it has settled. */
export async function mountList(options: MountListOptions = {}): Promise<MountedList> {
  const api = options.api ?? createFakeApiClient(options.seed ?? fakeSeed);
  const root = await fixture<CongaApiConnections>(
    html`<conga-api-connections
      .apiClient=${api}
      .session=${createFakeAuthSession()}
      page-size=${options.pageSize ?? 50}
      ?url-state=${options.urlState ?? false}
    ></conga-api-connections>`,
  );
  await waitUntil(() => root.shadowRoot?.querySelector('conga-connection-list'), 'no list');
  const list = root.shadowRoot?.querySelector('conga-connection-list');
  if (!list) throw new Error('no list');
  await settled(list);
  return {root, list, api};
}

/** One element of the list's shadow tree; throws when nothing matches. */
export function $(list: CongaConnectionList, selector: string): HTMLElement {
  const element = list.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!element) throw new Error(`nothing matches ${selector}`);
  return element;
}

export function rows(list: CongaConnectionList): HTMLTableRowElement[] {
  return [...(list.shadowRoot?.querySelectorAll<HTMLTableRowElement>('tbody tr') ?? [])];
}

/** Types into the search box (one input event, as a paste would). */
export async function search(list: CongaConnectionList, value: string): Promise<void> {
  const input = $(list, '#search') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', {bubbles: true, composed: true}));
  await list.updateComplete;
}

/** Chooses an option of the type or status filter. */
export async function choose(list: CongaConnectionList, id: string, value: string): Promise<void> {
  const select = $(list, `#${id}`) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  await list.updateComplete;
}

/** Collects the list's announcements (the root turns them into its live regions). */
export function announcements(list: CongaConnectionList): AnnounceEvent[] {
  const seen: AnnounceEvent[] = [];
  list.addEventListener(AnnounceEvent.eventName, (event) => seen.push(event));
  return seen;
}

/** The list's Deactivate / Reactivate confirmation (its chunk loads on the first status change). */
export function confirmDialog(list: CongaConnectionList): CongaConfirmDialog {
  const dialog = list.shadowRoot?.querySelector('conga-confirm-dialog');
  if (!dialog) throw new Error('no confirmation dialog');
  return dialog;
}

/** Clicks a row's Deactivate / Reactivate button (focused first, as a real click would) and waits for the dialog. */
export async function openStatusDialog(list: CongaConnectionList, row: HTMLElement): Promise<HTMLButtonElement> {
  const button = row.querySelector<HTMLButtonElement>('[data-control="status"]');
  if (!button) throw new Error('no Deactivate / Reactivate button in the row');
  button.focus();
  button.click();
  await waitUntil(() => list.shadowRoot?.querySelector('conga-confirm-dialog')?.open, 'the confirmation never opened');
  return button;
}

export function statusCalls(api: FakeApiClient) {
  return api.calls.filter((call) => call.operation === 'apiConnections.setStatus');
}

/** Every text, attribute value and form-control value in the page, shadow roots included (for secret scans). */
export function everythingInTheDom(root: Node = document.documentElement): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node instanceof Element) {
      for (const attribute of node.attributes) parts.push(attribute.value);
      if (node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement) parts.push(node.value);
      if (node.shadowRoot) walk(node.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.textContent ?? '');
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------------
// A platform that answers like the published specification (issue 12)
// ---------------------------------------------------------------------------------------------------------------------

/** One request the spec platform received. */
export interface SpecRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

/** What the spec platform serves: list items and GET-by-identifier records, keyed `<identifier>|<type>`. */
export interface SpecPlatformData {
  list: Record<string, unknown>[];
  byId?: Record<string, Record<string, unknown>>;
  integrations?: Record<string, unknown>[];
}

const SPEC_BASE = 'https://rls.example.test';
const CONNECTIONS = '/api/user-management/v1/api-connections';

function envelope(status: number, data: unknown, errors: string[] | null = null): Response {
  return new Response(
    JSON.stringify({Success: status < 400, Data: data, Errors: errors?.map((Message) => ({Message})) ?? null}),
    {status, headers: {'Content-Type': 'application/json'}},
  );
}

/**
 * The real API client over a fake `fetch` that answers with the bodies it is given, verbatim: the published
 * examples with their null lookups, null and empty lists, zone-less and year-1 dates and comma-separated strings.
 * Writes answer like the platform (a Client ID; a secret for API-to-API only) and every request is recorded.
 */
export function createSpecPlatform(data: SpecPlatformData): {api: ApiClient; requests: SpecRequest[]} {
  const requests: SpecRequest[] = [];
  const fetch = (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init.method ?? 'GET';
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    requests.push({method, path: url.pathname, query: url.searchParams, body});
    const type = url.searchParams.get('apiConnectionType') ?? '';
    const path = url.pathname;
    if (path === '/api/user-management/v1/integrations') return Promise.resolve(envelope(200, data.integrations ?? []));
    if (path === '/api/user-management/v1/user/info') return Promise.resolve(envelope(200, {}));
    if (path === CONNECTIONS) {
      const first = (url.searchParams.get('pageNumber') ?? '1') === '1';
      return Promise.resolve(envelope(200, first ? data.list : []));
    }
    if (path.endsWith('/status')) return Promise.resolve(envelope(200, true));
    const identifier = decodeURIComponent(path.slice(CONNECTIONS.length + 1));
    if (method === 'GET') {
      const record = data.byId?.[`${identifier}|${type}`];
      return Promise.resolve(record ? envelope(200, record) : envelope(404, null, ['Not found.']));
    }
    const sent = (body ?? {}) as Record<string, unknown>;
    return Promise.resolve(
      envelope(200, {
        ...sent,
        APIType: type === 'APItoAPI' ? 'API to API' : 'UI to API',
        ExternalIdentifier: identifier,
        ClientId: 'generated-client-id-0001',
        ClientSecret: type === 'APItoAPI' ? 'generated-secret-SENSITIVE' : null,
        IsActive: true,
      }),
    );
  };
  const api = createApiClient({baseUrl: SPEC_BASE, getAccessToken: () => Promise.resolve('spec-token'), fetch});
  return {api, requests};
}
