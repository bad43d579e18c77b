/**
 * npm run bench [-- --customers N] [--duration S] [--connections C] [--database-url URL] [--skip-build]
 *
 * Builds the app, seeds a database with N customers (default 100,000; SQLite under bench/.data,
 * seeded once per N and copied fresh for every run — or the PostgreSQL database --database-url
 * names) plus 8,640 added over the last 90 days, starts the app in production mode, signs in and
 * measures with autocannon, for a fixed duration each (after a short warm-up), the panel's own
 * requests: list page 1, a deep page (2500 of 20), a search matching about 100 customers, show,
 * the Home's data, create and sign-in — and a bare endpoint of the same app answering a fixed JSON
 * of the list page's size (the ceiling of this machine). Prints a table (requests/s, p50, p99,
 * errors, share of the ceiling) with the server's peak RSS and the machine's load, and writes it
 * as JSON to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Request } from 'autocannon';
import { createPrismaClient } from '../src/db/client.js';
import { parseDatabaseUrl } from '../src/db/database-url.js';
import { ADMIN, AS_IF_BEHIND_TLS_PROXY, ROOT, signIn, startAppServer, type AppServer } from './app-server.js';

const { values } = parseArgs({
  options: {
    customers: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
    'database-url': { type: 'string' },
    'skip-build': { type: 'boolean', default: false },
  },
});
const CUSTOMERS = Number(values.customers);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const WARM_UP_SECONDS = 2;
const DEEP_PAGE = 2500;
const PER_PAGE = 20;
const SEARCH_TARGET_MATCHES = 100;
/** Customers added over the last 90 days before the run, one a quarter-hour (see addRecentCustomers). */
const RECENT_CUSTOMERS = 90 * 96;
const RECENT_EMAIL_DOMAIN = 'recent.bench.example';
const CUSTOMER_API = '/admin/api/resources/Customer';

interface Case {
  name: string;
  request: Request & { path: string };
  /** The status every answer must have; any other counts as an error. */
  status: number;
  /** Answers with the right status that still failed, since the last call. */
  takeFailedAnswers?: () => number;
}

interface Measurement {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  requests: number;
  responseBytes: number;
  loadAverage: number[];
  /** The server's CPU time per answered request (all its threads), in ms: steadier than requests/s on a busy machine. */
  serverCpuMsPerRequest: number;
  /** The server's peak RSS so far (VmHWM), in MB. */
  peakRssMb: number;
  shareOfCeiling?: number;
}

const loadAverage = () => loadavg().map((value) => Number(value.toFixed(2)));

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

