/**
 * The interactive API docs (/api/v1/docs) in a real browser, under the app's Content Security
 * Policy: Swagger UI renders every operation of the served OpenAPI document, loads nothing from
 * another host, and "Try it out" with a bearer token calls the API for real.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPage, recordForeignRequests, useBrowserSession } from './support/browser.js';

const session = useBrowserSession();

/** Every CSP violation the page reports (the DOM event), and console messages about the policy. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(violation: string): void }).reportCspViolation(
        `${event.effectiveDirective} ${event.blockedURI} in ${event.sourceFile}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return violations;
}

it('renders every operation, runs under the CSP without a violation, and tries GET /me with a token', async () => {
  const { app } = session;
  const user = await app.createUser('MANAGER', { email: 'docs.reader@example.test' });
  const page = await session.newPage();
  const violations = await recordCspViolations(page);
  const foreign = recordForeignRequests(page);

  await openPage(page, app.baseUrl, '/api/v1/docs');
  const operations = page.locator('.opblock');
  await operations.first().waitFor();
  await expect(page.getByRole('heading', { name: /Customer Back-office API/ }).isVisible()).resolves.toBe(true);
  const document = (await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json()) as {
    paths: Record<string, object>;
  };
  const documented = Object.values(document.paths).reduce((count, methods) => count + Object.keys(methods).length, 0);
  expect(await operations.count()).toBe(documented);
  await expect(page.locator('.opblock-summary-path', { hasText: '/customers/{id}/restore' }).isVisible()).resolves.toBe(
    true,
  );

  const token = await fetch(`${app.baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  const { accessToken } = (await token.json()) as { accessToken: string };
  await page
    .getByRole('button', { name: /Authorize/ })
    .first()
    .click();
  await page.locator('#auth-bearer-value').fill(accessToken);
  await page.getByRole('button', { name: 'Apply credentials' }).click();
  await page.locator('.modal-ux').getByRole('button', { name: 'Close', exact: true }).click();

  const me = page.locator('.opblock', { has: page.locator('.opblock-summary-path', { hasText: /^\/me$/ }) });
  await me.locator('.opblock-summary').click();
  await me.getByRole('button', { name: 'Try it out' }).click();
  await me.getByRole('button', { name: 'Execute' }).click();
  const answer = me.locator('.live-responses-table tbody tr.response').first();
  await answer.waitFor();
  await expect(answer.locator('.response-col_status').textContent()).resolves.toMatch(/^\s*200\s*$/);
  await expect(answer.textContent()).resolves.toContain('docs.reader@example.test');

  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});
