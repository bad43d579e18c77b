/**
 * The Home's data (GET /admin/api/dashboard): its numbers against the database, after every kind of
 * write the counters must follow, in the browser's time zone; each number's link against the total
 * of the list it opens; what each role gets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/permissions.js';
import { runScript } from '../support/processes.js';
import { createTestApp, createTestDatabase, customerForm, type TestApp } from '../support/test-app.js';

type Agent = Awaited<ReturnType<TestApp['signIn']>>;
interface HomeNumber {
  key: string;
  value: number;
  href: string;
}
interface HomeDay {
  date: string;
  added: number;
  href: string;
}

let t: TestApp;
const people = {} as Record<Role, { actor: Actor; email: string; agent: Agent }>;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const) {
    const name = `${role.charAt(0)}${role.slice(1).toLowerCase()} Person`;
    const user = await t.createUser(role, { name });
    people[role] = { actor: { id: user.id, role }, email: user.email, agent: await t.signIn(user.email) };
  }
});
afterAll(async () => t.close());

async function home(role: Role, timeZone?: string) {
  const response = await people[role].agent.get('/admin/api/dashboard').query(timeZone ? { timeZone } : {});
  expect(response.status).toBe(200);
  return response.body;
}

const numberOf = (numbers: HomeNumber[], key: string) => numbers.find((number) => number.key === key)!;

/** The total of the list a Home link opens, from the list's own API reading the link's query. */
async function listTotal(agent: Agent, href: string): Promise<number> {
  const url = new URL(href, 'http://panel.test');
  const resource = /^\/admin\/resources\/(\w+)$/.exec(url.pathname)![1];
  const response = await agent.get(`/admin/api/resources/${resource}/actions/list${url.search}`);
  expect(response.status).toBe(200);
  return response.body.meta.total;
}

async function createAt(at: string, overrides: Record<string, string> = {}) {
  t.clock.set(at);
  return t.services.customers.create(customerForm(overrides), people.STAFF.actor);
}

const inDatabase = async () => ({
  active: await t.prisma.customer.count({ where: { deletedAt: null } }),
  deleted: await t.prisma.customer.count({ where: { deletedAt: { not: null } } }),
});

