import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One accessibility violation, reduced to what a failure message needs. */
export interface A11yViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core on the page and returns the violations with impact "serious" or "critical" (the
 * ones that block people). Milder findings are printed so they are not lost, but do not fail.
 */
export async function seriousA11yViolations(page: Page, label: string): Promise<A11yViolation[]> {
  const results = await new AxeBuilder({ page }).analyze();
  const all = results.violations.map((violation): A11yViolation => ({
    id: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')),
  }));
  const serious = all.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  const mild = all.filter((violation) => !serious.includes(violation));
  if (mild.length > 0) {
    console.info(`axe (${label}), not failing:\n${formatViolations(mild)}`);
  }
  if (serious.length > 0) {
    console.error(`axe (${label}), serious or critical:\n${formatViolations(serious)}`);
  }
  return serious;
}

/** One line per violation and target, readable in a CI log. */
export function formatViolations(violations: readonly A11yViolation[]): string {
  return violations
    .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.targets.map((t) => `      at ${t}`).join('\n')}`)
    .join('\n');
}
