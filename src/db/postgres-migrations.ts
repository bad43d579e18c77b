import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from './database-url.js';
import { pendingMigrations } from './migration-files.js';

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock Prisma's own migrate takes, so that instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 72707369;

export const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function applyPostgresMigrations(
  target: Extract<DatabaseTarget, { provider: 'postgresql' }>,
  dir: string,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(target.schema)}`);
    await client.query(`SET search_path TO ${quoteIdentifier(target.schema)}`);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const pending = pendingMigrations(dir, new Set(rows.map((row) => row.migration_name)));
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    return pending.map((migration) => migration.name);
  } finally {
    await client.end();
  }
}
