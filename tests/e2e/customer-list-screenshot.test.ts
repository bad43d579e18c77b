/**
 * docs/screenshots/customer-list.png and customer-list-phone.png: the Customers list as staff see
 * it at 1440×900 and on a 390 px phone, with a handful of realistic customers, on its own fresh
 * database so the pictures do not depend on other tests.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { customerRow, signIn, VIEWPORT, waitForCustomerList, useBrowserSession } from './support/browser.js';

const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/customer-list.png');
const PHONE_SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/customer-list-phone.png');

const CUSTOMERS = [
  {
    firstName: 'Olivia',
    lastName: 'Bennett',
    email: 'olivia.bennett@example.com',
    phone: '(201) 555-0148',
    dateOfBirth: '1987-03-14',
  },
  {
    firstName: 'Marcus',
    lastName: 'Okafor',
    email: 'marcus.okafor@example.com',
    phone: '+44 20 7946 0958',
    dateOfBirth: '1979-11-02',
  },
  {
    firstName: 'Sofia',
    lastName: 'Lindqvist',
    email: 'sofia.lindqvist@example.com',
    phone: '+46 8 123 456 78',
    dateOfBirth: '1995-07-21',
  },
  {
    firstName: 'Daniel',
    lastName: 'Nguyen',
    email: 'daniel.nguyen@example.com',
    phone: '(415) 555-0199',
    dateOfBirth: '2001-01-30',
  },
  {
    firstName: 'Amélie',
    lastName: 'Laurent',
    email: 'amelie.laurent@example.com',
    phone: '+33 1 23 45 67 89',
    dateOfBirth: '1968-09-09',
  },
];

const session = useBrowserSession();

it('saves a screenshot of the customer list with five customers', async () => {
  const { app } = session;
  const manager = await app.createUser('MANAGER', { email: 'hannah.schmidt@example.test', name: 'Hannah Schmidt' });
  const superuser = await app.createUser('SUPERUSER', { email: 'admin@example.test', name: 'Admin' });
  // Entered over a few days, so the "Created" column reads like real use.
  const createdAt = [
    '2026-11-16T09:12:00Z',
    '2026-11-17T14:47:00Z',
    '2026-11-19T10:05:00Z',
    '2026-11-20T16:31:00Z',
    '2026-11-23T08:58:00Z',
  ];
  for (const [index, customer] of CUSTOMERS.entries()) {
    app.clock.set(createdAt[index]!);
    await app.services.customers.create(customer, { id: superuser.id, role: 'SUPERUSER' });
  }
  // Back to "now" (after the accounts were set up), or sign-in would predate their passwords.
  app.clock.set('2026-11-23T12:00:00.000Z');

  const page = await session.newPage();
  await signIn(page, app.baseUrl, manager);
  await waitForCustomerList(page);
  for (const { email } of CUSTOMERS) await customerRow(page, email).waitFor();
  // Fonts and the logo have arrived before the picture is taken.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));

  mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });

  expect(page.viewportSize()).toEqual(VIEWPORT);
  expect(statSync(SCREENSHOT).size).toBeGreaterThan(10_000);

  // The same list on a phone, searched.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('searchbox', { name: 'Search' }).fill('example');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: '5 results for ‘example’' }).waitFor();
  await page.screenshot({ path: PHONE_SCREENSHOT, animations: 'disabled' });
  expect(statSync(PHONE_SCREENSHOT).size).toBeGreaterThan(10_000);
});
