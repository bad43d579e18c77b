/**
 * Where a test file's database lives: a fresh SQLite file by default, or — when TEST_DATABASE_URL
 * names a PostgreSQL database (`npm run test:pg`) — a fresh schema in it, dropped afterwards, so
 * test files running side by side never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { parseDatabaseUrl } from '../../src/db/database-url.js';
import { quoteIdentifier } from '../../src/db/postgres-migrations.js';

const TMP_DIR = path.resolve(import.meta.dirname, '../.tmp');

export const testProvider = (): 'sqlite' | 'postgresql' => (process.env.TEST_DATABASE_URL ? 'postgresql' : 'sqlite');

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export function scratchDatabaseUrl(): ScratchDatabase {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) {
    mkdirSync(TMP_DIR, { recursive: true });
    const file = path.join(TMP_DIR, `${randomUUID()}.db`);
    return {
      url: `file:${file}`,
      async drop() {
        for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  }
  const target = parseDatabaseUrl(base);
  if (target.provider !== 'postgresql') throw new Error('TEST_DATABASE_URL must be a postgresql:// URL');
  const schema = `test_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const url = new URL(target.connectionString);
  url.searchParams.set('schema', schema);
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: target.connectionString });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(schema)} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}
