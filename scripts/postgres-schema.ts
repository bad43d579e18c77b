/**
 * prisma/schema.prisma (SQLite) is the one source of truth for the model. Prisma cannot take the
 * provider from an environment variable and its generated client is provider-specific, so the
 * PostgreSQL schema is derived from it: same models, PostgreSQL datasource, its own client output.
 * `npm run db:migration` rewrites it; tests/integration/migrations.test.ts fails when it is stale.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
export const SQLITE_SCHEMA = path.join(ROOT, 'prisma/schema.prisma');
export const POSTGRES_SCHEMA = path.join(ROOT, 'prisma/schema.postgres.prisma');

const HEADER = `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.ts — do not edit by hand.
// Change prisma/schema.prisma, then run \`npm run db:migration -- NAME\`.
`;

const POSTGRES_BLOCKS: Record<string, string | null> = {
  'generator client': `generator client {
  provider   = "prisma-client-js"
  engineType = "client"
  output     = "../node_modules/.prisma/client-postgres"
}`,
  // The datamodel is the same for both databases: one DMMF file, written from the SQLite schema.
  'generator dmmf': null,
  'datasource db': `datasource db {
  provider = "postgresql"
  // Kept for \`prisma generate\` (see schema.prisma); the driver adapter supplies the connection.
  // From the environment: a literal URL here makes every \`prisma generate\` print a security warning.
  url      = env("DATABASE_URL")
}`,
};

/** The PostgreSQL schema for a SQLite schema text. */
export function derivePostgresSchema(sqliteSchema: string): string {
  // The source's own header comments describe the source; the derived file has its own.
  let derived = sqliteSchema.replace(/^(\/\/[^\n]*\n)+\n?/, '');
  for (const [block, replacement] of Object.entries(POSTGRES_BLOCKS)) {
    const pattern = new RegExp(`^${block} \\{[^}]*\\}\\n?`, 'm');
    if (!pattern.test(derived)) throw new Error(`prisma/schema.prisma has no \`${block}\` block`);
    derived = derived.replace(pattern, replacement === null ? '' : `${replacement}\n`);
  }
  // Comments that only concern the removed dmmf generator go with it.
  derived = derived.replace(/^\/\/ With engineType "client", Prisma\.dmmf lacks[^\n]*\n(?=\n)/m, '');
  return `${HEADER}\n${derived.replace(/\n{3,}/g, '\n\n')}`;
}

export function currentPostgresSchema(): string {
  return derivePostgresSchema(readFileSync(SQLITE_SCHEMA, 'utf8'));
}
