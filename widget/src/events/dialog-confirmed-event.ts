/** Internal: the user confirmed a `<conga-confirm-dialog>`. Not composed: it never leaves the element that shows the dialog. */
export class DialogConfirmedEvent extends Event {
  static readonly eventName = 'conga-dialog-confirmed';

  constructor() {
    super(DialogConfirmedEvent.eventName, {bubbles: true, composed: false});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-dialog-confirmed': DialogConfirmedEvent;
  }
}
