// Expected to FAIL type-checking (tests/hosts/hosts.spec.ts asserts each error): a wrong attribute value and a handler
// for the wrong event type, on the @lit/react wrapper and on the tag (React 19 JSX typings).
import type {ConnectionUpdatedEvent} from '@conga-connections/widget';
import type {} from '@conga-connections/widget/react/jsx';
import {CongaApiConnections} from '@conga-connections/widget/react';

const handleUpdated = (event: ConnectionUpdatedEvent) => event.connection;

export const wrapperValue = <CongaApiConnections loginMode="sideways" />;
export const wrapperHandler = <CongaApiConnections onCongaConnectionStatusChanged={handleUpdated} />;
export const tagValue = <conga-api-connections login-mode="sideways" />;
export const tagHandler = <conga-api-connections onconga-connection-status-changed={handleUpdated} />;
