/**
 * Does the page cover relations between Russia and Iran, or merely mention them? The score
 * rewards what a story about the relationship has and a passing mention lacks: both sides in
 * the same paragraphs, with a relationship word (deal, visit, supply, treaty…) there too; both
 * in the headline; dataset claims. Paragraphs that list many countries ("Russia, Iran, Saudi
 * Arabia, Iraq…") and page furniture (navigation, related links) do not count.
 */
import type { Dataset } from '../dataset/schema.ts';
import type { BlockScan } from './scan-block.ts';
import type { RefKey } from './term-index.ts';

export type Side = 'ru' | 'ir';

export interface RelevanceInput {
  readonly blocks: readonly { readonly scan: BlockScan; readonly boilerplate: boolean }[];
  readonly title: BlockScan | null;
  /** Distinct dataset claims found. */
  readonly claimCount: number;
  /** Distinct dataset events mentioned without one of their claims. */
  readonly eventCount: number;
}

/** Why a page was judged as it was: a code the UI translates, its values, and the English text. */
export interface Reason {
  readonly code: ReasonCode;
  readonly values: readonly string[];
  readonly text: string;
}

export type ReasonCode =
  | 'neither-mentioned'
  | 'russia-not-mentioned'
  | 'iran-not-mentioned'
  | 'together'
  | 'never-together'
  | 'dealings'
  | 'headline'
  | 'claims'
  | 'events'
  | 'passing'
  | 'no-dealings'
  | 'lists';

export interface Relevance {
  readonly score: number;
  readonly relevant: boolean;
  readonly reasons: Reason[];
}

export const RELEVANCE_THRESHOLD = 0.5;

/** Concepts that make a sentence about dealings between the two rather than a list of places. */
export const RELATION_CONCEPTS = [
  'agreement', 'treaty', 'memorandum', 'contract', 'partnership', 'cooperation', 'alliance', 'strategic', 'summit', 'visit',
  'meet', 'talks', 'supply', 'deliver', 'buy', 'sell', 'transfer', 'sign', 'trade', 'drone', 'missile', 'ballistic-missile',
  'fighter-jet', 'sanctions', 'railway', 'transport-corridor', 'gas', 'oil-and-gas', 'nuclear-plant', 'satellite', 'support',
  'endorse', 'bank', 'banking', 'payment-system', 'free-trade', 'membership', 'military', 'weapon',
].map((id) => `c:${id}`);

const SIDE_PLACES: Record<string, Side> = { 'c:tehran': 'ir', 'c:moscow': 'ru', 'c:kremlin': 'ru' };
/** Blocs Russia leads and whose dealings with Iran are Russia's (the Eurasian Economic Union's free-trade deal). */
const RUSSIAN_LED_BLOCS: Record<string, Side> = { 'a:eurasian-economic-union': 'ru' };

export interface SideIndex {
  sideOf(key: RefKey): Side | null;
  isState(key: RefKey): boolean;
  nameOf(key: RefKey): string;
}

export function buildSideIndex(dataset: Dataset): SideIndex {
  const sides = new Map<RefKey, Side>([...Object.entries(SIDE_PLACES), ...Object.entries(RUSSIAN_LED_BLOCS)]);
  const states = new Set<RefKey>();
  const names = new Map<RefKey, string>();
  for (const actor of dataset.actors) {
    const key = `a:${actor.id}`;
    names.set(key, actor.name);
    if (actor.kind === 'state') states.add(key);
    if (actor.id === 'russia' || (actor.country === 'RU' && actor.kind !== 'state')) sides.set(key, 'ru');
    if (actor.id === 'iran' || (actor.country === 'IR' && actor.kind !== 'state')) sides.set(key, 'ir');
  }
  return {
    sideOf: (key) => sides.get(key) ?? null,
    isState: (key) => states.has(key),
    nameOf: (key) => names.get(key) ?? key.slice(2),
  };
}

interface Tally {
  /** Sentences naming both sides (not in a list of countries): the unit that holds on short texts and any paragraphing. */
  coSentences: number;
  relationSentences: number;
  contentSentences: number;
  coBlocks: number;
  relationBlocks: number;
  listBlocks: number;
  mentions: Record<Side, number>;
  coMentions: Map<RefKey, number>;
}

/** Which of the two sides these refs name (people, bodies and capitals stand for their side). */
export function sidesIn(refs: Iterable<RefKey>, sides: SideIndex): Set<Side> {
  const found = new Set<Side>();
  for (const ref of refs) {
    const side = sides.sideOf(ref);
    if (side) found.add(side);
  }
  return found;
}

