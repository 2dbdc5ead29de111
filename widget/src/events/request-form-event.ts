import type {ConnectionType} from '@conga-connections/api-client';

/**
 * Public, cancelable intent: the admin asked to add or edit a connection. A host that shows secrets elsewhere (the
 * extension's toolbar popup, which closes as soon as it loses focus, C4-04) cancels it and opens the form where a
 * one-time secret can be handed over safely.
 */
export class RequestFormEvent extends Event {
  static readonly eventName = 'conga-request-form';
  readonly mode: 'create' | 'edit';
  readonly connectionType: ConnectionType;
  /** The connection to edit; absent for `create`. */
  readonly externalIdentifier: string | undefined;

  constructor(mode: 'create' | 'edit', connectionType: ConnectionType, externalIdentifier?: string) {
    super(RequestFormEvent.eventName, {bubbles: true, composed: true, cancelable: true});
    this.mode = mode;
    this.connectionType = connectionType;
    this.externalIdentifier = externalIdentifier;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-request-form': RequestFormEvent;
  }
}
