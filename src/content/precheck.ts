/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two states' names, demonyms and
 * capitals in every language the dataset has. They are deliberately loose; the engine decides relevance properly
 * afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { COMBINING, createPrecheck, type FoldedText, type Precheck, type Side, type Spelling } from '../core/engine/precheck-matcher.ts';
import { addedText, type TextMutation } from './added-text.ts';
import { articleRegion, holdsNoProse, isArticleText } from './article-text.ts';
import { runInSlices, type Cancellation } from './scheduler.ts';

let precheck: Precheck | null = null;
const createPrecheckOnce = () => (precheck ??= createPrecheck(precheckPatterns));

/** Text searched at a time: one step of the search, between two chances to yield. */
const WINDOW = 100_000;
/** Enough for any article, scripts inside it included; keeps a 10 MB page cheap. */
const TEXT_LIMIT = 2_000_000;
/** Text nodes walked past between two chances to yield (a page of 100,000 elements must not block). */
const NODES_PER_STEP = 5_000;

/** A page that passed: where to read it. */
export interface PagePass {
  /**
   * The article that names both states, when both are named inside one (the outermost `<article>`, `<main>` or its
   * role): the lens reads only it, not the whole page around it. Null: read the whole page.
   */
  readonly region: Element | null;
}

/**
 * Does the page's title and prose name both states? The body's text is taken a part at a time (its children, each
 * in one native call: cheaper than visiting each text node from script; a text node at a time where the page is
 * large, `isLarge`) and searched for each side's names, Iran first (the first look has already turned away most
 * pages). Only where a name may lie are text nodes walked to, by their lengths, and the one holding it asked whether
 * the name is whole and in article text (not a script, a form field or a sidebar link). Null when the page does not
 * name both.
 *
 * Given the first look's answer (`look`), the body's text is searched for the names as the page shows them
 * (`firstNamedAsShown`) before every name is, and a side the page shows only in its last parts is looked for first,
 * in those parts alone (`shownParts`).
 */
export async function precheckPage(document: Document, signal: Cancellation, look: FirstLook | null = null): Promise<PagePass | null> {
  const body = document.body;
  if (!body) return null;
  const names = createPrecheckOnce();
  const title = names.prepare(document.title);
  const shown = look?.shown ?? null;
  // A page the first look read the shown text of is not large (it asked).
  const nodes = shown || !isLarge(document) ? partNodes(body) : null;
  const partAt = nodes ? bodyParts(nodes) : textNodeParts(body);
  const partShowingFrom = shown && nodes ? shownParts(shown.folded.text, nodes) : null;
  const firstPartOf = (side: Side) => {
    const first = shown?.first[side];
    return first && partShowingFrom ? partShowingFrom(first.index) : 0;
  };
  /** For each side, the first of the parts that may show it (`shownParts`). */
  const fromPart = { iran: firstPartOf('iran'), russia: firstPartOf('russia') };
  /** Where each state was first named in article text (null: in the title). */
  const found: { iran?: Node | null; russia?: Node | null } = {};
  // The side shown only in the body's last parts first: a page that fails the pre-check mostly shows one side only in
  // its navigation (wikipedia-2 names Russia only in its list of languages), and that side then decides without the
  // rest of the body being read.
  const sides = fromPart.russia > fromPart.iran ? (['russia', 'iran'] as const) : (['iran', 'russia'] as const);
  for (const side of sides) {
    if (names.findName(title, side) >= 0) {
      found[side] = null;
      continue;
    }
    const first = shown?.first[side];
    const asShown = shown && first ? await runInSlices(firstNamedAsShown(body, partAt, side, names, shown.folded, first, fromPart[side]), signal) : NOT_SURE;
    if (asShown === undefined) return null;
    found[side] = asShown !== NOT_SURE ? asShown : await runInSlices(firstNamedNode(body, partAt, side, names, anywhere(names, side)), signal);
    if (found[side] === undefined) return null;
  }
  return { region: regionOf(found.iran ?? null, found.russia ?? null, body) };
}

/** Finds in a text where a name may lie, from an index on: -1 where none may. */
type Finder = (text: string, from: number) => number;

/** Every name of `side`, as the precheck's patterns find them. */
const anywhere = (names: Precheck, side: Side): Finder => (text, from) => names.findAnywhere(text, side, from);

