/** The hover card's content: one or two claims painted on the same sentence. */
import type { ClaimDetails } from '../../ui/claim-details.ts';
import type { DetectedDetails, EventMentionDetails } from '../../ui/highlight-details.ts';
import { formatPartialDate, isRightToLeft, t } from '../../ui/i18n.ts';
import { laterChangeText } from '../../ui/role-status.ts';
import { SourceTitle } from '../../ui/source-title.tsx';
import { statusLabel, statusSymbol } from '../../ui/status.ts';
import { tierLabel } from '../../ui/tiers.ts';
import type { Coverage } from '../../core/dataset/schema.ts';

export interface ClaimCardProps {
  readonly claims: readonly ClaimDetails[];
  /** For an event mention or a detected claim (then `claims` is empty). */
  readonly mention?: EventMentionDetails | DetectedDetails | null;
  readonly position: { readonly index: number; readonly total: number };
  readonly confidence: number;
  readonly onClose: () => void;
  /** Opens the timeline at an event (through the background: a page cannot open extension pages). */
  readonly onOpenTimeline?: (eventId: string) => void;
}

function SourceList({ sources }: { sources: readonly Coverage[] }) {
  return (
    <ul class="sources">
      {sources.map((source) => (
        <li key={source.id}>
          <span class="outlet">{source.outlet}</span>
          {', '}
          <SourceTitle source={source} />
          {' · '}
          <time dateTime={source.date}>{formatPartialDate(source.date)}</time>
        </li>
      ))}
    </ul>
  );
}

function Timeline({ details }: { details: ClaimDetails }) {
  if (details.timeline.length === 0) return null;
  return (
    <ol class="timeline" aria-label={t('cardTimeline', 'Timeline')}>
      {details.timeline.map(({ event, linked }) => (
        <li key={event.id} class={linked ? 'linked' : undefined} aria-current={linked ? 'true' : undefined}>
          <time dateTime={event.date}>{formatPartialDate(event.date)}</time>
          <span>{event.title}</span>
        </li>
      ))}
    </ol>
  );
}

function ClaimSection({ details, onOpenTimeline }: { details: ClaimDetails; onOpenTimeline?: ((eventId: string) => void) | undefined }) {
  const { claim } = details;
  const event = details.events[0];
  return (
    <section class="claim" data-claim-id={claim.id}>
      <p class={`badge status-${claim.status}`}>
        <span aria-hidden="true">{statusSymbol(claim.status)}</span> {statusLabel(claim.status)}
      </p>
      <p class="text">{claim.text}</p>
      <p class="attribution">
        {claim.attribution} · <time dateTime={claim.date}>{formatPartialDate(claim.date)}</time>
      </p>
      <h3>{t('cardWhatNext', 'What happened next')}</h3>
      <p class="context">{claim.context}</p>
      {details.actors.length > 0 && (
        <ul class="actors" aria-label={t('cardActors', 'People and organisations')}>
          {details.actors.map(({ actor, role, since }) => (
            <li key={actor.id}>
              <span class="actor-name">{actor.name}</span>
              {role && <span class="role"> — {role.title}</span>}
              {since && <span class="role since"> ({laterChangeText(since)})</span>}
            </li>
          ))}
        </ul>
      )}
      <Timeline details={details} />
      {event && onOpenTimeline && (
        <button type="button" class="timeline-link" onClick={() => onOpenTimeline(event.id)}>
          {t('cardSeeOnTimeline', 'See on the timeline')}
        </button>
      )}
      <h3>{t('cardSources', 'Sources')}</h3>
      <SourceList sources={details.sources} />
      {details.otherSourceCount > 0 && (
        <p class="more">{t('cardOtherSources', 'Reported by $1 other sources in the dataset', String(details.otherSourceCount))}</p>
      )}
    </section>
  );
}

/** What counted for this highlight, in a line: the reader can judge the match themselves. */
function Why({ words }: { words: readonly string[] }) {
  if (words.length === 0) return null;
  return <p class="why">{t('cardWhy', 'Why: $1', words.join(' · '))}</p>;
}

