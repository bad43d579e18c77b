/**
 * The checked rows of the latest dry runs, kept in this process for the apply that usually follows
 * on the same instance: the apply then neither reads the file again nor checks every row a second
 * time (a tenth of a millisecond a row: 10 s of a 100,000-row file). An entry holds for the
 * options and the day it was checked with (ages are computed on the day); an instance without it —
 * another one, or this one restarted after a crash — checks the file again, with the same outcome.
 * Each row is still decided against the database inside its batch's transaction.
 */
import { CUSTOMER_FIELDS } from '../customers/validation.js';
import type { ImportOptions } from './import-options.js';
import type { CheckedRow } from './import-rows.js';

/** Files kept at once: a 100,000-row file's checked rows take some 40 MB. */
const FILES_KEPT = 2;

/**
 * What the checks depend on: the day, the columns and how dates and phones are read. Not a
 * JSON.stringify of the options: PostgreSQL gives the stored options back with their keys reordered.
 */
function keyOf({ mapping, dateFormat, phoneRegion }: ImportOptions, today: Date): string {
  const columns = CUSTOMER_FIELDS.map((field) => mapping[field]);
  return JSON.stringify([today.toISOString().slice(0, 10), columns, dateFormat, phoneRegion]);
}

export type CheckedRowsCache = ReturnType<typeof createCheckedRowsCache>;

export function createCheckedRowsCache() {
  const entries = new Map<number, { key: string; rows: readonly CheckedRow[] }>();
  return {
    keep(importId: number, options: ImportOptions, today: Date, rows: readonly CheckedRow[]): void {
      entries.delete(importId);
      entries.set(importId, { key: keyOf(options, today), rows });
      for (const oldest of entries.keys()) {
        if (entries.size <= FILES_KEPT) break;
        entries.delete(oldest);
      }
    },

    /** The rows kept for the import, if they were checked with these options on this day. */
    find(importId: number, options: ImportOptions, today: Date): readonly CheckedRow[] | undefined {
      const entry = entries.get(importId);
      return entry?.key === keyOf(options, today) ? entry.rows : undefined;
    },

    forget(importId: number): void {
      entries.delete(importId);
    },
  };
}
