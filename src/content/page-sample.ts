/**
 * The text the pre-check looks at, gathered in one walk over the DOM (measured faster in the
 * content script than a TreeWalker that must also look at each text's parent): no scripts or
 * styles (a page's JSON can name anything), and no links outside paragraphs (teasers,
 * navigation, "related stories": a sidebar link naming both countries is not an article
 * about them). Links inside paragraphs are read, since articles link names in running text.
 */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'SELECT', 'CODE']);

/** Enough for any article; keeps a 10 MB page cheap. */
export const SAMPLE_LIMIT = 400_000;

/** Nodes visited between two chances to yield (a page of 100,000 elements must not block). */
const NODES_PER_STEP = 2_000;

export function pageSample(root: Node, limit = SAMPLE_LIMIT): string {
  const steps = pageSampleInSteps(root, limit);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same walk as a generator that pauses every few thousand nodes (see scheduler.ts). */
export function* pageSampleInSteps(root: Node, limit = SAMPLE_LIMIT): Generator<void, string, void> {
  const parts: string[] = [];
  let length = 0;
  let visited = 0;
  // The paragraph we are inside, if any: tracked on the way down and up, so no link needs closest().
  let paragraph: Node | null = null;
  let node: Node | null = root.firstChild;
  while (node && length < limit) {
    if (++visited % NODES_PER_STEP === 0) yield;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(length + data.length > limit ? data.slice(0, limit - length) : data);
      length += data.length;
    } else if (node.nodeType === 1 && node.firstChild) {
      const tag = (node as Element).tagName.toUpperCase();
      if (!SKIPPED.has(tag) && (tag !== 'A' || paragraph !== null)) {
        if (tag === 'P' && paragraph === null) paragraph = node;
        node = node.firstChild;
        continue;
      }
    }
    // Up to the next sibling, leaving the paragraph if we climb out of it.
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node === paragraph) paragraph = null;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  // A space between texts: the patterns look for whole words, and "<h1>…up</h1><p>Iran…" must not read "upIran".
  return parts.join(' ');
}
