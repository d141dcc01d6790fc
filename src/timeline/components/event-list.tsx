/**
 * The events as a list with headings, year by year: what a screen reader, a keyboard and a
 * printer use, and what the chart shows as marks. Each title links to the event's own URL.
 */
import { formatPartialDate, t } from '../../ui/i18n.ts';
import { formatCount } from '../../ui/number-format.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import { themeLabel } from '../theme-labels.ts';

interface EventListProps {
  readonly entries: readonly TimelineEntry[];
  readonly total: number;
  readonly selectedId: string | null;
  readonly hrefFor: (eventId: string) => string;
  readonly lang: string;
}

function byYear(entries: readonly TimelineEntry[]): [string, TimelineEntry[]][] {
  const years = new Map<string, TimelineEntry[]>();
  for (const entry of entries) {
    const year = entry.event.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), entry]);
  }
  return [...years];
}

export function EventList({ entries, total, selectedId, hrefFor, lang }: EventListProps) {
  return (
    <section class="events" aria-labelledby="events-heading">
      <h2 id="events-heading">
        {t('timelineEvents', 'Events')} <span class="count" data-testid="shown-count">{t('timelineShownCount', '$1 of $2', [formatCount(entries.length, lang), formatCount(total, lang)])}</span>
      </h2>
      {entries.length === 0 && <p class="empty">{t('timelineNoMatch', 'No event matches these filters.')}</p>}
      {byYear(entries).map(([year, items]) => (
        <section key={year} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>{formatPartialDate(year, lang)}</h3>
          <ol>
            {items.map(({ event, theme, claims }) => (
              <li key={event.id} data-event-id={event.id} class={`event theme-${theme}`} aria-current={event.id === selectedId ? 'true' : undefined}>
                <h4>
                  <a href={hrefFor(event.id)}>{event.title}</a>
                </h4>
                <p class="meta">
                  <time dateTime={event.date}>{formatPartialDate(event.date, lang)}</time>
                  {' · '}
                  <span class="theme-name">
                    <span class="swatch" aria-hidden="true" />
                    {themeLabel(theme)}
                  </span>
                  {claims.length > 0 && ` · ${t('timelineClaimCount', 'claims: $1', formatCount(claims.length, lang))}`}
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </section>
  );
}
