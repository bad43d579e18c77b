/** A PrismaClient on the JS engine with the driver adapter for DATABASE_URL. */
import { createRequire } from 'node:module';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@prisma/client';
import { caseInsensitiveTextFilters } from './case-insensitive-text.js';
import { ensureSqliteDirectory, parseDatabaseUrl } from './database-url.js';

/** Connections each app instance may hold open to PostgreSQL. */
const POSTGRES_POOL_SIZE = 10;

/**
 * How long a transaction may wait to start on SQLite. The adapter has one connection, and a
 * transaction holds it against every other transaction until it ends: a panel save waits for the
 * batch of an import being applied (or another save) to commit. Prisma's default of 2 s is shorter
 * than such a batch can take on a busy machine, and the wait failing (P2028) answered 500.
 */
const SQLITE_TRANSACTION_MAX_WAIT_MS = 15_000;

export function createPrismaClient(databaseUrl: string): PrismaClient {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === 'sqlite') {
    return new PrismaClient({
      adapter: new PrismaBetterSQLite3({ url: ensureSqliteDirectory(target.file) }),
      transactionOptions: { maxWait: SQLITE_TRANSACTION_MAX_WAIT_MS },
    });
  }
  // The generated client is provider-specific: PostgreSQL has its own, generated from
  // prisma/schema.postgres.prisma with the same models, hence the same API as the SQLite one.
  const { PrismaClient: PostgresPrismaClient } = createRequire(import.meta.url)('.prisma/client-postgres') as {
    PrismaClient: typeof PrismaClient;
  };
  // The search path makes raw SQL (src/db/row-locks.ts) find the same schema as Prisma's own queries.
  const adapter = new PrismaPg(
    { connectionString: target.connectionString, max: POSTGRES_POOL_SIZE, options: `-c search_path=${target.schema}` },
    { schema: target.schema },
  );
  return new PostgresPrismaClient({ adapter }).$extends(caseInsensitiveTextFilters) as unknown as PrismaClient;
}
