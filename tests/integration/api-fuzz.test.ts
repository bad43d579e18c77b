/**
 * Property tests (fast-check): random and malformed JSON bodies, query strings, path ids and
 * Authorization headers never produce a 5xx, never write a row, and every answer still matches
 * the OpenAPI document (the client checks each one).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

let t: ApiTestApp;
let admin: SignedInUser;
let customerId: number;

beforeAll(async () => {
  t = await createApiTestApp();
  admin = await t.userWithToken('SUPERUSER');
  customerId = (await t.api.post('/customers', { token: admin.token, body: newCustomer() })).body.id;
});
afterAll(async () => t.close());

const RUNS = { numRuns: 100 };

/** Every table the API writes to, with the customer's full row. */
async function snapshot(): Promise<string> {
  const [customers, users, audit, families, tokens, throttle, customer] = await Promise.all([
    t.prisma.customer.count(),
    t.prisma.user.count(),
    t.prisma.auditLog.count(),
    t.prisma.refreshTokenFamily.count(),
    t.prisma.refreshToken.count(),
    t.prisma.rateLimiterFlexible.count(),
    t.prisma.customer.findUnique({ where: { id: customerId } }),
  ]);
  return JSON.stringify({ customers, users, audit, families, tokens, throttle, customer });
}

async function expectHarmless(send: () => Promise<{ status: number }>): Promise<number> {
  const before = await snapshot();
  const { status } = await send();
  expect(status).toBeLessThan(500);
  expect(await snapshot()).toBe(before);
  return status;
}

const CUSTOMER_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'dateOfBirth', 'notes'];
const nonString = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.array(fc.jsonValue(), { maxLength: 3 }),
  fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 3 }),
);
const anyFieldName = fc.oneof(
  fc.constantFrom(...CUSTOMER_FIELDS, '__proto__', 'constructor', 'id', 'deletedAt'),
  fc.string(),
);

/** JSON text that is not a JSON object, or not JSON at all (an empty body is no body: no fields). */
const notAnObject = fc.oneof(
  fc.string({ minLength: 1 }),
  fc
    .jsonValue()
    .filter((value) => typeof value !== 'object' || value === null || Array.isArray(value))
    .map((value) => JSON.stringify(value)),
  fc
    .json()
    .filter((text) => text.length > 1)
    .map((text) => text.slice(0, -1)),
);
/** A JSON object some field of which has the wrong type or is not a field. */
const malformedObject = fc
  .tuple(
    fc.dictionary(anyFieldName, fc.jsonValue(), { maxKeys: 6 }),
    fc.constantFrom(...CUSTOMER_FIELDS),
    nonString,
    fc.boolean(),
    fc.string().filter((key) => !CUSTOMER_FIELDS.includes(key)),
  )
  .map(([base, field, value, unknownInstead, unknownKey]) =>
    JSON.stringify(unknownInstead ? { ...base, [unknownKey]: 1 } : { ...base, [field]: value }),
  );
const malformedBody = fc.oneof(notAnObject, malformedObject);
const jsonContentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
);

const QUERY_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789&=[]%.,+-_~!$'()*:;@/?".split('');
const rawQuery = fc.string({ unit: fc.constantFrom(...QUERY_CHARS), maxLength: 60 });
const parameterQuery = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'page',
          'pageSize',
          'sort',
          'q',
          'includeDeleted',
          'onlyDeleted',
          'createdFrom',
          'createdTo',
          'role',
          'isActive',
        ),
        fc.string(),
      ),
      fc.string(),
    ),
    { maxLength: 6 },
  )
  .map((pairs) => pairs.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&'));
const query = fc.oneof(rawQuery, parameterQuery);

describe('malformed bodies never give a 5xx nor write a row', () => {
  it('POST /customers', async () => {
    await fc.assert(
      fc.asyncProperty(malformedBody, jsonContentType, async (raw, contentType) => {
        const status = await expectHarmless(() => t.api.post('/customers', { token: admin.token, raw, contentType }));
        expect([400, 413, 415, 422]).toContain(status);
      }),
      RUNS,
    );
  });

  it('PATCH /customers/{id}', async () => {
    await fc.assert(
      fc.asyncProperty(malformedBody, jsonContentType, async (raw, contentType) => {
        const status = await expectHarmless(() =>
          t.api.patch(`/customers/${customerId}`, { token: admin.token, raw, contentType }),
        );
        expect([400, 413, 415, 422]).toContain(status);
      }),
      RUNS,
    );
  });

  it('random JSON objects with customer fields for POST /customers', async () => {
    const fields = fc.record(
      Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, fc.oneof(fc.string(), fc.jsonValue())])),
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fields, async (body) => {
        expect(await expectHarmless(() => t.api.post('/customers', { token: admin.token, body }))).toBe(422);
      }),
      RUNS,
    );
  });

  it.each(['/users', '/auth/token', '/auth/refresh', '/auth/logout'])('POST %s', async (path) => {
    const shape = fc.oneof(
      notAnObject,
      fc.dictionary(fc.string(), nonString, { minKeys: 1, maxKeys: 4 }).map((body) => JSON.stringify(body)),
    );
    await fc.assert(
      fc.asyncProperty(shape, async (raw) => {
        expect([400, 422]).toContain(await expectHarmless(() => t.api.post(path, { token: admin.token, raw })));
      }),
      { numRuns: 60 },
    );
  });
});

describe('random query strings, path ids and headers never give a 5xx nor write a row', () => {
  it.each(['/customers', '/users'])('GET %s?…', async (path) => {
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        expect([200, 400]).toContain(
          await expectHarmless(() => t.api.get(path, { token: admin.token, query: search })),
        );
      }),
      RUNS,
    );
  });

  it('GET /customers/{id} and POST /customers/{id}/restore with any id', async () => {
    const id = fc.oneof(
      fc.string({ unit: fc.constantFrom(...QUERY_CHARS.filter((char) => !'/?'.includes(char))), minLength: 1 }),
      fc.integer().map(String),
      fc.bigInt().map(String),
    );
    await fc.assert(
      fc.asyncProperty(id, async (raw) => {
        await expectHarmless(() => t.api.get(`/customers/${raw}`, { token: admin.token }));
        // A real id would be restored (a no-op for a customer that is not deleted).
        await expectHarmless(() => t.api.post(`/customers/${raw}/restore`, { token: admin.token }));
      }),
      RUNS,
    );
  });

  it('any Authorization header', async () => {
    const printable = fc.string({
      unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
      maxLength: 300,
    });
    const header = fc.oneof(
      printable,
      printable.map((token) => `Bearer ${token}`),
      fc.base64String().map((token) => `Bearer ${token}.${token}.${token}`),
    );
    await fc.assert(
      fc.asyncProperty(header, async (authorization) => {
        expect(await expectHarmless(() => t.api.get('/me', { headers: { Authorization: authorization } }))).toBe(401);
      }),
      RUNS,
    );
  });
});
