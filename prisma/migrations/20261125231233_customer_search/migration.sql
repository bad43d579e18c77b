-- AlterTable
ALTER TABLE "Customer" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';

-- DropIndex
DROP INDEX "Customer_createdAt_idx";

-- DropIndex
DROP INDEX "Customer_lastName_idx";

-- DropIndex
DROP INDEX "Customer_deletedAt_idx";

-- CreateIndex
CREATE INDEX "Customer_createdAt_id_deletedAt_idx" ON "Customer"("createdAt", "id", "deletedAt");

-- CreateIndex
CREATE INDEX "Customer_lastName_id_deletedAt_idx" ON "Customer"("lastName", "id", "deletedAt");

-- Customer.searchText is searched by substring, which an FTS5 table with the trigram tokenizer
-- serves: a quoted phrase of 3+ characters in a MATCH finds the rows containing it, from the index
-- alone. External content: it holds only the index and reads no text. The triggers keep it in
-- step with every write, whoever makes it. The app fills searchText of existing customers at
-- start-up (it needs the TypeScript normalisation); the update trigger indexes them then.
CREATE VIRTUAL TABLE "CustomerSearch" USING fts5(
    "searchText", content='Customer', content_rowid='id', tokenize='trigram', columnsize=0
);

CREATE TRIGGER "Customer_search_insert" AFTER INSERT ON "Customer"
BEGIN
    INSERT INTO "CustomerSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;

CREATE TRIGGER "Customer_search_delete" AFTER DELETE ON "Customer"
BEGIN
    INSERT INTO "CustomerSearch" ("CustomerSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
END;

CREATE TRIGGER "Customer_search_update" AFTER UPDATE OF "searchText" ON "Customer"
BEGIN
    INSERT INTO "CustomerSearch" ("CustomerSearch", rowid, "searchText") VALUES ('delete', old."id", old."searchText");
    INSERT INTO "CustomerSearch" (rowid, "searchText") VALUES (new."id", new."searchText");
END;
