/**
 * Customer imports: upload a file and get its dry run, change the options and get it again, apply
 * it in the background, follow its progress, download its error report. The state is in the
 * CustomerImport table, so that every instance reads the same progress and only one applies it.
 */
import type { CustomerImport, Prisma, PrismaClient } from '@prisma/client';
import { assertCan, type Actor } from '../accounts/permissions.js';
import type { Clock } from '../clock.js';
import type { CustomerService } from '../customers/service.js';
import type { PhoneRegion } from '../customers/phone.js';
import { FieldValidationError, NotFoundError } from '../errors.js';
import { dryRun, type DryRunReport } from './dry-run.js';
import { createCheckedRowsCache } from './checked-rows-cache.js';
import { APPLY_BATCH, CLAIM_EXPIRES_MS, createImportApplier } from './import-apply.js';
import { readImportFile } from './import-file.js';
import { chosenOptions, proposeOptions, type ImportOptions } from './import-options.js';

export const IMPORT_STATUSES = ['uploaded', 'applying', 'done', 'failed', 'abandoned'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** An uploaded file not applied within this time is dropped. */
export const IMPORT_FILE_KEPT_MS = 24 * 60 * 60 * 1000;

export interface ImportServiceDeps {
  prisma: PrismaClient;
  clock: Clock;
  customers: CustomerService;
  defaultPhoneRegion: PhoneRegion;
  /** Rows per transaction of an apply. */
  batchSize?: number;
  /** An apply that stopped on an error: told here, since nobody awaits it. */
  onApplyError?: (error: unknown, importId: number) => void;
}

export interface CustomerImportView {
  id: number;
  fileName: string;
  status: ImportStatus;
  /** Applying, but its instance stopped renewing its claim: applying it again resumes it. */
  interrupted: boolean;
  createdAt: Date;
  createdById: number | null;
  finishedAt: Date | null;
  options: ImportOptions;
  report: DryRunReport;
  totalRows: number;
  appliedRows: number;
  result: { created: number; updated: number; skipped: number; failed: number };
  failure: string | null;
}

export interface ImportUpload {
  fileName: string;
  content: Buffer;
  /** Options over the proposed ones; see chosenOptions. */
  options?: unknown;
}

type ImportRecord = Omit<CustomerImport, 'content'>;
const withoutFile = { content: true } as const;

export type ImportService = ReturnType<typeof createImportService>;

export function createImportService(deps: ImportServiceDeps) {
  const { prisma, clock, defaultPhoneRegion, onApplyError = () => {} } = deps;
  const checkedRows = createCheckedRowsCache();
  const applyClaimed = createImportApplier({ ...deps, checkedRows, batchSize: deps.batchSize ?? APPLY_BATCH });

  function viewOf(record: ImportRecord): CustomerImportView {
    const expired = record.claimedAt !== null && clock().getTime() - record.claimedAt.getTime() > CLAIM_EXPIRES_MS;
    return {
      id: record.id,
      fileName: record.fileName,
      status: record.status as ImportStatus,
      interrupted: record.status === 'applying' && expired,
      createdAt: record.createdAt,
      createdById: record.createdById,
      finishedAt: record.finishedAt,
      options: record.options as unknown as ImportOptions,
      report: record.report as unknown as DryRunReport,
      totalRows: record.totalRows,
      appliedRows: record.appliedRows,
      result: { created: record.created, updated: record.updated, skipped: record.skipped, failed: record.failed },
      failure: record.failure,
    };
  }

  async function findRecord(id: number): Promise<ImportRecord> {
    const record = Number.isSafeInteger(id)
      ? await prisma.customerImport.findUnique({ where: { id }, omit: withoutFile })
      : null;
    if (!record) throw new NotFoundError('CustomerImport', id);
    return record;
  }

  /** Files of imports nobody applied (or that failed) within a day are not kept. */
  async function dropStaleFiles(): Promise<void> {
    const before = new Date(clock().getTime() - IMPORT_FILE_KEPT_MS);
    await prisma.customerImport.updateMany({
      where: { status: { in: ['uploaded', 'failed'] }, updatedAt: { lt: before } },
      data: { status: 'abandoned', content: null, updatedAt: clock() },
    });
  }

  /** The dry run's record fields, and what keeps its checked rows for the apply once the record is written. */
  async function preview(fileName: string, content: Buffer, input: unknown, proposedOver?: ImportOptions) {
    const table = await readImportFile(content);
    const proposed = proposeOptions(table, defaultPhoneRegion);
    const options = chosenOptions(input, proposedOver ?? proposed.options, table.header.length);
    const today = clock();
    const { report, errorReport, checked } = await dryRun(prisma, table, options, {
      today,
      detected: proposed.detected,
    });
    return {
      fields: {
        fileName,
        options: options as unknown as Prisma.InputJsonValue,
        report: report as unknown as Prisma.InputJsonValue,
        errorReport,
        totalRows: table.rows.length,
      },
      keepChecked: (importId: number) => checkedRows.keep(importId, options, today, checked),
    };
  }

  /** Runs the apply in this process; nobody awaits it, so its failure is recorded on the import. */
  function startApply(id: number, claim: Date, actor: Actor): void {
    applyClaimed(id, claim, actor).catch(async (error: unknown) => {
      onApplyError(error, id);
      await prisma.customerImport
        .updateMany({
          where: { id, status: 'applying', claimedAt: claim },
          data: {
            status: 'failed',
            claimedAt: null,
            updatedAt: clock(),
            failure: 'The import stopped because of a server error; apply it again to continue where it stopped.',
          },
        })
        .catch((recordError: unknown) => onApplyError(recordError, id));
    });
  }

  return {
    /** Reads the file and dry-runs it with the proposed options (or those given over them). */
    async upload(upload: ImportUpload, actor: Actor): Promise<CustomerImportView> {
      assertCan(actor, 'Customer', 'import');
      await dropStaleFiles();
      const prepared = await preview(upload.fileName, upload.content, upload.options);
      const now = clock();
      const record = await prisma.customerImport.create({
        data: {
          ...prepared.fields,
          status: 'uploaded',
          content: new Uint8Array(upload.content),
          createdById: actor.id,
          createdAt: now,
          updatedAt: now,
        },
        omit: withoutFile,
      });
      prepared.keepChecked(record.id);
      return viewOf(record);
    },

    /** Dry-runs the uploaded file again with other options (the mapping step). */
    async reconsider(id: number, options: unknown, actor: Actor): Promise<CustomerImportView> {
      assertCan(actor, 'Customer', 'import');
      const record = await prisma.customerImport.findUnique({ where: { id } });
      if (!record) throw new NotFoundError('CustomerImport', id);
      if (record.status !== 'uploaded' || !record.content) {
        throw new FieldValidationError({ import: 'This import was applied or dropped; upload the file again.' });
      }
      const current = record.options as unknown as ImportOptions;
      const prepared = await preview(record.fileName, Buffer.from(record.content), options, current);
      const updated = await prisma.customerImport.update({
        where: { id },
        data: { ...prepared.fields, updatedAt: clock() },
        omit: withoutFile,
      });
      prepared.keepChecked(id);
      return viewOf(updated);
    },

    /**
     * Starts applying in the background and returns at once. Applying again is harmless: a finished
     * import stays as it is, a running one goes on where it runs; a failed or interrupted one
     * (its claim expired) goes on from its first unapplied row.
     */
    async apply(id: number, actor: Actor): Promise<CustomerImportView> {
      assertCan(actor, 'Customer', 'import');
      const record = await findRecord(id);
      const report = record.report as unknown as DryRunReport;
      if (Object.keys(report.unmapped).length > 0) throw new FieldValidationError(report.unmapped);
      if (record.status === 'abandoned') {
        throw new FieldValidationError({ import: 'This import’s file is no longer kept; upload it again.' });
      }
      const claim = clock();
      const claimed = await prisma.customerImport.updateMany({
        where: {
          id,
          OR: [
            { status: { in: ['uploaded', 'failed'] } },
            { status: 'applying', claimedAt: { lt: new Date(claim.getTime() - CLAIM_EXPIRES_MS) } },
          ],
        },
        data: { status: 'applying', claimedAt: claim, updatedAt: claim, failure: null },
      });
      if (claimed.count === 1) startApply(id, claim, actor);
      return viewOf(await findRecord(id));
    },

    async find(id: number, actor: Actor): Promise<CustomerImportView> {
      assertCan(actor, 'Customer', 'import');
      return viewOf(await findRecord(id));
    },

    /** The dry run's invalid rows as CSV (empty when there are none), and a file name for it: "customers-errors.csv". */
    async errorReport(id: number, actor: Actor): Promise<{ fileName: string; csv: string }> {
      assertCan(actor, 'Customer', 'import');
      const record = Number.isSafeInteger(id)
        ? await prisma.customerImport.findUnique({ where: { id }, select: { fileName: true, errorReport: true } })
        : null;
      if (!record) throw new NotFoundError('CustomerImport', id);
      const base = record.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_') || 'import';
      return { fileName: `${base}-errors.csv`, csv: record.errorReport };
    },
  };
}
