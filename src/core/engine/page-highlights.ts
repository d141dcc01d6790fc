/**
 * Which sentences of a page to mark, and as what. Three tiers, from most to least specific:
 *   claim     the sentence states a dataset claim (its signature is satisfied, see claim-signatures.ts);
 *   event     it says something about a dataset event (enough of the event's own vocabulary, an actor of
 *             each side or the event the page is about) without stating one of its claims;
 *   detected  it reports dealings between the two sides (both named, or one named and the other carried from
 *             the sentences before, with a relation word) that the dataset does not hold; the card says so.
 * Evidence is weighed, not required group by group, and the page's time bounds what a sentence can be
 * about (page-time.ts). Everything here is page-level: block scans are independent and cacheable, the
 * choices that need the whole page (its date, its main events, names carried between paragraphs) are here.
 */
import type { Dataset } from '../dataset/schema.ts';
import type { ClaimSignatures } from './claim-signatures.ts';
import { namesIn, SIDE_REFS, type EventIndex, type EventProfile, type WeightedGroup } from './event-index.ts';
import { dayNumber, timeCompatible, timeDistance, type PageTime, type TimedItem } from './page-time.ts';
import { RELATION_CONCEPTS, sidesIn, type Side, type SideIndex } from './relevance.ts';
import { matchAcrossParagraphs, type BlockClaimMatch, type BlockScan, type SentenceScan } from './scan-block.ts';
import type { RefKey } from './term-index.ts';

export type HighlightTier = 'claim' | 'event' | 'detected';

/** One marked span, as the engine reports it (offsets are the block's; the page adds its own). */
export interface SpanHighlight {
  readonly tier: HighlightTier;
  /** The dataset claim (tier `claim` only). */
  readonly claimIndex?: number;
  /** Events the sentence is about: the claim's events, or the one event mentioned. Empty for `detected`. */
  readonly eventIndexes: readonly number[];
  /** For `detected`: the dataset events nearest in vocabulary and time (never credited as what it is about). */
  readonly nearEventIndexes: readonly number[];
  /** What counted, as ref keys (actors, concepts, literal names) and `y:<year>` for named years. */
  readonly evidence: readonly string[];
  readonly confidence: number;
  readonly blockIndex: number;
  readonly start: number;
  readonly end: number;
}

export interface HighlightContext {
  readonly dataset: Dataset;
  readonly signatures: ClaimSignatures;
  readonly events: EventIndex;
  readonly sides: SideIndex;
  readonly time: PageTime;
  readonly minConfidence: number;
}

export interface ContentBlock {
  readonly index: number;
  readonly scan: BlockScan;
}

/** A person may be in the news this long before their first office (days). */
const TENURE_SLACK_DAYS = 365;
/** Added to an event's score when the sentence or its paragraph names the event's day. */
const DAY_BONUS = 1;
/** A report may be dated the day after the event (time zones, next-day datelines). */
const DAY_SLACK = 1;

/** An event longer than this has no day a text would name it by (a plant's years of start-up). */
const DATED_EVENT_MAX_DAYS = 45;

/** Does `MM-DD` fall on the event's days (in any of its years), give or take a day? */
function namesDayOf(monthDay: string, event: EventProfile): boolean {
  if (event.endDay - event.day > DATED_EVENT_MAX_DAYS) return false;
  const lastYear = new Date(event.endDay * 86_400_000).getUTCFullYear();
  for (let year = event.year; year <= lastYear; year++) {
    const day = dayNumber(`${year}-${monthDay}`);
    if (day >= event.day - DAY_SLACK && day <= event.endDay + DAY_SLACK) return true;
  }
  return false;
}

/** A person stays in the news this long after leaving their last office: obituaries, reactions (days). */
const AFTER_OFFICE_SLACK_DAYS = 120;
/** A second claim on one sentence must be about the same period as the first (days). */
const SAME_SENTENCE_MAX_DAYS_APART = 400;
/** At most this many claims are attached to one sentence. */
const CLAIMS_PER_SENTENCE = 2;
/** Sentences before this one (in its paragraph, or the end of the one before) that lend names. */
const CARRY_SENTENCES = 2;
/**
 * Evidence an event needs from a sentence (weights of its claims' groups, see scoreEvents): least when the
 * sentence names both sides, more when one comes from the sentences before, most when it names one or neither.
 */
