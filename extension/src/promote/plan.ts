/**
 * Promotion between tenants, as pure functions: what copying some of one tenant's connections to another would do
 * (the dry run, {@link planPromotion}), and running that plan against the target's API ({@link applyPlan}).
 *
 * A connection's identity across tenants is (External Identifier, type): the platform addresses connections that way
 * and allows one of each type per identifier, while Client IDs are minted per tenant. Only the settings of
 * `APIConnectionCreateRequest` are copied (reference/conga-api-connections.openapi.yml): never a Client ID, a secret,
 * the status or the created/modified data.
 */
import {
  toConnectionType,
  type ApiClient,
  type ApiConnectionCreateRequest,
  type ApiConnectionResponse,
  type ConnectionType,
  type ExternalIntegration,
} from '@conga-connections/api-client';
import {UI_ONLY_FIELDS, validateConnection, type Finding} from '@conga-connections/validation';
import {reasonText} from '@conga-connections/widget/reason-text';
import {COPIED_FIELDS, type CopiedField} from './fields.js';
import {promoteText} from './text.js';

/** The fields an API-to-API connection has; the others belong to browser sign-in only (A3-07). */
const API_TO_API_FIELDS: readonly CopiedField[] = ['ClientName', 'Description', 'AllowedScopes'];
const LIST_FIELDS: ReadonlySet<CopiedField> = new Set(['RedirectURI', 'CorsOrigins', 'AllowedScopes']);

/** What the plan does with one connection. */
export const PLAN_ACTIONS = {
  create: 'create',
  update: 'update',
  unchanged: 'unchanged',
  invalid: 'invalid',
} as const;

/** One of {@link PLAN_ACTIONS}. */
export type PlanAction = (typeof PLAN_ACTIONS)[keyof typeof PLAN_ACTIONS];

/** A source connection as the list returns it; only these fields are read. */
export type SourceConnection = Pick<ApiConnectionResponse, 'APIType' | 'ExternalIdentifier' | 'IsActive' | CopiedField>;

/** A target connection as the list returns it. */
export type TargetConnection = Pick<
  ApiConnectionResponse,
  'APIType' | 'ExternalIdentifier' | 'ClientId' | 'IsActive' | CopiedField
>;

/** A field's value as the plan shows it. */
export type FieldValue = string | readonly string[] | null;

/** One field an update changes. */
export interface FieldChange {
  field: CopiedField;
  from: FieldValue;
  to: FieldValue;
}

interface PlanItemBase {
  /** `connectionKey(externalIdentifier, type)`: the identity across tenants. */
  key: string;
  externalIdentifier: string;
  /** `null` when the source's `APIType` is neither type (the item is then invalid). */
  type: ConnectionType | null;
  /** The source's Client Name, for display. */
  name: string;
  /** Things the admin should know that don't block the write. */
  notes: string[];
}

/** A connection the target doesn't have yet: a POST. */
export interface CreateItem extends PlanItemBase {
  action: 'create';
  type: ConnectionType;
  body: ApiConnectionCreateRequest;
  /** An API-to-API create issues a Client Secret, handed over once after the apply. */
  issuesSecret: boolean;
}

/** A connection the target has with other settings: a PUT. */
export interface UpdateItem extends PlanItemBase {
  action: 'update';
  type: ConnectionType;
  body: ApiConnectionCreateRequest;
  changes: FieldChange[];
  /** The platform's PUT regenerates an API-to-API connection's secret: the current one stops working. */
  regeneratesSecret: boolean;
  /** The target connection's Client ID, which stays. */
  targetClientId: string | null;
}

/** A connection the target already has with the same settings: nothing is written. */
export interface UnchangedItem extends PlanItemBase {
  action: 'unchanged';
  type: ConnectionType;
}

/** A connection that can't be written to the target, and why. */
export interface InvalidItem extends PlanItemBase {
  action: 'invalid';
  problems: string[];
}

/** One source connection's fate in the target. */
export type PlanItem = CreateItem | UpdateItem | UnchangedItem | InvalidItem;

