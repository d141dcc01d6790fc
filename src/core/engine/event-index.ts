/**
 * What each dataset event is "about", as weighted vocabulary: the signature groups of its claims
 * ("Rasht or Astara", "railway", "sign"), each weighted by how rare its words are across all
 * claims. A group of words every story has ("Russia", "Iran", "Moscow", "agreement") weighs little
 * or nothing; "Rasht–Astara" or "Khayyam" weighs a lot. A sentence that carries enough of one
 * claim's weighted groups is about that claim's event even when it does not state the claim.
 */
import type { Dataset } from '../dataset/schema.ts';
import type { AhoCorasick } from '../match/aho-corasick.ts';
import { dayNumber } from './page-time.ts';
import { literalRefKey, termPattern, type RefKey } from './term-index.ts';

export interface WeightedGroup {
  readonly refs: readonly RefKey[];
  /** Each ref's weight, in the order of `refs`: the group counts as much as its heaviest ref a sentence has. */
  readonly weights: readonly number[];
  /** Whether each ref is a name (a person, company, place, weapon…) rather than a word of the vocabulary. */
  readonly names: readonly boolean[];
  /** The heaviest possible (0: the group says nothing about which event). */
  readonly weight: number;
}

export interface EventProfile {
  readonly index: number;
  readonly id: string;
  /** Day number of the event's date (its first day for month or year precision), and of its end. */
  readonly day: number;
  readonly endDay: number;
  readonly year: number;
  /** Whether the event's date names a day (not only a month or a year). */
  readonly precise: boolean;
  /** For each claim of the event, its required (`all`) and optional (`any`) groups with their weights. */
  readonly claims: readonly { readonly all: readonly WeightedGroup[]; readonly any: readonly WeightedGroup[] }[];
}

export interface EventIndex {
  readonly events: readonly EventProfile[];
  /** For people with dated roles, the day their first role began: a sentence naming them is not about events long before. */
  readonly firstRoleDay: ReadonlyMap<RefKey, number>;
  /** For people whose every role has ended, the day the last one ended: a sentence naming them is not about events long after. */
  readonly lastRoleDay: ReadonlyMap<RefKey, number>;
  /** Refs that are names (people, places, weapons, companies) in some event's vocabulary: later sentences lean on them. */
  readonly nameRefs: ReadonlySet<RefKey>;
  /** Ref → the events whose vocabulary includes it with some weight. */
  readonly eventsByRef: ReadonlyMap<RefKey, readonly number[]>;
  readonly eventIndexById: ReadonlyMap<string, number>;
}

/** Is the group's ref at `at` a name that says something (Rasht, Khayyam), not vocabulary or a side's own name? */
const isWeightedName = (group: WeightedGroup, at: number) => group.names[at] === true && group.weights[at]! > 0;

/** Does one of `refs` stand in the group as such a name? */
export const namesIn = (group: WeightedGroup, refs: ReadonlySet<RefKey>) => group.refs.some((ref, at) => isWeightedName(group, at) && refs.has(ref));

/** Refs every story about the two countries has: they tell no event from another. */
export const SIDE_REFS: ReadonlySet<RefKey> = new Set(['a:russia', 'a:iran', 'c:moscow', 'c:tehran', 'c:kremlin']);

/** A group word shared by more events than this share weighs nothing ("agreement", "sign", Putin). */
const COMMON_SHARE = 0.15;
/** Ordinary words ("war", "visit", "West") weigh this much of a name of the same rarity ("Rasht", "Khayyam"). */
const WORD_FACTOR = 0.45;
/**
 * Inverse frequency grows with the log of the number of events, so every rare word would weigh more each time the
 * dataset grows and the thresholds in page-highlights.ts would drift. Weights are taken relative to log(events) and
 * scaled to the size they were calibrated on (65 events).
 */
const CALIBRATION_LOG = Math.log(65);

