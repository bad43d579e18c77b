/**
 * The app as `npm start` runs it (main.ts under tsx, development mode), in a process of its own on
 * a port of its own, for the benchmarks that measure it that way (bench:api, bench:import).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { ADMIN, ROOT } from './app-server.js';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * main.ts working in `dir` (so its .env and .adminjs are not the project's); `env` adds to or
 * overrides its environment, `showErrors` passes its stderr through.
 */
export function startDevServer(
  dir: string,
  databaseUrl: string,
  port: number,
  { env = {}, showErrors = false }: { env?: Record<string, string>; showErrors?: boolean } = {},
): ChildProcess {
  return spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(ROOT, 'src/main.ts')], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      SESSION_SECRET: 'benchmark-session-secret-0123456789abcdef',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: showErrors ? ['ignore', 'ignore', 'inherit'] : 'ignore',
  });
}

/** Waits (at most 120 s) until the server answers /readyz; fails at once if it exits. */
export async function waitUntilReady(base: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the server did not become ready within 120 s');
}
