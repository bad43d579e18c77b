/**
 * Each row of an import file checked as a new customer by the customer rules (the form's messages),
 * then against the rows above it: an email or phone number a file gives twice would make the
 * second row fail, or silently win, so the second is reported instead.
 */
import { FieldValidationError } from '../errors.js';
import {
  CUSTOMER_FIELDS,
  validateNewCustomer,
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

function checkRow(
  row: readonly string[],
  options: ImportOptions,
  context: CustomerRuleContext,
): Omit<CheckedRow, 'rowNumber'> {
  try {
    return { data: validateNewCustomer(rowInput(row, options), context), errors: {} };
  } catch (error) {
    if (!(error instanceof FieldValidationError)) throw error;
    return { data: null, errors: { ...error.fieldErrors } };
  }
}

export function checkRows(table: ImportTable, options: ImportOptions, today: Date): CheckedRow[] {
  const context: CustomerRuleContext = { today, defaultPhoneRegion: options.phoneRegion };
  const emailRows = new Map<string, number>();
  const phoneRows = new Map<string, number>();
  return table.rows.map((row, index) => {
    const rowNumber = index + 2;
    const { data, errors } = checkRow(row, options, context);
    if (!data) return { rowNumber, data, errors };
    const emailRow = emailRows.get(data.email);
    const phoneRow = phoneRows.get(data.phone);
    if (emailRow !== undefined) errors.email = `The email ${data.email} is also in row ${emailRow} of this file.`;
    if (phoneRow !== undefined)
      errors.phone = `The phone number ${formatPhone(data.phone)} is also in row ${phoneRow} of this file.`;
    if (emailRow !== undefined || phoneRow !== undefined) return { rowNumber, data: null, errors };
    emailRows.set(data.email, rowNumber);
    phoneRows.set(data.phone, rowNumber);
    return { rowNumber, data, errors };
  });
}
