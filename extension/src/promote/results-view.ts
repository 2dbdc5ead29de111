/** The apply as the Promote page shows it: progress, then one result per connection and the secrets still waiting. */
import {html, nothing} from 'lit';
import type {ShownResult} from './promote-controller.js';
import {promoteText as text} from './text.js';

/** What the results section shows. */
export interface ResultsView {
  results: readonly ShownResult[];
  /** Set while the apply runs. */
  progress: {done: number; total: number} | undefined;
  pendingSecrets: number;
  onShowNextSecret: () => void;
  onStartOver: () => void;
}

export function renderResults(view: ResultsView) {
  const {results, progress, pendingSecrets} = view;
  const failed = results.filter((result) => result.outcome === 'failed').length;
  return html`<section aria-labelledby="results-heading">
    <h2 id="results-heading" tabindex="-1">${text.resultsHeading}</h2>
    ${
      progress
        ? html`<progress aria-label=${text.applyProgress} max=${progress.total} value=${progress.done}></progress>
            <p>${text.applying(progress.done, progress.total)}</p>`
        : html`<p>${text.resultsSummary(results.length - failed, failed)}</p>`
    }
    <ul class="plan" aria-label=${text.resultsHeading}>
      ${results.map((result) => {
        const type = text.typeLabel(result.item.type);
        return html`<li
          class=${`item ${result.outcome}`}
          aria-label=${`${result.item.name} (${type}, ${result.item.externalIdentifier})`}
        >
          <p class="item-heading">
            <bdi>${result.item.name}</bdi>
            <span class="muted">${type} · <span class="mono">${result.item.externalIdentifier}</span></span>
          </p>
          <p class=${result.outcome === 'failed' ? 'error' : ''}>
            ${
              result.outcome === 'failed'
                ? text.failed(result.reason)
                : result.outcome === 'created'
                  ? text.created(result.clientId ?? '')
                  : text.updated
            }
          </p>
        </li>`;
      })}
    </ul>
    ${
      pendingSecrets > 0
        ? html`<p class="warning">${text.secretsWaiting(pendingSecrets)}</p>
            <button type="button" @click=${view.onShowNextSecret}>${text.showNextSecret}</button>`
        : nothing
    }
    ${
      progress
        ? nothing
        : html`<div class="actions">
            <button type="button" @click=${view.onStartOver}>${text.startOver}</button>
          </div>`
    }
  </section>`;
}
