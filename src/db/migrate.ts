/**
 * Applies pending migrations at start-up, in transactions, and records them in
 * Prisma's `_prisma_migrations` table (same columns and sha256 checksum) so that
 * `prisma migrate status` agrees. It replaces `prisma migrate deploy`, which needs no extra
 * process this way and which, on PostgreSQL, fails through Prisma's JS engine.
 */
import path from 'node:path';
import { parseDatabaseUrl, type DatabaseTarget } from './database-url.js';
import { applyPostgresMigrations } from './postgres-migrations.js';
import { applySqliteMigrations } from './sqlite-migrations.js';

const PRISMA_DIR = path.resolve(import.meta.dirname, '../../prisma');

export function migrationsDir(provider: DatabaseTarget['provider']): string {
  return path.join(PRISMA_DIR, provider === 'sqlite' ? 'migrations' : 'migrations-postgres');
}

/** Applies what is pending; returns the names of the migrations it applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const target = parseDatabaseUrl(databaseUrl);
  const dir = migrationsDir(target.provider);
  return target.provider === 'sqlite' ? applySqliteMigrations(target.file, dir) : applyPostgresMigrations(target, dir);
}
