/**
 * A customer export as an XLSX workbook, written with exceljs's streaming WorkbookWriter: one sheet,
 * a header row, dates as dates, the phone number as text, every text a string cell (never a
 * formula, whatever it starts with). Rows are committed as they are read, and reading waits
 * whenever the output has not taken what was written (the workbook writer itself does not wait).
 */
import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { pipeline } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { CustomerExport, ExportColumn, ExportColumnKind, ExportedCustomer } from './export.js';

const NUMBER_FORMATS: Record<ExportColumnKind, string | undefined> = {
  number: '0',
  text: undefined,
  // "@": the cell is text — a spreadsheet would otherwise turn +12015550123 into a number.
  phone: '@',
  date: 'yyyy-mm-dd',
  instant: 'yyyy-mm-dd hh:mm:ss',
};

const WIDTHS: Record<ExportColumnKind, number> = { number: 10, text: 24, phone: 18, date: 14, instant: 20 };

/**
 * A cell's value: numbers, strings and dates as themselves. Times are written in UTC (a cell has no
 * time zone), a date of birth as its calendar day.
 */
function xlsxValue(customer: ExportedCustomer, { field }: ExportColumn): string | number | Date | null {
  return customer[field];
}

/** A stream of Node's or of readable-stream 2 (archiver's), which keeps its state apart. */
type AnyWritable = NodeJS.EventEmitter & { writableNeedDrain?: boolean; _writableState?: { needDrain?: boolean } };

const needsDrain = (stream: AnyWritable) => stream.writableNeedDrain ?? stream._writableState?.needDrain ?? false;

/** Waits until `stream` has taken what it was given; false when `output` closed first (the client went away). */
async function drained(stream: AnyWritable, output: Writable): Promise<boolean> {
  if (needsDrain(stream) && !output.destroyed) {
    const stop = new AbortController();
    try {
      await Promise.race([
        once(stream, 'drain', { signal: stop.signal }),
        once(output, 'close', { signal: stop.signal }),
      ]);
    } finally {
      stop.abort();
    }
  }
  return !output.destroyed;
}

/**
 * Waits until the rows committed so far are compressed and the output has room: false when the
 * output closed first. A batch's rows are committed without a pause (a SQLite read resolves
 * without one either), so the zip's compression, which runs off the main thread, is given a turn
 * here; and exceljs's sheet stream writes into the zip's input without heeding its backpressure, so
 * that input (the sheet stream's pipes: internal to exceljs, hence read defensively) is waited for
 * until it drains. Without this, the whole sheet piled up in memory before it was compressed.
 */
async function compressedAndSent(sheet: ExcelJS.Worksheet, zipped: PassThrough): Promise<boolean> {
  await setImmediate();
  const { pipes = [] } = (sheet as unknown as { stream?: { pipes?: AnyWritable[] } }).stream ?? {};
  for (const pipe of pipes) if (!(await drained(pipe, zipped))) return false;
  return drained(zipped, zipped);
}

/** Writes the workbook into `zipped`, stopping when the output closed before the end. */
async function writeWorkbook(run: CustomerExport, zipped: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Customers', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = run.columns.map((column) => ({
    header: column.header,
    key: column.field,
    width: WIDTHS[column.kind],
    style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of run.batches()) {
    for (const customer of batch) sheet.addRow(run.columns.map((column) => xlsxValue(customer, column))).commit();
    if (!(await compressedAndSent(sheet, zipped))) return;
  }
  sheet.commit();
  await workbook.commit();
}

export async function writeXlsx(run: CustomerExport, output: Writable): Promise<void> {
  // The workbook writes into `zipped`, whose buffer fills when the output is slower than the
  // export: reading then waits for it to drain.
  const zipped = new PassThrough();
  const delivered = pipeline(zipped, output);
  // Awaited below; until then a client going away must not be an unhandled rejection.
  delivered.catch(() => undefined);
  try {
    await writeWorkbook(run, zipped);
  } catch (error) {
    // The output is cut off rather than ended: a file missing its end is not taken for whole.
    zipped.destroy(error instanceof Error ? error : new Error(String(error)));
  }
  await delivered;
}
