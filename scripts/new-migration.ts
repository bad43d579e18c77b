/** npm run db:migration -- NAME: writes prisma/migrations/<timestamp>_NAME/migration.sql for schema changes. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../src/db/migrate.js';
import { pendingMigrationSql } from './migration-diff.js';

const name = process.argv[2]?.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
if (!name) {
  console.error('Usage: npm run db:migration -- NAME   (e.g. add_customer_company)');
  process.exit(1);
}
const sql = pendingMigrationSql();
if (!sql) {
  console.log('prisma/schema.prisma and the migrations agree: nothing to write.');
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), sql);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then commit it. npm start applies it.`);