/** Names are written capitalised or with digits ("Rasht", "Su-35", "Resolution 2231"); vocabulary is not. */
const looksLikeName = (term: string) => {
  const text = term.replace(/^t:/, '').replace(/\*$/, '');
  return !CALENDAR_WORDS.has(text.toLowerCase()) && (/^[\p{Lu}\d]/u.test(text) || /\d/.test(text));
};

function refOf(ref: string): RefKey | null {
  if (ref.startsWith('n:')) return null;
  return ref.startsWith('t:') ? literalRefKey(ref.slice(2)) : ref;
}

/**
 * A literal that is itself a name of one of the two sides ("Russian", "Iran's", "Tehran") says
 * nothing about which event; the automaton that finds names in pages tells us which those are.
 */
function isSideLiteral(ref: RefKey, automaton: AhoCorasick<RefKey>): boolean {
  if (!ref.startsWith('t:')) return false;
  return automaton.search(termPattern(ref.slice(2)).text).some((hit) => SIDE_REFS.has(hit.payload));
}

/** The concepts whose vocabulary spells a literal whole ("t:agreement" is a word of "c:agreement"). */
function conceptsSpelling(ref: RefKey, automaton: AhoCorasick<RefKey>): RefKey[] {
  const { text } = termPattern(ref.slice(2));
  return automaton
    .search(text)
    .filter((hit) => hit.payload.startsWith('c:') && hit.start === 0 && hit.end >= text.length)
    .map((hit) => hit.payload);
}

/** English month and weekday names are capitalised but name no event ("July", "Tuesday"). */
const CALENDAR_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  const month = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' });
  const weekday = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
  for (let index = 0; index < 12; index++) words.add(month.format(new Date(Date.UTC(2023, index, 15))).toLowerCase());
  for (let index = 0; index < 7; index++) words.add(weekday.format(new Date(Date.UTC(2023, 0, 1 + index))).toLowerCase());
  return words;
})();

/**
 * Each event's weighted vocabulary, as plain data: the build computes it once (it needs the lexicon, which the
 * extension does not ship) and the engine indexes it at start-up (`indexEvents`).
 */
