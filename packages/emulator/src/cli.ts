#!/usr/bin/env node
/**
 * `npm run emulator -- [--port N] [--data FILE] [--seed FILE] [--test-hooks] [--dev] [--portal URL]…`
 * Starts the local Conga platform and prints what a developer needs to use it. Reads `PORT` and `ISSUER` too.
 */
import {readFileSync} from 'node:fs';
import {parseArgs} from 'node:util';
import {createEmulator} from './emulator.js';
import {DataFileError, SeedError} from './errors.js';
import {defaultSeed, seedFromJson} from './seed.js';
import type {StoreData} from './store.js';

const USAGE = `Usage: npm run emulator -- [options]
  --port N         listen on 127.0.0.1:N (default: $PORT or 7070; 0 picks a free port)
  --data FILE      keep the organization in FILE across restarts
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

  let seed: StoreData | undefined;
  if (values.seed) {
    seed = seedFromJson(JSON.parse(readFileSync(values.seed, 'utf8')) as unknown);
  }
  const users = (seed ?? defaultSeed()).users;
  const emulator = await createEmulator({
    port,
    issuer: process.env.ISSUER,
    seed,
    dataFile: values.data,
    devMode: values.dev,
    testHooks: values['test-hooks'],
    portal: values.portal?.length ? {redirectUris: values.portal} : undefined,
    // The login page prints the local credentials too, so a first-time user never has to look for them.
    loginHint: `Local emulator accounts: ${users.map((u) => `${u.UserName} / ${u.Password} (${u.Role.Name})`).join(' · ')}`,
  });
  const {admin, member} = emulator.users;
  console.log(`Conga Platform emulator is running.

  Issuer (OpenID provider)  ${emulator.issuer}
  Discovery                 ${emulator.issuer}/.well-known/openid-configuration
  Token endpoint            ${emulator.issuer}/connect/token
  API base URL              ${emulator.apiBaseUrl}
  API Connections           ${emulator.apiBaseUrl}/api/user-management/v1/api-connections

  Sign in as admin          ${admin.username} / ${admin.password}   (user-id ${admin.id})
${member ? `  Sign in without admin    ${member.username} / ${member.password}\n` : ''}${
    seed
      ? ''
      : `  Script client (API-to-API, for curl)
    client_id               ${emulator.clients.script.clientId}
    client_secret           ${emulator.clients.script.clientSecret}
  Extension client (UI-to-API)  ${emulator.clients.extension.clientId}  redirect ${emulator.clients.extension.redirectUri}
`
  }${emulator.clients.portal ? `  Demo portal client        ${emulator.clients.portal.clientId}  redirect ${emulator.clients.portal.redirectUris.join(', ')}\n` : ''}${
    values.data
      ? `  Data file                 ${values.data}\n`
      : '  Data lives in memory; pass --data FILE to keep it.\n'
  }${values['test-hooks'] ? '  Test hooks are ON (/__emulator/).\n' : ''}
Press Ctrl+C to stop.`);

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
