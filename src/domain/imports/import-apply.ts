/**
 * Applying a claimed import, batch after batch. Each batch is one transaction: the rows decided
 * against the database as it is then, the customers and their audit entries written through the
 * customer service, and the import's progress and counts — so after a crash the import says
 * exactly what was written, and applying it again goes on from the next row. The claim (claimedAt)
 * is renewed with every batch; a batch whose claim was taken over by another instance (after it
 * expired) writes nothing. The rows come checked from the dry run when this instance still has them
 * (checked-rows-cache.ts); only their decisions are made again, against the database of the batch.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { PrismaClient } from '@prisma/client';
import type { Actor } from '../accounts/permissions.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Clock } from '../clock.js';
import type { CustomerService, ImportedBatch } from '../customers/service.js';
import { providerOf } from '../../db/provider.js';
import { uniqueViolationFields } from '../../db/unique-violation.js';
import type { CheckedRowsCache } from './checked-rows-cache.js';
import { decideRows, LOOKUP_BATCH, type RowDecision } from './import-decisions.js';
import { readImportFile } from './import-file.js';
import type { ImportOptions } from './import-options.js';
import { checkRows, mappedFields, type CheckedRow } from './import-rows.js';

/**
 * Rows per transaction by default. Measured (bench/import.ts, and the batches alone): the time a row
 * costs is nearly all in its writes — the customer with its search index and counters, and its audit
 * entry — so 200 rows go as fast as 400 a row while another request's transaction waits half as long.
 */
export const APPLY_BATCH = 200;

/** A claim not renewed for this long is taken to be dead: its process stopped mid-way. */
export const CLAIM_EXPIRES_MS = 60_000;

/** A batch taking longer than this (SQLite's lock held) is abandoned and retried by resuming. */
const BATCH_TIMEOUT_MS = 60_000;

/** A batch that lost a race for an email (someone created it meanwhile) is decided again. */
const ATTEMPTS = 3;

class ClaimLost extends Error {}

export interface ApplierDeps {
  prisma: PrismaClient;
  clock: Clock;
  customers: CustomerService;
  checkedRows: CheckedRowsCache;
  /** Rows per transaction: fewer hold the database lock for less time, more go faster. */
  batchSize: number;
}

function batchOf(decisions: readonly RowDecision[]): ImportedBatch & { skipped: number; failed: number } {
  const batch = { creates: [], updates: [], skipped: 0, failed: 0 } as ImportedBatch & {
    skipped: number;
    failed: number;
  };
  for (const decision of decisions) {
    if (decision.kind === 'create') batch.creates.push(decision.data);
    else if (decision.kind === 'update') batch.updates.push(decision);
    else if (decision.kind === 'unchanged') batch.skipped += 1;
    else batch.failed += 1;
  }
  return batch;
}

export function createImportApplier({ prisma, clock, customers, checkedRows, batchSize }: ApplierDeps) {
  const size = Math.min(Math.max(1, batchSize), LOOKUP_BATCH);
  const provider = providerOf(prisma);

  /** One batch and the progress after it; returns the renewed claim. */
  async function applyBatch(
    id: number,
    claim: Date,
    rows: readonly CheckedRow[],
    options: ImportOptions,
    actor: Actor,
  ): Promise<Date> {
    const renewed = clock();
    await prisma.$transaction(
      async (tx) => {
        const decisions = await decideRows(tx, rows, {
          provider,
          updateExisting: options.updateExisting,
          fields: mappedFields(options),
        });
        const batch = batchOf(decisions);
        await customers.writeImported(tx, batch, id, actor);
        const progress = await tx.customerImport.updateMany({
          where: { id, status: 'applying', claimedAt: claim },
          data: {
            appliedRows: { increment: rows.length },
            created: { increment: batch.creates.length },
            updated: { increment: batch.updates.length },
            skipped: { increment: batch.skipped },
            failed: { increment: batch.failed },
            claimedAt: renewed,
            updatedAt: renewed,
          },
        });
        if (progress.count === 0) throw new ClaimLost();
      },
      { timeout: BATCH_TIMEOUT_MS, maxWait: BATCH_TIMEOUT_MS },
    );
    return renewed;
  }

  /**
   * Applies the import from its first unapplied row, under the claim `claim` (its claimedAt).
   * Returns false when another instance took the claim over.
   */
  return async function applyClaimed(id: number, claim: Date, actor: Actor): Promise<boolean> {
    const record = await prisma.customerImport.findUniqueOrThrow({ where: { id }, omit: { content: true } });
    const options = record.options as unknown as ImportOptions;
    const today = clock();
    const checked = checkedRows.find(id, options, today) ?? (await checkFile(id, options, today));
    let current = claim;
    try {
      for (let start = record.appliedRows; start < checked.length; start += size) {
        // On SQLite every query of a batch completes synchronously, so one batch follows the other
        // without the event loop ever getting to the requests that came in meanwhile: they would
        // wait for the whole apply. A turn of the loop between batches answers them.
        await nextTurn();
        const rows = checked.slice(start, start + size);
        for (let attempt = 1; ; attempt += 1) {
          try {
            current = await applyBatch(id, current, rows, options, actor);
            break;
          } catch (error) {
            if (attempt === ATTEMPTS || uniqueViolationFields(error) === null) throw error;
          }
        }
      }
    } catch (error) {
      if (error instanceof ClaimLost) return false;
      throw error;
    }
    await finish(id, current, actor);
    checkedRows.forget(id);
    return true;
  };

  async function checkFile(id: number, options: ImportOptions, today: Date): Promise<readonly CheckedRow[]> {
    const { content } = await prisma.customerImport.findUniqueOrThrow({ where: { id }, select: { content: true } });
    return checkRows(await readImportFile(Buffer.from(content ?? [])), options, today);
  }

  /** Done: the file is dropped, and one audit entry says what the import did. */
  async function finish(id: number, claim: Date, actor: Actor): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const now = clock();
      const done = await tx.customerImport.updateMany({
        where: { id, status: 'applying', claimedAt: claim },
        data: { status: 'done', finishedAt: now, updatedAt: now, claimedAt: null, content: null },
      });
      if (done.count === 0) return;
      const record = await tx.customerImport.findUniqueOrThrow({ where: { id }, omit: { content: true } });
      await recordAudit(tx, clock, {
        actorId: actor.id,
        action: 'import',
        resource: 'CustomerImport',
        recordId: id,
        changes: {
          fileName: [null, record.fileName],
          created: [null, record.created],
          updated: [null, record.updated],
          skipped: [null, record.skipped],
          failed: [null, record.failed],
        },
        importId: id,
      });
    });
  }
}
