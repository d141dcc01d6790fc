/**
 * The browser side of the e2e fuzz test (test/e2e/fuzz.e2e.test.ts), bundled at test time with
 * the generator and src/dom/extract-blocks.ts into one script a plain page loads. It sets
 * `globalThis.__lensFuzz`:
 *   - roundTrip(seeds): per seed, builds the random DOM in this document's <body>, extracts its
 *     blocks, and checks random spans of every block with a real Range (see checkSpan);
 *   - buildPage(seed): builds a random DOM around the page's own <main> (the teardown cases);
 *   - snapshot(): what a teardown must restore (DOM with shadow trees, registry, sheets).
 * Words come from `globalThis.__lensFuzzWords` (set by the served script, from ../shared when present).
 */
import { domPosition, extractBlocks, type DomBlock } from '../../src/dom/extract-blocks.ts';
import { BUILT_IN_WORDS, HIDDEN_MARK, buildRandomDom, coveredSlice, random, randomSpans, type RandomDom } from './random-dom.ts';

export interface RoundTripFailure {
  readonly seed: number;
  readonly message: string;
}

export interface RoundTripResult {
  readonly cases: number;
  readonly blocks: number;
  readonly spans: number;
  /** Spans whose Range text is the block slice character for character. */
  readonly exact: number;
  /** Spans whose Range also passes over text the block skips (hidden or skipped elements inside it). */
  readonly overSkippedText: number;
  readonly failures: RoundTripFailure[];
}

export interface PageSnapshot {
  readonly html: string;
  /** Each open shadow root's markup and sheet count, in document order (outerHTML leaves them out). */
  readonly shadowRoots: { html: string; sheets: number }[];
  readonly highlights: { name: string; texts: string[] }[];
  readonly sheets: number;
}

const SPANS_PER_BLOCK = 6;

function vocabulary(): readonly string[] {
  return [...BUILT_IN_WORDS, ...((globalThis as { __lensFuzzWords?: string[] }).__lensFuzzWords ?? [])];
}

/** Text nodes the range covers, in tree order, with the part of each it covers. */
function textInRange(range: Range): { node: Text; part: string }[] {
  const container = range.commonAncestorContainer;
  const parts: { node: Text; part: string }[] = [];
  const add = (node: Text) => {
    if (!range.intersectsNode(node)) return;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : node.data.length;
    parts.push({ node, part: node.data.slice(from, to) });
  };
  if (container.nodeType === Node.TEXT_NODE) {
    add(container as Text);
    return parts;
  }
  const walker = container.ownerDocument!.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) add(node as Text);
  return parts;
}

/**
 * A span [start, end) of a block, made into a Range the way the highlighter makes it
 * (domPosition at both ends), must hold exactly the block's text there (<br> breaks aside).
 * One allowance, checked strictly: a Range is contiguous, so where a block's inline flow holds
 * a hidden or skipped element, the Range passes over that element's text too; then the block's
 * own text nodes in the Range must give the slice exactly, and every other text node in it must
 * be one the generator hid (it carries HIDDEN_MARK). Returns which way the span held, else why it did not.
 */
function checkSpan(block: DomBlock, start: number, end: number): 'exact' | 'over-skipped-text' | string {
  const from = domPosition(block, start);
  const to = domPosition(block, end);
  if (!from || !to) return `no DOM position for ${start}–${end}`;
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const expected = coveredSlice(block, start, end);
  const actual = range.toString();
  if (actual === expected) return 'exact';
  const own = new Set<Node>(block.segments.map((segment) => segment.node));
  const parts = textInRange(range);
  const ownText = parts.filter(({ node }) => own.has(node)).map(({ part }) => part).join('');
  const foreign = parts.filter(({ node }) => !own.has(node));
  const where = `span ${start}–${end} of block ${JSON.stringify(block.text.slice(0, 60))}${from.node.getRootNode() === to.node.getRootNode() ? '' : ' (its ends lie in different trees: document and shadow root)'}`;
  if (parts.map(({ part }) => part).join('') !== actual) return `${where}: the Range's text is not its text nodes' text`;
  if (ownText !== expected) return `${where}: Range text ${JSON.stringify(actual)} ≠ block text ${JSON.stringify(expected)}`;
  const unexpected = foreign.find(({ node }) => !node.data.includes(HIDDEN_MARK));
  if (unexpected) return `${where}: the Range covers text the block never read: ${JSON.stringify(unexpected.node.data.slice(0, 60))}`;
  return 'over-skipped-text';
}

