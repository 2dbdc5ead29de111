/**
 * The strings of the "Your changes" panel. Kept beside the panel, not in `widget/src/messages.ts`, because the panel
 * is a lazy chunk and the main module's 30 KB budget includes its messages (issue 7).
 */
import type {ChangeAction} from '../../history/change-history.js';

export const historyMessages = {
  heading: 'Your changes in this session',
  explanation:
    'Kept in this browser until the tab or window is closed. Only what you did here; never a secret. Created and modified by and when, for everyone, are in each connection’s details.',
  empty: 'No changes yet in this session.',
  loading: 'Loading your changes…',
  clear: 'Clear this list',
  columnWhen: 'When',
  columnWhat: 'What',
  columnConnection: 'Connection',
  typeLabel: (type: 'APItoAPI' | 'UItoAPI') => (type === 'APItoAPI' ? 'API to API' : 'UI to API'),
  action: {
    created: 'Created',
    saved: 'Saved',
    'secret-regenerated': 'Saved, with a new client secret',
    deactivated: 'Deactivated',
    reactivated: 'Reactivated',
  } satisfies Record<ChangeAction, string>,
  count: (records: number) => (records === 1 ? '1 change' : `${String(records)} changes`),
};
