// Expected to FAIL type-checking (tests/hosts/hosts.spec.ts asserts each error): a wrong property value and a
// listener that reads a field the event doesn't have.
import type {} from '@conga-connections/widget';

const element = document.createElement('conga-api-connections');
element.loginMode = 'sideways';
element.addEventListener('conga-connection-status-changed', (event) => event.connection);
