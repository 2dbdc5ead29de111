import type {ConnectionType} from '@conga-connections/api-client';

/** The server confirmed an activation or deactivation. */
export class ConnectionStatusChangedEvent extends Event {
  static readonly eventName = 'conga-connection-status-changed';
  readonly externalIdentifier: string;
  readonly connectionType: ConnectionType;
  readonly isActive: boolean;
  /** The connection's name as the list shows it (its Client Name, else its External Identifier), when known. */
  readonly name: string | undefined;

  constructor(externalIdentifier: string, connectionType: ConnectionType, isActive: boolean, name?: string) {
    super(ConnectionStatusChangedEvent.eventName, {bubbles: true, composed: true});
    this.externalIdentifier = externalIdentifier;
    this.connectionType = connectionType;
    this.isActive = isActive;
    this.name = name;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-connection-status-changed': ConnectionStatusChangedEvent;
  }
}
