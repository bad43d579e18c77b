/**
 * The Customers list in a real browser: the search box by keyboard only (Enter searches, the URL
 * keeps it, Clear), the empty result naming what was searched (and the one-letter-word rule), the
 * Name column opening the customer, deleted rows badged, the Status filter's default, the bulk
 * button naming the count, density (rows in a 1440×900 window), a 390 px phone, and axe scans.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { openPage, signIn, useBrowserSession, type RunningApp } from './support/browser.js';

const session = useBrowserSession();
const LIST = '/admin/resources/Customer';

let staff: { email: string; password: string; actor: Actor } | undefined;

/** A clerk, Jürgen Müller among 29 other customers, and one deleted customer. */
async function setUp(app: RunningApp) {
  if (staff) return staff;
  const user = await app.createUser('MANAGER', { name: 'Max Manager' });
  const actor: Actor = { id: user.id, role: 'MANAGER' };
  await app.services.customers.create(
    customerForm({ firstName: 'Jürgen', lastName: 'Müller', email: 'juergen.mueller@example.com' }),
    actor,
  );
  for (let index = 0; index < 29; index += 1) await app.services.customers.create(customerForm(), actor);
  const gone = await app.services.customers.create(
    customerForm({ firstName: 'Gone', lastName: 'Away', email: 'gone.away@example.com' }),
    actor,
  );
  await app.services.customers.softDelete(gone.id, actor);
  staff = { ...user, actor };
  return staff;
}

async function openList(options: { viewport?: { width: number; height: number } } = {}): Promise<Page> {
  const user = await setUp(session.app);
  const page = await session.newPage(options);
  await signIn(page, session.app.baseUrl, user);
  await page.locator('[data-css="Customer-table"]').waitFor();
  return page;
}

const rows = (page: Page) => page.locator('[data-css="Customer-table-row"]');

