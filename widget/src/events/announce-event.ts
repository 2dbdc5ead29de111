/**
 * Internal: a child asks the root to announce a result in its live region (C6-03). Not composed: it never leaves
 * the element.
 */
export class AnnounceEvent extends Event {
  static readonly eventName = 'conga-announce';
  readonly message: string;
  /** `alert` for blocking failures, `status` for everything else. */
  readonly politeness: 'status' | 'alert';
  /** A confirmation (created, saved, deactivated, reactivated, exported) the root also shows until dismissed. */
  readonly visible: boolean;

  constructor(message: string, politeness: 'status' | 'alert' = 'status', options: {visible?: boolean} = {}) {
    super(AnnounceEvent.eventName, {bubbles: true, composed: false});
    this.message = message;
    this.politeness = politeness;
    this.visible = options.visible ?? false;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-announce': AnnounceEvent;
  }
}
