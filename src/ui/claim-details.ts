/**
 * Everything the hover card and the popup show about a claim, looked up in the dataset:
 * its events, actors with their role at the claim's date, sources, and how many other
 * sources report the same events.
 */
import type { Actor, Claim, Coverage, Dataset, DatasetEvent, Role } from '../core/dataset/schema.ts';
import { partialDateWithin } from '../core/dataset/dates.ts';

export interface ActorAtDate {
  readonly actor: Actor;
  readonly role: Role | null;
  /** Whether the person has since left that office or died (on or after the claim's date). */
  readonly since: LaterChange | null;
}

export interface ClaimDetails {
  readonly claim: Claim;
  readonly events: readonly DatasetEvent[];
  readonly actors: readonly ActorAtDate[];
  readonly sources: readonly Coverage[];
  /** Other coverage of the claim's events, not among its own sources. */
  readonly otherSourceCount: number;
  /** The claim's first event with its neighbours in time, for a mini timeline. */
  readonly timeline: readonly { readonly event: DatasetEvent; readonly linked: boolean }[];
}

export interface DatasetIndex {
  readonly dataset: Dataset;
  readonly claims: ReadonlyMap<string, Claim>;
  readonly events: ReadonlyMap<string, DatasetEvent>;
  readonly actors: ReadonlyMap<string, Actor>;
  readonly coverage: ReadonlyMap<string, Coverage>;
}

export function indexDataset(dataset: Dataset): DatasetIndex {
  return {
    dataset,
    claims: new Map(dataset.claims.map((claim) => [claim.id, claim])),
    events: new Map(dataset.events.map((event) => [event.id, event])),
    actors: new Map(dataset.actors.map((actor) => [actor.id, actor])),
    coverage: new Map(dataset.coverage.map((item) => [item.id, item])),
  };
}

export function roleAt(actor: Actor, date: string): Role | null {
  return actor.roles.find((role) => partialDateWithin(date, role.from, role.to)) ?? null;
}

/**
 * What became of a person, for one short phrase on cards and in the popup: "died …" or
 * "killed …" whenever the dataset records it, and "left office …" when the office they held
 * at the claim's (or page's) date has ended since. A 2022 claim naming Raisi as president
 * says he has since died; a claim about a minister still in office says nothing.
 */
export interface LaterChange {
  readonly kind: 'died' | 'killed' | 'left-office';
  readonly date: string;
}

/** `role` is the one held at the claim's or page's date (see roleAt), so an end it records came later. */
export function laterChange(actor: Actor, role: Role | null): LaterChange | null {
  const death = actor.roles.find((candidate) => (candidate.ended === 'died' || candidate.ended === 'killed') && candidate.to);
  if (death?.to) return { kind: death.ended === 'killed' ? 'killed' : 'died', date: death.to };
  if (role?.to) return { kind: 'left-office', date: role.to };
  return null;
}

/** A person or body with the role held at `date` and, when it has ended since, what became of them. */
export function actorAtDate(actor: Actor, date: string): ActorAtDate {
  const role = roleAt(actor, date);
  return { actor, role, since: laterChange(actor, role) };
}

const present = <T>(value: T | undefined): value is T => value !== undefined;

export function claimDetails(index: DatasetIndex, claimId: string): ClaimDetails | null {
  const claim = index.claims.get(claimId);
  if (!claim) return null;
  const events = claim.eventIds.map((id) => index.events.get(id)).filter(present);
  const actors = claim.actors
    .map((id) => index.actors.get(id))
    .filter(present)
    .map((actor) => actorAtDate(actor, claim.date));
  const sources = claim.sources.map((id) => index.coverage.get(id)).filter(present);
  const own = new Set(claim.sources);
  const eventIds = new Set(claim.eventIds);
  const otherSourceCount = index.dataset.coverage.filter((item) => !own.has(item.id) && item.events.some((id) => eventIds.has(id))).length;
  return { claim, events, actors, sources, otherSourceCount, timeline: timelineAround(index.dataset.events, events[0]) };
}

function timelineAround(events: readonly DatasetEvent[], linked: DatasetEvent | undefined): ClaimDetails['timeline'] {
  if (!linked) return [];
  const position = events.indexOf(linked);
  return events.slice(Math.max(0, position - 1), position + 2).map((event) => ({ event, linked: event === linked }));
}
