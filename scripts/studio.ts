/**
 * `npm run studio [-- --port 5555 --browser none]`: Prisma Studio on the app's database, without
 * Prisma's native engines.
 *
 * Why not `prisma studio` of Prisma 6: its Studio answers every data request through a native
 * query engine (it calls getGenerators, which downloads libquery_engine), even with
 * `experimental.studio` and a driver adapter in prisma.config.ts — and engines cannot be
 * downloaded here. Prisma 7's Studio (@prisma/studio-core) needs no engine: it reads the database
 * itself (node:sqlite on Node >= 22.5, the project's better-sqlite3 below that). Prisma 7's CLI is
 * installed on its own in tools/prisma-studio, so that the project's `prisma` command stays 6.x.
 *
 * The database is DATABASE_URL (from the environment or .env, as for the app), by default
 * file:./data/app.db relative to the project root. Other arguments go to `prisma studio`.
 * Studio listens on 127.0.0.1 only and can edit and delete rows: it is a developer's tool and
 * bypasses the app's rules and audit trail.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..');
const TOOL_DIR = path.join(PROJECT_ROOT, 'tools/prisma-studio');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Prisma 7's CLI entry point, as installed by `npm install` through the tools/prisma-studio package. */
function prismaStudioCli(): string {
  try {
    const manifest = createRequire(path.join(TOOL_DIR, 'package.json')).resolve('prisma/package.json');
    return path.join(path.dirname(manifest), 'build/index.js');
  } catch {
    return fail('Prisma Studio is not installed (tools/prisma-studio/node_modules): run `npm install` first.');
  }
}

/**
 * The URL Studio gets. SQLite: an absolute `file://` URL (Studio resolves relative paths against
 * its own working directory, and takes `file:x` without `//` for an unknown protocol); a missing
 * file is an error here, because Studio would silently create an empty one.
 */
function studioDatabaseUrl(databaseUrl: string): string {
  if (!databaseUrl.startsWith('file:')) return databaseUrl;
  const withoutQuery = databaseUrl.replace(/\?.*$/, '');
  const file = withoutQuery.startsWith('file://')
    ? fileURLToPath(withoutQuery)
    : path.resolve(PROJECT_ROOT, withoutQuery.slice('file:'.length));
  if (!existsSync(file)) {
    fail(`No database at ${file} (DATABASE_URL=${databaseUrl}). Start the app once (npm start) to create it.`);
  }
  return `file://${file}`;
}

const envFile = path.join(PROJECT_ROOT, '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

const databaseUrl = process.env.DATABASE_URL?.trim() || 'file:./data/app.db';
const child = spawn(
  process.execPath,
  [prismaStudioCli(), 'studio', '--url', studioDatabaseUrl(databaseUrl), ...process.argv.slice(2)],
  {
    // No prisma.config.ts there: Prisma 7 must not read the project's Prisma 6 configuration.
    cwd: TOOL_DIR,
    // No usage report to Prisma (checkpoint); Studio makes no other outside request.
    env: { ...process.env, CHECKPOINT_DISABLE: '1' },
    stdio: 'inherit',
  },
);

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => child.kill(signal));
}
child.on('error', (error) => fail(`Could not start Prisma Studio: ${error.message}`));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
