/**
 * npm run bench:import — a 100,000-row customer CSV imported over the REST API on SQLite: the time
 * of the upload and dry run (POST /api/v1/customers/imports → 201), the time of the apply (POST
 * …/apply until GET …/{id} says done), and, while it applies, the latency of the panel's customer
 * list (AdminJS's list API, signed in by session) under a steady autocannon load: p50/p99 and how
 * many requests failed. The server runs as `npm start` does, in a process of its own, on a fresh
 * database in a temporary directory.
 *
 * ROWS (default 100000), CONNECTIONS for the list load (default 4).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { applyMigrations } from '../src/db/migrate.js';
import { ADMIN } from './app-server.js';
import { freePort, startDevServer, waitUntilReady } from './dev-server.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 4);
const POLL_MS = 250;

/**
 * A spreadsheet-like file: semicolons, day-first dates, national US numbers (exchanges 300–399,
 * 10,000 numbers each), a note on every tenth row.
 */
function customersCsv(rows: number): Buffer {
  const lines = ['First Name;Last Name;E-mail;Mobile;DOB;Notes'];
  for (let n = 0; n < rows; n += 1) {
    const exchange = 300 + Math.floor(n / 10_000);
    const line = String(n % 10_000).padStart(4, '0');
    const day = String(1 + (n % 28)).padStart(2, '0');
    const month = String(1 + (n % 12)).padStart(2, '0');
    lines.push(
      `Ann${n};Example${n};ann${n}@bench.example;(201) ${exchange}-${line};${day}/${month}/${1950 + (n % 50)};${n % 10 === 0 ? 'Imported' : ''}`,
    );
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`);
}

async function json<T>(response: Response, expected: number): Promise<T> {
  if (response.status !== expected)
    throw new Error(`${response.url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function panelCookie(base: string): Promise<string> {
  const response = await fetch(`${base}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(ADMIN),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`panel sign-in answered ${response.status}`);
  return cookie;
}

interface ImportState {
  id: number;
  status: string;
  appliedRows: number;
  report: { counts: Record<string, number> };
  result: Record<string, number>;
}

const dir = mkdtempSync(path.join(tmpdir(), 'import-bench-'));
const databaseUrl = `file:${path.join(dir, 'bench.db')}`;
let server: ChildProcess | undefined;
try {
  await applyMigrations(databaseUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  server = startDevServer(dir, databaseUrl, port, { env: { LOG_LEVEL: 'warn' }, showErrors: true });
  await waitUntilReady(base, server);
  const { accessToken } = await json<{ accessToken: string }>(
    await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    }),
    200,
  );
  const authorization = `Bearer ${accessToken}`;
  const cookie = await panelCookie(base);
  const file = customersCsv(ROWS);
  console.log(`${ROWS.toLocaleString('en')} rows, ${(file.length / 2 ** 20).toFixed(1)} MB CSV (SQLite)\n`);

  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)], { type: 'text/csv' }), 'customers.csv');
  const dryRunStarted = performance.now();
  const uploaded = await json<ImportState>(
    await fetch(`${base}/api/v1/customers/imports`, { method: 'POST', headers: { authorization }, body: form }),
    201,
  );
  const dryRunSeconds = (performance.now() - dryRunStarted) / 1000;
  console.log(`dry run: ${dryRunSeconds.toFixed(1)} s`, uploaded.report.counts);

  let listResult: (result: autocannon.Result) => void = () => {};
  const listDone = new Promise<autocannon.Result>((resolve) => (listResult = resolve));
  const listLoad = autocannon(
    {
      url: `${base}/admin/api/resources/Customer/actions/list?page=1&perPage=20`,
      connections: CONNECTIONS,
      duration: 3600,
      headers: { cookie },
    },
    (error, result) => {
      if (error) throw error;
      listResult(result);
    },
  );
  const applyStarted = performance.now();
  await json<ImportState>(
    await fetch(`${base}/api/v1/customers/imports/${uploaded.id}/apply`, {
      method: 'POST',
      headers: { authorization },
    }),
    202,
  );
  let state = uploaded;
  do {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const progress = () => fetch(`${base}/api/v1/customers/imports/${uploaded.id}`, { headers: { authorization } });
    // A kept-alive connection the server has just closed fails once: asked again on a new one.
    const answer = await progress().catch(progress);
    state = await json<ImportState>(answer, 200);
  } while (state.status === 'applying');
  const applySeconds = (performance.now() - applyStarted) / 1000;
  listLoad.stop();
  const list = await listDone;
  console.log(`apply: ${applySeconds.toFixed(1)} s, status ${state.status}`, state.result);
  console.table([
    {
      'during the apply': 'GET panel customer list (page 1, 20 rows)',
      connections: CONNECTIONS,
      requests: list.requests.total,
      'p50 ms': list.latency.p50,
      'p99 ms': list.latency.p99,
      'max ms': list.latency.max,
      'non-2xx': list.non2xx + list.errors,
    },
  ]);
  console.log(
    'list answers by status:',
    JSON.stringify(list.statusCodeStats),
    'errors:',
    list.errors,
    'timeouts:',
    list.timeouts,
  );
  if (state.status !== 'done' || list.non2xx + list.errors > 0) process.exitCode = 1;
} finally {
  server?.kill('SIGTERM');
  if (server && server.exitCode === null) await new Promise((resolve) => server!.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
}
