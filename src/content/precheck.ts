/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two states' names, demonyms and
 * capitals in every language the dataset has. They are deliberately loose; the engine decides relevance properly
 * afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { COMBINING, createPrecheck, type Precheck, type Side } from '../core/engine/precheck-matcher.ts';
import { articleRegion, isArticleText } from './article-text.ts';
import { runInSlices } from './scheduler.ts';

let precheck: Precheck | null = null;
const createPrecheckOnce = () => (precheck ??= createPrecheck(precheckPatterns));

/** Text searched at a time: one step of the search, between two chances to yield. */
const WINDOW = 100_000;
/** Enough for any article, scripts included; keeps a 10 MB page cheap. */
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
 * Does the page's title and prose name both states? The body's text is taken in one native call (`textContent`,
 * cheaper than visiting each text node from script) and searched for each side's names, Iran first: most pages never
 * name it, and for them that is all. Only where a name may lie are text nodes walked to, by their lengths, and the
 * one holding it asked whether the name is whole and in article text (not a script, a form field or a sidebar link).
 * Null when the page does not name both.
 */
export async function precheckPage(document: Document, signal: AbortSignal): Promise<PagePass | null> {
  const body = document.body;
  if (!body) return null;
  const names = createPrecheckOnce();
  const title = names.prepare(document.title);
  const text = body.textContent ?? '';
  /** Where each state was first named in article text (null: in the title). */
  const found: { iran?: Node | null; russia?: Node | null } = {};
  for (const side of ['iran', 'russia'] as const) {
    found[side] = names.findName(title, side) >= 0 ? null : await runInSlices(firstNamedNode(body, text, side, names), signal);
    if (found[side] === undefined) return null;
  }
  return { region: regionOf(found.iran ?? null, found.russia ?? null, body) };
}

/** An accent written as a separate mark: a name may be spelt with one ("Ira\u0303o"), which the patterns read composed. */
const MARK = new RegExp(COMBINING.source, 'g');

/**
 * The first text node of `body` that names `side` in article text, or undefined. `text` is the body's text: each
 * index where a name may lie is found in it, and the walk goes to the node holding that index by the nodes' lengths,
 * without reading their texts. A node holding an accent written as a separate mark is read whole, composed.
 */
function* firstNamedNode(body: Element, text: string, side: Side, names: Precheck): Generator<void, Node | undefined, void> {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  let node = walker.nextNode() as CharacterData | null;
  let start = 0;
  let visited = 0;
  let checked: Node | null = null;
  let inArticle = false;
  const end = Math.min(text.length, TEXT_LIMIT);
  /** Where in `text` the search goes on: everything before is decided. */
  let from = 0;
  for (let window = 0; window < end; window += WINDOW) {
    const slice = text.slice(window, window + WINDOW + names.longest);
    const nextMark = (at: number) => ((MARK.lastIndex = at), MARK.exec(slice)?.index ?? -1);
    for (;;) {
      const at = Math.max(0, from - window);
      const [name, mark] = [names.findAnywhere(slice, side, at), nextMark(at)];
      const found = mark < 0 || (name >= 0 && name < mark) ? name : mark;
      if (found < 0 || found >= WINDOW || window + found >= end) break;
      const index = window + found;
      while (node && start + node.length <= index) {
        start += node.length;
        node = walker.nextNode() as CharacterData | null;
        if (++visited % NODES_PER_STEP === 0) yield;
      }
      if (!node) return undefined;
      if (node !== checked) [checked, inArticle] = [node, isArticleText(node, body)];
      const whole = found === mark;
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
