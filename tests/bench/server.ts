/**
 * The bench's web server on 127.0.0.1: the built module, the bench pages and the pages that host them. It runs in a
 * process of its own (`startServer` forks this file; see child.ts): in the bench's process a script request waited
 * for Playwright's client and the emulator (a traced sign-in: 100 ms from the browser's request for the sign-in chunk
 * to its first byte, for a file served from memory).
 */
import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, resolve, sep} from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Builds} from './builds.js';
import {childRole, exitWithParent, forkChild, nextMessage, stopChild} from './child.js';
import {MAIN, PORTAL_CLIENT_ID} from './config.js';

export interface PageSettings {
  issuer: string;
  apiBaseUrl: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
};

const escapeAttribute = (value: string) => value.replace(/[&"<>]/g, (c) => `&#${String(c.charCodeAt(0))};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title></head><body>${body}</body></html>`;
}

function pageHtml(path: string, origin: string, settings: PageSettings): string | undefined {
  const attributes = `api-base-url="${escapeAttribute(settings.apiBaseUrl)}" issuer="${escapeAttribute(settings.issuer)}"`;
  switch (path) {
    case '/bench.html':
      return page('Bench', '<script type="module" src="/pages/harness.js"></script>');
    case '/plain.html':
      return page(
        'Plain page',
        `<script type="module" src="/widget/${MAIN}"></script><script type="module" src="/pages/plain.js"></script>`,
      );
    case '/signin.html':
      return page(
        'Sign-in (element)',
        `<script type="module" src="/widget/${MAIN}"></script><conga-api-connections ${attributes} client-id="${PORTAL_CLIENT_ID}" redirect-uri="${escapeAttribute(`${origin}/signin.html`)}"></conga-api-connections>`,
      );
    case '/signin-reference.html':
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Sign-in (reference)</title></head><body data-issuer="${escapeAttribute(settings.issuer)}" data-client-id="${PORTAL_CLIENT_ID}" data-api-base-url="${escapeAttribute(settings.apiBaseUrl)}"><script type="module" src="/pages/signin-reference.js"></script></body></html>`;
    case '/cold.html':
      return page(
        'Cold load (element)',
        `<script type="module" src="/widget/${MAIN}"></script><conga-api-connections ${attributes} client-id="${PORTAL_CLIENT_ID}" redirect-uri="${escapeAttribute(`${origin}/cold.html`)}"></conga-api-connections>`,
      );
    case '/cold-reference.html':
      return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Cold load (reference)</title></head><body data-issuer="${escapeAttribute(settings.issuer)}" data-client-id="${PORTAL_CLIENT_ID}" data-api-base-url="${escapeAttribute(settings.apiBaseUrl)}"><script type="module" src="/pages/cold-reference.js"></script></body></html>`;
    default:
      return undefined;
  }
}

/** A served file: its bytes, gzip -9 and as they are, and its entity tag, read once (a run never rebuilds). */
interface Served {
  readonly bytes: Buffer;
  readonly gzip: Buffer;
  readonly etag: string;
}
const servedFiles = new Map<string, Served>();
function servedFile(file: string): Served {
  let entry = servedFiles.get(file);
  if (!entry) {
    const bytes = readFileSync(file);
    entry = {
      bytes,
      gzip: gzipSync(bytes, {level: 9}),
      etag: `"${createHash('sha256').update(bytes).digest('base64url')}"`,
    };
    servedFiles.set(file, entry);
  }
  return entry;
}

/** A build's hashed file name (`name-[hash].js`): its bytes never change under that name. */
const HASHED = /-[\w-]{8}\.js$/;

/**
 * How long a browser may keep a file, as a static host serves a build: hashed chunks for a year, anything else (the
 * module's own file, the bench pages' scripts: names that a new build reuses) revalidated on every use, by its ETag.
 * The pages themselves are never stored. The sign-in rows start on a page that has just loaded the module and the
 * sign-in chunk, so the return page finds them cached, as it would on a host; the cold-load row turns the cache off.
 */
function cachePolicy(file: string): string {
  return HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

/** What the parent sends the server process, and what it answers. */
type ToServer = {readonly builds: Builds} | {readonly settings: PageSettings; readonly id: number};
type FromServer = {readonly port: number} | {readonly configured: number};

/** The server process: listens, reports its port, then takes the pages' settings (issuer, API base URL) as they come. */
function serve(): void {
  let builds: Builds | undefined;
  let settings: PageSettings = {issuer: '', apiBaseUrl: ''};
  let origin = '';
  const send = (message: FromServer) => process.send?.(message);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const html = pageHtml(path, origin, settings);
    if (html !== undefined) {
      response.writeHead(200, {'content-type': CONTENT_TYPES['.html'] ?? '', 'cache-control': 'no-store'});
      response.end(html);
      return;
    }
    const [, folder = '', ...rest] = path.split('/');
    const folders: Record<string, string> = builds ? {widget: builds.widgetDir, pages: builds.pagesDir} : {};
    const base = folders[folder];
    const file = base ? resolve(base, rest.join('/')) : '';
    if (
      !base ||
      !file.startsWith(base + sep) ||
      (!servedFiles.has(file) && !statSync(file, {throwIfNoEntry: false})?.isFile())
    ) {
      response.writeHead(404, {'content-type': 'text/plain'});
      response.end('not found');
      return;
    }
    // Scripts go out gzip-compressed, as any server would send them: the cold-load row (throttled to 4G) measures
    // what crosses the network, and every bench page gets the same treatment.
    const gzip = extname(file) === '.js' && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const served = servedFile(file);
    const headers = {
      'cache-control': cachePolicy(file),
      etag: served.etag,
      // One entity tag for both encodings, so a stored response of either is revalidated the same way.
      vary: 'accept-encoding',
    };
    if (request.headers['if-none-match'] === served.etag) {
      response.writeHead(304, headers);
      response.end();
      return;
    }
    response.writeHead(200, {
      ...headers,
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      ...(gzip ? {'content-encoding': 'gzip'} : {}),
    });
    response.end(gzip ? served.gzip : served.bytes);
  });
  process.on('message', (message: ToServer) => {
    if ('builds' in message) {
      builds = message.builds;
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address === null || typeof address === 'string') throw new Error('the bench server has no port');
        origin = `http://127.0.0.1:${String(address.port)}`;
        send({port: address.port});
      });
    } else {
      settings = message.settings;
      send({configured: message.id});
    }
  });
  exitWithParent();
}

/** The bench's server, in its own process. */
export interface BenchServer {
  readonly origin: string;
  /** The issuer and API base URL the pages that host the element get; resolves once the server has them. */
  configure(settings: PageSettings): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(builds: Builds): Promise<BenchServer> {
  const child = forkChild(import.meta.url, 'server');
  const listening = nextMessage(child, (message: FromServer): message is {port: number} => 'port' in message);
  child.send({builds} satisfies ToServer);
  const {port} = await listening;
  let id = 0;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    async configure(settings) {
      id += 1;
      const mine = id;
      const configured = nextMessage(
        child,
        (message: FromServer): message is {configured: number} =>
          'configured' in message && message.configured === mine,
      );
      child.send({settings: {...settings}, id: mine} satisfies ToServer);
      await configured;
    },
    close: () => stopChild(child),
  };
}

if (childRole() === 'server') serve();
