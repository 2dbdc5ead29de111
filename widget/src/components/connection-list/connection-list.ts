// Placeholder until the list lands (issue #4): renders the connection count so the root can be exercised.
import {html, LitElement} from 'lit';
import {property, state} from 'lit/decorators.js';
import {consume} from '@lit/context';
import {Task} from '@lit/task';
import type {ApiClient} from '@conga-connections/api-client';
import {apiClientContext} from '../../context.js';
import {define, VERSION} from '../../define.js';
import '../error-state/error-state.js';

/** @summary Lists the organization's API connections. */
export class CongaConnectionList extends LitElement {
  static readonly congaVersion = VERSION;
  @property({type: Number, attribute: 'page-size'}) pageSize = 50;
  @consume({context: apiClientContext, subscribe: true}) @state() private api?: ApiClient;
  private readonly connections = new Task(this, {
    args: () => [this.api] as const,
    task: ([api], {signal}) =>
      api ? api.apiConnections.list({pageSize: this.pageSize, pageNumber: 1}, {signal}) : undefined,
  });
  override render() {
    return this.connections.render({
      pending: () => html`<p role="status">Loading…</p>`,
      complete: (page) => html`<p>${page?.recordCount ?? 0} connections</p>`,
      error: (error) => html`<conga-error-state .error=${error}></conga-error-state>`,
    });
  }
}
define('conga-connection-list', CongaConnectionList);
declare global {
  interface HTMLElementTagNameMap {
    'conga-connection-list': CongaConnectionList;
  }
}
