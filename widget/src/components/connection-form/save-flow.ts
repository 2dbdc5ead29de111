/**
 * The form's save flow, as a Lit reactive controller: submit, the confirmations, create and update, a lost create
 * found again (C4-03), a stale version (C2-03/C2-04), a connection gone (C2-01), failures and Retry, and closing with
 * unsaved changes (C4-07). It owns the step the form shows and every request of a save (sent by `save-requests.ts`,
 * loaded before the first one); the draft is the model's, and what touches the DOM (focus, the live region, the
 * dialogs, the hand-off) is the element's, reached through `SaveFlowEffects`. Events go out on the host.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {isApiError} from '@conga-connections/api-client';
import type {ApiClient, ApiConnection} from '@conga-connections/api-client';
import {changedSince} from './draft.js';
import {messages} from './form-messages.js';
import type {FormModel} from './form-model.js';
import type * as SaveRequests from './save-requests.js';

/** What the form shows: the fields, a confirmation or recovery panel, or nothing while the secret is handed over. */
export type Step =
  'form' | 'confirm-regenerate' | 'confirm-discard' | 'conflict' | 'not-found' | 'secret-lost' | 'handoff';

/** A failed save, with or without Retry. */
export interface Failure {
  message: string;
  retry: boolean;
}

/** What the one-time hand-off shows: the Client ID, and the secret of an API-to-API connection (never stored). */
export interface Handoff {
  clientId: string;
  clientSecret: string | null;
  reason: 'created' | 'regenerated';
}

/** The element's side of the flow: its API client, the network state and everything that touches the DOM. */
export interface SaveFlowEffects {
  api(): ApiClient | undefined;
  online(): boolean;
  /** Moves focus to the control with this id once the host has rendered. */
  focus(id: string): Promise<void>;
  /** Says something in the form's live region. */
  announce(message: string): Promise<void>;
  /** The form's dialog gives way to the hand-off of the new Client ID (and secret). */
  handOff(handoff: Handoff): Promise<void>;
  /** Closes the form. */
  close(): void;
  /**
   * Loads the requests of a save (`save-requests.ts`) before any goes (issue 18: they and the secret hand-off are a
   * lazy chunk). A save's answer may carry a secret shown only once, so what shows it must be loaded before the
   * request, never fetched after the answer; if loading fails, the save fails with Retry and nothing is sent.
   */
  loadRequests(): Promise<Pick<typeof SaveRequests, 'send'>>;
}

/** What the requests of a save (`save-requests.ts`) use of the flow. */
export interface SaveFlowPort {
  readonly host: EventTarget;
  readonly model: FormModel;
  readonly effects: SaveFlowEffects;
  /** C4-03: a create was sent and its answer lost; before sending anything again, check whether it exists. */
  createUncertain: boolean;
  goTo(step: Step, focus: string): Promise<void>;
  fail(message: string, retry: boolean): void;
  showSummary(): Promise<void>;
  showConflict(latest: ApiConnection): Promise<void>;
  /** The form's dialog gives way to the hand-off's. */
  handingOff(): void;
  /**
   * `draft.ts`'s check of a newer version, handed over rather than imported: the requests' chunk importing the
   * draft's module made rolldown move the form's modules into a shared file (rolldown#10731).
   */
  changedSince: typeof changedSince;
}

/** C3-03: progress text and busy state appear only when a save takes noticeably long. */
export const PROGRESS_DELAY_MS = 300;

type Host = ReactiveControllerHost & EventTarget;

