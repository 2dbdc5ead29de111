/**
 * C2-03: what the conflict panel compares, in plain TypeScript tested in Node. Only the edit form's parts use it, so it
 * loads with them (conflict-view.ts), not with every opening of the Add form (issue 18).
 */
import type {ApiConnection, ConnectionType} from '@conga-connections/api-client';
import type {FieldName} from '@conga-connections/validation';
import {changedFields, draftFromConnection, fieldText, hasField} from './draft.js';
import type {Draft} from './draft.js';

/** The shown fields (the identifier aside) where the draft and a newer version differ. */
export function conflictFields(
  model: {readonly draft: Draft; readonly type: ConnectionType},
  latest: ApiConnection,
): {field: FieldName; mine: string; theirs: string}[] {
  const theirs = draftFromConnection(latest, model.draft.ExternalIdentifier);
  return changedFields(model.draft, theirs)
    .filter((field) => field !== 'ExternalIdentifier' && hasField(model.type, field))
    .map((field) => ({field, mine: fieldText(model.draft, field), theirs: fieldText(theirs, field)}));
}
