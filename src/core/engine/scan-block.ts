/**
 * Reads one block of page text (a paragraph, heading, list item…) in a single pass:
 * folds it, runs the automaton, finds amounts and dates, splits sentences and matches
 * claims. Blocks are independent, so a page can be read in slices and a changed paragraph
 * re-read alone.
 */
import { findDates } from '../dates/extract-dates.ts';
import { findAmounts, type Amount } from '../match/amounts.ts';
import type { PatternHit } from '../match/aho-corasick.ts';
import { countriesNamed } from '../text/countries.ts';
import { foldText, sourceSpan, type FoldedText } from '../text/normalize.ts';
import { sentenceSpans, type Span } from '../text/sentences.ts';
import { matchesAtWordStart } from '../text/word-start.ts';
import { evaluateSignature, PHRASE_CONFIDENCE, signatureConfidence, type ClaimSignatures, type WindowEvidence } from './claim-signatures.ts';
import type { RefKey, TermIndex } from './term-index.ts';

export interface BlockClaimMatch {
  readonly claimIndex: number;
  /** Offsets in the block's source text (UTF-16, as the DOM counts). */
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly viaPhrase: boolean;
}

export interface BlockMention {
  readonly key: RefKey;
  readonly start: number;
  readonly end: number;
}

export interface BlockDate {
  readonly start: number;
  readonly end: number;
  readonly date: string | null;
  readonly relative?: { readonly weekday: number } | { readonly daysBefore: number };
  /** `MM-DD` of a day named without its year. */
  readonly monthDay?: string;
}

/** One sentence's evidence: what the page-level reading weighs (see page-highlights.ts). */
export interface SentenceScan {
  readonly span: Span;
  readonly refs: readonly RefKey[];
  readonly amounts: number;
  /** Years the sentence names, in full dates or alone ("in 2023"). */
  readonly years: readonly number[];
  /** Days of the year (`MM-DD`) the sentence names, with or without their year ("May 17", "17 May 2023"). */
  readonly days: readonly string[];
}

export interface BlockScan {
  readonly length: number;
  /** Every sentence of a block that names anything we know (empty for blocks that name nothing). */
  readonly sentences: readonly SentenceScan[];
  /** Actor mentions (longest, non-overlapping) in source offsets. */
  readonly actorMentions: readonly BlockMention[];
  /** Every ref key found anywhere in the block. */
  readonly refs: ReadonlySet<RefKey>;
  /** Distinct countries named (counted only in blocks naming two or more actors). */
  readonly countries: number;
  /** Every claim a sentence (or two short ones) satisfies, unranked: the page, which knows its date, ranks them. */
  readonly claimMatches: readonly BlockClaimMatch[];
  readonly dates: readonly BlockDate[];
  /** The first sentences' evidence, so names from the previous paragraph can complete them. */
  readonly leadSentences: readonly LeadSentence[];
  /** Names in the last sentences, which the next paragraph may refer back to ("the plant", "he"). */
  readonly tailRefs: readonly RefKey[];
}

export interface LeadSentence {
  readonly span: Span;
  readonly refs: readonly RefKey[];
  readonly amounts: readonly Amount[];
  readonly matched: readonly number[];
}

export interface ScanContext {
  readonly terms: TermIndex;
  readonly signatures: ClaimSignatures;
  readonly language: string;
}

/** Two short sentences may state one claim together ("Iran denies it. Russia uses the drones."). */
const PAIR_MAX_LENGTH = 320;
/** How many earlier sentences of the same paragraph may lend a missing name ("the plant", "he"). */
const CARRY_OVER_SENTENCES = 2;
const CARRY_OVER_FACTOR = 0.85;

interface SentenceEvidence extends WindowEvidence {
  readonly span: Span;
  readonly phrases: ReadonlySet<number>;
}

function sentenceIndexAt(spans: readonly Span[], offset: number): number {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spans[middle]!;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return middle;
  }
  return -1;
}

/** Longest non-overlapping actor hits: "Ali Khamenei" counts once, not also as "Khamenei". */
function actorMentionsOf(hits: readonly { key: RefKey; start: number; end: number }[]): BlockMention[] {
  const actors = hits.filter((hit) => hit.key.startsWith('a:')).sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: BlockMention[] = [];
  for (const hit of actors) {
    const last = kept[kept.length - 1];
    if (last && hit.start < last.end) continue;
    kept.push(hit);
  }
  return kept;
}

