/**
 * Compiles the dataset's vocabulary into one Aho–Corasick automaton: every concept term,
 * every actor name, alias and match term, every literal term and every distinctive phrase
 * of the claims. A hit carries a ref key: `c:<concept>`, `a:<actor>`, `t:<folded term>`
 * or `p:<claim index>`, the same keys the claim signatures are written in.
 */
import type { Dataset } from '../dataset/schema.ts';
import { AhoCorasick, type PatternSpec, type SerializedAutomaton } from '../match/aho-corasick.ts';
import { foldTerm } from '../text/normalize.ts';

export type RefKey = string;

const CYRILLIC = /[\u0400-\u04ff]/u;
const ARABIC_SCRIPT = /[\u0600-\u06ff]/u;
const LATIN_LETTER = /^[\p{Script=Latin}\s.'-]+$/u;

/** `t:Alabug*` and a term list entry `Alabug*` both become a folded pattern with a prefix flag. */
export function termPattern(term: string): { text: string; prefix: boolean } {
  const prefix = term.endsWith('*');
  return { text: foldTerm(prefix ? term.slice(0, -1) : term), prefix };
}

export function literalRefKey(term: string): RefKey {
  const { text, prefix } = termPattern(term);
  return `t:${text}${prefix ? '*' : ''}`;
}

/**
 * The forms under which a proper name is matched. Russian declines names ("Путина", "Ирану"),
 * German adds a genitive s ("Irans"), Persian attaches suffixes ("ایرانی"): a name in those
 * scripts also matches as a prefix of its stem, so the dataset need not list every case.
 */
export function nameForms(name: string): { text: string; prefix: boolean }[] {
  const forms = [termPattern(name)];
  const folded = forms[0]!.text;
  if (forms[0]!.prefix || folded.length < 4) return forms;
  if (CYRILLIC.test(folded)) {
    const stem = /[аяьйео]$/u.test(folded) && folded.length >= 5 ? folded.slice(0, -1) : folded;
    forms.push({ text: stem, prefix: true });
  } else if (ARABIC_SCRIPT.test(folded) && !folded.includes(' ')) {
    forms.push({ text: folded, prefix: true });
  } else if (LATIN_LETTER.test(folded) && !folded.endsWith('s')) {
    forms.push({ text: `${folded}s`, prefix: false });
  }
  return forms;
}

export interface TermIndex {
  readonly automaton: AhoCorasick<RefKey>;
  /** How many patterns were compiled (for the benchmark and the options page). */
  readonly patternCount: number;
}

/**
 * The dataset's vocabulary, folded and de-duplicated: plain data, so the build can do this
 * once and ship it (folding 14,000 terms in the page would cost ~70 ms).
 */
export interface TermList {
  /** The folded terms, separated by newlines (folding turns every newline in a term into a space). */
  readonly texts: string;
  /** One character per term: "1" where the term is a prefix. */
  readonly prefix: string;
  /** Index into `refs` for each term. */
  readonly refIndex: readonly number[];
  readonly refs: readonly RefKey[];
}

/** The automaton itself, built and serialized at build time: loading it is one pass over typed arrays. */
export interface PrecompiledTerms {
  readonly automaton: SerializedAutomaton;
  readonly refs: readonly RefKey[];
}

/** What an engine can be built from: the term list (compiled in place) or the built automaton. */
export type CompiledTerms = TermList | PrecompiledTerms;

export function compileTerms(dataset: Dataset): TermList {
  const texts: string[] = [];
  const prefix: number[] = [];
  const refIndex: number[] = [];
  const refs: RefKey[] = [];
  const refIds = new Map<RefKey, number>();
  const seen = new Set<string>();
  const add = (pattern: { text: string; prefix: boolean }, ref: RefKey) => {
    if (pattern.text.length < 2) return;
    const key = `${pattern.text}\u0000${pattern.prefix}\u0000${ref}`;
    if (seen.has(key)) return;
    seen.add(key);
    let id = refIds.get(ref);
    if (id === undefined) {
      id = refs.push(ref) - 1;
      refIds.set(ref, id);
    }
    texts.push(pattern.text);
    prefix.push(pattern.prefix ? 1 : 0);
    refIndex.push(id);
  };

  for (const [conceptId, concept] of Object.entries(dataset.concepts)) {
    for (const terms of Object.values(concept)) for (const term of terms ?? []) add(termPattern(term), `c:${conceptId}`);
  }
  for (const actor of dataset.actors) {
    const names = [actor.name, ...actor.aliases, ...Object.values(actor.names).filter((name): name is string => Boolean(name))];
    for (const name of names) for (const form of nameForms(name)) add(form, `a:${actor.id}`);
    for (const term of actor.matchTerms ?? []) add(termPattern(term), `a:${actor.id}`);
  }
  dataset.claims.forEach((claim, claimIndex) => {
    for (const group of [...claim.match.all, ...claim.match.any]) {
      for (const ref of group) if (ref.startsWith('t:')) add(termPattern(ref.slice(2)), literalRefKey(ref.slice(2)));
    }
    for (const phrase of claim.match.phrases) add({ text: foldTerm(phrase), prefix: false }, `p:${claimIndex}`);
  });
  return { texts: texts.join('\n'), prefix: prefix.join(''), refIndex, refs };
}

function* patternsOf(terms: TermList): Generator<PatternSpec<RefKey>> {
  const texts = terms.texts.split('\n');
  for (let index = 0; index < texts.length; index++) {
    yield { text: texts[index]!, prefix: terms.prefix.charCodeAt(index) === 49, payload: terms.refs[terms.refIndex[index]!]! };
  }
}

export function buildTermIndex(terms: CompiledTerms): TermIndex {
  const automaton = 'automaton' in terms ? loadAutomaton(terms) : AhoCorasick.build(patternsOf(terms));
  return { automaton, patternCount: automaton.size };
}

/** Build time: the dataset's whole vocabulary as a ready automaton (about 1 MB). */
export function precompileTerms(dataset: Dataset): PrecompiledTerms {
  const terms = compileTerms(dataset);
  const refIds = new Map(terms.refs.map((ref, index) => [ref, index]));
  const automaton = AhoCorasick.build(patternsOf(terms)).serialize((ref) => refIds.get(ref)!);
  return { automaton, refs: terms.refs };
}

function loadAutomaton(terms: PrecompiledTerms): AhoCorasick<RefKey> {
  return AhoCorasick.fromSerialized(terms.automaton, terms.refs);
}
