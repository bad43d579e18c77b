/**
 * The admin panel in a real browser (Debian's chromium via playwright-core) against the real app
 * on a fresh SQLite file: sign-in, creating a customer through the form, a field error, and no
 * request leaving the machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  customerRow,
  emulateTimezone,
  fillDatePicker,
  launchBrowser,
  openPage,
  recordForeignRequests,
  signIn,
  startApp,
  waitForCustomerList,
  type E2eBrowser,
  type RunningApp,
} from './support/browser.js';

const NEW_CUSTOMER_PATH = '/admin/resources/Customer/actions/new';

let app: RunningApp;
let browser: E2eBrowser;
let staff: { id: number; email: string; password: string };
const contexts: BrowserContext[] = [];
let signedIn: Promise<Page> | undefined;

beforeAll(async () => {
  // Assigned as each is ready, so afterAll releases whichever started if the other failed.
  await Promise.all([
    startApp().then((started) => (app = started)),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
  staff = await app.createUser('STAFF', { email: 'grace.staff@example.test', name: 'Grace Staff' });
});

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()));
  await browser?.close();
  await app?.stop();
});

/** A page in a fresh context: no cookies, cold cache (for the sign-in and network tests). */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ timezoneId: 'UTC' });
  contexts.push(context);
  return context.newPage();
}

/**
 * One page, signed in (through the login page) once and reused by the form tests: AdminJS's
 * development bundles are ~26 MB, and a cold sign-in or a new page costs seconds each. Every test
 * navigates on it from scratch; the page's timezone is set per test (UTC unless told).
 */
async function signedInPage(timezoneId = 'UTC'): Promise<Page> {
  signedIn ??= (async () => {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, staff);
    return page;
  })();
  const page = await signedIn;
  await emulateTimezone(page, timezoneId);
  return page;
}

async function openNewCustomerForm(page: Page): Promise<void> {
  await openPage(page, app.baseUrl, NEW_CUSTOMER_PATH);
  await page.locator('#firstName').waitFor();
}

interface CustomerInput {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  dateOfBirth: string; // YYYY-MM-DD, typed into the date picker
}

async function fillCustomerForm(page: Page, customer: CustomerInput): Promise<void> {
  await page.locator('#firstName').fill(customer.firstName);
  await page.locator('#lastName').fill(customer.lastName);
  await page.locator('#email').fill(customer.email);
  await page.locator('#phone').fill(customer.phone);
  await fillDatePicker(page.getByTestId('property-edit-dateOfBirth'), customer.dateOfBirth);
}

/** Presses Save and waits for the server's answer to the form. */
async function submitCustomerForm(page: Page): Promise<void> {
  const answered = page.waitForResponse(
    (response) =>
      response.url().includes('/admin/api/resources/Customer/actions/new') && response.request().method() === 'POST',
  );
  await page.getByTestId('button-save').click();
  await answered;
}

const SHOW_PATH = /\/admin\/resources\/Customer\/records\/\d+\/show/;

/** Creates a customer through the real form, lands on the new customer's page, then opens the list. */
async function createThroughForm(page: Page, customer: CustomerInput): Promise<void> {
  await openNewCustomerForm(page);
  await fillCustomerForm(page, customer);
  await submitCustomerForm(page);
  await page.waitForURL(SHOW_PATH, { waitUntil: 'domcontentloaded' });
  await openPage(page, app.baseUrl, '/admin/resources/Customer');
  await waitForCustomerList(page);
}

