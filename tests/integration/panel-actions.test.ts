/**
 * How the panel's actions take requests: a GET changes nothing (Restore, Send invitation, Send
 * password reset act on POST only; a GET of `new` is a 405), an edit touches only the record in its
 * URL, AdminJS's search routes are refused to roles the matrix refuses, and a form is taken only
 * from the panel's own origin — scheme, host and port.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createTestApp, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;

let t: TestApp;
let superuser: Agent;
let viewer: Agent;
let superuserId: number;

beforeAll(async () => {
  t = await createTestApp();
  const boss = await t.createUser('SUPERUSER');
  superuserId = boss.id;
  superuser = await t.signIn(boss.email);
  viewer = await t.signIn((await t.createUser('VIEWER')).email);
});
afterAll(async () => t.close());

const actor = () => ({ id: superuserId, role: 'SUPERUSER' as const });
const newCustomer = () => t.services.customers.create(customerForm(), actor());

describe('GET changes nothing', () => {
  it.each(['Customer', 'User'])('answers GET …/%s/actions/new with 405 and Allow: POST', async (resource) => {
    const response = await superuser.get(`/admin/api/resources/${resource}/actions/new`);
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('restores a deleted customer on POST only; a GET answers the record for the confirmation', async () => {
    const customer = await newCustomer();
    await t.services.customers.softDelete(customer.id, actor());
    const path = `/admin/api/resources/Customer/records/${customer.id}/restore`;
    const shown = await superuser.get(path);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params.id).toBe(customer.id);
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).not.toBeNull();
    expect((await superuser.post(path)).body.notice).toMatchObject({ type: 'success' });
    expect((await t.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).toBeNull();
  });

  it.each(['invite', 'sendPasswordReset'])('sends no mail for a GET of %s, one for a POST', async (action) => {
    const user = await t.createUser('STAFF');
    const path = `/admin/api/resources/User/records/${user.id}/${action}`;
    const sent = t.mailbox.messages.length;
    expect((await superuser.get(path)).status).toBe(200);
    expect(t.mailbox.messages.length).toBe(sent);
    expect(await t.prisma.accountToken.count({ where: { userId: user.id } })).toBe(0);
    expect((await superuser.post(path)).body.notice).toMatchObject({ type: 'success' });
    expect(t.mailbox.messages.length).toBe(sent + 1);
  });
});

describe('bulk actions', () => {
  it('answers a bulk page or API call without record ids with 400 (AdminJS would throw)', async () => {
    for (const path of ['/admin/resources/Customer/bulk/bulkDelete', '/admin/api/resources/Customer/bulk/bulkDelete']) {
      expect((await superuser.get(path)).status, path).toBe(400);
    }
  });
});

describe('record ids', () => {
  // PostgreSQL refuses an id past the int4 range with an error rather than finding nothing.
  it.each(['Customer', 'User', 'AuditLog'])(
    'answers %s ids no record can have as not found, never 500',
    async (resource) => {
      for (const id of ['99999999999', '2147483648', '0', '-1', '1e3', 'x']) {
        const response = await superuser.get(`/admin/api/resources/${resource}/records/${id}/show`);
        expect(response.status, id).toBeLessThan(500);
        expect(response.body.record?.params ?? {}, id).toEqual({});
      }
    },
  );
});

describe('an edit touches the record in its URL only', () => {
  it('ignores an id (and other fields the form does not show) in a customer edit body', async () => {
    const [edited, other] = [await newCustomer(), await newCustomer()];
    const response = await superuser
      .post(`/admin/api/resources/Customer/records/${edited.id}/edit`)
      .type('form')
      .send({ id: String(other.id), notes: 'changed', deletedAt: '2026-01-01', createdById: '999' });
    expect(response.body.notice).toMatchObject({ type: 'success' });
    const [editedNow, otherNow] = await Promise.all(
      [edited.id, other.id].map((id) => t.prisma.customer.findUniqueOrThrow({ where: { id } })),
    );
    expect(editedNow).toMatchObject({ notes: 'changed', deletedAt: null, createdById: superuserId });
    expect(otherNow).toEqual(other);
  });

  it('ignores an id in a staff account edit body', async () => {
    const [edited, other] = [await t.createUser('STAFF'), await t.createUser('STAFF')];
    const before = await t.prisma.user.findUniqueOrThrow({ where: { id: other.id } });
    await superuser
      .post(`/admin/api/resources/User/records/${edited.id}/edit`)
      .type('form')
      .send({ id: String(other.id), name: 'Renamed' });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: edited.id } })).name).toBe('Renamed');
    expect(await t.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).toEqual(before);
  });
});

describe("AdminJS's search routes", () => {
  it.each([
    ['/admin/api/resources/User/search/ada', 'VIEWER'],
    ['/admin/api/resources/User/search', 'VIEWER'],
    ['/admin/api/resources/AuditLog/search/1', 'SUPERUSER'],
  ])('refuses %s to a %s with 403', async (path, role) => {
    const agent = role === 'VIEWER' ? viewer : superuser;
    const response = await agent.get(path);
    expect(response.status).toBe(403);
    expect(response.body.notice).toMatchObject({ type: 'error' });
  });

  it('answers a customer search to every role', async () => {
    const customer = await newCustomer();
    const response = await viewer.get(`/admin/api/resources/Customer/search/${customer.lastName}`);
    expect(response.status).toBe(200);
    expect(response.body.records.map((record: { id: string }) => Number(record.id))).toContain(customer.id);
  });
});

describe('the origin of a form', () => {
  it('refuses a POST whose Origin differs in scheme or port from the address it was sent to', async () => {
    const post = (origin: string) =>
      superuser
        .post('/admin/api/resources/Customer/actions/new')
        .set('Host', 'backoffice.test:8080')
        .set('Origin', origin)
        .type('form')
        .send(customerForm());
    expect((await post('https://backoffice.test:8080')).status).toBe(403);
    expect((await post('http://backoffice.test:8081')).status).toBe(403);
    expect((await post('http://backoffice.test:8080')).status).toBe(200);
  });

  it("takes forms only from PUBLIC_URL's origin when it is set", async () => {
    const { app, close } = createApp({
      config: {
        sessionSecret: 'test-session-secret-of-at-least-32-chars',
        nodeEnv: 'test',
        publicOrigin: 'https://backoffice.example.com',
      },
      prisma: t.prisma,
      services: t.services,
    });
    try {
      const login = (origin: string) =>
        request(app)
          .post('/admin/login')
          .set('Origin', origin)
          .type('form')
          .send({ email: 'x@y.example', password: 'x' });
      expect((await login('http://backoffice.example.com')).status).toBe(403);
      expect((await login('https://backoffice.example.com:8443')).status).toBe(403);
      expect((await login('https://backoffice.example.com')).status).toBe(401);
    } finally {
      close();
    }
  });
});
