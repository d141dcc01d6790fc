/** The hover card's content: one or two claims painted on the same sentence. */
import type { ClaimDetails } from '../../ui/claim-details.ts';
import { formatPartialDate, isRightToLeft, t } from '../../ui/i18n.ts';
import { SourceTitle } from '../../ui/source-title.tsx';
import { statusLabel, statusSymbol } from '../../ui/status.ts';

export interface ClaimCardProps {
  readonly claims: readonly ClaimDetails[];
  readonly position: { readonly index: number; readonly total: number };
  readonly confidence: number;
  readonly onClose: () => void;
}

function Sources({ details }: { details: ClaimDetails }) {
  return (
    <ul class="sources">
      {details.sources.map((source) => (
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

function ClaimSection({ details }: { details: ClaimDetails }) {
  const { claim } = details;
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
          {details.actors.map(({ actor, role }) => (
            <li key={actor.id}>
              <span class="actor-name">{actor.name}</span>
              {role && <span class="role"> — {role.title}</span>}
            </li>
          ))}
        </ul>
      )}
      <Timeline details={details} />
      <h3>{t('cardSources', 'Sources')}</h3>
      <Sources details={details} />
      {details.otherSourceCount > 0 && (
        <p class="more">{t('cardOtherSources', 'Reported by $1 other sources in the dataset', String(details.otherSourceCount))}</p>
      )}
    </section>
  );
}

export function ClaimCardView({ claims, position, confidence, onClose }: ClaimCardProps) {
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
        <ClaimSection key={details.claim.id} details={details} />
      ))}
    </div>
  );
}
