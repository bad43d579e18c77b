/**
 * The customer import endpoints over HTTP, every answer checked against the OpenAPI document:
 * upload as a form or as the body, dry-run again, apply, follow, error report; bounded uploads
 * (too large, wrong type, malformed) answer problems, never a 500; every role against the matrix.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts/permissions.js';
import { createApiTestApp, type ApiTestApp, type SignedInUser } from '../support/api-app.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/imports');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const ROLES: readonly Role[] = ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'];
const IMPORTERS: readonly Role[] = ['SUPERUSER', 'MANAGER'];

let t: ApiTestApp;
const users = {} as Record<Role, SignedInUser>;

beforeAll(async () => {
  t = await createApiTestApp();
  for (const role of ROLES) users[role] = await t.userWithToken(role);
});
afterAll(async () => t.close());

/** A multipart upload, its answer checked against the contract like the client's. */
async function uploadForm(role: Role, name: string, content: Buffer, options?: string) {
  const url = '/api/v1/customers/imports';
  let pending = request(t.app).post(url).set('Authorization', `Bearer ${users[role].token}`);
  if (options !== undefined) pending = pending.field('options', options);
  const response = await pending.attach('file', content, name);
  t.contract.check('post', url, response);
  return response;
}

async function finished(id: number, role: Role = 'MANAGER') {
  for (let tries = 0; tries < 400; tries += 1) {
    const response = await t.api.get(`/customers/imports/${id}`, { token: users[role].token });
    if (response.body.status !== 'applying') return response;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('the import flow', () => {
  it('uploads a form, dry-runs, changes an option, applies in the background and reports', async () => {
    const uploaded = await uploadForm('MANAGER', 'excel.csv', fixture('excel-semicolon-bom.csv'));
    expect(uploaded.status).toBe(201);
    expect(uploaded.headers.location).toBe(`/api/v1/customers/imports/${uploaded.body.id}`);
    expect(uploaded.body).toMatchObject({
      fileName: 'excel.csv',
      status: 'uploaded',
      totalRows: 6,
      report: { counts: { toCreate: 3, toUpdate: 0, invalid: 3, unchanged: 0 } },
    });
    const id = uploaded.body.id as number;

    const reconsidered = await t.api.post(`/customers/imports/${id}/dry-run`, {
      token: users.MANAGER.token,
      body: { mapping: { notes: null }, phoneRegion: 'gb' },
    });
    expect(reconsidered.status).toBe(200);
    expect(reconsidered.body.options).toMatchObject({ phoneRegion: 'GB', mapping: { notes: null } });

    const errors = await t.api.get(`/customers/imports/${id}/errors`, { token: users.MANAGER.token });
    expect(errors.status).toBe(200);
    expect(errors.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(errors.headers['content-disposition']).toBe('attachment; filename="excel-errors.csv"');
    expect(errors.text).toContain(',errors\r\n');

    const applying = await t.api.post(`/customers/imports/${id}/apply`, { token: users.MANAGER.token });
    expect(applying.status).toBe(202);
    const done = await finished(id);
    expect(done.body).toMatchObject({ status: 'done', appliedRows: 6 });
    expect(done.body.result.created).toBeGreaterThan(0);
  });

  it('takes the file itself as the body, named by the fileName parameter', async () => {
    const response = await t.api.post('/customers/imports', {
      token: users.SUPERUSER.token,
      raw: fixture('quoted-newlines.csv'),
      contentType: 'text/csv',
      query: { fileName: 'crm.csv' },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ fileName: 'crm.csv', report: { counts: { toCreate: 3 } } });
  });

  it('refuses bad options with a message per field', async () => {
    const response = await uploadForm('MANAGER', 'a.csv', fixture('quoted-newlines.csv'), '{"mapping":{"email":99}}');
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual({ 'mapping.email': 'Choose one of the file’s columns.' });
    const notJson = await uploadForm('MANAGER', 'a.csv', fixture('quoted-newlines.csv'), '{mapping');
    expect(notJson.body.errors).toEqual({ options: 'The options are not valid JSON.' });
  });
});

describe('files that cannot be imported', () => {
  it.each([
    ['empty.csv', 'The file is empty: it has no header row and no customers.'],
    ['headers-only.csv', 'The file has a header row but no customers under it.'],
    ['binary.csv', 'This is not a CSV or XLSX file (it holds binary data). Save the spreadsheet as CSV or XLSX.'],
  ])('%s: 422 saying why', async (name, message) => {
    const response = await uploadForm('MANAGER', name, fixture(name));
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual({ file: message });
  });

  it('a file over 20 MB: 413, as a form and as the body', async () => {
    const line = 'Ann,Example,ann@example.com,2015550100,1990-05-17\n';
    const big = Buffer.from(
      `first name,last name,email,phone,dob\n${line.repeat(Math.ceil((21 * 2 ** 20) / line.length))}`,
    );
    const form = await uploadForm('MANAGER', 'big.csv', big);
    expect(form.status).toBe(413);
    expect(form.body.detail).toBe('The file is larger than 20 MB; split it into smaller files and import each.');
    const bare = await t.api.post('/customers/imports', {
      token: users.MANAGER.token,
      raw: big,
      contentType: 'text/csv',
    });
    expect(bare.status).toBe(413);
  });

  it('a body of another type: 415; a malformed form: 400; no file: 400', async () => {
    const json = await t.api.post('/customers/imports', { token: users.MANAGER.token, body: { file: 'x' } });
    expect(json.status).toBe(415);
    const malformed = await t.api.post('/customers/imports', {
      token: users.MANAGER.token,
      raw: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
      contentType: 'multipart/form-data; boundary=x',
    });
    expect(malformed.status).toBe(400);
    const noBoundary = await t.api.post('/customers/imports', {
      token: users.MANAGER.token,
      raw: 'abc',
      contentType: 'multipart/form-data',
    });
    expect(noBoundary.status).toBe(400);
    const noFile = await t.api.post('/customers/imports', {
      token: users.MANAGER.token,
      raw: '--x\r\nContent-Disposition: form-data; name="options"\r\n\r\n{}\r\n--x--\r\n',
      contentType: 'multipart/form-data; boundary=x',
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.detail).toBe('Choose a CSV or XLSX file to upload (form field "file").');
  });

  it('an import that does not exist: 404', async () => {
    const response = await t.api.get('/customers/imports/999999', { token: users.MANAGER.token });
    expect(response.status).toBe(404);
  });
});

describe.each(ROLES)('as %s', (role) => {
  const allowed = IMPORTERS.includes(role);

  it(allowed ? 'may upload, follow, download and apply' : 'is refused (403) and nothing is written', async () => {
    const importsBefore = await t.prisma.customerImport.count();
    const uploaded = await uploadForm(role, 'roles.csv', fixture('headers-only.csv'));
    const mine = await t.services.imports.upload(
      { fileName: 'duplicates.csv', content: fixture('duplicates-tab.csv') },
      { id: users.SUPERUSER.id, role: 'SUPERUSER' },
    );
    const calls = [
      await t.api.get(`/customers/imports/${mine.id}`, { token: users[role].token }),
      await t.api.get(`/customers/imports/${mine.id}/errors`, { token: users[role].token }),
      await t.api.post(`/customers/imports/${mine.id}/dry-run`, { token: users[role].token, body: {} }),
      await t.api.post(`/customers/imports/${mine.id}/apply`, { token: users[role].token }),
    ];
    if (allowed) {
      expect(uploaded.status).toBe(422);
      expect(calls.map((call) => call.status)).toEqual([200, 200, 200, 202]);
      await finished(mine.id, role);
    } else {
      expect([uploaded.status, ...calls.map((call) => call.status)]).toEqual([403, 403, 403, 403, 403]);
      expect(uploaded.body.detail).toBe(`A ${role.toLowerCase()} may not import customer records.`);
      expect(await t.prisma.customerImport.count()).toBe(importsBefore + 1);
      expect((await t.services.imports.find(mine.id, { id: users.SUPERUSER.id, role: 'SUPERUSER' })).status).toBe(
        'uploaded',
      );
    }
  });
});
