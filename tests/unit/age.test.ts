import { describe, expect, it } from 'vitest';
import { ageOn, MAX_AGE, MIN_AGE, parseCalendarDate } from '../../src/domain/customers/age.js';

const utc = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

describe('age limits', () => {
  it('are 13 and 100 (DESIGN.md: "age between 13 and 100 inclusive")', () => {
    expect(MIN_AGE).toBe(13);
    expect(MAX_AGE).toBe(100);
  });
});

describe('ageOn', () => {
  it.each([
    // [date of birth, day, completed years]
    ['2013-11-23', '2026-11-23', 13], // 13th birthday
    ['2013-11-24', '2026-11-23', 12], // the day before the 13th birthday
    ['2013-11-22', '2026-11-23', 13],
    ['1926-11-23', '2026-11-23', 100], // 100th birthday
    ['1925-11-24', '2026-11-23', 100], // the day before the 101st birthday
    ['1925-11-23', '2026-11-23', 101], // 101st birthday
    ['1990-05-17', '2026-11-23', 36],
    ['1990-12-31', '2026-01-01', 35], // birthday month later in the year
    ['1990-01-01', '2026-12-31', 36],
    ['2026-11-23', '2026-11-23', 0], // born today
  ])('born %s, on %s is %i', (dob, day, age) => {
    expect(ageOn(utc(dob), utc(day))).toBe(age);
  });

  describe('a 29 February birthday', () => {
    const leapling = utc('2000-02-29');

    it('is not yet reached on 28 February of a common year', () => {
      expect(ageOn(leapling, utc('2013-02-28'))).toBe(12);
    });

    it('is reached on 1 March of a common year', () => {
      expect(ageOn(leapling, utc('2013-03-01'))).toBe(13);
    });

    it('is reached on 29 February itself in a leap year', () => {
      expect(ageOn(leapling, utc('2016-02-28'))).toBe(15);
      expect(ageOn(leapling, utc('2016-02-29'))).toBe(16);
    });
  });

  it('counts calendar days in UTC, whatever the time of day', () => {
    const dob = utc('2013-11-23');
    expect(ageOn(dob, new Date('2026-11-22T23:59:59.999Z'))).toBe(12);
    expect(ageOn(dob, new Date('2026-11-23T00:00:00.000Z'))).toBe(13);
    expect(ageOn(dob, new Date('2026-11-23T23:59:59.999Z'))).toBe(13);
  });
});

describe('parseCalendarDate', () => {
  it('reads YYYY-MM-DD as UTC midnight of that day', () => {
    expect(parseCalendarDate('1990-05-17')?.toISOString()).toBe('1990-05-17T00:00:00.000Z');
  });

  it('ignores surrounding spaces', () => {
    expect(parseCalendarDate('  1990-05-17 ')?.toISOString()).toBe('1990-05-17T00:00:00.000Z');
  });

  it.each([
    '1990-05-17T15:30:00Z',
    '1990-05-17T15:30:00.123Z',
    '1990-05-17T23:30:00-05:00',
    '1990-05-17T01:00:00+0200',
    '1990-05-17 15:30',
  ])('takes the calendar day of the timestamp %s', (value) => {
    expect(parseCalendarDate(value)?.toISOString()).toBe('1990-05-17T00:00:00.000Z');
  });

  it('truncates a Date to UTC midnight of its UTC day', () => {
    expect(parseCalendarDate(new Date('1990-05-17T23:59:59.999Z'))?.toISOString()).toBe('1990-05-17T00:00:00.000Z');
    expect(parseCalendarDate(new Date('1990-05-17T00:00:00.000Z'))?.toISOString()).toBe('1990-05-17T00:00:00.000Z');
  });

  it.each(['2024-02-29', '2000-02-29', '2023-01-31', '2023-04-30', '2023-12-31'])(
    'accepts the real date %s',
    (value) => {
      expect(parseCalendarDate(value)?.toISOString()).toBe(`${value}T00:00:00.000Z`);
    },
  );

  it.each([
    ['2023-02-29', 'no 29 February in a common year'],
    ['1900-02-29', '1900 is not a leap year'],
    ['2023-02-30', '30 February'],
    ['2023-04-31', '31 April'],
    ['2023-13-01', 'month 13'],
    ['2023-00-10', 'month 0'],
    ['2023-01-00', 'day 0'],
    ['2023-01-32', 'day 32'],
  ])('refuses %s (%s)', (value) => {
    expect(parseCalendarDate(value)).toBeNull();
  });

  it.each([
    '',
    '   ',
    'not a date',
    '17/05/1990',
    '05/17/1990',
    '1990-5-17',
    '1990/05/17',
    '19900517',
    '1990-05-17abc',
    'today',
  ])('refuses text that is not YYYY-MM-DD: %j', (value) => {
    expect(parseCalendarDate(value)).toBeNull();
  });

  it.each([[null], [undefined], [0], [642902400000], [{}], [['1990-05-17']]])(
    'refuses a non-date value %j',
    (value) => {
      expect(parseCalendarDate(value)).toBeNull();
    },
  );

  it('refuses an Invalid Date', () => {
    expect(parseCalendarDate(new Date('nonsense'))).toBeNull();
  });
});
