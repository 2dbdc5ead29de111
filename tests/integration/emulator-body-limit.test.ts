/**
 * Issue 13: a request body over the emulator's limit gets an answer (413 in the platform's envelope, then the
 * connection closes) instead of a reset connection.
 */
import {connect} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator} from '@conga-connections/emulator';
import type {Emulator} from '@conga-connections/emulator';
import {adminHeaders, authorizationUrl, CookieJar, CONNECTIONS_PATH, pkcePair} from '../support/emulator.js';

const KB = 1024;
const MB = 1024 * KB;
const SANDBOX_UI = `${CONNECTIONS_PATH}/00D7z000000AbCdEAG?apiConnectionType=UItoAPI`;
const TOO_LARGE = {
  Success: false,
  Data: null,
  Errors: [{Message: 'The request body is larger than 64 KB.'}],
  StatusCode: 'RequestEntityTooLarge',
};

let emulator: Emulator;
let admin: Record<string, string>;

beforeAll(async () => {
  emulator = await createEmulator({port: 0});
  admin = await adminHeaders(emulator);
});
afterAll(() => emulator.close());

/** A JSON connection body of exactly `size` bytes (its Description is the padding). */
function bodyOf(size: number): string {
  const shell = JSON.stringify({ClientName: 'Big', RedirectURI: ['https://app.example.test/cb'], Description: ''});
  return shell.replace('"Description":""', `"Description":"${'x'.repeat(size - shell.length)}"`);
}

/**
 * Sends one HTTP/1.1 request over a raw socket and reads until the server closes it, so the test sees exactly
 * how the connection ends: with the whole answer and a clean close, or with a reset.
 */
function rawPost(path: string, headers: Record<string, string>, body: string) {
  return new Promise<{head: string; body: string; ended: 'close' | 'reset'}>((resolve) => {
    const socket = connect(emulator.port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let ended: 'close' | 'reset' = 'close';
    socket.on('data', (chunk) => chunks.push(chunk));
    // Writing into a socket the server already closed fails with EPIPE; what counts is what was received.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET') ended = 'reset';
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      resolve({head: text.slice(0, split), body: text.slice(split + 4), ended});
    });
    const lines = Object.entries({
      Host: `127.0.0.1:${String(emulator.port)}`,
      'Content-Length': String(Buffer.byteLength(body)),
      ...headers,
    }).map(([name, value]) => `${name}: ${value}`);
    socket.write(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    socket.end(body);
  });
}

describe('a body over the limit gets a 413, then the connection closes', () => {
  it.each([
    ['200 KB', 200 * KB],
    ['1 MB', MB],
    ['5 MB', 5 * MB],
  ])('answers a %s create with 413 in the envelope and Connection: close', async (_label, size) => {
    const body = bodyOf(size);
    expect(Buffer.byteLength(body)).toBe(size);
    const response = await fetch(`${emulator.apiBaseUrl}${SANDBOX_UI}`, {
      method: 'POST',
      headers: {...admin, 'content-type': 'application/json'},
      body,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual(TOO_LARGE);
    // Nothing was created from the refused body.
    expect(emulator.data.connections.some((c) => c.ClientName === 'Big')).toBe(false);
  });

  it('delivers the whole 413 over a raw socket and closes it cleanly, without a reset', async () => {
    const answer = await rawPost(
      SANDBOX_UI,
      {Authorization: admin.authorization!, 'user-id': admin['user-id']!, 'Content-Type': 'application/json'},
      bodyOf(5 * MB),
    );
    expect(answer.head).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.head).toMatch(/\r\nConnection: close\r\n/i);
    // The body is chunked; its one chunk is the envelope.
    expect(answer.body).toContain(JSON.stringify(TOO_LARGE));
    expect(answer.ended).toBe('close');
  });

  it('still reads a body just under the limit (a validation answer, not a 413)', async () => {
    const response = await fetch(`${emulator.apiBaseUrl}${SANDBOX_UI}`, {
      method: 'POST',
      headers: {...admin, 'content-type': 'application/json'},
      body: bodyOf(60 * KB),
    });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Description');
  });

  it('answers an oversized login form post with the same 413', async () => {
    const jar = new CookieJar();
    const start = await fetch(
      authorizationUrl(emulator.issuer, {
        clientId: emulator.clients.extension.clientId,
        redirectUri: emulator.clients.extension.redirectUri,
        challenge: pkcePair().challenge,
      }),
      {redirect: 'manual'},
    );
    jar.store(start);
    const loginPage = new URL(start.headers.get('location')!, emulator.issuer);
    const response = await fetch(`${loginPage.href}/login`, {
      method: 'POST',
      headers: {cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({username: 'admin@acme.test', password: 'x'.repeat(MB)}),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
    expect(await response.json()).toEqual(TOO_LARGE);
  });
});
