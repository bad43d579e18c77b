/**
 * Each row of an import file checked as a new customer by the customer rules (the form's messages),
 * then against the rows above it: an email or phone number a file gives twice would make the
 * second row fail, or silently win, so the second is reported instead.
 */
import { FieldValidationError } from '../errors.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  CUSTOMER_FIELDS,
  newCustomerValidator,
  type CustomerData,
  type CustomerField,
  type CustomerRuleContext,
} from '../customers/validation.js';
import { formatPhone } from '../customers/phone.js';
import { toIsoDate } from './date-format.js';
import type { ImportTable } from './import-file.js';
import type { ImportOptions } from './import-options.js';

export interface CheckedRow {
  /** The row's number as a spreadsheet shows it: the header is row 1, the first customer row 2. */
  rowNumber: number;
  /** The customer the row gives, or null when it is invalid. */
  data: CustomerData | null;
  /** {field: message}; empty for a valid row. */
  errors: Record<string, string>;
}

/** The fields the file holds: an update changes these and leaves the others as they are. */
export function mappedFields(options: ImportOptions): CustomerField[] {
  return CUSTOMER_FIELDS.filter((field) => options.mapping[field] !== null);
}

function rowInput(row: readonly string[], options: ImportOptions): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of mappedFields(options)) {
    const cell = row[options.mapping[field]!] ?? '';
    input[field] = field === 'dateOfBirth' ? toIsoDate(cell, options.dateFormat) : cell;
  }
  return input;
}

/** Rows checked between two turns of the event loop: the server answers other requests meanwhile. */
const ROWS_PER_TURN = 200;

function checkRow(
  row: readonly string[],
  options: ImportOptions,
  validate: (input: Record<string, unknown>) => CustomerData,
): Omit<CheckedRow, 'rowNumber'> {
  try {
    return { data: validate(rowInput(row, options)), errors: {} };
  } catch (error) {
    if (!(error instanceof FieldValidationError)) throw error;
    return { data: null, errors: { ...error.fieldErrors } };
  }
}

export async function checkRows(table: ImportTable, options: ImportOptions, today: Date): Promise<CheckedRow[]> {
  const context: CustomerRuleContext = { today, defaultPhoneRegion: options.phoneRegion };
  const validate = newCustomerValidator(context);
  const emailRows = new Map<string, number>();
  const phoneRows = new Map<string, number>();
  const checked: CheckedRow[] = [];
  for (const [index, row] of table.rows.entries()) {
    if (index % ROWS_PER_TURN === ROWS_PER_TURN - 1) await nextTurn();
    const rowNumber = index + 2;
    const { data, errors } = checkRow(row, options, validate);
    const emailRow = data ? emailRows.get(data.email) : undefined;
    const phoneRow = data ? phoneRows.get(data.phone) : undefined;
    if (emailRow !== undefined) errors.email = `The email ${data!.email} is also in row ${emailRow} of this file.`;
    if (phoneRow !== undefined)
      errors.phone = `The phone number ${formatPhone(data!.phone)} is also in row ${phoneRow} of this file.`;
    if (!data || emailRow !== undefined || phoneRow !== undefined) {
      checked.push({ rowNumber, data: null, errors });
      continue;
    }
    emailRows.set(data.email, rowNumber);
    phoneRows.set(data.phone, rowNumber);
    checked.push({ rowNumber, data, errors });
  }
  return checked;
}
