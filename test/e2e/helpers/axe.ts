import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** One accessibility violation, reduced to what a failure message needs. */
interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** The impacts that fail a test; "minor" findings are printed so they are not lost. */
const FAILING_IMPACTS: ReadonlySet<string> = new Set(['moderate', 'serious', 'critical']);

/**
 * Runs axe-core on the page and returns the violations with impact "moderate", "serious" or
 * "critical" (content outside any landmark, for one, is "moderate" and still in a screen-reader
 * user's way). Minor findings are printed, not returned.
 */
async function a11yViolations(page: Page, label: string): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const all = results.violations.map((violation): A11yViolation => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  const failing = all.filter((violation) => FAILING_IMPACTS.has(violation.impact));
  const minor = all.filter((violation) => !failing.includes(violation));
  if (minor.length > 0) {
    console.info(`axe (${label}), minor, not failing:\n${formatViolations(minor)}`);
  }
  if (failing.length > 0) {
    console.error(`axe (${label}):\n${formatViolations(failing)}`);
  }
  return failing;
}

/** One line per violation and target, readable in a CI log. */
function formatViolations(violations: readonly A11yViolation[]): string {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.targets.map((t) => `      at ${t}`).join('\n')}`)
    .join('\n');
}

/** Fails the test on moderate, serious or critical axe findings, listing each with its targets. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const violations = await a11yViolations(page, label);
  expect(violations, `axe violations on ${label}:\n${formatViolations(violations)}`).toEqual([]);
}
