/** Internal, cancelable intent: the user asked to try a failed action again. */
export class RequestRetryEvent extends Event {
  static readonly eventName = 'conga-request-retry';

  constructor() {
    super(RequestRetryEvent.eventName, {bubbles: true, composed: false, cancelable: true});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-request-retry': RequestRetryEvent;
  }
}