const BOTH_SIDES_EVENT_SCORE = 2;
const CARRIED_SIDE_EVENT_SCORE = 4;
const ONE_SIDE_EVENT_SCORE = 5;
/** Words that stand for the two sides together ("the two countries", "обе стороны", "دو کشور"): see the lexicon. */
const BOTH_SIDES_ANAPHOR: RefKey = 'c:both-sides';
/** A claim found counts this much towards its events being what the page is about (a sentence's best event counts its score). */
const PAGE_CLAIM_WEIGHT = 3;
/** Added to an event's score in proportion to how much of the page is about it. */
const PAGE_TOPIC_BONUS = 1.2;
/** An event with this share of the page's topic weight (the top one has 1) is one the page is about. */
const MAIN_TOPIC_SHARE = 0.5;
/** Fewer words than this is a label, a heading fragment or a caption credit, not a claim. */
const MIN_WORDS = 6;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/u;

export interface SentenceView {
  readonly blockIndex: number;
  readonly scan: SentenceScan;
  readonly refs: ReadonlySet<RefKey>;
  /** Names from the sentences just before (not this one's own). */
  readonly carried: ReadonlySet<RefKey>;
  readonly sides: ReadonlySet<Side>;
  readonly carriedSides: ReadonlySet<Side>;
  /** Years named in the sentence or anywhere in its paragraph. */
  readonly years: ReadonlySet<number>;
  /** Days of the year (`MM-DD`) named in the sentence or its paragraph. */
  readonly days: ReadonlySet<string>;
}

/**
 * Names a later sentence may lean on: actors, literal names, and the concepts that are names (Bushehr, Rasht,
 * Khayyam: "the plant", "the line" in the next sentence mean them), not relation words.
 */
const carriable = (events: EventIndex) => (ref: RefKey) => ref.startsWith('a:') || ref.startsWith('t:') || SIDE_REFS.has(ref) || events.nameRefs.has(ref);

function sentenceViews(content: readonly ContentBlock[], sides: SideIndex, events: EventIndex): SentenceView[] {
  const isName = carriable(events);
  const views: SentenceView[] = [];
  let recent: RefKey[][] = [];
  let previousIndex = -2;
  for (const { index, scan } of content) {
    // Names carry into the next paragraph only when nothing stood between the two.
    if (index !== previousIndex + 1) recent = [];
    previousIndex = index;
    const paragraphYears = new Set(scan.sentences.flatMap((sentence) => sentence.years));
    const paragraphDays = scan.sentences.flatMap((sentence) => sentence.days);
    if (scan.sentences.length === 0) recent = [];
    for (const sentence of scan.sentences) {
      const refs = new Set(sentence.refs);
      const carried = new Set<RefKey>();
      for (const earlier of recent) for (const ref of earlier) if (!refs.has(ref)) carried.add(ref);
      views.push({
        blockIndex: index,
        scan: sentence,
        refs,
        carried,
        sides: sidesIn(refs, sides),
        carriedSides: sidesIn(carried, sides),
        years: new Set([...sentence.years, ...paragraphYears]),
        days: new Set(paragraphDays),
      });
      recent = [...recent.slice(1 - CARRY_SENTENCES), sentence.refs.filter(isName)];
    }
  }
  return views;
}

const spanKey = (blockIndex: number, start: number, end: number) => `${blockIndex}:${start}:${end}`;

function claimTime(context: HighlightContext, claimIndex: number): TimedItem {
  const date = context.dataset.claims[claimIndex]!.date;
  const day = dayNumber(date);
  const endDay = date.length === 4 ? day + 364 : date.length === 7 ? day + 30 : day;
  return { day, endDay, year: Number(date.slice(0, 4)) };
}

/**
 * Tier 1: the claims each sentence satisfies, time-checked and ranked: the most confident (ties go to the claim
 * nearest the page's time), and a second only if it is about the same period.
 */