export function scanBlock(text: string, context: ScanContext): BlockScan {
  const folded = foldText(text);
  const rawHits: PatternHit<RefKey>[] = context.terms.automaton.search(folded.text);
  const hits = rawHits.map((hit) => {
    const [start, end] = sourceSpan(folded, hit.start, hit.end);
    return { key: hit.payload, start, end };
  });
  const amounts: (Amount & { sourceStart: number })[] = findAmounts(folded.text).map((amount) => ({
    ...amount,
    sourceStart: sourceSpan(folded, amount.start, amount.end)[0],
  }));
  const dates: BlockDate[] = findDates(folded.text).map((mention) => {
    const [start, end] = sourceSpan(folded, mention.start, mention.end);
    return { start, end, date: mention.date, ...(mention.relative ? { relative: mention.relative } : {}), ...(mention.monthDay ? { monthDay: mention.monthDay } : {}) };
  });

  const refs = new Set(hits.map((hit) => hit.key));
  const { matches: claimMatches, sentences } = refs.size > 0 ? matchClaims(text, hits, amounts, context) : { matches: [], sentences: [] };
  const years = yearsNamed(folded, dates);
  const actorRefs = [...refs].filter((ref) => ref.startsWith('a:')).length;
  const countries = actorRefs >= 2 ? countriesNamed(folded.text, context.language) : 0;
  const leadSentences = sentences.slice(0, CARRY_OVER_SENTENCES).map((sentence) => ({
    span: sentence.span,
    refs: [...sentence.refs],
    amounts: sentence.amounts,
    matched: claimMatches.filter((match) => match.start <= sentence.span[0] && match.end >= sentence.span[1]).map((match) => match.claimIndex),
  }));
  const tail = sentences.length > 0 ? carriedRefs(sentences, sentences.length) : new Set([...refs].filter(isCarriable));
  const sentenceScans = sentences.map((sentence) => ({
    span: sentence.span,
    refs: [...sentence.refs],
    amounts: sentence.amounts.length,
    years: years.filter((year) => year.start >= sentence.span[0] && year.start < sentence.span[1]).map((year) => year.year),
    days: dates.filter((date) => date.start >= sentence.span[0] && date.start < sentence.span[1]).flatMap(dayOf),
  }));
  return { length: text.length, sentences: sentenceScans, actorMentions: actorMentionsOf(hits), refs, countries, claimMatches, dates, leadSentences, tailRefs: [...tail] };
}

/** The `MM-DD` a date mention names, if it names a day. */
const dayOf = (date: BlockDate): string[] => (date.monthDay ? [date.monthDay] : date.date?.length === 10 ? [date.date.slice(5)] : []);

/** A year alone; that it starts a word is checked on each match (`matchesAtWordStart`). */
const BARE_YEAR = /(19[89]\d|20[0-4]\d|13[6-9]\d|140\d)(?![\p{L}\p{N}])/gu;

/**
 * Years named in the block (source offsets): in full dates, and alone ("in 2023", "2023-yilda"). A Solar Hijri
 * year ("۱۴۰۱", folded to 1401) spans parts of two Gregorian years, and stands for both.
 */
function yearsNamed(folded: FoldedText, dates: readonly BlockDate[]): { start: number; year: number }[] {
  const years = dates.filter((date) => date.date).map((date) => ({ start: date.start, year: Number(date.date!.slice(0, 4)) }));
  for (const match of matchesAtWordStart(folded.text, BARE_YEAR)) {
    const start = sourceSpan(folded, match.index, match.index + 4)[0];
    const year = Number(match[1]);
    if (year >= 1900) years.push({ start, year });
    else years.push({ start, year: year + 621 }, { start, year: year + 622 });
  }
  return years;
}

