/**
 * Writes batches of fake customers the fast way for each database: one INSERT … SELECT statement
 * per batch (a transaction each, except for SQLite's empty-table load below), the rows handed over
 * as one JSON array (JSON.stringify of FakeCustomer objects). On SQLite a statement per row would
 * also pay a flush of the FTS5 search index per row (its trigger), several times the cost. A
 * customer whose email or phone is already taken is skipped.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { SQLITE_RECOUNT_CUSTOMERS } from '../db/customer-counters.js';
import { SQLITE_SEARCH_TABLE } from '../db/customer-search-index.js';
import type { DatabaseTarget } from '../db/database-url.js';

export interface CustomerBatchWriter {
  /** Returns how many of the batch were written. */
  write(customersJson: string): Promise<number>;
  /** Makes the batches permanent, with the indexes and the planner's statistics up to date. */
  finish(): Promise<void>;
  /** Releases the connection; on SQLite, an empty table's load not finished is undone. */
  close(): Promise<void>;
}

const TEXT_COLUMNS = ['firstName', 'lastName', 'email', 'phone', 'notes', 'searchText'] as const;
const TIME_COLUMNS = ['dateOfBirth', 'createdAt', 'updatedAt', 'deletedAt'] as const;
const COLUMNS = [...TEXT_COLUMNS, ...TIME_COLUMNS];
const columnList = COLUMNS.map((column) => `"${column}"`).join(', ');

/**
 * Loading an empty table (the usual seed: a fresh database) takes one transaction: the Customer
 * indexes and insert triggers (search table, Home counters) dropped, the rows inserted, then the
 * indexes built in one sort each and the search table and counters rebuilt in one pass each —
 * about a third of the time of keeping them up to date row by row (1,000,000 customers: ~25 s
 * instead of ~60 s). Other connections never see the table without its indexes, and a load cut
 * short leaves the table empty.
 * Returns how to complete the load, or undefined (no transaction open) when the table has rows.
 */
function sqliteBulkLoad(db: Database.Database): (() => void) | undefined {
  const schemaOf = (type: 'index' | 'trigger') =>
    db
      .prepare<[string], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_master WHERE type = '${type}' AND tbl_name = 'Customer' AND sql IS NOT NULL AND sql LIKE ?`,
      )
      .all(type === 'index' ? '%' : '%AFTER INSERT%');
  db.exec('BEGIN IMMEDIATE');
  if (db.prepare('SELECT 1 FROM "Customer" LIMIT 1').get()) {
    db.exec('ROLLBACK');
    return undefined;
  }
  const indexes = schemaOf('index');
  const insertTriggers = schemaOf('trigger');
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  for (const { name } of insertTriggers) db.exec(`DROP TRIGGER "${name}"`);
  return () => {
    for (const { sql } of [...indexes, ...insertTriggers]) db.exec(sql);
    db.exec(`INSERT INTO "${SQLITE_SEARCH_TABLE}" ("${SQLITE_SEARCH_TABLE}") VALUES ('rebuild')`);
    // The Home's counters missed the rows too (their insert trigger was dropped with the others).
    db.exec(SQLITE_RECOUNT_CUSTOMERS);
    db.exec('COMMIT');
  };
}

function sqliteWriter(file: string): CustomerBatchWriter {
  const db = new Database(file);
  db.pragma('busy_timeout = 10000');
  // Room for the indexes of a million customers, written in random order (email, phone).
  db.pragma('cache_size = -262144');
  // One checkpoint at the end instead of one every 4 MB: pages written again and again (index and
  // full-text segments) are copied into the database once.
  db.pragma('wal_autocheckpoint = 0');
  // Timestamps as Prisma's SQLite adapter stores them: 2024-01-01T08:00:00.000+00:00.
  const values = [
    ...TEXT_COLUMNS.map((column) => `value ->> '${column}'`),
    ...TIME_COLUMNS.map((column) => `replace(value ->> '${column}', 'Z', '+00:00')`),
  ];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO "Customer" (${columnList}) SELECT ${values.join(', ')} FROM json_each(jsonb(?))`,
  );
  const completeBulkLoad = sqliteBulkLoad(db);
  return {
    async write(customersJson) {
      return insert.run(customersJson).changes;
    },
    async finish() {
      completeBulkLoad?.();
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('optimize');
    },
    async close() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}

async function postgresWriter(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
): Promise<CustomerBatchWriter> {
  const client = new pg.Client({
    connectionString: target.connectionString,
    options: `-c search_path=${target.schema}`,
  });
  await client.connect();
  const recordType = [
    ...TEXT_COLUMNS.map((column) => `"${column}" text`),
    ...TIME_COLUMNS.map((column) => `"${column}" timestamp(3)`),
  ].join(', ');
  const insert = `INSERT INTO "Customer" (${columnList}) SELECT ${columnList} FROM json_to_recordset($1::json) AS c(${recordType}) ON CONFLICT DO NOTHING`;
  return {
    async write(customersJson) {
      return (await client.query(insert, [customersJson])).rowCount ?? 0;
    },
    async finish() {
      // Also sets the visibility map, which index-only scans (the list's counts) depend on.
      await client.query('VACUUM ANALYZE "Customer"');
    },
    async close() {
      await client.end();
    },
  };
}

export function customerBatchWriter(target: DatabaseTarget): Promise<CustomerBatchWriter> {
  return target.provider === 'sqlite' ? Promise.resolve(sqliteWriter(target.file)) : postgresWriter(target);
}