describe('the Home numbers', () => {
  it('count the customers of the browser’s day, week and month, and link to exactly those lists', async () => {
    // Monday 7 December 2026. In Berlin (UTC+1) it began at 23:00 UTC on the 6th.
    await createAt('2026-11-15T10:00:00.000Z'); // November
    await createAt('2026-12-01T09:00:00.000Z'); // this month, last week
    await createAt('2026-12-06T12:00:00.000Z'); // Sunday: last week, this month
    await createAt('2026-12-06T23:30:00.000Z'); // today in Berlin, yesterday in New York and in UTC
    await createAt('2026-12-07T08:00:00.000Z'); // today everywhere here
    const deleted = await createAt('2026-12-07T08:30:00.000Z'); // today, then deleted
    t.clock.set('2026-12-07T09:00:00.000Z');
    await t.services.customers.softDelete(deleted.id, people.MANAGER.actor);

    const berlin = await home('MANAGER', 'Europe/Berlin');
    expect(berlin.timeZone).toBe('Europe/Berlin');
    const value = (key: string) => numberOf(berlin.customerNumbers, key).value;
    expect({ active: value('active'), deleted: value('deleted') }).toEqual(await inDatabase());
    expect([value('addedToday'), value('addedThisWeek'), value('addedThisMonth')]).toEqual([3, 3, 5]);
    for (const number of berlin.customerNumbers as HomeNumber[]) {
      expect(await listTotal(people.MANAGER.agent, number.href), number.key).toBe(number.value);
    }

    // 04:00 on Monday in New York: only the customers of 08:00 and 08:30 UTC are today's.
    const newYork = await home('MANAGER', 'America/New_York');
    expect(numberOf(newYork.customerNumbers, 'addedToday').value).toBe(2);
    expect(numberOf(newYork.customerNumbers, 'addedThisWeek').value).toBe(2);
    for (const number of newYork.customerNumbers as HomeNumber[]) {
      expect(await listTotal(people.MANAGER.agent, number.href), number.key).toBe(number.value);
    }
  });

  it('chart the customers added on each of the last 90 local days, each day linking to its list', async () => {
    const { addedPerDay } = (await home('STAFF', 'Europe/Berlin')) as { addedPerDay: HomeDay[] };
    expect(addedPerDay).toHaveLength(90);
    expect(addedPerDay.at(-1)!.date).toBe('2026-12-07');
    const byDate = Object.fromEntries(addedPerDay.map((day) => [day.date, day.added]));
    expect([byDate['2026-12-07'], byDate['2026-12-06'], byDate['2026-12-01'], byDate['2026-11-15']]).toEqual([
      3, 1, 1, 1,
    ]);
    const charted = addedPerDay.reduce((sum, day) => sum + day.added, 0);
    expect(charted).toBe(
      await t.prisma.customer.count({ where: { createdAt: { gte: new Date('2026-09-08T22:00Z') } } }),
    );
    for (const day of addedPerDay.filter(({ added }) => added > 0)) {
      expect(await listTotal(people.STAFF.agent, day.href), day.date).toBe(day.added);
    }
  });

  it('follow every write to the customer table, made through the services or around them', async () => {
    const shown = async () => {
      const { customerNumbers } = await home('VIEWER');
      return { active: numberOf(customerNumbers, 'active').value, deleted: numberOf(customerNumbers, 'deleted').value };
    };
    const restored = await createAt('2026-12-07T09:10:00.000Z');
    await t.services.customers.softDelete(restored.id, people.MANAGER.actor);
    await t.services.customers.restore(restored.id, people.MANAGER.actor);
    expect(await shown()).toEqual(await inDatabase());

    // A script writing straight to the table, then removing rows for good.
    const { firstName, lastName, email, phone } = customerForm();
    const direct = await t.prisma.customer.create({
      data: {
        firstName: firstName!,
        lastName: lastName!,
        email: email!,
        phone: phone!,
        dateOfBirth: new Date('1990-01-01'),
        createdAt: new Date('2026-12-07T09:20:00Z'),
      },
    });
    await t.prisma.customer.update({ where: { id: direct.id }, data: { deletedAt: new Date('2026-12-07T09:21:00Z') } });
    expect(await shown()).toEqual(await inDatabase());
    await t.prisma.customer.delete({ where: { id: direct.id } });
    await t.prisma.customer.update({
      where: { id: restored.id },
      data: { createdAt: new Date('2026-10-01T12:00:00Z') },
    });
    expect(await shown()).toEqual(await inDatabase());
    const { addedPerDay } = (await home('VIEWER')) as { addedPerDay: HomeDay[] };
    expect(addedPerDay.find((day) => day.date === '2026-10-01')!.added).toBe(1);
    expect(addedPerDay.find((day) => day.date === '2026-12-07')!.added).toBe(2);
  });

  it('count the customers the seed loads in bulk into an empty table', async () => {
    const db = await createTestDatabase();
    try {
      const seeded = await runScript('src/cli/seed.ts', ['--customers', '40'], {
        DATABASE_URL: db.url,
        LOG_LEVEL: 'warn',
      });
      expect(seeded.code, seeded.stderr).toBe(0);
      const { customers } = await db.services.home.overview({ id: 0, role: 'VIEWER' }, 'UTC');
      expect(customers.active).toBe(await db.prisma.customer.count({ where: { deletedAt: null } }));
      expect(customers.active + customers.deleted).toBe(40);
    } finally {
      await db.close();
    }
  });
});