/**
 * Builds the random DOM of `seed` in an inert document, then moves it into this page's <body>
 * (after what is there). Built here directly, the generator's <script> elements (random words)
 * would run and throw page errors; made in a document without a window, they never run.
 */
function buildInPage(seed: number, words: readonly string[]): RandomDom {
  const scratch = document.implementation.createHTMLDocument('');
  const built = buildRandomDom(seed, scratch, words);
  document.body.append(...scratch.body.childNodes);
  return { root: document.body, maxBlockLength: built.maxBlockLength };
}

function roundTrip(seeds: readonly number[]): RoundTripResult {
  const words = vocabulary();
  const failures: RoundTripFailure[] = [];
  let blocks = 0;
  let spans = 0;
  let exact = 0;
  let overSkippedText = 0;
  for (const seed of seeds) {
    try {
      document.body.replaceChildren();
      const { maxBlockLength } = buildInPage(seed, words);
      const read = extractBlocks(document.body, { shadowRoots: true, ...(maxBlockLength ? { maxBlockLength } : {}) });
      const next = random(seed ^ 0x5bd1e995);
      const problems: string[] = [];
      for (const block of read) {
        blocks++;
        if (block.text.includes(HIDDEN_MARK)) problems.push(`hidden text read: ${JSON.stringify(block.text.slice(0, 80))}`);
        for (const [start, end] of randomSpans(next, block.text.length, SPANS_PER_BLOCK)) {
          spans++;
          const outcome = checkSpan(block, start, end);
          if (outcome === 'exact') exact++;
          else if (outcome === 'over-skipped-text') overSkippedText++;
          else problems.push(outcome);
        }
      }
      if (problems.length > 0) failures.push({ seed, message: `${problems.length} span(s) failed; first: ${problems[0]}` });
    } catch (error) {
      failures.push({ seed, message: `threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
    }
  }
  document.body.replaceChildren();
  return { cases: seeds.length, blocks, spans, exact, overSkippedText, failures };
}

/**
 * Is this no place for an article: is it, or an element above it, hidden (the generator's hidden
 * elements are blocks too), a shadow host (its light children may not render) or boilerplate?
 */
function unfitForArticle(element: Element): boolean {
  for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
    if (at.shadowRoot || /^(NAV|ASIDE|A|PRE|TEMPLATE)$/.test(at.tagName)) return true;
    if (at.hasAttribute('hidden') || at.hasAttribute('aria-hidden') || at.hasAttribute('contenteditable')) return true;
  }
  return false;
}

/**
 * Builds the random DOM for `seed` after the page's own content, then moves the page's <main>
 * (the relevant article) into one of the generated block elements, chosen by the seed.
 */
function buildPage(seed: number): void {
  const main = document.querySelector('main');
  buildInPage(seed, vocabulary());
  const next = random(seed ^ 0x1b873593);
  const places = [...document.body.querySelectorAll('div, section, article, blockquote, li, td')].filter((element) => element !== main && !main?.contains(element) && !unfitForArticle(element));
  const place = places.length > 0 ? places[Math.floor(next() * places.length)]! : document.body;
  if (main) place.insertBefore(main, place.childNodes[Math.floor(next() * (place.childNodes.length + 1))] ?? null);
}

function shadowRootsIn(root: Document | ShadowRoot, out: ShadowRoot[] = []): ShadowRoot[] {
  for (const element of root.querySelectorAll('*')) {
    if (!element.shadowRoot) continue;
    out.push(element.shadowRoot);
    shadowRootsIn(element.shadowRoot, out);
  }
  return out;
}

function snapshot(): PageSnapshot {
  const highlights: { name: string; texts: string[] }[] = [];
  CSS.highlights.forEach((highlight, name) => highlights.push({ name, texts: [...highlight].map((range) => range.toString()) }));
  return {
    html: document.documentElement.outerHTML,
    shadowRoots: shadowRootsIn(document).map((shadow) => ({ html: shadow.innerHTML, sheets: shadow.adoptedStyleSheets.length })),
    highlights: highlights.sort((a, b) => a.name.localeCompare(b.name)),
    sheets: document.adoptedStyleSheets.length,
  };
}

(globalThis as { __lensFuzz?: unknown }).__lensFuzz = { roundTrip, buildPage, snapshot };
