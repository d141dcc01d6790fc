/** The filter bar: free text, theme, actor, claim status and language of coverage. */
import type { Actor, ClaimStatus } from '../../core/dataset/schema.ts';
import { t } from '../../ui/i18n.ts';
import { statusLabel } from '../../ui/status.ts';
import { CLAIM_STATUSES, hasFilters, NO_FILTERS, type Filters } from '../model/filters.ts';
import { THEMES, type Theme } from '../model/themes.ts';
import { languageLabel, themeLabel } from '../theme-labels.ts';

interface FilterBarProps {
  readonly filters: Filters;
  readonly actors: readonly Actor[];
  readonly languages: readonly string[];
  readonly lang: string;
  /** `typing` changes replace the history entry instead of adding one per keystroke. */
  readonly onChange: (filters: Filters, typing: boolean) => void;
}

const valueOf = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** The active filters in one line, for print (the form itself is not printed). */
export function FilterSummary({ filters, actors, lang }: { filters: Filters; actors: readonly Actor[]; lang: string }) {
  if (!hasFilters(filters)) return null;
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  const parts = [
    ...filters.themes.map(themeLabel),
    ...filters.actors.map((id) => names.get(id) ?? id),
    ...filters.statuses.map(statusLabel),
    ...filters.languages.map((code) => languageLabel(code, lang)),
    ...(filters.text.trim() ? [`“${filters.text.trim()}”`] : []),
  ];
  return <p class="print-only filter-summary">{t('timelinePrintFilters', 'Filters: $1', parts.join(' · '))}</p>;
}

export function FilterBar({ filters, actors, languages, lang, onChange }: FilterBarProps) {
  const update = (patch: Partial<Filters>, typing = false) => onChange({ ...filters, ...patch }, typing);
  const toggleTheme = (theme: Theme, on: boolean) => update({ themes: on ? THEMES.filter((value) => value === theme || filters.themes.includes(value)) : filters.themes.filter((value) => value !== theme) });
  return (
    <form class="filters" role="search" aria-labelledby="filters-heading" onSubmit={(event) => event.preventDefault()}>
      <h2 id="filters-heading" class="visually-hidden">
        {t('timelineFilters', 'Filters')}
      </h2>
      <div class="filter filter-text">
        <label for="filter-text">{t('timelineSearchLabel', 'Search events, claims, sources and names')}</label>
        <input id="filter-text" type="search" value={filters.text} placeholder={t('timelineSearchPlaceholder', 'e.g. Bushehr, Путин, پهپاد')} onInput={(event) => update({ text: valueOf(event) }, true)} />
      </div>
      <div class="filter">
        <label for="filter-actor">{t('timelineActor', 'Person or organisation')}</label>
        <select id="filter-actor" value={filters.actors[0] ?? ''} onChange={(event) => update({ actors: valueOf(event) ? [valueOf(event)] : [] })}>
          <option value="">{t('timelineAnyActor', 'Anyone')}</option>
          {actors.map((actor) => (
            <option key={actor.id} value={actor.id}>
              {actor.name}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-status">{t('timelineStatus', 'Claim status')}</label>
        <select id="filter-status" value={filters.statuses[0] ?? ''} onChange={(event) => update({ statuses: valueOf(event) ? [valueOf(event) as ClaimStatus] : [] })}>
          <option value="">{t('timelineAnyStatus', 'Any status')}</option>
          {CLAIM_STATUSES.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-language">{t('timelineLanguage', 'Language of coverage')}</label>
        <select id="filter-language" value={filters.languages[0] ?? ''} onChange={(event) => update({ languages: valueOf(event) ? [valueOf(event)] : [] })}>
          <option value="">{t('timelineAnyLanguage', 'Any language')}</option>
          {languages.map((code) => (
            <option key={code} value={code}>
              {languageLabel(code, lang)}
            </option>
          ))}
        </select>
      </div>
      <fieldset class="filter filter-themes">
        <legend>{t('timelineThemes', 'Themes')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} class={`theme-chip theme-${theme}`}>
            <input type="checkbox" value={theme} checked={filters.themes.includes(theme)} onChange={(event) => toggleTheme(theme, (event.target as HTMLInputElement).checked)} />
            <span class="swatch" aria-hidden="true" />
            {themeLabel(theme)}
          </label>
        ))}
      </fieldset>
      <button type="button" class="clear" disabled={!hasFilters(filters)} onClick={() => onChange(NO_FILTERS, false)}>
        {t('timelineClearFilters', 'Clear filters')}
      </button>
    </form>
  );
}