function claimHighlights(content: readonly ContentBlock[], views: readonly SentenceView[], context: HighlightContext, lendable: (ref: RefKey) => boolean): SpanHighlight[] {
  const yearsAt = new Map<string, ReadonlySet<number>>();
  const amountsAt = new Map<string, number>();
  for (const view of views) {
    const key = spanKey(view.blockIndex, view.scan.span[0], view.scan.span[1]);
    yearsAt.set(key, view.years);
    amountsAt.set(key, view.scan.amounts);
  }
  const bySpan = new Map<string, { blockIndex: number; matches: BlockClaimMatch[] }>();
  content.forEach(({ index, scan }, position) => {
    const previous = content[position - 1];
    // Only the paragraph just before counts, and only if nothing else stood between them.
    const across = previous && previous.index === index - 1 ? matchAcrossParagraphs(previous.scan, scan, context.signatures, lendable) : [];
    for (const match of [...scan.claimMatches, ...across]) {
      if (match.confidence < context.minConfidence) continue;
      const key = spanKey(index, match.start, match.end);
      (bySpan.get(key) ?? bySpan.set(key, { blockIndex: index, matches: [] }).get(key)!).matches.push(match);
    }
  });

  const highlights: SpanHighlight[] = [];
  for (const [key, { blockIndex, matches }] of bySpan) {
    const years = yearsAt.get(key) ?? new Set<number>();
    // A quote or an amount identifies the claim itself, whenever the page was written; anything else must fit its time.
    const amounts = amountsAt.get(key) ?? 0;
    const hasAmount = (groups: readonly (readonly unknown[])[]) => groups.some((group) => group.some((ref) => typeof ref !== 'string'));
    const specific = (match: BlockClaimMatch) => {
      const compiled = context.signatures.claims[match.claimIndex]!;
      return match.viaPhrase || (amounts > 0 && (hasAmount(compiled.all) || hasAmount(compiled.any)));
    };
    const timely = matches.filter((match) => specific(match) || timeCompatible(context.time, claimTime(context, match.claimIndex), years));
    const distance = (match: BlockClaimMatch) => timeDistance(context.time, claimTime(context, match.claimIndex));
    const ranked = [...new Map(timely.map((match) => [match.claimIndex, match])).values()].sort((a, b) => b.confidence - a.confidence || distance(a) - distance(b));
    const first = ranked[0];
    if (!first) continue;
    const firstDay = claimTime(context, first.claimIndex).day;
    for (const match of ranked.slice(0, CLAIMS_PER_SENTENCE)) {
      if (match !== first && Math.abs(claimTime(context, match.claimIndex).day - firstDay) > SAME_SENTENCE_MAX_DAYS_APART) continue;
      const claim = context.dataset.claims[match.claimIndex]!;
      highlights.push({
        tier: 'claim',
        claimIndex: match.claimIndex,
        eventIndexes: claim.eventIds.map((id) => context.events.eventIndexById.get(id)).filter((index): index is number => index !== undefined),
        nearEventIndexes: [],
        evidence: match.viaPhrase ? ['phrase'] : [],
        confidence: match.confidence,
        blockIndex,
        start: match.start,
        end: match.end,
      });
    }
  }
  return highlights;
}

export interface EventScore {
  readonly index: number;
  readonly score: number;
  /** Whether the sentence itself names something specific to the event (a name, not only its vocabulary). */
  readonly named: boolean;
  readonly ownRefs: readonly RefKey[];
  /** Only names carried from the sentences before point at the event. */
  readonly carriedOnly?: boolean;
}

/**
 * How strongly a sentence points at each event: for each of the event's claims, the weights of the signature
 * groups the sentence carries (its own words in full; names carried from the sentences before, and optional
 * groups, at half), the best claim counting. Years named for or against the event, and the page being about it
 * already, tip the balance.
 */
