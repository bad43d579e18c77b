-- DropIndex
DROP INDEX "Customer_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_lastName_idx";

-- DropIndex
DROP INDEX "Customer_deletedAt_idx";

-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_deletedAt_idx" ON "Customer"("createdAt", "id", "deletedAt");

-- CreateIndex
CREATE INDEX "Customer_lastName_id_deletedAt_idx" ON "Customer"("lastName", "id", "deletedAt");

-- Customer.searchText is searched by substring (LIKE '%…%'), which a pg_trgm GIN index serves. The
-- extension is installed once per database, in public, for every schema that uses it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX "Customer_searchText_trgm_idx" ON "Customer" USING GIN ("searchText" public.gin_trgm_ops);
