/**
 * Forgot password in a real browser (Debian's chromium via playwright-core) against the real app:
 * the link on the login page, the request form, the mailed one-time link opened in the browser,
 * the new password saved, sign-in with it through the real login page, the old password refused,
 * and the used link refused a second time.
 */
import { expect, it } from 'vitest';
import { openPage, signIn, waitForCustomerList, useBrowserSession } from './support/browser.js';

const NEW_PASSWORD = 'Violet kestrel 47 over the dunes';

const session = useBrowserSession();

it('resets a forgotten password through the mailed link, then signs in with the new one only', async () => {
  const { app } = session;
  const staff = await app.createUser('STAFF', { email: 'ada.forgetful@example.test', name: 'Ada Forgetful' });
  const page = await session.newPage();

  // The login page's "Forgot your password?" link leads to the request form.
  await openPage(page, app.baseUrl, '/admin/login');
  await page.locator('form[action="/admin/login"]').waitFor();
  const forgotLink = page.getByRole('link', { name: 'Forgot your password?' });
  expect(
    await forgotLink.count(),
    'the "Forgot your password?" link is not on the rendered login page (it is in the HTML the server sends, but once the page scripts have run it is gone)',
  ).toBe(1);
  await forgotLink.click();
  await page.waitForURL(/\/admin\/forgot-password$/, { waitUntil: 'domcontentloaded' });
  await expect(page.getByRole('heading', { name: 'Forgot your password?' }).isVisible()).resolves.toBe(true);

  await page.getByLabel('Email').fill(staff.email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await page.getByRole('heading', { name: 'Check your mail' }).waitFor();

  // One mail, to this user, with a reset link; opened on the running app instead of publicUrl.
  expect(app.mailbox.messages).toHaveLength(1);
  const mail = app.mailbox.messages[0]!;
  expect(mail.to).toBe(staff.email);
  const mailed = new URL(app.mailbox.linkIn(mail));
  expect(mailed.origin).toBe('http://backoffice.test');
  expect(mailed.pathname).toBe('/admin/reset-password');
  const resetPath = `${mailed.pathname}${mailed.search}`;

  await openPage(page, app.baseUrl, resetPath);
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  await expect(page.getByText(staff.email).isVisible()).resolves.toBe(true);
  await page.screenshot({ path: '/tmp/reset-form.png', fullPage: true });

  await page.locator('input[name="password"]').fill(NEW_PASSWORD);
  await page.locator('input[name="confirmation"]').fill(NEW_PASSWORD);
  await expect(page.getByLabel('New password', { exact: true }).inputValue()).resolves.toBe(NEW_PASSWORD);
  await expect(page.getByLabel('New password again').inputValue()).resolves.toBe(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Save the new password' }).click();
  await page.getByRole('heading', { name: 'Password saved' }).waitFor();

  // The same link a second time is refused.
  const reopened = await page.goto(new URL(resetPath, app.baseUrl).href, { waitUntil: 'domcontentloaded' });
  expect(reopened?.status()).toBe(410);
  await page.getByRole('heading', { name: 'This link cannot be used' }).waitFor();
  await expect(page.locator('input[name="password"]').count()).resolves.toBe(0);

  // The new password signs in through the real login page and lands on the Customers list.
  await signIn(page, app.baseUrl, { email: staff.email, password: NEW_PASSWORD });
  await waitForCustomerList(page);

  // Signed out, the old password is refused.
  await openPage(page, app.baseUrl, '/admin/logout');
  await page.waitForURL(/\/admin\/login$/, { waitUntil: 'domcontentloaded' });
  const form = page.locator('form[action="/admin/login"]');
  await form.locator('input[name="email"]').fill(staff.email);
  await form.locator('input[name="password"]').fill(staff.password);
  const refused = page.waitForResponse(
    (response) => response.url().endsWith('/admin/login') && response.request().method() === 'POST',
  );
  await form.getByRole('button', { name: 'Sign in' }).click();
  expect((await refused).status()).toBe(401);
  await page.getByText('Wrong email or password').waitFor();
  expect(new URL(page.url()).pathname).toBe('/admin/login');
});
