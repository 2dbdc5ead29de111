import {Component, CUSTOM_ELEMENTS_SCHEMA, Input, signal} from '@angular/core';
import type {AuthSession, ConnectionStatusChangedEvent} from '@conga-connections/widget';
import '@conga-connections/widget';

/**
 * An Angular host: the element in a standalone component's template. Angular has no typings for custom elements'
 * attributes and events; CUSTOM_ELEMENTS_SCHEMA lets the template use the tag, `[session]` sets the property and
 * `(conga-connection-status-changed)` listens to the event (its `$event` is a plain `Event`: narrow it).
 */
@Component({
  selector: 'app-root',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <header>
        <h1>Angular host</h1>
        <p>
          Last change: <output aria-label="Last change">{{ lastChange() }}</output>
        </p>
      </header>
      <conga-api-connections
        [attr.api-base-url]="apiBaseUrl"
        [session]="session"
        (conga-connection-status-changed)="handleStatusChanged($event)"
      ></conga-api-connections>
    </main>
  `,
})
export class AppComponent {
  @Input({required: true}) session!: AuthSession;
  @Input({required: true}) apiBaseUrl!: string;
  readonly lastChange = signal('none yet');

  handleStatusChanged(event: Event): void {
    const change = event as ConnectionStatusChangedEvent;
    this.lastChange.set(
      `${change.name ?? change.externalIdentifier} is now ${change.isActive ? 'active' : 'inactive'}`,
    );
  }
}
