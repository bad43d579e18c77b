/**
 * Graceful shutdown: on SIGTERM the server stops accepting connections, lets the requests in
 * flight finish, closes the database and exits 0 — shown on a real server process with a sign-in
 * POST whose body is still arriving when the signal comes. The grace period's bound is shown on
 * the server helper itself, with a request that never ends.
 */
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gracefulServer } from '../../src/http/graceful-shutdown.js';
import { PROJECT_ROOT, startScript } from '../support/processes.js';

const file = path.join(PROJECT_ROOT, 'tests/.tmp', `${randomUUID()}.db`);
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

const ADMIN = { email: 'shutdown.admin@example.test', password: 'shutdown password 1' };
const env = {
  DATABASE_URL: `file:${file}`,
  PORT: '0',
  HOST: '127.0.0.1',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  NODE_ENV: 'development',
  LOG_LEVEL: 'info',
  // The test reads the server's JSON lines (development would write them pretty).
  LOG_FORMAT: 'json',
};
const serving = /serving the admin panel at http:\/\/127\.0\.0\.1:(\d+)\/admin/;

/** A raw connection: what the server has sent so far, and a wait for more. */
function connect(port: number): Promise<{
  socket: net.Socket;
  received: () => string;
  waitFor(text: string): Promise<void>;
  closed: Promise<void>;
}> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    const waiters: Array<() => void> = [];
    socket.on('data', (chunk) => {
      received += chunk.toString();
      waiters.forEach((check) => check());
    });
    const closed = new Promise<void>((done) => socket.on('close', () => done()));
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        received: () => received,
        closed,
        waitFor: (text) =>
          new Promise((done) => {
            const check = () => received.includes(text) && done();
            waiters.push(check);
            check();
          }),
      }),
    );
  });
}

const refusesConnections = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

describe('SIGTERM on the running server', () => {
  it('finishes a sign-in whose body is still arriving, refuses new connections meanwhile, and exits 0', async () => {
    const server = await startScript('src/main.ts', env, serving);
    const port = Number(server.match[1]);
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));

    const body = new URLSearchParams(ADMIN).toString();
    const connection = await connect(port);
    connection.socket.write(
      `POST /admin/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\n\r\n`,
    );
    // "100 Continue" means the server has the request in hand: it is in flight from here on.
    await connection.waitFor('HTTP/1.1 100 Continue');
    connection.socket.write(body.slice(0, 10));

    server.child.kill('SIGTERM');
    await expect.poll(() => server.output(), { timeout: 10_000 }).toMatch(/SIGTERM received/);
    // The listening socket closes right after the signal's log line, not necessarily before it is read.
    await expect.poll(() => refusesConnections(port), { timeout: 5_000 }).toBe(true);

    connection.socket.write(body.slice(10));
    await connection.closed;
    expect(connection.received()).toMatch(/HTTP\/1\.1 302 Found\r\n[\s\S]*Location: \/admin\r\n/);
    expect(await exited).toBe(0);
    expect(server.output()).toMatch(/"path":"\/admin\/login","status":302/);
    expect(server.output()).toMatch(/"msg":"Stopped"/);
  }, 120_000);
});

describe('gracefulServer', () => {
  /** A server whose handler keeps each response for the test to end; `arrived` waits for the next request. */
  async function listen() {
    const responses: http.ServerResponse[] = [];
    let onRequest = () => {};
    const server = http.createServer((_req, res) => {
      responses.push(res);
      onRequest();
    });
    const graceful = gracefulServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const arrived = () => new Promise<http.ServerResponse>((resolve) => (onRequest = () => resolve(responses.at(-1)!)));
    return { graceful, port: (server.address() as AddressInfo).port, arrived };
  }

  it('closes a keep-alive connection as soon as its request is answered', async () => {
    const { graceful, port, arrived } = await listen();
    const connection = await connect(port);
    const request = arrived();
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'); // HTTP/1.1: keep-alive by default
    const response = await request;

    const started = Date.now();
    const closing = graceful.close(10_000);
    setTimeout(() => response.end('done'), 100);
    await expect(closing).resolves.toEqual({ forced: false });
    await connection.closed;
    expect(connection.received()).toMatch(/done$/);
    expect(Date.now() - started).toBeLessThan(2_000); // neither the 5 s keep-alive timeout nor the grace period
  });

  it('after the grace period, closes the connections of requests still unfinished', async () => {
    const { graceful, port, arrived } = await listen();
    const connection = await connect(port);
    const request = arrived();
    connection.socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await request; // and never answered

    const started = Date.now();
    await expect(graceful.close(300)).resolves.toEqual({ forced: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    await connection.closed;
    expect(connection.received()).toBe('');
  });
});
