/**
 * npm run bench:startup — cold start and memory of `npm start`'s server on a fresh SQLite file:
 * time from spawning the process to the first served page (/admin/login), then the server's RSS
 * after signing in and loading one customer list page. Runs it three times and prints each run.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.RUNS ?? 3);
const PORT = 3900;
const base = `http://127.0.0.1:${PORT}`;
const password = 'benchmark password 1';

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function firstAnswer(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/admin/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the server did not answer within 120 s');
}

async function run(index: number): Promise<void> {
  const file = path.join(tmpdir(), `startup-bench-${process.pid}-${index}.db`);
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}`, PORT: String(PORT), ADMIN_EMAIL: 'bench@example.com', ADMIN_PASSWORD: password, NODE_ENV: 'development' },
    stdio: 'ignore',
  });
  try {
    await firstAnswer(Date.now() + 120_000);
    const coldMs = performance.now() - started;
    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'bench@example.com', password }),
      redirect: 'manual',
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const list = await fetch(`${base}/admin/api/resources/Customer/actions/list?page=1`, { headers: { cookie } });
    if (!list.ok) throw new Error(`list answered ${list.status}`);
    console.log(`run ${index + 1}: first served request after ${(coldMs / 1000).toFixed(2)} s; RSS after sign-in + one list page ${rssMb(child.pid!).toFixed(0)} MB`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.on('exit', resolve));
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
}

for (let index = 0; index < RUNS; index += 1) await run(index);
