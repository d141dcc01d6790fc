/**
 * The text the pre-check looks at, read in one native TreeWalker pass over the page's text nodes: the cheapest
 * read of a page there is (it is the benchmark's floor). Scripts and styles are left out by a set of their text
 * nodes found with one selector query, not by asking each text node for its parent, which would double the walk.
 * Whether a name lies in article text (not in a script, a form field or a sidebar link) is asked only of the few
 * text nodes that hold a name (`isArticleText`).
 */

/** Enough for any article; keeps a 10 MB page cheap. */
export const SAMPLE_LIMIT = 400_000;

/** Text nodes visited between two chances to yield (a page of 100,000 elements must not block). */
const NODES_PER_STEP = 5_000;

/** Elements whose text is not read as prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'SELECT', 'CODE']);
/** Elements whose text can be large and is never prose: left out of the sample itself. */
const UNREAD_SELECTOR = 'script, style, noscript';

export interface PageText {
  /** The texts of the page's text nodes, in document order, up to the limit. */
  readonly texts: readonly string[];
  /** The node each text came from. */
  readonly nodes: readonly Node[];
}

/** Text read between two looks for names: an article usually names both sides early, and reading stops there. */
const CHUNK_LENGTH = 40_000;

/** The whole sample at once (tests; the pre-check reads it in chunks). */
export function pageText(root: Element, limit = SAMPLE_LIMIT): PageText {
  const texts: string[] = [];
  const nodes: Node[] = [];
  const steps = pageTextInSteps(
    root,
    (chunk) => {
      texts.push(...chunk.texts);
      nodes.push(...chunk.nodes);
      return false;
    },
    limit,
  );
  while (!steps.next().done);
  return { texts, nodes };
}

/**
 * The walk, as a generator that pauses every few thousand nodes (see scheduler.ts), handing `look` the text read
 * so far in chunks; it stops, returning true, as soon as `look` does.
 */
export function* pageTextInSteps(root: Element, look: (chunk: PageText) => boolean, limit = SAMPLE_LIMIT, chunkLength = CHUNK_LENGTH): Generator<void, boolean, void> {
  const unread = new Set<Node>();
  for (const element of Array.from(root.querySelectorAll(UNREAD_SELECTOR))) {
    for (let child = element.firstChild; child; child = child.nextSibling) unread.add(child);
  }
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let texts: string[] = [];
  let nodes: Node[] = [];
  let length = 0;
  let chunkStart = 0;
  let visited = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (++visited % NODES_PER_STEP === 0) yield;
    if (unread.has(node)) continue;
    const data = (node as CharacterData).data;
    texts.push(length + data.length > limit ? data.slice(0, limit - length) : data);
    nodes.push(node);
    length += data.length;
    if (length - chunkStart >= chunkLength) {
      if (look({ texts, nodes })) return true;
      [texts, nodes, chunkStart] = [[], [], length];
    }
  }
  return texts.length > 0 && look({ texts, nodes });
}

/**
 * Is this text node prose of the page? Not inside a script, style, form field or embedded object, and not in a
 * link outside a paragraph (teasers, navigation, "related stories": a sidebar link naming both countries is not
 * an article about them). Links inside paragraphs count, since articles link names in running text.
 */
export function isArticleText(node: Node, root: Node): boolean {
  let inLink = false;
  for (let element = node.parentElement; element && element !== root.parentNode; element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return false;
    if (tag === 'A') inLink = true;
    else if (tag === 'P' && inLink) return true;
  }
  return !inLink;
}
