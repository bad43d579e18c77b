import { Prisma } from '@prisma/client';
import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_SORT_FIELDS,
  customerConditions,
  customerOrder,
  isCustomerSortField,
  isCustomerStatus,
  parseDateBound,
  type CustomerListCriteria,
} from '../../src/domain/customers/query.js';

/** Stands for a database's search condition: shows the terms it was given. */
const fakeSearch = (terms: string[][]) => Prisma.sql`SEARCH(${JSON.stringify(terms)})`;

function conditions(criteria: CustomerListCriteria): { sql: string; values: unknown[] } {
  const { sql, values } = customerConditions(criteria, fakeSearch);
  return { sql, values };
}

describe('customerConditions: status', () => {
  it('hides soft-deleted customers by default', () => {
    expect(conditions({})).toEqual({ sql: '"deletedAt" IS NULL', values: [] });
  });

  it('"active" hides soft-deleted customers', () => {
    expect(conditions({ status: 'active' })).toEqual({ sql: '"deletedAt" IS NULL', values: [] });
  });

  it('"deleted" lists only soft-deleted customers', () => {
    expect(conditions({ status: 'deleted' })).toEqual({ sql: '"deletedAt" IS NOT NULL', values: [] });
  });

  it('"all" does not filter on deletion', () => {
    expect(conditions({ status: 'all' })).toEqual({ sql: '1 = 1', values: [] });
  });
});

describe('customerConditions: creation date range', () => {
  const from = new Date('2026-01-01T00:00:00Z');
  const to = new Date('2026-01-31T23:59:59.999Z');

  it('bounds createdAt on both sides', () => {
    expect(conditions({ status: 'all', createdFrom: from, createdTo: to })).toEqual({
      sql: '"createdAt" >= ? AND "createdAt" <= ?',
      values: [from, to],
    });
  });

  it('accepts an open end', () => {
    expect(conditions({ status: 'all', createdFrom: from })).toEqual({ sql: '"createdAt" >= ?', values: [from] });
    expect(conditions({ status: 'all', createdTo: to })).toEqual({ sql: '"createdAt" <= ?', values: [to] });
  });

  it('is combined with the status filter', () => {
    expect(conditions({ createdFrom: from })).toEqual({
      sql: '"deletedAt" IS NULL AND "createdAt" >= ?',
      values: [from],
    });
  });
});

describe('customerConditions: search', () => {
  // The patterns themselves are specified in search-text.test.ts; here: how they reach the database.
  it("hands the search's folded terms to the database's search condition", () => {
    expect(conditions({ status: 'all', search: '  Zoë   MÜLLER ' })).toEqual({
      sql: 'SEARCH(?)',
      values: ['[["zoe"],["muller"]]'],
    });
    expect(conditions({ status: 'all', search: '(201) 555-0123' }).values).toEqual(['[["2015550123"]]']);
  });

  it('matches nobody when no word is long enough for an index (only one-letter words)', () => {
    expect(conditions({ search: 'a b' })).toEqual({ sql: '"deletedAt" IS NULL AND 1 = 0', values: [] });
  });

  it.each(['', '   ', '\t\n'])('ignores a blank search %j', (search) => {
    expect(conditions({ search })).toEqual({ sql: '"deletedAt" IS NULL', values: [] });
  });

  it('combines status, date range and search', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(conditions({ status: 'deleted', createdFrom: from, search: 'ada' })).toEqual({
      sql: '"deletedAt" IS NOT NULL AND "createdAt" >= ? AND SEARCH(?)',
      values: [from, '[["ada"]]'],
    });
  });
});

