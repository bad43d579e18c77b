/**
 * Writes Customer.searchText for many customers in one statement (the rows handed over as JSON):
 * filling it for a million existing customers one update at a time would take a quarter of an hour.
 * updatedAt is left alone: this is no change anyone made.
 */
import { Prisma, type PrismaClient } from '@prisma/client';
import { providerOf } from './provider.js';

export async function updateSearchTexts(
  prisma: PrismaClient,
  rows: Array<{ id: number; searchText: string }>,
): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows);
  await prisma.$executeRaw(
    providerOf(prisma) === 'sqlite'
      ? Prisma.sql`UPDATE "Customer" SET "searchText" = "row".value ->> 'searchText' FROM json_each(${json}) AS "row" WHERE "Customer"."id" = "row".value ->> 'id'`
      : Prisma.sql`UPDATE "Customer" SET "searchText" = "row"."searchText" FROM json_to_recordset(${json}::json) AS "row"("id" integer, "searchText" text) WHERE "Customer"."id" = "row"."id"`,
  );
}
