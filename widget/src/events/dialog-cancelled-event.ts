/**
 * Internal: the user dismissed a `<conga-confirm-dialog>` without confirming (Cancel, Escape, or `close()`). Not
 * composed: it never leaves the element that shows the dialog.
 */
export class DialogCancelledEvent extends Event {
  static readonly eventName = 'conga-dialog-cancelled';

  constructor() {
    super(DialogCancelledEvent.eventName, {bubbles: true, composed: false});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-dialog-cancelled': DialogCancelledEvent;
  }
}
