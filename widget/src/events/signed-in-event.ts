/** The admin is signed in. Carries who, never a token. */
export class SignedInEvent extends Event {
  static readonly eventName = 'conga-signed-in';
  readonly user: Readonly<{sub: string; name?: string; email?: string}>;

  constructor(user: {sub: string; name?: string; email?: string}) {
    super(SignedInEvent.eventName, {bubbles: true, composed: true});
    this.user = Object.freeze({...user});
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'conga-signed-in': SignedInEvent;
  }
}
