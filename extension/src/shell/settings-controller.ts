/**
 * Keeps an extension tab page (the shell, Promote) following the settings for as long as it is on the page: starts
 * when it connects or gets new services, stops when it disconnects. One owner for the subscription, so neither page
 * can forget to stop it or start it twice.
 */
import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Settings} from '../storage.js';
import {followSettings, type ShellServices} from './services.js';

type SettingsSource = Pick<ShellServices, 'readSettings' | 'watchSettings'>;

export class SettingsController implements ReactiveController {
  readonly #services: () => SettingsSource | undefined;
  readonly #use: (settings: Settings) => void;
  readonly #failed: (error: unknown) => void;
  /** The services followed now, and how to stop. */
  #following: {services: SettingsSource; stop: () => void} | undefined;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    options: {
      services: () => SettingsSource | undefined;
      use: (settings: Settings) => void;
      failed: (error: unknown) => void;
    },
  ) {
    this.#services = options.services;
    this.#use = options.use;
    this.#failed = options.failed;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#following?.stop();
    this.#following = undefined;
  }

  /** Before each update: the host may have been handed other services. */
  hostUpdate(): void {
    this.#follow();
  }

  #follow(): void {
    const services = this.#services();
    if (!this.#connected || services === this.#following?.services) return;
    this.#following?.stop();
    this.#following = services && {services, stop: followSettings(services, this.#use, this.#failed)};
  }
}
