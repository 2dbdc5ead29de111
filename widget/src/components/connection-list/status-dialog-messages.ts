/**
 * The Deactivate / Reactivate confirmation's strings: they load with it (status-dialog.ts), on the first change of a
 * connection's status, not with the main module (issue 18). Through `msg()` like the main catalogue (messages.ts).
 */
import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';

/** The value the element wraps in markup (a name in `<bdi>`), as a marker while the sentence is translated. */
const MARK = '\u0000';

/**
 * A translated sentence as [before, value, after], so the element can wrap `value` in markup (B1-06) while word
 * order is the translation's.
 */
function around<T>(sentence: (value: string) => string, value: T): readonly [string, T, string] {
  const [before = '', after = ''] = sentence(MARK).split(MARK);
  return [before, value, after];
}

const build = () => ({
  confirmDeactivateTitle: <T>(name: T) => around((name) => msg(str`Deactivate ${name}?`), name),
  confirmReactivateTitle: <T>(name: T) => around((name) => msg(str`Reactivate ${name}?`), name),
  confirmConnection: <T>(typeLabel: string, externalIdentifier: T) =>
    around(
      (externalIdentifier) => msg(str`${typeLabel} connection for External Identifier ${externalIdentifier}.`),
      externalIdentifier,
    ),
  confirmDeactivateBody: msg(
    'New token requests with this connection fail at once. Tokens already issued stay valid until they expire.',
  ),
  confirmReactivateBody: msg(
    'New token requests with this connection work again at once, with the same Client ID and secret.',
  ),
});

/** The confirmation's catalogue in the current locale (built like messages.ts). */
export let statusDialogMessages = build();
onLocaleReady(() => (statusDialogMessages = build()));
