/**
 * Staff onboarding over HTTP against a real database: the new-account form's invitation, the staff
 * list's invitation status, Send invitation offered only to accounts without a password, the sign-in
 * form after an accepted invitation and after a refused attempt, and the audit log's "Who" choices
 * for a manager (who may not open staff accounts).
 */
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
interface ListedUser {
  id: string;
  params: { email: string; invitation: string };
  recordActions: Array<{ name: string }>;
}

let t: TestApp;
let boss: Agent;

beforeAll(async () => {
  t = await createTestApp();
  boss = await t.signIn((await t.createUser('SUPERUSER', { name: 'Bea Boss' })).email);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.mailbox.messages.length = 0;
  t.clock.set('2026-11-23T12:00:00.000Z');
});

let sequence = 0;
const createAccount = async (fields: Record<string, string> = {}) => {
  sequence += 1;
  const email = `new.person${sequence}@staff.test`;
  const response = await boss
    .post('/admin/api/resources/User/actions/new')
    .type('form')
    .send({ email, name: `New Person ${sequence}`, ...fields });
  expect(response.body.record.errors).toEqual({});
  return {
    id: Number(response.body.record.id),
    email,
    notice: response.body.notice as { message: string; type: string },
  };
};
const listed = async (id: number): Promise<ListedUser> => {
  const list = await boss.get('/admin/api/resources/User/actions/list').query({ perPage: 100 });
  return (list.body.records as ListedUser[]).find((record) => Number(record.id) === id)!;
};
const offersInvitation = (user: ListedUser) => user.recordActions.some((action) => action.name === 'invite');
const acceptInvitation = (link: string, password: string) => {
  const url = new URL(link);
  return request(t.app)
    .post(url.pathname)
    .type('form')
    .send({ token: url.searchParams.get('token'), password, confirmation: password });
};

describe('a new staff account', () => {
  it('without a password gets its invitation by default, active, as staff', async () => {
    const account = await createAccount();
    expect(account.notice).toEqual({
      message: `${account.email} is created; an invitation is on its way to them.`,
      type: 'success',
    });
    expect(t.mailbox.messages.map((mail) => mail.to)).toEqual([account.email]);
    const stored = await t.prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored).toMatchObject({ role: 'STAFF', isActive: true });
    const user = await listed(account.id);
    expect(user.params.invitation).toBe('invited');
    expect(offersInvitation(user)).toBe(true);
  });

  it('gets no invitation when "Send invitation email" is unticked: not invited, still offered one', async () => {
    const account = await createAccount({ sendInvitation: 'false' });
    expect(t.mailbox.messages).toEqual([]);
    const user = await listed(account.id);
    expect(user.params.invitation).toBe('not_invited');
    expect(offersInvitation(user)).toBe(true);
  });

  it('with a password needs no invitation, even with the box ticked, and is not offered one', async () => {
    const account = await createAccount({ password: 'a long enough password', sendInvitation: 'true' });
    expect(t.mailbox.messages).toEqual([]);
    const user = await listed(account.id);
    expect(user.params.invitation).toBe('accepted');
    expect(offersInvitation(user)).toBe(false);
  });

  it('created inactive gets no invitation (it could not use it)', async () => {
    const account = await createAccount({ isActive: 'false' });
    expect(t.mailbox.messages).toEqual([]);
    expect((await listed(account.id)).params.invitation).toBe('not_invited');
  });
});

