/** `npm start` as a user runs it: migrations, first superuser printed once, panel served, clean stop. */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, startScript } from '../support/processes.js';

const file = path.join(PROJECT_ROOT, 'tests/.tmp', `${randomUUID()}.db`);
afterAll(() => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

const env = {
  DATABASE_URL: `file:${file}`,
  PORT: '0',
  HOST: '127.0.0.1',
  ADMIN_EMAIL: '',
  ADMIN_PASSWORD: '',
  SESSION_SECRET: '',
  NODE_ENV: 'development',
};
const serving = /serving the admin panel at (http:\/\/127\.0\.0\.1:\d+)\/admin/;

describe('npm start on an empty database', () => {
  it('creates admin@example.com with a random password printed once, serves the panel, and stops cleanly on SIGTERM', async () => {
    const first = await startScript('src/main.ts', env, new RegExp(`${serving.source}[\\s\\S]*Password: (\\S+)`));
    const base = first.match[1]!;
    const password = first.match[2]!;
    expect(first.output()).toContain('First superuser created: admin@example.com');
    expect(first.output()).toMatch(/SESSION_SECRET is not set/);

    const login = await fetch(`${base}/admin/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'admin@example.com', password }),
      redirect: 'manual',
    });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/admin');

    const exited = new Promise<number | null>((resolve) => first.child.on('exit', resolve));
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);

    const second = await startScript('src/main.ts', env, serving);
    expect(second.output()).not.toContain('First superuser created');
    const stopped = new Promise<number | null>((resolve) => second.child.on('exit', resolve));
    second.child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  }, 180_000);

  it('refuses to start with a bad variable, naming it', async () => {
    await expect(startScript('src/main.ts', { ...env, PORT: 'eighty' }, serving)).rejects.toThrow(/PORT/);
    await expect(startScript('src/main.ts', { ...env, NODE_ENV: 'production' }, serving)).rejects.toThrow(
      /SESSION_SECRET is required/,
    );
  }, 120_000);
});
