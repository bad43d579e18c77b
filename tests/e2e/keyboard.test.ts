/**
 * The sidebar's groups and the customer list's row actions by keyboard alone. A group (Accounts) is
 * reached with Tab and opens and closes with Enter and Space, with a focus ring. Row actions: Tab reaches a row's actions button (named for
 * the customer), its menu opens while focus is in it, Tab moves through its items with a visible
 * focus ring, and Enter opens the one chosen.
 */
import type { Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { customerForm } from '../support/test-app.js';
import { customerRow, signIn, useBrowserSession, waitForCustomerList } from './support/browser.js';

const session = useBrowserSession();

const outlineOf = (element: Locator) => element.evaluate((node) => getComputedStyle(node).outlineStyle);

it('opens a row’s actions menu and an action in it with the keyboard, with a visible focus ring', async () => {
  const { app } = session;
  const manager = await app.createUser('MANAGER', { name: 'Kim Keys' });
  const customer = await app.services.customers.create(
    customerForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada.lovelace@example.com' }),
    { id: manager.id, role: 'MANAGER' },
  );
  const page = await session.newPage();
  await signIn(page, app.baseUrl, manager);
  await waitForCustomerList(page);

  const row = customerRow(page, 'ada.lovelace@example.com');
  const menuButton = row.getByRole('button', { name: /^Actions for / });
  // Tab from the row's checkbox (before it in the row) to its actions button.
  await row.getByRole('checkbox').focus();
  for (
    let presses = 0;
    presses < 10 && !(await menuButton.evaluate((el) => el === document.activeElement));
    presses += 1
  )
    await page.keyboard.press('Tab');
  await expect(menuButton.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(outlineOf(menuButton)).resolves.toBe('solid');

  const menu = row.locator('.adminjs_DropDownMenu');
  await expect(menu.isVisible()).resolves.toBe(true);
  // Space moves into the menu (its first item, Show); Tab on, each item ringed, to Edit; Enter opens it.
  await page.keyboard.press('Space');
  const show = menu.getByRole('link', { name: 'Show' });
  await expect(show.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(outlineOf(show)).resolves.toBe('solid');
  const edit = menu
    .getByRole('link', { name: 'Edit' })
    .or(menu.getByRole('button', { name: 'Edit' }))
    .first();
  for (let presses = 0; presses < 5 && !(await edit.evaluate((el) => el === document.activeElement)); presses += 1) {
    await page.keyboard.press('Tab');
    await expect(menu.isVisible()).resolves.toBe(true);
  }
  await expect(edit.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(outlineOf(edit)).resolves.toBe('solid');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`/records/${customer.id}/edit$`));
});

it('opens and closes a sidebar group with Enter and Space, reached with Tab, with a visible focus ring', async () => {
  const { app } = session;
  const superuser = await app.createUser('SUPERUSER', { name: 'Sid Sidebar' });
  const page = await session.newPage();
  await signIn(page, app.baseUrl, superuser);
  await waitForCustomerList(page);
  const sidebar = page.locator('[data-css="sidebar"]');
  const group = sidebar.getByRole('button', { name: 'Accounts' });
  await page.locator('body').focus();
  for (let presses = 0; presses < 30 && !(await group.evaluate((el) => el === document.activeElement)); presses += 1)
    await page.keyboard.press('Tab');
  await expect(group.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
  await expect(outlineOf(group)).resolves.not.toBe('none');

  const auditLog = sidebar.getByRole('link', { name: 'Audit log' });
  const wasOpen = await auditLog.isVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => auditLog.isVisible()).toBe(!wasOpen);
  await expect(group.getAttribute('aria-expanded')).resolves.toBe(String(!wasOpen));
  await page.keyboard.press('Space');
  await expect.poll(() => auditLog.isVisible()).toBe(wasOpen);
});