function matchClaims(
  text: string,
  hits: readonly { key: RefKey; start: number; end: number }[],
  amounts: readonly (Amount & { sourceStart: number })[],
  context: ScanContext,
): { matches: BlockClaimMatch[]; sentences: SentenceEvidence[] } {
  const spans = sentenceSpans(text, context.language);
  const sentences: SentenceEvidence[] = spans.map((span) => ({ span, refs: new Set<RefKey>(), amounts: [], phrases: new Set<number>() }));
  for (const hit of hits) {
    const sentence = sentences[sentenceIndexAt(spans, hit.start)];
    if (!sentence) continue;
    (sentence.refs as Set<RefKey>).add(hit.key);
    if (hit.key.startsWith('p:')) (sentence.phrases as Set<number>).add(Number(hit.key.slice(2)));
  }
  for (const amount of amounts) {
    const sentence = sentences[sentenceIndexAt(spans, amount.sourceStart)];
    if (sentence) (sentence.amounts as Amount[]).push(amount);
  }

  const matches: BlockClaimMatch[] = [];
  const matchedInSentence = sentences.map(() => new Set<number>());
  sentences.forEach((sentence, index) => {
    const found = new Map<number, BlockClaimMatch>();
    for (const claimIndex of sentence.phrases) {
      found.set(claimIndex, { claimIndex, start: sentence.span[0], end: sentence.span[1], confidence: PHRASE_CONFIDENCE, viaPhrase: true });
    }
    const carried = carriedRefs(sentences, index);
    for (const claimIndex of candidatesOf(sentence, context.signatures)) {
      if (found.has(claimIndex)) continue;
      const compiled = context.signatures.claims[claimIndex]!;
      const length = sentence.span[1] - sentence.span[0];
      const result = evaluateSignature(compiled, sentence);
      if (result.satisfied) {
        found.set(claimIndex, { claimIndex, start: sentence.span[0], end: sentence.span[1], confidence: signatureConfidence(compiled, result, length, false), viaPhrase: false });
        continue;
      }
      // Journalists name the subject once and then write "the plant" or "he": one missing
      // required group may come from the sentences just before, if this one carries the rest.
      if (carried.size === 0 || compiled.all.length < 3 || result.allPresent < compiled.all.length - 1) continue;
      const withContext = evaluateSignature(compiled, { refs: new Set([...sentence.refs, ...carried]), amounts: sentence.amounts });
      if (!withContext.satisfied) continue;
      const confidence = Math.round(signatureConfidence(compiled, withContext, length, false) * CARRY_OVER_FACTOR * 100) / 100;
      found.set(claimIndex, { claimIndex, start: sentence.span[0], end: sentence.span[1], confidence, viaPhrase: false });
    }
    for (const match of found.values()) matchedInSentence[index]!.add(match.claimIndex);
    matches.push(...found.values());
  });

  // A claim spread over two short adjacent sentences, each carrying part of the signature.
  for (let index = 0; index + 1 < sentences.length; index++) {
    const first = sentences[index]!;
    const second = sentences[index + 1]!;
    if (second.span[1] - first.span[0] > PAIR_MAX_LENGTH) continue;
    const evidence: WindowEvidence = { refs: new Set([...first.refs, ...second.refs]), amounts: [...first.amounts, ...second.amounts] };
    for (const claimIndex of candidatesOf(evidence, context.signatures)) {
      if (matchedInSentence[index]!.has(claimIndex) || matchedInSentence[index + 1]!.has(claimIndex)) continue;
      const compiled = context.signatures.claims[claimIndex]!;
      const result = evaluateSignature(compiled, evidence);
      if (!result.satisfied) continue;
      // Each sentence must carry part of the claim, or this is one sentence's match with a neighbour.
      if (evaluateSignature(compiled, first).allPresent === 0 || evaluateSignature(compiled, second).allPresent === 0) continue;
      const confidence = signatureConfidence(compiled, result, second.span[1] - first.span[0], true);
      matches.push({ claimIndex, start: first.span[0], end: second.span[1], confidence, viaPhrase: false });
      matchedInSentence[index]!.add(claimIndex);
      matchedInSentence[index + 1]!.add(claimIndex);
    }
  }
  return { matches: matches.sort((a, b) => a.start - b.start || b.confidence - a.confidence), sentences };
}

/** Names (actors, literal proper nouns) from the few sentences before `index` in the same block. */
function carriedRefs(sentences: readonly SentenceEvidence[], index: number): Set<RefKey> {
  const carried = new Set<RefKey>();
  for (let previous = Math.max(0, index - CARRY_OVER_SENTENCES); previous < index; previous++) {
    for (const ref of sentences[previous]!.refs) if (isCarriable(ref)) carried.add(ref);
  }
  return carried;
}

const isCarriable = (ref: RefKey) => ref.startsWith('a:') || ref.startsWith('c:') || ref.startsWith('t:');

/**
 * Claims in a paragraph's first sentences completed by one name from the end of the paragraph
 * before ("Rosatom finished Bushehr in 2010. ¶ The plant was connected to the grid in 2011.").
 * The same rule as inside a paragraph: all but one required group in the sentence itself; and
 * only specific names may be lent (`carriable`): a country is named too often to lend across a break.
 */
export function matchAcrossParagraphs(previous: BlockScan, current: BlockScan, signatures: ClaimSignatures, carriable: (ref: RefKey) => boolean): BlockClaimMatch[] {
  const lent = previous.tailRefs.filter(carriable);
  if (lent.length === 0) return [];
  const matches: BlockClaimMatch[] = [];
  for (const sentence of current.leadSentences) {
    const own: WindowEvidence = { refs: new Set(sentence.refs), amounts: sentence.amounts };
    const carried: WindowEvidence = { refs: new Set([...sentence.refs, ...lent]), amounts: sentence.amounts };
    for (const claimIndex of candidatesOf(own, signatures)) {
      if (sentence.matched.includes(claimIndex)) continue;
      const compiled = signatures.claims[claimIndex]!;
      if (compiled.all.length < 3) continue;
      const alone = evaluateSignature(compiled, own);
      if (alone.satisfied || alone.allPresent < compiled.all.length - 1) continue;
      const result = evaluateSignature(compiled, carried);
      if (!result.satisfied) continue;
      const length = sentence.span[1] - sentence.span[0];
      const confidence = Math.round(signatureConfidence(compiled, result, length, false) * CARRY_OVER_FACTOR * 100) / 100;
      matches.push({ claimIndex, start: sentence.span[0], end: sentence.span[1], confidence, viaPhrase: false });
    }
  }
  return matches;
}

function candidatesOf(evidence: WindowEvidence, signatures: ClaimSignatures): Set<number> {
  const candidates = new Set<number>();
  for (const ref of evidence.refs) for (const claimIndex of signatures.candidatesByRef.get(ref) ?? []) candidates.add(claimIndex);
  if (evidence.amounts.length > 0) for (const claimIndex of signatures.amountClaims) candidates.add(claimIndex);
  return candidates;
}
