/**
 * Turns a document into the engine's text model: blocks of visible text (paragraphs,
 * headings, list items, cells, captions) that remember which text nodes they came from, so
 * an offset in a block maps back to an exact DOM position. Used by the content script (real
 * DOM) and the CLI (linkedom), so what the tests read in Node is what the page gets.
 * Iterative, not recursive: pages nest elements thousands deep.
 */
import type { BlockKind, PageBlock } from '../core/engine/annotate.ts';

export interface TextSegment {
  readonly node: Text;
  /** Offset of the node's first character in the block source text. */
  readonly start: number;
}

export interface DomBlock extends PageBlock {
  readonly element: Element;
  /** Text nodes of the source the block was cut from, shared by all its pieces. */
  readonly segments: readonly TextSegment[];
  /** Offset of this block's text within that source (non-zero for pieces of a huge block). */
  readonly base: number;
}

export interface ExtractOptions {
  /** Extra test for elements to leave out (the content script passes layout visibility). */
  readonly isExcluded?: (element: Element) => boolean;
  /** Blocks longer than this are cut at a sentence or word boundary (keeps each slice of work small). */
  readonly maxBlockLength?: number;
  /** Read open shadow roots too (a setting: most pages have none worth reading). */
  readonly shadowRoots?: boolean;
  /** Told about each open shadow root read, so the caller can watch and style it. */
  readonly onShadowRoot?: (shadowRoot: ShadowRoot) => void;
  /**
   * Is a block element on screen (the content script asks the layout engine)? Asked of block
   * elements only, never of inline ones or text nodes: one question per paragraph keeps a read of
   * a 100,000-element page cheap. A block that is not is left out with all it contains.
   */
  readonly isVisible?: (element: Element) => boolean;
}

const SKIPPED = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'SVG', 'MATH', 'CANVAS',
  'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK', 'PICTURE', 'IMG', 'CODE', 'KBD', 'SAMP',
]);

const BLOCK_KINDS: Record<string, BlockKind> = {
  P: 'paragraph', DIV: 'other', SECTION: 'other', ARTICLE: 'other', MAIN: 'other', BODY: 'other', HEADER: 'other', FOOTER: 'other',
  NAV: 'other', ASIDE: 'other', FORM: 'other', FIELDSET: 'other', ADDRESS: 'other', DETAILS: 'other', DIALOG: 'other',
  CENTER: 'other', HGROUP: 'other', FIGURE: 'other', UL: 'other', OL: 'other', DL: 'other', TABLE: 'other', TBODY: 'other',
  THEAD: 'other', TFOOT: 'other', TR: 'other', PRE: 'paragraph', HR: 'other', LEGEND: 'caption', SUMMARY: 'heading',
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', DT: 'list-item', DD: 'list-item', TD: 'table-cell', TH: 'table-cell',
  FIGCAPTION: 'caption', CAPTION: 'caption', BLOCKQUOTE: 'quote',
};

const BOILERPLATE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM']);
const BOILERPLATE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'menu', 'menubar', 'dialog', 'alert']);
const BOILERPLATE_HINT = /(^|[-_\s])(related|sidebar|side-bar|comments?|footer|nav|navbar|menu|promo|newsletter|share|sharing|social|breadcrumbs?|recommended|recommendations?|trending|most-?popular|outbrain|taboola|widget|advert\w*|ads?|sponsor\w*|subscribe|signup|cookie\w*|masthead|toolbar|more-stories|read-more|rail)([-_\s]|$)/i;
const CONTENT_ROOTS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

const DEFAULT_MAX_BLOCK = 10_000;

interface Context {
  readonly semanticBoilerplate: boolean;
  readonly hintBoilerplate: boolean;
  readonly inLink: boolean;
  readonly inArticle: boolean;
}

interface Builder {
  readonly element: Element;
  readonly kind: BlockKind;
  readonly context: Context;
  /** The text read and not yet cut into blocks: all of it, but for a very long text, which is cut as it is read. */
  text: string;
  /** How many characters before `text` are already cut into blocks (where `text` starts in the segments' offsets). */
  emitted: number;
  linkChars: number;
  readonly segments: TextSegment[];
}

/**
 * `tag` is the element's upper-cased tag name and `plain` says it has no attributes at all:
 * both are read once per element, since every DOM call costs on a page of 100,000 elements.
 */
