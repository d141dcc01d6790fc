/** The dataset's coverage grouped by outlet, for "About the dataset". */
import type { Coverage } from '../core/dataset/schema.ts';

export interface OutletGroup {
  readonly outlet: string;
  readonly items: readonly Coverage[];
}

/** Outlets in the page language's alphabetical order; each outlet's items oldest first. */
export function sourcesByOutlet(coverage: readonly Coverage[], lang: string): OutletGroup[] {
  const groups = new Map<string, Coverage[]>();
  for (const item of coverage) {
    const items = groups.get(item.outlet);
    if (items) items.push(item);
    else groups.set(item.outlet, [item]);
  }
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(lang, { sensitivity: 'base' });
  } catch {
    collator = new Intl.Collator('en', { sensitivity: 'base' });
  }
  return [...groups]
    .map(([outlet, items]) => ({ outlet, items: [...items].sort((a, b) => a.date.localeCompare(b.date) || collator.compare(a.title, b.title)) }))
    .sort((a, b) => collator.compare(a.outlet, b.outlet));
}
