import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingMigrationSql } from '../../scripts/migration-diff.js';
import { applyMigrations } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db.close());

describe('migrations', () => {
  it('produce exactly prisma/schema.prisma (no model change without a migration)', () => {
    expect(pendingMigrationSql()).toBe('');
  }, 120_000);

  it('are recorded so that `prisma migrate status` agrees, and are not applied twice', () => {
    expect(applyMigrations(db.url)).toEqual([]);
    const status = execFileSync(path.join(PROJECT_ROOT, 'node_modules/.bin/prisma'), ['migrate', 'status'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(status).toContain('Database schema is up to date!');
  }, 120_000);
});
