/**
 * The engine's front door: compile the dataset once (`createEngine`), then annotate pages.
 * A page is a list of text blocks with offsets defined by joining them with BLOCK_SEPARATOR;
 * the content script maps those offsets back to DOM ranges, the CLI prints them.
 * `scanPageBlock` + `summarizePage` let the background re-read only the blocks of a page that
 * changed; `annotatePage` does both at once.
 */
import type { Claim, Coverage, Dataset } from '../dataset/schema.ts';
import { resolveRelativeDate } from '../dates/extract-dates.ts';
import { detectLanguage } from '../text/language.ts';
import { compileSignatures, type ClaimRefs, type ClaimSignatures } from './claim-signatures.ts';
import { compileEventProfiles, indexEvents, type EventIndex, type EventProfile } from './event-index.ts';
import { pageHighlights, type HighlightTier, type SpanHighlight } from './page-highlights.ts';
import { pageTime } from './page-time.ts';
import { buildSideIndex, scoreRelevance, type Reason, type SideIndex } from './relevance.ts';
import { scanBlock, type BlockScan } from './scan-block.ts';
import { buildTermIndex, compileTerms, type CompiledTerms, type TermIndex } from './term-index.ts';

export type { HighlightTier } from './page-highlights.ts';
export const BLOCK_SEPARATOR = '\n\n';
export const DEFAULT_MIN_CONFIDENCE = 0.6;

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'caption' | 'quote' | 'other';

export interface PageBlock {
  readonly text: string;
  readonly kind?: BlockKind;
  /** Navigation, related links, footers: read for nothing but never counted or highlighted. */
  readonly boilerplate?: boolean;
}

export interface PageInput {
  readonly blocks: readonly PageBlock[];
  readonly title?: string;
  /** `<html lang>` as written. */
  readonly declaredLanguage?: string;
  /** Forces the language (CLI `--lang`). */
  readonly language?: string;
  readonly url?: string;
  /** ISO date or date-time the page was published, when known. */
  readonly publishedDate?: string;
}

/**
 * One highlight. `tier` says what it is: a dataset claim (`claimId`), a mention of a dataset event
 * (`eventIds` names that event), or a detected claim the dataset does not hold (`eventIds` empty;
 * the nearest events, a guess, are in `nearEventIds`).
 */
export interface ClaimMatch {
  readonly tier: HighlightTier;
  /** The dataset claim (tier `claim` only). */
  readonly claimId?: string;
  /** The events the sentence is about: the claim's events, or the one event mentioned. */
  readonly eventIds: readonly string[];
  readonly nearEventIds: readonly string[];
  /** What counted (actor and concept ids, literal names, `y:<year>`), for the card's "why". */
  readonly evidence: readonly string[];
  /** The exact page text of the span. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly confidence: number;
  readonly blockIndex: number;
  /** Offsets within the block's text. */
  readonly blockStart: number;
  readonly blockEnd: number;
}

export interface ActorMention {
  readonly actorId: string;
  readonly name: string;
  readonly mentions: number;
}

export interface PageDate {
  readonly text: string;
  readonly date: string;
}

export interface RelatedCoverage {
  readonly coverageId: string;
  readonly title: string;
  readonly outlet: string;
  readonly date: string;
  readonly url?: string;
}

export interface Annotation {
  readonly relevant: boolean;
  readonly score: number;
  readonly language: string;
  /** Human-readable reasons (English), and the same as codes and values for translated UIs. */
  readonly reasons: readonly string[];
  readonly reasonDetails: readonly Reason[];
  readonly claims: readonly ClaimMatch[];
  readonly actors: readonly ActorMention[];
  readonly dates: readonly PageDate[];
  readonly related: readonly RelatedCoverage[];
}

export interface Engine {
  readonly dataset: Dataset;
  readonly terms: TermIndex;
  readonly signatures: ClaimSignatures;
  readonly sides: SideIndex;
  readonly events: EventIndex;
  readonly claimsById: ReadonlyMap<string, Claim>;
}

