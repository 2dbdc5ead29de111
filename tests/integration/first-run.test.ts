/**
 * Issue 13: what a first-time user meets. `npm start` prints what the curl walkthrough (docs/emulator.md) needs,
 * `npm install` has no install script left unreviewed, and `--data` files have an ignored home.
 */
import {spawn, spawnSync} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {defaultSeed, SEEDED_CLIENTS} from '@conga-connections/emulator';
import {api, basicAuth, CONNECTIONS_PATH, tokenRequest} from '../support/emulator.js';

const root = resolve(import.meta.dirname, '../..');
let started: ChildProcess | undefined;

/** Stops the `npm start` process group this file started (npm, its shell and the demo), and waits for it. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((done) => child.once('exit', done));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

afterAll(async () => {
  if (started) await stop(started);
});

/** Starts `npm start` on free ports and resolves its stdout once the banner is complete. */
function startAndReadBanner(): Promise<string> {
  const child = spawn('npm', ['start', '--', '--emulator-port', '0', '--portal-port', '0'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started = child;
  return new Promise((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (stdout.includes('Press Ctrl+C to stop both.')) done(stdout);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.once('exit', (code) => {
      fail(new Error(`npm start exited (${String(code)}) before its banner:\n${stdout}\n${stderr}`));
    });
  });
}

/** The value printed after `label` on a banner line. */
function printed(banner: string, label: string): string {
  const line = banner.split('\n').find((l) => l.trimStart().startsWith(label));
  const value = line?.trimStart().slice(label.length).trim().split(/\s+/)[0];
  if (!value) throw new Error(`the banner has no "${label}" line:\n${banner}`);
  return value;
}

describe('npm start', () => {
  it(
    'prints the admin user id and the script client, which work for the curl walkthrough',
    {timeout: 120_000},
    async () => {
      const banner = await startAndReadBanner();
      const admin = defaultSeed().users[0]!;
      expect(banner).toContain(`Sign in as admin          ${admin.UserName} / ${admin.Password}`);
      const userId = printed(banner, 'user-id');
      const clientId = printed(banner, 'client_id');
      const clientSecret = printed(banner, 'client_secret');
      expect(userId).toBe(admin.Id);
      expect([clientId, clientSecret]).toEqual([SEEDED_CLIENTS.script.clientId, SEEDED_CLIENTS.script.clientSecret]);

      // The walkthrough's first two steps with exactly what was printed: a token, then the list as the admin.
      const issuer = printed(banner, 'Issuer');
      const apiBaseUrl = printed(banner, 'API base URL');
      expect(printed(banner, 'Token endpoint')).toBe(`${issuer}/connect/token`);
      const token = await tokenRequest(
        issuer,
        {grant_type: 'client_credentials', scope: 'api.user-management'},
        {authorization: basicAuth(clientId, clientSecret)},
      );
      expect(token.status).toBe(200);
      const list = await api(
        {issuer, apiBaseUrl, users: {admin: {id: userId, username: '', password: ''}}, clients: SEEDED_CLIENTS},
        'GET',
        CONNECTIONS_PATH,
        {
          authorization: `Bearer ${String(token.body.access_token)}`,
          'user-id': userId,
        },
      );
      expect(list.status).toBe(200);
      expect(list.body.Success).toBe(true);

      await stop(started!);
      expect(started!.signalCode ?? started!.exitCode).not.toBeNull();
    },
  );
});

describe('npm install', () => {
  const npmMajor = Number(spawnSync('npm', ['--version'], {encoding: 'utf8'}).stdout.split('.')[0]);

  // npm 11 blocks dependency install scripts and warns about each one package.json's allowScripts doesn't cover.
  it.skipIf(npmMajor < 11)('leaves no install script unreviewed, so a fresh install prints no warning', () => {
    const run = spawnSync('npm', ['install-scripts', 'ls'], {cwd: root, encoding: 'utf8', timeout: 60_000});
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('No packages with unreviewed install scripts.');
  });
});

describe('--data files', () => {
  it('have a home that git ignores (.emulator/), as they hold passwords and secrets', () => {
    const run = spawnSync('git', ['check-ignore', '--quiet', '.emulator/org.json'], {cwd: root});
    expect(run.status).toBe(0);
  });
});
