/**
 * `npm start`: the local platform emulator and the demo host portal, together.
 *
 * - the emulator (REST API + OpenID provider) on http://127.0.0.1:7070, with the portal's redirect URIs registered on
 *   its built-in first-party client `conga-demo-portal`;
 * - the demo host portal on http://127.0.0.1:5173: a Vite dev server (created here, not from the root config) serving
 *   `index.html` (Admin Console > Organization, the element from source) and `minimal.html` (only the BUILT module,
 *   as a host developer embeds it), both under a strict Content Security Policy (B6-04).
 *
 * `startDemo()` is what the end-to-end tests start too, on free ports.
 */
import {mkdtempSync, readFileSync, rmSync, statSync} from 'node:fs';
import type {ServerResponse} from 'node:http';
import {tmpdir} from 'node:os';
import {extname, join, resolve, sep} from 'node:path';
import {parseArgs} from 'node:util';
import {createBuilder, createLogger, createServer, type Connect, type Plugin, type ViteDevServer} from 'vite';
import {
  createEmulator,
  DataFileError,
  defaultSeed,
  organizationLines,
  readSeedFile,
  SeedError,
  type Emulator,
  type StoreData,
} from '@conga-connections/emulator';

const demoDir = import.meta.dirname;
const repositoryRoot = resolve(demoDir, '../..');

/**
 * The policy both pages are served with: no inline script or style, no `eval`, and every DOM sink behind a Trusted
 * Types policy (B1-04, B6-04). Lit's styles are constructable style sheets, which `style-src 'self'` allows.
 */
export const DEMO_CSP = [
  "script-src 'self'",
  "style-src 'self'",
  "require-trusted-types-for 'script'",
  "object-src 'none'",
  "base-uri 'self'",
  // The element's silent sign-in loads the redirect URI (this origin) in a hidden frame; nobody else may frame it.
  "frame-ancestors 'self'",
].join('; ');

/** Headers of every demo response. */
const DEMO_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': DEMO_CSP,
  // B2-08: the callback URL (code, state, iss) never leaves in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

/** Options of {@link startDemo}. */
export interface DemoOptions {
  /** The emulator's port on 127.0.0.1 (default 7070; 0 picks a free one). */
  emulatorPort?: number;
  /** The portal's port on 127.0.0.1 (default 5173; 0 picks a free one). */
  portalPort?: number;
  /** Keeps the emulator's organization in this JSON file across restarts. */
  dataFile?: string;
  /** Starts `dataFile` again from the seed (the old file is kept as `<dataFile>.bak`). */
  resetData?: boolean;
  /** The organization to start from instead of the default one (`--seed FILE`, read with `readSeedFile`). */
  seed?: StoreData;
  /** Turns on the emulator's fault injection and request log (tests). */
  testHooks?: boolean;
  /**
   * More copies of `minimal.html`, each at its own path (e.g. `/locked.html`) and served under the Content Security
   * Policy its function returns for the running demo's URLs instead of {@link DEMO_CSP}: a host portal with a
   * stricter policy than the demo's (tests). The copies keep `minimal.html` as their redirect URI.
   */
  policyPages?: Readonly<Record<string, (urls: {issuer: string; apiBaseUrl: string}) => string>>;
}

/** A running demo. */
export interface Demo {
  /** `http://127.0.0.1:<port>`: the Admin Console page, its own redirect URI being `${portalUrl}/`. */
  readonly portalUrl: string;
  /** The page that loads only the built module. */
  readonly minimalUrl: string;
  readonly issuer: string;
  readonly apiBaseUrl: string;
  /** The client the portal signs in with (`conga-demo-portal`, first-party: no consent page). */
  readonly clientId: string;
  readonly emulator: Emulator;
  close(): Promise<void>;
}

/** A port that is taken, with the option that changes it. */
export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
  readonly what: 'emulator' | 'portal';
  readonly port: number;
  constructor(what: 'emulator' | 'portal', port: number) {
    super(
      `the ${what} port ${String(port)} is in use (another \`npm start\`?): stop it, or pass --${what}-port N (0 picks a free port)`,
    );
    this.what = what;
    this.port = port;
  }
}

const PORTAL_CLIENT_ID = 'conga-demo-portal';

/** What the pages need to know about the emulator; filled in once it runs, read on every page request. */
interface PageSettings {
  issuer: string;
  apiBaseUrl: string;
  portalUrl: string;
}