describe('the invitation status', () => {
  it('goes invited → expired after 72 hours → invited again when resent → accepted', async () => {
    const account = await createAccount();
    t.clock.set('2026-11-26T12:00:01.000Z');
    expect((await listed(account.id)).params.invitation).toBe('expired');

    await boss.post(`/admin/api/resources/User/records/${account.id}/invite`);
    expect((await listed(account.id)).params.invitation).toBe('invited');

    const accepted = await acceptInvitation(t.mailbox.linkIn(t.mailbox.messages.at(-1)!), 'my own password 123');
    expect(accepted.status).toBe(200);
    const user = await listed(account.id);
    expect(user.params.invitation).toBe('accepted');
    expect(offersInvitation(user)).toBe(false);
  });

  it('shows expired for an account whose link a deactivation spent', async () => {
    const account = await createAccount();
    await boss.post(`/admin/api/resources/User/records/${account.id}/edit`).type('form').send({ isActive: 'false' });
    expect((await listed(account.id)).params.invitation).toBe('expired');
  });

  it('is on the account page too', async () => {
    const account = await createAccount();
    const shown = await boss.get(`/admin/api/resources/User/records/${account.id}/show`);
    expect(shown.body.record.params.invitation).toBe('invited');
  });
});

describe('after accepting an invitation', () => {
  it('the sign-in form comes next, the email filled in, and signs in with the new password', async () => {
    const account = await createAccount();
    const page = await acceptInvitation(t.mailbox.linkIn(t.mailbox.messages[0]!), 'my own password 456');
    expect(page.text).toContain('Password saved');
    expect(page.text).toMatch(/<form method="post" action="\/admin\/login"/);
    expect(page.text).toContain(`name="email" type="email" value="${account.email}"`);
    const signedIn = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: account.email, password: 'my own password 456' });
    expect(signedIn.status).toBe(302);
  });
});

describe('signing in', () => {
  it('keeps the email after a refused attempt, never the password, with Forgot your password? under the form', async () => {
    const user = await t.createUser('STAFF');
    const refused = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: user.email, password: 'not the password 99' });
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('Wrong email or password');
    expect(refused.text).toContain(`value="${user.email}"`);
    expect(refused.text).not.toContain('not the password 99');
    const formEnd = refused.text.indexOf('</form>');
    expect(refused.text.indexOf('Forgot your password?')).toBeGreaterThan(formEnd);
  });

  it('writes a typed email back as text, not markup', async () => {
    const refused = await request(t.app)
      .post('/admin/login')
      .type('form')
      .send({ email: '"><script>alert(1)</script>', password: 'whatever' });
    expect(refused.status).toBe(401);
    expect(refused.text).not.toContain('<script>alert(1)');
    expect(refused.text).toContain('&quot;&gt;&lt;script&gt;');
  });
});

describe("the audit log's Who filter", () => {
  it('offers a manager every staff name and email (deactivated too), by name, and nothing more', async () => {
    await t.createUser('VIEWER', { name: 'Zed Gone', email: 'zed.gone@staff.test', isActive: false });
    const manager = await t.createUser('MANAGER', { name: 'Mia Manager' });
    const agent = await t.signIn(manager.email);
    const response = await agent.get('/admin/api/resources/AuditLog/actions/staffNames');
    expect(response.status).toBe(200);
    const names = response.body.staffNames as Array<Record<string, unknown>>;
    const everyone = await t.prisma.user.findMany({ select: { id: true, name: true, email: true } });
    expect(names).toHaveLength(everyone.length);
    expect(names.map((person) => person.name)).toEqual([...names.map((person) => person.name)].sort());
    expect(names).toContainEqual({ id: expect.any(Number), name: 'Zed Gone', email: 'zed.gone@staff.test' });
    for (const person of names) expect(Object.keys(person).sort()).toEqual(['email', 'id', 'name']);
  });

  it('still does not let a manager search or open staff accounts', async () => {
    const manager = await t.createUser('MANAGER');
    const agent = await t.signIn(manager.email);
    expect((await agent.get('/admin/api/resources/User/search/a')).status).toBe(403);
    expect((await agent.get('/admin/api/resources/User/actions/list')).status).toBe(403);
  });

  it('filters the log by the chosen person', async () => {
    const manager = await t.createUser('MANAGER');
    const agent = await t.signIn(manager.email);
    const list = await agent.get('/admin/api/resources/AuditLog/actions/list').query({ 'filters.actor': manager.id });
    expect(list.status).toBe(200);
    const actors = (list.body.records as Array<{ params: { actor: number } }>).map((record) => record.params.actor);
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors)).toEqual(new Set([manager.id]));
  });
});
