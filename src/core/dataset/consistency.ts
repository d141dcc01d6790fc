/**
 * Checks across items that zod cannot see one object at a time: one holder per office at a
 * time, coverage ids whose embedded date agrees with `date`, and titles written in the
 * script of the source's declared language. Pure; assemble.ts runs them and reports paths.
 */
import type { Actor, Role } from './schema.ts';

/** An item with a function giving the path of one of its fields, for error messages. */
export interface Placed<T> {
  readonly item: T;
  readonly at: (...rest: PropertyKey[]) => string;
}

export interface ConsistencyIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Offices that several people hold at once (deputies, advisers, aides, members). Every other
 * title names a single office, compared exactly: "President of Russia" and "Acting President
 * of Russia" are different offices.
 */
const SHARED_OFFICE = /^(?:First )?Deputy |^Vice-Chair|^Adviser |^Advisor |^Aide |^Member /;

/**
 * Compares two partial dates at the coarser of their precisions: "2024" and "2024-05-12"
 * compare equal. Returns <0, 0 or >0.
 */
function comparePartial(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Whether `a` certainly starts before `b` ends (an open start or end is unbounded). */
function startsBeforeEnd(start: string | undefined, end: string | undefined): boolean {
  if (start === undefined || end === undefined) return true;
  // A handover on the same day (or within the same coarse period) is not an overlap.
  return comparePartial(start, end) < 0;
}

export function rolesOverlap(a: Role, b: Role): boolean {
  return startsBeforeEnd(a.from, b.to) && startsBeforeEnd(b.from, a.to);
}

/** Two different actors holding the same single office at overlapping dates. */
export function checkOfficeHolders(actors: readonly Placed<Actor>[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  const holders = new Map<string, { actor: Placed<Actor>; role: Role; index: number }[]>();
  for (const actor of actors) {
    actor.item.roles.forEach((role, index) => {
      if (SHARED_OFFICE.test(role.title)) return;
      const list = holders.get(role.title) ?? [];
      for (const other of list) {
        if (other.actor.item.id === actor.item.id || !rolesOverlap(other.role, role)) continue;
        issues.push({
          path: actor.at('roles', index),
          message: `"${role.title}" ${span(role)} overlaps the same office held by "${other.actor.item.id}" ${span(other.role)} (${other.actor.at('roles', other.index)})`,
        });
      }
      list.push({ actor, role, index });
      holders.set(role.title, list);
    });
  }
  return issues;
}

function span(role: Role): string {
  return `from ${role.from ?? 'an unknown date'} to ${role.to ?? 'now'}`;
}

/** The first date written into a coverage id (`cov-outlet-2024-06-27-topic`), if any. */
export function dateInCoverageId(id: string): string | null {
  const match = /(?:^|-)(\d{4}(?:-\d{2}){0,2})(?=-|$)/.exec(id.replace(/^cov-/, ''));
  return match?.[1] ?? null;
}

export function checkCoverageIdDates(coverage: readonly Placed<{ id: string; date: string }>[]): ConsistencyIssue[] {
  const issues: ConsistencyIssue[] = [];
  for (const { item, at } of coverage) {
    const embedded = dateInCoverageId(item.id);
    if (embedded !== null && comparePartial(embedded, item.date) !== 0) {
      issues.push({ path: at('id'), message: `the id says ${embedded} but the item's date is ${item.date}; make them agree` });
    }
  }
  return issues;
}

type Script = 'Latin' | 'Cyrillic' | 'Arabic' | 'Greek' | 'Hebrew' | 'Han' | 'Devanagari';

/** The script each language is written in; languages missing here are not checked. */
const SCRIPT_OF_LANGUAGE: Readonly<Record<string, Script>> = {
  ...Object.fromEntries(
    ['en', 'de', 'fr', 'es', 'it', 'pt', 'tr', 'nl', 'ro', 'pl', 'cs', 'sk', 'hu', 'sv', 'da', 'no', 'fi', 'hr', 'sl', 'az', 'id', 'ms', 'tl', 'ca', 'lv', 'lt', 'et', 'sq'].map(
      (language) => [language, 'Latin' as const],
    ),
  ),
  ...Object.fromEntries(['ru', 'uk', 'bg', 'be', 'mk', 'kk', 'ky', 'tg', 'mn'].map((language) => [language, 'Cyrillic' as const])),
  ...Object.fromEntries(['fa', 'ar', 'ur', 'ps', 'ku'].map((language) => [language, 'Arabic' as const])),
  el: 'Greek',
  he: 'Hebrew',
  zh: 'Han',
  ja: 'Han',
  hi: 'Devanagari',
};

const SCRIPT_PATTERN: Readonly<Record<Script, RegExp>> = {
  Latin: /\p{Script=Latin}/u,
  Cyrillic: /\p{Script=Cyrillic}/u,
  Arabic: /\p{Script=Arabic}/u,
  Greek: /\p{Script=Greek}/u,
  Hebrew: /\p{Script=Hebrew}/u,
  Han: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  Devanagari: /\p{Script=Devanagari}/u,
};

/** Share of a text's letters written in `script` (1 when it has no letters at all). */
function shareInScript(text: string, script: Script): number {
  const letters = [...text].filter((character) => /\p{L}/u.test(character));
  if (letters.length === 0) return 1;
  return letters.filter((character) => SCRIPT_PATTERN[script].test(character)).length / letters.length;
}

/** English words that do not occur as words in the other Latin-script languages we check. */
const ENGLISH_MARKERS = new Set(['the', 'of', 'and', 'with', 'from', 'says', 'after', 'over', 'its', 'their', 'to', 'for', 'by', 'is', 'are', 'translation']);
const LOOKS_ENGLISH_CHECKED = new Set(['de', 'fr', 'es', 'it', 'pt', 'tr']);

export interface TitleLanguageIssues {
  /** A title not written in its language's script: certainly wrong. */
  readonly errors: ConsistencyIssue[];
  /** A Latin-script title that reads like English in a non-English item: probably a translation. */
  readonly warnings: ConsistencyIssue[];
}

export function checkTitleLanguages(coverage: readonly Placed<{ title: string; language: string }>[]): TitleLanguageIssues {
  const errors: ConsistencyIssue[] = [];
  const warnings: ConsistencyIssue[] = [];
  for (const { item, at } of coverage) {
    const script = SCRIPT_OF_LANGUAGE[item.language];
    if (!script) continue;
    if (shareInScript(item.title, script) < 0.5) {
      errors.push({
        path: at('title'),
        message: `the title is not in ${script} script, so it is not the headline as published in "${item.language}"; give that headline (and an English one in titleTranslation)`,
      });
      continue;
    }
    if (LOOKS_ENGLISH_CHECKED.has(item.language)) {
      const words = item.title.toLowerCase().match(/\p{L}+/gu) ?? [];
      if (words.filter((word) => ENGLISH_MARKERS.has(word)).length >= 2) {
        warnings.push({ path: at('title'), message: `the title reads like English, not "${item.language}": is it a translation? Put translations in titleTranslation` });
      }
    }
  }
  return { errors, warnings };
}
