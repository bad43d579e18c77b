/**
 * The dry run of an import: every row checked and decided exactly as the apply would, nothing
 * written. Its counts, first errors and error report are what the preview shows; its checked rows
 * are kept for the apply (checked-rows-cache.ts).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PrismaClient } from '@prisma/client';
import { providerOf } from '../../db/provider.js';
import { unmappedFieldErrors } from './column-mapping.js';
import { errorReportCsv, firstRowErrors, type RowError, type RowErrors } from './error-report.js';
import { decideRows, LOOKUP_BATCH } from './import-decisions.js';
import type { ImportTable } from './import-file.js';
import type { Detected, ImportOptions } from './import-options.js';
import { checkRows, mappedFields, type CheckedRow } from './import-rows.js';

export interface DryRunCounts {
  toCreate: number;
  toUpdate: number;
  invalid: number;
  unchanged: number;
}

export interface DryRunReport {
  header: string[];
  detected: Detected;
  /** {field: message} for required fields without a column: the import cannot be applied. */
  unmapped: Record<string, string>;
  counts: DryRunCounts;
  firstErrors: RowError[];
}

export async function dryRun(
  prisma: PrismaClient,
  table: ImportTable,
  options: ImportOptions,
  context: { today: Date; detected: Detected },
): Promise<{ report: DryRunReport; errorReport: string; checked: CheckedRow[] }> {
  const counts: DryRunCounts = { toCreate: 0, toUpdate: 0, invalid: 0, unchanged: 0 };
  const unmapped = unmappedFieldErrors(options.mapping);
  const base = { header: table.header, detected: context.detected, unmapped };
  if (Object.keys(unmapped).length > 0)
    return { report: { ...base, counts, firstErrors: [] }, errorReport: '', checked: [] };

  const checked = await checkRows(table, options, context.today);
  const invalid: RowErrors[] = [];
  const decisionOptions = {
    provider: providerOf(prisma),
    updateExisting: options.updateExisting,
    fields: mappedFields(options),
  };
  for (let start = 0; start < checked.length; start += LOOKUP_BATCH) {
    // A turn of the event loop per lookup: on SQLite the lookups complete synchronously, and other
    // requests would wait for the whole dry run (see import-apply.ts).
    await nextTurn();
    for (const decision of await decideRows(prisma, checked.slice(start, start + LOOKUP_BATCH), decisionOptions)) {
      if (decision.kind === 'create') counts.toCreate += 1;
      else if (decision.kind === 'update') counts.toUpdate += 1;
      else if (decision.kind === 'unchanged') counts.unchanged += 1;
      else {
        counts.invalid += 1;
        invalid.push(decision);
      }
    }
  }
  return {
    report: { ...base, counts, firstErrors: firstRowErrors(invalid) },
    errorReport: errorReportCsv(table.header, table.rows, invalid),
    checked,
  };
}
