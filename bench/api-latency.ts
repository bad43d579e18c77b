/**
 * npm run bench:api — latency of the REST API over HTTP with 10,000 customers (SQLite). Each run
 * seeds a fresh database (straight through Prisma's createMany: setup, not the app's seeder),
 * starts the server as `npm start` does (a process of its own, so that the load generator does not
 * share its event loop), signs in over the API, then drives two fixed-length autocannon loads:
 * GET /api/v1/customers?page=1&pageSize=20, and POST /api/v1/customers with a unique customer per
 * request. Prints p50/p99 latency and requests/s per run.
 *
 * RUNS (default 3), DURATION seconds per load (default 10), CONNECTIONS (default 10).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { createPrismaClient } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrate.js';
import { customerSearchText } from '../src/domain/customers/search-text.js';
import { ADMIN } from './app-server.js';
import { freePort, startDevServer, waitUntilReady } from './dev-server.js';

const RUNS = Number(process.env.RUNS ?? 3);
const DURATION = Number(process.env.DURATION ?? 10);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 10);
const CUSTOMERS = 10_000;
const WARM_UP_SECONDS = 2;

async function seed(databaseUrl: string): Promise<void> {
  await applyMigrations(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  const now = Date.now();
  for (let start = 0; start < CUSTOMERS; start += 1000) {
    await prisma.customer.createMany({
      data: Array.from({ length: 1000 }, (_, offset) => {
        const n = start + offset;
        const createdAt = new Date(now - n * 60_000);
        const searchable = {
          firstName: `First${n}`,
          lastName: `Last${n}`,
          email: `seeded${n}@bench.example`,
          phone: `+1201${String(2_000_000 + n)}`,
        };
        return {
          ...searchable,
          searchText: customerSearchText(searchable),
          dateOfBirth: new Date(Date.UTC(1950 + (n % 50), n % 12, 1 + (n % 28))),
          createdAt,
          updatedAt: createdAt,
        };
      }),
    });
  }
  await prisma.$disconnect();
}

let sequence = 0;
function uniqueCustomer(): string {
  sequence += 1;
  return JSON.stringify({
    firstName: 'Bench',
    lastName: `Customer${sequence}`,
    email: `posted${sequence}@bench.example`,
    phone: `+1 212 ${String(3_000_000 + sequence).replace(/^(\d{3})(\d{4})$/, '$1 $2')}`,
    dateOfBirth: '1985-06-15',
  });
}

function load(base: string, token: string, kind: 'list' | 'create', seconds: number): Promise<Result> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  return autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    headers,
    requests:
      kind === 'list'
        ? [{ method: 'GET', path: '/api/v1/customers?page=1&pageSize=20' }]
        : [
            {
              method: 'POST',
              path: '/api/v1/customers',
              setupRequest: (request) => ({ ...request, body: uniqueCustomer() }),
            },
          ],
  });
}

interface Row {
  run: number;
  endpoint: string;
  p50: number;
  p99: number;
  requestsPerSecond: number;
  non2xx: number;
}

async function run(index: number): Promise<Row[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'api-latency-'));
  const databaseUrl = `file:${path.join(dir, 'bench.db')}`;
  let server: ChildProcess | undefined;
  try {
    await seed(databaseUrl);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startDevServer(dir, databaseUrl, port);
    await waitUntilReady(base, server);
    const signIn = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { accessToken } = (await signIn.json()) as { accessToken: string };

    const rows: Row[] = [];
    for (const [kind, endpoint] of [
      ['list', 'GET /customers?page=1&pageSize=20'],
      ['create', 'POST /customers'],
    ] as const) {
      await load(base, accessToken, kind, WARM_UP_SECONDS);
      const result = await load(base, accessToken, kind, DURATION);
      rows.push({
        run: index,
        endpoint,
        p50: result.latency.p50,
        p99: result.latency.p99,
        requestsPerSecond: Math.round(result.requests.average),
        non2xx: result.non2xx + result.errors,
      });
    }
    return rows;
  } finally {
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `${CUSTOMERS} customers (SQLite), ${CONNECTIONS} connections, ${DURATION} s per load (after ${WARM_UP_SECONDS} s of warm-up), ${RUNS} runs\n`,
);
const rows: Row[] = [];
for (let index = 1; index <= RUNS; index += 1) rows.push(...(await run(index)));
console.table(
  rows.map((row) => ({
    run: row.run,
    endpoint: row.endpoint,
    'p50 ms': row.p50,
    'p99 ms': row.p99,
    'req/s': row.requestsPerSecond,
    'non-2xx': row.non2xx,
  })),
);
if (rows.some((row) => row.non2xx > 0)) {
  console.error('Some requests failed: the numbers above do not measure successful requests only.');
  process.exitCode = 1;
}
