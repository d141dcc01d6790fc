/**
 * How many different countries a paragraph names, in any of our languages, with country
 * names from Intl.DisplayNames (no tables of our own). A paragraph naming four or more is a
 * list ("Saudi Arabia, Russia, Iran, Iraq…"), not a story about two of them.
 */
import { LANGUAGES } from '../dataset/languages.ts';
import { AhoCorasick } from '../match/aho-corasick.ts';
import { foldTerm } from './normalize.ts';

// Letter pairs A–Z give every ISO 3166-1 alpha-2 code; DisplayNames returns the code itself for unknown ones.
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

let automaton: AhoCorasick<string> | null = null;

function countryAutomaton(): AhoCorasick<string> {
  if (automaton) return automaton;
  const patterns: { text: string; prefix: boolean; payload: string }[] = [];
  for (const language of LANGUAGES) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
    } catch {
      continue;
    }
    for (const first of LETTERS) {
      for (const second of LETTERS) {
        const code = first + second;
        const name = names.of(code);
        if (!name || name === code) continue;
        // Short forms too: "Vereinigte Staaten" as well as "Vereinigte Staaten von Amerika" is fine either way.
        const folded = foldTerm(name);
        if (folded.length >= 4) patterns.push({ text: folded, prefix: false, payload: code });
      }
    }
  }
  for (const [text, code] of [['usa', 'US'], ['u.s.', 'US'], ['uae', 'AE'], ['uk', 'GB']] as const) patterns.push({ text, prefix: false, payload: code });
  automaton = AhoCorasick.build(patterns);
  return automaton;
}

/** Distinct countries named in folded text. */
export function countriesNamed(folded: string): number {
  return new Set(countryAutomaton().search(folded).map((hit) => hit.payload)).size;
}
