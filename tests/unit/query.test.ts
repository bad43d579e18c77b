import { describe, expect, it } from 'vitest';
import {
  CUSTOMER_SORT_FIELDS,
  customerOrderBy,
  customerWhere,
  isCustomerSortField,
  isCustomerStatus,
  parseDateBound,
} from '../../src/domain/customers/query.js';

type Where = ReturnType<typeof customerWhere>;

/** The per-term OR alternatives of the search condition in a where clause. */
function searchTerms(where: Where): Array<Array<Record<string, unknown>>> {
  const conditions = (where.AND ?? []) as Where[];
  const search = conditions.find((condition) => Array.isArray(condition.AND));
  if (!search) return [];
  return (search.AND as Where[]).map((term) => term.OR as Array<Record<string, unknown>>);
}

describe('customerWhere: status', () => {
  it('hides soft-deleted customers by default', () => {
    expect(customerWhere({})).toEqual({ AND: [{ deletedAt: null }] });
  });

  it('"active" hides soft-deleted customers', () => {
    expect(customerWhere({ status: 'active' })).toEqual({ AND: [{ deletedAt: null }] });
  });

  it('"deleted" lists only soft-deleted customers', () => {
    expect(customerWhere({ status: 'deleted' })).toEqual({ AND: [{ deletedAt: { not: null } }] });
  });

  it('"all" does not filter on deletion', () => {
    expect(customerWhere({ status: 'all' })).toEqual({ AND: [] });
  });
});

describe('customerWhere: creation date range', () => {
  const from = new Date('2026-01-01T00:00:00Z');
  const to = new Date('2026-01-31T23:59:59.999Z');

  it('bounds createdAt on both sides', () => {
    expect(customerWhere({ status: 'all', createdFrom: from, createdTo: to })).toEqual({
      AND: [{ createdAt: { gte: from, lte: to } }],
    });
  });

  it('accepts an open end', () => {
    const onlyFrom = customerWhere({ status: 'all', createdFrom: from });
    expect(onlyFrom).toEqual({ AND: [{ createdAt: { gte: from } }] });
    expect(customerWhere({ status: 'all', createdTo: to })).toEqual({ AND: [{ createdAt: { lte: to } }] });
  });

  it('is combined with the status filter', () => {
    expect(customerWhere({ createdFrom: from })).toEqual({ AND: [{ deletedAt: null }, { createdAt: { gte: from } }] });
  });
});

describe('customerWhere: search', () => {
  it('matches one word against first name, last name and email', () => {
    expect(customerWhere({ status: 'all', search: 'Ada' })).toEqual({
      AND: [
        {
          AND: [
            {
              OR: [{ firstName: { contains: 'Ada' } }, { lastName: { contains: 'Ada' } }, { email: { contains: 'ada' } }],
            },
          ],
        },
      ],
    });
  });

  it('matches email in lower case (emails are stored lower-case)', () => {
    const [alternatives] = searchTerms(customerWhere({ search: 'Ada@Example.COM' }));
    expect(alternatives).toContainEqual({ email: { contains: 'ada@example.com' } });
  });

  it('requires every word to match (AND of words), each word anywhere (OR of fields)', () => {
    const terms = searchTerms(customerWhere({ search: '  Ada   Lovelace  ' }));
    expect(terms).toHaveLength(2);
    expect(terms[0]).toContainEqual({ firstName: { contains: 'Ada' } });
    expect(terms[1]).toContainEqual({ lastName: { contains: 'Lovelace' } });
  });

  it('matches phone digits when a word has at least 3 digits, ignoring punctuation', () => {
    const [alternatives] = searchTerms(customerWhere({ search: '(201)555-0123' }));
    expect(alternatives).toContainEqual({ phone: { contains: '2015550123' } });
    const [plus] = searchTerms(customerWhere({ search: '+1-201' }));
    expect(plus).toContainEqual({ phone: { contains: '1201' } });
  });

  it('does not search phones for words with fewer than 3 digits', () => {
    for (const word of ['Ada', 'A1', '42']) {
      const [alternatives] = searchTerms(customerWhere({ search: word }));
      expect(alternatives?.some((alternative) => 'phone' in alternative)).toBe(false);
    }
  });

  it('uses at most 5 words', () => {
    const terms = searchTerms(customerWhere({ search: 'one two three four five six seven' }));
    expect(terms).toHaveLength(5);
    expect(terms[4]).toContainEqual({ firstName: { contains: 'five' } });
  });

  it.each(['', '   ', '\t\n'])('ignores a blank search %j', (search) => {
    expect(customerWhere({ search })).toEqual({ AND: [{ deletedAt: null }] });
  });

  it('combines status, date range and search', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const where = customerWhere({ status: 'deleted', createdFrom: from, search: 'ada' });
    const conditions = where.AND as Where[];
    expect(conditions).toHaveLength(3);
    expect(conditions).toContainEqual({ deletedAt: { not: null } });
    expect(conditions).toContainEqual({ createdAt: { gte: from } });
    expect(searchTerms(where)).toHaveLength(1);
  });
});

describe('customerOrderBy', () => {
  it('sorts by creation date, newest first, by default', () => {
    expect(customerOrderBy(undefined, undefined)).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
  });

  it.each(CUSTOMER_SORT_FIELDS.filter((field) => field !== 'id'))('sorts by %s with id as the tie-breaker', (field) => {
    expect(customerOrderBy(field, 'asc')).toEqual([{ [field]: 'asc' }, { id: 'asc' }]);
    expect(customerOrderBy(field, 'desc')).toEqual([{ [field]: 'desc' }, { id: 'desc' }]);
  });

  it('sorts by id alone', () => {
    expect(customerOrderBy('id', 'asc')).toEqual([{ id: 'asc' }]);
    expect(customerOrderBy('id', 'desc')).toEqual([{ id: 'desc' }]);
  });

  it.each([['passwordHash'], ['notes'], ['createdBy'], ['__proto__'], ['constructor'], [''], [42], [null], [['email']]])(
    'falls back to createdAt for the unknown sort field %j',
    (field) => {
      expect(customerOrderBy(field, 'asc')).toEqual([{ createdAt: 'asc' }, { id: 'asc' }]);
    },
  );

  it.each([['desc'], [undefined], ['random'], [''], [1], [null]])('sorts descending for direction %j', (direction) => {
    expect(customerOrderBy('email', direction)).toEqual([{ email: 'desc' }, { id: 'desc' }]);
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
