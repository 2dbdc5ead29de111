/**
 * The parts of @lit/localize the element's main module uses, imported from their own modules: its index also
 * re-exports the runtime (message lookup, locale loading), and the bundler keeps every module an index re-exports
 * (the package declares no `sideEffects`), so importing `msg` from '@lit/localize' put the runtime into the main
 * module. The runtime is in the lazy locale-runtime.ts instead (issue 7: the main module's budget).
 */
export {msg} from '@lit/localize/init/install.js';
export {str} from '@lit/localize/internal/str-tag.js';
export {localized} from '@lit/localize/internal/localized-decorator.js';
export {LOCALE_STATUS_EVENT} from '@lit/localize/internal/locale-status-event.js';