describe('customerOrder', () => {
  const order = (sortBy: unknown, direction: unknown) => customerOrder(sortBy, direction).sql;

  it('sorts by creation date, newest first, by default', () => {
    expect(order(undefined, undefined)).toBe('"createdAt" DESC, "id" DESC');
  });

  it.each(CUSTOMER_SORT_FIELDS.filter((field) => field !== 'id'))('sorts by %s with id as the tie-breaker', (field) => {
    expect(order(field, 'asc')).toBe(`"${field}" ASC, "id" ASC`);
    expect(order(field, 'desc')).toBe(`"${field}" DESC, "id" DESC`);
  });

  it('sorts by id alone', () => {
    expect(order('id', 'asc')).toBe('"id" ASC');
    expect(order('id', 'desc')).toBe('"id" DESC');
  });

  it.each([
    ['passwordHash'],
    ['notes'],
    ['createdBy'],
    ['__proto__'],
    ['constructor'],
    [''],
    [42],
    [null],
    [['email']],
    ['x" DESC; DROP TABLE "Customer'],
  ])('falls back to createdAt for the unknown sort field %j', (field) => {
    expect(order(field, 'asc')).toBe('"createdAt" ASC, "id" ASC');
  });

  it.each([['desc'], [undefined], ['random'], [''], [1], [null]])('sorts descending for direction %j', (direction) => {
    expect(order('email', direction)).toBe('"email" DESC, "id" DESC');
  });
});

describe('isCustomerStatus / isCustomerSortField', () => {
  it.each(['active', 'deleted', 'all'])('%s is a status', (value) => {
    expect(isCustomerStatus(value)).toBe(true);
  });

  it.each(['Active', 'removed', '', undefined, null, 1])('%j is not a status', (value) => {
    expect(isCustomerStatus(value)).toBe(false);
  });

  it('knows the sortable fields', () => {
    expect(isCustomerSortField('lastName')).toBe(true);
    expect(isCustomerSortField('dateOfBirth')).toBe(true);
    expect(isCustomerSortField('passwordHash')).toBe(false);
    expect(isCustomerSortField('toString')).toBe(false);
    expect(isCustomerSortField(undefined)).toBe(false);
  });
});

describe('parseDateBound', () => {
  it('reads a day as its first millisecond for "from"', () => {
    expect(parseDateBound('2026-11-23', 'from')?.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('reads a day as its last millisecond for "to", so the whole day is covered', () => {
    expect(parseDateBound('2026-11-23', 'to')?.toISOString()).toBe('2026-11-23T23:59:59.999Z');
  });

  it('covers 29 February in a leap year', () => {
    expect(parseDateBound('2024-02-29', 'to')?.toISOString()).toBe('2024-02-29T23:59:59.999Z');
  });

  it('uses an exact timestamp as given, for either bound', () => {
    expect(parseDateBound('2026-11-23T10:15:00Z', 'from')?.toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(parseDateBound('2026-11-23T10:15:00Z', 'to')?.toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(parseDateBound('2026-11-23T10:15:00+02:00', 'from')?.toISOString()).toBe('2026-11-23T08:15:00.000Z');
  });

  it('reads a time without an offset as UTC, with fractions of a second', () => {
    expect(parseDateBound('2026-11-23T10:15', 'from')?.toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(parseDateBound('2026-11-23T10:15:00.123Z', 'to')?.toISOString()).toBe('2026-11-23T10:15:00.123Z');
    expect(parseDateBound('2026-11-23T10:15:00+14:00', 'from')?.toISOString()).toBe('2026-11-22T20:15:00.000Z');
  });

  it.each([
    '2024-01-01T00:00:00+99:99',
    '2024-01-01T00:00:00+15:00',
    '2024-01-01T00:00:00+05:60',
    '2024-01-01T24:00:00Z',
    '2024-01-01T10:60Z',
    '2024-01-01T10:15:61Z',
    '2024-01-01Tnoon',
    '2024-01-01 10:15',
  ])('refuses the instant %j (an impossible time or offset), not reading it as its day', (value) => {
    expect(parseDateBound(value, 'from')).toBeUndefined();
  });

  it.each(['2023-02-29', '2026-13-01', '2026-04-31', 'garbage', '23/11/2026', '', '   '])('ignores %j', (value) => {
    expect(parseDateBound(value, 'from')).toBeUndefined();
    expect(parseDateBound(value, 'to')).toBeUndefined();
  });

  it.each([[undefined], [null], [20261123], [new Date('2026-11-23T00:00:00Z')], [['2026-11-23']]])(
    'ignores the non-text value %j',
    (value) => {
      expect(parseDateBound(value, 'from')).toBeUndefined();
    },
  );
});
