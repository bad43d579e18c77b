-- CreateTable
CREATE TABLE "CustomersAddedPerQuarterHour" (
    "quarterHour" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "added" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "CustomerTotals" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "active" INTEGER NOT NULL,
    "deleted" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "AuditLog_action_at_idx" ON "AuditLog"("action", "at");

-- CreateIndex
CREATE INDEX "AuditLog_resource_at_idx" ON "AuditLog"("resource", "at");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_resource_at_idx" ON "AuditLog"("actorId", "resource", "at");

-- The Home's counters (src/domain/dashboard/customer-counts.ts), kept by triggers with every write
-- to Customer, whoever makes it: a customer counts in the UTC quarter-hour of its createdAt (stored
-- as text, e.g. 2024-01-01T08:00:00.000+00:00), and as active or deleted. The seed's bulk load of an
-- empty table drops the insert trigger and recounts afterwards (src/db/customer-counters.ts).
INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added")
    SELECT unixepoch("createdAt") / 900, COUNT(*) FROM "Customer" WHERE true GROUP BY 1;
INSERT INTO "CustomerTotals" ("id", "active", "deleted")
    SELECT 1, COUNT(*) - COUNT("deletedAt"), COUNT("deletedAt") FROM "Customer";

CREATE TRIGGER "Customer_counters_insert" AFTER INSERT ON "Customer"
BEGIN
    INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added") VALUES (unixepoch(new."createdAt") / 900, 1)
        ON CONFLICT ("quarterHour") DO UPDATE SET "added" = "added" + 1;
    UPDATE "CustomerTotals"
        SET "active" = "active" + (new."deletedAt" IS NULL), "deleted" = "deleted" + (new."deletedAt" IS NOT NULL)
        WHERE "id" = 1;
END;

CREATE TRIGGER "Customer_counters_delete" AFTER DELETE ON "Customer"
BEGIN
    UPDATE "CustomersAddedPerQuarterHour" SET "added" = "added" - 1 WHERE "quarterHour" = unixepoch(old."createdAt") / 900;
    UPDATE "CustomerTotals"
        SET "active" = "active" - (old."deletedAt" IS NULL), "deleted" = "deleted" - (old."deletedAt" IS NOT NULL)
        WHERE "id" = 1;
END;

-- A soft delete or a restore moves a customer between active and deleted.
CREATE TRIGGER "Customer_counters_soft_delete" AFTER UPDATE OF "deletedAt" ON "Customer"
    WHEN (old."deletedAt" IS NULL) <> (new."deletedAt" IS NULL)
BEGIN
    UPDATE "CustomerTotals"
        SET "active" = "active" + (new."deletedAt" IS NULL) - (old."deletedAt" IS NULL),
            "deleted" = "deleted" + (new."deletedAt" IS NOT NULL) - (old."deletedAt" IS NOT NULL)
        WHERE "id" = 1;
END;

-- The app never changes createdAt; a script that does moves the customer to its new quarter-hour.
CREATE TRIGGER "Customer_counters_created_at" AFTER UPDATE OF "createdAt" ON "Customer"
    WHEN unixepoch(old."createdAt") / 900 <> unixepoch(new."createdAt") / 900
BEGIN
    UPDATE "CustomersAddedPerQuarterHour" SET "added" = "added" - 1 WHERE "quarterHour" = unixepoch(old."createdAt") / 900;
    INSERT INTO "CustomersAddedPerQuarterHour" ("quarterHour", "added") VALUES (unixepoch(new."createdAt") / 900, 1)
        ON CONFLICT ("quarterHour") DO UPDATE SET "added" = "added" + 1;
END;
