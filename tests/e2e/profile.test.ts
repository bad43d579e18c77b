/**
 * My profile in a real browser: the link the panel shows on every page leads there, and a user
 * renames themselves and sees it saved.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { launchBrowser, signIn, startApp, waitForCustomerList, type E2eBrowser, type RunningApp } from './support/browser.js';

let app: RunningApp;
let browser: E2eBrowser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  await Promise.all([startApp().then((started) => (app = started)), launchBrowser().then((launched) => (browser = launched))]);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

it('opens My profile from the panel and saves a new name', async () => {
  const viewer = await app.createUser('VIEWER', { email: 'vera.viewer@example.test', name: 'Vera Viewer' });
  context = await browser.newContext({ timezoneId: 'UTC' });
  const page = await context.newPage();
  await signIn(page, app.baseUrl, viewer);
  await waitForCustomerList(page);

  await page.getByRole('link', { name: 'My profile' }).click();
  await page.waitForURL(/\/admin\/profile$/, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { name: 'My profile' }).isVisible()).resolves.toBe(true);

  await page.locator('input[name="name"]').fill('Vera V. Viewer');
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText('Your name is saved.').waitFor();
  expect((await app.prisma.user.findUniqueOrThrow({ where: { id: viewer.id } })).name).toBe('Vera V. Viewer');
});
