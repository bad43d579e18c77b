/**
 * Property tests (fast-check) of the panel's own HTTP surface — every AdminJS route (pages and its
 * JSON API), sign-in and sign-out, My profile, forgot password and the one-time-link pages — for
 * every role and for nobody signed in: random and adversarial bodies (JSON, url-encoded, multipart,
 * wrong types, huge, deeply nested, odd Unicode, broken framing) and query strings. Every answer is
 * below 500; a GET and an error answer (4xx, or AdminJS's 200 with an error notice) change no row;
 * the connection carries the next request. The counts are printed for the record.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Router as AdminRoutes } from 'adminjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { SESSION_COOKIE_NAME } from '../../src/http/session.js';
import { keepAliveClient, type KeepAliveClient, type RawRequest } from '../support/keep-alive-client.js';
import { createTestApp, customerForm, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

const ROLES: Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];
type Caller = Role | 'nobody';
const CALLERS: Caller[] = [...ROLES, 'nobody'];

let t: TestApp;
let server: Server;
let baseUrl: string;
const clients = {} as Record<Caller, KeepAliveClient>;
const emails = {} as Record<Role, string>;
const ids = { customer: '', deletedCustomer: '', user: '' };
const tally = { cases: 0, byStatus: new Map<number, number>() };

async function signIn(role: Role): Promise<void> {
  // A long fuzz run fails sign-ins from this address on purpose: its count must not lock the test out.
  await t.prisma.rateLimiterFlexible.deleteMany();
  const client = clients[role];
  client.cookie = undefined;
  const response = await client.send({
    method: 'POST',
    path: '/admin/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: emails[role], password: TEST_PASSWORD }).toString(),
  });
  if (response.status !== 302 || !client.cookie) throw new Error(`sign-in as ${role} failed: ${response.status}`);
}

beforeAll(async () => {
  t = await createTestApp();
  server = t.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const caller of CALLERS) clients[caller] = keepAliveClient(baseUrl, SESSION_COOKIE_NAME);
  for (const role of ROLES) {
    const user = await t.createUser(role);
    emails[role] = user.email;
    ids.user = String(user.id);
    await signIn(role);
  }
  const admin = await t.prisma.user.findFirstOrThrow({ where: { role: 'SUPERUSER' } });
  const actor = { id: admin.id, role: 'SUPERUSER' as const };
  ids.customer = String((await t.services.customers.create(customerForm(), actor)).id);
  const deleted = await t.services.customers.create(customerForm(), actor);
  await t.services.customers.softDelete(deleted.id, actor);
  ids.deletedCustomer = String(deleted.id);
});

afterAll(async () => {
  const statuses = [...tally.byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`);
  const fiveHundreds = [...tally.byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  console.log(
    `panel fuzz (${t.url.split(':')[0]}): ${tally.cases} cases, ${fiveHundreds} answers ≥ 500 [${statuses.join(' ')}]`,
  );
  for (const client of Object.values(clients)) client.close();
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/**
 * What an answer may not change: customers, accounts, links, sessions and audit entries — but a
 * failed sign-in's entry, and for sign-in and sign-out themselves, sessions and their entries.
 */
async function snapshot(signingInOrOut: boolean): Promise<string> {
  const notCounted = signingInOrOut ? ['login_failed', 'login', 'logout'] : ['login_failed'];
  const [customers, users, tokens, sessions, audit] = await Promise.all([
    t.prisma.customer.findMany({ orderBy: { id: 'asc' } }),
    t.prisma.user.findMany({ orderBy: { id: 'asc' }, omit: signingInOrOut ? { lastLoginAt: true } : {} }),
    t.prisma.accountToken.findMany({ orderBy: { id: 'asc' } }),
    signingInOrOut ? null : t.prisma.session.count(),
    t.prisma.auditLog.count({ where: { action: { notIn: notCounted } } }),
  ]);
  return JSON.stringify({ customers, users, tokens, sessions, audit });
}

function isErrorAnswer(status: number, text: string): boolean {
  if (status >= 400) return true;
  if (!text.startsWith('{')) return false;
  const body = JSON.parse(text) as { notice?: { type?: string }; record?: { errors?: object; baseError?: unknown } };
  return (
    body.notice?.type === 'error' ||
    Boolean(body.record?.baseError) ||
    Object.keys(body.record?.errors ?? {}).length > 0
  );
}

