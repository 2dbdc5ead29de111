/**
 * Internal: a `<conga-secret-reveal>` closed and dropped the credentials it showed. Carries nothing: the secret never
 * goes into an event (B4-02). Not composed: it never leaves the element that shows the hand-off.
 */
export class SecretClosedEvent extends Event {
  static readonly eventName = 'conga-secret-closed';

  constructor() {
    super(SecretClosedEvent.eventName, {bubbles: true, composed: false});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-secret-closed': SecretClosedEvent;
  }
}
