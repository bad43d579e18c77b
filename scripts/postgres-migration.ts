/**
 * The PostgreSQL migration SQL between two versions of the derived PostgreSQL schema:
 * `prisma migrate diff` between the two datamodels, plus what the datamodel cannot say — the
 * triggers that keep models marked `// @append-only` in prisma/schema.prisma append-only, the
 * trigram indexes of fields marked `// @trigram-index`, and the triggers keeping the Home's
 * customer counters (`// @customer-counters`).
 * `prisma migrate diff` through the JS engine opens a connection even to diff two files, so this
 * needs a reachable PostgreSQL (TEST_DATABASE_URL, else the local default below).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CUSTOMER_COUNTERS_SQL, hasCustomerCounters } from './postgres-customer-counters.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const PRISMA = path.join(ROOT, 'node_modules/.bin/prisma');
export const LOCAL_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

/** Models preceded by a `// @append-only` comment line. */
export function appendOnlyModels(schema: string): string[] {
  return [...schema.matchAll(/^\/\/ @append-only\b[^\n]*\n(?:\/\/[^\n]*\n)*model (\w+) \{/gm)].map(
    (match) => match[1]!,
  );
}

export function appendOnlyTriggerSql(model: string): string {
  return `-- ${model} is append-only: nobody may change or delete its rows.
CREATE OR REPLACE FUNCTION "refuse_append_only_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "${model}_no_update_or_delete" BEFORE UPDATE OR DELETE ON "${model}"
    FOR EACH ROW EXECUTE FUNCTION "refuse_append_only_change"();

CREATE TRIGGER "${model}_no_truncate" BEFORE TRUNCATE ON "${model}"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_append_only_change"();
`;
}

/** Fields preceded by a `// @trigram-index` comment line (other comment lines may follow it), as "Model.field". */
export function trigramIndexedFields(schema: string): string[] {
  return [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)].flatMap(([, model, body]) =>
    [...body!.matchAll(/^[ \t]*\/\/ @trigram-index\b[^\n]*\n(?:[ \t]*\/\/[^\n]*\n)*[ \t]*(\w+)\s/gm)].map(
      ([, field]) => `${model}.${field}`,
    ),
  );
}

export function trigramIndexSql(modelField: string): string {
  const [model, field] = modelField.split('.');
  return `-- ${model}.${field} is searched by substring (LIKE '%…%'), which a pg_trgm GIN index serves. The
-- extension is installed once per database, in public, for every schema that uses it.
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;

CREATE INDEX "${model}_${field}_trgm_idx" ON "${model}" USING GIN ("${field}" public.gin_trgm_ops);
`;
}

function datamodelDiff(fromSchema: string | null, toSchema: string, databaseUrl: string): string {
  const scratch = mkdtempSync(path.join(tmpdir(), 'postgres-migration-'));
  try {
    const to = path.join(scratch, 'to.prisma');
    writeFileSync(to, toSchema);
    const from = ['--from-empty'];
    if (fromSchema !== null) {
      from.splice(0, 1, '--from-schema-datamodel', path.join(scratch, 'from.prisma'));
      writeFileSync(from[1]!, fromSchema);
    }
    return execFileSync(PRISMA, ['migrate', 'diff', ...from, '--to-schema-datamodel', to, '--script'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** SQL taking a database from `fromSchema` (null: empty) to `toSchema`; '' when there is nothing to do. */
export function postgresMigrationSql(
  fromSchema: string | null,
  toSchema: string,
  databaseUrl = process.env.TEST_DATABASE_URL || LOCAL_POSTGRES_URL,
): string {
  const diff = datamodelDiff(fromSchema, toSchema, databaseUrl)
    // The migration runs in the schema DATABASE_URL names (see src/db/postgres-migrations.ts).
    .replace(/^-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/m, '')
    .replace(/^-- This is an empty migration\.\s*$/m, '')
    .trim();
  const alreadyAppendOnly = new Set(fromSchema === null ? [] : appendOnlyModels(fromSchema));
  const triggers = appendOnlyModels(toSchema)
    .filter((model) => !alreadyAppendOnly.has(model))
    .map(appendOnlyTriggerSql);
  const alreadyTrigramIndexed = new Set(fromSchema === null ? [] : trigramIndexedFields(fromSchema));
  const trigramIndexes = trigramIndexedFields(toSchema)
    .filter((field) => !alreadyTrigramIndexed.has(field))
    .map(trigramIndexSql);
  const counters = hasCustomerCounters(toSchema) && !(fromSchema && hasCustomerCounters(fromSchema));
  return [diff, ...triggers, ...trigramIndexes, counters ? CUSTOMER_COUNTERS_SQL : ''].filter(Boolean).join('\n\n');
}
