/**
 * Internal, cancelable intent: "Test sign-in" found that the connection lacks a value (its redirect URL in Redirect
 * URIs, or the page's origin in Cors Origins) and the admin asked to add it. The edit form takes it into that field
 * and cancels the event to say so; nothing is saved until the admin saves. Not composed: each shadow root it crosses
 * passes it on explicitly.
 */
export class RequestAddValueEvent extends Event {
  static readonly eventName = 'conga-request-add-value';
  readonly field: 'RedirectURI' | 'CorsOrigins';
  readonly value: string;

  constructor(field: 'RedirectURI' | 'CorsOrigins', value: string) {
    super(RequestAddValueEvent.eventName, {bubbles: true, composed: false, cancelable: true});
    this.field = field;
    this.value = value;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-request-add-value': RequestAddValueEvent;
  }
}
