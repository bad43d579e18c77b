/**
 * The total a customer list shows with every page ("1–20 of 1,000,000").
 *
 * The rule:
 * - A filtered list — a search, a creation-date range, or the Deleted status — is counted exactly,
 *   every time. Its conditions narrow the rows to read (search index, createdAt, deletedAt), and
 *   its number must be right.
 * - The unfiltered list (status Active or All) is counted exactly while the count is below
 *   LARGE_LIST_MIN: a small table is cheap to count and is never shown a wrong number.
 * - From LARGE_LIST_MIN on, its exact count is reused for TOTAL_REUSE_MS (counting a million rows
 *   costs more than the rest of the page), and forgotten as soon as this process creates, deletes or
 *   restores a customer. It can then lag behind changes made by other app instances (or directly
 *   in the database) for at most TOTAL_REUSE_MS — a difference of a few on a list of thousands.
 */
import type { Clock } from '../clock.js';
import { isSearched, type CustomerListCriteria, type CustomerStatus } from './query.js';

export const LARGE_LIST_MIN = 10_000;
export const TOTAL_REUSE_MS = 60_000;

/** The status of a list without filters, whose total may be reused; null for a filtered list. */
export function unfilteredStatus(criteria: CustomerListCriteria): CustomerStatus | null {
  const status = criteria.status ?? 'active';
  if (isSearched(criteria) || criteria.createdFrom || criteria.createdTo || status === 'deleted') return null;
  return status;
}

export interface ListTotals {
  /** The total of the list `criteria` describe; `countExactly` counts it in the database. */
  total(criteria: CustomerListCriteria, countExactly: () => Promise<number>): Promise<number>;
  /** After a change to which customers exist or are deleted. */
  forget(): void;
}

export function createListTotals(clock: Clock): ListTotals {
  const reusable = new Map<CustomerStatus, { total: number; countedAt: number }>();
  const counting = new Map<CustomerStatus, Promise<number>>();
  // A count that started before a change must not be kept after it.
  let changes = 0;

  async function countAndKeep(status: CustomerStatus, countExactly: () => Promise<number>): Promise<number> {
    const changesBefore = changes;
    const total = await countExactly();
    if (total >= LARGE_LIST_MIN && changes === changesBefore)
      reusable.set(status, { total, countedAt: clock().getTime() });
    return total;
  }

  return {
    async total(criteria, countExactly) {
      const status = unfilteredStatus(criteria);
      if (status === null) return countExactly();
      const kept = reusable.get(status);
      if (kept && clock().getTime() - kept.countedAt < TOTAL_REUSE_MS) return kept.total;
      reusable.delete(status);
      // Concurrent requests for the same list share one count.
      const running = counting.get(status);
      if (running) return running;
      const pending: Promise<number> = countAndKeep(status, countExactly).finally(() => {
        if (counting.get(status) === pending) counting.delete(status);
      });
      counting.set(status, pending);
      return pending;
    },
    forget() {
      changes += 1;
      reusable.clear();
      counting.clear();
    },
  };
}
