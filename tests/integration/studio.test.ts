/**
 * `npm run studio`: Prisma Studio (Prisma 7's, on @prisma/studio-core) on the test database — a
 * SQLite file, or PostgreSQL under `npm run test:pg` — with no native engine. The row is read through Studio's own data API the way its page does it: the page
 * (tools/prisma-studio/node_modules/prisma/build/studio.js) builds
 * `createSQLiteAdapter({ executor: createStudioBFFClient({ url: "/bff" }) })` (createPostgresAdapter on PostgreSQL), introspects the
 * database, then asks for the table's first page (25 rows, sorted by the primary key). The same
 * @prisma/studio-core version is used here, so the requests are the page's own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createStudioBFFClient } from '@prisma/studio-core/data/bff';
import { createPostgresAdapter } from '@prisma/studio-core/data/postgres-core';
import { createSQLiteAdapter } from '@prisma/studio-core/data/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../../src/db/database-url.js';
import { PROJECT_ROOT } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';
import { testProvider } from '../support/test-database-url.js';

/** What Studio's page is set up with, per database. */
const STUDIO = {
  sqlite: { adapterName: 'sqlite', createAdapter: createSQLiteAdapter, schemaOf: () => 'main' },
  postgresql: {
    adapterName: 'postgres',
    createAdapter: createPostgresAdapter,
    schemaOf: (url: string) => {
      const target = parseDatabaseUrl(url);
      return target.provider === 'postgresql' ? target.schema : 'public';
    },
  },
}[testProvider()];

const READY_TIMEOUT_MS = 30_000;
const CUSTOMER = {
  firstName: 'Grace',
  lastName: 'Hopper',
  email: 'grace.hopper@example.com',
  phone: '+12015550199',
  dateOfBirth: new Date('1906-12-09'),
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `npm run studio` in its own process group (npm → tsx → node → Prisma's CLI), resolved when it listens. */
function startStudio(
  databaseUrl: string,
  port: number,
): Promise<{ child: ChildProcess; output: () => string; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'studio', '--', '--port', String(port), '--browser', 'none'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BROWSER: 'none' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      void stopStudio(child);
      reject(new Error(`Studio did not start in ${READY_TIMEOUT_MS} ms:\n${output}`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/Prisma Studio is running at:\s*(http:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, output: () => output, url: match[1]!.replace(/\/$/, '') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Studio exited with ${code} before it was ready:\n${output}`));
    });
  });
}

/** Ends the whole process group and waits for npm to exit (SIGKILL after 5 s). */
async function stopStudio(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  killGroup('SIGTERM');
  const timer = setTimeout(() => killGroup('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

let db: TestDatabase;
let studio: Awaited<ReturnType<typeof startStudio>> | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.prisma.customer.create({ data: CUSTOMER });
  studio = await startStudio(db.url, await freePort());
});

afterAll(async () => {
  if (studio) await stopStudio(studio.child);
  await db?.close();
});

describe('npm run studio', () => {
  it('serves the Studio page, set up for the database through its /bff data API', async () => {
    const page = await fetch(`${studio!.url}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`window.__STUDIO_CONFIG__ = {"adapter":"${STUDIO.adapterName}"}`);
    expect(html).toContain('src="/studio.js"');
    const script = await fetch(`${studio!.url}/studio.js`);
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('url:"/bff"');
  });

  it('loads the customer row through Studio, as its page does', async () => {
    const requests: { url: string; body: { procedure: string; query: { sql: string } } }[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      requests.push({
        url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        body: JSON.parse(init?.body as string),
      });
      return fetch(input, init);
    };
    const adapter = STUDIO.createAdapter({
      executor: createStudioBFFClient({ url: `${studio!.url}/bff`, fetch: recordingFetch }),
    });

    const [introspectError, introspection] = await adapter.introspect({});
    expect(introspectError).toBeNull();
    const table = introspection!.schemas[STUDIO.schemaOf(db.url)]!.tables.Customer;
    expect(table).toBeDefined();

    const [queryError, result] = await adapter.query(
      {
        table: table!,
        pageIndex: 0,
        pageSize: 25,
        sortOrder: [{ column: 'id', direction: 'asc' }],
        filter: { kind: 'FilterGroup', after: 'and', filters: [], id: 'root' },
      },
      { abortSignal: AbortSignal.timeout(10_000) },
    );
    expect(queryError).toBeNull();
    expect(result!.rows).toHaveLength(1);
    expect(result!.rows[0]).toMatchObject({ email: CUSTOMER.email, firstName: 'Grace', lastName: 'Hopper' });

    // Plain HTTP requests to Studio's /bff: the catalogue, then the page of Customer rows (on
    // PostgreSQL with the row count and after a look at the time zone).
    expect(requests.length).toBeGreaterThanOrEqual(2);
    expect(
      requests.every((request) => new URL(request.url).pathname === '/bff' && request.body.procedure === 'query'),
    ).toBe(true);
    expect(requests.at(-1)!.body.query.sql).toMatch(
      /from ("\w+"\.)?"Customer".* order by (cast\()?"id"( as numeric\))? asc limit (\?|\$\d+)/,
    );
  });

  it('tests the @prisma/studio-core that Prisma Studio ships, and downloads no engine', () => {
    const studioPrisma = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, 'tools/prisma-studio/node_modules/prisma/package.json'), 'utf8'),
    );
    const studioCore = JSON.parse(
      readFileSync(path.join(PROJECT_ROOT, 'node_modules/@prisma/studio-core/package.json'), 'utf8'),
    );
    expect(studioCore.version).toBe(studioPrisma.dependencies['@prisma/studio-core']);
    expect(studio!.output()).not.toMatch(/binaries\.prisma\.sh|download|query engine/i);
  });
});
