/**
 * Export in a real browser: a manager filters and sorts the customer list, opens Export, downloads
 * the CSV and the XLSX and finds in each exactly the list's customers in the list's order; the
 * Export screen is reachable by keyboard, fits a 390px phone and passes axe; staff are not offered it.
 * Saves docs/screenshots/customer-export.png.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations } from './support/axe.js';
import { openPage, signIn, useBrowserSession, waitForCustomerList, type RunningApp } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/customer-export.png');

const CUSTOMERS = [
  { firstName: 'Zoë', lastName: 'Müller', email: 'zoe.muller@example.com', phone: '+49 30 901820' },
  { firstName: 'Hans', lastName: 'Müller', email: 'hans.muller@example.com', phone: '+49 30 901821' },
  {
    firstName: '=HYPERLINK("http://evil.example")',
    lastName: 'Muller',
    email: 'evil@example.com',
    phone: '+49 30 901822',
  },
  { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' },
];

let prepared: { manager: { email: string; password: string }; staff: { email: string; password: string } } | undefined;

async function setUp(app: RunningApp) {
  if (prepared) return prepared;
  const manager = await app.createUser('MANAGER', { name: 'Max Manager' });
  const staff = await app.createUser('STAFF', { name: 'Ann Clerk' });
  const actor: Actor = { id: manager.id, role: 'MANAGER' };
  for (const [i, customer] of CUSTOMERS.entries()) {
    app.clock.set(`2026-12-0${i + 1}T10:00:00.000Z`);
    await app.services.customers.create(customerForm(customer), actor);
  }
  app.clock.set('2026-12-07T12:00:00.000Z');
  prepared = { manager, staff };
  return prepared;
}

/** The emails in the list's table, top to bottom (the one column that names each customer alone). */
async function listedEmails(page: Page): Promise<string[]> {
  const cells = page.locator('[data-css="Customer-table-row"]').getByTestId('property-list-email');
  return (await cells.allInnerTexts()).map((text) => text.trim());
}

/** Searches the list from its search box, as a person would, then sorts it by email. */
async function filterAndSort(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('muller');
  await box.press('Enter');
  await page.waitForURL(/filters\.search=muller/);
  await page.locator('[data-css="Customer-table-row"]').first().waitFor();
  await page
    .getByRole('link', { name: 'Email' })
    .or(page.getByText('Email', { exact: true }))
    .first()
    .click();
  await page.waitForURL(/sortBy=email/);
}

describe('Export of the customer list', () => {
  it('downloads exactly the filtered and sorted list as CSV and as XLSX', async () => {
    const { app } = session;
    const { manager } = await setUp(app);
    const page = await session.newPage({ acceptDownloads: true });
    await signIn(page, app.baseUrl, manager);
    await waitForCustomerList(page);
    await filterAndSort(page);
    await page.waitForFunction(() => document.querySelectorAll('[data-css="Customer-table-row"]').length === 3);
    const listed = await listedEmails(page);
    expect(listed).toEqual(['evil@example.com', 'hans.muller@example.com', 'zoe.muller@example.com']);

    await page
      .getByRole('link', { name: 'Export' })
      .or(page.getByRole('button', { name: 'Export' }))
      .first()
      .click();
    const screen = page.locator('[data-testid="Customer-export-screen"]');
    await screen.getByRole('heading', { name: 'Export customers' }).waitFor();
    await screen.getByRole('link', { name: 'Download CSV' }).waitFor();
    await expectNoSeriousViolations(page, 'the Export screen, as MANAGER', '[data-testid="Customer-export-screen"]');
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      screen.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toBe('customers-2026-12-07.csv');
    const csv = await readFile(await csvDownload.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows]: string[][] = parse(csv.subarray(3).toString('utf8'));
    expect(header!.slice(0, 4)).toEqual(['ID', 'First name', 'Last name', 'Email']);
    expect(rows.map((row) => row[3])).toEqual(listed);
    expect(rows.map((row) => `${row[1]} ${row[2]}`)).toEqual([
      `'${CUSTOMERS[2]!.firstName} Muller`,
      'Hans Müller',
      'Zoë Müller',
    ]);

    // The XLSX link, by keyboard: focus it and press Enter.
    const xlsxLink = screen.getByRole('link', { name: 'Download XLSX' });
    await xlsxLink.focus();
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(xlsxDownload.suggestedFilename()).toBe('customers-2026-12-07.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await xlsxDownload.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const emails: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) emails.push(row.getCell(4).text);
    });
    expect(emails).toEqual(listed);
    // A string cell, never a formula: the first name arrives as it was typed.
    expect(sheet.getRow(2).getCell(2).value).toBe(CUSTOMERS[2]!.firstName);

    const entries = await app.prisma.auditLog.findMany({ where: { action: 'export' }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => (entry.changes as Record<string, unknown[]>).format![1])).toEqual(['csv', 'xlsx']);
  });

  it('fits a 390px phone', async () => {
    const { app } = session;
    const { manager } = await setUp(app);
    const page = await session.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(page, app.baseUrl, manager, { landing: 'home' });
    await openPage(page, app.baseUrl, '/admin/resources/Customer/actions/export?filters.search=muller');
    const link = page.locator('[data-testid="Customer-export-screen"]').getByRole('link', { name: 'Download CSV' });
    await link.waitFor();
    const box = (await link.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoSeriousViolations(page, 'the Export screen on a phone', '[data-testid="Customer-export-screen"]');
  });

  it('is not offered to staff', async () => {
    const { app } = session;
    const { staff } = await setUp(app);
    const page = await session.newPage();
    await signIn(page, app.baseUrl, staff);
    await waitForCustomerList(page);
    expect(await page.getByRole('link', { name: 'Export' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Export' }).count()).toBe(0);
  });
});
