/**
 * The selected event: what happened, its claims with their status (the same badges and words
 * as the card and popup), who said them and what happened next, the people involved with
 * their roles at that date, and the coverage, linked only where the dataset has an address.
 */
import type { Ref } from 'preact';
import { claimDetails, roleAt, type DatasetIndex } from '../../ui/claim-details.ts';
import { formatPartialDate, t } from '../../ui/i18n.ts';
import { SourceTitle } from '../../ui/source-title.tsx';
import { statusLabel, statusSymbol } from '../../ui/status.ts';
import type { TimelineEntry } from '../model/timeline.ts';
import { languageLabel, themeLabel } from '../theme-labels.ts';

interface EventDetailsProps {
  readonly entry: TimelineEntry;
  readonly index: DatasetIndex;
  readonly lang: string;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onClose: () => void;
}

export function EventDetails({ entry, index, lang, headingRef, onClose }: EventDetailsProps) {
  const { event } = entry;
  const date = (value: string) => formatPartialDate(value, lang);
  const details = entry.claims.map((claim) => claimDetails(index, claim.id)).filter((value) => value !== null);
  return (
    <aside class="details" aria-labelledby="details-heading" data-testid="details" data-event-id={event.id}>
      <div class="details-head">
        <h2 id="details-heading" tabIndex={-1} ref={headingRef}>
          {event.title}
        </h2>
        <button type="button" class="close" onClick={onClose}>
          {t('timelineCloseDetails', 'Close')}
        </button>
      </div>
      <p class="meta">
        <time dateTime={event.date}>{date(event.date)}</time>
        {event.endDate && event.endDate !== event.date && (
          <>
            {' – '}
            <time dateTime={event.endDate}>{date(event.endDate)}</time>
          </>
        )}
        {event.place && ` · ${event.place}`}
        {' · '}
        <span class={`theme-name theme-${entry.theme}`}>
          <span class="swatch" aria-hidden="true" />
          {themeLabel(entry.theme)}
        </span>
      </p>
      <p class="summary">{event.summary}</p>

      {details.length > 0 && (
        <>
          <h3>{t('timelineClaims', 'Claims')}</h3>
          <ul class="claims">
            {details.map(({ claim, sources }) => (
              <li key={claim.id} data-claim-id={claim.id}>
                <span class={`badge status-${claim.status}`}>
                  <span aria-hidden="true">{statusSymbol(claim.status)}</span> {statusLabel(claim.status)}
                </span>
                <p class="text">{claim.text}</p>
                <p class="attribution">
                  {claim.attribution} · <time dateTime={claim.date}>{date(claim.date)}</time>
                </p>
                <h4>{t('cardWhatNext', 'What happened next')}</h4>
                <p class="context">{claim.context}</p>
                <p class="claim-sources">
                  {t('timelineClaimSources', 'Sources:')}{' '}
                  {sources.map((source, position) => (
                    <span key={source.id}>
                      {position > 0 && '; '}
                      {source.outlet}
                    </span>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}

      {entry.actorIds.length > 0 && (
        <>
          <h3>{t('cardActors', 'People and organisations')}</h3>
          <ul class="actors">
            {entry.actorIds.map((id) => {
              const actor = index.actors.get(id);
              if (!actor) return null;
              const role = roleAt(actor, event.date);
              return (
                <li key={id}>
                  <span class="actor-name">{actor.name}</span>
                  {role && <span class="role"> — {role.title}</span>}
                </li>
              );
            })}
          </ul>
        </>
      )}

      <h3>{t('timelineCoverage', 'Coverage')}</h3>
      <ul class="coverage">
        {entry.coverage.map((item) => (
          <li key={item.id}>
            <span class="outlet">{item.outlet}</span>
            {', '}
            <SourceTitle source={item} lang={item.language} dir="auto" />
            {' · '}
            <time dateTime={item.date}>{date(item.date)}</time>
            {' · '}
            <span class="language">{languageLabel(item.language, lang)}</span>
          </li>
        ))}
      </ul>
    </aside>
  );
}
