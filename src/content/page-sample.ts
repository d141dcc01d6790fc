/**
 * The text the pre-check looks at, gathered in one cheap walk over the DOM: no scripts or
 * styles (a page's JSON can name anything), and no links outside paragraphs (teasers,
 * navigation, "related stories": a sidebar link naming both countries is not an article
 * about them). Links inside paragraphs are read, since articles link names in running text.
 */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'SELECT', 'CODE']);

/** Enough for any article; keeps a 10 MB page cheap. */
export const SAMPLE_LIMIT = 400_000;

function skipped(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIPPED.has(tag)) return true;
  return tag === 'A' && element.closest('p') === null;
}

export function pageSample(root: Node, limit = SAMPLE_LIMIT): string {
  const parts: string[] = [];
  let length = 0;
  let node: Node | null = root.firstChild;
  while (node && length < limit) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      parts.push(length + data.length > limit ? data.slice(0, limit - length) : data);
      length += data.length;
    } else if (node.nodeType === 1) {
      descend = !skipped(node as Element);
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return parts.join('');
}
