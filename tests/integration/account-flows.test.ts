import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
let t: TestApp;
let boss: { id: number; email: string };
let bossAgent: Agent;

beforeAll(async () => {
  t = await createTestApp();
  boss = await t.createUser('SUPERUSER');
  bossAgent = await t.signIn(boss.email);
});
afterAll(async () => t.close());
beforeEach(() => {
  t.mailbox.messages.length = 0;
  t.clock.set('2026-11-23T12:00:00.000Z');
});

const pathOf = (link: string) => {
  const url = new URL(link);
  return { path: url.pathname, token: url.searchParams.get('token')! };
};
const setPassword = (path: string, token: string, password: string, confirmation = password) =>
  request(t.app).post(path).type('form').send({ token, password, confirmation });
const signInStatus = async (email: string, password: string) =>
  (await request(t.app).post('/admin/login').type('form').send({ email, password })).status;

describe('invitations', () => {
  it('invite → the invitee sets a password through the link → signs in; the link works once', async () => {
    const created = await bossAgent
      .post('/admin/api/resources/User/actions/new')
      .type('form')
      .send({ email: 'invitee@staff.test', name: 'Invited Person', role: 'STAFF' });
    expect(created.body.record.errors).toEqual({});
    const id = created.body.record.params.id;
    expect(await signInStatus('invitee@staff.test', '')).toBe(401);

    const sent = await bossAgent.post(`/admin/api/resources/User/records/${id}/invite`);
    expect(sent.body.notice).toMatchObject({ type: 'success' });
    const mail = t.mailbox.messages.at(-1)!;
    expect(mail.to).toBe('invitee@staff.test');
    const { path, token } = pathOf(t.mailbox.linkIn(mail));
    expect(path).toBe('/admin/accept-invitation');

    const stored = await t.prisma.accountToken.findFirstOrThrow({ where: { userId: id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const form = await request(t.app).get(path).query({ token });
    expect(form.status).toBe(200);
    expect(form.text).toContain('invitee@staff.test');

    const mismatch = await setPassword(path, token, 'invited password 1', 'something else 12');
    expect(mismatch.status).toBe(422);
    expect(mismatch.text).toContain('The two passwords differ.');
    expect((await setPassword(path, token, 'invited password 1')).status).toBe(200);
    expect(await signInStatus('invitee@staff.test', 'invited password 1')).toBe(302);

    const reused = await setPassword(path, token, 'another password 12');
    expect(reused.status).toBe(410);
    expect((await request(t.app).get(path).query({ token })).status).toBe(410);
  });

  it('an invitation expires after 72 hours', async () => {
    const user = await t.createUser('VIEWER');
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/invite`);
    const { path, token } = pathOf(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    t.clock.set('2026-11-26T12:00:01.000Z');
    expect((await setPassword(path, token, 'too late password')).status).toBe(410);
  });
});

describe('forgot password', () => {
  it('always answers the same; mails a link only to an existing, active account', async () => {
    const inactive = await t.createUser('STAFF', { isActive: false });
    const answers = await Promise.all(
      ['nobody@staff.test', inactive.email, boss.email].map((email) =>
        request(t.app).post('/admin/forgot-password').type('form').send({ email }),
      ),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(t.mailbox.messages.map((m) => m.to)).toEqual([boss.email]);
  });

  it('forgot → mail → reset: old password refused, new accepted, other sessions ended, link single-use', async () => {
    const user = await t.createUser('STAFF');
    const liveSession = await t.signIn(user.email);
    t.clock.set('2026-11-23T12:05:00.000Z');
    await request(t.app).post('/admin/forgot-password').type('form').send({ email: user.email.toUpperCase() });
    const { path, token } = pathOf(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    expect(path).toBe('/admin/reset-password');

    const weak = await setPassword(path, token, 'short');
    expect(weak.status).toBe(422);
    expect(weak.text).toMatch(/at least 12/);
    expect((await setPassword(path, token, 'my new password 1')).status).toBe(200);

    expect(await signInStatus(user.email, TEST_PASSWORD)).toBe(401);
    expect(await signInStatus(user.email, 'my new password 1')).toBe(302);
    expect((await liveSession.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
    expect((await setPassword(path, token, 'my newer password 2')).status).toBe(410);
  });

  it('a reset link expires after one hour; a garbage token is refused', async () => {
    const user = await t.createUser('STAFF');
    await request(t.app).post('/admin/forgot-password').type('form').send({ email: user.email });
    const { path, token } = pathOf(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    t.clock.set('2026-11-23T13:00:01.000Z');
    expect((await setPassword(path, token, 'late new password')).status).toBe(410);
    expect(
      (
        await request(t.app)
          .get(path)
          .query({ token: 'x'.repeat(43) })
      ).status,
    ).toBe(410);
    expect((await request(t.app).get(path)).status).toBe(410);
  });

  it('a superuser can send a reset link to any active user', async () => {
    const user = await t.createUser('VIEWER');
    const response = await bossAgent.post(`/admin/api/resources/User/records/${user.id}/sendPasswordReset`);
    expect(response.body.notice).toMatchObject({ type: 'success' });
    expect(t.mailbox.messages.at(-1)!.to).toBe(user.email);
  });
});

describe('deactivation', () => {
  it('ends a session opened before the deactivation; reactivation restores sign-in, not old sessions', async () => {
    const user = await t.createUser('STAFF');
    const session = await t.signIn(user.email);
    expect((await session.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'false' });
    expect((await session.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
    expect(await signInStatus(user.email, TEST_PASSWORD)).toBe(401);
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'true' });
    expect((await session.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
    expect(await signInStatus(user.email, TEST_PASSWORD)).toBe(302);
  });

  it('spends every unused link: a reset or invitation link sent before it does not work after a reactivation', async () => {
    const user = await t.createUser('STAFF');
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/sendPasswordReset`);
    const reset = pathOf(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/invite`);
    const invite = pathOf(t.mailbox.linkIn(t.mailbox.messages.at(-1)!));
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'false' });
    expect((await request(t.app).get(invite.path).query({ token: invite.token })).status).toBe(410);
    expect((await setPassword(invite.path, invite.token, 'while inactive 123')).status).toBe(410);
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'true' });
    expect((await setPassword(reset.path, reset.token, 'after reactivation 1')).status).toBe(410);
    expect((await setPassword(invite.path, invite.token, 'after reactivation 1')).status).toBe(410);
    expect(await signInStatus(user.email, TEST_PASSWORD)).toBe(302);
  });

  it('sends no invitation to a deactivated account', async () => {
    const user = await t.createUser('STAFF', { isActive: false });
    const answer = await bossAgent.post(`/admin/api/resources/User/records/${user.id}/invite`);
    expect(answer.body.notice).toMatchObject({ type: 'error' });
    expect(t.mailbox.messages).toEqual([]);
    expect(await t.prisma.accountToken.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ends a session for good even when it was not used while the account was inactive', async () => {
    const user = await t.createUser('STAFF');
    const session = await t.signIn(user.email);
    t.clock.set('2026-11-23T13:00:00.000Z');
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'false' });
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/edit`).type('form').send({ isActive: 'true' });
    try {
      expect((await session.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
      const fresh = await t.signIn(user.email);
      expect((await fresh.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
    } finally {
      t.clock.set('2026-11-23T12:00:00.000Z');
    }
  });

  it('shows the last sign-in in the user list', async () => {
    const user = await t.createUser('VIEWER');
    await t.signIn(user.email);
    const list = await bossAgent.get('/admin/api/resources/User/actions/list').query({ 'filters.search': user.email });
    expect(list.body.records[0].params.lastLoginAt).toBe('2026-11-23T12:00:00.000Z');
  });
});

describe('my profile', () => {
  it('any role changes their own name', async () => {
    const user = await t.createUser('VIEWER');
    const agent = await t.signIn(user.email);
    expect((await agent.get('/admin/profile')).text).toContain(user.email);
    const saved = await agent.post('/admin/profile/name').type('form').send({ name: '  Renamed   Viewer ' });
    expect(saved.status).toBe(303);
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Renamed Viewer');
    const blank = await agent.post('/admin/profile/name').type('form').send({ name: '' });
    expect(blank.status).toBe(422);
    expect(blank.text).toContain('Name is required.');
  });

  it('changes the password with the current one; other sessions end, this one continues', async () => {
    const user = await t.createUser('STAFF');
    const other = await t.signIn(user.email);
    const agent = await t.signIn(user.email);
    t.clock.set('2026-11-23T12:10:00.000Z');

    const wrong = await agent
      .post('/admin/profile/password')
      .type('form')
      .send({ currentPassword: 'not it at all', password: 'a better password 1', confirmation: 'a better password 1' });
    expect(wrong.status).toBe(422);
    expect(wrong.text).toContain('This is not your current password.');
    const asEmail = await agent
      .post('/admin/profile/password')
      .type('form')
      .send({ currentPassword: TEST_PASSWORD, password: user.email, confirmation: user.email });
    expect(asEmail.text).toContain('must not be the email');

    const changed = await agent
      .post('/admin/profile/password')
      .type('form')
      .send({ currentPassword: TEST_PASSWORD, password: 'a better password 1', confirmation: 'a better password 1' });
    expect(changed.status).toBe(303);
    expect((await agent.get('/admin/api/resources/Customer/actions/list')).status).toBe(200);
    expect((await other.get('/admin/api/resources/Customer/actions/list')).status).toBe(302);
    expect(await signInStatus(user.email, 'a better password 1')).toBe(302);
  });

  it('is only for signed-in users', async () => {
    expect((await request(t.app).get('/admin/profile')).status).toBe(302);
    expect((await request(t.app).post('/admin/profile/name').type('form').send({ name: 'x' })).status).toBe(302);
  });
});

describe('password reset requests are limited', () => {
  it('sends at most 3 reset mails per account an hour, answering the same page every time', async () => {
    const user = await t.createUser('STAFF');
    await t.prisma.rateLimiterFlexible.deleteMany();
    const pages = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const response = await request(t.app).post('/admin/forgot-password').type('form').send({ email: user.email });
      expect(response.status).toBe(200);
      pages.add(response.text);
    }
    expect(pages.size).toBe(1);
    expect(t.mailbox.messages.filter((m) => m.to === user.email)).toHaveLength(3);
    // A superuser's "Send password reset" is not limited.
    await bossAgent.post(`/admin/api/resources/User/records/${user.id}/sendPasswordReset`);
    expect(t.mailbox.messages.filter((m) => m.to === user.email)).toHaveLength(4);
  });
});