/** A writing item. */
export type WriteItem = CreateItem | UpdateItem;

/** The dry run's result. */
export interface PromotionPlan {
  /** In the order of the source connections given. */
  items: PlanItem[];
  counts: Record<PlanAction, number>;
  /** New Client Secrets the apply will issue (API-to-API creates). */
  secretsIssued: number;
  /** Client Secrets the apply will regenerate (API-to-API updates); their current secrets stop working. */
  secretsRegenerated: number;
}

/** The identity of a connection across tenants. */
export function connectionKey(externalIdentifier: string, type: ConnectionType): string {
  return `${type}:${externalIdentifier}`;
}

/** The key of a connection as the list returns it, or `undefined` when its type or identifier is unreadable. */
export function keyOf(connection: Pick<ApiConnectionResponse, 'APIType' | 'ExternalIdentifier'>): string | undefined {
  const type = toConnectionType(connection.APIType);
  if (type === null || !connection.ExternalIdentifier) return undefined;
  return connectionKey(connection.ExternalIdentifier, type);
}

function hasValue(value: FieldValue): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  return value?.some((item) => item.trim() !== '') ?? false;
}

/** The wire value of a field, with `null` lists and text read as empty. */
function comparable(field: CopiedField, value: FieldValue | undefined): string {
  if (LIST_FIELDS.has(field)) {
    // The provider treats these as sets (it matches a redirect URI against any of them), so order is no change.
    const list = Array.isArray(value) ? (value as readonly string[]) : [];
    return JSON.stringify([...list].sort());
  }
  return typeof value === 'string' ? value : '';
}

function describeFinding(finding: Finding, draft: Record<string, FieldValue>): string {
  const label = promoteText.fieldLabels[finding.field as CopiedField] ?? finding.field;
  const message = reasonText(finding);
  if (finding.index === undefined) return `${label}: ${message}`;
  const list = draft[finding.field];
  const value = Array.isArray(list) ? (list as readonly string[])[finding.index] : undefined;
  const where = `${label} ${String(finding.index + 1)}`;
  return value === undefined ? `${where}: ${message}` : `${where} (${value}): ${message}`;
}

function planOne(
  source: SourceConnection,
  targets: ReadonlyMap<string, TargetConnection>,
  integrations: ReadonlySet<string>,
): PlanItem {
  const externalIdentifier = source.ExternalIdentifier ?? '';
  const type = toConnectionType(source.APIType);
  const name = source.ClientName ?? '';
  const notes: string[] = [];
  if (type === null) {
    return {
      action: 'invalid',
      key: `?:${externalIdentifier}`,
      externalIdentifier,
      type,
      name,
      notes,
      problems: [promoteText.unknownType(source.APIType ?? '')],
    };
  }
  const key = connectionKey(externalIdentifier, type);
  const fields = type === 'APItoAPI' ? API_TO_API_FIELDS : COPIED_FIELDS;
  if (type === 'APItoAPI' && UI_ONLY_FIELDS.some((field) => hasValue(source[field]))) {
    // The platform's own examples show such leftovers on API-to-API connections; they are dead settings.
    notes.push(promoteText.uiFieldsDropped);
  }
  const draft: Record<string, FieldValue> = {ExternalIdentifier: externalIdentifier};
  for (const field of fields) draft[field] = source[field];

  const problems: string[] = [];
  if (!integrations.has(externalIdentifier)) problems.push(promoteText.missingIntegration(externalIdentifier));
  // The target checks what the element checks before saving (packages/validation, D-01).
  const result = validateConnection(draft, {type});
  problems.push(...result.errors.map((finding) => describeFinding(finding, draft)));
  if (problems.length > 0) return {action: 'invalid', key, externalIdentifier, type, name, notes, problems};

  const body: ApiConnectionCreateRequest = {};
  for (const field of fields) (body as Record<string, FieldValue>)[field] = result.value[field];

  const existing = targets.get(key);
  if (!existing) {
    if (!source.IsActive) notes.push(promoteText.sourceInactive);
    return {action: 'create', key, externalIdentifier, type, name, notes, body, issuesSecret: type === 'APItoAPI'};
  }
  if (!existing.IsActive) notes.push(promoteText.targetInactive);
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const to = result.value[field];
    const from = existing[field];
    if (comparable(field, from) !== comparable(field, to)) changes.push({field, from, to});
  }
  if (changes.length === 0) return {action: 'unchanged', key, externalIdentifier, type, name, notes};
  return {
    action: 'update',
    key,
    externalIdentifier,
    type,
    name,
    notes,
    body,
    changes,
    regeneratesSecret: type === 'APItoAPI',
    targetClientId: existing.ClientId,
  };
}

