/**
 * An import whose process is killed mid-way (SIGKILL, in a child process, on the real database)
 * leaves whole batches only — every customer written has its audit entry and is counted in the
 * import's progress — and applying it again goes on from there to the end, creating no duplicate.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { startScript } from '../support/processes.js';
import { createTestDatabase, type TestDatabase } from '../support/test-app.js';

const ROWS = 3_000;

let t: TestDatabase;
let manager: Actor;

beforeAll(async () => {
  t = await createTestDatabase();
  manager = { id: (await t.createUser('MANAGER')).id, role: 'MANAGER' };
});
afterAll(async () => t.close());

function csvOf(rows: number): Buffer {
  const lines = ['First name,Last name,Email,Phone,Date of birth'];
  for (let row = 0; row < rows; row += 1) {
    lines.push(`Ann,Example${row},ann${row}@example.com,+1 201 555 ${String(row).padStart(4, '0')},1990-05-17`);
  }
  return Buffer.from(lines.join('\n'));
}

async function progress(id: number) {
  return t.prisma.customerImport.findUniqueOrThrow({ where: { id }, omit: { content: true } });
}

it('a killed apply leaves whole batches, counted; applying again finishes it without duplicates', async () => {
  const uploaded = await t.services.imports.upload({ fileName: 'many.csv', content: csvOf(ROWS) }, manager);
  expect(uploaded.report.counts.toCreate).toBe(ROWS);

  const { child } = await startScript(
    'tests/support/import-apply-process.ts',
    { DATABASE_URL: t.url, IMPORT_ID: String(uploaded.id), ACTOR_ID: String(manager.id), IMPORT_BATCH_SIZE: '20' },
    /applying: applying/,
  );
  let applied = 0;
  while (applied < 200) {
    applied = (await progress(uploaded.id)).appliedRows;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));

  const stopped = await progress(uploaded.id);
  expect(stopped.status).toBe('applying');
  expect(stopped.appliedRows).toBeLessThan(ROWS);
  expect(stopped.appliedRows % 20).toBe(0);
  expect(await t.prisma.customer.count()).toBe(stopped.created);
  expect(stopped.created).toBe(stopped.appliedRows);
  expect(await t.prisma.auditLog.count({ where: { importId: uploaded.id, action: 'create' } })).toBe(stopped.created);

  // Until its claim expires, the import reads as still running elsewhere, and applying does not start it twice.
  t.clock.set(stopped.claimedAt!);
  expect(await t.services.imports.apply(uploaded.id, manager)).toMatchObject({
    status: 'applying',
    interrupted: false,
  });
  t.clock.set(new Date(stopped.claimedAt!.getTime() + 61_000));
  expect((await t.services.imports.find(uploaded.id, manager)).interrupted).toBe(true);
  await t.services.imports.apply(uploaded.id, manager);
  for (let tries = 0; tries < 1200 && (await progress(uploaded.id)).status === 'applying'; tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const done = await progress(uploaded.id);
  expect(done).toMatchObject({ status: 'done', appliedRows: ROWS, created: ROWS, failed: 0, skipped: 0 });
  expect(await t.prisma.customer.count()).toBe(ROWS);
  expect(await t.prisma.auditLog.count({ where: { importId: uploaded.id, action: 'create' } })).toBe(ROWS);
  expect(await t.prisma.auditLog.count({ where: { importId: uploaded.id, action: 'import' } })).toBe(1);
}, 120_000);
