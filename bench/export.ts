/**
 * npm run bench:export [-- --skip-build] — the customer export over HTTP. Builds the app, seeds a
 * SQLite database with BENCH_CUSTOMERS customers (default 1,000,000; seeded once per size under
 * bench/.data/ as `npm run bench` does, then copied for the run), starts the app as
 * `npm run start:prod` runs it, signs in to the panel and downloads the whole list from the Export
 * action's route, once as CSV and once as XLSX, reading the body as it arrives. Prints, per format:
 * time to first byte, total time, rows/s (the active customers: the seed soft-deletes some), bytes,
 * the server's largest RSS during the download (sampled) and its peak since start-up (VmHWM);
 * writes them as JSON to bench/results/.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AS_IF_BEHIND_TLS_PROXY, ROOT, signIn, startAppServer } from './app-server.js';

const { values } = parseArgs({ options: { 'skip-build': { type: 'boolean', default: false } } });
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
if (!Number.isSafeInteger(CUSTOMERS) || CUSTOMERS < 1) throw new Error('BENCH_CUSTOMERS must be a whole number ≥ 1');
const FORMATS = ['csv', 'xlsx'] as const;

interface Measurement {
  format: (typeof FORMATS)[number];
  rows: number;
  bytes: number;
  timeToFirstByteMs: number;
  totalSeconds: number;
  rowsPerSecond: number;
  /** The server's largest RSS while it answered the download (VmRSS, sampled every 20 ms). */
  maxRssDuringMb: number;
  /** The server's peak RSS since it started (VmHWM, start-up included), read after the download. */
  peakRssMb: number;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** Samples the server's RSS until stopped; returns the largest seen. */
function sampleRss(pid: number): () => number {
  let max = rssMb(pid);
  const timer = setInterval(() => (max = Math.max(max, rssMb(pid))), 20);
  return () => {
    clearInterval(timer);
    return Math.max(max, rssMb(pid));
  };
}

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  execFileSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

/** A database with CUSTOMERS seeded customers, copied fresh for this run (the app writes to it at start). */
function prepareDatabase(): { databaseUrl: string; seedSeconds: number } {
  const dir = path.join(ROOT, 'bench/.data');
  mkdirSync(dir, { recursive: true });
  const seeded = path.join(dir, `customers-${CUSTOMERS}.db`);
  const started = performance.now();
  run(process.execPath, ['dist/cli/seed.js', '--customers', String(CUSTOMERS), '--force'], {
    DATABASE_URL: `file:${seeded}`,
    LOG_LEVEL: 'warn',
  });
  const seedSeconds = (performance.now() - started) / 1000;
  const fresh = path.join(dir, 'export-run.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${fresh}${suffix}`, { force: true });
  copyFileSync(seeded, fresh);
  return { databaseUrl: `file:${fresh}`, seedSeconds };
}

/** Downloads one export, counting bytes and line ends as they arrive; nothing is kept. */
async function download(baseUrl: string, cookie: string, format: 'csv' | 'xlsx') {
  const started = performance.now();
  // Every active customer, newest first: the list as it opens.
  const response = await fetch(`${baseUrl}/admin/customers/export?format=${format}`, {
    headers: { cookie, ...AS_IF_BEHIND_TLS_PROXY, 'accept-encoding': 'identity' },
  });
  if (response.status !== 200 || !response.body) throw new Error(`the export answered ${response.status}`);
  let timeToFirstByteMs: number | undefined;
  let bytes = 0;
  let lineEnds = 0;
  const reader = response.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    timeToFirstByteMs ??= performance.now() - started;
    bytes += chunk.byteLength;
    if (format === 'csv') for (const byte of chunk) if (byte === 0x0a) lineEnds += 1;
  }
  return {
    timeToFirstByteMs: timeToFirstByteMs ?? 0,
    totalSeconds: (performance.now() - started) / 1000,
    bytes,
    lineEnds,
  };
}

if (!values['skip-build']) run('npm', ['run', 'build']);
for (const built of ['dist/main.js', 'dist/cli/seed.js']) {
  if (!existsSync(path.join(ROOT, built))) throw new Error(`${built} is missing: run without --skip-build`);
}
const { databaseUrl, seedSeconds } = prepareDatabase();
const server = await startAppServer(databaseUrl);
const measurements: Measurement[] = [];
try {
  const cookie = await signIn(server.baseUrl);
  console.log(
    `server RSS before the exports: ${Math.round(rssMb(server.pid))} MB (peak so far ${Math.round(server.peakRssMb())} MB)`,
  );
  for (const format of FORMATS) {
    const stopSampling = sampleRss(server.pid);
    const result = await download(server.baseUrl, cookie, format);
    const maxRssDuringMb = Math.round(stopSampling());
    // The CSV's rows are its line ends less the header's (no note of the seed holds a line break);
    // the XLSX (compressed) holds the same list.
    const rows = format === 'csv' ? result.lineEnds - 1 : measurements[0]!.rows;
    measurements.push({
      format,
      rows,
      bytes: result.bytes,
      timeToFirstByteMs: Math.round(result.timeToFirstByteMs),
      totalSeconds: Number(result.totalSeconds.toFixed(1)),
      rowsPerSecond: Math.round(rows / result.totalSeconds),
      maxRssDuringMb,
      peakRssMb: Math.round(server.peakRssMb()),
    });
  }
} finally {
  await server.stop();
}

const table = [
  '| format | rows | MB | first byte ms | total s | rows/s | server max RSS during MB | server peak RSS since start MB |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...measurements.map(
    (m) =>
      `| ${m.format} | ${m.rows} | ${(m.bytes / 1e6).toFixed(1)} | ${m.timeToFirstByteMs} | ${m.totalSeconds} | ${m.rowsPerSecond} | ${m.maxRssDuringMb} | ${m.peakRssMb} |`,
  ),
].join('\n');
console.log(
  `\n${CUSTOMERS} customers (seeded in ${seedSeconds.toFixed(0)} s), load ${loadavg()
    .map((v) => v.toFixed(2))
    .join(' ')}\n`,
);
console.log(table);
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(ROOT, `bench/results/export-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ customers: CUSTOMERS, seedSeconds, measurements }, null, 2));
console.log(`\nwritten to ${path.relative(ROOT, file)}`);
