/**
 * Security headers on the panel and the account pages: the Content Security Policy with a fresh
 * nonce on every page and on exactly AdminJS's own inline scripts, HSTS in production only, and
 * compressed (brotli, gzip) admin assets.
 */
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createTestApp, createTestDatabase, type TestApp, type TestDatabase } from '../support/test-app.js';

let t: TestApp;
let agent: Awaited<ReturnType<TestApp['signIn']>>;
beforeAll(async () => {
  t = await createTestApp();
  const user = await t.createUser('SUPERUSER');
  agent = await t.signIn(user.email);
});
afterAll(async () => t.close());

type Directives = Map<string, string[]>;

function directivesOf(response: request.Response): Directives {
  const header = response.headers['content-security-policy'];
  expect(header, 'Content-Security-Policy header').toBeDefined();
  return new Map(
    header!
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

function nonceOf(directives: Directives): string {
  const nonces = (directives.get('script-src') ?? []).filter((value) => value.startsWith("'nonce-"));
  expect(nonces).toHaveLength(1);
  return nonces[0]!.slice("'nonce-".length, -1);
}

/** The opening tags of the inline (src-less) <script> elements of a page. */
const inlineScriptTags = (html: string) =>
  [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => !/\ssrc=/.test(tag));

describe('Content Security Policy', () => {
  it('allows scripts from this origin and the response nonce only, and nothing from other hosts', async () => {
    const directives = directivesOf(await request(t.app).get('/admin/login'));
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==?'$/)]);
    expect(directives.get('script-src-attr')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
    expect(directives.get('font-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'self'"]);
    expect(directives.has('upgrade-insecure-requests'), 'only in production').toBe(false);
  });

  it('puts the nonce on every inline script of a panel page', async () => {
    const response = await agent.get('/admin/resources/Customer');
    expect(response.status).toBe(200);
    const nonce = nonceOf(directivesOf(response));
    const inline = inlineScriptTags(response.text);
    expect(inline.length).toBeGreaterThan(0);
    expect(inline).toEqual(inline.map(() => `<script nonce="${nonce}">`));
  });

  it('gives every response a new nonce', async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(async () => nonceOf(directivesOf(await request(t.app).get('/admin/login')))),
    );
    expect(new Set(nonces).size).toBe(3);
  });

  it('lets no script out of a page through data (a user name, as an old row could hold it)', async () => {
    const user = await t.createUser('STAFF');
    await t.prisma.user.update({ where: { id: user.id }, data: { name: '</script><script>alert(1)</script>' } });
    const page = await (await t.signIn(user.email)).get('/admin/resources/Customer');
    // The state is escaped inside its script; even a script that got out would get no nonce.
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(inlineScriptTags(page.text)).not.toContain('<script>');
  });

  it.each([
    ['sign-in', '/admin/login', false],
    ['forgot password', '/admin/forgot-password', false],
    ['reset password (a refused link)', '/admin/reset-password?token=unknown', false],
    ['My profile', '/admin/profile', true],
  ])('covers the server-rendered account page %s, which needs no script', async (_name, path, signedIn) => {
    const response = await (signedIn ? agent : request(t.app)).get(path);
    expect(response.type).toBe('text/html');
    expect(directivesOf(response).get('script-src')).not.toContain("'unsafe-inline'");
    expect(response.text).not.toMatch(/<script\b/);
    expect(response.text).not.toMatch(/\son[a-z]+=/); // no inline event handlers either
  });

  it('keeps the other helmet headers, without HSTS outside production', async () => {
    const response = await request(t.app).get('/admin/login');
    expect(response.headers).toMatchObject({
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'cross-origin-opener-policy': 'same-origin',
    });
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

describe('in production', () => {
  let db: TestDatabase;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await createTestDatabase();
    app = createApp({
      config: { sessionSecret: 'production-session-secret-of-32-chars!!', nodeEnv: 'production' },
      prisma: db.prisma,
      services: db.services,
    });
  });
  afterAll(async () => {
    app.close();
    await db.close();
  });

  it('adds HSTS and upgrade-insecure-requests', async () => {
    const response = await request(app.app).get('/admin/login');
    expect(response.headers['strict-transport-security']).toMatch(/^max-age=\d{7,}/);
    expect(directivesOf(response).has('upgrade-insecure-requests')).toBe(true);
  });
});

describe('compression', () => {
  let base: string;
  let close: () => void;
  beforeAll(async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const ASSET = '/admin/frontend/assets/app.bundle.js';

  it.each(['br', 'gzip'])('sends the admin assets %s-compressed to a client that accepts it', async (encoding) => {
    // fetch decodes the body and keeps the Content-Encoding header.
    const [compressed, plain] = await Promise.all([
      fetch(`${base}${ASSET}`, { headers: { 'accept-encoding': encoding } }),
      fetch(`${base}${ASSET}`, { headers: { 'accept-encoding': 'identity' } }),
    ]);
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe(encoding);
    expect(compressed.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const [decoded, original] = await Promise.all([compressed.text(), plain.text()]);
    expect(decoded.length).toBeGreaterThan(10_000);
    expect(decoded).toBe(original);
  });

  it('compresses the panel pages too', async () => {
    const response = await fetch(`${base}/admin/login`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    await expect(response.text()).resolves.toContain('Customer Back-office');
  });
});
