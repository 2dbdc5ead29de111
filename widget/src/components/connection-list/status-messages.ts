/**
 * What the admin is told after a Deactivate or Reactivate of one connection: loaded with the status request
 * (status-change.ts, in the list-deferred chunk), not with the main module, whose 30 KB (issue 7) also hold
 * @lit/localize (issue 17). Through `msg()` like the main catalogue (messages.ts).
 */
import {msg, str} from '../../localize.js';
import {onLocaleReady} from '../../locale.js';

const build = () => ({
  deactivated: (name: string) => msg(str`${name} is deactivated.`),
  reactivated: (name: string) => msg(str`${name} is active again.`),
  deactivateFailed: (name: string) => msg(str`Couldn't deactivate ${name}; it is still active.`),
  reactivateFailed: (name: string) => msg(str`Couldn't reactivate ${name}; it is still inactive.`),
});

/** The status change's catalogue in the current locale (built like messages.ts). */
export let statusMessages = build();
onLocaleReady(() => (statusMessages = build()));
