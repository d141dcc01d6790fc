/**
 * The timeline's view and selection as a URL hash, so a card can link to an event and a
 * reader can bookmark or share a view: `#event=tehran-summit-2022&actor=vladimir-putin`.
 * Parsing never throws: values of the wrong shape are dropped and listed in `ignored`.
 */
import type { ClaimStatus } from '../../core/dataset/schema.ts';
import { partialDatePrecision } from '../../core/dataset/dates.ts';
import { CLAIM_STATUSES, NO_FILTERS, type Filters } from './filters.ts';
import { isTheme, type Theme } from './themes.ts';

export interface TimelineState {
  readonly event: string | null;
  readonly filters: Filters;
  /** The visible window as ISO days, or null for the whole span. */
  readonly view: { readonly from: string; readonly to: string } | null;
}

export const INITIAL_STATE: TimelineState = { event: null, filters: NO_FILTERS, view: null };

export interface ParsedState {
  readonly state: TimelineState;
  /** `key=value` pairs that were not understood. */
  readonly ignored: readonly string[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LANGUAGE = /^[a-z]{2}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: readonly string[] = CLAIM_STATUSES;
const MAX_TEXT = 200;

const isStatus = (value: string): value is ClaimStatus => STATUSES.includes(value);
const isDay = (value: string) => DAY.test(value) && partialDatePrecision(value) === 'day';

export function parseHash(hash: string): ParsedState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const ignored: string[] = [];
  const list = <T extends string>(key: string, valid: (value: string) => value is T): T[] => {
    const values = params.getAll(key).flatMap((value) => value.split(','));
    const kept = values.filter((value): value is T => value !== '' && valid(value));
    for (const value of values) if (value !== '' && !valid(value)) ignored.push(`${key}=${value}`);
    return [...new Set(kept)];
  };
  const isId = (value: string): value is string => ID.test(value);
  const isLanguage = (value: string): value is string => LANGUAGE.test(value);

  const eventValue = params.get('event');
  const event = eventValue && ID.test(eventValue) ? eventValue : null;
  if (eventValue && !event) ignored.push(`event=${eventValue}`);

  const from = params.get('from');
  const to = params.get('to');
  let view: TimelineState['view'] = null;
  if (from !== null || to !== null) {
    if (from && to && isDay(from) && isDay(to) && from < to) view = { from, to };
    else ignored.push(`from=${from ?? ''}&to=${to ?? ''}`);
  }
  for (const key of params.keys()) {
    if (!['event', 'theme', 'actor', 'status', 'lang', 'q', 'from', 'to'].includes(key)) ignored.push(`${key}=${params.get(key) ?? ''}`);
  }
  const filters: Filters = {
    themes: list<Theme>('theme', isTheme),
    actors: list('actor', isId),
    statuses: list<ClaimStatus>('status', isStatus),
    languages: list('lang', isLanguage),
    text: (params.get('q') ?? '').slice(0, MAX_TEXT),
  };
  return { state: { event, filters, view }, ignored };
}

/** The hash for a state, without `#`; keys in a fixed order so equal states give equal hashes. */
export function formatHash(state: TimelineState): string {
  const params = new URLSearchParams();
  if (state.event) params.set('event', state.event);
  const { themes, actors, statuses, languages, text } = state.filters;
  if (themes.length) params.set('theme', themes.join(','));
  if (actors.length) params.set('actor', actors.join(','));
  if (statuses.length) params.set('status', statuses.join(','));
  if (languages.length) params.set('lang', languages.join(','));
  if (text.trim()) params.set('q', text.trim());
  if (state.view) {
    params.set('from', state.view.from);
    params.set('to', state.view.to);
  }
  // URLSearchParams writes "," as %2C; lists read better, and parse splits on a literal comma only after decoding.
  return params.toString().replace(/%2C/g, ',');
}
