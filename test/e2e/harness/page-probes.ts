/** Functions run inside the test page (the page's own world), to see what a page can see. */

export interface HighlightSummary {
  names: string[];
  ranges: number;
  texts: string[];
}

/** The custom highlights registered on the document, as the page sees them. */
export function readHighlights(): HighlightSummary {
  const names: string[] = [];
  const texts: string[] = [];
  let ranges = 0;
  CSS.highlights.forEach((highlight, name) => {
    names.push(name);
    for (const range of highlight) {
      ranges++;
      texts.push(range.toString());
    }
  });
  return { names: names.sort(), ranges, texts };
}

/** Centre of the first highlighted range whose text contains `needle`, in viewport pixels. */
export function pointOnHighlight(needle: string): { x: number; y: number } | null {
  let found: { x: number; y: number } | null = null;
  CSS.highlights.forEach((highlight) => {
    for (const range of highlight) {
      if (found || !(range instanceof Range) || !range.toString().includes(needle)) continue;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      if (rect) found = { x: rect.left + Math.min(rect.width / 2, 40), y: rect.top + rect.height / 2 };
    }
  });
  return found;
}

/**
 * The texts of the registered highlight whose name ends in `-<role>` (solid, dashed, wavy,
 * focus, actor), or null when there is none. Our names are random per lens; the role is the
 * readable end of the name.
 */
export function highlightTexts(role: string): string[] | null {
  let texts: string[] | null = null;
  CSS.highlights.forEach((highlight, name) => {
    if (!name.endsWith(`-${role}`)) return;
    texts = [];
    for (const range of highlight) texts.push(range.toString());
  });
  return texts;
}

/** Centre of the first occurrence of `needle` in the page's text, found without the highlight registry. */
export function pointOnText(needle: string): { x: number; y: number } | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    node.parentElement?.scrollIntoView({ block: 'center' });
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const rect = range.getClientRects()[0];
    return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
  }
  return null;
}