/** What the build compiles ahead of time (see engine-artifact.ts); what is not given is compiled here. */
export interface PrecompiledParts {
  readonly terms?: CompiledTerms;
  readonly events?: readonly EventProfile[];
  readonly claimRefs?: readonly ClaimRefs[];
}

/**
 * Compiles the dataset; its parts may come precompiled from the build (see compileTerms, compileEventProfiles and
 * compileClaimRefs): the terms and the events need the lexicon, which the extension does not ship.
 */
export function createEngine(dataset: Dataset, precompiled: PrecompiledParts = {}): Engine {
  const terms = buildTermIndex(precompiled.terms ?? compileTerms(dataset));
  return {
    dataset,
    terms,
    signatures: compileSignatures(dataset, precompiled.claimRefs),
    sides: buildSideIndex(dataset),
    events: indexEvents(precompiled.events ?? compileEventProfiles(dataset, terms.automaton), dataset.actors),
    claimsById: new Map(dataset.claims.map((claim) => [claim.id, claim])),
  };
}

/** The language to read a page in, from a sample of its text. */
export function pageLanguage(page: Pick<PageInput, 'language' | 'declaredLanguage' | 'title'>, sample: string): string {
  return page.language ?? detectLanguage(page.declaredLanguage, `${page.title ?? ''} ${sample}`);
}

/** One block's scan: independent of the rest of the page, so it can be cached and re-read alone. */
export function scanPageBlock(engine: Engine, text: string, language: string): BlockScan {
  return scanBlock(text, { terms: engine.terms, signatures: engine.signatures, language });
}

export interface SummaryOptions {
  readonly minConfidence?: number;
}

export function summarizePage(engine: Engine, page: PageInput, language: string, scans: readonly BlockScan[], options: SummaryOptions = {}): Annotation {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const blockStarts = blockOffsets(page.blocks);
  const content = page.blocks.map((block, index) => ({ block, index, scan: scans[index]! })).filter(({ block }) => !block.boilerplate);
  const dates = datesOf(content, page.publishedDate);
  const time = pageTime(page.publishedDate, [...dates.map((date) => date.date), ...content.flatMap(({ scan }) => scan.sentences.flatMap((sentence) => sentence.years.map(String)))]);
  const found = pageHighlights(
    content,
    page.blocks.map((block) => block.text),
    { dataset: engine.dataset, signatures: engine.signatures, events: engine.events, sides: engine.sides, time, minConfidence },
  );
  const claims = found.map((highlight) => toClaimMatch(engine, highlight, page.blocks, blockStarts));
  const title = page.title ? scanPageBlock(engine, page.title, language) : null;
  const relevance = scoreRelevance(
    {
      blocks: page.blocks.map((block, index) => ({ scan: scans[index]!, boilerplate: Boolean(block.boilerplate) })),
      title,
      claimCount: new Set(claims.filter((claim) => claim.claimId).map((claim) => claim.claimId)).size,
      eventCount: new Set(claims.filter((claim) => claim.tier === 'event').flatMap((claim) => claim.eventIds)).size,
    },
    engine.sides,
  );
  return {
    relevant: relevance.relevant,
    score: relevance.score,
    language,
    reasons: relevance.reasons.map((reason) => reason.text),
    reasonDetails: relevance.reasons,
    // Precision over recall: nothing is marked on a page that is not about the relationship.
    claims: relevance.relevant ? claims : [],
    actors: actorsOf(engine, content.map(({ scan }) => scan)),
    dates,
    related: relevance.relevant ? relatedCoverage(engine, claims, page.url) : [],
  };
}

/**
 * The events a sentence is about, each followed by the larger events it is an episode of (`partOf`): a sentence
 * about the Shahed strike on Kyiv is also about Iran's drones in Russia's war.
 */
function withLargerEvents(engine: Engine, eventIds: readonly string[]): readonly string[] {
  const parentOf = (id: string) => engine.dataset.events[engine.events.eventIndexById.get(id) ?? -1]?.partOf;
  const ids = new Set<string>();
  for (const id of eventIds) for (let at: string | undefined = id; at !== undefined && !ids.has(at); at = parentOf(at)) ids.add(at);
  return ids.size === eventIds.length ? eventIds : [...ids];
}

