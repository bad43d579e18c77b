/**
 * A customer export as CSV: UTF-8 with a byte order mark (so that spreadsheets read accents right),
 * RFC 4180 quoting and CRLF line ends (csv-stringify), text that a spreadsheet would run as a formula
 * neutralised (spreadsheet-formulas.ts). Rows are pulled from the export only as fast as the output
 * takes them (stream.pipeline's backpressure).
 */
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { CustomerExport, ExportColumn, ExportedCustomer } from './export.js';
import { neutraliseFormula } from '../spreadsheet-formulas.js';

/**
 * One cell as text. Dates are ISO 8601 (a date of birth as 1990-05-17, times in UTC). The phone is
 * E.164 as stored — "+" and digits only, which no spreadsheet runs as more than a number — so it is
 * left as is: neutralised, every number would read "'+12015550123".
 */
export function csvCell(customer: ExportedCustomer, { field, kind }: ExportColumn): string {
  const value = customer[field];
  if (value === null) return '';
  if (value instanceof Date) return kind === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (kind === 'text') return neutraliseFormula(String(value));
  return String(value);
}

async function* csvRecords(
  columns: CustomerExport['columns'],
  batches: AsyncIterable<ExportedCustomer[]>,
): AsyncGenerator<string[]> {
  for await (const batch of batches) {
    for (const customer of batch) yield columns.map((column) => csvCell(customer, column));
  }
}

export async function writeCsv(run: CustomerExport, output: Writable): Promise<void> {
  const csv = stringify({
    bom: true,
    header: true,
    columns: run.columns.map(({ header }) => header),
    record_delimiter: 'windows',
    // RFC 4180 quotes a field holding a line break; csv-stringify on its own misses a lone CR.
    quoted_match: /[\r\n]/,
  });
  const batches = run.batches();
  try {
    await pipeline(Readable.from(csvRecords(run.columns, batches)), csv, output);
  } finally {
    // A pipeline cut short ends its source without waiting for it: wait here until the reading has
    // stopped and its audit entry is written.
    await batches.return(undefined);
  }
}
