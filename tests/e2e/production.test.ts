/**
 * The production build in a real browser: `npm run build`'s output started the way
 * `npm run start:prod` starts it (NODE_ENV=production node dist/main.js), reached as through a
 * TLS-terminating proxy (TRUST_PROXY=loopback, X-Forwarded-Proto: https, so the Secure session
 * cookie is set). Sign-in, the customer list, a customer created through the form and My profile
 * run under the Content Security Policy without a single violation, and the prebuilt components
 * bundle is served at once (no bundling at start-up). Needs `npm run build` first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/processes.js';
import {
  customerRow,
  fillDatePicker,
  launchBrowser,
  openPage,
  signIn,
  waitForCustomerList,
  type E2eBrowser,
} from './support/browser.js';

const COMPILED_ENTRY = path.join(PROJECT_ROOT, 'dist/main.js');
const PREBUILT_BUNDLE = path.join(PROJECT_ROOT, 'dist/adminjs/bundle.js');
const ADMIN = { email: 'prod.admin@example.test', password: 'production password 1' };
const SERVING = /serving the admin panel at (http:\/\/127\.0\.0\.1:\d+)\/admin/;
const file = path.join(PROJECT_ROOT, 'tests/.tmp', `${randomUUID()}.db`);
const productionEnv = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'production-e2e-session-secret-0123456789',
  DATABASE_URL: `file:${file}`,
  HOST: '127.0.0.1',
  PORT: '0',
  TRUST_PROXY: 'loopback',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
};

interface ProductionServer {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The first line matching `pattern`, waited for (the process exiting first is an error). */
  waitFor(pattern: RegExp): Promise<RegExpMatchArray>;
}

/** `node dist/main.js` — start:prod's command — with the given environment. */
function startCompiled(env: Record<string, string>): ProductionServer {
  const child = spawn(process.execPath, [COMPILED_ENTRY], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) {
            listeners.delete(check);
            resolve(match);
          }
        };
        listeners.add(check);
        check();
        void exited.then((code) =>
          reject(new Error(`dist/main.js exited with ${code} before printing ${pattern}:\n${output}`)),
        );
      });
    },
  };
}

let server: ProductionServer | undefined;
let browser: E2eBrowser | undefined;
let baseUrl: string;

beforeAll(async () => {
  if (!existsSync(COMPILED_ENTRY) || !existsSync(PREBUILT_BUNDLE)) {
    throw new Error(
      `The production build is missing (${path.relative(PROJECT_ROOT, COMPILED_ENTRY)}, ${path.relative(PROJECT_ROOT, PREBUILT_BUNDLE)}): run npm run build before this test.`,
    );
  }
  mkdirSync(path.dirname(file), { recursive: true });
  server = startCompiled(productionEnv);
  [baseUrl] = await Promise.all([
    server.waitFor(SERVING).then((match) => match[1]!),
    launchBrowser().then((launched) => (browser = launched)),
  ]);
});

afterAll(async () => {
  await browser?.close();
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
});

interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  page: string;
}

/**
 * AdminJS's design-system bundle finds the global object with webpack's `new Function('return
 * this')()`; the policy refuses it (no 'unsafe-eval'), and the bundle catches that and uses
 * `window`. Harmless and expected; any other violation fails the test.
 */
const isDesignSystemGlobalLookup = (violation: CspViolation) =>
  violation.blocked === 'eval' && violation.source.endsWith('/admin/frontend/assets/design-system.bundle.js');

/** Every Content Security Policy violation the page reports, from the DOM event and the console. */
async function recordCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeFunction('reportCspViolation', (violation: CspViolation) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(violation: CspViolation): void }).reportCspViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        page: document.location.pathname,
      });
    });
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy'))
      violations.push({
        directive: '(console)',
        blocked: message.text(),
        source: message.location().url,
        page: page.url(),
      });
  });
  return violations;
}

describe('the production build', () => {
  it('serves the prebuilt components bundle from the first request (nothing is bundled at start-up)', async () => {
    // As through the TLS-terminating proxy the browser contexts stand for: plain http gets 403 (HTTPS required).
    const response = await fetch(`${baseUrl}/admin/frontend/assets/components.bundle.js`, {
      headers: { 'X-Forwarded-Proto': 'https' },
    });
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toContain('AdminJS.UserComponents');
    expect(server!.output()).not.toMatch(/bundling/i);
  });

  it('runs sign-in, the customer list, the customer form and My profile without a CSP violation', async () => {
    const context = await browser!.newContext({
      timezoneId: 'UTC',
      extraHTTPHeaders: { 'X-Forwarded-Proto': 'https' },
    });
    const page = await context.newPage();
    const violations = await recordCspViolations(page);
    const componentsBundle = page.waitForResponse((response) =>
      response.url().endsWith('/admin/frontend/assets/components.bundle.js'),
    );

    await signIn(page, baseUrl, ADMIN);
    expect((await componentsBundle).status()).toBe(200);
    const sessionCookie = (await context.cookies()).find((cookie) => cookie.name === 'backoffice.sid');
    expect(sessionCookie?.secure, 'the session cookie is Secure behind the proxy').toBe(true);
    await waitForCustomerList(page);

    await page.getByRole('link', { name: 'Create new' }).click();
    await page.locator('#firstName').waitFor();
    await page.locator('#firstName').fill('Hedy');
    await page.locator('#lastName').fill('Lamarr');
    await page.locator('#email').fill('hedy.lamarr@example.com');
    await page.locator('#phone').fill('(201) 555-0142');
    await fillDatePicker(page.getByTestId('property-edit-dateOfBirth'), '1984-11-09');
    await page.getByTestId('button-save').click();
    await page.waitForURL(/\/admin\/resources\/Customer(\?.*)?$/, { waitUntil: 'domcontentloaded' });
    await customerRow(page, 'hedy.lamarr@example.com').waitFor();

    await page.getByRole('link', { name: 'My profile' }).click();
    await page.waitForURL(/\/admin\/profile$/, { waitUntil: 'domcontentloaded' });
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    await openPage(page, baseUrl, '/admin/resources/Customer');
    await waitForCustomerList(page);

    expect(violations.filter((violation) => !isDesignSystemGlobalLookup(violation))).toEqual([]);
    await context.close();
  });

  it('creates the first superuser without ever logging its generated password', async () => {
    const otherFile = path.join(PROJECT_ROOT, 'tests/.tmp', `${randomUUID()}.db`);
    const fresh = startCompiled({
      ...productionEnv,
      DATABASE_URL: `file:${otherFile}`,
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    });
    try {
      await fresh.waitFor(/First superuser created: admin@example\.com.*not log/);
    } finally {
      fresh.child.kill('SIGTERM');
      await fresh.exited;
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${otherFile}${suffix}`, { force: true });
    }
    expect(fresh.output()).not.toMatch(/password:/i);
    for (const line of fresh.output().trim().split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
  });

  it('refuses to start without SESSION_SECRET, naming it', async () => {
    const refused = startCompiled({ ...productionEnv, SESSION_SECRET: '' });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/SESSION_SECRET is required when NODE_ENV=production/);
  });
});
