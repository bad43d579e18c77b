/**
 * Accessibility scans with axe-core (@axe-core/playwright) for the browser tests: WCAG 2.x A and AA
 * rules plus axe's best practices, and an assertion that names each critical or serious violation
 * with the elements it found, so a failing test says what to fix.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export type AxeImpact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeFinding {
  rule: string;
  impact: AxeImpact | null;
  help: string;
  targets: string[];
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Every violation axe finds on the page as it is now. */
export async function scanPage(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? null,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

/** Fails with a readable list when axe finds a critical or serious violation on the page. */
export async function expectNoSeriousViolations(page: Page, label = page.url()): Promise<AxeFinding[]> {
  const findings = await scanPage(page);
  const serious = findings.filter((finding) => finding.impact === 'critical' || finding.impact === 'serious');
  expect(
    serious.map((finding) => `${finding.impact} ${finding.rule} (${finding.help}): ${finding.targets.join(', ')}`),
    `axe on ${label}`,
  ).toEqual([]);
  return findings;
}