export function compileEventProfiles(dataset: Dataset, automaton: AhoCorasick<RefKey>): EventProfile[] {
  const eventIndexById = new Map(dataset.events.map((event, index) => [event.id, index]));
  // How many events each ref belongs to (through their claims' signatures or their actors): the rarer, the more
  // it says. Counted by event, not by claim: Raisi appears in few claims but in many events.
  const refsOfEvent = dataset.events.map((event) => new Set<RefKey>(event.actors.map((id) => `a:${id}`)));
  for (const claim of dataset.claims) {
    const refs = [...claim.match.all.flat(), ...claim.match.any.flat()].map(refOf).filter((ref): ref is RefKey => ref !== null);
    refs.push(...claim.actors.map((id) => `a:${id}`));
    for (const eventId of claim.eventIds) {
      const index = eventIndexById.get(eventId);
      if (index !== undefined) for (const ref of refs) refsOfEvent[index]!.add(ref);
    }
  }
  const eventFrequency = new Map<RefKey, number>();
  for (const refs of refsOfEvent) for (const ref of refs) eventFrequency.set(ref, (eventFrequency.get(ref) ?? 0) + 1);
  const total = Math.max(1, dataset.events.length);
  const sideLiteral = new Map<RefKey, boolean>();
  const conceptIsName = (id: string) => {
    const english = dataset.concepts[id]?.en ?? Object.values(dataset.concepts[id] ?? {}).flat();
    return english.length > 0 && english.filter(looksLikeName).length * 2 >= english.length;
  };
  const states = new Set(dataset.actors.filter((actor) => actor.kind === 'state').map((actor) => `a:${actor.id}`));
  const isName = (raw: string) =>
    raw.startsWith('a:') ? !states.has(raw) : raw.startsWith('c:') ? conceptIsName(raw.slice(2)) : looksLikeName(raw);
  const common = (ref: RefKey) => (eventFrequency.get(ref) ?? 1) / total > COMMON_SHARE;
  const weightOf = (ref: RefKey, raw: string): number => {
    if (SIDE_REFS.has(ref)) return 0;
    let side = sideLiteral.get(ref);
    if (side === undefined) sideLiteral.set(ref, (side = isSideLiteral(ref, automaton)));
    if (side) return 0;
    // A literal that is only a common word of the vocabulary ("agreement", "strategic") is as common as that word,
    // though few signatures spell it out.
    if (ref.startsWith('t:') && conceptsSpelling(ref, automaton).some(common)) return 0;
    const frequency = eventFrequency.get(ref) ?? 1;
    if (common(ref)) return 0;
    // Inverse frequency, so "Rasht" (1 event) weighs more than "railway" (4 events).
    return Math.round((Math.log(total / frequency) / Math.log(Math.max(2, total))) * CALIBRATION_LOG * (isName(raw) ? 50 : 50 * WORD_FACTOR)) / 100;
  };
  const weighGroups = (groups: readonly (readonly string[])[]): WeightedGroup[] =>
    groups.map((group) => {
      const raws = group.filter((raw) => refOf(raw) !== null);
      const refs = raws.map((raw) => refOf(raw)!);
      const weights = raws.map((raw, index) => weightOf(refs[index]!, raw));
      return { refs, weights, names: raws.map(isName), weight: Math.max(0, ...weights) };
    });

  const claimsOfEvent = dataset.events.map((): { all: WeightedGroup[]; any: WeightedGroup[] }[] => []);
  for (const claim of dataset.claims) {
    const profile = { all: weighGroups(claim.match.all), any: weighGroups(claim.match.any) };
    for (const eventId of claim.eventIds) {
      const index = eventIndexById.get(eventId);
      if (index !== undefined) claimsOfEvent[index]!.push(profile);
    }
  }
  return dataset.events.map((event, index): EventProfile => {
    const day = dayNumber(event.date);
    return {
      index,
      id: event.id,
      day,
      endDay: event.endDate ? dayNumber(event.endDate) : day,
      year: Number(event.date.slice(0, 4)),
      precise: event.date.length === 10,
      claims: claimsOfEvent[index]!,
    };
  });
}

/** The look-ups the engine needs over the profiles: which events a ref points at, events by id, and tenures. */
export function indexEvents(events: readonly EventProfile[], actors: Dataset['actors']): EventIndex {
  const firstRoleDay = new Map<RefKey, number>();
  const lastRoleDay = new Map<RefKey, number>();
  for (const actor of actors) {
    if (actor.kind !== 'person') continue;
    const starts = actor.roles.flatMap((role) => (role.from ? [dayNumber(role.from)] : []));
    if (starts.length > 0 && starts.length === actor.roles.length) firstRoleDay.set(`a:${actor.id}`, Math.min(...starts));
    const ends = actor.roles.flatMap((role) => (role.to ? [dayNumber(role.to)] : []));
    if (ends.length > 0 && ends.length === actor.roles.length) lastRoleDay.set(`a:${actor.id}`, Math.max(...ends));
  }
  const eventsByRef = new Map<RefKey, number[]>();
  const nameRefs = new Set<RefKey>();
  for (const event of events) {
    for (const claim of event.claims) {
      for (const group of [...claim.all, ...claim.any]) {
        if (group.weight === 0) continue;
        group.refs.forEach((ref, at) => isWeightedName(group, at) && nameRefs.add(ref));
        for (const ref of group.refs) {
          const list = eventsByRef.get(ref) ?? eventsByRef.set(ref, []).get(ref)!;
          if (list[list.length - 1] !== event.index) list.push(event.index);
        }
      }
    }
  }
  return { events, eventsByRef, nameRefs, firstRoleDay, lastRoleDay, eventIndexById: new Map(events.map((event) => [event.id, event.index])) };
}
