/**
 * What a PostgreSQL schema holds — enums, columns, constraints, indexes, triggers — as comparable
 * text with the schema's own name taken out, so that two schemas built differently can be compared.
 */
import pg from 'pg';

const CATALOG_QUERIES = {
  enums: `SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE n.nspname = $1 GROUP BY t.typname ORDER BY 1`,
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, datetime_precision
            FROM information_schema.columns WHERE table_schema = $1 AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, pg_get_constraintdef(c.oid) AS definition
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = $1 AND c.conrelid <> 0 AND c.conrelid::regclass::text NOT LIKE '%_prisma_migrations' ORDER BY 1, 2`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename <> '_prisma_migrations' ORDER BY 1, 2`,
  triggers: `SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid) AS definition
             FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = $1 AND NOT t.tgisinternal ORDER BY 1, 2`,
  functions: `SELECT p.proname, pg_get_functiondef(p.oid) AS definition
              FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1 ORDER BY 1`,
};

export async function postgresCatalog(connectionString: string, schema: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const catalog: Record<string, string[]> = {};
    for (const [part, sql] of Object.entries(CATALOG_QUERIES)) {
      const { rows } = await client.query(sql, [schema]);
      catalog[part] = rows.map((row) =>
        JSON.stringify(Object.values(row)).replaceAll(`"${schema}".`, 'S.').replaceAll(`${schema}.`, 'S.'),
      );
    }
    return catalog;
  } finally {
    await client.end();
  }
}
