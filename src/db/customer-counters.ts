/**
 * The Home's customer counters (migration home_counters) recounted from the Customer table in one
 * pass, for a load that bypassed their triggers: the seed's bulk load of an empty SQLite table drops
 * its insert triggers for speed. SQLite only; PostgreSQL's triggers count whole statements anyway.
 */
export const SQLITE_RECOUNT_CUSTOMERS = `
  DELETE FROM "CustomersAddedPerQuarterHour";
  INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added")
    SELECT unixepoch("createdAt") / 900, COUNT(*) FROM "Customer" WHERE true GROUP BY 1;
  UPDATE "CustomerTotals"
    SET ("active", "deleted") = (SELECT COUNT(*) - COUNT("deletedAt"), COUNT("deletedAt") FROM "Customer")
    WHERE "id" = 1;`;
