/**
 * Big organizations for `npm run bench`: the default seed (its users, extension and script clients) plus enough
 * external integrations to hold `count` connections, two per integration (one API-to-API, one UI-to-API), as the
 * platform allows. Built straight into the store's shape, and deterministic: the same count gives the same data on
 * every run (a small linear congruential generator, no `Math.random`), so the figures of two runs are comparable.
 */
import {defaultSeed} from '@conga-connections/emulator';
import type {StoreData, StoredConnection, StoredIntegration} from '@conga-connections/emulator';

const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Stark',
  'Wayne',
  'Tyrell',
  'Cyberdyne',
  'Soylent',
  'Wonka',
  'Oscorp',
  'Aperture',
  'Massive Dynamic',
  'Gringotts',
];
const PRODUCTS = ['CLM', 'CPQ', 'Composer', 'Sign', 'Billing', 'Contracts', 'Quotes', 'Orders', 'Docs', 'Analytics'];
const PURPOSES = ['sync', 'export', 'import', 'portal', 'copilot', 'reporting', 'archive', 'webhook', 'bridge'];
const REGIONS = ['na', 'eu', 'au', 'apac', 'latam'];

/** A tiny deterministic generator (Numerical Recipes' LCG constants). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A GUID-shaped client ID from the generator (the platform's Client IDs are GUIDs). */
function guid(random: () => number): string {
  const hex = (length: number) => Array.from({length}, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(random() * 4)] ?? '8'}${hex(3)}-${hex(12)}`;
}

/** A Salesforce-style 18-character organization ID, unique per index. */
function externalIdentifier(index: number): string {
  return `00D${index.toString(36).toUpperCase().padStart(7, '0')}BENCH${String(index % 1000).padStart(3, '0')}`;
}

/** Store data with `count` connections (rounded up to an even number), on top of the default seed. */
export function bigSeed(count: number): StoreData {
  const base = defaultSeed();
  const random = generator(count);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const [admin] = base.users;
  const by = {Id: admin?.Id ?? '', Name: `${admin?.FirstName ?? ''} ${admin?.LastName ?? ''}`.trim()};
  const start = Date.UTC(2024, 0, 1);
  const integrations: StoredIntegration[] = [];
  const connections: StoredConnection[] = [];
  const pairs = Math.ceil((count - base.connections.length) / 2);
  for (let index = 0; index < pairs; index += 1) {
    const company = pick(COMPANIES);
    const region = pick(REGIONS);
    const id = externalIdentifier(index);
    integrations.push({
      Id: guid(random),
      ExternalId: id,
      Type: index % 3 === 0 ? 'UAT' : 'Prod',
      Description: `${company} ${region.toUpperCase()} org ${String(index)}`,
      Provider: 'Salesforce',
      DefaultIdp: false,
      EmailDomain: null,
      DisplayName: `${company} (${region})`,
    });
    for (const type of ['APItoAPI', 'UItoAPI'] as const) {
      const product = pick(PRODUCTS);
      const purpose = pick(PURPOSES);
      const host = `${company.toLowerCase().replace(/\s+/g, '-')}-${region}-${String(index)}.example.com`;
      const date = new Date(start + (index * 2 + (type === 'UItoAPI' ? 1 : 0)) * 60_000).toISOString();
      connections.push({
        Id: guid(random),
        ExternalIdentifier: id,
        type,
        ClientId: guid(random),
        ClientSecret: type === 'APItoAPI' ? `bench-secret-${String(index)}` : null,
        ClientName: `${company} ${product} ${purpose} ${String(index % 997)}`,
        Description: `${product} ${purpose} for ${company} in ${region.toUpperCase()}, batch ${String(index % 53)}.`,
        RedirectURI: type === 'UItoAPI' ? [`https://${host}/callback`] : [],
        CorsOrigins: type === 'UItoAPI' ? [`https://${host}`] : [],
        BackChannelLogoutURI: null,
        FrontChannelLogoutURI: null,
        AllowedScopes: type === 'APItoAPI' ? ['api.user-management'] : ['openid', 'profile', 'email'],
        IsActive: random() > 0.1,
        CreatedBy: by,
        CreatedDate: date,
        ModifiedBy: by,
        ModifiedDate: date,
        version: 1,
      });
    }
  }
  return {
    ...base,
    externalIntegrations: [...base.externalIntegrations, ...integrations],
    connections: [...base.connections, ...connections],
  };
}
