/**
 * Refused pages in a real browser: inside the panel (sidebar, top bar), saying why, with the way
 * back — a viewer opening an edit form is told what the role may do and led to the record; an
 * unknown page is "Page not found" with the Home a click away. AdminJS's own error text never shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { signIn, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();

async function open(page: Page, path: string): Promise<number> {
  const response = await page.goto(new URL(path, session.app.baseUrl).href, { waitUntil: 'domcontentloaded' });
  return response!.status();
}

describe('refused pages', () => {
  it('tell a viewer opening an edit form what the role may do, and lead to the record', async () => {
    const { app } = session;
    const viewer = await app.createUser('VIEWER', { name: 'Vic Viewer' });
    const manager = await app.createUser('MANAGER');
    const customer = await app.services.customers.create(customerForm({ firstName: 'Jürgen', lastName: 'Müller' }), {
      id: manager.id,
      role: 'MANAGER',
    });
    const page = await session.newPage();
    await signIn(page, app.baseUrl, viewer, { landing: 'home' });

    expect(await open(page, `/admin/resources/Customer/records/${customer.id}/edit`)).toBe(403);
    const refusal = page.getByTestId('panel-refusal');
    await refusal.getByRole('heading', { level: 1, name: 'Not allowed' }).waitFor();
    await refusal.getByText('Your role can view customers but not edit them.').waitFor();
    await page.getByText(viewer.email).first().waitFor(); // inside the panel: the top bar names who is signed in
    await expectNoSeriousViolations(page, 'the 403 page');

    await refusal.getByRole('link', { name: 'Back to the record' }).click();
    await page.waitForURL(new RegExp(`/records/${customer.id}/show$`));
    await page.getByRole('heading', { level: 1, name: `Jürgen Müller · #${customer.id}` }).waitFor();
  });

  it('show an unknown page as not found, with the Home a click away', async () => {
    const { app } = session;
    const staff = await app.createUser('STAFF');
    const page = await session.newPage();
    await signIn(page, app.baseUrl, staff, { landing: 'home' });

    for (const path of ['/admin/resources/Customer/actions/launchRockets', '/admin/resources/Rockets']) {
      expect(await open(page, path), path).toBe(404);
      const refusal = page.getByTestId('panel-refusal');
      await refusal.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await refusal.getByText('There is no such page in the panel.').waitFor();
      await expect(page.getByText(/does not have an action with name|Resource of given id/).count()).resolves.toBe(0);
    }
    await expectNoSeriousViolations(page, 'the 404 page');
    await page.getByTestId('panel-refusal').getByRole('link', { name: 'Back to the Home' }).click();
    await page.waitForURL(/\/admin\/?$/);
  });
});