/** Paths after which the caller may be signed out (or signed in anew). */
const SESSION_CHANGING = /^\/admin\/(logout|profile\/password)\b/i;
const SIGN_IN_OR_OUT = /^\/admin\/(logout|login)\b/i;

/** Sends one case as `caller` and checks every property; returns the status. */
async function check(caller: Caller, request: RawRequest): Promise<number> {
  const client = clients[caller];
  const signingInOrOut = SIGN_IN_OR_OUT.test(request.path);
  const before = await snapshot(signingInOrOut);
  const response = await client.send(request);
  tally.cases += 1;
  tally.byStatus.set(response.status, (tally.byStatus.get(response.status) ?? 0) + 1);
  const label = `${caller} ${request.method} ${request.path.slice(0, 200)} → ${response.status} ${response.text.slice(0, 200)}`;
  expect(response.status, label).toBeLessThan(500);
  if (request.method === 'GET' || isErrorAnswer(response.status, response.text)) {
    expect(await snapshot(signingInOrOut), label).toBe(before);
  }
  const probe = await client.send({ method: 'GET', path: '/healthz' });
  expect(probe.status, `${label}: the next request`).toBe(200);
  expect(probe.reusedSocket, `${label}: the next request reuses the connection`).toBe(true);
  // Signed out (logout, a changed password): signed in again for the next case.
  if (
    caller !== 'nobody' &&
    SESSION_CHANGING.test(request.path) &&
    (response.status === 302 || response.status === 303)
  )
    await signIn(caller);
  return response.status;
}

// ---- what goes into a request -------------------------------------------------------------------

const ODD_UNITS = ['\u0000', '\ud800', '\udc00', '\u2028', '\u202e', '\u0085', '\u001b', '\u200b', 'e\u0301', '😀'];
const MARKUP_UNITS = ['<', '>', '&', '"', "'", '\\', '%', '+', '=', '.', '[', ']', '/', '</script>', '__proto__'];
/** Short text from every corner: plain, any code point, control characters, lone surrogates, markup. */
const shortText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...ODD_UNITS, ...MARKUP_UNITS, 'a', ' '), maxLength: 30 }),
  fc.constantFrom('', ' ', '1990-05-17', '2024-01-01T00:00:00+99:99', 'true', 'null', '-1', '1e999'),
);
/** Field values: short text, or longer than any field takes. */
const oddText = fc.oneof(
  { weight: 9, arbitrary: shortText },
  { weight: 1, arbitrary: fc.constant('x'.repeat(70_000)) },
);
const FIELD_NAMES = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'notes',
  'id',
  'deletedAt',
  'createdById',
  'name',
  'role',
  'isActive',
  'password',
  'passwordHash',
  'currentPassword',
  'confirmation',
  'token',
  '__proto__',
  '__proto__.polluted',
  'constructor.prototype.polluted',
  'toString',
  'filters.search',
  'a.b.c',
  '',
];
const fieldName = fc.oneof(fc.constantFrom(...FIELD_NAMES), oddText);
const jsonValue = fc.oneof(oddText, fc.jsonValue({ maxDepth: 3 }), fc.constantFrom(...ROLES, 'true', 'false'));
const fields = fc.array(fc.tuple(fieldName, oddText), { maxLength: 8 });

/** Percent-encoded UTF-8; a lone surrogate (which has no UTF-8) goes as the bytes of its code unit. */
const percentEncoded = (text: string) =>
  text.replace(/[\s\S]/gu, (char) =>
    char.length === 1 && char >= '\ud800' && char <= '\udfff'
      ? `%${[0xed, 0xa0 | ((char.charCodeAt(0) >> 6) & 0x1f), 0x80 | (char.charCodeAt(0) & 0x3f)].map((byte) => byte.toString(16)).join('%')}`
      : encodeURIComponent(char),
  );

const CRLF = '\r\n';
function multipart(boundary: string, parts: Array<{ name: string; value: string; filename?: string }>): string {
  return (
    parts
      .map(
        ({ name, value, filename }) =>
          `--${boundary}${CRLF}Content-Disposition: form-data; name="${name.replace(/["\r\n]/g, '')}"` +
          `${filename === undefined ? '' : `; filename="${filename.replace(/["\r\n]/g, '')}"`}${CRLF}` +
          `${filename === undefined ? '' : `Content-Type: application/octet-stream${CRLF}`}${CRLF}${value}${CRLF}`,
      )
      .join('') + `--${boundary}--${CRLF}`
  );
}

