#!/usr/bin/env node
/**
 * `npm run emulator -- [--port N] [--data FILE [--reset]] [--seed FILE] [--test-hooks] [--dev] [--portal URL]…`
 * Starts the local Conga platform and prints what a developer needs to use it. Reads `PORT` and `ISSUER` too.
 */
import {parseArgs} from 'node:util';
import {organizationLines} from './banner.js';
import {createEmulator} from './emulator.js';
import {DataFileError, SeedError} from './errors.js';
import {defaultSeed} from './seed.js';
import {readSeedFile} from './seed-file.js';
import type {StoreData} from './store.js';

const USAGE = `Usage: npm run emulator -- [options]
  --port N         listen on 127.0.0.1:N (default: $PORT or 7070; 0 picks a free port)
  --data FILE      keep the organization in FILE across restarts (e.g. .emulator/org.json: .emulator/ is git-ignored)
  --reset          with --data: start FILE again from the seed (the old file is kept as FILE.bak)
  --seed FILE      start from your own JSON organization (see docs/emulator.md, "Seed file")
  --portal URL     register URL as a redirect URI of the built-in demo portal client (repeatable)
  --dev            allow loopback and private logout URIs
  --test-hooks     enable fault injection and the request log under /__emulator/
  --help           show this help`;

async function main(): Promise<void> {
  const {values} = parseArgs({
    options: {
      port: {type: 'string'},
      data: {type: 'string'},
      reset: {type: 'boolean', default: false},
      seed: {type: 'string'},
      portal: {type: 'string', multiple: true},
      dev: {type: 'boolean', default: false},
      'test-hooks': {type: 'boolean', default: false},
      help: {type: 'boolean', default: false},
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port ?? process.env.PORT ?? 7070);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RangeError(`"--port" must be 0–65535, not ${String(values.port)}`);
  if (values.reset && !values.data)
    throw new RangeError('"--reset" starts a --data file again: name it with --data FILE');

  const seed: StoreData | undefined = values.seed ? readSeedFile(values.seed) : undefined;
  const users = (seed ?? defaultSeed()).users;
  const emulator = await createEmulator({
    port,
    issuer: process.env.ISSUER,
    seed,
    dataFile: values.data,
    resetData: values.reset,
    devMode: values.dev,
    testHooks: values['test-hooks'],
    portal: values.portal?.length ? {redirectUris: values.portal} : undefined,
    // The login page prints the local credentials too, so a first-time user never has to look for them.
    loginHint: `Local emulator accounts: ${users.map((u) => `${u.UserName} / ${u.Password} (${u.Role.Name})`).join(' · ')}`,
  });
  const lines = [
    'Conga Platform emulator is running.',
    '',
    `  Issuer (OpenID provider)  ${emulator.issuer}`,
    `  Discovery                 ${emulator.issuer}/.well-known/openid-configuration`,
    `  Token endpoint            ${emulator.issuer}/connect/token`,
    `  API base URL              ${emulator.apiBaseUrl}`,
    `  API Connections           ${emulator.apiBaseUrl}/api/user-management/v1/api-connections`,
    '',
    ...organizationLines(emulator),
    ...(emulator.clients.portal
      ? [
          `  Demo portal client        ${emulator.clients.portal.clientId}  redirect ${emulator.clients.portal.redirectUris.join(', ')}`,
        ]
      : []),
    values.data
      ? `  Data file                 ${values.data}${values.reset ? ` (started again; the old one is ${values.data}.bak)` : ''}`
      : '  Data lives in memory; pass --data FILE to keep it.',
    ...(values['test-hooks'] ? ['  Test hooks are ON (/__emulator/).'] : []),
    '',
    'Press Ctrl+C to stop.',
  ];
  console.log(lines.join('\n'));

  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  if (error instanceof DataFileError || error instanceof SeedError || error instanceof RangeError) {
    console.error(`emulator: ${error.message}`);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error('emulator: that port is in use; pass --port N (or --port 0 for any free port)');
  } else {
    console.error('emulator: failed to start', error);
  }
  process.exit(1);
});
