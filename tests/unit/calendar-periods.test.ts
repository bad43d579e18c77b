import { describe, expect, it } from 'vitest';
import {
  CHART_DAYS,
  calendarPeriods,
  knownTimeZone,
  startOfLocalDay,
} from '../../src/domain/dashboard/calendar-periods.js';

const iso = (date: Date) => date.toISOString();

describe('calendarPeriods', () => {
  it('starts today, this week (Monday) and this month at local midnights of the given zone', () => {
    // Monday 7 December 2026, 03:00 UTC: 04:00 in Berlin (UTC+1).
    const periods = calendarPeriods(new Date('2026-12-07T03:00:00Z'), 'Europe/Berlin');
    expect(iso(periods.today)).toBe('2026-12-06T23:00:00.000Z');
    expect(iso(periods.week)).toBe('2026-12-06T23:00:00.000Z');
    expect(iso(periods.month)).toBe('2026-11-30T23:00:00.000Z');
    expect(iso(periods.tomorrow)).toBe('2026-12-07T23:00:00.000Z');
  });

  it('is still the day before west of UTC at the same instant', () => {
    // 03:00 UTC is Sunday 6 December, 22:00, in New York (UTC-5).
    const periods = calendarPeriods(new Date('2026-12-07T03:00:00Z'), 'America/New_York');
    expect(iso(periods.today)).toBe('2026-12-06T05:00:00.000Z');
    expect(iso(periods.week)).toBe('2026-11-30T05:00:00.000Z');
    expect(iso(periods.month)).toBe('2026-12-01T05:00:00.000Z');
  });

  it('starts the week of a Sunday on the Monday before', () => {
    expect(iso(calendarPeriods(new Date('2026-12-13T12:00:00Z'), 'UTC').week)).toBe('2026-12-07T00:00:00.000Z');
  });

  it('gives the chart 90 local days, today last, each from one local midnight to the next', () => {
    const periods = calendarPeriods(new Date('2026-12-07T03:00:00Z'), 'Europe/Berlin');
    expect(periods.days).toHaveLength(CHART_DAYS + 1);
    expect(periods.dates).toHaveLength(CHART_DAYS);
    expect(periods.dates.at(-1)).toBe('2026-12-07');
    expect(periods.dates[0]).toBe('2026-09-09');
    expect(iso(periods.days.at(-2)!)).toBe(iso(periods.today));
    expect(iso(periods.days.at(-1)!)).toBe(iso(periods.tomorrow));
    // Summer time (UTC+2) until 25 October: those days start at 22:00 UTC.
    expect(iso(periods.days[0]!)).toBe('2026-09-08T22:00:00.000Z');
  });

  it('makes the day clocks go forward 23 hours long and the day they go back 25', () => {
    const spring = calendarPeriods(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(spring.tomorrow.getTime() - spring.today.getTime()).toBe(23 * 3600_000);
    const autumn = calendarPeriods(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(autumn.tomorrow.getTime() - autumn.today.getTime()).toBe(25 * 3600_000);
  });

  it('starts a day whose midnight is skipped at the moment the clocks jump', () => {
    // Chile goes to summer time at midnight: 6 September 2026 begins at 01:00 (UTC-3), 04:00 UTC.
    expect(iso(startOfLocalDay(new Date('2026-09-06T00:00:00Z'), 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(startOfLocalDay(new Date('2026-09-07T00:00:00Z'), 'America/Santiago'))).toBe('2026-09-07T03:00:00.000Z');
  });

  it('handles zones a quarter-hour off the hour', () => {
    expect(iso(calendarPeriods(new Date('2026-12-07T03:00:00Z'), 'Asia/Kathmandu').today)).toBe(
      '2026-12-06T18:15:00.000Z',
    );
  });

  it('reads an unknown or missing zone as UTC', () => {
    expect(knownTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownTimeZone(undefined)).toBe('UTC');
    expect(knownTimeZone(['Europe/Berlin'])).toBe('UTC');
    expect(calendarPeriods(new Date('2026-12-07T03:00:00Z'), 'nowhere').timeZone).toBe('UTC');
  });

  it('spells a known zone the way the runtime does', () => {
    expect(knownTimeZone('europe/berlin')).toBe('Europe/Berlin');
  });
});