/** Fills the pages' `%CONGA_…%` placeholders (values are URLs we built, but escape them for the attribute anyway). */
function fillPlaceholders(html: string, settings: PageSettings): string {
  const values: Record<string, string> = {
    CONGA_ISSUER: settings.issuer,
    CONGA_API_BASE_URL: settings.apiBaseUrl,
    CONGA_CLIENT_ID: PORTAL_CLIENT_ID,
    CONGA_PORTAL_URL: settings.portalUrl,
  };
  return html.replace(/%(CONGA_[A-Z_]+)%/g, (match, name: string) =>
    name in values ? (values[name] ?? '').replace(/[&"<>]/g, (c) => `&#${String(c.charCodeAt(0))};`) : match,
  );
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  policy: string = DEMO_CSP,
): void {
  response.writeHead(status, {...DEMO_HEADERS, 'Content-Security-Policy': policy, 'Content-Type': type});
  response.end(body);
}

/**
 * The demo's server side: the security headers on every response, `/dist/*` from the built library, and
 * `minimal.html` exactly as written (no dev client, nothing injected), with the emulator's URLs filled in.
 */
function demoPages(
  settings: PageSettings,
  distDir: string,
  policyPages: NonNullable<DemoOptions['policyPages']> = {},
): Plugin {
  const serveRaw: Connect.NextHandleFunction = (request, response, next) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://demo').pathname);
    const policy = Object.hasOwn(policyPages, path) ? policyPages[path]?.(settings) : undefined;
    if (path === '/minimal.html' || policy !== undefined) {
      const html = fillPlaceholders(readFileSync(join(demoDir, 'minimal.html'), 'utf8'), settings);
      send(response, 200, CONTENT_TYPES['.html'] ?? '', html, policy);
      return;
    }
    if (path.startsWith('/dist/')) {
      const file = resolve(distDir, `.${path.slice('/dist'.length)}`);
      if (!file.startsWith(distDir + sep) || !statSync(file, {throwIfNoEntry: false})?.isFile()) {
        send(response, 404, 'text/plain; charset=utf-8', 'not found');
        return;
      }
      send(response, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', readFileSync(file));
      return;
    }
    for (const [name, value] of Object.entries(DEMO_HEADERS)) response.setHeader(name, value);
    next();
  };
  return {
    name: 'conga-demo-pages',
    configureServer(server) {
      server.middlewares.use(serveRaw);
    },
    transformIndexHtml: {order: 'pre', handler: (html) => fillPlaceholders(html, settings)},
  };
}

/** Builds the library's JavaScript (`--mode widget-js`) into a fresh folder, so the minimal page never runs a stale build. */
async function buildModule(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'conga-demo-dist-'));
  const builder = await createBuilder({
    configFile: join(repositoryRoot, 'vite.config.ts'),
    mode: 'widget-js',
    logLevel: 'warn',
    build: {outDir},
  });
  await builder.buildApp();
  return outDir;
}

/** Vite's warnings, without the one oauth4webapi's published source map always causes (its sources aren't shipped). */
function demoLogger() {
  const logger = createLogger('warn');
  const missingSources = /^Sourcemap for .* points to missing source files/;
  const warn = logger.warn.bind(logger);
  const warnOnce = logger.warnOnce.bind(logger);
  logger.warn = (message, options) => {
    if (!missingSources.test(message)) warn(message, options);
  };
  logger.warnOnce = (message, options) => {
    if (!missingSources.test(message)) warnOnce(message, options);
  };
  return logger;
}

