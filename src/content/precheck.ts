/**
 * The cheap first look: most pages never mention both countries, and for them the content script stops here,
 * before any of the page's text leaves it and before it sends any message. The stems are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two sides' names, capitals and
 * most-cited people in every language the dataset has. They are deliberately loose; the engine decides relevance
 * properly afterwards.
 */
import { precheckPatterns } from 'virtual:lens-precheck';
import { createPrecheck, type Precheck } from '../core/engine/precheck-matcher.ts';
import { isArticleText, pageTextInSteps } from './page-sample.ts';
import { runInSlices } from './scheduler.ts';

/** Between texts: no name runs across it, and it survives folding, so a hit's text node can be found again. */
const SEPARATOR = '\u0001';

let precheck: Precheck | null = null;

/** Does the page's title and prose name both sides? Nothing is built until the first page asks. */
export async function pageNamesBothSides(document: Document, signal: AbortSignal): Promise<boolean> {
  const body = document.body;
  if (!body) return false;
  const text = await runInSlices(pageTextInSteps(body), signal);
  precheck ??= createPrecheck(precheckPatterns);
  const folded = precheck.fold(`${document.title}${SEPARATOR}${text.texts.join(SEPARATOR)}`);
  // Where each text starts in the folded string, computed only if a name is found at all.
  let starts: number[] | null = null;
  const inArticle = (index: number) => {
    starts ??= separatorPositions(folded);
    const segment = upperBound(starts, index);
    // Segment 0 is the title: a headline naming a side counts.
    return segment === 0 || isArticleText(text.nodes[segment - 1]!, body);
  };
  return precheck.findName(folded, 'iran', inArticle) >= 0 && precheck.findName(folded, 'russia', inArticle) >= 0;
}

/** Does this text name either side anywhere (new text of a page that failed the pre-check)? */
export function namesEitherSide(text: string): boolean {
  precheck ??= createPrecheck(precheckPatterns);
  const folded = precheck.fold(text);
  return precheck.findName(folded, 'iran') >= 0 || precheck.findName(folded, 'russia') >= 0;
}

function separatorPositions(folded: string): number[] {
  const positions: number[] = [];
  for (let at = folded.indexOf(SEPARATOR); at >= 0; at = folded.indexOf(SEPARATOR, at + 1)) positions.push(at);
  return positions;
}

/** How many of the sorted `positions` lie before `index`. */
function upperBound(positions: readonly number[], index: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (positions[middle]! < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
