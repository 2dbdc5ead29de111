/** Internal, cancelable intent: the user asked to close something (a status message's Dismiss). */
export class RequestCloseEvent extends Event {
  static readonly eventName = 'conga-request-close';

  constructor() {
    super(RequestCloseEvent.eventName, {bubbles: true, composed: false, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-request-close': RequestCloseEvent;
  }
}
