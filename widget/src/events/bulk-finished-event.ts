/**
 * Internal: a bulk deactivate or reactivate ran to its end (every connection succeeded or failed). Not composed: the
 * list that shows `<conga-bulk-actions>` keeps the failures selected, so "Retry failed" is one click.
 */
export class BulkFinishedEvent extends Event {
  static readonly eventName = 'conga-bulk-finished';
  /** Keys of the connections whose change the server confirmed. */
  readonly succeeded: readonly string[];
  /** Keys of the connections that failed. */
  readonly failed: readonly string[];

  constructor(succeeded: readonly string[], failed: readonly string[]) {
    super(BulkFinishedEvent.eventName, {bubbles: true, composed: false});
    this.succeeded = succeeded;
    this.failed = failed;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-bulk-finished': BulkFinishedEvent;
  }
}
