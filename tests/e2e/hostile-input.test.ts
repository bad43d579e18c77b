/**
 * What a hostile name or a changed action does in a real browser: a staff name holding
 * `</script><meta http-equiv=refresh …>` shows as text and sends nobody anywhere; Restore asks
 * first and restores on the confirming click (a POST), not on opening its screen.
 */
import { expect, it } from 'vitest';
import { openPage, signIn, useBrowserSession, waitForCustomerList } from './support/browser.js';
import { customerForm } from '../support/test-app.js';

const session = useBrowserSession();
const BREAKOUT = '</script><meta http-equiv="refresh" content="0;url=http://evil.example/">';

it('shows a staff name holding </script> and a meta refresh as text, and navigates nowhere', async () => {
  const { app } = session;
  const viewer = await app.createUser('VIEWER', { email: 'eve.markup@example.test', name: 'Eve' });
  // Written straight into the database, as a row from before names were checked could hold it.
  await app.prisma.user.update({ where: { id: viewer.id }, data: { name: `Eve ${BREAKOUT}` } });
  const page = await session.newPage();
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  await signIn(page, app.baseUrl, viewer);
  await waitForCustomerList(page);
  await page.getByText(BREAKOUT, { exact: false }).first().waitFor();
  await openPage(page, app.baseUrl, '/admin/resources/Customer');
  await waitForCustomerList(page);
  expect(navigations.filter((url) => !url.startsWith(app.baseUrl))).toEqual([]);
  expect(new URL(page.url()).origin).toBe(app.baseUrl);
});

it('restores a deleted customer only when the confirmation is clicked', async () => {
  const { app } = session;
  const manager = await app.createUser('MANAGER', { email: 'mona.manager@example.test' });
  const actor = { id: manager.id, role: 'MANAGER' as const };
  const customer = await app.services.customers.create(customerForm({ firstName: 'Grace' }), actor);
  await app.services.customers.softDelete(customer.id, actor);
  const page = await session.newPage();
  await signIn(page, app.baseUrl, manager);
  await openPage(page, app.baseUrl, `/admin/resources/Customer/records/${customer.id}/restore`);
  const confirmation = page.locator('[data-css="Customer-restore-confirmation"]');
  await confirmation.waitFor();
  expect((await app.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).not.toBeNull();
  await confirmation.getByRole('button', { name: 'Restore' }).click();
  await page.waitForURL(new RegExp(`/admin/resources/Customer/records/${customer.id}/show`));
  expect((await app.prisma.customer.findUniqueOrThrow({ where: { id: customer.id } })).deletedAt).toBeNull();
});
