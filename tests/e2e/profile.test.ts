/**
 * My profile in a real browser: the avatar menu on every page leads there, and a user
 * renames themselves and sees it saved.
 */
import { expect, it } from 'vitest';
import { openAccountMenu, signIn, useBrowserSession, waitForCustomerList } from './support/browser.js';

const session = useBrowserSession();

it('opens My profile from the panel and saves a new name', async () => {
  const { app } = session;
  const viewer = await app.createUser('VIEWER', { email: 'vera.viewer@example.test', name: 'Vera Viewer' });
  const page = await session.newPage();
  await signIn(page, app.baseUrl, viewer);
  await waitForCustomerList(page);

  await (await openAccountMenu(page)).getByRole('link', { name: 'My profile' }).click();
  await page.waitForURL(/\/admin\/profile$/, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { name: 'My profile' }).isVisible()).resolves.toBe(true);

  await page.locator('input[name="name"]').fill('Vera V. Viewer');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Your name is saved.').waitFor();
  expect((await app.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe('Vera V. Viewer');
});
