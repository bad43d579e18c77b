/**
 * Writing an export to a stream in its format, and the media type of each format: the one entry
 * point of the API and the panel. A client that goes away mid-way ends the writing quietly (the
 * audit entry says the file was cut short); any other failure is thrown.
 */
import type { Writable } from 'node:stream';
import type { CustomerExport, ExportFormat } from './export.js';
import { writeCsv } from './export-csv.js';
import { writeXlsx } from './export-xlsx.js';

export const EXPORT_MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const WRITERS = { csv: writeCsv, xlsx: writeXlsx } satisfies Record<ExportFormat, unknown>;

function isClosedEarly(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_STREAM_PREMATURE_CLOSE';
}

export async function writeExportFile(run: CustomerExport, output: Writable): Promise<void> {
  try {
    await WRITERS[run.format](run, output);
  } catch (error) {
    if (!isClosedEarly(error)) throw error;
  }
}
