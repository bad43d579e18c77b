/**
 * The Home's periods — today, this week, this month and the chart's last 90 days — as instants, in
 * the time zone of the person looking (their browser's): "today" is the clerk's day, not UTC's.
 * Weeks start on Monday (ISO 8601). A period runs from a local midnight up to the next one it ends at.
 */

export const CHART_DAYS = 90;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export interface CalendarPeriods {
  timeZone: string;
  /** Where today, this week (since Monday) and this month begin, and where today ends. */
  today: Date;
  week: Date;
  month: Date;
  tomorrow: Date;
  /** CHART_DAYS + 1 local midnights: the chart's day i runs from days[i] up to days[i + 1]. */
  days: Date[];
  /** The chart's CHART_DAYS local dates, YYYY-MM-DD, oldest first. */
  dates: string[];
}

/** An IANA time zone this runtime knows, in its canonical spelling, else UTC ("europe/berlin" → "Europe/Berlin"). */
export function knownTimeZone(value: unknown): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  } catch {
    return 'UTC';
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's wall-clock time at an instant (to the second), written as if it were a UTC time. */
function wallClock(instant: number, timeZone: string): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(instant)) part[type] = Number(value);
  return Date.UTC(part.year!, part.month! - 1, part.day, part.hour, part.minute, part.second);
}

const offsetAt = (instant: number, timeZone: string) => wallClock(instant, timeZone) - instant;

/**
 * The first instant of a local calendar day (given as UTC midnight of that date). Where a
 * daylight-saving change skips midnight (clocks jump from 23:59 to 01:00), the day begins at the
 * change. `offsetHint` (the zone's offset near that day) saves the search while it holds.
 */
export function startOfLocalDay(day: Date, timeZone: string, offsetHint?: number): Date {
  const midnight = day.getTime();
  if (offsetHint !== undefined && wallClock(midnight - offsetHint, timeZone) === midnight) {
    return new Date(midnight - offsetHint);
  }
  // Local midnight lies between 14 h before and 12 h after UTC midnight: the offsets at both ends
  // are the only ones it can have. Of the candidate instants, the earliest whose wall clock has
  // reached midnight is the day's start.
  const candidates = [midnight - 14 * HOUR_MS, midnight + 12 * HOUR_MS]
    .map((sample) => midnight - offsetAt(sample, timeZone))
    .filter((candidate) => wallClock(candidate, timeZone) >= midnight);
  return new Date(Math.min(...candidates));
}

/** The local calendar date at an instant, as UTC midnight of that date. */
function localDate(instant: Date, timeZone: string): Date {
  const wall = wallClock(instant.getTime(), timeZone);
  return new Date(wall - (wall % DAY_MS));
}

const addDays = (day: Date, days: number) => new Date(day.getTime() + days * DAY_MS);

/**
 * The periods at `now` in `timeZone` (an unknown zone is read as UTC). Example, Europe/Berlin at
 * 2026-12-07T03:00Z (a Monday): today and this week from 2026-12-06T23:00Z, this month from
 * 2026-11-30T23:00Z, tomorrow from 2026-12-07T23:00Z.
 */
export function calendarPeriods(now: Date, timeZone: string): CalendarPeriods {
  const zone = knownTimeZone(timeZone);
  const today = localDate(now, zone);
  const hint = offsetAt(now.getTime() - (now.getTime() % 1000), zone);
  const start = (day: Date) => startOfLocalDay(day, zone, hint);
  const mondayOffset = (today.getUTCDay() + 6) % 7;
  const chartDay = (i: number) => addDays(today, i + 1 - CHART_DAYS);
  return {
    timeZone: zone,
    today: start(today),
    week: start(addDays(today, -mondayOffset)),
    month: start(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1))),
    tomorrow: start(addDays(today, 1)),
    days: Array.from({ length: CHART_DAYS + 1 }, (_, i) => start(chartDay(i))),
    dates: Array.from({ length: CHART_DAYS }, (_, i) => chartDay(i).toISOString().slice(0, 10)),
  };
}