function toClaimMatch(engine: Engine, highlight: SpanHighlight, blocks: readonly PageBlock[], blockStarts: readonly number[]): ClaimMatch {
  const eventId = (index: number) => engine.dataset.events[index]!.id;
  const claim = highlight.claimIndex !== undefined ? engine.dataset.claims[highlight.claimIndex]! : null;
  return {
    tier: highlight.tier,
    ...(claim ? { claimId: claim.id } : {}),
    eventIds: withLargerEvents(engine, claim ? claim.eventIds : highlight.eventIndexes.map(eventId)),
    nearEventIds: highlight.nearEventIndexes.map(eventId),
    evidence: highlight.evidence,
    text: blocks[highlight.blockIndex]!.text.slice(highlight.start, highlight.end),
    start: blockStarts[highlight.blockIndex]! + highlight.start,
    end: blockStarts[highlight.blockIndex]! + highlight.end,
    confidence: highlight.confidence,
    blockIndex: highlight.blockIndex,
    blockStart: highlight.start,
    blockEnd: highlight.end,
  };
}

export function annotatePage(engine: Engine, page: PageInput, options: SummaryOptions = {}): Annotation {
  const sample = page.blocks.slice(0, 60).map((block) => block.text).join(' ');
  const language = pageLanguage(page, sample);
  const scans = page.blocks.map((block) => scanPageBlock(engine, block.text, language));
  return summarizePage(engine, page, language, scans, options);
}

export function blockOffsets(blocks: readonly PageBlock[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return starts;
}

/** The page text the offsets refer to. */
export function pageText(blocks: readonly PageBlock[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

function actorsOf(engine: Engine, scans: readonly BlockScan[]): ActorMention[] {
  const counts = new Map<string, number>();
  for (const scan of scans) for (const mention of scan.actorMentions) counts.set(mention.key.slice(2), (counts.get(mention.key.slice(2)) ?? 0) + 1);
  const actors = new Map(engine.dataset.actors.map((actor) => [actor.id, actor]));
  return [...counts]
    .map(([actorId, mentions]) => ({ actorId, name: actors.get(actorId)?.name ?? actorId, mentions }))
    .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

function datesOf(content: readonly { block: PageBlock; scan: BlockScan }[], published: string | undefined): PageDate[] {
  const seen = new Set<string>();
  const dates: PageDate[] = [];
  for (const { block, scan } of content) {
    for (const mention of scan.dates) {
      const date = resolveRelativeDate({ start: 0, end: 0, date: mention.date, ...(mention.relative ? { relative: mention.relative } : {}) }, published);
      if (!date) continue;
      const text = block.text.slice(mention.start, mention.end);
      const key = `${text}\u0000${date}`;
      if (seen.has(key)) continue;
      seen.add(key);
      dates.push({ text, date });
    }
  }
  return dates;
}

/** `https://www.x.com/a/?utm=1#top` and `http://x.com/a` are the same page. */
export function comparableUrl(url: string): string {
  return url
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\/(www\.)?/, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

function relatedCoverage(engine: Engine, claims: readonly ClaimMatch[], pageUrl: string | undefined): RelatedCoverage[] {
  const claimIds = new Set(claims.flatMap((claim) => (claim.claimId ? [claim.claimId] : [])));
  const eventIds = new Set(claims.flatMap((claim) => claim.eventIds));
  const self = pageUrl ? comparableUrl(pageUrl) : null;
  const scored: [Coverage, number][] = [];
  for (const item of engine.dataset.coverage) {
    if (self && item.url && comparableUrl(item.url) === self) continue;
    const score = 2 * item.claims.filter((id) => claimIds.has(id)).length + item.events.filter((id) => eventIds.has(id)).length;
    if (score > 0) scored.push([item, score]);
  }
  return scored
    .sort((a, b) => b[1] - a[1] || (a[0].date < b[0].date ? 1 : -1))
    .slice(0, 12)
    .map(([item]) => ({ coverageId: item.id, title: item.title, outlet: item.outlet, date: item.date, ...(item.url ? { url: item.url } : {}) }));
}

