/**
 * The panel on a 390 px phone: the audit log shows When, Who and Action (the other columns hidden,
 * nothing scrolls sideways; docs/screenshots/audit-log-phone.png), and the customer edit form's
 * error messages never overlap the next field's label.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { openPage, signIn, useBrowserSession } from './support/browser.js';

const PHONE = { width: 390, height: 844 };
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/audit-log-phone.png');

const session = useBrowserSession();

it('shows When, Who and Action of the audit log on a phone, without sideways scrolling', async () => {
  const { app } = session;
  const manager = await app.createUser('MANAGER', { email: 'hannah.schmidt@example.test', name: 'Hannah Schmidt' });
  const actor: Actor = { id: manager.id, role: 'MANAGER' };
  const customer = await app.services.customers.create(customerForm(), actor);
  await app.services.customers.update(customer.id, { notes: 'Prefers email.' }, actor);
  await app.services.customers.softDelete(customer.id, actor);

  const page = await session.newPage({ viewport: PHONE });
  await signIn(page, app.baseUrl, manager, { landing: 'home' });
  await openPage(page, app.baseUrl, '/admin/resources/AuditLog');
  const table = page.locator('[data-css="AuditLog-table"]');
  await table.locator('tr[data-id]').first().waitFor();

  const headers = await table
    .locator('thead tr > *')
    .evaluateAll((cells) =>
      cells.filter((cell) => getComputedStyle(cell).display !== 'none').map((cell) => cell.textContent?.trim() ?? ''),
    );
  expect(headers.filter(Boolean)).toEqual(['When', 'Who', 'Action']);
  const firstRow = await table
    .locator('tbody tr')
    .first()
    .locator('td')
    .evaluateAll((cells) =>
      cells.filter((cell) => getComputedStyle(cell).display !== 'none').map((cell) => cell.dataset.propertyName),
    );
  expect(firstRow.filter(Boolean)).toEqual(['at', 'actor', 'action']);
  // The table fits the screen: nothing to scroll sideways to.
  const box = await table.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);

  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
  expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);
});

it('keeps each error message of the customer edit form clear of the next label on a phone', async () => {
  const { app } = session;
  const staff = await app.createUser('STAFF', { name: 'Sam Staff' });
  const customer = await app.services.customers.create(customerForm(), { id: staff.id, role: 'STAFF' });
  const page = await session.newPage({ viewport: PHONE });
  await signIn(page, app.baseUrl, staff, { landing: 'home' });
  await openPage(page, app.baseUrl, `/admin/resources/Customer/records/${customer.id}/edit`);
  // Two of the longest messages the server gives (the browser itself checks required fields and email).
  await page.locator('#phone').fill('12345');
  await page.locator('#dateOfBirth').fill('2020-01-01');
  await page.getByTestId('button-save').click();
  // AdminJS's field message is a Text under the field (its FormMessage).
  for (const field of ['phone', 'dateOfBirth'])
    await page
      .locator(`[data-testid="property-edit-${field}"] .adminjs_Text`)
      .filter({ hasText: /\S/ })
      .first()
      .waitFor();

  const overlaps = await page.evaluate(() => {
    const rects = (selector: string) =>
      Array.from(document.querySelectorAll<HTMLElement>(selector))
        .filter((element) => element.textContent?.trim())
        .map((element) => ({ text: element.textContent.trim().slice(0, 40), rect: element.getBoundingClientRect() }));
    const messages = rects('form [data-testid^="property-edit-"] .adminjs_Text');
    const labels = rects('form [data-testid^="property-edit-"] label');
    return messages.flatMap((message) =>
      labels
        .filter(
          ({ rect }) =>
            rect.top < message.rect.bottom &&
            message.rect.top < rect.bottom &&
            rect.left < message.rect.right &&
            message.rect.left < rect.right,
        )
        .map((label) => `${message.text} overlaps ${label.text}`),
    );
  });
  expect(overlaps).toEqual([]);
  // Nor does the form scroll sideways.
  await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
});
