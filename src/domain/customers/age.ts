export const MIN_AGE = 13;
export const MAX_AGE = 100;

/**
 * Completed years between a date of birth and a day (both compared as UTC calendar dates).
 * A 29 February birthday is reached on 1 March in common years.
 */
export function ageOn(dateOfBirth: Date, day: Date): number {
  const years = day.getUTCFullYear() - dateOfBirth.getUTCFullYear();
  const birthdayNotYetReached =
    day.getUTCMonth() < dateOfBirth.getUTCMonth() ||
    (day.getUTCMonth() === dateOfBirth.getUTCMonth() && day.getUTCDate() < dateOfBirth.getUTCDate());
  return birthdayNotYetReached ? years - 1 : years;
}

/**
 * Reads a calendar date ("1990-05-17", an ISO timestamp, or a Date) as UTC midnight of that day.
 * Returns null for anything that is not a real calendar date (e.g. 2023-02-29).
 */
export function parseCalendarDate(value: unknown): Date | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? null
      : new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const isRealDay = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isRealDay ? date : null;
}
