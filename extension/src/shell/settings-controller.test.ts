import {describe, expect, it, vi} from 'vitest';
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Settings} from '../storage.js';
import {SettingsController} from './settings-controller.js';

vi.mock('webextension-polyfill', () => ({default: {}}));

const SETTINGS = {tenants: [], activeTenantId: null} as unknown as Settings;

/** Services that count their watchers, as a page would be handed them. */
function services(name: string, log: string[]) {
  return {
    readSettings: () => Promise.resolve(SETTINGS),
    watchSettings: () => {
      log.push(`watch ${name}`);
      return () => {
        log.push(`stop ${name}`);
      };
    },
  };
}

function host(): ReactiveControllerHost & {controller?: ReactiveController} {
  const fake: ReactiveControllerHost & {controller?: ReactiveController} = {
    addController: (controller) => {
      fake.controller = controller;
    },
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  return fake;
}

describe('SettingsController', () => {
  it('follows the services while connected, switches when they change, and stops on disconnect', async () => {
    const log: string[] = [];
    const used: Settings[] = [];
    const first = services('first', log);
    const second = services('second', log);
    let current: ReturnType<typeof services> | undefined;
    const page = host();
    new SettingsController(page, {services: () => current, use: (s) => used.push(s), failed: () => undefined});
    const controller = page.controller;
    if (!controller) throw new Error('the controller did not register itself');

    controller.hostConnected?.();
    expect(log).toEqual([]); // no services yet
    current = first;
    controller.hostUpdate?.();
    controller.hostUpdate?.(); // the same services: not followed twice
    expect(log).toEqual(['watch first']);
    await vi.waitFor(() => {
      expect(used).toEqual([SETTINGS]);
    });
    current = second;
    controller.hostUpdate?.();
    expect(log).toEqual(['watch first', 'stop first', 'watch second']);
    controller.hostDisconnected?.();
    controller.hostUpdate?.(); // disconnected: nothing starts again
    expect(log).toEqual(['watch first', 'stop first', 'watch second', 'stop second']);
    controller.hostConnected?.();
    expect(log.at(-1)).toBe('watch second');
  });
});
