-- Optimistic concurrency (docs/decisions/022-optimistic-concurrency.md): a counter every write raises.
-- Added in place (SQLite allows a NOT NULL column with a constant default): redefining the table,
-- as prisma migrate diff proposes, would drop Customer's search and counter triggers.
-- AlterTable
ALTER TABLE "User" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;
