import {LOCALE_STATUS_EVENT} from '../localize.js';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {bestLocale, currentLocale, directionOf, languageOf, useLocale} from '../locale.js';
import type {Locale} from '../locale.js';

/**
 * Keeps the page's locale on the language of its host (issue 17): the host's `lang`, else the nearest ancestor's
 * (across shadow roots), else the document's, else the browser's. Watches only `lang` attributes, in the document
 * and in each shadow root around the host, so a change anywhere above re-resolves; re-renders the host once the new
 * locale's messages are loaded. Its children re-render through `@localized()`.
 */
export class LocaleController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: MutationObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The locale the host renders in: the page's, once loaded. */
  get value(): Locale {
    return currentLocale();
  }

  /** `rtl` or `ltr`, for the host's rendering. */
  get direction(): 'rtl' | 'ltr' {
    return directionOf(currentLocale());
  }

  hostConnected(): void {
    this.#observer = new MutationObserver(this.#resolve);
    for (let root = this.#host.getRootNode(); ; root = root.host.getRootNode()) {
      this.#observer.observe(root, {attributeFilter: ['lang'], subtree: true});
      if (!(root instanceof ShadowRoot)) break;
    }
    addEventListener(LOCALE_STATUS_EVENT, this.#update);
    this.#resolve();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    removeEventListener(LOCALE_STATUS_EVENT, this.#update);
  }

  readonly #resolve = (): void => {
    // A failed load (the chunk didn't arrive) keeps the language the page has.
    useLocale(bestLocale(languageOf(this.#host))).catch(() => undefined);
  };

  readonly #update = (): void => {
    this.#host.requestUpdate();
  };
}
