import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from './src/db/database-url.js';

const target = parseDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);

// The JS engine with a driver adapter: Prisma's native engines cannot be downloaded here.
// PostgreSQL uses the schema and migrations derived from prisma/schema.prisma (scripts/postgres-schema.ts).
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  ...(target.provider === 'sqlite'
    ? {
        schema: path.join('prisma', 'schema.prisma'),
        migrations: { path: path.join('prisma', 'migrations') },
        adapter: async () => new PrismaBetterSQLite3({ url: target.file }),
      }
    : {
        schema: path.join('prisma', 'schema.postgres.prisma'),
        migrations: { path: path.join('prisma', 'migrations-postgres') },
        adapter: async () =>
          new PrismaPg(
            { connectionString: target.connectionString, options: `-c search_path=${target.schema}` },
            { schema: target.schema },
          ),
      }),
});
