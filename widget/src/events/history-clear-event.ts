/**
 * Internal: the admin asked to clear the list of their own changes. Not composed: it stays inside the root's shadow
 * tree, where the root (the history's one owner) clears it.
 */
export class HistoryClearEvent extends Event {
  static readonly eventName = 'conga-history-clear';

  constructor() {
    super(HistoryClearEvent.eventName, {bubbles: true, composed: false});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-history-clear': HistoryClearEvent;
  }
}
