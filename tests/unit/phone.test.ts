import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, type PhoneParseResult, type PhoneRegion } from '../../src/domain/customers/phone.js';

function e164(raw: string, region: PhoneRegion = 'US'): string {
  const result = parsePhone(raw, region);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(raw)} (${region}) to be accepted, got: ${result.message}`);
  return result.e164;
}

function refusal(raw: string, region: PhoneRegion = 'US'): string {
  const result: PhoneParseResult = parsePhone(raw, region);
  if (result.ok) throw new Error(`expected ${JSON.stringify(raw)} (${region}) to be refused, got ${result.e164}`);
  expect(result.message.length).toBeGreaterThan(0);
  return result.message;
}

describe('parsePhone: how people type a number', () => {
  it.each([
    '2015550123',
    '201 555 0123',
    '201-555-0123',
    '201.555.0123',
    '(201) 555-0123',
    '(201)555-0123',
    '[201] 555-0123',
    '201 - 555 - 0123',
    '+1 201 555 0123',
    '+1 (201) 555-0123',
    '+1-201-555-0123',
    '+1.201.555.0123',
    '+12015550123',
    '1 201 555 0123',
    '011 1 201 555 0123',
    '  (201) 555-0123  ',
    '\t201 555 0123\n',
  ])('reads %j (US) as +12015550123', (typed) => {
    expect(e164(typed, 'US')).toBe('+12015550123');
  });
});

describe('parsePhone: +country code', () => {
  it.each([
    ['+44 20 7946 0958', '+442079460958'],
    ['+44 (0) 20 7946 0958', '+442079460958'],
    ['+49 30 901820', '+4930901820'],
    ['+49-30-901820', '+4930901820'],
    ['+33 1 23 45 67 89', '+33123456789'],
    ['+44 7400 123456', '+447400123456'],
  ])('reads %j as %s whatever the default region', (typed, expected) => {
    expect(e164(typed, 'US')).toBe(expected);
    expect(e164(typed, 'GB')).toBe(expected);
    expect(e164(typed, 'DE')).toBe(expected);
  });

  it('takes the +country code over the default region', () => {
    expect(e164('+1 201 555 0123', 'GB')).toBe('+12015550123');
  });
});

describe('parsePhone: international dialling prefix', () => {
  it.each([
    ['0049 30 901820', 'DE', '+4930901820'],
    ['0049-30-901820', 'DE', '+4930901820'],
    ['0044 20 7946 0958', 'GB', '+442079460958'],
    ['00 44 20 7946 0958', 'DE', '+442079460958'],
    ['001 201 555 0123', 'GB', '+12015550123'],
    ['00.49.30.901820', 'FR', '+4930901820'],
  ])('reads the 00-prefixed %j typed in %s as %s', (typed, region, expected) => {
    expect(e164(typed, region as PhoneRegion)).toBe(expected);
  });

  it('reads the US prefix 011 in the US', () => {
    expect(e164('011 44 20 7946 0958', 'US')).toBe('+442079460958');
  });
});

describe('parsePhone: numbers valid in one region but not another', () => {
  it.each([
    ['020 7946 0958', 'GB', '+442079460958'],
    ['07400 123456', 'GB', '+447400123456'],
    ['030 901820', 'DE', '+4930901820'],
    ['01 23 45 67 89', 'FR', '+33123456789'],
  ])('accepts %j in %s but not as a US number', (typed, region, expected) => {
    expect(e164(typed, region as PhoneRegion)).toBe(expected);
    const message = refusal(typed, 'US');
    expect(message).toMatch(/United States \(US\)/);
    expect(message).toMatch(/\+/); // suggests typing + and the country code
  });

  it('reads the same digits as a different number in another region', () => {
    expect(e164('(201) 555-0123', 'US')).toBe('+12015550123');
    expect(e164('(201) 555-0123', 'GB')).toBe('+442015550123');
  });

  it('names the default region in the message', () => {
    expect(refusal('12', 'DE')).toMatch(/Germany \(DE\)/);
    expect(refusal('12', 'GB')).toMatch(/United Kingdom \(GB\)/);
  });
});

describe('parsePhone: refused input', () => {
  it.each(['1-800-FLOWERS', '201555012a', '201 555 O123', 'phone: 2015550123', 'abc 123', 'abc'])(
    'refuses letters in %j',
    (typed) => {
      expect(refusal(typed)).toMatch(/only digits, spaces, dashes, dots, brackets and a leading \+/);
    },
  );

  it.each(['', '   ', '+', '()-.', '+ ( ) - .'])('asks for a number when %j has no digits', (typed) => {
    expect(refusal(typed)).toBe('Enter a phone number.');
  });

  it.each(['1', '12', '555-0123', '201 555 012', '201 555 01234', '999999999999999999', '++44 20 7946 0958'])(
    'refuses %j (US) as not a valid number',
    (typed) => {
      refusal(typed, 'US');
    },
  );

  it('refuses a number that is invalid for its +country code, saying so', () => {
    expect(refusal('+1 555 555 5555')).toMatch(/country code/);
    expect(refusal('+44 20 123')).toMatch(/country code/);
  });

  it('refuses an unknown country code', () => {
    refusal('+999 123 4567');
  });

  it('accepts an extension suffix, which is not treated as letters', () => {
    expect(parsePhone('201 555 0123 ext 5', 'US').ok).toBe(true);
    expect(parsePhone('201 555 0123 x5', 'US').ok).toBe(true);
  });
});

describe('formatPhone', () => {
  it.each([
    ['+12015550123', '+1 201 555 0123'],
    ['+442079460958', '+44 20 7946 0958'],
    ['+4930901820', '+49 30 901820'],
  ])('shows %s as %s', (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it.each(['garbage', '', '12'])('shows the unparseable value %j as stored', (stored) => {
    expect(formatPhone(stored)).toBe(stored);
  });

  it.each(['(201) 555-0123', '+44 20 7946 0958', '0049 30 901820'])(
    'round-trips %j: parse → format → parse gives the same E.164',
    (typed) => {
      const region: PhoneRegion = typed.startsWith('00') ? 'DE' : 'US';
      const stored = e164(typed, region);
      expect(e164(formatPhone(stored), 'US')).toBe(stored);
    },
  );
});
