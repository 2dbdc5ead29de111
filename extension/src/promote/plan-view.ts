/** The dry run as the Promote page shows it: one card per connection, with the field changes, and its confirmation. */
import {html, nothing} from 'lit';
import {repeat} from 'lit/directives/repeat.js';
import {writesOf, type FieldValue, type PlanItem, type PromotionPlan} from './plan.js';
import {promoteText as text} from './text.js';

function formatValue(value: FieldValue): string {
  if (value === null) return text.empty;
  if (typeof value === 'string') return value === '' ? text.empty : value;
  return value.length === 0 ? text.empty : value.join(', ');
}

/** The dry run, and its Apply button (disabled with nothing to write, or while an apply runs). */
export function renderPlan(plan: PromotionPlan, options: {busy: boolean; onApply: () => void}) {
  const writes = writesOf(plan).length;
  return html`<section aria-labelledby="plan-heading">
    <h2 id="plan-heading" tabindex="-1">${text.planHeading}</h2>
    <p>${text.planSummary(plan.counts)}</p>
    <ul class="plan" aria-label=${text.planHeading}>
      ${repeat(
        plan.items,
        (item) => item.key,
        (item) => renderPlanItem(item),
      )}
    </ul>
    <div class="actions">
      <button type="button" class="primary" ?disabled=${writes === 0 || options.busy} @click=${options.onApply}>
        ${text.apply}
      </button>
      ${writes === 0 ? html`<span class="muted">${text.applyNothing}</span>` : nothing}
    </div>
  </section>`;
}

function renderPlanItem(item: PlanItem) {
  const type = text.typeLabel(item.type);
  return html`<li class=${`item ${item.action}`} aria-label=${`${item.name} (${type}, ${item.externalIdentifier})`}>
    <p class="item-heading">
      <strong class="badge">${text.actionLabels[item.action]}</strong>
      <bdi>${item.name}</bdi>
      <span class="muted">${type} · <span class="mono">${item.externalIdentifier}</span></span>
    </p>
    ${
      item.action === 'create' ? html`<p>${item.issuesSecret ? text.createsSecret : text.createsClientId}</p>` : nothing
    }
    ${
      item.action === 'update'
        ? html`${item.regeneratesSecret ? html`<p class="warning">${text.regenerates}</p>` : nothing}
            <dl class="changes">
              ${item.changes.map(
                (change) =>
                  html`<dt>${text.change(text.fieldLabels[change.field] ?? change.field)}</dt>
                    <dd>
                      <del>${formatValue(change.from)}</del> <span aria-hidden="true">${text.arrow}</span>
                      <span class="visually-hidden">${text.changeTo}</span> <ins>${formatValue(change.to)}</ins>
                    </dd>`,
              )}
            </dl>
            ${item.targetClientId ? html`<p class="muted">${text.keepsClientId(item.targetClientId)}</p>` : nothing}`
        : nothing
    }
    ${
      item.action === 'invalid'
        ? html`<ul class="problems">
            ${item.problems.map((problem) => html`<li class="error">${problem}</li>`)}
          </ul>`
        : nothing
    }
    ${item.notes.map((note) => html`<p class="muted">${note}</p>`)}
  </li>`;
}

/** What the confirmation says before the apply: the writes and the secrets, in the target tenant. */
export function renderConfirmBody(plan: PromotionPlan, targetName: string) {
  return html`<p>${text.confirmBody(plan.counts.create, plan.counts.update, targetName)}</p>
    <p>${text.confirmSecrets(plan.secretsIssued, plan.secretsRegenerated)}</p>`;
}
