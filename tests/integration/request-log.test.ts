/**
 * The request log: one line per request with request id, method, path, status and response time —
 * JSON for machines, a readable phrase for people — and never a password, a cookie or a one-time
 * token, whatever the request carried. Health probes are logged at debug level.
 */
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { createTestDatabase, TEST_PASSWORD, type TestDatabase } from '../support/test-app.js';

const lines: string[] = [];
const captured = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});

let db: TestDatabase;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  db = await createTestDatabase();
  app = createApp({
    config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
    prisma: db.prisma,
    services: db.services,
    logger: createLogger('info', { destination: captured }),
  });
});
afterAll(async () => {
  app.close();
  await db.close();
});
beforeEach(() => {
  lines.length = 0;
});

const requestLines = () =>
  lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => 'requestId' in entry);

describe('request log', () => {
  it('writes one line per request: request id, method, path, status, response time', async () => {
    await request(app.app).get('/').expect(302);
    await request(app.app).get('/no/such/page?q=1').expect(404);

    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 30,
        method: 'GET',
        path: '/',
        status: 302,
        responseTime: expect.any(Number),
        msg: 'request completed',
      }),
      expect.objectContaining({ method: 'GET', path: '/no/such/page', status: 404 }),
    ]);
    for (const entry of requestLines()) expect(entry.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a request that ends in a server error at error level', async () => {
    const broken = createApp({
      config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
      prisma: db.prisma,
      services: {
        ...db.services,
        authenticator: { ...db.services.authenticator, authenticate: () => Promise.reject(new Error('database gone')) },
      },
      logger: createLogger('info', { destination: captured }),
    });
    try {
      await request(broken.app)
        .post('/admin/login')
        .type('form')
        .send({ email: 'someone@staff.test', password: 'whatever it is 1' })
        .expect(500);
    } finally {
      broken.close();
    }
    expect(requestLines()).toEqual([
      expect.objectContaining({ level: 50, method: 'POST', path: '/admin/login', status: 500 }),
    ]);
    expect(lines.some((line) => line.includes('database gone'))).toBe(true);
  });

  it('never writes a password, a cookie or a one-time token', async () => {
    const user = await db.createUser('STAFF');
    const agent = request.agent(app.app);
    const signIn = await agent
      .post('/admin/login')
      .type('form')
      .send({ email: user.email, password: TEST_PASSWORD })
      .expect(302);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!.split('=')[1]!;
    await agent.get('/admin/resources/Customer').set('Authorization', 'Bearer secret-bearer-token').expect(200);

    await request(app.app).post('/admin/forgot-password').type('form').send({ email: user.email }).expect(200);
    const link = new URL(db.mailbox.linkIn(db.mailbox.messages.at(-1)!));
    const token = link.searchParams.get('token')!;
    await request(app.app).get(`${link.pathname}${link.search}`).expect(200);
    await request(app.app)
      .post(link.pathname)
      .type('form')
      .send({ token, password: 'a brand new password 9', confirmation: 'a brand new password 9' })
      .expect(200);

    expect(
      requestLines().map(({ method, path, status }) => `${String(method)} ${String(path)} ${String(status)}`),
    ).toEqual([
      'POST /admin/login 302',
      'GET /admin/resources/Customer 200',
      'POST /admin/forgot-password 200',
      'GET /admin/reset-password 200',
      'POST /admin/reset-password 200',
    ]);
    const log = lines.join('\n');
    for (const secret of [
      TEST_PASSWORD,
      'a brand new password 9',
      cookie,
      decodeURIComponent(cookie),
      'secret-bearer-token',
      token,
    ]) {
      expect(log).not.toContain(secret);
    }
    expect(log).not.toMatch(/cookie|authorization|token=/i);
  });
});

