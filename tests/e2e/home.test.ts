/**
 * The Home in a real browser, for each role: its numbers against the database (in the browser's
 * time zone, Europe/Berlin here), each number and chart day leading to the list it counts, what each
 * role is shown, an axe scan, and docs/screenshots/home.png.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { signIn, useBrowserSession, waitForCustomerList, type RunningApp } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/home.png');
const TIME_ZONE = 'Europe/Berlin';
// Monday 7 December 2026, 11:00 in Berlin: today began at 23:00 UTC on the 6th, the month at 23:00 on 30 November.
const NOW = '2026-12-07T10:00:00.000Z';
const TODAY = new Date('2026-12-06T23:00:00.000Z');
const MONTH = new Date('2026-11-30T23:00:00.000Z');
const NAMES: Record<Role, string> = {
  SUPERUSER: 'Sue Perkins',
  MANAGER: 'Max Manager',
  STAFF: 'Ann Clerk',
  VIEWER: 'Vic Viewer',
};

let people: Record<Role, { email: string; password: string; actor: Actor }> | undefined;

/** Staff of every role, and customers added over the last weeks by Ann Clerk (one deleted by Max). */
async function setUp(app: RunningApp) {
  if (people) return people;
  const made = {} as Record<Role, { email: string; password: string; actor: Actor }>;
  for (const role of ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const) {
    const user = await app.createUser(role, { name: NAMES[role] });
    made[role] = { ...user, actor: { id: user.id, role } };
  }
  const days = [40, 20, 9, 9, 3, 1, 1, 0, 0, 0];
  for (const [index, daysAgo] of days.entries()) {
    app.clock.set(new Date(Date.parse(NOW) - daysAgo * 86_400_000 - (index + 1) * 600_000));
    const customer = await app.services.customers.create(
      customerForm({ firstName: ['Ada', 'Grace', 'Jürgen', 'Zoë', 'Alan'][index % 5]! }),
      made.STAFF.actor,
    );
    if (index === 4) await app.services.customers.softDelete(customer.id, made.MANAGER.actor);
  }
  app.clock.set(NOW);
  // A failed sign-in in the last 24 hours, for the superuser's numbers.
  await app.services.authenticator.authenticate(made.STAFF.email, 'not the password');
  people = made;
  return made;
}

/** The Home's numbers as the database has them, counted here with plain queries. */
async function expectedNumbers(app: RunningApp): Promise<Record<string, number>> {
  const created = (from: Date) => app.prisma.customer.count({ where: { createdAt: { gte: from } } });
  const week = TODAY; // 7 December 2026 is a Monday.
  return {
    active: await app.prisma.customer.count({ where: { deletedAt: null } }),
    addedToday: await created(TODAY),
    addedThisWeek: await created(week),
    addedThisMonth: await created(MONTH),
    deleted: await app.prisma.customer.count({ where: { deletedAt: { not: null } } }),
  };
}

async function openHome(role: Role): Promise<Page> {
  const { app } = session;
  const users = await setUp(app);
  const page = await session.newPage({ timezoneId: TIME_ZONE });
  await signIn(page, app.baseUrl, users[role], { landing: 'home' });
  await page.locator('[data-number="active"]').waitFor();
  return page;
}

const shownNumber = async (page: Page, key: string) =>
  Number((await page.locator(`[data-number="${key}"] a > span`).first().innerText()).replace(/\D/g, ''));

const axeCounts: Record<string, number> = {};

