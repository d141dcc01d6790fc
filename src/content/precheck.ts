/**
 * The cheap first look: most pages never mention both countries, and for them the content
 * script stops here, before the dataset is even parsed. The patterns are generated at build time
 * from the engine's own vocabulary (src/core/engine/precheck-patterns.ts): the two sides' names,
 * capitals and most-cited people in every language the dataset has, accents and case endings
 * included. They are deliberately loose; the engine decides relevance properly afterwards.
 */
import { iranPattern, russiaPattern } from 'virtual:lens-precheck';

/** Looks at most this much text: enough for any article, cheap on a 1.6 MB page. */
const SAMPLE_LIMIT = 400_000;

let patterns: { russia: RegExp; iran: RegExp } | null = null;

/** Does this text name both sides? Compiled on first use: nothing is built when the script loads. */
export function namesBothSides(text: string): boolean {
  patterns ??= { russia: new RegExp(russiaPattern, 'iu'), iran: new RegExp(iranPattern, 'iu') };
  return patterns.iran.test(text) && patterns.russia.test(text);
}

export function mayCoverRussiaIran(document: Document): boolean {
  return namesBothSides(`${document.title} ${(document.body?.textContent ?? '').slice(0, SAMPLE_LIMIT)}`);
}
