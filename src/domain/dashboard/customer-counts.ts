/**
 * The Home's customer numbers, read from counters the database keeps with every write to Customer
 * (triggers of migration home_counters, whoever writes: the services, the seed, a script): one row
 * of totals and the customers created per UTC quarter-hour. Every time zone's midnight falls on a
 * quarter-hour, so a local day is a whole number of them. A Home reads at most a few thousand small
 * rows however many customers there are — no count over the Customer table. See
 * docs/decisions/ (home counters).
 */
import { Prisma, type PrismaClient } from '@prisma/client';

const QUARTER_HOUR_MS = 15 * 60 * 1000;

/** The quarter-hour an instant starts (a bound not on a quarter-hour rounds up: no earlier customer counts). */
export const quarterHourOf = (instant: Date): number => Math.ceil(instant.getTime() / QUARTER_HOUR_MS);

export interface CustomerTotals {
  active: number;
  deleted: number;
}

const toNumber = (value: bigint | number | null | undefined) => Number(value ?? 0);

export function createCustomerCounts(prisma: PrismaClient) {
  return {
    async totals(): Promise<CustomerTotals> {
      const [row] = await prisma.$queryRaw<Array<{ active: bigint | number; deleted: bigint | number }>>(
        Prisma.sql`SELECT "active", "deleted" FROM "CustomerTotals" WHERE "id" = 1`,
      );
      return { active: toNumber(row?.active), deleted: toNumber(row?.deleted) };
    },

    /** Customers created from each of `starts` up to `end` (deleted since or not), summed in one pass. */
    async addedSince(starts: Date[], end: Date): Promise<number[]> {
      const sums = starts.map(
        (start, i) =>
          Prisma.sql`COALESCE(SUM(CASE WHEN "quarterHour" >= ${quarterHourOf(start)} THEN "added" END), 0) AS ${Prisma.raw(`"since${i}"`)}`,
      );
      const [row] = await prisma.$queryRaw<Array<Record<string, bigint | number>>>(Prisma.sql`
        SELECT ${Prisma.join(sums, ', ')} FROM "CustomersAddedPerQuarterHour"
        WHERE "quarterHour" >= ${Math.min(...starts.map(quarterHourOf))} AND "quarterHour" < ${quarterHourOf(end)}`);
      return starts.map((_, i) => toNumber(row?.[`since${i}`]));
    },

    /** Customers created between consecutive bounds: n + 1 bounds give n numbers. */
    async addedBetween(bounds: Date[]): Promise<number[]> {
      const spans = bounds.slice(0, -1).map((start, i) => [i, quarterHourOf(start), quarterHourOf(bounds[i + 1]!)]);
      if (spans.length === 0) return [];
      // The spans as a table (CAST: PostgreSQL would type a bare parameter in VALUES as text).
      const rows = spans.map(
        (span) => Prisma.sql`(${Prisma.join(span.map((n) => Prisma.sql`CAST(${n} AS INTEGER)`))})`,
      );
      const found = await prisma.$queryRaw<Array<{ span: bigint | number; added: bigint | number }>>(Prisma.sql`
        WITH "spans" ("span", "fromQuarterHour", "toQuarterHour") AS (VALUES ${Prisma.join(rows)})
        SELECT s."span" AS "span", SUM(c."added") AS "added"
        FROM "spans" s JOIN "CustomersAddedPerQuarterHour" c
          ON c."quarterHour" >= s."fromQuarterHour" AND c."quarterHour" < s."toQuarterHour"
        GROUP BY s."span"`);
      const added = spans.map(() => 0);
      for (const { span, added: count } of found) added[Number(span)] = toNumber(count);
      return added;
    },
  };
}
