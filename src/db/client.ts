import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@prisma/client';

/**
 * The file path of a `file:` URL (relative to the working directory, as the adapter reads it),
 * with its directory created so that a fresh checkout starts without setup.
 */
export function sqliteFilePath(databaseUrl: string): string {
  const file = databaseUrl.replace(/^file:/, '').replace(/\?.*$/, '');
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}

/** A PrismaClient on the JS engine with the driver adapter for DATABASE_URL. */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl) }) });
}
