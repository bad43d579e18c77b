import { describe, expect, it } from 'vitest';
import { FieldValidationError } from '../../src/domain/errors.js';
import {
  CUSTOMER_FIELDS,
  customerSchema,
  validateCustomerChanges,
  validateNewCustomer,
  type CustomerRuleContext,
} from '../../src/domain/customers/validation.js';

const TODAY = new Date('2026-11-23T00:00:00Z');
const ctx: CustomerRuleContext = { today: TODAY, defaultPhoneRegion: 'US' };

const valid = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '(201) 555-0123',
  dateOfBirth: '1990-05-17',
  notes: null,
} as const;

/** The field errors thrown by `run`; fails the test if it does not throw a FieldValidationError. */
function fieldErrors(run: () => unknown): Record<string, string> {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  if (thrown === undefined) throw new Error('expected a FieldValidationError, but the input was accepted');
  expect(thrown).toBeInstanceOf(FieldValidationError);
  return { ...(thrown as FieldValidationError).fieldErrors };
}

const newCustomerErrors = (input: Record<string, unknown>, context: CustomerRuleContext = ctx) =>
  fieldErrors(() => validateNewCustomer(input, context));
const changeErrors = (input: Record<string, unknown>, context: CustomerRuleContext = ctx) =>
  fieldErrors(() => validateCustomerChanges(input, context));
const on = (today: string): CustomerRuleContext => ({
  today: new Date(`${today}T00:00:00Z`),
  defaultPhoneRegion: 'US',
});

describe('validateNewCustomer: a valid customer', () => {
  it('is returned normalised: phone in E.164, date of birth as UTC midnight, notes null', () => {
    expect(validateNewCustomer(valid, ctx)).toEqual({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '+12015550123',
      dateOfBirth: new Date('1990-05-17T00:00:00.000Z'),
      notes: null,
    });
  });

  it('keeps only the customer fields (no mass assignment of id, audit or soft-delete columns)', () => {
    const result = validateNewCustomer(
      {
        ...valid,
        id: 99,
        deletedAt: new Date(),
        createdById: 1,
        updatedById: 1,
        createdAt: new Date(),
        role: 'SUPERUSER',
      },
      ctx,
    );
    expect(Object.keys(result).sort()).toEqual([...CUSTOMER_FIELDS].sort());
  });

  it('does not modify the input object', () => {
    const input = { ...valid, email: ' ADA@EXAMPLE.COM ' };
    validateNewCustomer(input, ctx);
    expect(input.email).toBe(' ADA@EXAMPLE.COM ');
  });
});

