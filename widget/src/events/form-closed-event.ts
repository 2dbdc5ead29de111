/**
 * Internal: a `<conga-connection-form>` closed its dialog, for any reason (saved, cancelled, discarded, or after the
 * one-time secret hand-off). Not composed: it never leaves the element that shows the form.
 */
export class FormClosedEvent extends Event {
  static readonly eventName = 'conga-form-closed';

  constructor() {
    super(FormClosedEvent.eventName, {bubbles: true, composed: false});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-form-closed': FormClosedEvent;
  }
}