/** A sentence about a dataset event that states none of its claims: the event, its claims and its coverage. */
function EventSection({ details, onOpenTimeline }: { details: EventMentionDetails; onOpenTimeline?: ((eventId: string) => void) | undefined }) {
  const { event } = details;
  return (
    <section class="mention" data-event-id={event.id}>
      <p class="badge tier-event">{tierLabel('event')}</p>
      <p class="text">{event.title}</p>
      <p class="attribution">
        <time dateTime={event.date}>{formatPartialDate(event.date)}</time>
        {event.place ? ` · ${event.place}` : ''}
      </p>
      <p class="context">{event.summary}</p>
      <Why words={details.why} />
      {details.claims.length > 0 && (
        <>
          <h3>{t('cardEventClaims', 'Claims about this event in the dataset')}</h3>
          <ul class="event-claims">
            {details.claims.slice(0, 4).map((claim) => (
              <li key={claim.id}>
                <span class={`badge status-${claim.status}`}>
                  <span aria-hidden="true">{statusSymbol(claim.status)}</span> {statusLabel(claim.status)}
                </span>{' '}
                {claim.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {details.actors.length > 0 && (
        <ul class="actors" aria-label={t('cardActors', 'People and organisations')}>
          {details.actors.map(({ actor, role, since }) => (
            <li key={actor.id}>
              <span class="actor-name">{actor.name}</span>
              {role && <span class="role"> — {role.title}</span>}
              {since && <span class="role since"> ({laterChangeText(since)})</span>}
            </li>
          ))}
        </ul>
      )}
      {onOpenTimeline && (
        <button type="button" class="timeline-link" onClick={() => onOpenTimeline(event.id)}>
          {t('cardSeeOnTimeline', 'See on the timeline')}
        </button>
      )}
      <h3>{t('cardSources', 'Sources')}</h3>
      <SourceList sources={details.sources} />
    </section>
  );
}

/** A check-worthy sentence the dataset does not hold: said plainly, with what was recognised and the nearest events. */
function DetectedSection({ details }: { details: DetectedDetails }) {
  return (
    <section class="mention detected">
      <p class="badge tier-detected">{tierLabel('detected')}</p>
      <p class="text">{t('cardDetectedNote', 'This sentence reports dealings between Russia and Iran that the dataset does not hold. Check it against its sources.')}</p>
      <Why words={details.why} />
      {(details.actors.length > 0 || details.years.length > 0) && (
        <>
          <h3>{t('cardRecognised', 'Recognised')}</h3>
          <p class="recognised">{[...details.actors.map((actor) => actor.name), ...details.years.map(String)].join(' · ')}</p>
        </>
      )}
      {details.nearEvents.length > 0 && (
        <>
          <h3>{t('cardNearEvents', 'Nearest events in the dataset')}</h3>
          <ol class="timeline">
            {details.nearEvents.map((event) => (
              <li key={event.id}>
                <time dateTime={event.date}>{formatPartialDate(event.date)}</time>
                <span>{event.title}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function ClaimCardView({ claims, mention, position, confidence, onClose, onOpenTimeline }: ClaimCardProps) {
  return (
    <div class="card" role="dialog" tabIndex={-1} aria-label={t('cardLabel', 'Claim details')} dir={isRightToLeft() ? 'rtl' : 'ltr'}>
      <header>
        <span class="brand">{t('extensionName', 'Russia–Iran Lens')}</span>
        <span class="position">{t('cardPosition', 'Claim $1 of $2', [String(position.index + 1), String(position.total)])}</span>
        <span class="confidence" title={t('cardConfidenceHint', 'How closely this sentence matches the claim')}>
          {t('cardConfidence', 'Match $1%', String(Math.round(confidence * 100)))}
        </span>
        <button type="button" class="close" onClick={onClose} aria-label={t('cardClose', 'Close')}>
          ×
        </button>
      </header>
      {claims.map((details) => (
        <ClaimSection key={details.claim.id} details={details} onOpenTimeline={onOpenTimeline} />
      ))}
      {mention?.kind === 'event' && <EventSection details={mention} onOpenTimeline={onOpenTimeline} />}
      {mention?.kind === 'detected' && <DetectedSection details={mention} />}
    </div>
  );
}
