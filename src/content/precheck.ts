/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two states' names, demonyms and
 * capitals in every language the dataset has. They are deliberately loose; the engine decides relevance properly
 * afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { createPrecheck, type Precheck, type Side } from '../core/engine/precheck-matcher.ts';
import { articleRegion, isArticleText, pageTextInSteps, type PageText } from './page-sample.ts';
import { runInSlices } from './scheduler.ts';

/** Between texts: no name runs across it, and it survives composing, so a hit's text node can be found again. */
const SEPARATOR = '\u0001';

let precheck: Precheck | null = null;
const createPrecheckOnce = () => (precheck ??= createPrecheck(precheckPatterns));

/** A chunk's texts joined as the patterns read them, and the node of each text. */
interface PreparedChunk {
  readonly text: string;
  readonly nodes: readonly Node[];
}

/** A page that passed: where to read it. */
export interface PagePass {
  /**
   * The article that names both states, when both are named inside one (the outermost `<article>`, `<main>` or its
   * role): the lens reads only it, not the whole page around it. Null: read the whole page.
   */
  readonly region: Element | null;
}

/**
 * Does the page's title and prose name both states? Read in chunks, so an article that names both early is not
 * read to the end. Iran is looked for first: most pages never name it, and for them Russia's longer pattern is never
 * even compiled. Nothing is built until the first page asks. Null when the page does not.
 */
export async function precheckPage(document: Document, signal: AbortSignal): Promise<PagePass | null> {
  const body = document.body;
  if (!body) return null;
  const names = createPrecheckOnce();
  /** Where each state was first named in article text (null: in the title). */
  const found: { iran?: Node | null; russia?: Node | null } = {};
  /** Chunks read before Iran was found, joined and prepared once: Russia may be named in them. */
  const before: PreparedChunk[] = [];
  const prepared = ({ texts, nodes }: PageText): PreparedChunk => ({ text: names.prepare(texts.join(SEPARATOR)), nodes });
  const namedIn = ({ text, nodes }: PreparedChunk, side: Side): Node | null | undefined => {
    // Which text a hit lies in: counted forward from the last hit (hits come in order).
    let cursor = { at: 0, segment: 0 };
    let named: Node | null | undefined;
    const inArticle = (index: number) => {
      if (index < cursor.at) cursor = { at: 0, segment: 0 };
      for (let next = text.indexOf(SEPARATOR, cursor.at); next >= 0 && next < index; next = text.indexOf(SEPARATOR, next + 1)) {
        cursor = { at: next + 1, segment: cursor.segment + 1 };
      }
      // The title has no node: a headline naming a side counts.
      const node = nodes[cursor.segment] ?? null;
      if (node && !isArticleText(node, body)) return false;
      named = node;
      return true;
    };
    names.findName(text, side, inArticle);
    return named;
  };
  // Chunks read before Iran was found are searched for Russia after it is, one a chunk read, so no step of the
  // walk searches them all at once (a page may have read 400,000 characters before naming Iran).
  const searchBacklog = () => {
    const earlier = before.shift();
    if (earlier && found.russia === undefined) found.russia = namedIn(earlier, 'russia');
  };
  const look = (read: PageText) => {
    const chunk = prepared(read);
    if (found.iran === undefined) {
      found.iran = namedIn(chunk, 'iran');
      if (found.iran === undefined) {
        before.push(chunk);
        return false;
      }
    } else searchBacklog();
    if (found.russia === undefined) found.russia = namedIn(chunk, 'russia');
    return found.russia !== undefined;
  };
  function* rest(): Generator<void, boolean, void> {
    while (before.length > 0 && found.iran !== undefined && found.russia === undefined) {
      searchBacklog();
      yield;
    }
    return found.russia !== undefined && found.iran !== undefined;
  }
  const passes = look({ texts: [document.title], nodes: [] }) || (await runInSlices(pageTextInSteps(body, look), signal)) || (await runInSlices(rest(), signal));
  return passes ? { region: regionOf(found.iran ?? null, found.russia ?? null, body) } : null;
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
