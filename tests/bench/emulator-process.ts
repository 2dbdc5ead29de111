/** The emulator the bench signs in with and loads connections from, in a process of its own (child.ts says why). */
import {createEmulator, type Emulator, type EmulatorOptions, type LoggedRequest} from '@conga-connections/emulator';
import {childRole, exitWithParent, forkChild, nextMessage, stopChild} from './child.js';
import {bigSeed} from './seed.js';

/** What the bench asks for: the portal client, and a big organization of that many connections (else the default). */
export interface BenchEmulatorOptions {
  readonly portal?: EmulatorOptions['portal'];
  readonly connections?: number;
}

/** What the bench reads of an {@link Emulator}. */
type Description = Pick<Emulator, 'issuer' | 'apiBaseUrl' | 'users' | 'clients'>;

/** A running emulator in its child process. */
export interface BenchEmulator extends Description {
  /** The requests it has received, oldest first (its request log, read over HTTP from its test hooks). */
  requestLog(): Promise<readonly LoggedRequest[]>;
  close(): Promise<void>;
}

function run(): void {
  process.once('message', (options: BenchEmulatorOptions) => {
    void createEmulator({
      port: 0,
      // The request log's HTTP endpoint, which the sign-in rows time the round trip from.
      testHooks: true,
      ...(options.connections === undefined ? {} : {seed: bigSeed(options.connections)}),
      ...(options.portal === undefined ? {} : {portal: options.portal}),
    }).then(({issuer, apiBaseUrl, users, clients}) => {
      process.send?.({ready: {issuer, apiBaseUrl, users, clients} satisfies Description});
    });
  });
  exitWithParent();
}

export async function startEmulator(options: BenchEmulatorOptions): Promise<BenchEmulator> {
  const child = forkChild(import.meta.url, 'emulator');
  const ready = nextMessage(child, (message: {ready?: Description}): message is {ready: Description} =>
    Boolean(message.ready),
  );
  child.send(options);
  const description = (await ready).ready;
  const log = new URL('/__emulator/requests', description.issuer);
  return {
    ...description,
    async requestLog() {
      const response = await fetch(log);
      if (!response.ok) throw new Error(`the emulator's request log answered ${String(response.status)}`);
      return (await response.json()) as LoggedRequest[];
    },
    close: () => stopChild(child),
  };
}

if (childRole() === 'emulator') run();
