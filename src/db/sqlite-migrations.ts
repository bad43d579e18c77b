import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { ensureSqliteDirectory } from './database-url.js';
import { pendingMigrations } from './migration-files.js';

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

export function applySqliteMigrations(file: string, dir: string): string[] {
  const db = new Database(ensureSqliteDirectory(file));
  try {
    db.pragma('journal_mode = WAL');
    db.exec(CREATE_MIGRATIONS_TABLE);
    // One write transaction for the check and the changes (IMMEDIATE: taken at once), so that
    // processes starting together apply each migration once; the others wait, then find none.
    const applyPending = db.transaction(() => {
      const applied = new Set(
        db
          .prepare(
            'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
          )
          .all()
          .map((row) => (row as { migration_name: string }).migration_name),
      );
      const pending = pendingMigrations(dir, applied);
      for (const migration of pending) {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (?, ?, ?, ?, 1)`,
        ).run(randomUUID(), migration.checksum, Date.now(), migration.name);
      }
      return pending.map((migration) => migration.name);
    });
    return applyPending.immediate();
  } finally {
    db.close();
  }
}
