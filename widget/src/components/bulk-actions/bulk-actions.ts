import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import type {ApiClient, ApiConnectionResponse} from '@conga-connections/api-client';
import {apiClientContext} from '../../context.js';
import {define, VERSION} from '../../define.js';
import {AnnounceEvent} from '../../events/announce-event.js';
import {BulkFinishedEvent} from '../../events/bulk-finished-event.js';
import {ConnectionStatusChangedEvent} from '../../events/connection-status-changed-event.js';
import shared from '../../styles/shared.js';
import {describeError} from '../error-state/error-state.js';
import type {CongaConfirmDialog} from '../confirm-dialog/confirm-dialog.js';
import {loadConfirmDialog} from '../confirm-dialog/load-confirm-dialog.js';
import {buildExport, EXPORT_FORMATS, saveFile} from '../connection-list/export.js';
import type {ExportFile, ExportFormat} from '../connection-list/export.js';
import {bulkMessages} from './bulk-messages.js';
import {planBulk, runBulk} from './bulk.js';
import type {BulkItem, BulkPlan, BulkReport, BulkTarget} from './bulk.js';
import styles from './bulk-actions.styles.js';

export type {BulkItem} from './bulk.js';
export type {ExportFile, ExportFormat} from '../connection-list/export.js';

/** The element that really has focus, looking through open shadow roots (`document.activeElement` stops at hosts). */
function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : null;
}

/** Status calls in flight at once: quick, and few enough not to trip the platform's rate limit. */
const CONCURRENCY = 4;

/**
 * @summary The list's bulk deactivate / reactivate (one confirmation naming the connections and those skipped, the
 * per-connection status calls four at a time with progress, then a report of each failure and its reason with
 * "Retry failed") and its export as JSON or CSV. Loaded on first use, with its strings, in a chunk of its own.
 *
 * @event conga-connection-status-changed - The server confirmed one connection's activation or deactivation.
 * @event conga-bulk-finished - A run ended (internal): which keys succeeded and which failed.
 * @event conga-announce - A result for the root's live region (internal).
 * @csspart report - The outcome of the last run.
 */
