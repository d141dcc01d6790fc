/**
 * Assembles the dataset's source files into the one document the extension ships, and
 * reports every problem with the file and JSON path of the bad field. Pure: the caller reads
 * the files (scripts/ at build time, tests in Node); nothing here touches a file system.
 */
import { foldTerm } from '../text/normalize.ts';
import { checkCoverageIdDates, checkOfficeHolders, checkTitleLanguages, type Placed } from './consistency.ts';
import {
  SourceFileSchema,
  type Actor,
  type Claim,
  type Concept,
  type Coverage,
  type Dataset,
  type DatasetEvent,
  type SourceFile,
} from './schema.ts';

export interface SourceDocument {
  /** Where the document came from, e.g. `src/data/chapters/2022.json`; used in error paths. */
  readonly path: string;
  readonly json: unknown;
}

export interface DatasetIssue {
  /** `file: $.claims[3].sources[0]` */
  readonly path: string;
  readonly message: string;
}

export type AssembleResult =
  | { readonly ok: true; readonly dataset: Dataset; readonly warnings: readonly DatasetIssue[] }
  | { readonly ok: false; readonly errors: readonly DatasetIssue[]; readonly warnings: readonly DatasetIssue[] };

export function formatJsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** An item together with where it was written, for error messages. */
interface Located<T> {
  readonly item: T;
  readonly file: string;
  readonly index: number;
}

type ArrayName = 'actors' | 'events' | 'claims' | 'coverage';

/** An event may not be, through its chain of `partOf`, an episode of itself. */
function partOfCycles(events: readonly Located<DatasetEvent>[]): DatasetIssue[] {
  const parentOf = new Map(events.map(({ item }) => [item.id, item.partOf]));
  const issues: DatasetIssue[] = [];
  for (const located of events) {
    const seen = new Set([located.item.id]);
    for (let parent = located.item.partOf; parent !== undefined; parent = parentOf.get(parent)) {
      if (seen.has(parent)) {
        issues.push({ path: at(located, 'events', 'partOf'), message: `"partOf" leads back to "${parent}": events form a cycle` });
        break;
      }
      seen.add(parent);
    }
  }
  return issues;
}

function at(located: Located<unknown>, array: ArrayName, ...rest: PropertyKey[]): string {
  return `${located.file}: ${formatJsonPath([array, located.index, ...rest])}`;
}

function placed<T>(located: Located<T>, array: ArrayName): Placed<T> {
  return { item: located.item, at: (...rest) => at(located, array, ...rest) };
}

export function assembleDataset(documents: readonly SourceDocument[], version: string): AssembleResult {
  const errors: DatasetIssue[] = [];
  const warnings: DatasetIssue[] = [];
  const actors: Located<Actor>[] = [];
  const events: Located<DatasetEvent>[] = [];
  const claims: Located<Claim>[] = [];
  const coverage: Located<Omit<Coverage, 'claims' | 'events'>>[] = [];
  const concepts: Record<string, Concept> = {};

  for (const document of documents) {
    const parsed = SourceFileSchema.safeParse(document.json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ path: `${document.path}: ${formatJsonPath(issue.path)}`, message: issue.message });
      }
      continue;
    }
    collect(document.path, parsed.data);
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  function collect(file: string, source: SourceFile): void {
    source.actors?.forEach((item, index) => actors.push({ item, file, index }));
    source.events?.forEach((item, index) => events.push({ item, file, index }));
    source.claims?.forEach((item, index) => claims.push({ item, file, index }));
    source.coverage?.forEach((item, index) => coverage.push({ item, file, index }));
    for (const [id, concept] of Object.entries(source.concepts ?? {})) mergeConcept(concepts, id, concept);
  }

  const actorIds = uniqueIds(actors, 'actors', errors);
  const eventIds = uniqueIds(events, 'events', errors);
  uniqueIds(claims, 'claims', errors);
  const coverageIds = uniqueIds(coverage, 'coverage', errors);

  function expectIds(located: Located<unknown>, array: ArrayName, field: string, ids: readonly string[], known: Set<string>, kind: string): void {
    ids.forEach((id, index) => {
      if (!known.has(id)) errors.push({ path: at(located, array, field, index), message: `unknown ${kind} id "${id}"` });
    });
  }

  for (const located of events) {
    expectIds(located, 'events', 'actors', located.item.actors, actorIds, 'actor');
    expectIds(located, 'events', 'sources', located.item.sources, coverageIds, 'coverage');
    const parent = located.item.partOf;
    if (parent !== undefined && !eventIds.has(parent)) errors.push({ path: at(located, 'events', 'partOf'), message: `unknown event id "${parent}"` });
  }
  errors.push(...partOfCycles(events));
  for (const located of claims) {
    const claim = located.item;
    expectIds(located, 'claims', 'eventIds', claim.eventIds, eventIds, 'event');
    expectIds(located, 'claims', 'actors', claim.actors, actorIds, 'actor');
    expectIds(located, 'claims', 'sources', claim.sources, coverageIds, 'coverage');
    for (const groupName of ['all', 'any'] as const) {
      claim.match[groupName].forEach((group, groupIndex) => {
        group.forEach((ref, refIndex) => {
          const path = at(located, 'claims', 'match', groupName, groupIndex, refIndex);
          if (ref.startsWith('a:') && !actorIds.has(ref.slice(2))) errors.push({ path, message: `unknown actor id "${ref.slice(2)}"` });
          if (ref.startsWith('c:') && !(ref.slice(2) in concepts)) errors.push({ path, message: `unknown concept id "${ref.slice(2)}"` });
        });
      });
    }
  }
  checkSharedNames(actors, errors);
  checkCoverageAddresses(coverage, errors);
  const placedActors = actors.map((located) => placed(located, 'actors'));
  const placedCoverage = coverage.map((located) => placed(located, 'coverage'));
  errors.push(...checkOfficeHolders(placedActors), ...checkCoverageIdDates(placedCoverage));
  const titles = checkTitleLanguages(placedCoverage);
  errors.push(...titles.errors);
  warnings.push(...titles.warnings);

  const coveredBy = backReferences(events, claims);
  for (const located of coverage) {
    if (!coveredBy.has(located.item.id)) {
      warnings.push({ path: at(located, 'coverage'), message: `coverage "${located.item.id}" is cited by no claim or event` });
    }
  }
  if (errors.length > 0) return { ok: false, errors, warnings };

  const dataset: Dataset = {
    version,
    actors: actors.map(({ item }) => item),
    events: events.map(({ item }) => item).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    claims: claims.map(({ item }) => item),
    coverage: coverage.map(({ item }) => ({
      ...item,
      claims: coveredBy.get(item.id)?.claims ?? [],
      events: coveredBy.get(item.id)?.events ?? [],
    })),
    concepts,
  };
  return { ok: true, dataset, warnings };
}

