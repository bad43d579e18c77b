/**
 * Requests that arrive while an import is applied are answered while it runs, and never with a
 * server error: the panel's list, the API's list and a customer created through the API. On SQLite
 * a batch's queries complete synchronously; without a turn of the event loop between batches these
 * requests waited for the whole apply (the panel list timed out in `npm run bench:import`), and a
 * create's transaction waiting for a batch longer than Prisma's default 2 s failed with a 500.
 */
import request from 'supertest';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiTestApp, type ApiTestApp, type SignedInUser } from '../support/api-app.js';
import { customerForm } from '../support/test-app.js';

const ROWS = 6_000;

let t: ApiTestApp;
let manager: SignedInUser;

beforeAll(async () => {
  t = await createApiTestApp();
  manager = await t.userWithToken('MANAGER');
});
afterAll(async () => t.close());

function csvOf(rows: number): Buffer {
  const lines = ['First name,Last name,Email,Phone,Date of birth'];
  for (let row = 0; row < rows; row += 1) {
    lines.push(`Ann,Loadtest${row},load${row}@example.com,(201) 300-${String(row).padStart(4, '0')},1990-05-17`);
  }
  return Buffer.from(lines.join('\n'));
}

async function importStatus(id: number): Promise<string> {
  return (await t.prisma.customerImport.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

it('answers the panel list, the API list and a create during an apply, before the apply ends', async () => {
  const uploaded = await request(t.app)
    .post('/api/v1/customers/imports')
    .set('Authorization', `Bearer ${manager.token}`)
    .attach('file', csvOf(ROWS), 'many.csv');
  expect(uploaded.status).toBe(201);
  const id = uploaded.body.id as number;
  const panel = await t.signIn(manager.email);

  expect((await t.api.post(`/customers/imports/${id}/apply`, { token: manager.token })).status).toBe(202);
  const answers = await Promise.all([
    panel.get('/admin/api/resources/Customer/actions/list?page=1&perPage=20'),
    t.api.get('/customers', { token: manager.token }),
    t.api.post('/customers', { token: manager.token, body: customerForm() }),
  ]);
  const statusWhenAnswered = await importStatus(id);

  expect(answers.map((answer) => answer.status)).toEqual([200, 200, 201]);
  expect(statusWhenAnswered).toBe('applying');
  while ((await importStatus(id)) === 'applying') await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await importStatus(id)).toBe('done');
  expect(await t.prisma.customer.count()).toBe(ROWS + 1);
});
