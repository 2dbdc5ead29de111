/**
 * The strings of the "Your changes" panel. Kept beside the panel, not in `widget/src/messages.ts`, because the panel
 * is a lazy chunk and the main module's 30 KB budget includes its messages (issue 7).
 */
import {msg, str} from '../../localize.js';
import type {ChangeAction} from '../../history/change-history.js';
import {formatCount, onLocaleReady} from '../../locale.js';
import {messages} from '../../messages.js';

/** Through `msg()` like the main catalogue (messages.ts), ids prefixed `history.`. */
const build = () => ({
  heading: msg('Your changes in this session', {id: 'history.heading'}),
  explanation: msg(
    'Kept in this browser until the tab or window is closed. Only what you did here; never a secret. Created and modified by and when, for everyone, are in each connection’s details.',
    {id: 'history.explanation'},
  ),
  empty: msg('No changes yet in this session.', {id: 'history.empty'}),
  loading: msg('Loading your changes…', {id: 'history.loading'}),
  clear: msg('Clear this list', {id: 'history.clear'}),
  columnWhen: msg('When', {id: 'history.columnWhen'}),
  columnWhat: msg('What', {id: 'history.columnWhat'}),
  columnConnection: msg('Connection', {id: 'history.columnConnection'}),
  typeLabel: (type: 'APItoAPI' | 'UItoAPI') => (type === 'APItoAPI' ? messages.typeApiToApi : messages.typeUiToApi),
  action: {
    created: msg('Created', {id: 'history.action.created'}),
    saved: msg('Saved', {id: 'history.action.saved'}),
    'secret-regenerated': msg('Saved, with a new client secret', {id: 'history.action.secret-regenerated'}),
    deactivated: msg('Deactivated', {id: 'history.action.deactivated'}),
    reactivated: msg('Reactivated', {id: 'history.action.reactivated'}),
  } satisfies Record<ChangeAction, string>,
  count: (records: number) =>
    records === 1
      ? msg('1 change', {id: 'history.count.one'})
      : msg(str`${formatCount(records)} changes`, {id: 'history.count'}),
});

/** The panel's catalogue in the current locale (built like messages.ts). */
export let historyMessages = build();
onLocaleReady(() => (historyMessages = build()));
