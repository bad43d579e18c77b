/**
 * No lost edits, in two real browsers: Ann and Bob open the same customer; Bob saves first; Ann's
 * save shows who changed it and when, their value and hers per field, and nothing of hers is
 * written; she takes one of Bob's values with the keyboard and saves again. axe scans the conflict;
 * it fits a 390px phone; docs/screenshots/edit-conflict.png. A delete confirmed after someone else
 * changed the customer deletes nothing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { openPage, signIn, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/edit-conflict.png');

async function editForm(user: { email: string; password: string }, customerId: number): Promise<Page> {
  const page = await session.newPage();
  await signIn(page, session.app.baseUrl, user, { landing: 'home' });
  await openPage(page, session.app.baseUrl, `/admin/resources/Customer/records/${customerId}/edit`);
  await page.getByTestId('property-edit-firstName').locator('input').waitFor();
  return page;
}

async function fill(page: Page, field: string, value: string): Promise<void> {
  await page.getByTestId(`property-edit-${field}`).locator('input, textarea').first().fill(value);
}

describe('two clerks editing one customer', () => {
  it('shows the second save both values, writes nothing, and saves her choice on the next Save', async () => {
    const { app } = session;
    const ann = await app.createUser('STAFF', { name: 'Ann Clerk' });
    const bob = await app.createUser('MANAGER', { name: 'Bob Clerk' });
    app.clock.set('2026-12-07T13:40:00.000Z');
    const customer = await app.services.customers.create(
      customerForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+1 201 555 0101' }),
      { id: ann.id, role: 'STAFF' },
    );

    const annPage = await editForm(ann, customer.id);
    const bobPage = await editForm(bob, customer.id);

    app.clock.set('2026-12-07T14:02:00.000Z');
    await fill(bobPage, 'firstName', 'Augusta');
    await fill(bobPage, 'notes', 'Prefers letters to calls.');
    await bobPage.getByTestId('button-save').click();
    await bobPage.waitForURL(/\/admin\/resources\/Customer(\?|$)/);

    await fill(annPage, 'firstName', 'Ada Augusta');
    await fill(annPage, 'email', 'ada.king@example.com');
    await annPage.getByTestId('button-save').click();
    const conflict = annPage.getByTestId('edit-conflict');
    await conflict.waitFor();
    await expect(conflict.getByRole('heading').innerText()).resolves.toBe(
      'Someone else changed this customer while you were editing (Bob Clerk, 14:02)',
    );
    const rows = await conflict.locator('tbody tr').allInnerTexts();
    expect(rows.map((row) => row.split('\t').slice(0, 3))).toEqual([
      ['First name', 'Augusta', 'Ada Augusta'],
      ['Email', 'ada@example.com', 'ada.king@example.com'],
      ['Notes', 'Prefers letters to calls.', '(empty)'],
    ]);
    // Nothing of Ann's save was written.
    expect(await app.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      firstName: 'Augusta',
      email: 'ada@example.com',
      notes: 'Prefers letters to calls.',
      version: 2,
    });

    await expectNoSeriousViolations(annPage, 'the edit conflict', '[data-testid="edit-conflict"]');
    await annPage.setViewportSize({ width: 1440, height: 1100 });
    await annPage.evaluate(() => document.fonts.ready);
    await annPage.screenshot({ path: SCREENSHOT, animations: 'disabled' });

    // With the keyboard: take Bob's notes, keep her own name and email, save again.
    await conflict.getByRole('button', { name: 'Take theirs: Notes' }).focus();
    await annPage.keyboard.press('Enter');
    // React fills the field on its next render: read until it has (a busy machine renders late).
    await expect
      .poll(() => annPage.getByTestId('property-edit-notes').locator('textarea').first().inputValue())
      .toBe('Prefers letters to calls.');
    await annPage.getByTestId('button-save').click();
    await annPage.waitForURL(/\/admin\/resources\/Customer(\?|$)/);
    expect(await app.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      firstName: 'Ada Augusta',
      email: 'ada.king@example.com',
      notes: 'Prefers letters to calls.',
      version: 3,
    });
  });

  it('deletes nothing when the customer changed after the delete confirmation opened', async () => {
    const { app } = session;
    const manager = await app.createUser('MANAGER', { name: 'Dee Leter' });
    const actor = { id: manager.id, role: 'MANAGER' as const };
    const customer = await app.services.customers.create(customerForm({ firstName: 'Grace' }), actor);
    const page = await session.newPage();
    await signIn(page, app.baseUrl, manager, { landing: 'home' });
    await openPage(page, app.baseUrl, `/admin/resources/Customer/records/${customer.id}/delete`);
    const confirmation = page.locator('[data-css="Customer-delete-confirmation"]');
    await confirmation.waitFor();
    await app.services.customers.update(customer.id, { notes: 'Still a customer' }, actor);
    await confirmation.getByRole('button', { name: 'Delete' }).click();
    await page.getByText('Someone else changed this customer while you were editing (Dee Leter').first().waitFor();
    expect((await app.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).toBeNull();
  });

  it('fits the conflict on a 390px phone', async () => {
    const { app } = session;
    const clerk = await app.createUser('MANAGER', { name: 'Pat Phone' });
    const customer = await app.services.customers.create(customerForm(), { id: clerk.id, role: 'MANAGER' });
    const page = await editForm(clerk, customer.id);
    await page.setViewportSize({ width: 390, height: 844 });
    await app.services.customers.update(customer.id, { notes: 'Changed elsewhere' }, { id: clerk.id, role: 'MANAGER' });
    await fill(page, 'lastName', 'Elsewhere');
    await page.getByTestId('button-save').click();
    const conflict = page.getByTestId('edit-conflict');
    await conflict.waitFor();
    const box = await conflict.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await expectNoSeriousViolations(page, 'the edit conflict on a phone', '[data-testid="edit-conflict"]');
  });
});
