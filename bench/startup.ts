/**
 * npm run bench:startup — cold start and memory of the server in development mode (`npm start`:
 * TypeScript through tsx) and in production mode (`npm run start:prod`: the compiled app and the
 * prebuilt admin bundle; needs `npm run build` first), each on a fresh SQLite file: time from
 * spawning the process to the first served page (/admin/login), then the server's RSS after
 * signing in and loading one customer list page. Runs each mode three times (RUNS=n to change).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = 3900;
const base = `http://127.0.0.1:${PORT}`;
const password = 'benchmark password 1';

interface Mode {
  name: string;
  args: string[];
  env: Record<string, string>;
}

const MODES: Mode[] = [
  { name: 'development (npm start: tsx)', args: ['--import', 'tsx', 'src/main.ts'], env: { NODE_ENV: 'development' } },
  {
    name: 'production (npm run start:prod: compiled, prebuilt bundle)',
    args: ['dist/main.js'],
    // The Secure session cookie is set over plain http only for a trusted proxy saying https.
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
      TRUST_PROXY: 'loopback',
    },
  },
];
const AS_IF_BEHIND_TLS_PROXY = { 'x-forwarded-proto': 'https' };

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function firstAnswer(deadline: number, exited: Promise<number | null>): Promise<void> {
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the server exited with ${exitCode} before answering`);
    try {
      if ((await fetch(`${base}/admin/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the server did not answer within 120 s');
}

async function run(mode: Mode, index: number): Promise<{ coldSeconds: number; rssMb: number }> {
  const file = path.join(tmpdir(), `startup-bench-${process.pid}-${index}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, mode.args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...mode.env,
      DATABASE_URL: `file:${file}`,
      PORT: String(PORT),
      ADMIN_EMAIL: 'bench@example.com',
      ADMIN_PASSWORD: password,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    await firstAnswer(Date.now() + 120_000, exited);
    const coldSeconds = (performance.now() - started) / 1000;
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...AS_IF_BEHIND_TLS_PROXY },
      body: new URLSearchParams({ email: 'bench@example.com', password }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = await fetch(`${base}/admin/api/resources/Customer/actions/list?page=1`, {
      headers: { cookie, ...AS_IF_BEHIND_TLS_PROXY },
    });
    if (!list.ok) throw new Error(`list answered ${list.status}`);
    return { coldSeconds, rssMb: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

for (const built of ['dist/main.js', 'dist/adminjs/bundle.js']) {
  if (!existsSync(path.join(ROOT, built)))
    throw new Error(`${built} is missing: run npm run build first (production mode runs the compiled app)`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
for (const mode of MODES) {
  console.log(mode.name);
  const results = [];
  for (let index = 0; index < RUNS; index += 1) {
    const result = await run(mode, index);
    results.push(result);
    console.log(
      `  run ${index + 1}: first served request after ${result.coldSeconds.toFixed(2)} s; RSS after sign-in + one list page ${result.rssMb.toFixed(0)} MB`,
    );
  }
  console.log(
    `  median: ${median(results.map((r) => r.coldSeconds)).toFixed(2)} s, ${median(results.map((r) => r.rssMb)).toFixed(0)} MB`,
  );
}
