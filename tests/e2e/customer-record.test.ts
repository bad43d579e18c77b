/**
 * A customer's screens in a real browser: titles and breadcrumbs that name the customer, notices
 * that name it, the delete confirmation naming it, back to the list as it was left after an edit,
 * "Save and add another", a deleted customer's page and edit form, the email message linking to
 * the customer holding the address, and axe scans of the page, the edit form and the new form.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Customer } from '@prisma/client';
import type { Actor, Role } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { openPage, signIn, useBrowserSession, type RunningApp } from './support/browser.js';

const session = useBrowserSession();
const LIST = '/admin/resources/Customer';

interface Setup {
  users: Record<'MANAGER' | 'STAFF', { email: string; password: string }>;
  juergen: Customer;
  deleted: Customer;
}
let setup: Setup | undefined;

async function setUp(app: RunningApp): Promise<Setup> {
  if (setup) return setup;
  const manager = await app.createUser('MANAGER', { name: 'Max Manager' });
  const staff = await app.createUser('STAFF', { name: 'Ann Clerk' });
  const actor: Actor = { id: manager.id, role: 'MANAGER' };
  const juergen = await app.services.customers.create(
    customerForm({ firstName: 'Jürgen', lastName: 'Müller', email: 'juergen.mueller@example.com' }),
    actor,
  );
  for (let index = 0; index < 3; index += 1)
    await app.services.customers.create(customerForm({ lastName: `Mueller${index}` }), actor);
  const deleted = await app.services.customers.create(
    customerForm({ firstName: 'Gone', lastName: 'Away', email: 'gone.away@example.com' }),
    actor,
  );
  await app.services.customers.softDelete(deleted.id, actor);
  setup = { users: { MANAGER: manager, STAFF: staff }, juergen, deleted };
  return setup;
}

async function signedIn(role: 'MANAGER' | 'STAFF'): Promise<{ page: Page; setup: Setup }> {
  const made = await setUp(session.app);
  const page = await session.newPage();
  await signIn(page, session.app.baseUrl, made.users[role], { landing: 'home' });
  return { page, setup: made };
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const recordPath = (id: number, action: string) => `${LIST}/records/${id}/${action}`;

describe("a customer's screens", () => {
  it('name the customer in titles and breadcrumbs, and in the delete confirmation', async () => {
    const { page, setup: made } = await signedIn('MANAGER');
    const id = made.juergen.id;
    await openPage(page, session.app.baseUrl, recordPath(id, 'show'));
    await expect(heading(page).innerText()).resolves.toBe(`Jürgen Müller · #${id}`);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    await expect(crumbs.innerText()).resolves.toMatch(/^Home\s+Customers\s+Jürgen Müller$/);
    await expectNoSeriousViolations(page, "a customer's page");

    await page.getByRole('link', { name: 'Delete' }).click();
    await page.getByText('Delete Jürgen Müller? The customer is hidden from the list').waitFor();
    await page.keyboard.press('Escape');

    await openPage(page, session.app.baseUrl, recordPath(id, 'edit'));
    await heading(page).filter({ hasText: 'Edit Jürgen Müller' }).waitFor();
    await expect(crumbs.getByRole('link', { name: 'Jürgen Müller' }).count()).resolves.toBe(1);
    await page.locator('#firstName').waitFor();
    await expectNoSeriousViolations(page, "a customer's edit form");

    await openPage(page, session.app.baseUrl, `${LIST}/actions/new`);
    await heading(page).filter({ hasText: 'New customer' }).waitFor();
    await page.locator('#firstName').waitFor();
    await expectNoSeriousViolations(page, 'the new-customer form');
  });

  it('goes back to the list as it was left after an edit, with a notice naming the customer', async () => {
    const { page, setup: made } = await signedIn('STAFF');
    const listQuery = '?filters.search=mueller&sortBy=name&direction=asc&perPage=2&page=2';
    await openPage(page, session.app.baseUrl, `${LIST}${listQuery}`);
    await page.locator('[data-css="Customer-table"]').waitFor();
    await openPage(page, session.app.baseUrl, recordPath(made.juergen.id, 'edit'));
    await page.locator('#notes').fill('Prefers email.');
    await page.getByTestId('button-save').click();

    await page.getByText('Saved Jürgen Müller.').waitFor();
    await page.waitForURL((url) => url.searchParams.get('filters.search') === 'mueller');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      'filters.search': 'mueller',
      sortBy: 'name',
      direction: 'asc',
      page: '2',
    });
    const stored = await session.app.prisma.customer.findUniqueOrThrow({ where: { id: made.juergen.id } });
    expect(stored.notes).toBe('Prefers email.');
  });

  it('saves and offers an empty form for the next customer, or opens the new customer', async () => {
    const { page } = await signedIn('STAFF');
    const fill = async (n: string) => {
      await page.locator('#firstName').fill('Grace');
      await page.locator('#lastName').fill(`Hopper${n}`);
      await page.locator('#email').fill(`grace.hopper${n}@example.com`);
      await page.locator('#phone').fill(`+1 201 555 07${n}`);
      await page.locator('input[type="date"]').fill('1990-12-09');
    };
    await openPage(page, session.app.baseUrl, `${LIST}/actions/new`);
    await page.locator('#firstName').waitFor();
    await fill('11');
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await page.getByText('Added Grace Hopper11.').waitFor();
    expect(new URL(page.url()).pathname).toBe(`${LIST}/actions/new`);
    await expect(page.locator('#firstName').inputValue()).resolves.toBe('');

    await fill('12');
    await page.getByTestId('button-save').click();
    await page.waitForURL(/\/records\/\d+\/show$/);
    await heading(page)
      .filter({ hasText: /^Grace Hopper12 · #\d+$/ })
      .waitFor();
    await expect(session.app.prisma.customer.count({ where: { firstName: 'Grace' } })).resolves.toBe(2);
  });

  it('links the email message to the customer who has the address', async () => {
    const { page, setup: made } = await signedIn('STAFF');
    await openPage(page, session.app.baseUrl, `${LIST}/actions/new`);
    await page.locator('#firstName').fill('Jane');
    await page.locator('#lastName').fill('Doe');
    await page.locator('#email').fill('juergen.mueller@example.com');
    await page.locator('#phone').fill('+1 201 555 0799');
    await page.locator('input[type="date"]').fill('1980-01-01');
    await page.getByTestId('button-save').click();
    const link = page.getByTestId('property-edit-email').getByRole('link', { name: `customer #${made.juergen.id}` });
    await link.waitFor();
    await link.click();
    await page.waitForURL(new RegExp(`/records/${made.juergen.id}/show$`));
  });

  it.each(['MANAGER', 'STAFF'] as const)(
    "says at the top of a deleted customer's page that it is deleted (Restore for %s if allowed)",
    async (role: Extract<Role, 'MANAGER' | 'STAFF'>) => {
      const { page, setup: made } = await signedIn(role);
      await openPage(page, session.app.baseUrl, recordPath(made.deleted.id, 'show'));
      const notice = page.getByTestId('deleted-customer-notice');
      await notice.getByText('This customer was deleted on').waitFor();
      await expect(notice.getByRole('link', { name: 'Restore' }).count()).resolves.toBe(role === 'MANAGER' ? 1 : 0);
      await expectNoSeriousViolations(page, `a deleted customer's page as ${role}`);

      // Its edit form cannot be saved until the customer is restored.
      await openPage(page, session.app.baseUrl, recordPath(made.deleted.id, 'edit'));
      await notice.getByText('cannot be changed until it is restored').waitFor();
      await page.locator('#notes').fill('Changed while deleted');
      await page.getByTestId('button-save').click();
      await page.getByText(`Customer #${made.deleted.id} is deleted: restore it before changing it.`).first().waitFor();
      const stored = await session.app.prisma.customer.findUniqueOrThrow({ where: { id: made.deleted.id } });
      expect(stored.notes).not.toBe('Changed while deleted');
    },
  );
});
