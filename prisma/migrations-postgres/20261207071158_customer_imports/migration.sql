-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "importId" INTEGER;

-- CreateTable
CREATE TABLE "CustomerImport" (
    "id" SERIAL NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "content" BYTEA,
    "options" JSONB NOT NULL,
    "report" JSONB NOT NULL,
    "errorReport" TEXT NOT NULL,
    "totalRows" INTEGER NOT NULL,
    "appliedRows" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "claimedAt" TIMESTAMP(3),
    "failure" TEXT,

    CONSTRAINT "CustomerImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerImport_status_claimedAt_idx" ON "CustomerImport"("status", "claimedAt");

-- CreateIndex
CREATE INDEX "CustomerImport_createdAt_idx" ON "CustomerImport"("createdAt");

-- AddForeignKey
ALTER TABLE "CustomerImport" ADD CONSTRAINT "CustomerImport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