/**
 * The dry run: what promoting `source` into a target with `target` connections and `targetIntegrations` would do,
 * per connection. Nothing is written; the result holds the exact bodies {@link applyPlan} will send.
 *
 * @example
 * const plan = planPromotion({source: selected, target: await listAll(targetApi), targetIntegrations});
 * plan.items.filter((item) => item.action === 'invalid').forEach((item) => show(item.problems));
 */
export function planPromotion(input: {
  source: readonly SourceConnection[];
  target: readonly TargetConnection[];
  targetIntegrations: readonly Pick<ExternalIntegration, 'ExternalId'>[];
}): PromotionPlan {
  const targets = new Map<string, TargetConnection>();
  for (const connection of input.target) {
    const key = keyOf(connection);
    if (key !== undefined && !targets.has(key)) targets.set(key, connection);
  }
  const integrations = new Set(input.targetIntegrations.map((integration) => integration.ExternalId));
  const items = input.source.map((source) => planOne(source, targets, integrations));
  const counts: Record<PlanAction, number> = {create: 0, update: 0, unchanged: 0, invalid: 0};
  for (const item of items) counts[item.action] += 1;
  return {
    items,
    counts,
    secretsIssued: items.filter((item) => item.action === 'create' && item.issuesSecret).length,
    secretsRegenerated: items.filter((item) => item.action === 'update' && item.regeneratesSecret).length,
  };
}

/** The items of a plan that write. */
export function writesOf(plan: PromotionPlan): WriteItem[] {
  return plan.items.filter((item): item is WriteItem => item.action === 'create' || item.action === 'update');
}

/** What happened to one written item. */
export type ApplyResult =
  | {
      item: WriteItem;
      outcome: 'created' | 'updated';
      clientId: string | null;
      /** The one copy of a new or regenerated secret: hand it over once, then drop it. */
      clientSecret: string | null;
    }
  | {item: WriteItem; outcome: 'failed'; error: unknown};

/**
 * Runs a plan's creates and updates against the target, one after another, and reports each result as it comes;
 * a failure is recorded and the rest still run (partial failures lose nothing). A create is never retried: a lost
 * answer could otherwise make a second connection (C4-03).
 */
export async function applyPlan(
  api: ApiClient,
  plan: PromotionPlan,
  options: {onResult?: (result: ApplyResult, done: number, total: number) => void; signal?: AbortSignal} = {},
): Promise<ApplyResult[]> {
  const writes = writesOf(plan);
  const results: ApplyResult[] = [];
  for (const item of writes) {
    options.signal?.throwIfAborted();
    let result: ApplyResult;
    try {
      const request = options.signal ? {signal: options.signal} : {};
      const response =
        item.action === 'create'
          ? await api.apiConnections.create(item.externalIdentifier, item.type, item.body, request)
          : await api.apiConnections.update(item.externalIdentifier, item.type, item.body, request);
      result = {
        item,
        outcome: item.action === 'create' ? 'created' : 'updated',
        clientId: response.ClientId,
        clientSecret: item.type === 'APItoAPI' ? response.ClientSecret : null,
      };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      result = {item, outcome: 'failed', error};
    }
    results.push(result);
    options.onResult?.(result, results.length, writes.length);
  }
  return results;
}