function tally(input: RelevanceInput, sides: SideIndex): Tally {
  const result: Tally = { coSentences: 0, relationSentences: 0, contentSentences: 0, coBlocks: 0, relationBlocks: 0, listBlocks: 0, mentions: { ru: 0, ir: 0 }, coMentions: new Map() };
  for (const { scan, boilerplate } of input.blocks) {
    if (boilerplate) continue;
    for (const mention of scan.actorMentions) {
      const side = sides.sideOf(mention.key);
      if (side) result.mentions[side]++;
    }
    result.contentSentences += Math.max(1, scan.sentences.length);
    const present = sidesIn(scan.refs, sides);
    if (present.size < 2) continue;
    // "Saudi Arabia, Russia, Iran, Iraq and the UAE…": a list of countries, whatever verbs surround it, unless the
    // paragraph states a dataset claim ("Iran and the EAEU (Armenia, Belarus… and Russia) signed a free-trade deal").
    const states = [...scan.refs].filter((ref) => sides.isState(ref)).length;
    if (Math.max(states, scan.countries) >= 4 && scan.claimMatches.length === 0) {
      result.listBlocks++;
      continue;
    }
    for (const sentence of scan.sentences) {
      const refs = new Set(sentence.refs);
      if (sidesIn(refs, sides).size < 2) continue;
      result.coSentences++;
      if (RELATION_CONCEPTS.some((concept) => refs.has(concept))) result.relationSentences++;
    }
    const hasRelation = RELATION_CONCEPTS.some((concept) => scan.refs.has(concept));
    result.coBlocks++;
    if (hasRelation) result.relationBlocks++;
    for (const mention of scan.actorMentions) {
      if (sides.sideOf(mention.key)) result.coMentions.set(mention.key, (result.coMentions.get(mention.key) ?? 0) + 1);
    }
  }
  return result;
}

function topMention(coMentions: Map<RefKey, number>, side: Side, sides: SideIndex): string | null {
  let best: [RefKey, number] | null = null;
  for (const entry of coMentions) if (sides.sideOf(entry[0]) === side && (!best || entry[1] > best[1])) best = entry;
  return best ? `${sides.nameOf(best[0])} ×${best[1]}` : null;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function scoreRelevance(input: RelevanceInput, sides: SideIndex): Relevance {
  const counts = tally(input, sides);
  const titleSides = input.title ? sidesIn(input.title.refs, sides) : new Set<Side>();
  const titleBoth = titleSides.size === 2;
  const reasons: Reason[] = [];
  const reason = (code: ReasonCode, text: string, ...values: (string | number)[]) => reasons.push({ code, text, values: values.map(String) });

  const found = input.claimCount + input.eventCount;
  // A page holding several dataset claims is about the two even if it never names one of them
  // ("Iran joins the SCO": the claims are Russia–Iran claims by construction).
  if ((counts.mentions.ru === 0 || counts.mentions.ir === 0) && input.claimCount < 2) {
    if (counts.mentions.ru === 0 && counts.mentions.ir === 0) reason('neither-mentioned', 'Neither Russia nor Iran is mentioned in the article text');
    else if (counts.mentions.ru === 0) reason('russia-not-mentioned', 'Russia is not mentioned in the article text');
    else reason('iran-not-mentioned', 'Iran is not mentioned in the article text');
    return { score: titleBoth ? 0.2 : 0, relevant: false, reasons };
  }

  const points =
    0.5 * Math.min(counts.coSentences, 5) +
    0.5 * Math.min(counts.relationSentences, 4) +
    0.3 * Math.min(counts.coBlocks, 3) +
    1.2 * Math.min(input.claimCount, 4) +
    0.7 * Math.min(input.eventCount, 3) +
    1.5 * (titleBoth ? 1 : 0) +
    0.1 * Math.min(Math.min(counts.mentions.ru, counts.mentions.ir), 10);
  let score = Math.round((1 - Math.exp(-points / 3)) * 100) / 100;
  // One shared sentence is a passing mention (a list of signatories, one clause in a trade story),
  // unless the headline or what the dataset recognises says the page is about the two of them;
  // so are a few shared sentences lost in a long page about something else.
  const rare = counts.coSentences < 2 || (counts.contentSentences >= 40 && counts.coSentences / counts.contentSentences < 0.05);
  const passing = rare && !titleBoth && input.claimCount < 2 && found < 3;
  if (passing) score = Math.min(score, 0.45);
  // Named together but hardly dealing with each other (a football friendly, a market report naming both): without
  // the dataset or the headline, a page needs several sentences of dealings to be about the relationship.
  const noDealings = found === 0 && (counts.relationSentences === 0 || (!titleBoth && counts.relationSentences < 3));
  if (noDealings) score = Math.min(score, 0.45);

  if (counts.coBlocks > 0) {
    const pair = [topMention(counts.coMentions, 'ru', sides), topMention(counts.coMentions, 'ir', sides)].filter(Boolean).join(' and ');
    const who = pair || 'Both sides';
    reason('together', `${who} in the same paragraphs (${plural(counts.coBlocks, 'paragraph', 'paragraphs')})`, who, counts.coBlocks);
  } else {
    reason('never-together', 'Russia and Iran are never discussed in the same paragraph');
  }
  if (counts.relationBlocks > 0) reason('dealings', `${plural(counts.relationBlocks, 'paragraph', 'paragraphs')} about dealings between them`, counts.relationBlocks);
  if (titleBoth) reason('headline', 'The headline names both');
  if (input.claimCount > 0) reason('claims', `${plural(input.claimCount, 'dataset claim', 'dataset claims')} found`, input.claimCount);
  if (input.eventCount > 0) reason('events', `${plural(input.eventCount, 'dataset event', 'dataset events')} mentioned`, input.eventCount);
  if (passing) reason('passing', 'Both sides are named together only in passing, and the headline does not name both');
  if (noDealings && !passing) reason('no-dealings', 'Too little says the page is about dealings between them: no dataset claim or event, and few or no sentences about dealings');
  if (counts.listBlocks > 0) reason('lists', `${plural(counts.listBlocks, 'paragraph lists', 'paragraphs list')} many countries (not counted)`, counts.listBlocks);
  return { score, relevant: score >= RELEVANCE_THRESHOLD, reasons };
}