describe('names', () => {
  it.each([
    ['Zoë', 'Zoë'],
    ['Łukasz', 'Łukasz'],
    ['José', 'José'],
    ['山田', '山田'],
    ['Nguyễn', 'Nguyễn'],
    ["O'Brien", "O'Brien"],
    ['Anne-Marie', 'Anne-Marie'],
    ['Müller-Lüdenscheidt', 'Müller-Lüdenscheidt'],
  ])('accepts the unicode name %s', (name, expected) => {
    const result = validateNewCustomer({ ...valid, firstName: name, lastName: name }, ctx);
    expect(result.firstName).toBe(expected);
    expect(result.lastName).toBe(expected);
  });

  it('normalises combining characters to NFC', () => {
    const decomposedZoe = 'Zoe\u0308'; // e + COMBINING DIAERESIS
    const decomposedJose = 'Jose\u0301'; // e + COMBINING ACUTE ACCENT
    const result = validateNewCustomer({ ...valid, firstName: decomposedZoe, lastName: decomposedJose }, ctx);
    expect(result.firstName).toBe('Zo\u00eb');
    expect(result.firstName).toHaveLength(3);
    expect(result.lastName).toBe('Jos\u00e9');
    expect(result.lastName).toHaveLength(4);
  });

  it('trims names and collapses inner whitespace (spaces, tabs, newlines) to one space', () => {
    const result = validateNewCustomer(
      { ...valid, firstName: '  Ada   Augusta\t\n Byron  ', lastName: '\tKing\u00a0\u00a0Lovelace\n' },
      ctx,
    );
    expect(result.firstName).toBe('Ada Augusta Byron');
    expect(result.lastName).toBe('King Lovelace');
  });

  describe.each([
    ['firstName', 'First name'],
    ['lastName', 'Last name'],
  ])('%s length', (field, label) => {
    it('accepts 100 characters', () => {
      const name = 'a'.repeat(100);
      expect(validateNewCustomer({ ...valid, [field]: name }, ctx)[field as 'firstName' | 'lastName']).toBe(name);
    });

    it('refuses 101 characters, on that field only', () => {
      const errors = newCustomerErrors({ ...valid, [field]: 'a'.repeat(101) });
      expect(Object.keys(errors)).toEqual([field]);
      expect(errors[field]).toMatch(new RegExp(`^${label}`));
      expect(errors[field]).toMatch(/at most 100 characters/);
    });

    it('counts the length after trimming', () => {
      const name = 'b'.repeat(100);
      expect(validateNewCustomer({ ...valid, [field]: `   ${name}   ` }, ctx)[field as 'firstName' | 'lastName']).toBe(
        name,
      );
    });

    it('counts the length after collapsing inner whitespace', () => {
      const name = `${'c'.repeat(49)}          ${'d'.repeat(50)}`; // 109 characters typed, 100 kept
      expect(validateNewCustomer({ ...valid, [field]: name }, ctx)[field as 'firstName' | 'lastName']).toHaveLength(
        100,
      );
    });

    it('counts the length after NFC normalisation (100 accented letters typed as 200 code points)', () => {
      expect(
        validateNewCustomer({ ...valid, [field]: 'e\u0301'.repeat(100) }, ctx)[field as 'firstName' | 'lastName'],
      ).toBe('\u00e9'.repeat(100));
      expect(Object.keys(newCustomerErrors({ ...valid, [field]: 'e\u0301'.repeat(101) }))).toEqual([field]);
    });
  });
});