describe('health probes', () => {
  it('are logged at debug level: not at all at the default info level', async () => {
    await request(app.app).get('/healthz').expect(200);
    await request(app.app).get('/readyz').expect(200);
    expect(requestLines()).toEqual([]);

    const debug = createApp({
      config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
      prisma: db.prisma,
      services: db.services,
      logger: createLogger('debug', { destination: captured }),
    });
    try {
      await request(debug.app).get('/healthz').expect(200);
      await request(debug.app).get('/readyz?probe=1').expect(200);
    } finally {
      debug.close();
    }
    expect(requestLines()).toEqual([
      expect.objectContaining({ level: 20, path: '/healthz', status: 200 }),
      expect.objectContaining({ level: 20, path: '/readyz', status: 200 }),
    ]);
  });

  it('that fail are logged as errors', async () => {
    // A database that stops answering: the readiness probe's query fails.
    const unreachable = new Proxy(db.prisma, {
      get(target, key) {
        if (key === '$queryRaw') return () => Promise.reject(new Error('connection refused'));
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    const failing = createApp({
      config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
      prisma: unreachable,
      services: db.services,
      logger: createLogger('info', { destination: captured }),
    });
    try {
      await request(failing.app).get('/readyz').expect(503);
    } finally {
      failing.close();
    }
    expect(requestLines()).toEqual([expect.objectContaining({ level: 50, path: '/readyz', status: 503 })]);
  });
});

describe('the pretty form (LOG_FORMAT=pretty, the default in development)', () => {
  const prettyLines: string[] = [];
  const prettyOutput = new Writable({
    write(chunk: Buffer, _encoding, done) {
      prettyLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });

  it('writes one readable line per request, with the same fields and no secret', async () => {
    const pretty = createApp({
      config: { sessionSecret: 'test-session-secret-of-at-least-32-chars', nodeEnv: 'test' },
      prisma: db.prisma,
      services: db.services,
      logger: createLogger('info', { format: 'pretty', destination: prettyOutput, colorize: false }),
    });
    const user = await db.createUser('STAFF');
    try {
      await request(pretty.app).get('/').set('X-Request-Id', 'pretty-1').expect(302);
      await request(pretty.app)
        .post('/admin/login')
        .type('form')
        .send({ email: user.email, password: TEST_PASSWORD })
        .expect(302);
      await request(pretty.app).get('/admin/reset-password?token=one-time-secret-token').expect(410);
      await request(pretty.app).get('/healthz').expect(200);
    } finally {
      pretty.close();
    }

    expect(prettyLines).toHaveLength(3);
    const time = String.raw`\[\d\d:\d\d:\d\d\.\d{3}\]`;
    expect(prettyLines[0]).toMatch(new RegExp(`^${time} INFO: GET / 302 \\d+ ms$`));
    expect(prettyLines[1]).toMatch(new RegExp(`^${time} INFO: POST /admin/login 302 \\d+ ms$`));
    expect(prettyLines[2]).toMatch(new RegExp(`^${time} INFO: GET /admin/reset-password 410 \\d+ ms$`));
    const log = prettyLines.join('\n');
    for (const secret of [TEST_PASSWORD, 'one-time-secret-token']) expect(log).not.toContain(secret);
  });
});

describe('X-Request-Id', () => {
  it('echoes a sane incoming request id and logs it', async () => {
    const response = await request(app.app).get('/').set('X-Request-Id', 'lb-7f3a9c:42');
    expect(response.headers['x-request-id']).toBe('lb-7f3a9c:42');
    expect(requestLines()).toEqual([expect.objectContaining({ requestId: 'lb-7f3a9c:42' })]);
  });

  it.each([
    ['too long', 'x'.repeat(129)],
    ['with spaces and quotes', 'id" injected "1'],
    ['empty', ''],
  ])('replaces an incoming id that is %s with a random UUID', async (_name, incoming) => {
    const response = await request(app.app).get('/').set('X-Request-Id', incoming);
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(requestLines()[0]!.requestId).toBe(response.headers['x-request-id']);
  });

  it('gives each request its own id', async () => {
    const ids = await Promise.all([1, 2, 3].map(async () => (await request(app.app).get('/')).headers['x-request-id']));
    expect(new Set(ids).size).toBe(3);
  });
});
