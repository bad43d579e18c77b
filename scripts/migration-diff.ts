/**
 * The SQL that would bring the committed migrations up to prisma/schema.prisma. `migrate dev`
 * needs a native engine and `migrate diff --from-url` refuses driver adapters, so: apply the
 * migrations to a scratch SQLite file, introspect it (`db pull`), and diff that against the schema.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { applyMigrations } from '../src/db/migrate.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const PRISMA = path.join(ROOT, 'node_modules/.bin/prisma');
const SCHEMA = path.join(ROOT, 'prisma/schema.prisma');

function prisma(args: string[], databaseUrl: string): string {
  return execFileSync(PRISMA, args, {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Virtual tables (the FTS5 search index, written by hand in a migration) are no part of the
 * datamodel, but `db pull` would read them and their shadow tables as models.
 */
function dropVirtualTables(file: string): void {
  const db = new Database(file);
  try {
    const virtualTables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
      .pluck()
      .all() as string[];
    for (const table of virtualTables) db.exec(`DROP TABLE "${table}"`);
  } finally {
    db.close();
  }
}

/** Pending SQL, or '' when the migrations already produce the schema. */
export async function pendingMigrationSql(): Promise<string> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'migration-diff-'));
  try {
    const databaseUrl = `file:${path.join(scratch, 'migrated.db')}`;
    await applyMigrations(databaseUrl);
    dropVirtualTables(path.join(scratch, 'migrated.db'));
    const migratedSchema = path.join(scratch, 'migrated.prisma');
    // Introspect from a schema without models, so that nothing of the current models leaks in.
    const bareSchema = path.join(scratch, 'bare.prisma');
    writeFileSync(bareSchema, 'datasource db {\n  provider = "sqlite"\n  url      = "file:./unused.db"\n}\n');
    const pulled = prisma(['db', 'pull', '--schema', bareSchema, '--print'], databaseUrl);
    // `--print` puts Prisma's notices on stdout before the schema itself.
    writeFileSync(migratedSchema, pulled.slice(pulled.search(/^datasource /m)));
    const sql = prisma(
      ['migrate', 'diff', '--from-schema-datamodel', migratedSchema, '--to-schema-datamodel', SCHEMA, '--script'],
      databaseUrl,
    );
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? '' : sql;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
