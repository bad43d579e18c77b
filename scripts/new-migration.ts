/**
 * npm run db:migration -- NAME: for a change to prisma/schema.prisma, writes
 * prisma/migrations/<timestamp>_NAME/migration.sql (SQLite), the derived
 * prisma/schema.postgres.prisma and prisma/migrations-postgres/<timestamp>_NAME/migration.sql.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../src/db/migrate.js';
import { pendingMigrationSql } from './migration-diff.js';
import { postgresMigrationSql } from './postgres-migration.js';
import { currentPostgresSchema, POSTGRES_SCHEMA } from './postgres-schema.js';

const name = process.argv[2]
  ?.trim()
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, '_')
  .replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration -- NAME   (e.g. add_customer_company)');
  process.exit(1);
}

const sqliteSql = await pendingMigrationSql();
const postgresSchema = currentPostgresSchema();
const postgresSql = postgresMigrationSql(readFileSync(POSTGRES_SCHEMA, 'utf8'), postgresSchema);
writeFileSync(POSTGRES_SCHEMA, postgresSchema);
if (!sqliteSql && !postgresSql) {
  console.log('prisma/schema.prisma and the migrations agree: no migration to write.');
  process.exit(0);
}

const folder = `${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}_${name}`;
for (const [provider, sql] of [
  ['sqlite', sqliteSql],
  ['postgresql', postgresSql],
] as const) {
  const dir = path.join(migrationsDir(provider), folder);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql ? `${sql.trim()}\n` : '-- Nothing changes on this database.\n');
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}
console.log('Review both, then commit them with prisma/schema.postgres.prisma. npm start applies them.');