describe('what each role gets on the Home', () => {
  it('superusers also see active staff and the last 24 hours’ failed sign-ins, linked to their lists', async () => {
    t.clock.set('2026-12-07T10:00:00.000Z');
    await t.services.authenticator.authenticate(people.STAFF.email, 'not the password');
    await t.services.authenticator.authenticate('nobody@staff.test', 'not the password');
    const { accessNumbers } = await home('SUPERUSER');
    const failed = numberOf(accessNumbers, 'failedSignIns');
    expect(failed.value).toBe(
      await t.prisma.auditLog.count({ where: { action: 'login_failed', at: { gte: new Date('2026-12-06T10:00Z') } } }),
    );
    expect(failed.value).toBeGreaterThanOrEqual(2);
    expect(await listTotal(people.SUPERUSER.agent, failed.href)).toBe(failed.value);
    const staff = numberOf(accessNumbers, 'activeStaff');
    expect(staff.value).toBe(await t.prisma.user.count({ where: { isActive: true } }));
    expect(await listTotal(people.SUPERUSER.agent, staff.href)).toBe(staff.value);
  });

  it('managers get the team’s recent actions but no access numbers; staff and viewers only their own', async () => {
    const manager = await home('MANAGER');
    expect(manager.accessNumbers).toBeUndefined();
    expect(manager.teamActions.length).toBeGreaterThan(0);
    for (const role of ['STAFF', 'VIEWER'] as const) {
      const body = await home(role);
      expect(body.accessNumbers, role).toBeUndefined();
      expect(body.teamActions, role).toBeUndefined();
    }
    expect((await home('VIEWER')).myActions).toEqual([]);
  });

  it('lists recent actions newest first, as sentences, each linking to its record', async () => {
    t.clock.set('2026-12-07T11:00:00.000Z');
    const customer = await t.services.customers.create(
      customerForm({ firstName: 'Jürgen', lastName: 'Müller' }),
      people.STAFF.actor,
    );
    t.clock.set('2026-12-07T11:05:00.000Z');
    await t.services.customers.update(customer.id, { email: 'juergen@new.example' }, people.STAFF.actor);

    const [latest, previous] = (await home('STAFF')).myActions;
    expect(latest).toMatchObject({
      record: 'Jürgen Müller',
      kind: `customer #${customer.id}`,
      href: `/admin/resources/Customer/records/${customer.id}/show`,
      at: '2026-12-07T11:05:00.000Z',
      sentences: [expect.stringMatching(/^Email: .+ → juergen@new\.example$/)],
    });
    expect(previous).toMatchObject({ record: 'Jürgen Müller', sentences: ['Added'] });

    const team = (await home('MANAGER')).teamActions;
    expect(team[0]).toMatchObject({ record: 'Jürgen Müller', actorName: 'Staff Person' });
    // Staff accounts are superusers' records: only they see changes to them.
    t.clock.set('2026-12-07T11:10:00.000Z');
    await t.createUser('STAFF');
    const aboutStaff = (actions: Array<{ kind: string }>) =>
      actions.some(({ kind }) => kind.startsWith('staff account'));
    expect(aboutStaff((await home('SUPERUSER')).teamActions)).toBe(true);
    expect(aboutStaff((await home('MANAGER')).teamActions)).toBe(false);
  });

  it('offers New customer to the roles that may create customers', async () => {
    const links = async (role: Role) => (await home(role)).quickLinks.map((link: { key: string }) => link.key);
    expect(await links('STAFF')).toContain('new');
    expect(await links('VIEWER')).not.toContain('new');
  });

  it('is what /admin opens, for every role, instead of a redirect to the customer list', async () => {
    for (const role of ['SUPERUSER', 'VIEWER'] as const) {
      const page = await people[role].agent.get('/admin');
      expect(page.status, role).toBe(200);
      const state = JSON.parse(/window\.REDUX_STATE = (.*?);\n/.exec(page.text)![1]!);
      expect(state.dashboard).toEqual({ component: 'Home' });
    }
  });

  it('counts in UTC when the browser names no zone, or one the server does not know', async () => {
    expect((await home('STAFF')).timeZone).toBe('UTC');
    expect((await home('STAFF', 'Mars/Olympus_Mons')).timeZone).toBe('UTC');
  });
});