function isAddressInUse(error: unknown): boolean {
  return (
    (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ||
    /already in use/i.test(error instanceof Error ? error.message : '')
  );
}

/**
 * Starts the emulator and the demo host portal on 127.0.0.1 and resolves their URLs. The portal starts first, so
 * its redirect URIs (with the port it really got) are registered when the emulator starts.
 *
 * @example
 * const demo = await startDemo({emulatorPort: 0, portalPort: 0});
 * console.log(demo.portalUrl, demo.issuer);
 * await demo.close();
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const portalPort = options.portalPort ?? 5173;
  const emulatorPort = options.emulatorPort ?? 7070;
  const distDir = await buildModule();
  const settings: PageSettings = {issuer: '', apiBaseUrl: '', portalUrl: ''};
  let vite: ViteDevServer | undefined;
  let emulator: Emulator | undefined;
  const close = async (): Promise<void> => {
    await Promise.allSettled([vite?.close(), emulator?.close()]);
    rmSync(distDir, {recursive: true, force: true});
  };
  try {
    vite = await createServer({
      configFile: false,
      root: demoDir,
      appType: 'mpa',
      cacheDir: join(repositoryRoot, 'node_modules/.vite/demo'),
      customLogger: demoLogger(),
      clearScreen: false,
      plugins: [demoPages(settings, distDir, options.policyPages)],
      // Lit, @lit/* and oauth4webapi are plain ES modules: served as they are, with no pre-bundling step whose cache
      // two servers (the parallel e2e workers) would fight over.
      optimizeDeps: {noDiscovery: true, include: []},
      server: {host: '127.0.0.1', port: portalPort, strictPort: true},
    });
    try {
      await vite.listen();
    } catch (error) {
      throw isAddressInUse(error) ? new PortInUseError('portal', portalPort) : error;
    }
    const address = vite.httpServer?.address();
    if (address === null || address === undefined || typeof address === 'string')
      throw new Error('the portal has no port');
    settings.portalUrl = `http://127.0.0.1:${String(address.port)}`;

    const users = (options.seed ?? defaultSeed()).users;
    try {
      emulator = await createEmulator({
        port: emulatorPort,
        seed: options.seed,
        dataFile: options.dataFile,
        resetData: options.resetData ?? false,
        testHooks: options.testHooks ?? false,
        // The portal signs in at its root and on the minimal page; both are its own origin, its only CORS origin.
        portal: {
          clientId: PORTAL_CLIENT_ID,
          redirectUris: [`${settings.portalUrl}/`, `${settings.portalUrl}/minimal.html`],
        },
        loginHint: `Demo accounts: ${users.map((u) => `${u.UserName} / ${u.Password} (${u.Role.Name})`).join(' · ')}`,
      });
    } catch (error) {
      throw isAddressInUse(error) ? new PortInUseError('emulator', emulatorPort) : error;
    }
    settings.issuer = emulator.issuer;
    settings.apiBaseUrl = emulator.apiBaseUrl;
  } catch (error) {
    await close();
    throw error;
  }
  return {
    portalUrl: settings.portalUrl,
    minimalUrl: `${settings.portalUrl}/minimal.html`,
    issuer: settings.issuer,
    apiBaseUrl: settings.apiBaseUrl,
    clientId: PORTAL_CLIENT_ID,
    emulator,
    close,
  };
}

const USAGE = `Usage: npm start -- [options]
  --emulator-port N   the emulator on 127.0.0.1:N (default: $EMULATOR_PORT or 7070; 0 picks a free port)
  --portal-port N     the demo portal on 127.0.0.1:N (default: $PORTAL_PORT or 5173; 0 picks a free port)
  --data FILE         keep the emulator's organization in FILE across restarts
                      (e.g. .emulator/org.json: the .emulator/ folder is ignored by git)
  --reset             with --data: start FILE again from the seed (the old file is kept as FILE.bak)
  --seed FILE         start from your own organization (JSON; see docs/emulator.md, "Seed file")
  --help              show this help`;

function portOption(
  value: string | undefined,
  fallback: string | undefined,
  name: string,
  defaultPort: number,
): number {
  const port = Number(value ?? fallback ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`"--${name}" must be a port number from 0 to 65535, not "${String(value ?? fallback)}"`);
  }
  return port;
}

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      'emulator-port': {type: 'string'},
      'portal-port': {type: 'string'},
      data: {type: 'string'},
      reset: {type: 'boolean', default: false},
      seed: {type: 'string'},
      help: {type: 'boolean', default: false},
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.reset && values.data === undefined) {
    throw new RangeError('"--reset" starts a --data file again: name it with --data FILE');
  }
  const demo = await startDemo({
    emulatorPort: portOption(values['emulator-port'], process.env.EMULATOR_PORT, 'emulator-port', 7070),
    portalPort: portOption(values['portal-port'], process.env.PORTAL_PORT, 'portal-port', 5173),
    // Read before anything starts, so a broken seed file is reported without a build first.
    ...(values.seed === undefined ? {} : {seed: readSeedFile(values.seed)}),
    ...(values.data === undefined ? {} : {dataFile: values.data, resetData: values.reset}),
  });
  const data = values.data
    ? `Data file         ${values.data}${values.reset ? ` (started again; the old one is ${values.data}.bak)` : ''}`
    : 'Data lives in memory: every start is a fresh organization (npm start -- --data FILE keeps it).';
  console.log(
    [
      '',
      '  Conga API Connections: the demo host portal and the platform emulator are running.',
      '',
      `    Open the portal   ${demo.portalUrl}/?tab=api-connections`,
      `    Minimal host      ${demo.minimalUrl}   (the built module only)`,
      '',
      `    Issuer            ${demo.issuer}`,
      `    Token endpoint    ${demo.issuer}/connect/token`,
      `    API base URL      ${demo.apiBaseUrl}`,
      `    ${data}`,
      '',
      ...organizationLines(demo.emulator, '    '),
      '',
      '  Press Ctrl+C to stop both.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  main().catch((error: unknown) => {
    if (
      error instanceof PortInUseError ||
      error instanceof RangeError ||
      error instanceof DataFileError ||
      error instanceof SeedError
    ) {
      console.error(`npm start: ${error.message}`);
    } else console.error('npm start: the demo failed to start', error);
    process.exit(1);
  });
}