/** A seeded database for the run: SQLite copied from a file seeded once per size; PostgreSQL as given. */
function prepareDatabase(): { databaseUrl: string; seedSeconds: number } {
  const started = performance.now();
  const seed = (databaseUrl: string) =>
    run(process.execPath, ['dist/cli/seed.js', '--customers', String(CUSTOMERS), '--force'], {
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'warn',
    });
  if (values['database-url']) {
    seed(values['database-url']);
    return { databaseUrl: values['database-url'], seedSeconds: (performance.now() - started) / 1000 };
  }
  const dir = path.join(ROOT, 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const seeded = path.join(dir, `customers-${CUSTOMERS}.db`);
  seed(`file:${seeded}`);
  const seedSeconds = (performance.now() - started) / 1000;
  const fresh = path.join(dir, 'run.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${fresh}${suffix}`, { force: true });
  copyFileSync(seeded, fresh);
  return { databaseUrl: `file:${fresh}`, seedSeconds };
}

/**
 * One customer a quarter-hour over the last 90 days, so that the Home reads its counters full, as a
 * busy office's would: the seed's customers joined one a minute from 2024 on and end long before
 * today. On PostgreSQL the ones of an earlier run are replaced (their days have moved).
 */
async function addRecentCustomers(databaseUrl: string): Promise<void> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    await prisma.customer.deleteMany({ where: { email: { endsWith: `@${RECENT_EMAIL_DOMAIN}` } } });
    const now = Date.now();
    const customers = Array.from({ length: RECENT_CUSTOMERS }, (_, i) => {
      const createdAt = new Date(now - (i + 1) * 15 * 60_000);
      return {
        firstName: 'Recent',
        lastName: `Customer ${i}`,
        email: `customer.${i}@${RECENT_EMAIL_DOMAIN}`,
        phone: `+1917${2_000_000 + i}`,
        dateOfBirth: new Date('1990-05-17T00:00:00Z'),
        createdAt,
        updatedAt: createdAt,
      };
    });
    for (let start = 0; start < customers.length; start += 1000) {
      await prisma.customer.createMany({ data: customers.slice(start, start + 1000) });
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function get(baseUrl: string, cookie: string, url: string): Promise<{ status: number; body: string }> {
  // A kept-alive connection the server closed while the bench was busy elsewhere (the server drops
  // idle ones after 5 s) fails at once: the request is then sent again on a new one.
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${baseUrl}${url}`, {
        headers: { cookie, ...AS_IF_BEHIND_TLS_PROXY },
        redirect: 'manual',
      });
      return { status: response.status, body: await response.text() };
    } catch (error) {
      const code = (error as { cause?: { code?: string } }).cause?.code;
      if (attempt >= 3 || code !== 'UND_ERR_SOCKET') throw error;
    }
  }
}

/** A last name whose search the app answers with about SEARCH_TARGET_MATCHES customers. */
async function searchTerm(
  databaseUrl: string,
  baseUrl: string,
  cookie: string,
): Promise<{ term: string; matches: number }> {
  const prisma = createPrismaClient(databaseUrl);
  try {
    const groups = await prisma.customer.groupBy({
      by: ['lastName'],
      _count: { _all: true },
      where: { deletedAt: null },
    });
    const candidates = groups
      .filter((group) => /^[A-Za-z]{4,}$/.test(group.lastName))
      .sort((a, b) => Math.abs(a._count._all - SEARCH_TARGET_MATCHES) - Math.abs(b._count._all - SEARCH_TARGET_MATCHES))
      .slice(0, 5);
    const answered = await Promise.all(
      candidates.map(async ({ lastName }) => {
        const { body } = await get(
          baseUrl,
          cookie,
          `${CUSTOMER_API}/actions/list?perPage=${PER_PAGE}&filters.search=${encodeURIComponent(lastName)}`,
        );
        return { term: lastName, matches: (JSON.parse(body) as { meta: { total: number } }).meta.total };
      }),
    );
    return answered.sort(
      (a, b) => Math.abs(a.matches - SEARCH_TARGET_MATCHES) - Math.abs(b.matches - SEARCH_TARGET_MATCHES),
    )[0]!;
  } finally {
    await prisma.$disconnect();
  }
}

function createCase(): Case {
  let sequence = 0;
  let refused = 0;
  // Unique across runs on a database that is not fresh (PostgreSQL): a number of the run's start.
  const base = Date.now() % 1_000_000;
  return {
    name: 'create',
    status: 200,
    takeFailedAnswers: () => {
      const failed = refused;
      refused = 0;
      return failed;
    },
    request: {
      method: 'POST',
      path: `${CUSTOMER_API}/actions/new`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // A create refused by validation still answers 200, with an error notice.
      onResponse: (status, body) => {
        if (status === 200 && !body.includes('"type":"success"')) refused += 1;
      },
      setupRequest: (request) => {
        sequence += 1;
        const number = (base + sequence) % 8_000_000;
        return {
          ...request,
          body: new URLSearchParams({
            firstName: 'Bench',
            lastName: `Customer ${number}`,
            email: `bench.${number}@bench.example`,
            phone: `+1646${2_000_000 + number}`,
            dateOfBirth: '1990-05-17',
          }).toString(),
        };
      },
    },
  };
}

async function measure(server: AppServer, cookie: string, testCase: Case): Promise<Measurement> {
  const { baseUrl } = server;
  const { path: requestPath, ...request } = testCase.request;
  const load = (duration: number) =>
    autocannon({
      url: `${baseUrl}${requestPath}`,
      connections: CONNECTIONS,
      duration,
      headers: { cookie, ...AS_IF_BEHIND_TLS_PROXY },
      requests: [{ ...request, path: requestPath }],
    });
  await load(WARM_UP_SECONDS);
  testCase.takeFailedAnswers?.();
  const cpuBefore = server.cpuSeconds();
  const result = await load(DURATION);
  const serverCpuSeconds = server.cpuSeconds() - cpuBefore;
  const expected = result.statusCodeStats?.[String(testCase.status) as `${number}`]?.count ?? 0;
  const answered = Object.values(result.statusCodeStats ?? {}).reduce((sum, { count = 0 }) => sum + count, 0);
  return {
    name: testCase.name,
    path: requestPath,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + (answered - expected) + (testCase.takeFailedAnswers?.() ?? 0),
    requests: result.requests.total,
    responseBytes: Math.round(result.throughput.total / Math.max(result.requests.total, 1)),
    serverCpuMsPerRequest: Number(((serverCpuSeconds * 1000) / Math.max(result.requests.total, 1)).toFixed(2)),
    loadAverage: loadAverage(),
    peakRssMb: Math.round(server.peakRssMb()),
  };
}

function table(measurements: Measurement[]): string {
  const rows = measurements.map(
    (m) =>
      `| ${m.name} | ${m.requestsPerSecond} | ${m.p50Ms} | ${m.p99Ms} | ${m.errors} | ${m.shareOfCeiling === undefined ? '—' : `${Math.round(m.shareOfCeiling * 100)} %`} | ${m.serverCpuMsPerRequest} | ${m.peakRssMb} |`,
  );
  return [
    '| case | requests/s | p50 ms | p99 ms | errors | of ceiling | server CPU ms/request | peak RSS MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (!values['skip-build']) run('npm', ['run', 'build']);
for (const built of ['dist/main.js', 'dist/cli/seed.js', 'dist/adminjs/bundle.js']) {
  if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run without --skip-build`);
}
const { databaseUrl, seedSeconds } = prepareDatabase();
await addRecentCustomers(databaseUrl);
const loadAtStart = loadAverage();
const server = await startAppServer(databaseUrl);
try {
  const cookie = await signIn(server.baseUrl);
  const listPage = await get(server.baseUrl, cookie, `${CUSTOMER_API}/actions/list?page=1&perPage=${PER_PAGE}`);
  if (listPage.status !== 200) throw new Error(`the list answered ${listPage.status}`);
  const search = await searchTerm(databaseUrl, server.baseUrl, cookie);
  const shownId = Math.ceil(CUSTOMERS / 2);
  const get200 = (name: string, requestPath: string): Case => ({
    name,
    status: 200,
    request: { method: 'GET', path: requestPath },
  });
  const cases: Case[] = [
    get200('ceiling: fixed JSON of the list page’s size', `/bench/ceiling?bytes=${Buffer.byteLength(listPage.body)}`),
    get200('list, page 1', `${CUSTOMER_API}/actions/list?page=1&perPage=${PER_PAGE}`),
    get200(`list, page ${DEEP_PAGE}`, `${CUSTOMER_API}/actions/list?page=${DEEP_PAGE}&perPage=${PER_PAGE}`),
    get200(
      `search "${search.term}" (${search.matches} customers)`,
      `${CUSTOMER_API}/actions/list?perPage=${PER_PAGE}&filters.search=${encodeURIComponent(search.term)}`,
    ),
    get200('show one customer', `${CUSTOMER_API}/records/${shownId}/show`),
    get200('the Home’s data (superuser, Europe/Berlin)', '/admin/api/dashboard?timeZone=Europe%2FBerlin'),
    createCase(),
    {
      name: 'sign-in',
      status: 302,
      request: {
        method: 'POST',
        path: '/admin/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(ADMIN).toString(),
      },
    },
  ];
  const measurements: Measurement[] = [];
  for (const testCase of cases) {
    const measurement = await measure(server, cookie, testCase);
    measurements.push(measurement);
    console.log(
      `${testCase.name}: ${measurement.requestsPerSecond}/s, p50 ${measurement.p50Ms} ms, p99 ${measurement.p99Ms} ms, ${measurement.errors} errors ` +
        `(server CPU ${measurement.serverCpuMsPerRequest} ms a request, peak RSS so far ${measurement.peakRssMb} MB, load ${measurement.loadAverage.join(' ')})`,
    );
  }
  const ceiling = measurements[0]!.requestsPerSecond;
  for (const measurement of measurements.slice(1)) measurement.shareOfCeiling = measurement.requestsPerSecond / ceiling;

  const report = {
    date: new Date().toISOString(),
    database: parseDatabaseUrl(databaseUrl).provider,
    customers: CUSTOMERS,
    recentCustomers: RECENT_CUSTOMERS,
    seedSeconds: Number(seedSeconds.toFixed(1)),
    durationSeconds: DURATION,
    connections: CONNECTIONS,
    node: process.version,
    cpus: cpus().length,
    loadAverageAtStart: loadAtStart,
    peakRssMb: Math.round(server.peakRssMb()),
    measurements,
  };
  const summary = `${report.customers.toLocaleString('en')} customers (+ ${RECENT_CUSTOMERS.toLocaleString('en')} in the last 90 days), ${report.database}, ${CONNECTIONS} connections, ${DURATION} s each, ${report.cpus} CPUs, load average at start ${loadAtStart.join(' ')}; server peak RSS ${report.peakRssMb} MB`;
  console.log(`\n${summary}\n\n${table(measurements)}\n`);
  const resultsDir = path.join(ROOT, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${report.date.replace(/[:.]/g, '-')}-${report.database}-${CUSTOMERS}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Written to ${path.relative(ROOT, file)}`);
} finally {
  await server.stop();
}
