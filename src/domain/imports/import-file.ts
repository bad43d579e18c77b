/**
 * Reads an uploaded import file — CSV as spreadsheets save it, or an XLSX workbook — into a header
 * and rows of text. Whatever the file, the answer is either the table or a FieldValidationError on
 * `file` saying in a sentence what is wrong with it: nothing in a file can make this throw otherwise.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { FieldValidationError } from '../errors.js';

export const IMPORT_FILE_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_FILE_TOO_LARGE = `The file is larger than 20 MB; split it into smaller files and import each.`;

export interface ImportTable {
  header: string[];
  /** Each row as many cells as the header (missing cells are ''). */
  rows: string[][];
}

const refuse = (message: string) => new FieldValidationError({ file: message });

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SEPARATORS = [',', ';', '\t'] as const;

export async function readImportFile(content: Buffer): Promise<ImportTable> {
  if (content.length > IMPORT_FILE_MAX_BYTES) throw refuse(IMPORT_FILE_TOO_LARGE);
  if (content.length === 0) throw refuse('The file is empty: it has no header row and no customers.');
  const cells = content.subarray(0, 4).equals(ZIP_SIGNATURE) ? await workbookCells(content) : csvCells(content);
  const [rawHeader, ...rawRows] = cells.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (!rawHeader) throw refuse('The file is empty: it has no header row and no customers.');
  const header = rawHeader.map((name) => name.trim());
  if (rawRows.length === 0) throw refuse('The file has a header row but no customers under it.');
  const rows = rawRows.map((row) => header.map((_, index) => row[index] ?? ''));
  return { header, rows };
}

/** Text of a CSV file: UTF-8 (with or without BOM) or, failing that, Windows-1252 as older Excel saves. */
function csvText(content: Buffer): string {
  // NUL never occurs in text; other C0 controls but tab, CR, LF in the first KiB neither.
  // eslint-disable-next-line no-control-regex -- control bytes are what tell a binary file
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f]/.test(content.subarray(0, 1024).toString('latin1')))
    throw refuse('This is not a CSV or XLSX file (it holds binary data). Save the spreadsheet as CSV or XLSX.');
  const body = content.subarray(0, 3).equals(UTF8_BOM) ? content.subarray(3) : content;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

/**
 * The separator of the header line: the one of `,` `;` tab that occurs most often outside quotes.
 * "First name;Last name;Email" → ";".
 */
export function detectSeparator(text: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((separator) => [separator, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

function csvCells(content: Buffer): string[][] {
  const text = csvText(content);
  try {
    const cells: string[][] = parse(text, {
      delimiter: detectSeparator(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    });
    return cells;
  } catch (error) {
    const line = (error as { lines?: unknown }).lines;
    throw refuse(
      `The CSV file could not be read${typeof line === 'number' ? ` (near line ${line})` : ''}: a quoted field is not closed. Check the quotes in the file.`,
    );
  }
}

/** The first worksheet's cells as text; a date cell as its calendar day, "1990-05-17". */
async function workbookCells(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw refuse('The XLSX file could not be opened: it is damaged or not an Excel workbook.');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('The workbook has no worksheet.');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell.value);
    });
    rows.push(Array.from(cells, (cell) => cell ?? ''));
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value);
}
