/** The bench's web server on 127.0.0.1: the built module, the bench pages and the pages that host them. */
import {readFileSync, statSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import {extname, resolve, sep} from 'node:path';
import {gzipSync} from 'node:zlib';
import type {Builds} from './builds.js';
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

const gzipped = new Map<string, Buffer>();
function compressed(file: string): Buffer {
  let body = gzipped.get(file);
  if (!body) {
    body = gzipSync(readFileSync(file), {level: 9});
    gzipped.set(file, body);
  }
  return body;
}

export async function startServer(builds: Builds, settings: PageSettings): Promise<{origin: string; server: Server}> {
  const folders: Record<string, string> = {widget: builds.widgetDir, pages: builds.pagesDir};
  let origin = '';
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://bench').pathname;
    const html = pageHtml(path, origin, settings);
    if (html !== undefined) {
      response.writeHead(200, {'content-type': CONTENT_TYPES['.html'] ?? '', 'cache-control': 'no-store'});
      response.end(html);
      return;
    }
    const [, folder = '', ...rest] = path.split('/');
    const base = folders[folder];
    const file = base ? resolve(base, rest.join('/')) : '';
    if (!base || !file.startsWith(base + sep) || !statSync(file, {throwIfNoEntry: false})?.isFile()) {
      response.writeHead(404, {'content-type': 'text/plain'});
      response.end('not found');
      return;
    }
    // Scripts go out gzip-compressed, as any server would send them: the cold-load row (throttled to 4G) measures
    // what crosses the network, and every bench page gets the same treatment.
    const gzip = extname(file) === '.js' && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...(gzip ? {'content-encoding': 'gzip'} : {}),
    });
    response.end(gzip ? compressed(file) : readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the bench server has no port');
  origin = `http://127.0.0.1:${String(address.port)}`;
  return {origin, server};
}
