/**
 * The text rules of domain/text.ts over HTTP, on both databases: a NUL, another control character
 * or a lone surrogate in any field is a message on that field (panel) or a 422 (API), never a 500
 * and never stored; a search holding one finds no one (panel) or is a 400 (API); sign-in and forgot
 * password answer as for any unknown account. Names that are only markup are refused.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiTestApp, newCustomer, type ApiTestApp, type SignedInUser } from '../support/api-app.js';
import { customerForm, TEST_PASSWORD } from '../support/test-app.js';

let t: ApiTestApp;
let admin: SignedInUser;
let panel: Awaited<ReturnType<ApiTestApp['signIn']>>;
let customerId: number;

beforeAll(async () => {
  t = await createApiTestApp();
  admin = await t.userWithToken('SUPERUSER');
  panel = await t.signIn(admin.email);
  customerId = (await t.api.post('/customers', { token: admin.token, body: newCustomer() })).body.id;
});
afterAll(async () => t.close());

const BAD_TEXT: Array<[string, string]> = [
  ['a NUL', 'Ada\u0000'],
  ['only a NUL', '\u0000'],
  ['an escape character', 'Ada\u001b[31m'],
  ['a C1 control character', 'Ada\u0085'],
  ['a lone high surrogate', 'Ada\ud800'],
  ['a lone low surrogate', '\udc00Ada'],
];

describe('customer fields', () => {
  it.each(BAD_TEXT)('a first name with %s is a field message in the panel, nothing stored', async (_name, text) => {
    const before = await t.prisma.customer.count();
    const response = await panel
      .post('/admin/api/resources/Customer/actions/new')
      .set('content-type', 'application/json')
      .send(JSON.stringify(customerForm({ firstName: text })));
    expect(response.status).toBe(200);
    expect(response.body.record.errors.firstName.message).toBe(
      'First name contains an invisible or broken character; type it again without it.',
    );
    expect(await t.prisma.customer.count()).toBe(before);
  });

  it.each(['lastName', 'email', 'phone', 'notes'])(
    'a NUL or lone surrogate in %s is a 422 from the API',
    async (field) => {
      for (const bad of ['x\u0000', 'x\ud800']) {
        const response = await t.api.post('/customers', {
          token: admin.token,
          body: { ...newCustomer(), [field]: bad },
        });
        expect(response.status, `${field}: ${JSON.stringify(bad)}`).toBe(422);
        expect(response.body.errors[field]).toMatch(/invisible or broken character/);
        const edit = await t.api.patch(`/customers/${customerId}`, { token: admin.token, body: { [field]: bad } });
        expect(edit.status).toBe(422);
      }
    },
  );

  it('keeps tabs and line breaks in notes (CR LF stored as LF) and stores text NFC-normalised', async () => {
    const response = await t.api.post('/customers', {
      token: admin.token,
      body: { ...newCustomer(), firstName: 'Zoe\u0301', notes: 'line 1\r\n\tline 2' },
    });
    expect(response.status).toBe(201);
    expect(response.body.firstName).toBe('Zoé');
    expect(response.body.notes).toBe('line 1\n\tline 2');
  });

  it('refuses a name that is only markup, and keeps one with letters in it', async () => {
    const markup = await t.api.post('/customers', {
      token: admin.token,
      body: { ...newCustomer(), lastName: '</script><meta http-equiv=refresh content=0;url=http://evil.example>' },
    });
    expect(markup.status).toBe(422);
    expect(markup.body.errors.lastName).toBe('Last name must contain letters, not only markup.');
    const withLetters = await t.api.post('/customers', {
      token: admin.token,
      body: { ...newCustomer(), lastName: 'Smith <b>bold</b>' },
    });
    expect(withLetters.status).toBe(201);
  });
});

describe('staff names', () => {
  it('refuses control characters and markup-only names on My profile and in the staff form', async () => {
    const before = (await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name;
    // A form cannot carry a lone surrogate (its UTF-8 decodes to U+FFFD); JSON can.
    for (const name of ['Ada\u0000', 'Ada\u0007', '<b></b>']) {
      const profile = await panel.post('/admin/profile/name').type('form').send({ name });
      expect(profile.status, JSON.stringify(name)).toBe(422);
    }
    for (const name of ['Ada\u0000', '\ud800', '<b></b>']) {
      const api = await t.api.patch(`/users/${admin.id}`, { token: admin.token, body: { name } });
      expect(api.status, JSON.stringify(name)).toBe(422);
    }
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).name).toBe(before);
  });

  it('refuses a new password with a control character', async () => {
    const response = await panel.post('/admin/profile/password').type('form').send({
      currentPassword: TEST_PASSWORD,
      password: 'long enough\u0000password',
      confirmation: 'long enough\u0000password',
    });
    expect(response.status).toBe(422);
    expect(response.text).toContain('invisible or broken character');
  });
});

describe('searches', () => {
  it.each(BAD_TEXT)('a customer search with %s finds no one in the panel', async (_name, text) => {
    const response = await panel
      .get('/admin/api/resources/Customer/actions/list')
      .query({ 'filters.search': `ada ${text}` });
    expect(response.status).toBe(200);
    expect(response.body.records).toEqual([]);
  });

  it('a staff or audit search with a NUL finds nothing', async () => {
    const users = await panel.get('/admin/api/resources/User/actions/list').query({ 'filters.search': 'a\u0000' });
    expect(users.status).toBe(200);
    expect(users.body.records).toEqual([]);
    const audit = await panel
      .get('/admin/api/resources/AuditLog/actions/list')
      .query({ 'filters.recordId': '1\u0000' });
    expect(audit.status).toBe(200);
    expect(audit.body.records).toEqual([]);
  });

  it.each(['/customers', '/users'])('q with a NUL or another control character is a 400 from GET %s', async (path) => {
    for (const q of ['ada\u0000', 'ada\u001b']) {
      const response = await t.api.get(path, { token: admin.token, query: { q } });
      expect(response.status).toBe(400);
      expect(response.body.errors.q).toMatch(/invisible or broken character/);
    }
  });
});

describe('sign-in and forgot password', () => {
  it.each(BAD_TEXT)('sign-in with %s in the email answers as a wrong password', async (_name, text) => {
    const panelAnswer = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: `a${text}@x.example`, password: 'x' });
    expect(panelAnswer.status).toBe(401);
    const apiAnswer = await t.api.post('/auth/token', { body: { email: `a${text}@x.example`, password: 'x' } });
    expect(apiAnswer.status).toBe(401);
  });

  it('forgot password with a NUL in the email answers the same page and sends nothing', async () => {
    const sent = t.mailbox.messages.length;
    const response = await request(t.app)
      .post('/admin/forgot-password')
      .type('form')
      .send({ email: `${admin.email}\u0000` });
    expect(response.status).toBe(200);
    expect(response.text).toContain('Check your mail');
    expect(t.mailbox.messages.length).toBe(sent);
  });
});
