import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrationSql } from '../../scripts/migration-diff.js';
import { postgresMigrationSql } from '../../scripts/postgres-migration.js';
import { currentPostgresSchema, POSTGRES_SCHEMA } from '../../scripts/postgres-schema.js';
import { parseDatabaseUrl } from '../../src/db/database-url.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { quoteIdentifier } from '../../src/db/postgres-migrations.js';
import { postgresCatalog } from '../support/postgres-catalog.js';
import { PROJECT_ROOT } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';
import { scratchDatabaseUrl, testProvider } from '../support/test-database-url.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.close());

describe('migrations', () => {
  it('produce exactly prisma/schema.prisma on SQLite (no model change without a migration)', async () => {
    expect(await pendingMigrationSql()).toBe('');
  }, 120_000);

  it('come with prisma/schema.postgres.prisma derived from the current prisma/schema.prisma', () => {
    expect(readFileSync(POSTGRES_SCHEMA, 'utf8'), 'stale: run `npm run db:migration -- NAME`').toBe(
      currentPostgresSchema(),
    );
  });

  it('are recorded so that `prisma migrate status` agrees, and are not applied twice', async () => {
    expect(await applyMigrations(db.url)).toEqual([]);
    const status = execFileSync(path.join(PROJECT_ROOT, 'node_modules/.bin/prisma'), ['migrate', 'status'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(status).toContain('Database schema is up to date!');
  }, 120_000);

  it.skipIf(testProvider() !== 'postgresql')(
    'produce on PostgreSQL exactly what the derived schema describes, append-only triggers included',
    async () => {
      const migrated = parseDatabaseUrl(db.url);
      const reference = scratchDatabaseUrl();
      const target = parseDatabaseUrl(reference.url);
      if (migrated.provider !== 'postgresql' || target.provider !== 'postgresql') throw new Error('PostgreSQL only');
      const client = new pg.Client({ connectionString: target.connectionString });
      await client.connect();
      try {
        await client.query(`CREATE SCHEMA ${quoteIdentifier(target.schema)}`);
        await client.query(`SET search_path TO ${quoteIdentifier(target.schema)}`);
        await client.query(postgresMigrationSql(null, currentPostgresSchema()));
        const [fromMigrations, fromSchema] = await Promise.all([
          postgresCatalog(migrated.connectionString, migrated.schema),
          postgresCatalog(target.connectionString, target.schema),
        ]);
        expect(fromMigrations.columns!.length).toBeGreaterThan(30);
        expect(fromMigrations.triggers!.join()).toMatch(/AuditLog_no_update_or_delete/);
        expect(fromMigrations).toEqual(fromSchema);
      } finally {
        await client.end();
        await reference.drop();
      }
    },
    120_000,
  );
});