export function scoreEvents(view: SentenceView, context: HighlightContext): EventScore[] {
  const candidates = new Set<number>();
  for (const ref of view.refs) for (const index of context.events.eventsByRef.get(ref) ?? []) candidates.add(index);
  for (const ref of view.carried) for (const index of context.events.eventsByRef.get(ref) ?? []) candidates.add(index);
  /** The weight of the heaviest ref of the group that `refs` has (0 when none). */
  const present = (group: WeightedGroup, refs: ReadonlySet<RefKey>) => group.refs.reduce((top, ref, at) => (refs.has(ref) ? Math.max(top, group.weights[at]!) : top), 0);
  const result: EventScore[] = [];
  for (const index of candidates) {
    const event = context.events.events[index]!;
    if (!timeCompatible(context.time, event, view.years)) continue;
    let best = 0;
    let bestRefs: RefKey[] = [];
    let named = false;
    // Evidence from the sentences before alone: enough only to continue the story a page is about.
    let carriedOnly = 0;
    for (const claim of event.claims) {
      let score = 0;
      let ownGroups = 0;
      let claimNamed = false;
      let carriedName = false;
      const refs: RefKey[] = [];
      for (const group of claim.all) {
        if (group.weight === 0) continue;
        const own = present(group, view.refs);
        if (own > 0) {
          score += own;
          ownGroups++;
          refs.push(...group.refs.filter((ref) => view.refs.has(ref)));
          claimNamed ||= namesIn(group, view.refs);
        } else {
          score += present(group, view.carried) / 2;
          // A name from the sentence before ("Bushehr … The plant's first unit") names the event as well.
          carriedName ||= namesIn(group, view.carried);
        }
      }
      for (const group of claim.any) score += present(group, view.refs) / 2;
      if (ownGroups > 0 && score > best) [best, bestRefs, named] = [score, refs, claimNamed || (carriedName && ownGroups >= 2)];
      else if (ownGroups === 0) carriedOnly = Math.max(carriedOnly, score);
    }
    if (best === 0) {
      if (carriedOnly > 0) result.push({ index, score: Math.round(carriedOnly * 100) / 100, named: false, ownRefs: [], carriedOnly: true });
      continue;
    }
    // Someone who took office only years after the event (Pezeshkian, for a 2022 summit) places the sentence later.
    if ([...view.refs].some((ref) => (context.events.firstRoleDay.get(ref) ?? -Infinity) > event.endDay + TENURE_SLACK_DAYS)) best *= 0.4;
    // Someone who had left every office (or died) well before the event places it earlier (Raisi, for a 2025 visit).
    else if ([...view.refs].some((ref) => (context.events.lastRoleDay.get(ref) ?? Infinity) < event.day - AFTER_OFFICE_SLACK_DAYS)) best *= 0.6;
    // A year the sentence names that is not the event's is evidence against it.
    const lastYear = new Date(event.endDay * 86_400_000).getUTCFullYear();
    if (view.scan.years.length > 0 && !view.scan.years.some((year) => year >= event.year && year <= lastYear)) best *= 0.5;
    else if (view.scan.years.length > 0) best += 0.8;
    // The very day of the event ("Moscow, May 17"), with or without its year, is evidence for it.
    if (event.precise && [...view.days].some((day) => namesDayOf(day, event))) best += DAY_BONUS;
    result.push({ index, score: Math.round(best * 100) / 100, named, ownRefs: [...new Set(bestRefs)] });
  }
  return result;
}

/**
 * How much of each event the page as a whole discusses (0 to 1): its claims, and the sentences that name
 * something specific to one event. Vocabulary alone ("signed an agreement") never makes a page's topic: it
 * would make every page about whichever event it happens to fit best.
 */
function pageTopics(claims: readonly SpanHighlight[], scored: readonly (readonly EventScore[])[]): Map<number, number> {
  const weight = new Map<number, number>();
  const add = (index: number, amount: number) => weight.set(index, (weight.get(index) ?? 0) + amount);
  for (const highlight of claims) for (const index of highlight.eventIndexes) add(index, PAGE_CLAIM_WEIGHT);
  for (const scores of scored) {
    const top = scores.reduce<EventScore | null>((best, entry) => (entry.carriedOnly || (best && best.score >= entry.score) ? best : entry), null);
    if (top?.named && top.score >= BOTH_SIDES_EVENT_SCORE) add(top.index, top.score);
  }
  const max = Math.max(0, ...weight.values());
  for (const [index, value] of weight) weight.set(index, max > 0 ? value / max : 0);
  return weight;
}

/** A sentence's events ranked with the page's topic added: one page is usually about one or two events. */
function rankWithTopics(scores: readonly EventScore[], topics: ReadonlyMap<number, number>, context: HighlightContext): EventScore[] {
  const distance = (entry: EventScore) => timeDistance(context.time, context.events.events[entry.index]!);
  return scores
    .map((entry) => ({ ...entry, score: Math.round((entry.score + PAGE_TOPIC_BONUS * (topics.get(entry.index) ?? 0)) * 100) / 100 }))
    .sort((a, b) => b.score - a.score || distance(a) - distance(b));
}

