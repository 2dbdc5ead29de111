/** C2-03: someone saved a newer version meanwhile. The fields that differ, mine and theirs, and the three choices. */
import {html} from 'lit';
import type {TemplateResult} from 'lit';
import type {ApiConnection} from '@conga-connections/api-client';
import {conflictFields} from './conflict.js';
import {fieldLabel} from './draft.js';
import {messages} from './edit-messages.js';
import type {FormModel} from './form-model.js';
import {renderPanelFrame} from './panel-view.js';
import type {PanelHandlers} from './panel-view.js';

function show(text: string): TemplateResult | string {
  return text === '' ? html`<span class="muted">${messages.formEmptyValue}</span>` : text;
}

/** The conflict panel. */
export function renderConflict(model: FormModel, latest: ApiConnection, handlers: PanelHandlers): TemplateResult {
  const fields = conflictFields(model, latest);
  const body =
    fields.length === 0
      ? html`<p>${messages.formConflictNoFieldChanges}</p>`
      : html`<table>
          <thead>
            <tr>
              <th scope="col">${messages.formConflictField}</th>
              <th scope="col">${messages.formConflictYours}</th>
              <th scope="col">${messages.formConflictTheirs}</th>
            </tr>
          </thead>
          <tbody>
            ${fields.map(
              (row) =>
                html`<tr>
                  <th scope="row">${fieldLabel(row.field)}</th>
                  <td>${show(row.mine)}</td>
                  <td>${show(row.theirs)}</td>
                </tr>`,
            )}
          </tbody>
        </table>`;
  return renderPanelFrame(
    messages.errorConflict,
    body,
    html`<button type="button" @click=${handlers.keepEditing}>${messages.formConflictKeepEditing}</button>
      <button type="button" @click=${handlers.takeTheirs}>${messages.formConflictTakeTheirs}</button>
      <button type="button" class="primary" @click=${handlers.reapply}>${messages.formConflictReapply}</button>`,
  );
}
