/**
 * Applies pending migrations from prisma/migrations, each in its own transaction, and records them
 * in Prisma's `_prisma_migrations` table (same columns and sha256 checksum), so that
 * `prisma migrate status` agrees. It replaces `prisma migrate deploy` at start-up: it needs no
 * extra process and works the same in tests.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFilePath } from './client.js';

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '../../prisma/migrations');

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL,
  "checksum" TEXT NOT NULL,
  "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL,
  "logs" TEXT,
  "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
  "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Applies what is pending; returns the names of the migrations it applied. */
export function applyMigrations(databaseUrl: string, migrationsDir = MIGRATIONS_DIR): string[] {
  const db = new Database(sqliteFilePath(databaseUrl));
  try {
    db.pragma('journal_mode = WAL');
    db.exec(CREATE_MIGRATIONS_TABLE);
    const applied = new Set(
      db
        .prepare('SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
        .all()
        .map((row) => (row as { migration_name: string }).migration_name),
    );
    const pending = readdirSync(migrationsDir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !applied.has(entry.name))
      .map((entry) => entry.name)
      .sort();
    for (const name of pending) {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      const checksum = createHash('sha256').update(sql).digest('hex');
      db.transaction(() => {
        db.exec(sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, ?, ?, 1)`,
        ).run(randomUUID(), checksum, Date.now(), name);
      })();
    }
    return pending;
  } finally {
    db.close();
  }
}