interface Body {
  contentType?: string;
  body?: string | Buffer;
}

const body: fc.Arbitrary<Body> = fc.oneof(
  // none
  fc.constant({}),
  // JSON objects, with wrong types and odd names
  fc
    .array(fc.tuple(fieldName, jsonValue), { maxLength: 8 })
    .map((pairs) => ({ contentType: 'application/json', body: JSON.stringify(Object.fromEntries(pairs)) })),
  // JSON that is no object, broken, huge or deep
  fc
    .oneof(
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.json().map((text) => text.slice(0, Math.max(1, text.length - 1))),
      fc.integer({ min: 1, max: 6000 }).map((depth) => `{"notes":${'['.repeat(depth)}${']'.repeat(depth)}}`),
      fc.constantFrom(
        '{"notes": "\\ud800"}',
        '{"firstName":"\\u0000"}',
        '{',
        '',
        'null',
        `{"notes":"${'x'.repeat(1_100_000)}"}`,
      ),
    )
    .map((text) => ({ contentType: 'application/json', body: text })),
  // url-encoded, well formed or not
  fields.map((pairs) => ({
    contentType: 'application/x-www-form-urlencoded',
    body: pairs.map(([name, value]) => `${percentEncoded(name)}=${percentEncoded(value)}`).join('&'),
  })),
  fc
    .string({
      unit: fc.constantFrom('%', '%zz', '%00', '=', '&', 'a', '__proto__.x', '+', '%E0%A4%A', '[]'),
      maxLength: 40,
    })
    .map((text) => ({ contentType: 'application/x-www-form-urlencoded', body: text })),
  // multipart: fields, file parts, broken framing
  fc.tuple(fields, fc.boolean(), fc.constantFrom('XyZ', 'b'.repeat(70), '--')).map(([pairs, withFile, boundary]) => ({
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: multipart(boundary, [
      ...pairs.map(([name, value]) => ({ name, value })),
      ...(withFile ? [{ name: 'upload', value: 'file content', filename: 'a.csv' }] : []),
    ]),
  })),
  fc.tuple(fields, fc.nat({ max: 200 })).map(([pairs, cut]) => {
    const text = multipart(
      'XyZ',
      pairs.map(([name, value]) => ({ name, value })),
    );
    return { contentType: 'multipart/form-data; boundary=XyZ', body: text.slice(0, Math.max(0, text.length - cut)) };
  }),
  fc.constantFrom<Body>(
    { contentType: 'multipart/form-data', body: 'no boundary' },
    { contentType: 'multipart/form-data; boundary=', body: '--\r\n' },
    { contentType: 'multipart/form-data; boundary=XyZ', body: Buffer.alloc(300_000, 'a') },
    {
      contentType: 'multipart/form-data; boundary=XyZ',
      body: multipart('XyZ', [{ name: 'big', value: 'y'.repeat(70_000) }]),
    },
    {
      contentType: 'multipart/form-data; boundary=XyZ',
      body: multipart(
        'XyZ',
        Array.from({ length: 250 }, (_, i) => ({ name: `f${i}`, value: 'v' })),
      ),
    },
  ),
  // other types, or none, with a body
  fc
    .tuple(
      fc.constantFrom('text/plain', 'application/octet-stream', 'application/xml', 'image/png', 'form', undefined),
      oddText,
    )
    .map(([contentType, text]) => ({ contentType, body: text })),
);

const queryString = fc.oneof(
  fc.constant(''),
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(
            'page',
            'perPage',
            'sortBy',
            'direction',
            'filters.search',
            'filters.status',
            'filters.firstName',
            'filters.createdAt~~from',
            'filters.createdAt~~to',
            'filters.role',
            'filters.isActive',
            'filters.recordId',
            'filters.at~~from',
            'recordIds',
            'token',
            'saved',
            'query',
            'searchProperty',
            'filters.__proto__',
            'filters[constructor]',
            'refresh',
          ),
          shortText,
        ),
        shortText,
      ),
      { maxLength: 5 },
    )
    .map((pairs) => pairs.map(([key, value]) => `${percentEncoded(key)}=${percentEncoded(value)}`).join('&')),
  fc.string({ unit: fc.constantFrom('%', '%zz', '&', '=', '[', ']', '.', 'a', '~~', '%00'), maxLength: 30 }),
);

// ---- where it goes --------------------------------------------------------------------------------

