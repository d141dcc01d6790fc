/** The timeline page: filters, the picture, the list of events and the selected event's details. */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Dataset } from '../core/dataset/schema.ts';
import { indexDataset } from '../ui/claim-details.ts';
import { t } from '../ui/i18n.ts';
import { Chart } from './components/chart.tsx';
import { EventDetails } from './components/event-details.tsx';
import { EventList } from './components/event-list.tsx';
import { ExportButtons } from './components/export-buttons.tsx';
import { FilterBar, FilterSummary } from './components/filters.tsx';
import { filterChoices, filterEntries, type Filters } from './model/filters.ts';
import { buildTimeline } from './model/timeline.ts';
import { formatHash, type TimelineState } from './model/url-state.ts';
import { clampViewport, daysToViewport, viewportToDays, type Viewport } from './model/viewport.ts';
import { useHashState } from './use-hash-state.ts';

/** How long zooming must rest before the window is written to the URL. */
const VIEW_WRITE_DELAY_MS = 250;

const sameDays = (a: TimelineState['view'], b: TimelineState['view']) => a?.from === b?.from && a?.to === b?.to;

export function TimelineApp({ dataset, lang }: { dataset: Dataset; lang: string }) {
  const timeline = useMemo(() => buildTimeline(dataset), [dataset]);
  const index = useMemo(() => indexDataset(dataset), [dataset]);
  const choices = useMemo(() => filterChoices(timeline), [timeline]);
  const { domain } = timeline;
  const [state, navigate, ignored] = useHashState();
  const stateRef = useRef(state);
  stateRef.current = state;

  const initialView = (days: TimelineState['view']) => (days ? daysToViewport(days, domain) : domain);
  const [view, setView] = useState<Viewport>(() => initialView(state.view));
  const viewTimer = useRef<ReturnType<typeof setTimeout>>();

  // Back/forward or a pasted link changed the window: follow it.
  useEffect(() => {
    const days = view.start === domain.start && view.end === domain.end ? null : viewportToDays(view);
    if (!sameDays(days, state.view)) setView(initialView(state.view));
  }, [state.view?.from, state.view?.to]);

  const onView = useCallback(
    (next: Viewport) => {
      const clamped = clampViewport(next, domain);
      setView(clamped);
      clearTimeout(viewTimer.current);
      viewTimer.current = setTimeout(() => {
        const whole = clamped.start === domain.start && clamped.end === domain.end;
        navigate({ ...stateRef.current, view: whole ? null : viewportToDays(clamped) }, 'replace');
      }, VIEW_WRITE_DELAY_MS);
    },
    [domain, navigate],
  );

  // Fold the search text in idle time after the first render, so the first search does not pay for it.
  useEffect(() => {
    const pending = [...timeline.entries];
    const fold = (deadline: IdleDeadline) => {
      while (pending.length > 0 && deadline.timeRemaining() > 2) void pending.pop()!.haystack;
      if (pending.length > 0) handle = requestIdleCallback(fold);
    };
    let handle = typeof requestIdleCallback === 'function' ? requestIdleCallback(fold) : 0;
    return () => handle && cancelIdleCallback(handle);
  }, [timeline]);

  const entries = useMemo(() => filterEntries(timeline, state.filters), [timeline, state.filters]);
  const selected = state.event ? (timeline.entries.find((entry) => entry.event.id === state.event) ?? null) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const mounted = useRef(false);

  // A new selection: bring it into the chart's window and move focus to its details.
  useEffect(() => {
    if (selected && (selected.start > view.end || selected.end < view.start)) {
      const half = (view.end - view.start) / 2;
      onView({ start: selected.start - half, end: selected.start + half });
    }
    if (selected && mounted.current) heading.current?.focus();
    mounted.current = true;
  }, [selected?.event.id]);

  const select = (eventId: string | null) => navigate({ ...stateRef.current, event: eventId }, 'push');
  const setFilters = (filters: Filters, typing: boolean) => navigate({ ...stateRef.current, filters }, typing ? 'replace' : 'push');
  const hrefFor = (eventId: string) => `#${formatHash({ ...state, event: eventId })}`;

  return (
    <div class="page">
      <header class="page-header">
        <h1>{t('timelineHeading', 'Russia and Iran: a timeline')}</h1>
        <p class="lead">{t('timelineIntro', 'Every event in the extension’s sourced dataset, from 2000 to today. Choose an event for its claims, the people involved and the coverage.')}</p>
      </header>
      {ignored.length > 0 && (
        <p class="notice" role="status">
          {t('timelineIgnored', 'Some parts of this link were not understood and were left out: $1', ignored.join(', '))}
        </p>
      )}
      {state.event && !selected && (
        <p class="notice" role="alert" data-testid="unknown-event">
          {t('timelineUnknownEvent', 'There is no event “$1” in the dataset.', state.event)}
        </p>
      )}
      <FilterSummary filters={state.filters} actors={choices.actors} lang={lang} />
      <FilterBar filters={state.filters} actors={choices.actors} languages={choices.languages} lang={lang} onChange={setFilters} />
      <div class={`layout${selected ? ' has-details' : ''}`}>
        <main class="main">
          <Chart entries={entries} domain={domain} view={view} selectedId={state.event} lang={lang} onView={onView} onSelect={select} />
          <ExportButtons entries={entries} actors={timeline.actors} />
          <EventList entries={entries} total={timeline.entries.length} selectedId={state.event} hrefFor={hrefFor} lang={lang} />
        </main>
        {selected && <EventDetails entry={selected} index={index} lang={lang} headingRef={heading} onClose={() => select(null)} />}
      </div>
    </div>
  );
}
