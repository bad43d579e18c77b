/**
 * Every panel page beyond the customer screens, scanned by axe in a real browser: the staff list,
 * a staff member's page, edit form and new form, the audit log and one of its entries, My profile and
 * the Home, as SUPERUSER (the audit log also as MANAGER). No critical or serious finding, and one
 * <main> and one <h1> per page. The counts per page are printed (for before/after notes).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../src/domain/accounts/permissions.js';
import { customerForm } from '../support/test-app.js';
import { scanPage } from './support/axe.js';
import { openPage, signIn, useBrowserSession, type RunningApp } from './support/browser.js';

const session = useBrowserSession();

interface Staff {
  superuser: { email: string; password: string; id: number };
  manager: { email: string; password: string; id: number };
  auditEntryId: number;
}
let staff: Staff | undefined;

/** A SUPERUSER and a MANAGER, and a few customers so the audit log has entries to list. */
async function setUp(app: RunningApp): Promise<Staff> {
  if (staff) return staff;
  const superuser = await app.createUser('SUPERUSER', { name: 'Ada Admin' });
  const manager = await app.createUser('MANAGER', { name: 'Max Manager' });
  const actor: Actor = { id: superuser.id, role: 'SUPERUSER' };
  for (let index = 0; index < 3; index += 1) await app.services.customers.create(customerForm(), actor);
  const entry = await app.prisma.auditLog.findFirstOrThrow({ orderBy: { id: 'desc' } });
  staff = { superuser, manager, auditEntryId: entry.id };
  return staff;
}

/** Opens a page as `who` and waits until AdminJS has drawn its content (its <h1>). */
async function visit(page: Page, pathname: string): Promise<void> {
  await openPage(page, session.app.baseUrl, pathname);
  await page.locator('h1, [data-css$="-action-header"]').first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * What is wrong with the page as it is now: each critical or serious axe finding (rule, help, the
 * elements), and a count of <main> or <h1> other than one. Prints the counts, for before/after notes.
 */
async function problemsOn(page: Page, label: string): Promise<string[]> {
  const findings = await scanPage(page);
  const serious = findings.filter((finding) => finding.impact === 'critical' || finding.impact === 'serious');
  console.log(
    `axe ${label}: ${serious.length} critical/serious, ${findings.length - serious.length} other` +
      (serious.length
        ? ` — ${serious.map((finding) => `${finding.rule} (${finding.targets.length})`).join(', ')}`
        : ''),
  );
  const problems = serious.map(
    (finding) => `${label}: ${finding.impact} ${finding.rule} (${finding.help}): ${finding.targets.join(', ')}`,
  );
  for (const element of ['main', 'h1']) {
    const count = await page.locator(element).count();
    if (count !== 1) problems.push(`${label}: ${count} <${element}> elements instead of one`);
  }
  return problems;
}

describe('accessibility of every panel page', () => {
  const pages = () => {
    const { superuser, auditEntryId } = staff!;
    return [
      ['the Home', '/admin'],
      ['the staff list', '/admin/resources/User'],
      ['a staff member’s page', `/admin/resources/User/records/${superuser.id}/show`],
      ['a staff member’s edit form', `/admin/resources/User/records/${superuser.id}/edit`],
      ['the new staff member form', '/admin/resources/User/actions/new'],
      ['the audit log', '/admin/resources/AuditLog'],
      ['an audit log entry', `/admin/resources/AuditLog/records/${auditEntryId}/show`],
      ['My profile', '/admin/profile'],
    ] as const;
  };

  it('finds no critical or serious violation on any page as SUPERUSER', async () => {
    const { superuser } = await setUp(session.app);
    const page = await session.newPage();
    await signIn(page, session.app.baseUrl, superuser, { landing: 'home' });
    const problems: string[] = [];
    for (const [label, pathname] of pages()) {
      await visit(page, pathname);
      problems.push(...(await problemsOn(page, `${label} (SUPERUSER)`)));
    }
    // The lists' filter drawers, open: every filter labelled by the label shown above it.
    for (const [label, resourceId] of [
      ['the staff list’s filters', 'User'],
      ['the audit log’s filters', 'AuditLog'],
    ] as const) {
      await visit(page, `/admin/resources/${resourceId}`);
      await page.locator(`[data-css="${resourceId}-filter-button"]`).click();
      await page
        .locator(`[data-css="${resourceId}-filter-drawer"]`)
        .getByRole('button', { name: 'Close filters' })
        .waitFor();
      // The drawer has slid fully into view (its animation over) before the scan.
      await page.waitForFunction(
        (selector) => document.querySelector(selector)?.getBoundingClientRect().right === window.innerWidth,
        `[data-css="${resourceId}-filter-drawer"]`,
      );
      problems.push(...(await problemsOn(page, `${label} (SUPERUSER)`)));
    }
    expect(problems).toEqual([]);
  });

  it('finds no critical or serious violation on the audit log as MANAGER', async () => {
    const { manager } = await setUp(session.app);
    const page = await session.newPage();
    await signIn(page, session.app.baseUrl, manager, { landing: 'home' });
    await visit(page, '/admin/resources/AuditLog');
    await expect(problemsOn(page, 'the audit log (MANAGER)')).resolves.toEqual([]);
  });
});
