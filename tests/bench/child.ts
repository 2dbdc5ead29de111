/**
 * The bench's own servers (the static server, the emulator) each run in a child process: in the bench's process they
 * shared one event loop with Playwright's client, which is busy with every network event of the page under test, so
 * a page that makes more requests was also answered more slowly. A host's web server and a tenant's sign-in service
 * don't share a CPU thread with the browser's driver.
 */
import {fork, type ChildProcess} from 'node:child_process';
import {fileURLToPath} from 'node:url';

/** Which module a child runs as: `CONGA_BENCH_CHILD` names it, so importing the module elsewhere starts nothing. */
export const childRole = (): string | undefined => (process.send ? process.env.CONGA_BENCH_CHILD : undefined);

/** Forks `moduleUrl` (an `import.meta.url`) as the child `role`, with this process's loader (tsx). */
export function forkChild(moduleUrl: string, role: string): ChildProcess {
  const child = fork(fileURLToPath(moduleUrl), [], {
    execArgv: process.execArgv,
    env: {...process.env, CONGA_BENCH_CHILD: role},
  });
  return child;
}

/** The child's next message that `accept` takes; rejects if the child ends first. */
export function nextMessage<M, T extends M>(child: ChildProcess, accept: (message: M) => message is T): Promise<T> {
  return new Promise<T>((done, fail) => {
    const onMessage = (message: M) => {
      if (!accept(message)) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      done(message);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      fail(new Error(`a bench child ended (exit code ${String(code)})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Ends the child: it exits when its channel closes (see {@link exitWithParent}). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      done();
      return;
    }
    child.once('exit', () => {
      done();
    });
    child.disconnect();
  });
}

/** In a child: exit when the parent goes away (it ended, was killed, or called {@link stopChild}). */
export function exitWithParent(): void {
  process.on('disconnect', () => process.exit(0));
}
