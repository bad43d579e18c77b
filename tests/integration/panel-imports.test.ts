/**
 * The panel's Import customers page and its routes, signed in with the panel's session: every role
 * against the matrix (the page, the API action and each route), a bounded upload, and answers the
 * page reads as JSON — never a 500.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const FIXTURE = readFileSync(path.join(import.meta.dirname, '../fixtures/imports/quoted-newlines.csv'));
const ROLES: readonly Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];

let t: TestApp;
const agents = {} as Record<Role, Awaited<ReturnType<TestApp['signIn']>>>;
let superuserId: number;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ROLES) {
    const user = await t.createUser(role);
    if (role === 'SUPERUSER') superuserId = user.id;
    agents[role] = await t.signIn(user.email);
  }
});
afterAll(async () => t.close());

describe.each(ROLES)('as %s', (role) => {
  const allowed = role === 'SUPERUSER' || role === 'MANAGER';

  it(allowed ? 'uses the page and every route' : 'is refused the page and every route', async () => {
    const agent = agents[role];
    const existing = await t.services.imports.upload(
      { fileName: 'existing.csv', content: FIXTURE },
      { id: superuserId, role: 'SUPERUSER' },
    );
    const page = await agent.get('/admin/api/resources/Customer/actions/import');
    const upload = await agent.post('/admin/customer-imports').attach('file', FIXTURE, 'mine.csv');
    const dryRun = await agent.post(`/admin/customer-imports/${existing.id}/dry-run`).send({ updateExisting: true });
    const shown = await agent.get(`/admin/customer-imports/${existing.id}`);
    const errors = await agent.get(`/admin/customer-imports/${existing.id}/errors.csv`);
    const apply = await agent.post(`/admin/customer-imports/${existing.id}/apply`);
    const statuses = [page, upload, dryRun, shown, errors, apply].map((response) => response.status);
    if (!allowed) {
      expect(statuses).toEqual([403, 403, 403, 403, 403, 403]);
      expect(upload.body).toEqual({ message: `A ${role.toLowerCase()} may not import customer records.` });
      expect((await t.services.imports.find(existing.id, { id: superuserId, role: 'SUPERUSER' })).status).toBe(
        'uploaded',
      );
      return;
    }
    expect(statuses).toEqual([200, 201, 200, 200, 200, 202]);
    expect(upload.body).toMatchObject({ fileName: 'mine.csv', status: 'uploaded', totalRows: 3 });
    expect(dryRun.body.options.updateExisting).toBe(true);
    expect(errors.headers['content-disposition']).toBe('attachment; filename="existing-errors.csv"');
    for (let tries = 0; tries < 200; tries += 1) {
      const progress = await agent.get(`/admin/customer-imports/${existing.id}`);
      if (progress.body.status === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
});

describe('refusals the page shows', () => {
  it('a file too large, a body that is not a form, a missing import, bad options', async () => {
    const agent = agents.MANAGER;
    const line = 'Ann,Example,ann@example.com,2015550100,1990-05-17\n';
    const big = Buffer.from(`a,b,c,d,e\n${line.repeat(Math.ceil((21 * 2 ** 20) / line.length))}`);
    const tooLarge = await agent.post('/admin/customer-imports').attach('file', big, 'big.csv');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toEqual({
      message: 'The file is larger than 20 MB; split it into smaller files and import each.',
    });
    const json = await agent.post('/admin/customer-imports').send({ file: 'x' });
    expect(json.status).toBe(415);
    const missing = await agent.get('/admin/customer-imports/99999');
    expect(missing.status).toBe(404);
    const notANumber = await agent.get('/admin/customer-imports/abc');
    expect(notANumber.status).toBe(404);
    const badOptions = await agent
      .post('/admin/customer-imports')
      .field('options', '{"dateFormat":"YMD"}')
      .attach('file', FIXTURE, 'a.csv');
    expect(badOptions.status).toBe(422);
    expect(badOptions.body.errors).toEqual({ dateFormat: 'Choose the date format: DMY, MDY, ISO, SERIAL.' });
  });
});
