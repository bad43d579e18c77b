/**
 * The error report of an import: every invalid row as the file gave it plus an `errors` column,
 * so the person importing can fix the rows in their spreadsheet and upload them again. A cell a
 * spreadsheet would run as a formula is neutralised (OWASP, "CSV Injection"); a phone number such
 * as "+44 20 7946 0958" is left as it is, since it calls nothing.
 */
import { stringify } from 'csv-stringify/sync';
import { FIELD_LABELS } from '../audit/audit-sentences.js';

export interface RowErrors {
  rowNumber: number;
  errors: Record<string, string>;
}

/** What the preview lists: the first invalid rows, one line per field. */
export interface RowError {
  rowNumber: number;
  field: string;
  message: string;
}

export const FIRST_ERRORS_SHOWN = 20;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-][\d\s().-]*$/;

/** "=HYPERLINK(…)" → "'=HYPERLINK(…)"; "+1 201 555 0123" stays. */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

function fieldLabel(field: string): string {
  return Object.hasOwn(FIELD_LABELS, field) ? FIELD_LABELS[field]! : field;
}

/** "Email: Enter a valid email address…; Phone: …" */
export function errorsText(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, message]) => `${fieldLabel(field)}: ${message}`)
    .join('; ');
}

export function firstRowErrors(invalid: readonly RowErrors[]): RowError[] {
  return invalid
    .slice(0, FIRST_ERRORS_SHOWN)
    .flatMap(({ rowNumber, errors }) =>
      Object.entries(errors).map(([field, message]) => ({ rowNumber, field, message })),
    );
}

/** UTF-8 with a BOM, so spreadsheets read accents right. */
export function errorReportCsv(header: readonly string[], rows: readonly string[][], invalid: readonly RowErrors[]) {
  const records = invalid.map(({ rowNumber, errors }) => [
    ...rows[rowNumber - 2]!.map(neutralizeFormula),
    errorsText(errors),
  ]);
  return `\uFEFF${stringify([[...header.map(neutralizeFormula), 'errors'], ...records], { record_delimiter: '\r\n' })}`;
}