describe('the Customers list', () => {
  it('searches from the always-visible box by keyboard only, keeps it in the URL, and clears it', async () => {
    const page = await openList();
    const box = page.getByRole('searchbox', { name: 'Search' });
    // Reached with Tab from the top of the page, no mouse.
    await page.locator('body').focus();
    for (let presses = 0; presses < 40 && !(await box.evaluate((el) => el === document.activeElement)); presses += 1)
      await page.keyboard.press('Tab');
    await expect(box.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type('muller');
    await page.keyboard.press('Enter');

    await page.getByRole('status').filter({ hasText: '1 result for ‘muller’' }).waitFor();
    expect(new URL(page.url()).searchParams.get('filters.search')).toBe('muller');
    await expect(rows(page).count()).resolves.toBe(1);
    await expectNoSeriousViolations(page, 'the list, searched');

    // The URL keeps it: a reload shows the same search.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await page.getByRole('status').filter({ hasText: '1 result for ‘muller’' }).waitFor();
    await expect(box.inputValue()).resolves.toBe('muller');

    // Clear, by keyboard too.
    await page.getByRole('button', { name: 'Clear' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => !url.searchParams.has('filters.search'));
    await rows(page).nth(19).waitFor();
    await expect(box.inputValue()).resolves.toBe('');
  });

  it('says what was searched when nothing matches, never AdminJS’s empty page', async () => {
    const page = await openList();
    await openPage(page, session.app.baseUrl, `${LIST}?filters.search=mulller`);
    const empty = page.getByTestId('customer-list-empty');
    await empty.getByText('No customers match ‘mulller’').waitFor();
    await expect(empty.getByRole('button', { name: 'Clear search' }).count()).resolves.toBe(1);
    await expect(page.getByText('There are no records').count()).resolves.toBe(0);
    await expectNoSeriousViolations(page, 'the list, nothing found');

    await openPage(page, session.app.baseUrl, `${LIST}?filters.search=${encodeURIComponent('j m')}`);
    await empty.getByText('One-letter words are only searched beside a longer word').waitFor();
  });

  it('shows one Name column linking to the customer, and deleted customers badged with the day', async () => {
    const page = await openList();
    const headers = await page.locator('thead').locator('th, td').allInnerTexts();
    expect(headers.map((text) => text.trim()).filter(Boolean)).toEqual([
      'Id',
      'Name',
      'Email',
      'Phone',
      'Date of birth',
      'Created',
    ]);
    // Sorted by the Name column (last names), Müller comes before the Lovelaces going down.
    await openPage(page, session.app.baseUrl, `${LIST}?sortBy=name&direction=desc`);
    await expect(rows(page).first().getByRole('link').innerText()).resolves.toBe('Müller, Jürgen');
    const link = page.getByRole('link', { name: 'Müller, Jürgen' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/resources\/Customer\/records\/\d+\/show$/);
    await page.getByRole('heading', { level: 1, name: /^Jürgen Müller · #\d+$/ }).waitFor();

    await openPage(page, session.app.baseUrl, `${LIST}?filters.status=all`);
    const badge = rows(page).filter({ hasText: 'Away, Gone' }).getByTestId('deleted-badge');
    await expect(badge.innerText()).resolves.toMatch(/^Deleted \d{4}-\d{2}-\d{2}$/);
  });

  it('fits 18 rows or more in 900 px at 1440 wide, none wrapped', async () => {
    const page = await openList();
    const heights = await rows(page).evaluateAll((found) => found.map((row) => row.getBoundingClientRect().height));
    const oneLine = Math.min(...heights);
    expect(Math.max(...heights), 'every row is one line high').toBe(oneLine);
    const visible = await rows(page).evaluateAll(
      (found) => found.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length,
    );
    expect(visible).toBeGreaterThanOrEqual(18);
    await expectNoSeriousViolations(page, 'the list');
  });

  it('shows Active as the Status filter’s default and names the count on the bulk button', async () => {
    const page = await openList();
    await page.getByRole('button', { name: /Filter/ }).click();
    await expect(page.getByLabel('Status').inputValue()).resolves.toBe('active');
    await expect(page.getByLabel('Search').count()).resolves.toBe(1); // the box, not a drawer field
    // Apply shows the results with the drawer closed.
    await page.getByLabel('Status').selectOption('deleted');
    await page.locator('[data-css="Customer-filter-drawer-button-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('filters.status') === 'deleted');
    await rows(page).filter({ hasText: 'Away, Gone' }).waitFor();
    // The closed drawer slides out of the window (it stays in the page).
    await page.waitForFunction(() => {
      const drawer = document.querySelector('[data-css="Customer-filter-drawer"]');
      return drawer !== null && drawer.getBoundingClientRect().left >= window.innerWidth;
    });
    await openPage(page, session.app.baseUrl, LIST);
    await page.locator('[data-css="Customer-table"]').waitFor();
    const boxes = rows(page).locator('input[type="checkbox"]');
    await boxes.nth(0).check({ force: true });
    await boxes.nth(1).check({ force: true });
    await page
      .getByRole('button', { name: 'Delete 2 customers' })
      .or(page.getByRole('link', { name: 'Delete 2 customers' }))
      .first()
      .waitFor();
  });

  it('fits a 390 px phone: name, phone and email readable', async () => {
    const page = await openList({ viewport: { width: 390, height: 844 } });
    await page.getByRole('searchbox', { name: 'Search' }).waitFor();
    const box = await page.getByRole('searchbox', { name: 'Search' }).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    const first = rows(page).first();
    for (const column of ['name', 'email', 'phone']) {
      const cell = await first.getByTestId(`property-list-${column}`).boundingBox();
      expect(cell, column).not.toBeNull();
      expect(cell!.x + cell!.width, `${column} within the screen`).toBeLessThanOrEqual(390);
    }
    await expect(first.getByTestId('property-list-createdAt').isVisible()).resolves.toBe(false);
    await expectNoSeriousViolations(page, 'the list on a phone');
  });
});
