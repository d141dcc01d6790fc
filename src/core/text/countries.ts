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

const automata = new Map<string, AhoCorasick<string>>();

/** Folded country names and their codes, per language: computed at build time and shipped (Intl is slow to start). */
export type CountryNameTable = Readonly<Record<string, readonly (readonly [name: string, code: string])[]>>;

let precomputed: CountryNameTable | null = null;

/** Use names computed at build time instead of asking Intl.DisplayNames at the first scan. */
export function useCountryNames(table: CountryNameTable): void {
  precomputed = table;
  automata.clear();
}

export function computeCountryNames(language: string): [name: string, code: string][] {
  const found: [string, string][] = [];
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' });
  } catch {
    return found;
  }
  for (const first of LETTERS) {
    for (const second of LETTERS) {
      const code = first + second;
      const name = names.of(code);
      if (!name || name === code) continue;
      // Short forms too: "Vereinigte Staaten" as well as "Vereinigte Staaten von Amerika" is fine either way.
      const folded = foldTerm(name);
      if (folded.length >= 4) found.push([folded, code]);
    }
  }
  return found;
}

/** Names in the page's language and English (built per language on first use, ~1,300 look-ups). */
function countryAutomaton(language: string): AhoCorasick<string> {
  const key = (LANGUAGES as readonly string[]).includes(language) ? language : 'en';
  const cached = automata.get(key);
  if (cached) return cached;
  const patterns: { text: string; prefix: boolean; payload: string }[] = [];
  for (const language of new Set([key, 'en'])) {
    for (const [text, code] of precomputed?.[language] ?? computeCountryNames(language)) patterns.push({ text, prefix: false, payload: code });
  }
  for (const [text, code] of [['usa', 'US'], ['u.s.', 'US'], ['uae', 'AE'], ['uk', 'GB']] as const) patterns.push({ text, prefix: false, payload: code });
  const automaton = AhoCorasick.build(patterns);
  automata.set(key, automaton);
  return automaton;
}

/** Distinct countries named in folded text written in `language`. */
export function countriesNamed(folded: string, language: string): number {
  return new Set(countryAutomaton(language).search(folded).map((hit) => hit.payload)).size;
}