describe('email', () => {
  it.each([
    ['Ada.Lovelace@Example.COM', 'ada.lovelace@example.com'],
    ['ADA@EXAMPLE.COM', 'ada@example.com'],
    ['  ada@example.com  ', 'ada@example.com'],
    ['\t Ada@Example.Com \n', 'ada@example.com'],
    ['ada+tag@mail.example.co.uk', 'ada+tag@mail.example.co.uk'],
  ])('normalises %j to %j', (typed, stored) => {
    expect(validateNewCustomer({ ...valid, email: typed }, ctx).email).toBe(stored);
  });

  it.each([
    'plainaddress',
    'ada@',
    '@example.com',
    'ada@example',
    'ada@@example.com',
    'ada lovelace@example.com',
    'ada@exa mple.com',
    'ada@example..com',
    '.ada@example.com',
    'ada@example.c',
    'ada@example.com.',
    'ada(at)example.com',
  ])('refuses the invalid email %j, on the email field only', (typed) => {
    const errors = newCustomerErrors({ ...valid, email: typed });
    expect(errors).toEqual({ email: expect.stringMatching(/valid email address/) });
  });

  it('accepts 254 characters and refuses 255', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.com`; // 185 characters
    const at254 = `${'l'.repeat(254 - domain.length - 1)}@${domain}`;
    const at255 = `l${at254}`;
    expect(at254).toHaveLength(254);
    expect(validateNewCustomer({ ...valid, email: at254 }, ctx).email).toBe(at254);
    expect(newCustomerErrors({ ...valid, email: at255 })).toEqual({ email: expect.stringMatching(/at most 254/) });
  });
});

describe('phone', () => {
  it.each([
    '(201) 555-0123',
    '201-555-0123',
    '201.555.0123',
    '201 555 0123',
    '+1 201 555 0123',
    '+1 (201) 555-0123',
    '  2015550123  ',
  ])('stores %j as E.164', (typed) => {
    expect(validateNewCustomer({ ...valid, phone: typed }, ctx).phone).toBe('+12015550123');
  });

  it('reads numbers without +country code in the context region', () => {
    expect(validateNewCustomer({ ...valid, phone: '020 7946 0958' }, { ...ctx, defaultPhoneRegion: 'GB' }).phone).toBe(
      '+442079460958',
    );
    expect(newCustomerErrors({ ...valid, phone: '020 7946 0958' }, { ...ctx, defaultPhoneRegion: 'US' })).toEqual({
      phone: expect.stringMatching(/United States \(US\)/),
    });
  });

  it('accepts a foreign number given with +country code whatever the default region', () => {
    expect(validateNewCustomer({ ...valid, phone: '+44 20 7946 0958' }, ctx).phone).toBe('+442079460958');
  });

  it.each(['1-800-FLOWERS', '201555012a', 'call me'])('refuses letters in %j, on the phone field only', (typed) => {
    const errors = newCustomerErrors({ ...valid, phone: typed });
    expect(Object.keys(errors)).toEqual(['phone']);
  });

  it('says which characters a phone number may contain', () => {
    expect(newCustomerErrors({ ...valid, phone: '1-800-FLOWERS' })).toEqual({
      phone: expect.stringMatching(/only digits/),
    });
  });

  it.each(['12', '555-0123', '+1 555 555 5555'])('refuses the invalid number %j', (typed) => {
    expect(Object.keys(newCustomerErrors({ ...valid, phone: typed }))).toEqual(['phone']);
  });
});

describe('date of birth', () => {
  it('accepts a Date and an ISO timestamp, keeping only the calendar day', () => {
    expect(validateNewCustomer({ ...valid, dateOfBirth: new Date('1990-05-17T15:45:00Z') }, ctx).dateOfBirth).toEqual(
      new Date('1990-05-17T00:00:00Z'),
    );
    expect(validateNewCustomer({ ...valid, dateOfBirth: '1990-05-17T08:00:00Z' }, ctx).dateOfBirth).toEqual(
      new Date('1990-05-17T00:00:00Z'),
    );
  });

  describe('minimum age 13 (today is 2026-11-23)', () => {
    it('accepts a customer whose 13th birthday is today', () => {
      expect(validateNewCustomer({ ...valid, dateOfBirth: '2013-11-23' }, ctx).dateOfBirth).toEqual(
        new Date('2013-11-23T00:00:00Z'),
      );
    });

    it('refuses a customer who turns 13 tomorrow (12 today), naming the limits and the age', () => {
      const errors = newCustomerErrors({ ...valid, dateOfBirth: '2013-11-24' });
      expect(Object.keys(errors)).toEqual(['dateOfBirth']);
      expect(errors.dateOfBirth).toMatch(/13 and 100/);
      expect(errors.dateOfBirth).toMatch(/\b12\b/);
    });

    it('refuses 12 on the day before the 13th birthday and accepts 13 on the birthday (same person, two days)', () => {
      const person = { ...valid, dateOfBirth: '2013-11-23' };
      expect(newCustomerErrors(person, on('2026-11-22'))).toEqual({
        dateOfBirth: expect.stringMatching(/13 and 100.*\b12\b/),
      });
      expect(() => validateNewCustomer(person, on('2026-11-23'))).not.toThrow();
    });

    it('refuses a customer born today (age 0) with the age message, not the future message', () => {
      expect(newCustomerErrors({ ...valid, dateOfBirth: '2026-11-23' })).toEqual({
        dateOfBirth: expect.stringMatching(/13 and 100.*\b0\b/),
      });
    });
  });

  describe('maximum age 100 (today is 2026-11-23)', () => {
    it('accepts a customer whose 100th birthday is today', () => {
      expect(() => validateNewCustomer({ ...valid, dateOfBirth: '1926-11-23' }, ctx)).not.toThrow();
    });

    it('accepts a customer who turns 101 tomorrow (still 100 today)', () => {
      expect(() => validateNewCustomer({ ...valid, dateOfBirth: '1925-11-24' }, ctx)).not.toThrow();
    });

    it('refuses a customer whose 101st birthday is today', () => {
      const errors = newCustomerErrors({ ...valid, dateOfBirth: '1925-11-23' });
      expect(Object.keys(errors)).toEqual(['dateOfBirth']);
      expect(errors.dateOfBirth).toMatch(/13 and 100/);
      expect(errors.dateOfBirth).toMatch(/\b101\b/);
    });

    it('refuses a customer who turned 101 yesterday', () => {
      expect(newCustomerErrors({ ...valid, dateOfBirth: '1925-11-22' })).toEqual({
        dateOfBirth: expect.stringMatching(/\b101\b/),
      });
    });

    it('accepts 100 on the day before the 101st birthday and refuses 101 on the birthday (same person, two days)', () => {
      const person = { ...valid, dateOfBirth: '1925-11-23' };
      expect(() => validateNewCustomer(person, on('2026-11-22'))).not.toThrow();
      expect(newCustomerErrors(person, on('2026-11-23'))).toEqual({
        dateOfBirth: expect.stringMatching(/13 and 100.*\b101\b/),
      });
    });

    it('refuses a very old date', () => {
      expect(newCustomerErrors({ ...valid, dateOfBirth: '1800-01-01' })).toEqual({
        dateOfBirth: expect.stringMatching(/13 and 100/),
      });
    });
  });

  describe('born on 29 February 2000', () => {
    const leapling = { ...valid, dateOfBirth: '2000-02-29' };

    it('is 12, and refused, on 28 February 2013', () => {
      expect(newCustomerErrors(leapling, on('2013-02-28'))).toEqual({ dateOfBirth: expect.stringMatching(/\b12\b/) });
    });

    it('is 13, and accepted, on 1 March 2013', () => {
      expect(validateNewCustomer(leapling, on('2013-03-01')).dateOfBirth).toEqual(new Date('2000-02-29T00:00:00Z'));
    });

    it('(born 29 February 1928) is still 100 on 28 February 2029 and 101 on 1 March 2029', () => {
      const old = { ...valid, dateOfBirth: '1928-02-29' };
      expect(() => validateNewCustomer(old, on('2029-02-28'))).not.toThrow();
      expect(newCustomerErrors(old, on('2029-03-01'))).toEqual({ dateOfBirth: expect.stringMatching(/\b101\b/) });
    });
  });

  it.each(['2023-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '1990-5-17', '17/05/1990', 'yesterday'])(
    'refuses %j as not a real calendar date',
    (typed) => {
      expect(newCustomerErrors({ ...valid, dateOfBirth: typed })).toEqual({
        dateOfBirth: expect.stringMatching(/real calendar date/),
      });
    },
  );

  it.each([[42], [true], [{}], [new Date('nonsense')]])(
    'refuses the non-date value %j on the dateOfBirth field',
    (value) => {
      expect(newCustomerErrors({ ...valid, dateOfBirth: value })).toEqual({
        dateOfBirth: expect.stringMatching(/date/),
      });
    },
  );

  it.each(['2026-11-24', '2027-01-01', '2100-05-17'])('refuses the future date %s', (typed) => {
    expect(newCustomerErrors({ ...valid, dateOfBirth: typed })).toEqual({
      dateOfBirth: expect.stringMatching(/future/),
    });
  });

  it('refuses tomorrow as future even late in the day', () => {
    const lateToday: CustomerRuleContext = { today: new Date('2026-11-23T23:59:59Z'), defaultPhoneRegion: 'US' };
    expect(newCustomerErrors({ ...valid, dateOfBirth: '2026-11-24' }, lateToday)).toEqual({
      dateOfBirth: expect.stringMatching(/future/),
    });
  });
});

describe('notes', () => {
  it('accepts 2000 characters', () => {
    const notes = 'n'.repeat(2000);
    expect(validateNewCustomer({ ...valid, notes }, ctx).notes).toBe(notes);
  });

  it('refuses 2001 characters, on the notes field only', () => {
    expect(newCustomerErrors({ ...valid, notes: 'n'.repeat(2001) })).toEqual({
      notes: expect.stringMatching(/at most 2000/),
    });
  });

  it('keeps multi-line text', () => {
    expect(validateNewCustomer({ ...valid, notes: 'Line one\nLine two' }, ctx).notes).toBe('Line one\nLine two');
  });

  it.each([[''], ['   '], [null], [undefined]])('stores %j as null (notes are optional)', (notes) => {
    expect(validateNewCustomer({ ...valid, notes }, ctx).notes).toBeNull();
  });

  it('is null when the field is absent', () => {
    const { notes: _omitted, ...withoutNotes } = valid;
    expect(validateNewCustomer(withoutNotes, ctx).notes).toBeNull();
  });

  it('refuses a non-text value', () => {
    expect(newCustomerErrors({ ...valid, notes: 7 })).toEqual({ notes: expect.stringMatching(/text/) });
  });
});

describe('missing values', () => {
  const required = [
    ['firstName', 'First name is required.'],
    ['lastName', 'Last name is required.'],
    ['email', 'Email is required.'],
    ['phone', 'Phone is required.'],
    ['dateOfBirth', 'Date of birth is required.'],
  ] as const;

  describe.each(required)('%s', (field, message) => {
    it.each([
      ['an empty string', ''],
      ['only whitespace', ' \t\n '],
      ['only non-breaking / ideographic spaces', '\u00a0\u3000'],
      ['null', null],
      ['undefined', undefined],
    ])('given as %s is reported as required, on its own field', (_label, value) => {
      expect(newCustomerErrors({ ...valid, [field]: value })).toEqual({ [field]: message });
    });

    it('absent from the input is reported as required', () => {
      const input: Record<string, unknown> = { ...valid };
      delete input[field];
      expect(newCustomerErrors(input)).toEqual({ [field]: message });
    });
  });

  it('an empty form reports every required field, and only those', () => {
    expect(newCustomerErrors({})).toEqual(Object.fromEntries(required));
  });

  it('a form of empty strings and nulls reports every required field', () => {
    expect(
      newCustomerErrors({ firstName: '', lastName: null, email: '  ', phone: '', dateOfBirth: null, notes: '' }),
    ).toEqual(Object.fromEntries(required));
  });

  it.each([
    ['firstName', 5, /First name must be text/],
    ['lastName', { first: 'x' }, /Last name must be text/],
    ['email', 42, /Email must be text/],
    ['phone', 2015550123, /Phone must be text/],
  ])('a non-text %s is refused on that field', (field, value, message) => {
    expect(newCustomerErrors({ ...valid, [field]: value })).toEqual({ [field]: expect.stringMatching(message) });
  });
});

describe('several bad fields', () => {
  it('are all reported together, each on its own field', () => {
    const errors = newCustomerErrors({
      firstName: 'x'.repeat(101),
      lastName: '',
      email: 'not-an-email',
      phone: '1-800-FLOWERS',
      dateOfBirth: '2023-02-29',
      notes: 'n'.repeat(2001),
    });
    expect(errors).toEqual({
      firstName: expect.stringMatching(/First name.*at most 100/),
      lastName: 'Last name is required.',
      email: expect.stringMatching(/valid email address/),
      phone: expect.stringMatching(/only digits/),
      dateOfBirth: expect.stringMatching(/real calendar date/),
      notes: expect.stringMatching(/at most 2000/),
    });
  });

  it('leaves the good fields out of the error map', () => {
    const errors = newCustomerErrors({ ...valid, email: 'nope', dateOfBirth: '2030-01-01' });
    expect(Object.keys(errors).sort()).toEqual(['dateOfBirth', 'email']);
  });

  it('are listed in the error message too', () => {
    let message = '';
    try {
      validateNewCustomer({ ...valid, email: 'nope', phone: '' }, ctx);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/email: /);
    expect(message).toMatch(/phone: Phone is required\./);
  });
});

describe('customerSchema', () => {
  it('parses a valid customer to the same data validateNewCustomer returns', () => {
    const result = customerSchema(ctx).safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(validateNewCustomer(valid, ctx));
  });

  it('reports each issue at the path of its field', () => {
    const result = customerSchema(ctx).safeParse({ ...valid, email: 'nope', phone: 'abc' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['email', 'phone']);
  });

  it('computes ages on the context day', () => {
    const leapling = { ...valid, dateOfBirth: '2000-02-29' };
    expect(customerSchema(on('2013-02-28')).safeParse(leapling).success).toBe(false);
    expect(customerSchema(on('2013-03-01')).safeParse(leapling).success).toBe(true);
  });

  it('reads phone numbers in the context region', () => {
    const british = { ...valid, phone: '07400 123456' };
    expect(customerSchema({ ...ctx, defaultPhoneRegion: 'GB' }).safeParse(british).data?.phone).toBe('+447400123456');
    expect(customerSchema(ctx).safeParse(british).success).toBe(false);
  });
});

describe('validateCustomerChanges', () => {
  it('returns nothing for no changes', () => {
    expect(validateCustomerChanges({}, ctx)).toEqual({});
  });

  it('returns only the fields given, normalised', () => {
    const changes = validateCustomerChanges({ email: ' Ada@Example.COM ', phone: '201.555.0123' }, ctx);
    expect(changes).toEqual({ email: 'ada@example.com', phone: '+12015550123' });
    expect(Object.keys(changes).sort()).toEqual(['email', 'phone']);
  });

  it('treats a field given as undefined as not given', () => {
    const changes = validateCustomerChanges({ firstName: undefined, notes: 'hello' }, ctx);
    expect(changes).toEqual({ notes: 'hello' });
    expect('firstName' in changes).toBe(false);
  });

  it('drops fields that are not customer fields', () => {
    expect(validateCustomerChanges({ id: 7, deletedAt: null, createdById: 3, notes: 'x' }, ctx)).toEqual({
      notes: 'x',
    });
  });

  it('does not check fields that are not given (a customer now over 100 can still have notes edited)', () => {
    expect(validateCustomerChanges({ notes: 'Called on their 101st birthday' }, ctx)).toEqual({
      notes: 'Called on their 101st birthday',
    });
  });

  it.each([[''], ['  '], [null]])('clears notes given as %j to null', (notes) => {
    expect(validateCustomerChanges({ notes }, ctx)).toEqual({ notes: null });
  });

  it.each([
    ['firstName', 'First name is required.'],
    ['lastName', 'Last name is required.'],
    ['email', 'Email is required.'],
    ['phone', 'Phone is required.'],
    ['dateOfBirth', 'Date of birth is required.'],
  ])('refuses emptying the required field %s (empty string or null)', (field, message) => {
    expect(changeErrors({ [field]: '' })).toEqual({ [field]: message });
    expect(changeErrors({ [field]: null })).toEqual({ [field]: message });
  });

  it('applies the same rules as a new customer to the fields given', () => {
    expect(changeErrors({ firstName: 'x'.repeat(101) })).toEqual({ firstName: expect.stringMatching(/at most 100/) });
    expect(changeErrors({ notes: 'n'.repeat(2001) })).toEqual({ notes: expect.stringMatching(/at most 2000/) });
    expect(changeErrors({ dateOfBirth: '2023-02-29' })).toEqual({
      dateOfBirth: expect.stringMatching(/real calendar date/),
    });
    expect(changeErrors({ dateOfBirth: '2026-12-01' })).toEqual({ dateOfBirth: expect.stringMatching(/future/) });
    expect(changeErrors({ phone: '020 7946 0958' })).toEqual({ phone: expect.stringMatching(/United States/) });
  });

  it('applies the age limits on the day of the change', () => {
    expect(validateCustomerChanges({ dateOfBirth: '2013-11-23' }, ctx)).toEqual({
      dateOfBirth: new Date('2013-11-23T00:00:00Z'),
    });
    expect(changeErrors({ dateOfBirth: '2013-11-24' })).toEqual({
      dateOfBirth: expect.stringMatching(/13 and 100.*\b12\b/),
    });
    expect(validateCustomerChanges({ dateOfBirth: '1926-11-23' }, ctx)).toEqual({
      dateOfBirth: new Date('1926-11-23T00:00:00Z'),
    });
    expect(changeErrors({ dateOfBirth: '1925-11-23' })).toEqual({
      dateOfBirth: expect.stringMatching(/13 and 100.*\b101\b/),
    });
  });

  it('normalises names like a new customer', () => {
    expect(validateCustomerChanges({ firstName: '  Zoe\u0308   Anne ', lastName: '山田' }, ctx)).toEqual({
      firstName: 'Zo\u00eb Anne',
      lastName: '山田',
    });
  });

  it('reports several bad fields together, each on its own field, and nothing for good ones', () => {
    expect(changeErrors({ firstName: 'Ada', email: 'ada@', phone: 'abc', notes: 'fine' })).toEqual({
      email: expect.stringMatching(/valid email address/),
      phone: expect.any(String),
    });
  });
});
