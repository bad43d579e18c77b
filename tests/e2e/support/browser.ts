/**
 * Shared helpers for the browser tests: the real app on a loopback port, Debian's chromium driven
 * by playwright-core (no downloaded browser), sign-in through the real login page, and small
 * helpers for AdminJS widgets.
 *
 * AdminJS pages are waited for with 'domcontentloaded' plus the content a test needs, never 'load'.
 */
import type { AddressInfo } from 'node:net';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp } from '../../support/test-app.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const VIEWPORT = { width: 1440, height: 900 } as const;
/** Bound for a single wait on the page; a test as a whole is bounded by vitest (120 s). */
export const UI_TIMEOUT_MS = 30_000;

export interface E2eBrowser {
  browser: Browser;
  /** A fresh, isolated context (no cookies, no cache) with the standard viewport. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches the system chromium (a plain launch: playwright gives it a throw-away profile). */
export async function launchBrowser(): Promise<E2eBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: UI_TIMEOUT_MS,
  });
  return {
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({ viewport: VIEWPORT, locale: 'en-US', ...options });
      context.setDefaultTimeout(UI_TIMEOUT_MS);
      context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
      return context;
    },
    async close() {
      await browser.close();
    },
  };
}

export interface RunningApp extends TestApp {
  baseUrl: string;
  stop(): Promise<void>;
}

/** The real express app on a fresh SQLite file, listening on 127.0.0.1 with a free port. */
export async function startApp(): Promise<RunningApp> {
  const testApp = await createTestApp();
  const server = testApp.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    ...testApp,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testApp.close();
    },
  };
}

/**
 * Emulates a timezone for one page (Chromium's DevTools protocol), so one signed-in page can be
 * used in several zones. Set it before navigating: pages read the zone when their scripts run.
 */
export async function emulateTimezone(page: Page, timezoneId: string): Promise<void> {
  // Only the DevTools session that set an override may change it: one session per page.
  let session = timezoneSessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    timezoneSessions.set(page, session);
  }
  await (await session).send('Emulation.setTimezoneOverride', { timezoneId });
}
const timezoneSessions = new WeakMap<Page, Promise<CDPSession>>();

/** Opens a panel page and waits for its HTML, not for every sub-resource. */
export async function openPage(page: Page, baseUrl: string, pathname: string): Promise<void> {
  await page.goto(new URL(pathname, baseUrl).href, { waitUntil: 'domcontentloaded' });
}

/**
 * Signs in through the real login page as a person would: type email and password, press the
 * form's submit button, land on the Home. Then, unless `landing` is 'home', opens the Customers list
 * (where most stories start). Fails with what the server answered if the sign-in POST is not the
 * expected redirect.
 */
export async function signIn(
  page: Page,
  baseUrl: string,
  user: { email: string; password: string },
  { landing = 'customers' }: { landing?: 'home' | 'customers' } = {},
): Promise<void> {
  await openPage(page, baseUrl, '/admin/login');
  const form = page.locator('form[action="/admin/login"]');
  await form.locator('input[name="email"]').fill(user.email);
  await form.locator('input[name="password"]').fill(user.password);
  const loginResponse = page.waitForResponse(
    (response) => response.url().endsWith('/admin/login') && response.request().method() === 'POST',
  );
  // AdminJS's login button has no type attribute: it is the form's (default) submit button.
  await form.getByRole('button', { name: 'Sign in' }).click();
  const response = await loginResponse;
  if (response.status() !== 302) {
    const sent = await response.request().allHeaders();
    const body = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
    throw new Error(
      `Sign-in POST /admin/login answered ${response.status()} instead of a 302 redirect: "${body}". ` +
        `The browser sent Origin: ${sent.origin ?? '(none)'}, Sec-Fetch-Site: ${sent['sec-fetch-site'] ?? '(none)'}.`,
    );
  }
  await page.waitForURL(/\/admin\/?$/, { waitUntil: 'domcontentloaded' });
  if (landing === 'customers') await openPage(page, baseUrl, '/admin/resources/Customer');
}

/** Waits until the Customers list has rendered its table (or its empty state). */
export async function waitForCustomerList(page: Page): Promise<void> {
  await page.locator('[data-css="Customer-table"]').or(page.getByTestId('customer-list-empty')).first().waitFor();
}

/** The list row (a <tr>) showing the customer with this email. */
export function customerRow(page: Page, email: string): Locator {
  return page.locator('[data-css="Customer-table-row"]').filter({
    has: page.locator('[data-testid="property-list-email"]', { hasText: email }),
  });
}

/**
 * Fills a date field as a person would. AdminJS's date picker is react-datepicker behind a masked
 * text input (format YYYY/MM/DD): `fill` would bypass the mask and the date parser, so the date is
 * typed key by key, and Escape closes the calendar pop-up. A native <input type="date"> is filled
 * with its YYYY-MM-DD value.
 */
export async function fillDatePicker(field: Locator, isoDate: string): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new Error(`fillDatePicker wants YYYY-MM-DD, got ${isoDate}`);
  const native = field.locator('input[type="date"]');
  if ((await native.count()) > 0) {
    await native.fill(isoDate);
    await native.blur();
    return;
  }
  const input = field.locator('.react-datepicker__input-container input');
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(isoDate.replaceAll('-', '/'));
  await input.press('Escape');
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const NETWORK_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:']);

/** True for a URL that would leave this machine (data:, blob: and about: URLs do not). */
export function isForeignUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  return NETWORK_SCHEMES.has(parsed.protocol) && !LOCAL_HOSTS.has(parsed.hostname);
}

/** Records every request (and web socket) a page makes to a host other than this machine. */
export function recordForeignRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    if (isForeignUrl(request.url())) foreign.push(`${request.method()} ${request.url()}`);
  });
  page.on('websocket', (socket) => {
    if (isForeignUrl(socket.url())) foreign.push(`WEBSOCKET ${socket.url()}`);
  });
  return foreign;
}

export interface BrowserSession {
  /** The running app (available inside tests). */
  readonly app: RunningApp;
  /** A page in a fresh context (UTC unless `options` say otherwise), closed with the session. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * Starts the app and the browser before the file's tests and releases both (and every context
 * opened through it) after them, whichever of them started.
 */
export function useBrowserSession(): BrowserSession {
  let app: RunningApp | undefined;
  let browser: E2eBrowser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    await Promise.all([
      startApp().then((started) => (app = started)),
      launchBrowser().then((launched) => (browser = launched)),
    ]);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      if (!app) throw new Error('the app is not started yet (use it inside a test)');
      return app;
    },
    async newPage(options = {}) {
      if (!browser) throw new Error('the browser is not started yet (use it inside a test)');
      const context = await browser.newContext({ timezoneId: 'UTC', ...options });
      contexts.push(context);
      return context.newPage();
    },
  };
}

/** Opens the avatar menu in the top bar (My profile, Log out) by clicking it. */
export async function openAccountMenu(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: /^Account menu of / }).click();
  const menu = page.locator('[data-css="logged-in"] ul');
  await menu.waitFor();
  return menu;
}
