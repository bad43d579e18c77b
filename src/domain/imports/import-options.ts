/**
 * The choices of an import: which column holds which field, how dates and phone numbers without
 * a country code are read, and whether customers already there (matched by email) are updated.
 * The product proposes them from the file; what a person sends instead is checked here, with a
 * message per field.
 */
import { getCountries, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { FieldValidationError } from '../errors.js';
import { CUSTOMER_FIELDS, type CustomerField } from '../customers/validation.js';
import { parsePhone, type PhoneRegion } from '../customers/phone.js';
import { proposeMapping, type ColumnMapping } from './column-mapping.js';
import { DATE_FORMATS, detectDateFormat, type DateFormat } from './date-format.js';
import type { ImportTable } from './import-file.js';

export interface ImportOptions {
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  phoneRegion: PhoneRegion;
  updateExisting: boolean;
}

/** What the product could tell from the file alone (shown as "detected" next to the choice). */
export interface Detected {
  dateFormat: boolean;
  phoneRegion: boolean;
}

const REGIONS = new Set<string>(getCountries());

/** At most this many values of a column are looked at to detect its format. */
const DETECTION_SAMPLE = 5_000;

function columnValues(table: ImportTable, column: number | null): string[] {
  if (column === null) return [];
  return table.rows
    .slice(0, DETECTION_SAMPLE)
    .map((row) => row[column]!.trim())
    .filter(Boolean);
}

/**
 * The region of the numbers with a +country code, when they all share one: numbers typed without
 * it are most likely from there too. Otherwise the server's default region.
 */
function detectPhoneRegion(
  values: readonly string[],
  fallback: PhoneRegion,
): { region: PhoneRegion; detected: boolean } {
  const regions = new Set<PhoneRegion>();
  for (const value of values) {
    if (!value.startsWith('+')) continue;
    const parsed = parsePhone(value, fallback);
    if (!parsed.ok) continue;
    const region = parsePhoneNumberFromString(parsed.e164)?.country;
    if (region) regions.add(region);
  }
  const [only] = regions;
  return regions.size === 1 && only ? { region: only, detected: true } : { region: fallback, detected: false };
}

export function proposeOptions(
  table: ImportTable,
  defaultPhoneRegion: PhoneRegion,
): { options: ImportOptions; detected: Detected } {
  const mapping = proposeMapping(table.header);
  const date = detectDateFormat(columnValues(table, mapping.dateOfBirth));
  const phone = detectPhoneRegion(columnValues(table, mapping.phone), defaultPhoneRegion);
  return {
    options: { mapping, dateFormat: date.format, phoneRegion: phone.region, updateExisting: false },
    detected: { dateFormat: date.detected, phoneRegion: phone.detected },
  };
}

/** A column chosen by its position in the header ("0", 3), or none (null, ""). */
function columnSchema(columns: number) {
  return z.preprocess(
    (value) => (value === '' || value === undefined ? null : typeof value === 'string' ? Number(value) : value),
    z
      .number({ invalid_type_error: 'Choose one of the file’s columns.' })
      .int('Choose one of the file’s columns.')
      .min(0, 'Choose one of the file’s columns.')
      .max(columns - 1, 'Choose one of the file’s columns.')
      .nullable(),
  );
}

function optionsSchema(columns: number) {
  const column = columnSchema(columns);
  return z
    .object({
      mapping: z
        .object(
          Object.fromEntries(CUSTOMER_FIELDS.map((field) => [field, column.optional()])) as Record<
            CustomerField,
            z.ZodOptional<typeof column>
          >,
          { invalid_type_error: 'Give the mapping as {field: column number}.' },
        )
        .strict('The mapping names fields that customers do not have.')
        .optional(),
      dateFormat: z.enum(DATE_FORMATS, { message: `Choose the date format: ${DATE_FORMATS.join(', ')}.` }).optional(),
      phoneRegion: z
        .string({ invalid_type_error: 'Choose a region, like GB or US.' })
        .transform((value) => value.trim().toUpperCase())
        .refine((value) => REGIONS.has(value), 'Choose a region by its two-letter code, like GB or US.')
        .optional(),
      updateExisting: z
        .preprocess(
          (value) => (value === 'true' || value === 'on' ? true : value === 'false' || value === '' ? false : value),
          z.boolean({ invalid_type_error: 'Say true or false.' }),
        )
        .optional(),
    })
    .strict('Unknown option; the options are mapping, dateFormat, phoneRegion and updateExisting.');
}

/**
 * The options a person sent, over the proposed ones: what they leave out stays as proposed.
 * Throws FieldValidationError ("mapping.email": "Choose one of the file’s columns.").
 */
export function chosenOptions(input: unknown, proposed: ImportOptions, columns: number): ImportOptions {
  const parsed = optionsSchema(columns).safeParse(input ?? {});
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'options'] ??= issue.message;
    throw new FieldValidationError(errors);
  }
  const { mapping, dateFormat, phoneRegion, updateExisting } = parsed.data;
  return {
    mapping: { ...proposed.mapping, ...(mapping as Partial<ColumnMapping>) },
    dateFormat: dateFormat ?? proposed.dateFormat,
    phoneRegion: (phoneRegion as PhoneRegion | undefined) ?? proposed.phoneRegion,
    updateExisting: updateExisting ?? proposed.updateExisting,
  };
}

/** Options sent as JSON text (a form field); blank means none. */
export function optionsFromJson(text: string | undefined): unknown {
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FieldValidationError({ options: 'The options are not valid JSON.' });
  }
}
