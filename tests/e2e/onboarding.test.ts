/**
 * Staff onboarding in a real browser: the new-account form (roles described, Active and Send
 * invitation email ticked) sends the invitation, the staff list shows each account's invitation
 * status and offers Send invitation only to accounts without a password, an invitee sets a password
 * and finds the sign-in form filled in with their email, the sign-in page keeps the
 * email after a refused attempt (at 1440 px and on a 390 px phone), My profile is in the avatar
 * menu and reachable by keyboard, and a manager filters the audit log by a staff name. Each screen
 * gets an axe scan; the new-account form and the phone sign-in are saved for README.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from './support/axe.js';
import { openAccountMenu, openPage, signIn, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../docs/screenshots');
const PHONE = { width: 390, height: 844 } as const;

let superuser: { id: number; email: string; password: string } | undefined;
async function superuserPage(): Promise<Page> {
  superuser ??= await session.app.createUser('SUPERUSER', { email: 'sue.super@example.test', name: 'Sue Super' });
  const page = await session.newPage();
  await signIn(page, session.app.baseUrl, superuser, { landing: 'home' });
  return page;
}

const staffRow = (page: Page, email: string) =>
  page.locator('[data-css="User-table-row"]').filter({
    has: page.locator('[data-testid="property-list-email"]', { hasText: email }),
  });

/** The page's width overflows the viewport (a sideways scroll on a phone). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe('a superuser adding a staff member', () => {
  it('sends the invitation from the new-account form, with Active and the invitation ticked by default', async () => {
    const { app } = session;
    const page = await superuserPage();
    await openPage(page, app.baseUrl, '/admin/resources/User/actions/new');
    const role = page.getByRole('group', { name: 'Role' });
    await role.waitFor();

    // Each role says what it may do; Staff is chosen; Active and Send invitation email are ticked.
    for (const label of ['Superuser', 'Manager', 'Staff', 'Viewer']) {
      await expect(role.getByRole('radio', { name: new RegExp(`^${label} —`) }).count()).resolves.toBe(1);
    }
    await expect(role.getByText('Looks up customers; changes nothing.').isVisible()).resolves.toBe(true);
    await expect(role.getByRole('radio', { name: /^Staff —/ }).isChecked()).resolves.toBe(true);
    const active = page.getByRole('checkbox', { name: 'Active' });
    const invite = page.getByRole('checkbox', { name: 'Send invitation email' });
    await expect(active.isChecked()).resolves.toBe(true);
    await expect(invite.isChecked()).resolves.toBe(true);

    // A typed password makes the invitation needless: the box says so; emptied, it is back.
    await page.locator('input[name="password"]').fill('a long enough password');
    await expect(invite.isDisabled()).resolves.toBe(true);
    await page.getByText('Not needed: the account gets the password typed above.').waitFor();
    await page.locator('input[name="password"]').fill('');
    await expect(invite.isChecked()).resolves.toBe(true);

    await page.locator('#email').fill('nina.newcomer@example.test');
    await page.locator('#name').fill('Nina Newcomer');
    await role.getByRole('radio', { name: /^Manager —/ }).check();
    await expectNoSeriousViolations(page, 'the new staff account form', '[data-css="User-new-form"]');
    await page.setViewportSize({ width: 1440, height: 1000 });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'new-staff-account.png'), animations: 'disabled' });

    await page.getByTestId('button-save').click();
    await page.getByText('nina.newcomer@example.test is created; an invitation is on its way to them.').waitFor();
    const created = await app.prisma.user.findUniqueOrThrow({ where: { email: 'nina.newcomer@example.test' } });
    expect(created).toMatchObject({ name: 'Nina Newcomer', role: 'MANAGER', isActive: true });
    expect(app.mailbox.messages.map((mail) => mail.to)).toContain('nina.newcomer@example.test');
  });

  it('shows the invitation status of each account and offers Send invitation only without a password', async () => {
    const { app } = session;
    const page = await superuserPage();
    const waiting = await app.services.users.create(
      { email: 'otto.waiting@example.test', name: 'Otto Waiting', role: 'STAFF' },
      null,
    );
    await openPage(page, app.baseUrl, '/admin/resources/User');
    const status = (email: string) => staffRow(page, email).getByTestId('property-list-invitation');
    await status('otto.waiting@example.test').waitFor();
    await expect(status('otto.waiting@example.test').innerText()).resolves.toBe('Not invited');
    await expect(status('sue.super@example.test').innerText()).resolves.toBe('Accepted');
    // The invitation column (AdminJS's own list widgets around it are not this story's).
    await expectNoSeriousViolations(page, 'the invitation status column', '[data-testid="property-list-invitation"]');

    await openPage(page, app.baseUrl, `/admin/resources/User/records/${waiting.id}/show`);
    await page
      .getByRole('link', { name: 'Send invitation' })
      .or(page.getByRole('button', { name: 'Send invitation' }))
      .first()
      .waitFor();
    await openPage(page, app.baseUrl, `/admin/resources/User/records/${superuser!.id}/show`);
    await page
      .getByRole('link', { name: 'Send password reset' })
      .or(page.getByRole('button', { name: 'Send password reset' }))
      .first()
      .waitFor();
    await expect(
      page
        .getByRole('link', { name: 'Send invitation' })
        .or(page.getByRole('button', { name: 'Send invitation' }))
        .count(),
    ).resolves.toBe(0);
  });
});

describe('an invited staff member', () => {
  it('chooses a password through the mailed link, then signs in with the email already filled in', async () => {
    const { app } = session;
    const boss = await app.createUser('SUPERUSER');
    const invitee = await app.services.users.create(
      { email: 'ines.invited@example.test', name: 'Ines Invited', role: 'STAFF' },
      null,
    );
    await app.services.links.sendInvitation(invitee.id, { id: boss.id, role: 'SUPERUSER' });
    const mailed = new URL(app.mailbox.linkIn(app.mailbox.messages.at(-1)!));
    const page = await session.newPage();
    await openPage(page, app.baseUrl, `${mailed.pathname}${mailed.search}`);
    await page.getByRole('heading', { name: 'Welcome — choose your password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Ines picks a long one 42');
    await page.getByLabel('New password again').fill('Ines picks a long one 42');
    await page.getByRole('button', { name: 'Set my password' }).click();
    await page.getByRole('heading', { name: 'Password saved' }).waitFor();

    await expect(page.getByLabel('Email').inputValue()).resolves.toBe('ines.invited@example.test');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('password');
    await expectNoSeriousViolations(page, 'the sign-in form after an accepted invitation');
    await page.keyboard.type('Ines picks a long one 42');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/?$/, { waitUntil: 'domcontentloaded' });
  });
});

describe('signing in', () => {
  it('keeps the email after a refused attempt, with Forgot your password? under the form', async () => {
    const { app } = session;
    const staff = await app.createUser('STAFF', { email: 'kim.typo@example.test' });
    const page = await session.newPage();
    await openPage(page, app.baseUrl, '/admin/login');
    await expectNoSeriousViolations(page, 'the sign-in page');
    await page.getByLabel('Email').fill(staff.email);
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();

    await expect(page.getByLabel('Email').inputValue()).resolves.toBe(staff.email);
    await expect(page.getByLabel('Password').inputValue()).resolves.toBe('');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('name'))).resolves.toBe('password');
    const forgotBelowForm = await page.evaluate(() => {
      const form = document.querySelector('form[action="/admin/login"]')!.getBoundingClientRect();
      const link = Array.from(document.querySelectorAll('a')).find((a) => a.textContent === 'Forgot your password?');
      return link ? link.getBoundingClientRect().top >= form.bottom : false;
    });
    expect(forgotBelowForm, '"Forgot your password?" is under the form').toBe(true);
    await expectNoSeriousViolations(page, 'the sign-in page after a refused attempt');

    // The right password now, the email untouched.
    await page.getByLabel('Password').fill(staff.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/?$/, { waitUntil: 'domcontentloaded' });
  });

  it('fits a 390 px phone: no sideways scroll, every field and the link on screen', async () => {
    const { app } = session;
    const page = await session.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await openPage(page, app.baseUrl, '/admin/login');
    await page.getByLabel('Email').fill('someone@example.test');
    await page.getByLabel('Password').fill('a wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();

    expect(await overflowsSideways(page)).toBe(false);
    for (const control of [
      page.getByLabel('Email'),
      page.getByLabel('Password'),
      page.getByRole('button', { name: 'Sign in' }),
      page.getByRole('link', { name: 'Forgot your password?' }),
    ]) {
      const box = (await control.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await expectNoSeriousViolations(page, 'the sign-in page on a phone');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-phone.png'), animations: 'disabled' });
  });
});

describe('My profile', () => {
  it('is in the avatar menu next to Log out, reachable by keyboard alone', async () => {
    const { app } = session;
    const viewer = await app.createUser('VIEWER', { email: 'kai.keys@example.test', name: 'Kai Keys' });
    const page = await session.newPage();
    await signIn(page, app.baseUrl, viewer, { landing: 'home' });
    await page.locator('[data-css="logged-in"]').waitFor();
    await expect(page.getByRole('link', { name: 'My profile' }).isVisible()).resolves.toBe(false);

    const toggle = page.getByRole('button', { name: 'Account menu of Kai Keys' });
    let reached = false;
    for (let presses = 0; presses < 80 && !reached; presses += 1) {
      await page.keyboard.press('Tab');
      reached = await toggle.evaluate((element) => element === document.activeElement);
    }
    expect(reached, 'Tab reaches the avatar menu').toBe(true);
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const menu = page.locator('[data-css="logged-in"] ul');
    await expect(menu.getByRole('link').or(menu.getByRole('button')).allInnerTexts()).resolves.toEqual([
      'My profile',
      'Log out',
    ]);
    await expectNoSeriousViolations(page, 'a panel page with the avatar menu open');

    // Escape closes it and gives the focus back; Enter opens it again, Tab leads to My profile.
    await page.keyboard.press('Escape');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('My profile');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/profile$/, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
  });

  it('logs out from the same menu (a POST)', async () => {
    const { app } = session;
    const staff = await app.createUser('STAFF');
    const page = await session.newPage();
    await signIn(page, app.baseUrl, staff, { landing: 'home' });
    const logout = page.waitForRequest((sent) => sent.url().endsWith('/admin/logout'));
    await (await openAccountMenu(page)).getByRole('button', { name: 'Log out' }).click();
    expect((await logout).method()).toBe('POST');
    await page.waitForURL(/\/admin\/login$/, { waitUntil: 'domcontentloaded' });
  });
});

describe("a manager's audit log", () => {
  it('offers the staff names in the Who filter and filters by the one chosen', async () => {
    const { app } = session;
    const manager = await app.createUser('MANAGER', { email: 'mo.manager@example.test', name: 'Mo Manager' });
    const clerk = await app.createUser('STAFF', { email: 'cleo.clerk@example.test', name: 'Cleo Clerk' });
    await signIn(await session.newPage(), app.baseUrl, clerk, { landing: 'home' });
    const page = await session.newPage();
    await signIn(page, app.baseUrl, manager, { landing: 'home' });
    await openPage(page, app.baseUrl, '/admin/resources/AuditLog');
    // AdminJS's Filter button is an <a> without href (no link role): found by its data-css.
    await page.locator('[data-css="AuditLog-filter-button"]').click();
    const who = page.getByLabel('Who');
    await who.locator('option', { hasText: 'Cleo Clerk (cleo.clerk@example.test)' }).waitFor({ state: 'attached' });
    await expectNoSeriousViolations(page, 'the Who filter of a manager', '[data-testid="audit-actor-filter"]');
    await who.selectOption({ label: 'Cleo Clerk (cleo.clerk@example.test)' });
    await page.locator('[data-css="AuditLog-filter-drawer-button-apply"]').click();
    await page.waitForURL((url) => url.searchParams.get('filters.actor') === String(clerk.id));
    const rows = page.locator('[data-css="AuditLog-table-row"]');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(await app.prisma.auditLog.count({ where: { actorId: clerk.id } }));
  });
});