/** Runs the saves of one form and keeps the step it shows. */
export class SaveFlowController implements ReactiveController {
  step: Step = 'form';
  /** The server's newer version, while the conflict step shows it (C2-03). */
  latest: ApiConnection | undefined;
  failure: Failure | undefined;
  /** A save is in flight; nothing else is sent meanwhile (C4-01). */
  saving = false;
  /** A save has taken longer than `PROGRESS_DELAY_MS`. */
  showProgress = false;
  /** The identifier being created again after a 404, whose stale row in `existing` must not disable it. */
  recreateIdentifier: string | undefined;
  readonly #host: Host;
  readonly #model: FormModel;
  readonly #effects: SaveFlowEffects;
  /** C4-03: a create was sent and its answer lost; before sending anything again, check whether it exists. */
  #createUncertain = false;
  readonly #port: SaveFlowPort;
  /** Where focus goes back when a confirmation step is cancelled. */
  #returnFocusTo: string | undefined;
  #progressTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Host, model: FormModel, effects: SaveFlowEffects) {
    this.#host = host;
    this.#model = model;
    this.#effects = effects;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the port's accessors reach the private field
    const flow = this;
    this.#port = {
      host,
      model,
      effects,
      get createUncertain() {
        return flow.#createUncertain;
      },
      set createUncertain(value) {
        flow.#createUncertain = value;
      },
      goTo: (step, focus) => this.#goTo(step, focus),
      fail: (message, retry) => {
        this.#fail(message, retry);
      },
      showSummary: () => this.#showSummary(),
      showConflict: (latest) => this.#showConflict(latest),
      handingOff: () => {
        this.step = 'handoff';
        this.#changed();
      },
      changedSince,
    };
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#clearProgressTimer();
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  async #goTo(step: Step, focus: string): Promise<void> {
    this.step = step;
    this.#changed();
    await this.#effects.focus(focus);
  }

  /** Starts afresh for one opening of the form. */
  reset(): void {
    this.step = 'form';
    this.latest = undefined;
    this.failure = undefined;
    this.recreateIdentifier = undefined;
    this.#createUncertain = false;
    this.#changed();
  }

  /** The form closed: whatever step it was at, it opens on the fields next time. */
  closed(): void {
    this.step = 'form';
    this.#changed();
  }

  /** Loading the connection to edit failed: a 404 says it doesn't exist (C2-01). */
  async loadFailed(error: unknown): Promise<void> {
    if (isApiError(error, 'API_NOT_FOUND') && this.#model.mode === 'edit' && !this.#model.loaded) {
      await this.#goTo('not-found', 'panel-title');
    }
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Submitting and saving
  // -------------------------------------------------------------------------------------------------------------------

  /** Save (the submit button or Enter): checks, asks before regenerating a secret, then saves. */
  async submit(): Promise<void> {
    // C4-01: a second click or Enter while a save runs sends nothing.
    if (this.saving || this.step !== 'form') return;
    // C3-01: nothing is queued silently while offline; the banner says why Save does nothing.
    if (!this.#effects.online()) return;
    const model = this.#model;
    model.markSubmitted();
    model.setServerProblems([]);
    this.failure = undefined;
    this.#changed();
    if (!model.valid) {
      await this.#showSummary();
      return;
    }
    if (model.mode === 'edit' && model.type === 'APItoAPI') {
      // Every save of an API-to-API connection issues a new secret (PLATFORM.md §1.5): say so before sending.
      this.#returnFocusTo = 'save-button';
      await this.#goTo('confirm-regenerate', 'panel-title');
      return;
    }
    await this.save();
  }

  /** Sends the draft: Retry, or after the confirmation. */
  async save(): Promise<void> {
    if (this.saving) return;
    const model = this.#model;
    const api = this.#effects.api();
    if (!api) {
      this.failure = {message: messages.formNoApiClient, retry: false};
      this.#changed();
      return;
    }
    if (!this.#effects.online()) return;
    const result = model.validate();
    if (!model.valid) {
      model.markSubmitted();
      await this.#showSummary();
      return;
    }
    const identifier = model.draft.ExternalIdentifier;
    const body = model.requestBody(result);
    this.#startSaving();
    this.failure = undefined;
    model.setServerProblems([]);
    try {
      const requests = await this.#effects.loadRequests();
      await requests.send(this.#port, api, identifier, body);
    } catch (error) {
      // Loading the requests failed (offline, a redeploy): nothing was sent, and Retry loads them again.
      console.error(error);
      this.#fail(messages.formSaveFailed, true);
    } finally {
      this.#stopSaving();
    }
  }

  #fail(message: string, retry: boolean): void {
    this.failure = {message, retry};
    this.#changed();
  }

  async #showConflict(latest: ApiConnection): Promise<void> {
    this.latest = latest;
    this.#returnFocusTo = 'save-button';
    await this.#goTo('conflict', 'panel-title');
  }

  async #showSummary(): Promise<void> {
    this.#model.requestSummary();
    await this.#effects.focus('error-summary');
  }

  #startSaving(): void {
    this.saving = true;
    this.#changed();
    this.#clearProgressTimer();
    this.#progressTimer = setTimeout(() => {
      this.showProgress = true;
      this.#changed();
    }, PROGRESS_DELAY_MS);
  }

  #stopSaving(): void {
    this.saving = false;
    this.showProgress = false;
    this.#changed();
    this.#clearProgressTimer();
  }

  #clearProgressTimer(): void {
    if (this.#progressTimer !== undefined) clearTimeout(this.#progressTimer);
    this.#progressTimer = undefined;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // The panels' choices, and closing
  // -------------------------------------------------------------------------------------------------------------------

  /** Escape, Cancel and ×: leave a confirmation step, or close, asking first when there are unsaved changes (C4-07). */
  async requestClose(returnFocusTo: string): Promise<void> {
    if (this.saving || this.step === 'handoff') return;
    if (this.step === 'confirm-regenerate' || this.step === 'confirm-discard' || this.step === 'conflict') {
      await this.keepEditing();
      return;
    }
    if (this.#model.dirty) {
      this.#returnFocusTo = returnFocusTo;
      await this.#goTo('confirm-discard', 'panel-title');
      return;
    }
    this.#effects.close();
  }

  /** "Discard", "Back to list" and the secret-lost panel's "Close": the form closes. */
  readonly close = (): void => {
    this.#effects.close();
  };

  /** Cancel or "Keep editing" on a panel: back to the fields, focus where it was. */
  readonly keepEditing = async (): Promise<void> => {
    this.latest = undefined;
    await this.#goTo('form', this.#returnFocusTo ?? 'save-button');
  };

  /** "Confirm" at the regenerate warning. */
  readonly confirmRegenerate = async (): Promise<void> => {
    this.step = 'form';
    this.#changed();
    await this.save();
  };

  /** C2-03 "Reapply my changes" on the newer version, and save. */
  readonly reapply = async (): Promise<void> => {
    const latest = this.latest;
    if (!this.#model.loaded || !latest) return;
    this.#model.reapply(latest);
    this.latest = undefined;
    this.step = 'form';
    this.#changed();
    await this.save();
  };

  /** C2-03 "Take theirs": the newer version becomes the draft; nothing is sent. */
  readonly takeTheirs = async (): Promise<void> => {
    const latest = this.latest;
    if (!latest) return;
    this.#model.load(latest);
    this.#model.clearMessages();
    this.latest = undefined;
    this.step = 'form';
    this.#changed();
    void this.#effects.announce(messages.formConflictTookTheirs);
    await this.#effects.focus('field-ClientName');
  };

  /** C2-01: the connection is gone; its values become a new one, with nothing the admin typed lost. */
  readonly createAsNew = async (): Promise<void> => {
    this.#model.createAsNew();
    this.recreateIdentifier = this.#model.draft.ExternalIdentifier;
    this.failure = undefined;
    await this.#goTo('form', 'field-ExternalIdentifier');
  };

  /** C4-03: the connection exists; editing it issues a new secret (after the usual confirmation). */
  readonly generateNewSecret = async (): Promise<void> => {
    this.#model.mode = 'edit';
    await this.#goTo('form', 'save-button');
  };
}
