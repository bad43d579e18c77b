/**
 * A record's History: its audit entries, newest first, as sentences (audit-sentences.ts), a page at
 * a time — Django's object history, shown on the record's own page. Who may read it is the matrix's
 * `history` cell of the record's resource (STAFF may read a customer's, not the audit log).
 */
import type { PrismaClient } from '@prisma/client';
import { assertCan, type Actor } from '../accounts/permissions.js';
import { describeEntry, type DescribedEntry } from './audit-sentences.js';

export const HISTORY_PAGE_SIZE = 20;

export interface HistoryPage {
  entries: DescribedEntry[];
  /** Older entries exist: ask again with `before` = the last entry's id. */
  hasMore: boolean;
}

export function createRecordHistory(prisma: PrismaClient) {
  return {
    async page(
      resource: 'Customer' | 'User',
      recordId: number,
      actor: Actor,
      { before, take = HISTORY_PAGE_SIZE }: { before?: number; take?: number } = {},
    ): Promise<HistoryPage> {
      assertCan(actor, resource, 'history');
      const found = await prisma.auditLog.findMany({
        where: { resource, recordId: String(recordId) },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        ...(before !== undefined && Number.isSafeInteger(before) ? { cursor: { id: before }, skip: 1 } : {}),
        take: take + 1,
        include: { actor: { select: { name: true } } },
      });
      return { entries: found.slice(0, take).map(describeEntry), hasMore: found.length > take };
    },
  };
}

export type RecordHistory = ReturnType<typeof createRecordHistory>;