describe('admin panel in a browser', () => {
  it('signs in through the login page and lands on the Home', async () => {
    const page = await freshPage();
    await signIn(page, app.baseUrl, staff, { landing: 'home' });

    expect(new URL(page.url()).pathname).toBe('/admin');
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    await expect(page.title()).resolves.toBe('Customer Back-office');
    await page.getByText(staff.email).first().waitFor(); // the signed-in user in the top bar
  });

  it('creates a customer through the "New customer" form, opens it, and shows it in the list', async () => {
    // In UTC, so this test is about the form; other timezones are covered below.
    const page = await signedInPage('UTC');
    await openPage(page, app.baseUrl, '/admin/resources/Customer');
    await waitForCustomerList(page);
    await page.getByRole('link', { name: 'New customer' }).click();
    await page.waitForURL((url) => url.pathname === NEW_CUSTOMER_PATH, { waitUntil: 'domcontentloaded' });
    await page.locator('#firstName').waitFor();
    await fillCustomerForm(page, {
      firstName: 'Katherine',
      lastName: 'Johnson',
      email: 'Katherine.Johnson@Example.com',
      phone: '(201) 555-0123',
      dateOfBirth: '1990-05-17',
    });
    await submitCustomerForm(page);

    await page.waitForURL(SHOW_PATH, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { level: 1, name: /^Katherine Johnson · #\d+$/ }).waitFor();
    await page.getByText('Added Katherine Johnson.').waitFor();
    await openPage(page, app.baseUrl, '/admin/resources/Customer');
    const row = customerRow(page, 'katherine.johnson@example.com');
    await row.waitFor();
    await expect(row.getByTestId('property-list-phone').textContent()).resolves.toBe('+1 201 555 0123');
    await expect(row.getByTestId('property-list-name').textContent()).resolves.toBe('Johnson, Katherine');
    await expect(row.getByTestId('property-list-dateOfBirth').textContent()).resolves.toBe('1990-05-17');

    const stored = await app.prisma.customer.findUnique({ where: { email: 'katherine.johnson@example.com' } });
    expect(stored).toMatchObject({
      firstName: 'Katherine',
      lastName: 'Johnson',
      phone: '+12015550123',
      createdById: staff.id,
    });
    expect(stored?.dateOfBirth.toISOString()).toBe('1990-05-17T00:00:00.000Z');
  });

  it.each([
    { timezoneId: 'America/Los_Angeles', phone: '(201) 555-0124', email: 'west@example.com' },
    { timezoneId: 'Europe/Berlin', phone: '(201) 555-0125', email: 'east@example.com' },
  ])('stores the date of birth as typed when the browser is in $timezoneId', async ({ timezoneId, phone, email }) => {
    const page = await signedInPage(timezoneId);
    await createThroughForm(page, { firstName: 'Mary', lastName: 'Jackson', email, phone, dateOfBirth: '1990-05-17' });

    const stored = await app.prisma.customer.findUnique({ where: { email } });
    expect(stored, 'the customer was not created').not.toBeNull();
    expect(stored?.dateOfBirth.toISOString().slice(0, 10), 'typed 1990/05/17 into the date picker').toBe('1990-05-17');
    await expect(customerRow(page, email).getByTestId('property-list-dateOfBirth').textContent()).resolves.toBe(
      '1990-05-17',
    );
  });

  it('shows the phone error under the phone field and writes nothing', async () => {
    const page = await signedInPage();
    const before = await app.prisma.customer.count();

    await openNewCustomerForm(page);
    await fillCustomerForm(page, {
      firstName: 'Dorothy',
      lastName: 'Vaughan',
      email: 'dorothy.vaughan@example.com',
      phone: '12345',
      dateOfBirth: '1985-09-20',
    });
    await submitCustomerForm(page);

    const phoneField = page.getByTestId('property-edit-phone');
    await phoneField.getByText('not a valid').waitFor();
    await expect(phoneField.textContent()).resolves.toMatch(/not a valid United States \(US\) phone number/);
    // Still on the form, with what was typed, and the other fields carry no error.
    expect(new URL(page.url()).pathname).toBe(NEW_CUSTOMER_PATH);
    await expect(page.locator('#phone').inputValue()).resolves.toBe('12345');
    await expect(page.getByTestId('property-edit-email').textContent()).resolves.not.toMatch(
      /not a valid|taken|required/i,
    );

    await expect(app.prisma.customer.count()).resolves.toBe(before);
    await expect(
      app.prisma.customer.findUnique({ where: { email: 'dorothy.vaughan@example.com' } }),
    ).resolves.toBeNull();
  });

  it('makes no request to any host other than this machine', async () => {
    const page = await freshPage();
    const foreign = recordForeignRequests(page);

    await signIn(page, app.baseUrl, staff); // login page, sign-in POST, the Home, then the list
    await waitForCustomerList(page);
    await openNewCustomerForm(page);
    const dateOfBirth = page.getByTestId('property-edit-dateOfBirth');
    await dateOfBirth.locator('input').first().click();
    if ((await dateOfBirth.locator('.react-datepicker__input-container').count()) > 0)
      await page.locator('.react-datepicker').waitFor(); // the calendar pop-up
    await page.evaluate(() => document.fonts.ready.then(() => undefined));

    expect(foreign).toEqual([]);
  });
});
