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
