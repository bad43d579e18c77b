/**
 * The bodies the panel's AdminJS routes take: no file parts (413, nothing written to the temp dir),
 * bounded fields, and a 400 — logged as a warning, on a connection that carries the next request —
 * for what cannot be read: truncated or deeply nested JSON, multipart without a boundary or cut
 * short, field names that would reach Object.prototype.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { SESSION_COOKIE_NAME } from '../../src/http/session.js';
import { createLogger } from '../../src/logger.js';
import { keepAliveClient, type KeepAliveClient } from '../support/keep-alive-client.js';
import { createTestDatabase, customerForm, TEST_PASSWORD, type TestDatabase } from '../support/test-app.js';

let db: TestDatabase;
let server: Server;
let client: KeepAliveClient;
let close: () => void;
const logLines: Array<{ level: number; msg: string }> = [];
const tempDir = mkdtempSync(path.join(os.tmpdir(), 'panel-bodies-'));
const originalTempDir = process.env.TMPDIR;

beforeAll(async () => {
  db = await createTestDatabase();
  const viewer = await db.createUser('VIEWER');
  // Log lines as the app writes them (JSON), kept for the assertions on their level.
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as { level: number; msg: string });
      done();
    },
  });
  const app = createApp({
    config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
    prisma: db.prisma,
    services: db.services,
    logger: createLogger('warn', { destination: sink }),
  });
  close = app.close;
  server = app.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  client = keepAliveClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, SESSION_COOKIE_NAME);
  await client.send({
    method: 'POST',
    path: '/admin/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: viewer.email, password: TEST_PASSWORD }).toString(),
  });
  // formidable (what AdminJS's router would parse uploads with) writes to os.tmpdir(), read per request.
  process.env.TMPDIR = tempDir;
});

afterAll(async () => {
  process.env.TMPDIR = originalTempDir;
  if (originalTempDir === undefined) delete process.env.TMPDIR;
  rmSync(tempDir, { recursive: true, force: true });
  client.close();
  close();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

beforeEach(() => {
  logLines.length = 0;
});

const LIST = '/admin/api/resources/Customer/actions/list';
const CRLF = '\r\n';
const filePart = (boundary: string, content: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${boundary}${CRLF}Content-Disposition: form-data; name="firstName"${CRLF}${CRLF}Ada${CRLF}` +
        `--${boundary}${CRLF}Content-Disposition: form-data; name="upload"; filename="big.bin"${CRLF}` +
        `Content-Type: application/octet-stream${CRLF}${CRLF}`,
    ),
    content,
    Buffer.from(`${CRLF}--${boundary}--${CRLF}`),
  ]);

/** The answer to `body`, after which the same connection must answer the next request. */
async function post(contentType: string | undefined, body: string | Buffer, to = LIST) {
  const response = await client.send({
    method: 'POST',
    path: to,
    headers: contentType ? { 'content-type': contentType } : {},
    body,
  });
  const next = await client.send({ method: 'GET', path: LIST });
  expect(next.status).toBe(200);
  expect(next.reusedSocket).toBe(true);
  return { status: response.status, body: JSON.parse(response.text) as { notice?: { message: string } } };
}

describe('uploads', () => {
  it('refuses a 10 MB file part with 413 and leaves nothing on disk', async () => {
    const answer = await post('multipart/form-data; boundary=XyZ', filePart('XyZ', Buffer.alloc(10 * 1024 * 1024, 7)));
    expect(answer.status).toBe(413);
    expect(answer.body.notice?.message).toMatch(/takes no file uploads/);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('refuses any file part, however small, on every action', async () => {
    const answer = await post(
      'multipart/form-data; boundary=XyZ',
      filePart('XyZ', Buffer.from('x')),
      '/admin/api/resources/Customer/records/1/show',
    );
    expect(answer.status).toBe(413);
    expect(readdirSync(tempDir)).toEqual([]);
  });

  it('refuses a field over 64 KiB and a form of more than 200 fields with 413', async () => {
    const form = (pairs: Array<[string, string]>) => new URLSearchParams(pairs).toString();
    expect((await post('application/x-www-form-urlencoded', form([['notes', 'n'.repeat(65 * 1024)]]))).status).toBe(
      413,
    );
    const many = Array.from({ length: 201 }, (_, i): [string, string] => [`f${i}`, 'v']);
    expect((await post('application/x-www-form-urlencoded', form(many))).status).toBe(413);
    expect((await post('application/json', JSON.stringify({ notes: 'n'.repeat(1100 * 1024) }))).status).toBe(413);
  });

  it('still takes an ordinary form', async () => {
    expect(
      (await post('application/x-www-form-urlencoded', new URLSearchParams(customerForm()).toString())).status,
    ).toBe(200);
  });
});

describe('malformed bodies', () => {
  it.each<[string, string | undefined, string]>([
    ['truncated JSON', 'application/json', '{"firstName": "Ad'],
    ['JSON nested 5,000 deep', 'application/json', `{"notes":${'['.repeat(5000)}${']'.repeat(5000)}}`],
    ['JSON that is not an object', 'application/json', '[1, 2]'],
    ['multipart without a boundary', 'multipart/form-data', 'firstName=Ada'],
    [
      'truncated multipart',
      'multipart/form-data; boundary=XyZ',
      `--XyZ${CRLF}Content-Disposition: form-data; name="a"${CRLF}${CRLF}va`,
    ],
    ['an url-encoded __proto__ field name', 'application/x-www-form-urlencoded', '__proto__.x=1'],
    ['a constructor.prototype field name', 'application/x-www-form-urlencoded', 'constructor.prototype.x=1'],
    ['a field sent twice', 'application/x-www-form-urlencoded', 'notes=a&notes=b'],
  ])('answers 400 to %s, logs a warning (not an error), keeps the connection', async (_name, contentType, body) => {
    const answer = await post(contentType, body);
    expect(answer.status).toBe(400);
    expect(answer.body.notice?.message).toBeTruthy();
    expect(logLines.some((line) => line.level === 40 && line.msg === 'Refused a panel request body')).toBe(true);
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('answers 415 to a body of another type', async () => {
    expect((await post('text/plain', 'firstName=Ada')).status).toBe(415);
    expect((await post(undefined, 'firstName=Ada')).status).toBe(415);
  });
});
