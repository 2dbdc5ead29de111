import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {withoutSecret} from './connection.js';
import type {PublicConnection} from './connection.js';

/** The server saved an edit (for API-to-API, with a new secret that this event never carries). */
export class ConnectionUpdatedEvent extends Event {
  static readonly eventName = 'conga-connection-updated';
  readonly connection: PublicConnection;
  /** Whether the save issued a new client secret (API-to-API). */
  readonly secretRegenerated: boolean;

  constructor(connection: ApiConnectionResponse, secretRegenerated: boolean) {
    super(ConnectionUpdatedEvent.eventName, {bubbles: true, composed: true});
    this.connection = withoutSecret(connection);
    this.secretRegenerated = secretRegenerated;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-connection-updated': ConnectionUpdatedEvent;
  }
}
