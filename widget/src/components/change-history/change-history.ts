import {currentLocale} from '../../locale.js';
import {localized} from '../../localize.js';
import {html, LitElement, nothing} from 'lit';
import {property} from 'lit/decorators.js';
import {define, VERSION} from '../../define.js';
import {HistoryClearEvent} from '../../events/history-clear-event.js';
import type {ChangeRecord} from '../../history/change-history.js';
import shared from '../../styles/shared.js';
import {historyMessages as messages} from './change-history.messages.js';
import styles from './change-history.styles.js';

// The root loads the records' code with this panel, a chunk of its own (see api-connections.ts).
export {clearChanges, listChanges, recordChange} from '../../history/change-history.js';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date or time in the element's language: one formatter per locale and style, kept (making one is what costs).
 * Here, not in locale.ts, because only this lazily loaded panel formats dates (the main module's budget).
 */
function formatDate(date: Date, style: Intl.DateTimeFormatOptions): string {
  const key = `${currentLocale()} ${JSON.stringify(style)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(currentLocale(), style)));
  return format.format(date);
}

/** A record's time as the admin reads it, in the element's language: "14:05:12" today, with the date otherwise. */
function formatWhen(iso: string, now: Date): {text: string; full: string} {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  const full = formatDate(date, {dateStyle: 'medium', timeStyle: 'medium'});
  const text = sameDay ? formatDate(date, {timeStyle: 'medium'}) : full;
  return {text, full};
}

/**
 * @summary "Your changes in this session": the admin's own creates, saves, secret regenerations, deactivations and
 * reactivations in this browser, newest first, with when each happened. Renders what the root gives it; the root
 * owns reading, writing and clearing the records.
 *
 * @example
 * <conga-change-history .records=${records}></conga-change-history>  <!-- inside <conga-api-connections> -->
 *
 * @event conga-history-clear - Internal: the admin asked to clear the list.
 * @csspart base - The panel.
 * @csspart table - The table of changes.
 * @csspart clear-button - The "Clear this list" button.
 */
@localized()
export class CongaChangeHistory extends LitElement {
  static readonly congaVersion = VERSION;
  static override styles = [shared, styles];

  // `@property`, like every other lazy element: a lazy chunk that imports Lit but not the decorators made the bundler
  // move Lit out of the main module into a file of its own (rolldown#10731; the size test checks for it).
  /** The records, oldest first as stored; `undefined` while they are read. */
  @property({attribute: false}) records: readonly ChangeRecord[] | undefined;

  private readonly handleClear = (): void => {
    this.dispatchEvent(new HistoryClearEvent());
  };

  override render() {
    return html`<section part="base" aria-labelledby="heading">
      <h3 id="heading">${messages.heading}</h3>
      <p class="muted">${messages.explanation}</p>
      ${this.renderBody()}
    </section>`;
  }

  private renderBody() {
    const records = this.records;
    if (!records) return html`<p role="status">${messages.loading}</p>`;
    if (!records.length) return html`<p>${messages.empty}</p>`;
    const now = new Date();
    const newestFirst = [...records].reverse();
    return html`<div class="table-scroll">
        <table part="table" aria-labelledby="heading">
          <thead>
            <tr>
              <th scope="col">${messages.columnWhen}</th>
              <th scope="col">${messages.columnWhat}</th>
              <th scope="col">${messages.columnConnection}</th>
            </tr>
          </thead>
          <tbody>
            ${
              // Not keyed: rows hold no state of their own (no focus, no inputs), and `repeat` would be one more
              // chunk shared with the form.
              newestFirst.map((record) => this.renderRecord(record, now))
            }
          </tbody>
        </table>
      </div>
      <div class="footer">
        <p class="muted">${messages.count(records.length)}</p>
        <button part="clear-button" @click=${this.handleClear}>${messages.clear}</button>
      </div>`;
  }

  private renderRecord(record: ChangeRecord, now: Date) {
    const when = formatWhen(record.at, now);
    return html`<tr>
      <td class="when"><time datetime=${record.at} title=${when.full}>${when.text}</time></td>
      <td class="what">${messages.action[record.action]}</td>
      <td class="connection">
        ${record.clientName ? html`<bdi>${record.clientName}</bdi> · ` : nothing}<bdi>${record.externalIdentifier}</bdi>
        <span class="muted">(${messages.typeLabel(record.connectionType)})</span>
      </td>
    </tr>`;
  }
}

define('conga-change-history', CongaChangeHistory);

declare global {
  interface HTMLElementTagNameMap {
    'conga-change-history': CongaChangeHistory;
  }
}
