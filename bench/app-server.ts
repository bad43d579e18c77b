/**
 * The app as `npm run start:prod` runs it (compiled, NODE_ENV=production, its node options), in a
 * process of its own so that the load generator does not share its event loop; plus signing in and
 * the server's memory.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
export const ADMIN = { email: 'bench@example.com', password: 'benchmark password 1' };
/** Production cookies are Secure: over plain http they are set only for a trusted proxy saying https. */
export const AS_IF_BEHIND_TLS_PROXY = { 'x-forwarded-proto': 'https' };

export interface AppServer {
  baseUrl: string;
  pid: number;
  /** The most memory the process has held (VmHWM), in MB. */
  peakRssMb(): number;
  /** CPU time the process (all its threads) has used so far, in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** A port nobody listens on now (a fixed one may be taken by another app on this machine). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The node options of `npm run start:prod` (heap limits), so that the app runs here as in production. */
function productionNodeOptions(): string[] {
  const script =
    (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts[
      'start:prod'
    ] ?? '';
  const options = /\bnode\s+(.*?)\s*dist\/main\.js/.exec(script);
  if (!options) throw new Error('package.json: start:prod does not run `node … dist/main.js`');
  return options[1]!.split(/\s+/).filter(Boolean);
}

export async function startAppServer(databaseUrl: string): Promise<AppServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...productionNodeOptions(), 'dist/main.js'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
      TRUST_PROXY: 'loopback',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      BENCH_CEILING: 'on',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the app exited with ${exitCode} before answering`);
    if (Date.now() > deadline) throw new Error('the app did not answer within 120 s');
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    baseUrl,
    pid: child.pid!,
    peakRssMb: () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024,
    cpuSeconds: () => {
      // Fields 14 and 15 of /proc/PID/stat (user and system time, in clock ticks), counted after
      // the command name, which is in parentheses and may hold spaces.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs in to the panel; returns the session cookie. */
export async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...AS_IF_BEHIND_TLS_PROXY },
    body: new URLSearchParams(ADMIN),
    redirect: 'manual',
  });
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie;
}