function mergeConcept(concepts: Record<string, Concept>, id: string, concept: Concept): void {
  const merged: Concept = { ...concepts[id] };
  for (const [language, terms] of Object.entries(concept) as [keyof Concept, string[]][]) {
    merged[language] = [...new Set([...(merged[language] ?? []), ...terms])];
  }
  concepts[id] = merged;
}

function uniqueIds(items: readonly Located<{ id: string }>[], array: ArrayName, errors: DatasetIssue[]): Set<string> {
  const firstSeen = new Map<string, Located<{ id: string }>>();
  for (const located of items) {
    const first = firstSeen.get(located.item.id);
    if (first) {
      errors.push({
        path: at(located, array, 'id'),
        message: `duplicate id "${located.item.id}" (first defined at ${at(first, array, 'id')})`,
      });
    } else {
      firstSeen.set(located.item.id, located);
    }
  }
  return new Set(firstSeen.keys());
}

/** A name or alias that two actors share would make every mention ambiguous. */
function checkSharedNames(actors: readonly Located<Actor>[], errors: DatasetIssue[]): void {
  const owner = new Map<string, { id: string; path: string }>();
  for (const located of actors) {
    const actor = located.item;
    const labels: [string, PropertyKey[]][] = [
      [actor.name, ['name']],
      ...actor.aliases.map((alias, index): [string, PropertyKey[]] => [alias, ['aliases', index]]),
      ...Object.entries(actor.names).map(([language, name]): [string, PropertyKey[]] => [name ?? '', ['names', language]]),
    ];
    for (const [label, rest] of labels) {
      const key = foldTerm(label);
      if (!key) continue;
      const path = at(located, 'actors', ...rest);
      const previous = owner.get(key);
      if (previous && previous.id !== actor.id) {
        errors.push({ path, message: `"${label}" is also a name or alias of actor "${previous.id}" (${previous.path})` });
      } else if (!previous) {
        owner.set(key, { id: actor.id, path });
      }
    }
  }
}

function checkCoverageAddresses(coverage: readonly Located<{ url?: string | undefined }>[], errors: DatasetIssue[]): void {
  const seen = new Map<string, string>();
  for (const located of coverage) {
    const url = located.item.url;
    if (!url) continue;
    const path = at(located, 'coverage', 'url');
    const previous = seen.get(url);
    if (previous) errors.push({ path, message: `the same address is already coverage ${previous}` });
    else seen.set(url, path);
  }
}

function backReferences(events: readonly Located<DatasetEvent>[], claims: readonly Located<Claim>[]): Map<string, { claims: string[]; events: string[] }> {
  const covered = new Map<string, { claims: string[]; events: string[] }>();
  const entry = (id: string) => {
    let value = covered.get(id);
    if (!value) covered.set(id, (value = { claims: [], events: [] }));
    return value;
  };
  for (const { item } of events) for (const id of item.sources) entry(id).events.push(item.id);
  for (const { item } of claims) for (const id of item.sources) entry(id).claims.push(item.id);
  return covered;
}
