import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/domain/accounts/passwords.js';
import { runScript } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

let db: TestDatabase;
let env: Record<string, string>;
beforeAll(async () => {
  db = await createTestDatabase();
  env = { DATABASE_URL: db.url };
});
afterAll(async () => db.close());

describe('npm run createsuperuser', () => {
  it('creates a superuser from flags', async () => {
    const result = await runScript(
      'src/cli/createsuperuser.ts',
      ['--email', 'Boss@Example.com', '--password', 'the boss password'],
      env,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Superuser boss@example.com created.');
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
    expect(user.role).toBe('SUPERUSER');
    expect(await verifyPassword(user.passwordHash, 'the boss password')).toBe(true);
  });

  it('asks for what is missing, the password twice', async () => {
    const result = await runScript(
      'src/cli/createsuperuser.ts',
      [],
      env,
      'second@example.com\nSecond Boss\nanother good password\nanother good password\n',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Email: .*Name.*Password: .*Password \(again\)/s);
    expect(result.stdout).not.toContain('another good password');
    expect(await db.prisma.user.findUniqueOrThrow({ where: { email: 'second@example.com' } })).toMatchObject({
      name: 'Second Boss',
      role: 'SUPERUSER',
    });
  });

  it.each([
    ['a taken email', ['--email', 'boss@example.com', '--password', 'whatever password'], '', /already exists/],
    ['a short password', ['--email', 'short@example.com', '--password', 'short'], '', /at least 12/],
    [
      'two different passwords',
      ['--email', 'typo@example.com'],
      'Typo\nfirst password 123\nsecond password 456\n',
      /differ/,
    ],
    ['no answers at all', [], '', /pass the value as a flag/],
  ])('refuses %s with a one-line error and exit code 1', async (_case, args, input, message) => {
    const before = await db.prisma.user.count();
    const result = await runScript('src/cli/createsuperuser.ts', args, env, input);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(await db.prisma.user.count()).toBe(before);
  });
});

describe('npm run changepassword', () => {
  it('sets a new password, asked twice', async () => {
    const result = await runScript(
      'src/cli/changepassword.ts',
      ['--email', 'BOSS@example.com'],
      env,
      'a changed password\na changed password\n',
    );
    expect(result.code).toBe(0);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: 'boss@example.com' } });
    expect(await verifyPassword(user.passwordHash, 'a changed password')).toBe(true);
  });

  it('refuses an unknown account and a bad password', async () => {
    const unknown = await runScript('src/cli/changepassword.ts', ['--email', 'ghost@example.com'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user has the email ghost@example.com/);
    const weak = await runScript(
      'src/cli/changepassword.ts',
      ['--email', 'boss@example.com', '--password', 'boss@example.com'],
      env,
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password/i);
  });
});