function wordCount(text: string): number {
  return CJK.test(text) ? Math.floor(text.replace(/\s+/g, '').length / 3) : text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/**
 * A sentence that could state a fact: prose (it ends as sentences end: headlines, captions, credits and link
 * lists do not), long enough, not a question and not a label ("Title: …").
 */
function isStatement(text: string): boolean {
  const trimmed = text.trim();
  if (wordCount(trimmed) < MIN_WORDS) return false;
  // A closing bracket ends a sentence only after its full stop: "(English language, original)" is a link's label.
  if (!/(?:[.!…۔。।][»"”’')\]]*|[»"”’'])$/u.test(trimmed)) return false;
  if (/[?؟][»"”’')\]]?$/u.test(trimmed)) return false;
  return !/^[-–•*=]?\s*[\p{L}\d ]{1,24}:\s/u.test(trimmed) || /["“«]/u.test(trimmed);
}

const relationIn = (refs: ReadonlySet<RefKey>) => RELATION_CONCEPTS.some((concept) => refs.has(concept));

function evidenceOf(view: SentenceView, extra: readonly RefKey[] = []): string[] {
  const names = [...view.refs].filter((ref) => !ref.startsWith('p:'));
  const evidence = [...new Set([...extra, ...names])].slice(0, 8);
  for (const year of view.scan.years.slice(0, 2)) evidence.push(`y:${year}`);
  return evidence;
}

export function pageHighlights(content: readonly ContentBlock[], texts: readonly string[], context: HighlightContext): SpanHighlight[] {
  const lendable = (ref: RefKey) => !context.sides.isState(ref) && !SIDE_REFS.has(ref);
  const views = sentenceViews(content, context.sides, context.events);
  const claims = claimHighlights(content, views, context, lendable);
  const claimed = new Set(claims.map((highlight) => `${highlight.blockIndex}:${highlight.start}`));
  const claimedSentence = (view: SentenceView) =>
    claims.some((highlight) => highlight.blockIndex === view.blockIndex && highlight.start <= view.scan.span[0] && highlight.end >= view.scan.span[1]) ||
    claimed.has(`${view.blockIndex}:${view.scan.span[0]}`);

  const scored = views.map((view) => scoreEvents(view, context));
  // The events the page is about: those of its claims, and what its sentences point at most.
  const topics = pageTopics(claims, scored);
  const mainTopic = (index: number) => (topics.get(index) ?? 0) >= MAIN_TOPIC_SHARE;

  const highlights = [...claims];
  views.forEach((view, position) => {
    if (claimedSentence(view)) return;
    const text = texts[view.blockIndex]!.slice(view.scan.span[0], view.scan.span[1]);
    if (!isStatement(text)) return;
    const bothOwn = view.sides.size === 2;
    const bothWithCarried = new Set([...view.sides, ...view.carriedSides]).size === 2;
    const relation = relationIn(view.refs);
    const [best, ...rest] = rankWithTopics(scored[position]!, topics, context);
    const base = { blockIndex: view.blockIndex, start: view.scan.span[0], end: view.scan.span[1] };
    // The less a sentence says of who acted, the more it must say of which event. "The two countries" and "the
    // sides" stand for both on a page about them, when the sentence names the event itself (never for dealings).
    const bothByAnaphor = view.refs.has(BOTH_SIDES_ANAPHOR) && best?.named === true;
    const needed = bothOwn || bothByAnaphor ? BOTH_SIDES_EVENT_SCORE : bothWithCarried ? CARRIED_SIDE_EVENT_SCORE : ONE_SIDE_EVENT_SCORE;
    // Dealings between the two sides on a page about one event are most likely about that event.
    const dealings = bothOwn && relation;
    const enough = best && !best.carriedOnly && best.score >= needed && (best.named || mainTopic(best.index));
    if (best && (enough || (dealings && mainTopic(best.index)))) {
      highlights.push({
        tier: 'event',
        eventIndexes: [best.index],
        nearEventIndexes: [],
        evidence: evidenceOf(view, best.ownRefs),
        confidence: Math.min(0.85, Math.round((0.55 + 0.05 * best.score) * 100) / 100),
        ...base,
      });
      return;
    }
    // Dealings between the two sides that the dataset does not hold (or not recognisably).
    if (!dealings) return;
    highlights.push({
      tier: 'detected',
      eventIndexes: [],
      nearEventIndexes: [best, ...rest].filter((entry): entry is EventScore => entry !== undefined).slice(0, 3).map((entry) => entry.index),
      evidence: evidenceOf(view),
      confidence: 0.7,
      ...base,
    });
  });
  return highlights
    .filter((highlight) => highlight.confidence >= context.minConfidence)
    .sort((a, b) => a.blockIndex - b.blockIndex || a.start - b.start || b.confidence - a.confidence);
}
