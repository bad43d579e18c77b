/**
 * Import customers in a real browser, as a manager: upload a file whose phone column has a name the
 * product does not know, choose that column, read the preview (counts and the first invalid rows),
 * download the error report, apply, leave the page and come back to the finished import. Keyboard
 * only for the mapping, a 390 px phone viewport, an axe scan; docs/screenshots/import-preview.png.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe.js';
import { openPage, signIn, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/import-preview.png');
const IMPORT_PAGE = '/admin/resources/Customer/actions/import';

/** The Excel-saved fixture with its phone column called "Handy": not a name the product knows. */
function fileWithUnknownPhoneColumn(): Buffer {
  const fixture = readFileSync(path.resolve(import.meta.dirname, '../fixtures/imports/excel-semicolon-bom.csv'));
  return Buffer.from(fixture.toString('utf8').replace(';Mobile;', ';Handy;'));
}

describe('Import customers', () => {
  it('uploads, fixes the mapping, previews the errors, downloads the report and applies', async () => {
    const { app } = session;
    const manager = await app.createUser('MANAGER', { name: 'Max Manager' });
    const page = await session.newPage();
    await signIn(page, app.baseUrl, manager);
    await openPage(page, app.baseUrl, IMPORT_PAGE);
    const screen = page.getByTestId('import-customers');
    await screen.getByRole('heading', { name: 'Choose the file' }).waitFor();
    // The page is named for what it does (its header once read "New customer").
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Import customers');

    await screen
      .getByLabel('File', { exact: true })
      .setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: fileWithUnknownPhoneColumn() });
    await screen.getByRole('button', { name: 'Upload and preview' }).click();
    await screen.getByText('Choose the column that holds phone: it is required.').waitFor();
    expect(await screen.getByRole('button', { name: /^Apply/ }).isDisabled()).toBe(true);

    // The mapping by keyboard alone: focus the Phone select, pick "Handy", preview again.
    await screen.getByLabel('Phone (required)').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await screen.getByLabel('Phone (required)').inputValue()).toBe('3');
    await screen.getByRole('button', { name: 'Preview again' }).focus();
    await page.keyboard.press('Enter');

    const counts = screen.getByLabel('What the import would do');
    await counts.getByText('To create').waitFor();
    await screen.getByRole('button', { name: 'Apply: create 3' }).waitFor();
    expect(await counts.locator('dd').allInnerTexts()).toEqual(['3', '0', '3', '0']);
    const errorRows = await screen.locator('tbody tr').allInnerTexts();
    expect(errorRows).toEqual([
      '5\tEmail\tEnter a valid email address, like name@example.com.',
      '6\tPhone\tThis is not a valid United States (US) phone number. Check the digits, or start with + and the country code.',
      '7\tDate of birth\tEnter a real calendar date, like 1990-05-17.',
    ]);
    await expectNoSeriousViolations(page, 'the import preview, as MANAGER', '[data-testid="import-customers"]');
    await page.setViewportSize({ width: 1440, height: 1600 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      screen.getByRole('link', { name: /Download the error report/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('customers-errors.csv');
    const report = readFileSync(await download.path(), 'utf8');
    expect(report.split('\r\n')[0]).toBe('\uFEFFFirst Name,Last Name,E-mail,Handy,DOB,Notes,errors');
    expect(report).toContain('not-an-email');

    // On a phone, the Apply button is there without scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const apply = screen.getByRole('button', { name: 'Apply: create 3' });
    await apply.scrollIntoViewIfNeeded();
    const box = (await apply.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1440, height: 900 });

    await apply.click();
    await screen.getByRole('heading', { name: 'Done' }).waitFor();
    expect(await screen.getByLabel('What the import did').locator('dd').allInnerTexts()).toEqual(['3', '0', '0', '3']);
    expect(await app.prisma.customer.count()).toBe(3);

    // The import is on the server: leaving and coming back (its id in the address) shows it.
    const address = page.url();
    expect(address).toMatch(/importId=\d+/);
    await openPage(page, app.baseUrl, '/admin/resources/Customer');
    await page.goto(address, { waitUntil: 'domcontentloaded' });
    await screen.getByRole('heading', { name: 'Done' }).waitFor();
    expect(await screen.getByLabel('6 of 6 rows').count()).toBe(1);
  });
});