@localized()
export class CongaBulkActions extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  /** Where Export hands its file; the browser's downloads when unset. */
  @property({attribute: false}) download: ((file: ExportFile) => void) | undefined;

  @consume({context: apiClientContext, subscribe: true}) @state() private api?: ApiClient;

  @state() private plan: BulkPlan | undefined;
  /** "Deactivating 12 of 40…" while a run is under way. */
  @state() private progress = '';
  @state() private report: BulkReport | undefined;
  /** The selection the last plan was made from, so "Retry failed" can find its failures again. */
  #items: readonly BulkItem[] = [];
  /** The control that asked for the action (the selection bar's button): focus goes back to it on Dismiss. */
  #opener: HTMLElement | null = null;

  /** Whether a run is under way (a second one waits for the admin to try again after it). */
  get running(): boolean {
    return this.progress !== '';
  }

  #announce(message: string, politeness: 'status' | 'alert' = 'status', visible = false): void {
    this.dispatchEvent(new AnnounceEvent(message, politeness, {visible}));
  }

  /**
   * Asks to confirm a bulk change of `items` (the selection), naming them and those skipped because they are already
   * in that state, then runs it. Does nothing while a run is under way.
   */
  async changeStatus(items: readonly BulkItem[], activate: boolean): Promise<void> {
    if (this.running) return;
    this.#opener = deepActiveElement();
    const plan = planBulk(items, activate);
    if (plan.nothingToDo) {
      // Nothing to confirm: say so where a report would be.
      const {nothingToDo: summary} = plan;
      this.report = {
        activate,
        summary,
        succeeded: [],
        failures: [],
        retryLabel: '',
        dismissLabel: bulkMessages.dismiss,
      };
      this.#announce(summary);
      await this.updateComplete;
      this.#focusReport();
      return;
    }
    // Rejects when the dialog's chunk doesn't load (offline, a redeploy): the list says so; nothing was asked.
    await loadConfirmDialog();
    this.#items = items;
    this.plan = plan;
    await this.updateComplete;
    await this.renderRoot.querySelector<CongaConfirmDialog>('conga-confirm-dialog')?.show();
  }

  /** Exports `connections` (allow-listed fields only, never a secret) as a JSON or CSV download. */
  exportConnections(connections: readonly ApiConnectionResponse[], format: ExportFormat): void {
    const file = buildExport(connections, format);
    try {
      if (this.download) this.download(file);
      else saveFile(file, this.renderRoot);
      // A download may happen without any visible sign in the page: the confirmation stays on screen (issue 12).
      this.#announce(bulkMessages.exported(connections.length, EXPORT_FORMATS[format]), 'status', true);
    } catch (error) {
      console.error(error);
      this.#announce(bulkMessages.exportFailed, 'alert');
    }
  }

  #focusReport(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="report"]')?.focus();
  }

  private readonly handleConfirmed = (): void => {
    const plan = this.plan;
    if (plan) void this.#run(plan.targets, plan.activate);
  };

  private readonly handleCancelled = (): void => {
    this.plan = undefined;
  };

  private readonly handleRetryFailed = (): void => {
    const report = this.report;
    if (!report || this.running) return;
    // The admin confirmed this action already, so a retry is one click; a failed connection that has reached the
    // state since (changed elsewhere) is left out by the plan.
    const failed = new Set(report.failures.map((failure) => failure.key));
    void this.#run(
      planBulk(
        this.#items.filter((item) => failed.has(item.key)),
        report.activate,
      ).targets,
      report.activate,
    );
  };

  private readonly handleDismiss = async (): Promise<void> => {
    this.report = undefined;
    await this.updateComplete;
    // The report had focus; give it back to the button that started the action, if the selection still shows it.
    if (this.#opener?.isConnected) this.#opener.focus();
  };

  /**
   * Changes the status of every target, each with its own call, a few at a time: a failure of one never stops the
   * others. Each confirmed change is announced to the list (which updates the row in place) and the host as
   * `conga-connection-status-changed`; the summary goes to the root's live region.
   */
  async #run(targets: readonly BulkTarget[], activate: boolean): Promise<void> {
    const api = this.api;
    this.plan = undefined;
    if (!api || !targets.length || this.running) return;
    this.report = undefined;
    this.progress = bulkMessages.progress(activate, 0, targets.length);
    const report = await runBulk({
      targets,
      activate,
      concurrency: CONCURRENCY,
      describe: describeError,
      setStatus: (target) => api.apiConnections.setStatus(target.externalIdentifier, target.type, activate),
      onSuccess: (target) => {
        this.dispatchEvent(
          new ConnectionStatusChangedEvent(target.externalIdentifier, target.type, activate, target.name),
        );
      },
      onProgress: (_target, progress) => {
        this.progress = progress;
      },
    });
    // Later runs retry against the items as they are now.
    const succeeded = new Set(report.succeeded);
    this.#items = this.#items.map((item) => (succeeded.has(item.key) ? {...item, isActive: activate} : item));
    this.progress = '';
    this.report = report;
    this.dispatchEvent(
      new BulkFinishedEvent(
        report.succeeded,
        report.failures.map((failure) => failure.key),
      ),
    );
    const reasons = report.failures.map((failure) =>
      bulkMessages.failure(`\u2068${failure.name}\u2069`, failure.reason),
    );
    this.#announce([report.summary, ...reasons].join(' '), report.failures.length ? 'alert' : 'status');
    await this.updateComplete;
    this.#focusReport();
  }

  override render() {
    const {plan, report} = this;
    return html`${this.progress ? html`<p class="progress">${this.progress}</p>` : nothing}
      ${report ? this.renderReport(report) : nothing}
      <conga-confirm-dialog
        confirm-label=${plan?.confirmLabel ?? ''}
        ?danger=${!plan?.activate}
        @conga-dialog-confirmed=${this.handleConfirmed}
        @conga-dialog-cancelled=${this.handleCancelled}
      >
        <span slot="heading">${plan?.heading ?? ''}</span>
        ${plan?.lines.map(
          (line) =>
            html`<p>${line.text}</p>
              ${
                line.names
                  ? html`<ul>
                      ${line.names.map((name) => html`<li><bdi>${name}</bdi></li>`)}
                      ${line.more ? html`<li>${line.more}</li>` : nothing}
                    </ul>`
                  : nothing
              }`,
        )}
      </conga-confirm-dialog>`;
  }

  private renderReport(report: BulkReport) {
    const {failures} = report;
    // Not a live region: the root's live region announced it. tabindex lets focus land here after a run.
    return html`<div part="report" class=${failures.length ? 'report failed' : 'report'} tabindex="-1">
      <p>${report.summary}</p>
      ${
        failures.length
          ? html`<ul>
              ${failures.map((failure) => html`<li><bdi>${failure.name}</bdi>: ${failure.reason}</li>`)}
            </ul>`
          : nothing
      }
      <div class="buttons">
        ${failures.length ? html`<button @click=${this.handleRetryFailed}>${report.retryLabel}</button>` : nothing}
        <button @click=${this.handleDismiss}>${report.dismissLabel}</button>
      </div>
    </div>`;
  }
}

define('conga-bulk-actions', CongaBulkActions);

declare global {
  interface HTMLElementTagNameMap {
    'conga-bulk-actions': CongaBulkActions;
  }
}
