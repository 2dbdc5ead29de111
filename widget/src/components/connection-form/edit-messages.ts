/**
 * The strings only the edit form's parts show (the conflict panel and the connection's details, `edit-parts.ts`): they
 * load with those parts, not with every opening of the Add form (issue 18: what a first visit loads). `messages` here
 * is the form's catalogue plus these, as `../connection-tools/tools-messages.ts` is for the hand-off and the tools.
 */
import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';
import {messages as form} from './form-messages.js';

const edit = () => ({
  formConflictField: msg('Field', {id: 'formConflictField'}),
  formConflictYours: msg('Your version', {id: 'formConflictYours'}),
  formConflictTheirs: msg('Latest version', {id: 'formConflictTheirs'}),
  formConflictNoFieldChanges: msg('No field values differ: it was saved again, or its status or secret changed.', {
    id: 'formConflictNoFieldChanges',
  }),
  formConflictReapply: msg('Re-apply my changes on the latest version', {id: 'formConflictReapply'}),
  formConflictTakeTheirs: msg('Take theirs', {id: 'formConflictTakeTheirs'}),
  formConflictKeepEditing: msg('Keep editing', {id: 'formConflictKeepEditing'}),
  formEmptyValue: msg('(empty)', {id: 'formEmptyValue'}),
  formDetails: msg('Details', {id: 'formDetails'}),
  formCreated: msg('Created', {id: 'formCreated'}),
  formModified: msg('Modified', {id: 'formModified'}),
  formStatus: msg('Status', {id: 'formStatus'}),
  formUnknown: msg('unknown', {id: 'formUnknown'}),
  formByOn: (name: string, date: string) => msg(str`${name}, ${date}`, {id: 'formByOn'}),
  formCopy: msg('Copy', {id: 'formCopy'}),
  // The edit form's panels (edit-panel-view.ts).
  backToList: msg('Back to the list', {id: 'backToList'}),
  formFieldClientId: msg('Client ID', {id: 'formFieldClientId'}),
  formRegenerateTitle: msg('Issue a new client secret?', {id: 'formRegenerateTitle'}),
  formRegenerateWarning: msg(
    'Saving issues a new client secret. The current secret stops working at once, in every system that uses it.',
    {id: 'formRegenerateWarning'},
  ),
  formConfirm: msg('Confirm', {id: 'formConfirm'}),
  /** A connection the admin asked to edit was never there (the platform has no delete): not "no longer exists". */
  formDoesNotExist: msg("This API connection doesn't exist.", {id: 'formDoesNotExist'}),
  formDoesNotExistDetail: (typeLabel: string, identifier: string) =>
    msg(str`No ${typeLabel} connection has the External Identifier ${identifier}.`, {id: 'formDoesNotExistDetail'}),
  formCreateAsNew: msg('Create as new (prefilled)', {id: 'formCreateAsNew'}),
});

/** The edit parts' keys, which `FormMessages` includes (the widget exports that type). */
export type EditMessages = ReturnType<typeof edit>;

/** Built like the form's catalogue: `form` is read when this runs, so a locale change rebuilds this after it. */
const build = () => ({...form, ...edit()});

/** The form's catalogue plus the edit parts', in the current locale. */
export let messages = build();
onLocaleReady(() => (messages = build()));
