/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two states' names, demonyms and
 * capitals in every language the dataset has. They are deliberately loose; the engine decides relevance properly
 * afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { createPrecheck, type Precheck, type Side } from '../core/engine/precheck-matcher.ts';
import { isArticleText, pageTextInSteps, type PageText } from './page-sample.ts';
import { runInSlices } from './scheduler.ts';

/** Between texts: no name runs across it, and it survives composing, so a hit's text node can be found again. */
const SEPARATOR = '\u0001';

let precheck: Precheck | null = null;
const createPrecheckOnce = () => (precheck ??= createPrecheck(precheckPatterns));

/**
 * Does the page's title and prose name both states? Read in chunks, so an article that names both early is not
 * read to the end. Iran is looked for first: most pages never name it, and for them Russia's longer pattern is never
 * even compiled. Nothing is built until the first page asks.
 */
export async function pageNamesBothSides(document: Document, signal: AbortSignal): Promise<boolean> {
  const body = document.body;
  if (!body) return false;
  const names = createPrecheckOnce();
  const found = { iran: false, russia: false };
  /** Chunks read before Iran was found: Russia may be named in them. */
  const before: PageText[] = [];
  const namesIn = ({ texts, nodes }: PageText, side: Side) => {
    const text = names.prepare(texts.join(SEPARATOR));
    // Which text a hit lies in: counted forward from the last hit (hits come in order).
    let cursor = { at: 0, segment: 0 };
    const inArticle = (index: number) => {
      if (index < cursor.at) cursor = { at: 0, segment: 0 };
      for (let next = text.indexOf(SEPARATOR, cursor.at); next >= 0 && next < index; next = text.indexOf(SEPARATOR, next + 1)) {
        cursor = { at: next + 1, segment: cursor.segment + 1 };
      }
      const node = nodes[cursor.segment];
      // The title has no node: a headline naming a side counts.
      return !node || isArticleText(node, body);
    };
    return names.findName(text, side, inArticle) >= 0;
  };
  const look = (chunk: PageText) => {
    if (!found.iran) {
      found.iran = namesIn(chunk, 'iran');
      if (!found.iran) {
        before.push(chunk);
        return false;
      }
      found.russia = before.some((earlier) => namesIn(earlier, 'russia'));
      before.length = 0;
    }
    found.russia ||= namesIn(chunk, 'russia');
    return found.russia;
  };
  if (look({ texts: [document.title], nodes: [] })) return true;
  return runInSlices(pageTextInSteps(body, look), signal);
}

/** Does this text name either side anywhere (new text of a page that failed the pre-check)? */
export function namesEitherSide(text: string): boolean {
  const names = createPrecheckOnce();
  const prepared = names.prepare(text);
  return names.findName(prepared, 'iran') >= 0 || names.findName(prepared, 'russia') >= 0;
}
