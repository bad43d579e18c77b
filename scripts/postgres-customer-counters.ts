/**
 * PostgreSQL's triggers for the Home's customer counters (the models after a `// @customer-counters`
 * line in prisma/schema.prisma, see src/domain/dashboard/customer-counts.ts): SQL the datamodel
 * cannot say, added by postgres-migration.ts to the migration that creates them. SQLite's are
 * written by hand in its migration home_counters.
 */

/** Whether the schema has the counters (a `// @customer-counters` comment line). */
export function hasCustomerCounters(schema: string): boolean {
  return /^\/\/ @customer-counters\b/m.test(schema);
}

export const CUSTOMER_COUNTERS_SQL = `-- The Home's counters (src/domain/dashboard/customer-counts.ts), kept by triggers with every write
-- to Customer, whoever makes it: a customer counts in the UTC quarter-hour of its createdAt, and as
-- active or deleted. Inserts and deletes are counted once per statement (a seed batch of 10,000
-- rows updates each counter row once). Writers lock the quarter-hour rows in order and the totals
-- row last, so that concurrent writers queue instead of deadlocking.
INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added")
    SELECT floor(extract(epoch FROM "createdAt") / 900)::integer, COUNT(*) FROM "Customer" GROUP BY 1;
INSERT INTO "CustomerTotals" ("id", "active", "deleted")
    SELECT 1, COUNT(*) - COUNT("deletedAt"), COUNT("deletedAt") FROM "Customer";

-- Adds (INSERT) or takes away (DELETE) the customers of the statement's transition table "changed".
CREATE OR REPLACE FUNCTION "customer_counters_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    sign integer := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
    active_rows integer;
    deleted_rows integer;
BEGIN
    SELECT COUNT(*) - COUNT("deletedAt"), COUNT("deletedAt") INTO active_rows, deleted_rows FROM "changed";
    IF active_rows + deleted_rows = 0 THEN
        RETURN NULL;
    END IF;
    INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added")
        SELECT floor(extract(epoch FROM "createdAt") / 900)::integer, sign * COUNT(*) FROM "changed" GROUP BY 1 ORDER BY 1
        ON CONFLICT ("quarterHour") DO UPDATE SET "added" = "CustomersAddedPerQuarterHour"."added" + excluded."added";
    UPDATE "CustomerTotals"
        SET "active" = "active" + sign * active_rows, "deleted" = "deleted" + sign * deleted_rows
        WHERE "id" = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER "Customer_counters_insert" AFTER INSERT ON "Customer"
    REFERENCING NEW TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "customer_counters_change"();
CREATE TRIGGER "Customer_counters_delete" AFTER DELETE ON "Customer"
    REFERENCING OLD TABLE AS "changed" FOR EACH STATEMENT EXECUTE FUNCTION "customer_counters_change"();

-- A soft delete or a restore moves a customer between active and deleted; a changed createdAt (the
-- app never changes it) moves it to another quarter-hour.
CREATE OR REPLACE FUNCTION "customer_counters_update"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    old_quarter integer := floor(extract(epoch FROM old."createdAt") / 900)::integer;
    new_quarter integer := floor(extract(epoch FROM new."createdAt") / 900)::integer;
BEGIN
    IF old_quarter <> new_quarter THEN
        INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added")
            VALUES (LEAST(old_quarter, new_quarter), CASE WHEN old_quarter < new_quarter THEN -1 ELSE 1 END),
                   (GREATEST(old_quarter, new_quarter), CASE WHEN old_quarter < new_quarter THEN 1 ELSE -1 END)
            ON CONFLICT ("quarterHour") DO UPDATE SET "added" = "CustomersAddedPerQuarterHour"."added" + excluded."added";
    END IF;
    IF (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL) THEN
        UPDATE "CustomerTotals"
            SET "active" = "active" + CASE WHEN new."deletedAt" IS NULL THEN 1 ELSE -1 END,
                "deleted" = "deleted" + CASE WHEN new."deletedAt" IS NULL THEN -1 ELSE 1 END
            WHERE "id" = 1;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "Customer_counters_update" AFTER UPDATE OF "createdAt", "deletedAt" ON "Customer"
    FOR EACH ROW WHEN ((old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL) OR old."createdAt" <> new."createdAt")
    EXECUTE FUNCTION "customer_counters_update"();

-- TRUNCATE leaves no customer to count.
CREATE OR REPLACE FUNCTION "customer_counters_reset"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "CustomersAddedPerQuarterHour";
    UPDATE "CustomerTotals" SET "active" = 0, "deleted" = 0 WHERE "id" = 1;
    RETURN NULL;
END $$;

CREATE TRIGGER "Customer_counters_truncate" AFTER TRUNCATE ON "Customer"
    FOR EACH STATEMENT EXECUTE FUNCTION "customer_counters_reset"();`;
