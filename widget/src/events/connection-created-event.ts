import type {ApiConnectionResponse} from '@conga-connections/api-client';
import {withoutSecret} from './connection.js';
import type {PublicConnection} from './connection.js';

/** The server created a connection. Carries its Client ID, never its secret. */
export class ConnectionCreatedEvent extends Event {
  static readonly eventName = 'conga-connection-created';
  readonly connection: PublicConnection;

  constructor(connection: ApiConnectionResponse) {
    super(ConnectionCreatedEvent.eventName, {bubbles: true, composed: true});
    this.connection = withoutSecret(connection);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-connection-created': ConnectionCreatedEvent;
  }
}
