/** The admin is signed out: by choice, or because the session expired and couldn't be renewed. */
export class SignedOutEvent extends Event {
  static readonly eventName = 'conga-signed-out';
  readonly reason: 'signed-out' | 'expired' | 'renewal-failed' | undefined;

  constructor(reason?: 'signed-out' | 'expired' | 'renewal-failed') {
    super(SignedOutEvent.eventName, {bubbles: true, composed: true});
    this.reason = reason;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-signed-out': SignedOutEvent;
  }
}
