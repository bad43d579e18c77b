/** DATABASE_URL → which database the app, the CLI, Studio and the migrations talk to. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type DatabaseTarget =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string; connectionString: string; schema: string };

export const DEFAULT_DATABASE_URL = 'file:./data/app.db';

/**
 * `file:PATH` → SQLite (the path is relative to the working directory, as the adapter reads it).
 * `postgresql://…[?schema=NAME]` → PostgreSQL; `schema` is Prisma's own URL parameter (default
 * public) and is taken out of the connection string, which node-postgres would not understand.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith('file:')) {
    return { provider: 'sqlite', url, file: url.replace(/^file:/, '').replace(/\?.*$/, '') };
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') || 'public';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema))
      throw new Error('DATABASE_URL: schema= must be a plain name (letters, digits, _)');
    parsed.searchParams.delete('schema');
    return { provider: 'postgresql', url, connectionString: parsed.toString(), schema };
  }
  throw new Error('DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)');
}

/** The SQLite file of a target, with its directory created so a fresh checkout starts without setup. */
export function ensureSqliteDirectory(file: string): string {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}
