/**
 * What the host-app suite needs around the apps: the packed tarball, the apps' own install, their checkers and
 * builds run as child processes, and a static server for each built app.
 */
import {spawn, spawnSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {extname, join, resolve, sep} from 'node:path';

export const hostsDir = import.meta.dirname;
export const repositoryRoot = resolve(hostsDir, '../..');
/** Packs, builds and the Angular output go here (ignored by git). */
export const workDir = join(repositoryRoot, '.tmp', 'hosts');
const bin = (name: string) => join(hostsDir, 'node_modules', '.bin', name);

/** What `npm pack --json` reports about the tarball. */
export interface PackResult {
  tarball: string;
  size: number;
  unpackedSize: number;
  files: {path: string; size: number}[];
}

/** `npm pack` in widget/ (its `prepack` builds the library first), into `.tmp/hosts/`. */
export function packWidget(): PackResult {
  mkdirSync(workDir, {recursive: true});
  const run = spawnSync('npm', ['pack', '--json', '--pack-destination', workDir], {
    cwd: join(repositoryRoot, 'widget'),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm pack failed:\n${run.stderr}`);
  // The prepack build prints to stdout too; the JSON report is the last thing npm writes.
  const json = run.stdout.slice(run.stdout.lastIndexOf('\n[\n') + 1);
  const [report] = JSON.parse(json) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: PackResult['files'];
  }[];
  if (!report) throw new Error(`npm pack reported nothing:\n${run.stdout}`);
  return {
    tarball: join(workDir, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files,
  };
}

function npm(args: string[]): void {
  const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--ignore-scripts'], {
    cwd: hostsDir,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${run.stdout}\n${run.stderr}`);
}

/**
 * The host apps' one shared install (their own package.json and lock, from the npm registry; not a workspace of
 * the repository): `npm ci` when the lock changed since the last one, then the tarball, unsaved, as a host would add it.
 */
export function installHostApps(tarball: string): void {
  const lock = readFileSync(join(hostsDir, 'package-lock.json'));
  const stamp = join(hostsDir, 'node_modules', '.conga-lock-sha256');
  const hash = createHash('sha256').update(lock).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    npm(['ci']);
    writeFileSync(stamp, hash);
  }
  npm(['install', '--no-save', '--prefer-offline', tarball]);
}

/** A finished child process: its exit code and everything it printed. */
export interface RunResult {
  status: number | null;
  output: string;
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** Runs one of the host apps' own tools (node_modules/.bin) from `tests/hosts/`. */
export function runTool(tool: string, args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(bin(tool), args, {
      cwd: hostsDir,
      env: {...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1'},
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => {
      // Some tools colour their output whatever the environment says; the assertions read plain text.
      resolvePromise({status, output: output.replace(ANSI_COLOUR, '')});
    });
  });
}

/** Runs the jobs, at most `limit` at a time (two cores: the checkers are heavy). */
export async function inBatches<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job) results[index] = await job();
    }
  };
  await Promise.all(Array.from({length: Math.min(limit, jobs.length)}, worker));
  return results;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

/** A static server on 127.0.0.1 (free port) for one built app; unknown paths get its index.html (the callback). */
export interface StaticServer {
  readonly origin: string;
  /** Serves this folder from now on (the app is built once the emulator's URLs are known). */
  serve(folder: string): void;
  close(): Promise<void>;
}

export async function startStaticServer(): Promise<StaticServer> {
  let root = '';
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname);
    let file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || !statSync(file, {throwIfNoEntry: false})?.isFile()) {
      file = join(root, 'index.html');
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      // The callback URL (code, state, iss) never leaves in a Referer.
      'Referrer-Policy': 'no-referrer',
    });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const {port} = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    serve(folder) {
      root = folder;
    },
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.closeAllConnections();
        server.close(() => {
          resolvePromise();
        });
      }),
  };
}
