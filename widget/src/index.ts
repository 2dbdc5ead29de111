/** @conga-connections/widget: importing this module defines every element. */
// First: on a page the provider has just sent back to, this module's first statement asks for the sign-in code, so its
// download overlaps the evaluation of everything below (issue 18).
// A host that owns sign-in builds the session here (the sign-in code stays a lazy chunk) and sets `.session`.
export {createAuthSession} from './auth-session.js';
export {CongaApiConnections} from './components/api-connections/api-connections.js';
// The form and the secret hand-off are a chunk loaded on first use (see connection-list.ts): their classes are
// exported as types only; at run time they are `customElements.get('conga-connection-form')` once defined.
export type {CongaConnectionForm} from './components/connection-form/connection-form.js';
// The Deactivate / Reactivate confirmation loads on the first one (issue 18); hosts get its type.
export type {CongaConfirmDialog} from './components/confirm-dialog/confirm-dialog.js';
export {CongaConnectionList} from './components/connection-list/connection-list.js';
export type {CongaChangeHistory} from './components/change-history/change-history.js';
export {CongaErrorState, describeError} from './components/error-state/error-state.js';
export type {CongaSecretReveal} from './components/secret-reveal/secret-reveal.js';
export {CongaSignIn} from './components/sign-in/sign-in.js';
export type {AuthSession, BrowserAuthSession, BrowserAuthSessionOptions} from './auth-session.js';
export type {AuthState, AuthUser, SignedOutReason} from '@conga-connections/auth';
export {apiClientContext, authSessionContext, authStateContext, connectionTesterContext} from './context.js';
export type {ConnectionTester} from './context.js';
export {define, VERSION} from './define.js';
export {ConnectionCreatedEvent} from './events/connection-created-event.js';
export {ConnectionStatusChangedEvent} from './events/connection-status-changed-event.js';
export {ConnectionUpdatedEvent} from './events/connection-updated-event.js';
export {RequestFormEvent} from './events/request-form-event.js';
export {SignedInEvent} from './events/signed-in-event.js';
export {SignedOutEvent} from './events/signed-out-event.js';
export type {PublicConnection} from './events/connection.js';
// The session history is a lazy chunk too: hosts hand in a store; only the types are exported.
export type {ChangeAction, ChangeRecord, HistoryStore} from './history/change-history.js';
export {messages, type Messages} from './messages.js';
// The form's, hand-off's and tools' strings load with the form (issue 7): their catalogue is a type here.
export type {FormMessages} from './components/connection-form/form-messages.js';
