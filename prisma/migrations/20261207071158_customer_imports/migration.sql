-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN "importId" INTEGER;

-- CreateTable
CREATE TABLE "CustomerImport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "content" BLOB,
    "options" JSONB NOT NULL,
    "report" JSONB NOT NULL,
    "errorReport" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" DATETIME,
    "failure" TEXT,
    CONSTRAINT "CustomerImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CustomerImport_status_claimedAt_idx" ON "CustomerImport"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "CustomerImport_createdAt_idx" ON "CustomerImport"("createdAt");
