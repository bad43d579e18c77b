/**
 * Export of a customer list: exactly the rows a list shows with the same criteria and sort (the
 * rules of query.ts), every page of it, read in keyset-ordered batches (list-keyset.ts) so that a
 * million rows never sit in memory, and one `export` audit entry saying who exported what — never
 * the data. The file formats are export-csv.ts and export-xlsx.ts; see decision 023.
 */
import { Prisma, type Customer, type PrismaClient } from '@prisma/client';
import { customerSearchCondition } from '../../db/customer-search-index.js';
import { providerOf } from '../../db/provider.js';
import { assertCan, type Actor } from '../accounts/permissions.js';
import { recordAudit, type Changes } from '../audit/audit-log.js';
import { isAcceptableText, WORDS } from '../text.js';
import type { Clock } from '../clock.js';
import { customerRowsAfter, type NullOrder } from './list-keyset.js';
import {
  customerConditions,
  customerOrder,
  customerSortOf,
  type CustomerListCriteria,
  type CustomerSort,
} from './query.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** Rows read per query: large enough that a query's cost is spread, small enough to hold in memory. */
export const EXPORT_BATCH_SIZE = 1_000;

export type ExportedCustomer = Omit<Customer, 'searchText' | 'createdById' | 'updatedById'>;

/** How a column's values are written: text, a number, a calendar date, an instant, or a phone number (text). */
export type ExportColumnKind = 'number' | 'text' | 'phone' | 'date' | 'instant';

export interface ExportColumn {
  field: keyof ExportedCustomer;
  /** The panel's label for the field, so that a file exported here imports back with its headers. */
  header: string;
  kind: ExportColumnKind;
}

const COLUMNS: readonly ExportColumn[] = [
  { field: 'id', header: 'ID', kind: 'number' },
  { field: 'firstName', header: 'First name', kind: 'text' },
  { field: 'lastName', header: 'Last name', kind: 'text' },
  { field: 'email', header: 'Email', kind: 'text' },
  { field: 'phone', header: 'Phone', kind: 'phone' },
  { field: 'dateOfBirth', header: 'Date of birth', kind: 'date' },
  { field: 'notes', header: 'Notes', kind: 'text' },
  { field: 'createdAt', header: 'Created', kind: 'instant' },
  { field: 'updatedAt', header: 'Updated', kind: 'instant' },
  { field: 'deletedAt', header: 'Deleted', kind: 'instant' },
];

/** The columns of a list's export: "Deleted" only when the list can hold deleted customers. */
export function exportColumns(criteria: CustomerListCriteria): readonly ExportColumn[] {
  const withDeleted = (criteria.status ?? 'active') !== 'active';
  return withDeleted ? COLUMNS : COLUMNS.filter((column) => column.field !== 'deletedAt');
}

const SELECTED = Prisma.raw(COLUMNS.map(({ field }) => `"${field}"`).join(', '));

export interface ExportRequest {
  criteria: CustomerListCriteria;
  sortBy?: string;
  direction?: 'asc' | 'desc';
  format: ExportFormat;
}

/** An export under way: what the file is called and holds, and its rows, read as they are written. */
export interface CustomerExport {
  format: ExportFormat;
  /** "customers-2026-12-01.csv": the day of the export, in UTC. */
  fileName: string;
  columns: readonly ExportColumn[];
  /**
   * The rows, batch by batch. When the reading stops — at the end, or because the writer gave up
   * (the client went away) — the export's audit entry is written with the rows read.
   */
  batches(): AsyncGenerator<ExportedCustomer[]>;
}

const UNREADABLE_SEARCH = '(not searchable text)';

/** What the audit entry says about the export: the list it exported, not the data. */
function auditChanges(request: ExportRequest, sort: CustomerSort, rows: number, complete: boolean): Changes {
  const { search, status = 'active', createdFrom, createdTo } = request.criteria;
  const searched = search?.trim() || undefined;
  const given: Record<string, unknown> = {
    format: request.format,
    rows,
    // A search the list could not read (control characters: it finds no one) is named, never stored.
    search: searched === undefined || isAcceptableText(searched, WORDS) ? searched : UNREADABLE_SEARCH,
    status,
    createdFrom: createdFrom?.toISOString(),
    createdTo: createdTo?.toISOString(),
    sort: `${sort.field} ${sort.direction}`,
    // Only said when the file was cut short: the client went away or the database failed.
    complete: complete ? undefined : false,
  };
  return Object.fromEntries(
    Object.entries(given)
      .filter(([, value]) => value !== undefined)
      .map(([field, value]) => [field, [null, value]]),
  );
}

export function createCustomerExport({ prisma, clock }: { prisma: PrismaClient; clock: Clock }) {
  const searchCondition = customerSearchCondition(prisma);
  const nullOrder: NullOrder = providerOf(prisma) === 'sqlite' ? 'smallest' : 'largest';

  function batch(request: ExportRequest, sort: CustomerSort, last: ExportedCustomer | undefined) {
    const conditions = customerConditions(request.criteria, searchCondition);
    const after = last ? Prisma.sql` AND ${customerRowsAfter(last, sort, nullOrder)}` : Prisma.empty;
    return prisma.$queryRaw<ExportedCustomer[]>(Prisma.sql`
      SELECT ${SELECTED} FROM "Customer" WHERE ${conditions}${after}
      ORDER BY ${customerOrder(sort.field, sort.direction)} LIMIT ${EXPORT_BATCH_SIZE}`);
  }

  return {
    /** Checks that the actor may export; nothing is read until the batches are. */
    start(request: ExportRequest, actor: Actor): CustomerExport {
      assertCan(actor, 'Customer', 'export');
      const sort = customerSortOf(request.sortBy, request.direction);
      return {
        format: request.format,
        fileName: `customers-${clock().toISOString().slice(0, 10)}.${request.format}`,
        columns: exportColumns(request.criteria),
        async *batches() {
          let rows = 0;
          let complete = false;
          try {
            let last: ExportedCustomer | undefined;
            for (;;) {
              const found = await batch(request, sort, last);
              rows += found.length;
              if (found.length > 0) yield found;
              if (found.length < EXPORT_BATCH_SIZE) break;
              last = found[found.length - 1];
            }
            complete = true;
          } finally {
            await recordAudit(prisma, clock, {
              actorId: actor.id,
              action: 'export',
              resource: 'Customer',
              changes: auditChanges(request, sort, rows, complete),
            });
          }
        },
      };
    },
  };
}

export type CustomerExportService = ReturnType<typeof createCustomerExport>;
