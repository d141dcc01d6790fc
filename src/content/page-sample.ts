/**
 * The text the pre-check looks at, read in one native TreeWalker pass over the page's text nodes: the cheapest
 * read of a page there is (it is the benchmark's floor). Long texts of scripts and styles are left out by asking
 * their parent; short ones are read (asking every text node for its parent would double the walk).
 * Whether a name lies in article text (not in a script, a form field or a sidebar link) is asked only of the few
 * text nodes that hold a name (`isArticleText`).
 */

/** Enough for any article; keeps a 10 MB page cheap. */
export const SAMPLE_LIMIT = 400_000;

/** Text nodes visited between two chances to yield (a page of 100,000 elements must not block). */
const NODES_PER_STEP = 5_000;

/** Elements whose text is not read as prose. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'VIDEO', 'AUDIO', 'SELECT', 'CODE']);
/**
 * Elements whose text can be large and is never prose: their long texts are left out of the sample itself (a page's
 * inline JSON can be a megabyte). Their short texts are read, and a name in them never counts (`isArticleText`):
 * asking every text node for its parent would cost more than reading a few short scripts.
 */
const UNREAD = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT']);
const LONG_TEXT = 256;

export interface PageText {
  /** The texts of the page's text nodes, in document order, up to the limit. */
  readonly texts: readonly string[];
  /** The node each text came from. */
  readonly nodes: readonly Node[];
}

/**
 * Text read between two looks for names, at most: an article usually names both sides early, and reading stops
 * there. The first look comes after a few paragraphs; each next chunk is twice as long, up to this.
 */
const CHUNK_LENGTH = 40_000;
const FIRST_CHUNK_LENGTH = 2_500;

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
  const document = root.ownerDocument;
  const walker = document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  let texts: string[] = [];
  let nodes: Node[] = [];
  let length = 0;
  let chunkStart = 0;
  let visited = 0;
  for (let node = walker.nextNode(); node && length < limit; node = walker.nextNode()) {
    if (++visited % NODES_PER_STEP === 0) yield;
    // The text is read before its length is asked: each DOM call costs as much as reading a text (browsers hand a long
    // one over without copying it), and every node has text but few are long.
    const data = (node as CharacterData).data;
    if (data.length >= LONG_TEXT && UNREAD.has(node.parentNode?.nodeName ?? '')) continue;
    texts.push(length + data.length > limit ? data.slice(0, limit - length) : data);
    nodes.push(node);
    length += data.length;
    if (length - chunkStart >= Math.min(chunkLength, Math.max(FIRST_CHUNK_LENGTH, chunkStart))) {
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

/** Roles that mark a page's main content. */
const MAIN_ROLES = new Set(['main', 'article']);

/**
 * The outermost `<article>`, `<main>` (or element with their role) around `node`, below `root`: the article a name
 * lies in. Outermost, so a live blog's many posts inside one `<main>` are read together. Null outside any.
 */
export function articleRegion(node: Node, root: Element): Element | null {
  let region: Element | null = null;
  for (let element = node.parentElement; element && element !== root; element = element.parentElement) {
    const tag = element.tagName.toUpperCase();
    if (tag === 'ARTICLE' || tag === 'MAIN' || MAIN_ROLES.has(element.getAttribute('role') ?? '')) region = element;
  }
  return region;
}
