/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two sides' names, capitals and
 * most-cited people in every language the dataset has. They are deliberately loose; the engine decides relevance
 * properly afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { createPrecheck, type Precheck } from '../core/engine/precheck-matcher.ts';
import { isArticleText, pageTextInSteps, type PageText } from './page-sample.ts';
import { runInSlices } from './scheduler.ts';

/** Between texts: no name runs across it, and it survives folding, so a hit's text node can be found again. */
const SEPARATOR = '\u0001';

let precheck: Precheck | null = null;
const createPrecheckOnce = () => (precheck ??= createPrecheck(precheckPatterns));

/**
 * Does the page's title and prose name both sides? Read in chunks, so an article that names both early is not read
 * to the end. Nothing is built until the first page asks.
 */
export async function pageNamesBothSides(document: Document, signal: AbortSignal): Promise<boolean> {
  const body = document.body;
  if (!body) return false;
  const names = createPrecheckOnce();
  const found = { iran: false, russia: false };
  const look = ({ texts, nodes }: PageText) => {
    const folded = names.fold(texts.join(SEPARATOR));
    // Which text a hit lies in: counted forward from the last hit (hits come in order).
    let cursor = { at: 0, segment: 0 };
    const inArticle = (index: number) => {
      if (index < cursor.at) cursor = { at: 0, segment: 0 };
      for (let next = folded.indexOf(SEPARATOR, cursor.at); next >= 0 && next < index; next = folded.indexOf(SEPARATOR, next + 1)) {
        cursor = { at: next + 1, segment: cursor.segment + 1 };
      }
      const node = nodes[cursor.segment];
      // The title has no node: a headline naming a side counts.
      return !node || isArticleText(node, body);
    };
    found.iran ||= names.findName(folded, 'iran', inArticle) >= 0;
    found.russia ||= names.findName(folded, 'russia', inArticle) >= 0;
    return found.iran && found.russia;
  };
  if (look({ texts: [document.title], nodes: [] })) return true;
  return runInSlices(pageTextInSteps(body, look), signal);
}

/** Does this text name either side anywhere (new text of a page that failed the pre-check)? */
export function namesEitherSide(text: string): boolean {
  const names = createPrecheckOnce();
  const folded = names.fold(text);
  return names.findName(folded, 'iran') >= 0 || names.findName(folded, 'russia') >= 0;
}