/** One spelling of a name, in any case, as a finder; `met` tells whether it was found at all. */
function spellingFinder(spelling: string): { find: Finder; met: () => boolean } {
  const pattern = new RegExp(spelling.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  let met = false;
  return {
    find: (text, from) => {
      pattern.lastIndex = from;
      const hit = pattern.exec(text);
      met ||= hit !== null;
      return hit ? hit.index : -1;
    },
    met: () => met,
  };
}

/** The answer of `firstNamedAsShown` where the names as shown cannot decide, and every name is looked for. */
const NOT_SURE = Symbol('not sure');
/** More spellings of one side than this, shown on one page and none in article text, and every name is looked for. */
const MOST_SPELLINGS = 8;

/**
 * The first text node of the body's parts that names `side` in article text, looked for by the spellings the page
 * shows (`shown`, its text as the first look read it, and `first`, the first name of the side there), one at a time,
 * in any case; undefined when none does. Text the page hides is not read by the lens (dom/extract-blocks.ts), so a
 * name it never shows does not count; and a search for one word costs a fraction of one for every name of a side,
 * which runs each run of letters beyond Latin through patterns (wikipedia-2, whose only name of Russia is "Русский"
 * in its list of languages, a link: that list's runs). `NOT_SURE` where a spelling shown is not in the body's text
 * (the page's styles changed it), where a name is spelt with an accent written as a separate mark, and past
 * `MOST_SPELLINGS`.
 */
function* firstNamedAsShown(body: Element, partAt: PartAt, side: Side, names: Precheck, shown: FoldedText, first: Spelling, fromPart: number): Generator<void, Node | undefined | typeof NOT_SURE, void> {
  const tried = new Set<string>();
  for (let spelling: Spelling | null = first; spelling; spelling = names.spellingFrom(shown, side, spelling.index + 1)) {
    if (spelling.text === null) {
      // An accent written as a separate mark: unless the text around it names the side once composed, it names none.
      const around = shown.text.slice(Math.max(0, spelling.index - names.longest), spelling.index + names.longest + 1);
      if (names.findName(names.prepare(around), side) >= 0) return NOT_SURE;
      continue;
    }
    const key = spelling.text.toLowerCase();
    if (tried.has(key)) continue;
    if (tried.size === MOST_SPELLINGS) return NOT_SURE;
    tried.add(key);
    const finder = spellingFinder(spelling.text);
    const node = yield* firstNamedNode(body, partAt, side, names, finder.find, fromPart);
    if (node) return node;
    if (!finder.met()) return NOT_SURE;
    yield;
  }
  return undefined;
}

/**
 * The pre-check as a page's later reads ask it (new text that names a side, a re-read): the first look, then, where
 * it is not sure, the full pre-check. The first look runs in the caller's task.
 */
export async function precheckAgain(document: Document, signal: Cancellation): Promise<PagePass | null> {
  const look = firstLook(document);
  return look ? precheckPage(document, signal, look) : null;
}

/** The first look's answer where it is not sure. */
export interface FirstLook {
  /**
   * The body's text as shown (`folded.text`), with what the searches read of it (folded as far as they went, kept for
   * the full pre-check, which searches it again in a later task: folding wikipedia-2's text again took it 1.2 ms), and
   * the first name of each side it looked for there; null where it did not read it.
   */
  readonly shown: { readonly folded: FoldedText; readonly first: Partial<Record<Side, Spelling>> } | null;
}

/**
 * The common case, answered before any of the pre-check's parts are read: a page whose title does not name Iran and
 * whose text as shown holds no possible name of Iran, or none of Russia (most pages), surely fails (false). Otherwise
 * "not sure" (true), and `precheckPage` then decides over the body's whole text, part by part.
 *
 * The text as shown is the body's `innerText`: one native call, hidden text left out (menus, templates, state kept in
 * hidden elements), where reading the body's parts took one call and one DOM wrapper a part and Chromium copies
 * `textContent` at about 20 ns a character. In Chromium's profiles (10 interleaved loads, medians) this took yahoo-2,
 * which shows 17,500 of the 313,000 characters its parts hold, from 21.5 to 5.8 ms and guardian-1 from 6.5 to 6.2 ms;
 * a large page that shows both names pays it on top of the full pre-check (wikipedia-2: 30.3 to 38.5 ms). Text the
 * page hides is not read by the lens either (dom/extract-blocks.ts), so a page that names a side only there has
 * nothing to mark until it shows it. An element the page does not render gives its whole text.
 */
export function firstLook(document: Document): FirstLook | null {
  const body = document.body;
  if (!body) return null;
  const names = createPrecheckOnce();
  const title = names.prepare(document.title);
  const inTitle = (side: Side) => names.findName(title, side) >= 0;
  // A page whose title names Iran, or that is large, goes to the full pre-check, which reads the body a part at a
  // time: the shown text is one call that cannot be cut short (a 10 MB text node: 70-90 ms in Chromium, over a
  // second in Firefox), and a page whose title names Iran is likely about it.
  if (inTitle('iran') || isLarge(document)) return { shown: null };
  const text = (body as Partial<HTMLElement>).innerText ?? body.textContent ?? '';
  // Past the text the pre-check reads, the full pre-check decides, up to its limit.
  if (text.length > TEXT_LIMIT) return { shown: null };
  const folded = names.fold(text);
  const first: Partial<Record<Side, Spelling>> = {};
  const mayName = (side: Side) => (first[side] = names.spellingFrom(folded, side, 0) ?? undefined) !== undefined;
  return mayName('iran') && (inTitle('russia') || mayName('russia')) ? { shown: { folded, first } } : null;
}

/** Above this many bytes of HTML, a page's shown text is not read in one call. The corpus's largest page has 1.6 MB. */
const ENORMOUS_DOCUMENT = 4_000_000;
/** Above this many characters added by its scripts after load, the same. */
export const GROWN_LARGE = 1_000_000;

/** The characters each document's scripts added after load, as the watches counted them (`noteAddedText`). */
const addedByScripts = new WeakMap<Document, number>();

/**
 * Is the page too large to read its text, or a part's, in one call? It arrived as more HTML than
 * `ENORMOUS_DOCUMENT` (asked of the navigation's timing entry, its decoded size, which costs no reading of the page;
 * where the browser gives none, no), or its scripts have since added `GROWN_LARGE` characters or more. Such a page
 * is read a text node at a time.
 */
function isLarge(document: Document): boolean {
  if ((addedByScripts.get(document) ?? 0) >= GROWN_LARGE) return true;
  const [navigation] = performance.getEntriesByType('navigation') as Partial<PerformanceNavigationTiming>[];
  return (navigation?.decodedBodySize ?? 0) > ENORMOUS_DOCUMENT;
}

/**
 * Counts the text a batch of mutations added to `document` (added-text.ts), and gives it, up to `keep` characters
 * (null: there was more, or, with nothing to keep, the page is large already and the batch is not read). Once the
 * page's scripts have added `GROWN_LARGE` characters (a batch of very many nodes counts as that), it is read a text
 * node at a time. Text removed is not taken off: a page that adds and removes megabytes is read the careful way, which
 * costs more in all but never one long task.
 */
export function noteAddedText(document: Document, records: readonly TextMutation[], keep = 0): string | null {
  const counted = addedByScripts.get(document) ?? 0;
  if (counted >= GROWN_LARGE && keep === 0) return null;
  const added = addedText(records, keep, Math.max(keep, GROWN_LARGE - counted));
  addedByScripts.set(document, counted + added.length);
  return added.text;
}

/**
 * The pre-check as the reader asks it, handed over in its read request (main.ts): the reader shares the content
 * script's patterns, compiled once in this world, and its count of the text scripts added, instead of carrying a
 * copy of its own.
 */
export interface PagePrecheck {
  readonly again: typeof precheckAgain;
  readonly noteAddedText: typeof noteAddedText;
}

/** A part of the body read as one text: a child of it (or the body itself), and the text searched in it. */
interface Part {
  readonly node: Node;
  readonly text: string;
  /** Where the search in `text` stops: the page's text beyond `TEXT_LIMIT` is not read. */
  readonly end: number;
}

/** The body's `index`th part, read when first asked for; undefined past the last (or the text read). */
type PartAt = (index: number) => Part | undefined;

/**
 * Above this many nodes looked at for parts (the body's children, and a wrapper's), the body is read whole: reading
 * them one by one would cost more than it saves.
 */
const MANY_NODES = 1_000;

/**
 * The body's parts (`partNodes`), each read once when first asked for (Russia's search goes over the texts Iran's
 * read), in any order (a side shown only in the body's last parts is looked for there alone). A page's state is often
 * a megabyte of JSON in a script at the end of the body (yahoo-2: 780,000 of its 1,100,000 characters), and copying it
 * cost more than the whole search. Reading part by part also stops at the first child that holds both names, before
 * the rest of the page. The text read stops at `TEXT_LIMIT`, counted in the order the parts are read.
 */
function bodyParts(nodes: readonly Node[]): PartAt {
  const parts: Part[] = [];
  let budget = TEXT_LIMIT;
  return (index) => {
    const node = nodes[index];
    if (!node) return undefined;
    if (!parts[index]) {
      if (budget <= 0) return undefined;
      const text = node.textContent ?? '';
      parts[index] = { node, text, end: Math.min(text.length, budget) };
      budget -= text.length;
    }
    return parts[index];
  };
}

/** The share of the shown text, at its end, in which a side's first name lets the body's last parts be read alone. */
const TAIL_SHARE = 0.25;
/** The body's last parts asked for their shown text, at most, to place a name there. */
const TAIL_PARTS = 8;

/**
 * For an index `from` in the body's shown text (`shown`: the first look's), the index of the first of the body's last
 * parts that together show everything from there on, or 0 (all of them) where `from` is not in the shown text's last
 * quarter or those parts cannot tell. A part's own shown text (its `innerText`, trimmed) is looked for in the body's,
 * from the end: where it is last found, it starts at or after the part's place, and everything after that place is
 * shown by the part and those after it. A part the page does not render is passed by (it widens the parts, never
 * narrows them). Each part is asked once, whichever sides ask.
 */
function shownParts(shown: string, nodes: readonly Node[]): (from: number) => number {
  /** Where each part asked is last found in the shown text (-1: nowhere), or null where it shows nothing. */
  const starts = new Map<number, number | null>();
  const startOf = (index: number) => {
    if (!starts.has(index)) {
      const text = shownTextOf(nodes[index]!);
      starts.set(index, text ? shown.lastIndexOf(text) : null);
    }
    return starts.get(index)!;
  };
  return (from) => {
    if (from < shown.length * (1 - TAIL_SHARE)) return 0;
    for (let index = nodes.length - 1, asked = 0; index > 0 && asked < TAIL_PARTS; index--) {
      const at = startOf(index);
      if (at === null) continue;
      asked++;
      if (at < 0) return 0;
      if (at <= from) return index;
    }
    return 0;
  };
}

/** The text a part shows, trimmed: a text node's own, an element's `innerText`; none for an element not rendered. */
function shownTextOf(node: Node): string {
  if (node.nodeType !== 1 /* Node.ELEMENT_NODE */) return (node as CharacterData).data.trim();
  const element = node as Partial<HTMLElement> & Element;
  // An element the page does not render gives its whole text as `innerText`.
  if (element.checkVisibility && !element.checkVisibility()) return '';
  return (element.innerText ?? element.textContent ?? '').trim();
}

/**
 * The body's text nodes, each a part of its own, but those of scripts and styles: the parts of a large page (one that
 * arrived enormous, or that its scripts have grown: `isLarge`). The text of an element, read as one (`textContent`),
 * cannot be cut short, and a long text is parsed into nodes of 65,536 characters: a paragraph of 10 MB is 165 of them,
 * which `textContent` joined in 160-180 ms in Chromium. Read a node at a time, each part is a step of its own, and the
 * reading stops at the text the pre-check reads.
 */
function textNodeParts(body: Element): PartAt {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: Part[] = [];
  let budget = TEXT_LIMIT;
  return (index) => {
    while (parts.length <= index && budget > 0) {
      const node = walker.nextNode() as CharacterData | null;
      if (!node) break;
      if (node.parentElement && holdsNoProse(node.parentElement)) continue;
      const text = node.data;
      parts.push({ node, text, end: Math.min(text.length, budget) });
      budget -= text.length;
    }
    return parts[index];
  };
}

/**
 * The body's children that may hold prose, or the body alone if it has very many. A child that holds scripts or
 * styles of its own (first or last) is read a child at a time instead, so they are left out (yahoo-2: a wrapper of
 * 100,000 characters of scripts). Counted by hand, not through `childNodes`, which would set up a `NodeList` used
 * nowhere else (in Chromium's profiles, a DOM interface's first use in the content script's world costs a visible
 * fraction of a millisecond).
 */
function partNodes(body: Element): Node[] {
  const nodes: Node[] = [];
  let looked = 0;
  for (let child = body.firstChild; child; child = child.nextSibling) {
    if (++looked > MANY_NODES) return [body];
    if (!mayHoldProse(child)) continue;
    if (child.nodeType !== 1 || !holdsScripts(child as Element)) {
      nodes.push(child);
      continue;
    }
    for (let grandchild = child.firstChild; grandchild; grandchild = grandchild.nextSibling) {
      if (++looked > MANY_NODES) return [body];
      if (mayHoldProse(grandchild)) nodes.push(grandchild);
    }
  }
  return nodes;
}

/**
 * Does this element hold a script or a style as its first or last child? Two wrappers set up, not one for each
 * child: a wrapper of scripts starts with one, and an app's root often ends with its state.
 */
function holdsScripts(element: Element): boolean {
  const [first, last] = [element.firstElementChild, element.lastElementChild];
  return (first !== null && holdsNoProse(first)) || (last !== null && holdsNoProse(last));
}

/** Text, or an element whose text may be prose (comments have text too, but never any of the page's). */
const mayHoldProse = (node: Node): boolean =>
  node.nodeType === 3 /* Node.TEXT_NODE */ || (node.nodeType === 1 /* Node.ELEMENT_NODE */ && !holdsNoProse(node as Element));

/** The first text node of the body's parts (from the `fromPart`th on) that names `side` in article text, or undefined. */
function* firstNamedNode(body: Element, partAt: PartAt, side: Side, names: Precheck, find: Finder, fromPart = 0): Generator<void, Node | undefined, void> {
  for (let index = fromPart, part = partAt(index); part; part = partAt(++index)) {
    const node = yield* firstNamedNodeIn(part, body, side, names, find);
    if (node) return node;
  }
  return undefined;
}

/**
 * The first text node of this part that names `side` in article text, or undefined.
 * Each index of the part's text where a name may lie is found in it, and the walk goes to the node holding that
 * index by the nodes' lengths, without reading their texts. A node holding an accent written as a separate mark is
 * read whole, composed.
 */
function* firstNamedNodeIn(part: Part, body: Element, side: Side, names: Precheck, find: Finder): Generator<void, Node | undefined, void> {
  const { text, end } = part;
  // The walk over the part's text nodes starts at its first possible name: most parts have none.
  let walker: TreeWalker | null = null;
  let node: CharacterData | null = null;
  /** Where `node`'s data starts in `text`. */
  let start = 0;
  let visited = 0;
  let checked: Node | null = null;
  let inArticle = false;
  /** Where in `text` the search goes on: everything before is decided. */
  let from = 0;
  for (let window = 0; window < end; window += WINDOW) {
    const slice = text.slice(window, window + WINDOW + names.longest);
    for (;;) {
      const found = find(slice, Math.max(0, from - window));
      if (found < 0 || found >= WINDOW || window + found >= end) break;
      const index = window + found;
      if (!walker) {
        walker = part.node.ownerDocument!.createTreeWalker(part.node, 4 /* NodeFilter.SHOW_TEXT */);
        // A text part is its own only node: a walker rooted at it shows none.
        node = (part.node.nodeType === 3 ? part.node : walker.nextNode()) as CharacterData | null;
      }
      while (node && start + node.length <= index) {
        start += node.length;
        node = walker.nextNode() as CharacterData | null;
        if (++visited % NODES_PER_STEP === 0) yield;
      }
      if (!node) return undefined;
      if (node !== checked) [checked, inArticle] = [node, isArticleText(node, body)];
      // An accent written as a separate mark: a name may be spelt with one ("Ira\u0303o"), read once composed.
      const whole = COMBINING.test(slice[found]!);
      if (inArticle && namedIn(node.data, index - start, whole, side, names)) return node;
      // A node outside article text, or read whole, is done with; otherwise its next possible name is looked at.
      from = whole || !inArticle ? start + node.length : index + 1;
    }
    yield;
  }
  return undefined;
}

/** Is a name of `side` whole at `index` of this text (or, `whole`, anywhere in it once composed)? */
function namedIn(data: string, index: number, whole: boolean, side: Side, names: Precheck): boolean {
  if (whole) return names.findName(names.prepare(data), side) >= 0;
  const from = Math.max(0, index - 1);
  return names.findName(data.slice(from, index + names.longest + 1), side, (at) => at === index - from) >= 0;
}

/** The article both names lie in (a name in the title lies in any), or null. */
function regionOf(iran: Node | null, russia: Node | null, body: Element): Element | null {
  const iranRegion = iran && articleRegion(iran, body);
  const russiaRegion = russia && articleRegion(russia, body);
  if (iran && !iranRegion) return null;
  if (russia && !russiaRegion) return null;
  if (iranRegion && russiaRegion && iranRegion !== russiaRegion) return null;
  return iranRegion ?? russiaRegion ?? null;
}

/** Does this text name either side anywhere (new text of a page that failed the pre-check)? */
export function namesEitherSide(text: string): boolean {
  const names = createPrecheckOnce();
  const prepared = names.prepare(text);
  return names.findName(prepared, 'iran') >= 0 || names.findName(prepared, 'russia') >= 0;
}
