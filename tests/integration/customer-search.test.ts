/**
 * The index-backed search through the real app — the panel's Search filter and the REST API's q —
 * on SQLite (FTS5 trigram table) under `npm test` and on PostgreSQL (pg_trgm) under `npm run test:pg`,
 * with the same expectations: case and accents ignored, phone numbers in any format, short words
 * bounded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agent: ReturnType<typeof request.agent>;
let actor: { id: number; role: 'SUPERUSER' };

const PEOPLE = [
  ['Zoë', 'Müller', 'zoe.mueller@example.de', '+49 30 901820'],
  ['José', 'Muñoz', 'jose@example.es', '+34 612 345 678'],
  ['Søren', 'Ærø', 'soren@example.dk', '+45 32 12 34 56'],
  ['Wei', 'Wu', 'wei.wu@example.com', '+1 415 555 0134'],
  ['Alan', 'Turing', 'alan@example.org', '+44 20 7946 0958'],
  ['Grace', 'Hopper', 'grace_hopper@navy.example', '+1 (212) 555-0199'],
  ['Ada', 'Lovelace', 'ada@example.com', '+1 201 555 0101'],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.createUser('SUPERUSER');
  actor = { id: admin.id, role: 'SUPERUSER' };
  agent = await t.signIn(admin.email);
  for (const [firstName, lastName, email, phone] of PEOPLE) {
    await t.services.customers.create({ firstName, lastName, email, phone, dateOfBirth: '1990-05-17' }, actor);
  }
});
afterAll(async () => t.close());

async function found(search: string): Promise<string[]> {
  const response = await agent
    .get('/admin/api/resources/Customer/actions/list')
    .query({ 'filters.search': search, sortBy: 'lastName', direction: 'asc' });
  expect(response.status).toBe(200);
  const names = response.body.records.map((record: { params: { lastName: string } }) => record.params.lastName);
  expect(response.body.meta.total).toBe(names.length);
  return names;
}

describe('search ignores case and accents', () => {
  it.each([
    ['muller', ['Müller']],
    ['MÜLLER', ['Müller']],
    ['zoe', ['Müller']],
    ['munoz', ['Muñoz']],
    ['JOSÉ MUÑOZ', ['Muñoz']],
    ['aero', ['Ærø']],
    ['soren', ['Ærø']],
  ])('%j finds %j', async (search, expected) => {
    expect(await found(search)).toEqual(expected);
  });
});

describe('search by phone, in any format', () => {
  it.each([
    ['+44 20 7946 0958'],
    ['0044 20 7946 0958'],
    ['020 7946 0958'],
    ['(020) 7946-0958'],
    ['7946 0958'],
    ['442079460958'],
  ])('%j finds the customer with +44 20 7946 0958', async (search) => {
    expect(await found(search)).toEqual(['Turing']);
  });

  it('finds a US number typed nationally', async () => {
    expect(await found('(212) 555-0199')).toEqual(['Hopper']);
    expect(await found('212.555.0199')).toEqual(['Hopper']);
  });
});

describe('search by email', () => {
  it('finds part of an address, punctuation and LIKE wildcards taken literally', async () => {
    expect(await found('grace_hopper')).toEqual(['Hopper']);
    expect(await found('navy.example')).toEqual(['Hopper']);
    expect(await found('e_h')).toEqual(['Hopper']);
    expect(await found('100%')).toEqual([]);
  });
});

describe('short words', () => {
  it('matches a two-letter word at the start of a word', async () => {
    expect(await found('wu')).toEqual(['Wu']);
    expect(await found('Tu')).toEqual(['Turing']);
    expect(await found('ur')).toEqual([]);
  });

  it('uses a one-letter word only next to a longer one', async () => {
    expect(await found('a lovelace')).toEqual(['Lovelace']);
    expect(await found('g lovelace')).toEqual([]);
  });

  it('finds nobody for one-letter words alone, which would match most of the table', async () => {
    expect(await found('a')).toEqual([]);
    expect(await found('a b')).toEqual([]);
  });
});

describe("a searched list's total", () => {
  const page = async (page: number) => {
    const response = await agent
      .get('/admin/api/resources/Customer/actions/list')
      .query({ 'filters.search': 'example', perPage: 3, page });
    return { rows: response.body.records.length as number, total: response.body.meta.total as number };
  };

  it('counts every match on each page, also past the last one, and leaves soft-deleted customers out', async () => {
    expect(await page(1)).toEqual({ rows: 3, total: PEOPLE.length });
    expect(await page(3)).toEqual({ rows: 1, total: PEOPLE.length });
    expect(await page(4)).toEqual({ rows: 0, total: PEOPLE.length });

    const turing = await t.prisma.customer.findFirstOrThrow({ where: { lastName: 'Turing' } });
    await t.services.customers.softDelete(turing.id, actor);
    expect(await page(1)).toEqual({ rows: 3, total: PEOPLE.length - 1 });
    expect(await page(4)).toEqual({ rows: 0, total: PEOPLE.length - 1 });
    await t.services.customers.restore(turing.id, actor);
    expect(await page(3)).toEqual({ rows: 1, total: PEOPLE.length });
  });
});

describe('the REST API searches the same way (q)', () => {
  it('finds by folded name and by phone digits', async () => {
    const login = await agent
      .post('/api/v1/auth/token')
      .send({ email: (await t.prisma.user.findFirstOrThrow()).email, password: 'correct horse battery staple' });
    const token = login.body.accessToken as string;
    for (const [q, expected] of [
      ['muller', 'Müller'],
      ['020 7946 0958', 'Turing'],
    ] as const) {
      const response = await agent.get('/api/v1/customers').query({ q }).set('authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.body.items.map((item: { lastName: string }) => item.lastName)).toEqual([expected]);
      expect(response.body.total).toBe(1);
    }
  });
});

describe('the search text', () => {
  it('follows every change of name, email and phone', async () => {
    const customer = await t.prisma.customer.findFirstOrThrow({ where: { lastName: 'Lovelace' } });
    await t.services.customers.update(customer.id, { lastName: 'Byron', phone: '+1 201 555 0177' }, actor);
    expect(await found('lovelace')).toEqual([]);
    expect(await found('byron')).toEqual(['Byron']);
    expect(await found('201-555-0177')).toEqual(['Byron']);
    await t.services.customers.update(customer.id, { lastName: 'Lovelace', phone: '+1 201 555 0101' }, actor);
  });

  it('is filled for customers written without it (before the column existed), without touching updatedAt', async () => {
    const written = await t.prisma.customer.create({
      data: {
        firstName: 'Émilie',
        lastName: 'du Châtelet',
        email: 'emilie@example.fr',
        phone: '+33612345678',
        dateOfBirth: new Date('1990-01-01'),
        updatedAt: new Date('2020-01-01T00:00:00Z'),
      },
    });
    expect(await found('chatelet')).toEqual([]);
    expect(await t.services.customers.fillMissingSearchText()).toBe(1);
    expect(await found('chatelet')).toEqual(['du Châtelet']);
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: written.id } })).updatedAt.toISOString()).toBe(
      '2020-01-01T00:00:00.000Z',
    );
    expect(await t.services.customers.fillMissingSearchText()).toBe(0);
  });
});