function isExcludedByMarkup(element: Element, tag: string, plain: boolean): boolean {
  if (SKIPPED.has(tag)) return true;
  // A slot's own children are fallback content, shown only when nothing is slotted in.
  if (tag === 'SLOT' && ((element as HTMLSlotElement).assignedNodes?.().length ?? 0) > 0) return true;
  if (plain) return false;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Tags that change the context of what they contain (the rest inherit it unchanged unless attributes do). */
const CONTEXT_TAGS = new Set([...BOILERPLATE_TAGS, 'HEADER', 'ARTICLE', 'MAIN', 'A']);

function childContext(element: Element, tag: string, plain: boolean, parent: Context): Context {
  if (plain && !CONTEXT_TAGS.has(tag)) return parent;
  const role = (plain ? null : element.getAttribute('role')) ?? '';
  const inArticle = parent.inArticle || tag === 'ARTICLE' || tag === 'MAIN' || role === 'main' || role === 'article';
  // A <header> inside an article is its headline area, not page furniture.
  const semantic = (BOILERPLATE_TAGS.has(tag) || BOILERPLATE_ROLES.has(role) || (tag === 'HEADER' && !inArticle)) && !(tag === 'FORM' && inArticle);
  const hintText = CONTENT_ROOTS.has(tag) || plain ? '' : `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  return {
    semanticBoilerplate: parent.semanticBoilerplate || semantic,
    hintBoilerplate: parent.hintBoilerplate || (hintText.length > 1 && BOILERPLATE_HINT.test(hintText)),
    inLink: parent.inLink || tag === 'A',
    inArticle,
  };
}

/** Where to cut a too-long text: after a sentence end, else at a space, near `limit`. */
function cutPoint(text: string, from: number, limit: number): number {
  const end = Math.min(text.length, from + limit);
  if (end === text.length) return end;
  const window = text.slice(from + Math.floor(limit / 2), end);
  const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '), window.lastIndexOf('。'));
  if (sentenceEnd >= 0) return from + Math.floor(limit / 2) + sentenceEnd + 2;
  const space = window.lastIndexOf(' ');
  return space >= 0 ? from + Math.floor(limit / 2) + space + 1 : end;
}

/** Nodes visited between two chances for the caller to yield the main thread. */
const NODES_PER_STEP = 2_000;
/** Characters of text read between two such chances: a page's text nodes may hold megabytes. */
const CHARS_PER_STEP = 200_000;

/**
 * Does a block's text hold a letter or digit (a block of bullets or rules does not)? Asked in ASCII first: the
 * Unicode classes' expression took about half a millisecond to compile on a page's first reading, and a page in a
 * Latin script seldom needs it.
 */
const ASCII_LETTER_OR_DIGIT = /[0-9A-Za-z]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const holdsLetterOrDigit = (text: string) => ASCII_LETTER_OR_DIGIT.test(text) || LETTER_OR_DIGIT.test(text);

export function extractBlocks(root: Node, options: ExtractOptions = {}): DomBlock[] {
  const steps = extractBlocksInSteps(root, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same extraction as a generator that pauses every few thousand nodes (see content/scheduler.ts). */
export function* extractBlocksInSteps(root: Node, options: ExtractOptions = {}): Generator<void, DomBlock[], void> {
  const maxLength = options.maxBlockLength ?? DEFAULT_MAX_BLOCK;
  const blocks: (DomBlock & { hint: boolean })[] = [];
  const rootContext: Context = { semanticBoilerplate: false, hintBoilerplate: false, inLink: false, inArticle: false };
  const contexts: Context[] = [rootContext];
  const blockElements: { element: Element; kind: BlockKind; context: Context }[] = [];
  let current: Builder | null = null;

  /**
   * Cuts the builder's text into blocks up to `until` (its end, or short of it), and keeps only the rest. A text read
   * as one string grows by joining: cutting it whole each time would copy it whole each time. A text cut as it is
   * read is judged link-heavy or not on what is read so far.
   */
  const emit = (builder: Builder, until: number) => {
    const { text } = builder;
    const linkHeavy = builder.linkChars / (builder.emitted + text.trim().length) > 0.6 && builder.kind !== 'heading';
    const semantic = builder.context.semanticBoilerplate || linkHeavy;
    let from = 0;
    while (from < until) {
      const to = cutPoint(text, from, maxLength);
      blocks.push({
        text: text.slice(from, to),
        kind: builder.kind,
        boilerplate: semantic,
        hint: builder.context.hintBoilerplate,
        element: builder.element,
        segments: builder.segments,
        base: builder.emitted + from,
      });
      from = to;
    }
    builder.text = text.slice(from);
    builder.emitted += from;
  };

  const flush = () => {
    const builder = current;
    current = null;
    if (!builder || (builder.emitted === 0 && !holdsLetterOrDigit(builder.text))) return;
    emit(builder, builder.text.length);
  };

  /** Characters of text read since the last pause. */
  let charsRead = 0;

  const addText = (node: Text) => {
    const data = node.data;
    charsRead += data.length;
    if (!current) {
      if (!/\S/.test(data)) return;
      const owner = blockElements[blockElements.length - 1];
      const parent = node.parentNode as Element | null;
      if (!owner && !parent) return;
      current = {
        element: owner?.element ?? parent!,
        kind: owner?.kind ?? 'other',
        context: contexts[contexts.length - 1]!,
        text: '',
        emitted: 0,
        linkChars: 0,
        segments: [],
      };
    }
    current.segments.push({ node, start: current.emitted + current.text.length });
    current.text += data;
    if (contexts[contexts.length - 1]!.inLink) current.linkChars += data.trim().length;
    // A text of megabytes in one block element (a 10 MB paragraph): its blocks are cut as it is read, a step's worth
    // at a time, not all at once when the element ends. The last block's worth waits for the rest of the text.
    if (current.text.length > 2 * maxLength) emit(current, current.text.length - maxLength);
  };

  /** Per element entered, whether it is a block (so leaving it needs no DOM call). */
  const entered: boolean[] = [];

  const enter = (element: Element, tag: string, plain: boolean) => {
    const context = childContext(element, tag, plain, contexts[contexts.length - 1]!);
    contexts.push(context);
    if (tag === 'BR' && current) current.text += '\n';
    const kind = BLOCK_KINDS[tag];
    entered.push(kind !== undefined);
    if (kind) {
      flush();
      blockElements.push({ element, kind, context });
    }
  };

  const exit = () => {
    contexts.pop();
    if (entered.pop()) {
      flush();
      blockElements.pop();
    }
  };

  const isVisible = options.isVisible;
  const isExcluded = (element: Element, tag: string, plain: boolean) =>
    isExcludedByMarkup(element, tag, plain) || (options.isExcluded?.(element) ?? false) || (isVisible !== undefined && BLOCK_KINDS[tag] !== undefined && !isVisible(element));

  let node: Node | null = root.firstChild;
  let visited = 0;
  while (node) {
    if (++visited % NODES_PER_STEP === 0 || charsRead >= CHARS_PER_STEP) {
      charsRead = 0;
      yield;
    }
    let next: Node | null = null;
    if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      const plain = !element.hasAttributes();
      if (!isExcluded(element, tag, plain)) {
        enter(element, tag, plain);
        // An open shadow root is read first, then the host's own (slotted) children.
        const shadow = options.shadowRoots ? element.shadowRoot : null;
        if (shadow) options.onShadowRoot?.(shadow);
        // A block never spans two trees: no Range can hold text from both (it collapses, or skips the shadow's text).
        if (shadow?.firstChild) flush();
        next = shadow?.firstChild ?? element.firstChild;
        if (!next) exit();
      }
    } else if (node.nodeType === 3) {
      addText(node as Text);
    }
    if (next) {
      node = next;
      continue;
    }
    node = nextAfter(node);
  }

  /** The next node after `from`'s subtree, leaving elements (and shadow roots) on the way up. */
  function nextAfter(from: Node): Node | null {
    let current: Node | null = from;
    while (current && current !== root && !current.nextSibling) {
      const parent: Node | null = current.parentNode;
      // Only a walk that entered shadow roots can climb out of one (and only it pays for the check).
      if (options.shadowRoots && parent && parent.nodeType === 11 && (parent as ShadowRoot).host) {
        // Leaving a shadow tree: continue with the host's light children, or leave the host.
        const host: Element = (parent as ShadowRoot).host;
        flush();
        if (host.firstChild) return host.firstChild;
        exit();
        current = host;
        continue;
      }
      current = parent;
      // Every ancestor below the root was entered on the way down (elements only, shadow roots handled above).
      if (current && current !== root) exit();
    }
    if (!current || current === root) return null;
    return current.nextSibling;
  }
  flush();

  // Class-name hints are a heuristic; when they would discard most of the page, they are wrong.
  const total = blocks.reduce((sum, block) => sum + block.text.length, 0);
  const hinted = blocks.reduce((sum, block) => sum + (block.hint && !block.boilerplate ? block.text.length : 0), 0);
  const trustHints = hinted < total * 0.6;
  return blocks.map(({ hint, ...block }) => ({ ...block, boilerplate: block.boilerplate || (trustHints && hint) }));
}

/** The text node and offset behind `offset` in a block's text (for building a DOM Range). */
export function domPosition(block: DomBlock, offset: number): { node: Text; offset: number } | null {
  const target = block.base + offset;
  const segments = block.segments;
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (segments[middle]!.start <= target) low = middle;
    else high = middle - 1;
  }
  const segment = segments[low];
  if (!segment) return null;
  return { node: segment.node, offset: Math.min(Math.max(target - segment.start, 0), segment.node.data.length) };
}