describe('the Home', () => {
  it.each(['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const)(
    'shows %s the numbers the database has, and only what the role may see',
    async (role) => {
      const page = await openHome(role);
      const { app } = session;
      const expected = await expectedNumbers(app);
      for (const [key, value] of Object.entries(expected)) expect(await shownNumber(page, key), key).toBe(value);
      await page.getByText(`Days are counted in your time zone, ${TIME_ZONE}.`).waitFor();

      const access = page.getByRole('heading', { name: 'Staff and sign-ins' });
      const team = page.getByRole('heading', { name: 'Team’s recent actions' });
      const newCustomer = page.getByRole('link', { name: 'New customer' });
      expect(await access.count(), 'staff and sign-ins').toBe(role === 'SUPERUSER' ? 1 : 0);
      expect(await team.count(), 'team’s recent actions').toBe(role === 'SUPERUSER' || role === 'MANAGER' ? 1 : 0);
      expect(await newCustomer.count(), 'New customer').toBe(role === 'VIEWER' ? 0 : 1);
      if (role === 'SUPERUSER') {
        expect(await shownNumber(page, 'activeStaff')).toBe(await app.prisma.user.count({ where: { isActive: true } }));
        expect(await shownNumber(page, 'failedSignIns')).toBe(
          await app.prisma.auditLog.count({
            where: { action: 'login_failed', at: { gte: new Date(Date.parse(NOW) - 86_400_000) } },
          }),
        );
      }
      if (role === 'STAFF') {
        // Ann added every customer: her own recent actions name them, each a link to its record.
        const mine = page.getByRole('list', { name: 'My recent actions' });
        const first = mine.getByRole('link').first();
        expect(await first.getAttribute('href')).toMatch(/^\/admin\/resources\/Customer\/records\/\d+\/show$/);
      }
      axeCounts[role] = (await expectNoSeriousViolations(page, `the Home as ${role}`)).length;
    },
  );

  it('leads from each customer number to the list it counts', async () => {
    const page = await openHome('MANAGER');
    for (const key of ['addedToday', 'addedThisMonth', 'deleted', 'active']) {
      await page.goBack({ waitUntil: 'domcontentloaded' }).catch(() => undefined);
      if (!/\/admin\/?$/.test(new URL(page.url()).pathname)) {
        await page.goto(new URL('/admin', session.app.baseUrl).href, { waitUntil: 'domcontentloaded' });
      }
      await page.locator(`[data-number="${key}"]`).waitFor();
      const value = await shownNumber(page, key);
      await page.locator(`[data-number="${key}"] a`).click();
      await page.waitForURL(/\/admin\/resources\/Customer/, { waitUntil: 'domcontentloaded' });
      await waitForCustomerList(page);
      expect(await page.locator('[data-css="Customer-table-row"]').count(), key).toBe(value);
    }
  });

  it('charts the last 90 days, with the numbers as a table of links to each day’s customers', async () => {
    const page = await openHome('STAFF');
    const chart = page.getByTestId('customers-added-chart');
    await chart.locator('canvas').first().waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/^Bar chart: 10 customers added in the last 90 days/);
    await page.getByText('Show the numbers').click();
    const table = page.getByRole('table', { name: 'Customers added per day' });
    expect(await table.locator('tbody tr').count()).toBe(90);
    const today = table.getByRole('link', { name: /added on Mon, 7 Dec 2026$/ });
    const count = Number(await today.innerText());
    expect(count).toBe(await session.app.prisma.customer.count({ where: { createdAt: { gte: TODAY } } }));
    await today.click();
    await waitForCustomerList(page);
    expect(await page.locator('[data-css="Customer-table-row"]').count()).toBe(count);
    expect(axeCounts).toBeDefined();
  });

  it('is the page behind the logo and the Home breadcrumb, and saves a screenshot for README', async () => {
    const page = await openHome('MANAGER');
    await page.goto(new URL('/admin/resources/Customer', session.app.baseUrl).href, { waitUntil: 'domcontentloaded' });
    await waitForCustomerList(page);
    await page.getByRole('link', { name: 'Home' }).first().click();
    await page.locator('[data-number="active"]').waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/admin\/?$/);
    await page.getByTestId('customers-added-chart').locator('canvas').first().waitFor();
    // AdminJS scrolls its content inside the layout, not the document: a tall window shows it all.
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
    console.log(`axe findings on the Home (none critical or serious), by role: ${JSON.stringify(axeCounts)}`);
  });
});
