/**
 * axe-core in an extension page. Its source is evaluated as a script by the driver (CDP or WebDriver BiDi), which the
 * page's CSP does not govern; building it inside the page with `Function()` is eval, which Firefox ESR 140's
 * extension-page CSP blocks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { TestPage } from './extension-browser.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  /** The first few elements it was found on, as selectors. */
  readonly nodes: readonly string[];
}

/** Runs axe over the page's document: how many checks passed, and every violation. */
export async function runAxe(page: TestPage): Promise<{ passes: number; violations: AxeViolation[] }> {
  if ((await page.evaluate(`${AXE_SOURCE}\n;typeof window.axe` as never, undefined as never)) !== 'object') throw new Error('axe-core did not load in the page');
  return page.evaluate(async () => {
    type Result = { passes: unknown[]; violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document): Promise<Result> } }).axe;
    const result = await axe.run(document);
    return {
      passes: result.passes.length,
      violations: result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5) })),
    };
  }, null);
}

/** The serious and critical violations. */
export const seriousOf = (violations: readonly AxeViolation[]): AxeViolation[] => violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
