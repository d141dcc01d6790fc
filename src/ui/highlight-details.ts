/**
 * What the hover card shows for an event mention or a detected claim (claims have claim-details.ts): the event with
 * its own claims and coverage; or, for a claim the dataset does not hold, who and when the engine recognised in the
 * sentence and the dataset events nearest to it, offered as context and never as what the sentence is about.
 */
import type { Actor, Claim, Coverage, DatasetEvent } from '../core/dataset/schema.ts';
import { actorAtDate, type ActorAtDate, type DatasetIndex } from './claim-details.ts';

export interface EventMentionDetails {
  readonly kind: 'event';
  readonly event: DatasetEvent;
  /** What the engine recognised in the sentence: names, words of the event's vocabulary, years. */
  readonly why: readonly string[];
  readonly claims: readonly Claim[];
  readonly actors: readonly ActorAtDate[];
  readonly sources: readonly Coverage[];
}

export interface DetectedDetails {
  readonly kind: 'detected';
  readonly why: readonly string[];
  readonly actors: readonly Actor[];
  readonly years: readonly number[];
  readonly nearEvents: readonly DatasetEvent[];
}

interface HighlightLike {
  readonly tier: 'claim' | 'event' | 'detected';
  readonly eventIds: readonly string[];
  readonly nearEventIds: readonly string[];
  readonly evidence: readonly string[];
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

/**
 * The evidence as readers can read it: actors by name, concepts and literal names as words ("kish north pars"),
 * years as numbers. The two countries themselves are left out: every highlight names them.
 */
export function evidenceWords(index: DatasetIndex, evidence: readonly string[]): string[] {
  const words = evidence.flatMap((item) => {
    const [kind, value = ''] = [item.slice(0, 1), item.slice(2)];
    if (item === 'a:russia' || item === 'a:iran') return [];
    if (kind === 'a') return [index.actors.get(value)?.name ?? value.replace(/-/g, ' ')];
    if (kind === 'c') return [value.replace(/-/g, ' ')];
    if (kind === 't') return [value.replace(/\*$/, '')];
    if (kind === 'y') return [value];
    return [];
  });
  return [...new Set(words)].slice(0, 8);
}

export function eventMentionDetails(index: DatasetIndex, eventId: string, evidence: readonly string[] = []): EventMentionDetails | null {
  const event = index.events.get(eventId);
  if (!event) return null;
  const claims = index.dataset.claims.filter((claim) => claim.eventIds.includes(event.id));
  const actors = event.actors.map((id) => index.actors.get(id)).filter(present).map((actor) => actorAtDate(actor, event.date));
  const sourceIds = new Set([...event.sources, ...claims.flatMap((claim) => claim.sources)]);
  const sources = [...sourceIds].map((id) => index.coverage.get(id)).filter(present).slice(0, 6);
  return { kind: 'event', event, why: evidenceWords(index, evidence), claims, actors, sources };
}

export function detectedDetails(index: DatasetIndex, highlight: HighlightLike): DetectedDetails {
  const actors = highlight.evidence.filter((item) => item.startsWith('a:')).map((item) => index.actors.get(item.slice(2))).filter(present);
  const years = [...new Set(highlight.evidence.filter((item) => item.startsWith('y:')).map((item) => Number(item.slice(2))))];
  const nearEvents = highlight.nearEventIds.map((id) => index.events.get(id)).filter(present);
  return { kind: 'detected', why: evidenceWords(index, highlight.evidence), actors, years, nearEvents };
}

/** The card's content for one painted highlight of tier event or detected. */
export function mentionDetails(index: DatasetIndex, highlight: HighlightLike): EventMentionDetails | DetectedDetails | null {
  if (highlight.tier === 'event') return highlight.eventIds[0] ? eventMentionDetails(index, highlight.eventIds[0], highlight.evidence) : null;
  return highlight.tier === 'detected' ? detectedDetails(index, highlight) : null;
}
