/**
 * Reads a whole tenant for the promotion: every API connection and every External Integration, page after page
 * (the list endpoints are paged; PLATFORM.md §1.1, §2).
 */
import {
  API_CLIENT_LIMITS,
  type ApiClient,
  type ApiConnectionResponse,
  type ExternalIntegration,
} from '@conga-connections/api-client';

/** More pages than any organization has; a server that keeps answering full pages can't loop forever. */
const MAX_PAGES = 200;

/** Every API connection of a tenant, oldest first (so a connection created meanwhile only adds at the end). */
export async function listAllConnections(api: ApiClient, signal?: AbortSignal): Promise<ApiConnectionResponse[]> {
  const pageSize = API_CLIENT_LIMITS.maxPageSize;
  const items: ApiConnectionResponse[] = [];
  const seen = new Set<string>();
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const page = await api.apiConnections.list(
      {sortField: 'CreatedDate', sortDirection: 'ASC', pageSize, pageNumber},
      signal ? {signal} : {},
    );
    for (const item of page.items) {
      // A connection pushed onto the next page by a concurrent create would otherwise be listed twice.
      const key = `${item.APIType ?? ''}:${item.ExternalIdentifier ?? ''}:${item.ClientId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      items.push(item);
    }
    const more = page.hasMoreRecords ?? page.items.length >= pageSize;
    if (!more || page.items.length === 0) break;
  }
  return items;
}

/** Every External Integration of a tenant. */
export async function listAllIntegrations(api: ApiClient, signal?: AbortSignal): Promise<ExternalIntegration[]> {
  const pageSize = API_CLIENT_LIMITS.maxPageSize;
  const items: ExternalIntegration[] = [];
  for (let pageNumber = 1; pageNumber <= MAX_PAGES; pageNumber++) {
    const page = await api.externalIntegrations.list({pageSize, pageNumber}, signal ? {signal} : {});
    items.push(...page);
    if (page.length < pageSize) break;
  }
  return items;
}
