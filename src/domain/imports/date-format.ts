/**
 * Dates of birth as files hold them: "1990-05-17" (ISO), "17/05/1990" (day first), "05/17/1990"
 * (month first) and spreadsheet serial numbers (33010 is 1990-05-17 in Excel's 1900 system).
 * An ISO date and a serial number can be read only one way and are read so whatever the chosen
 * format; the format decides what "05/06/1990" is. The result is handed to the customer rules as
 * "YYYY-MM-DD", so the messages stay the form's.
 */
export const DATE_FORMATS = ['DMY', 'MDY', 'ISO', 'SERIAL'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const DATE_FORMAT_LABELS: Record<DateFormat, string> = {
  DMY: 'Day/month/year (17/05/1990)',
  MDY: 'Month/day/year (05/17/1990)',
  ISO: 'Year-month-day (1990-05-17)',
  SERIAL: 'Spreadsheet serial number (33010)',
};

const ISO = /^\s*\d{4}-\d{2}-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/;
const SERIAL = /^\s*(\d{1,7})(?:\.0+)?\s*$/;
const SEPARATED = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
/** Excel's day 0, as its 1900 leap-year bug makes it for every serial after 60 (1900-03-01). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/** The value as "YYYY-MM-DD" when it reads as a date in this format; otherwise as given. */
export function toIsoDate(value: string, format: DateFormat): string {
  if (ISO.test(value)) return value.trim();
  const serial = SERIAL.exec(value);
  if (serial) return new Date(SERIAL_EPOCH + Number(serial[1]) * DAY_MS).toISOString().slice(0, 10);
  const separated = SEPARATED.exec(value);
  if (separated && (format === 'DMY' || format === 'MDY')) {
    const [first, second, year] = [Number(separated[1]), Number(separated[2]), Number(separated[3])];
    const [day, month] = format === 'DMY' ? [first, second] : [second, first];
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  }
  return value;
}

export interface DetectedDateFormat {
  format: DateFormat;
  /** The file leaves no doubt: only one format reads every date in it. */
  detected: boolean;
}

/**
 * The format of a column of dates. "17/05/1990" says day first (17 is no month), "05/17/1990"
 * month first; "05/06/1990" alone leaves the doubt (day first is proposed, not detected).
 */
export function detectDateFormat(values: readonly string[]): DetectedDateFormat {
  let dayFirst = false;
  let monthFirst = false;
  let separated = false;
  let iso = false;
  let serial = false;
  for (const value of values) {
    const match = SEPARATED.exec(value);
    if (match) {
      separated = true;
      if (Number(match[1]) > 12) dayFirst = true;
      if (Number(match[2]) > 12) monthFirst = true;
    } else if (ISO.test(value)) iso = true;
    else if (SERIAL.test(value)) serial = true;
  }
  if (separated) {
    if (dayFirst !== monthFirst) return { format: dayFirst ? 'DMY' : 'MDY', detected: true };
    return { format: 'DMY', detected: false };
  }
  if (serial && !iso) return { format: 'SERIAL', detected: true };
  return { format: 'ISO', detected: iso };
}