const RESOURCES = ['Customer', 'User', 'AuditLog', 'customer', 'Nope', '__proto__'];
const ACTIONS = [
  'list',
  'search',
  'show',
  'new',
  'edit',
  'delete',
  'bulkDelete',
  'restore',
  'history',
  'invite',
  'sendPasswordReset',
  'staffNames',
  'constructor',
  'nope',
];
const recordId = () =>
  fc.oneof(
    fc.constantFrom(ids.customer, ids.deletedCustomer, ids.user, '1', '0', '-1', '99999999999', 'abc', '%E0%A4%A'),
  );
const segment = fc.string({
  unit: fc.constantFrom('a', '1', '%20', '%2F', '.', '-', '%00', '~'),
  minLength: 1,
  maxLength: 12,
});

/** AdminJS's own routes (the development-only bundle route left out: it runs the bundler). */
const ADMINJS_ROUTES = AdminRoutes.routes
  .filter((route) => route.action !== 'bundleComponents')
  .map((route) => ({ method: route.method, path: `/admin${route.path}` }));

/** Ours: the panel's root, sign-in and sign-out, My profile, forgot password, one-time links. */
const ACCOUNT_ROUTES = [
  ['GET', '/admin/'],
  ['GET', '/admin/login'],
  ['POST', '/admin/login'],
  ['GET', '/admin/logout'],
  ['POST', '/admin/logout'],
  ['GET', '/admin/profile'],
  ['POST', '/admin/profile/name'],
  ['POST', '/admin/profile/password'],
  ['GET', '/admin/forgot-password'],
  ['POST', '/admin/forgot-password'],
  ['GET', '/admin/reset-password'],
  ['POST', '/admin/reset-password'],
  ['GET', '/admin/accept-invitation'],
  ['POST', '/admin/accept-invitation'],
  ['GET', '/admin/no-such-page'],
].map(([method, path]) => ({ method: method!, path: path! }));

/** A route template's placeholders filled in, mostly with names that exist. */
const filledPath = (template: string) =>
  fc
    .record({
      resourceId: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...RESOURCES.slice(0, 3)) },
        fc.constantFrom(...RESOURCES),
      ),
      action: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...ACTIONS.slice(0, 11)) }, fc.constantFrom(...ACTIONS)),
      recordId: recordId(),
      text: segment,
      recordIds: fc.array(fc.constantFrom(ids.customer, ids.deletedCustomer, '1', 'x'), { maxLength: 3 }),
    })
    .map(({ resourceId, action, recordId: id, text, recordIds }) => ({
      path: template
        .replace('{resourceId}', resourceId)
        .replace('{action}', action)
        .replace('{recordId}', id)
        .replace('{query}', text)
        .replace('{pageName}', text),
      recordIds: template.includes('/bulk/') ? recordIds.join(',') : '',
    }));

/** The route's own method mostly, the other one sometimes. */
function requestOf(
  route: { method: string; path: string; recordIds: string },
  otherMethod: boolean,
  query: string,
  { contentType, body: content }: Body,
): RawRequest {
  const method = otherMethod ? (route.method === 'GET' ? 'POST' : 'GET') : route.method;
  const search = [route.recordIds && `recordIds=${route.recordIds}`, query].filter(Boolean).join('&');
  return {
    method,
    path: `${route.path}${search ? `?${search}` : ''}`,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body: content,
  };
}

const RUNS_PER_ROUTE = 8;
/** Routes whose cases cost a password hash each (a sign-in again after sign-out, a password check). */
const HASHING_ROUTE = /\/(logout|profile\/password)$/;
const HASHING_RUNS = 3;
const otherMethodSometimes = fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, fc.constant(true));

describe.each(CALLERS)('the panel as %s', (caller) => {
  it.each([...ADMINJS_ROUTES, ...ACCOUNT_ROUTES])(
    '$method $path: below 500, no change on GET or refusal, connection kept',
    async (route) => {
      await fc.assert(
        fc.asyncProperty(
          filledPath(route.path),
          otherMethodSometimes,
          queryString,
          body,
          async (filled, otherMethod, query, content) => {
            await check(caller, requestOf({ method: route.method, ...filled }, otherMethod, query, content));
          },
        ),
        { numRuns: HASHING_ROUTE.test(route.path) ? HASHING_RUNS : RUNS_PER_ROUTE },
      );
    },
    // Each case also snapshots the tables twice and sends a second request; sign-ins hash a password.
    120_000,
  );
});
