/**
 * History in a real browser: a customer's page shows its changes as sentences ("10:55 · Ann Clerk ·
 * Email: old → new") to staff, not to viewers; the audit log's entry page shows them the same way
 * and links its Record # to the customer; axe scans both; docs/screenshots/customer-history.png.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { expectNoSeriousViolations, scanPage, type AxeFinding } from './support/axe.js';
import { openPage, signIn, useBrowserSession, type RunningApp } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOT = path.resolve(import.meta.dirname, '../../docs/screenshots/customer-history.png');
const NAMES: Record<Role, string> = {
  SUPERUSER: 'Sue Perkins',
  MANAGER: 'Max Manager',
  STAFF: 'Ann Clerk',
  VIEWER: 'Vic Viewer',
};

/** "2 serious (color-contrast, target-size), 1 moderate (region)" */
function summary(findings: AxeFinding[]): string {
  const byImpact = new Map<string, string[]>();
  for (const { impact, rule } of findings)
    byImpact.set(impact ?? 'unknown', [...(byImpact.get(impact ?? 'unknown') ?? []), rule]);
  return [...byImpact].map(([impact, rules]) => `${rules.length} ${impact} (${rules.join(', ')})`).join(', ') || 'none';
}

let prepared: { users: Record<Role, { email: string; password: string }>; customerId: number } | undefined;

/** Ann Clerk adds Ada Lovelace at 09:12 and changes her email and phone at 10:55 (UTC, the browser's zone here). */
async function setUp(app: RunningApp) {
  if (prepared) return prepared;
  const users = {} as Record<Role, { email: string; password: string }>;
  const actors = {} as Record<Role, Actor>;
  for (const role of ['SUPERUSER', 'MANAGER', 'STAFF', 'VIEWER'] as const) {
    const user = await app.createUser(role, { name: NAMES[role] });
    users[role] = user;
    actors[role] = { id: user.id, role };
  }
  app.clock.set('2026-12-07T09:12:00.000Z');
  const customer = await app.services.customers.create(
    customerForm({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@old.example', phone: '+1 201 555 0101' }),
    actors.STAFF,
  );
  app.clock.set('2026-12-07T10:55:00.000Z');
  await app.services.customers.update(
    customer.id,
    { email: 'ada@new.example', phone: '+1 201 555 0199', notes: 'Prefers letters to calls.' },
    actors.STAFF,
  );
  app.clock.set('2026-12-07T11:40:00.000Z');
  prepared = { users, customerId: customer.id };
  return prepared;
}

async function customerPage(role: Role) {
  const { app } = session;
  const { users, customerId } = await setUp(app);
  const page = await session.newPage();
  await signIn(page, app.baseUrl, users[role], { landing: 'home' });
  await openPage(page, app.baseUrl, `/admin/resources/Customer/records/${customerId}/show`);
  await page.getByTestId('property-show-email').waitFor();
  return page;
}

describe('History on the customer’s page', () => {
  it('shows staff each change as a sentence with the time, the author and the field', async () => {
    const page = await customerPage('STAFF');
    const history = page.getByTestId('record-history');
    await history.getByText('Email: ada@old.example → ada@new.example').waitFor();
    const lines = await history.locator('li').allInnerTexts();
    expect(lines).toEqual(
      expect.arrayContaining([
        '10:55 · Ann Clerk · Email: ada@old.example → ada@new.example',
        '10:55 · Ann Clerk · Phone: +1 201 555 0101 → +1 201 555 0199',
        '10:55 · Ann Clerk · Notes: (empty) → Prefers letters to calls.',
        '09:12 · Ann Clerk · Added',
      ]),
    );
    await history.getByRole('heading', { name: 'Mon, 7 Dec 2026' }).waitFor();
    expect(lines.join('\n')).not.toMatch(/[{}[\]"]/); // sentences, not JSON
    // The History section; the page around it is AdminJS's (its own findings: the shell work of issue 13).
    await expectNoSeriousViolations(page, 'a customer’s History, as STAFF', '[data-testid="record-history"]');
    console.log(`axe on the customer's page, whole page: ${summary(await scanPage(page))}`);
    // AdminJS scrolls its content inside the layout, not the document: a tall window shows it all.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
  });

  it('is not shown to viewers', async () => {
    const page = await customerPage('VIEWER');
    await page.getByTestId('property-show-notes').waitFor();
    expect(await page.getByTestId('record-history').count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'History' }).count()).toBe(0);
  });
});

describe('the audit log’s entry page', () => {
  it('shows the changes as the same sentences, and its Record # leads to the customer', async () => {
    const { app } = session;
    const { users, customerId } = await setUp(app);
    const entry = await app.prisma.auditLog.findFirstOrThrow({
      where: { resource: 'Customer', recordId: String(customerId), action: 'update' },
    });
    const page = await session.newPage();
    await signIn(page, app.baseUrl, users.MANAGER, { landing: 'home' });
    await openPage(page, app.baseUrl, `/admin/resources/AuditLog/records/${entry.id}/show`);
    const changes = page.getByTestId('audit-entry-changes');
    await changes.getByText('Email: ada@old.example → ada@new.example').waitFor();
    expect(await changes.locator('li').allInnerTexts()).toEqual([
      'Email: ada@old.example → ada@new.example',
      'Phone: +1 201 555 0101 → +1 201 555 0199',
      'Notes: (empty) → Prefers letters to calls.',
    ]);
    await expectNoSeriousViolations(
      page,
      'an audit log entry’s changes and record link, as MANAGER',
      ['[data-css="AuditLog-show-changes"]', '[data-css="AuditLog-show-recordId"]'].join(', '),
    );
    console.log(`axe on the audit log entry page, whole page: ${summary(await scanPage(page))}`);
    await page.getByRole('link', { name: `#${customerId}` }).click();
    await page.waitForURL(new RegExp(`/admin/resources/Customer/records/${customerId}/show$`));
    await page.getByTestId('record-history').getByText('Email: ada@old.example → ada@new.example').waitFor();
  });
});
