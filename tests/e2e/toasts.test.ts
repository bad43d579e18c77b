/**
 * The panel's toasts in a real browser: after a customer is added, saved, deleted or restored the
 * toast names the customer and links to their page; a toast is gone once the clerk moves to
 * another page (AdminJS kept them across pages); a toast fits a 390 px phone.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { customerForm } from '../support/test-app.js';
import { openPage, signIn, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();
const recordPath = (id: number, action: string) => `/admin/resources/Customer/records/${id}/${action}`;
const toasts = (page: Page) => page.getByTestId('notice-wrapper');

/** The toast saying `text`, and its link to the customer's page (checked to lead there). */
async function expectToastLinking(page: Page, text: string, name: string, id: number) {
  const toast = toasts(page).getByRole('status').filter({ hasText: text });
  await toast.waitFor();
  const link = toast.getByRole('link', { name: `Open ${name}` });
  await expect(link.getAttribute('href')).resolves.toMatch(new RegExp(`${recordPath(id, 'show')}$`));
  return link;
}

it('links each customer toast to the customer, and drops it on the next page', async () => {
  const { app } = session;
  const manager = await app.createUser('MANAGER', { name: 'Toni Toast' });
  const page = await session.newPage();
  await signIn(page, app.baseUrl, manager, { landing: 'home' });

  // Added: on the new customer's page.
  await openPage(page, app.baseUrl, '/admin/resources/Customer/actions/new');
  await page.locator('#firstName').fill('Grace');
  await page.locator('#lastName').fill('Hopper');
  await page.locator('#email').fill('grace.hopper@example.com');
  await page.locator('#phone').fill('+1 201 555 0711');
  await page.locator('input[type="date"]').fill('1990-12-09');
  await page.getByTestId('button-save').click();
  await page.waitForURL(/\/records\/\d+\/show$/);
  const id = Number(/\/records\/(\d+)\/show$/.exec(page.url())![1]);
  await expectToastLinking(page, 'Added Grace Hopper.', 'Grace Hopper', id);

  // Saved: back on the list, the toast leads to the customer; following it leaves no stale toast.
  await openPage(page, app.baseUrl, recordPath(id, 'edit'));
  await expect(toasts(page).count()).resolves.toBe(0);
  await page.locator('#notes').fill('Prefers email.');
  await page.getByTestId('button-save').click();
  const saved = await expectToastLinking(page, 'Saved Grace Hopper.', 'Grace Hopper', id);
  await page.waitForURL(/\/admin\/resources\/Customer(\?|$)/);
  await saved.click();
  await page.waitForURL(new RegExp(`${recordPath(id, 'show')}$`));
  await page.getByRole('heading', { level: 1, name: /^Grace Hopper/ }).waitFor();
  await expect(toasts(page).count()).resolves.toBe(0);

  // Deleted and restored: each toast links to the customer's page.
  await openPage(page, app.baseUrl, recordPath(id, 'delete'));
  await page.locator('[data-css="Customer-delete-confirmation"]').getByRole('button', { name: 'Delete' }).click();
  await expectToastLinking(page, 'Deleted Grace Hopper.', 'Grace Hopper', id);
  await openPage(page, app.baseUrl, recordPath(id, 'restore'));
  await page.locator('[data-css="Customer-restore-confirmation"]').getByRole('button', { name: 'Restore' }).click();
  await expectToastLinking(page, 'Restored Grace Hopper.', 'Grace Hopper', id);

  // Moving on (the breadcrumb back to the list) drops it.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Customers' }).click();
  await page.waitForURL(/\/admin\/resources\/Customer(\?|$)/);
  await expect(toasts(page).count()).resolves.toBe(0);
});

it('fits a toast on a 390 px phone', async () => {
  const { app } = session;
  const staff = await app.createUser('STAFF', { name: 'Pia Phone' });
  const customer = await app.services.customers.create(customerForm(), { id: staff.id, role: 'STAFF' });
  const page = await session.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(page, app.baseUrl, staff, { landing: 'home' });
  await openPage(page, app.baseUrl, recordPath(customer.id, 'edit'));
  await page.locator('#phone').fill('12345');
  await page.getByTestId('button-save').click();
  await toasts(page).getByRole('alert').waitFor();
  const box = await toasts(page).boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(390);
});
