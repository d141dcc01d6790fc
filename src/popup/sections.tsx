/** The popup's sections for a relevant page: claims by event, actors, timeline, related coverage. */
import type { Actor, Coverage, DatasetEvent } from '../core/dataset/schema.ts';
import type { PageReport } from '../shared/report.ts';
import { laterChange, roleAt, type DatasetIndex } from '../ui/claim-details.ts';
import { formatPartialDate, t } from '../ui/i18n.ts';
import { reasonText } from '../ui/reasons.ts';
import { laterChangeText } from '../ui/role-status.ts';
import { SourceTitle } from '../ui/source-title.tsx';
import { statusLabel, statusSymbol } from '../ui/status.ts';
import { tierCounts, tierLabel } from '../ui/tiers.ts';

export function Relevance({ report }: { report: PageReport }) {
  const strength = report.score >= 0.85 ? t('relevanceStrong', 'Strong match') : report.score >= 0.65 ? t('relevanceGood', 'Good match') : t('relevanceWeak', 'Weak match');
  return (
    <section aria-labelledby="relevance-title" class="relevance">
      <h2 id="relevance-title">{report.relevant ? t('popupRelevant', 'About Russia–Iran relations') : t('popupNotRelevant', 'Not about Russia–Iran relations')}</h2>
      {report.relevant && <p class="score">{t('relevanceScore', '$1 ($2%)', [strength, String(Math.round(report.score * 100))])}</p>}
      <details open={!report.relevant}>
        <summary>{t('relevanceWhy', 'Why?')}</summary>
        <ul>
          {report.reasons.map((reason, position) => (
            <li key={reason}>{reasonText(report.reasonDetails[position], reason)}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}

type Hit = PageReport['claims'][number];

interface ClaimGroup {
  readonly event: DatasetEvent | null;
  readonly hits: readonly Hit[];
}

/** Claims and event mentions by the event they are about (one entry per claim: the first place it appears). */
function groupByEvent(report: PageReport, index: DatasetIndex): ClaimGroup[] {
  const groups = new Map<string, Hit[]>();
  const seen = new Set<string>();
  for (const hit of report.claims) {
    if (hit.tier === 'detected') continue;
    const key = hit.claimId ?? `${hit.tier}:${hit.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const eventId = hit.eventIds[0] ?? '';
    groups.set(eventId, [...(groups.get(eventId) ?? []), hit]);
  }
  return [...groups]
    .map(([eventId, hits]) => ({ event: index.events.get(eventId) ?? null, hits }))
    .sort((a, b) => (a.event?.date ?? '9999').localeCompare(b.event?.date ?? '9999'));
}

function ShowButton({ hit, onShow }: { hit: Hit; onShow: (claimId: string, start: number) => void }) {
  return (
    <button type="button" class="link-button" onClick={() => onShow(hit.claimId ?? '', hit.start)}>
      {t('popupShowOnPage', 'Show on page')}
    </button>
  );
}

function HitItem({ hit, index, onShow }: { hit: Hit; index: DatasetIndex; onShow: (claimId: string, start: number) => void }) {
  const claim = hit.claimId ? index.claims.get(hit.claimId) : undefined;
  if (claim) {
    return (
      <li data-claim-id={claim.id} data-tier="claim">
        <span class={`badge status-${claim.status}`}>
          <span aria-hidden="true">{statusSymbol(claim.status)}</span> {statusLabel(claim.status)}
        </span>
        <p>{claim.text}</p>
        <ShowButton hit={hit} onShow={onShow} />
      </li>
    );
  }
  // An event mention or a detected claim: what the page says, in its words, and what it is (or is not) in the dataset.
  return (
    <li data-tier={hit.tier}>
      <span class={`badge tier-${hit.tier}`}>{tierLabel(hit.tier)}</span>
      <p class="page-text">{hit.text}</p>
      <ShowButton hit={hit} onShow={onShow} />
    </li>
  );
}

export function ClaimList({ report, index, onShow }: { report: PageReport; index: DatasetIndex; onShow: (claimId: string, start: number) => void }) {
  const groups = groupByEvent(report, index);
  const detected = report.claims.filter((hit) => hit.tier === 'detected');
  const counts = tierCounts(report);
  return (
    <section aria-labelledby="claims-title">
      <h2 id="claims-title">{t('popupHighlights', 'Highlights on this page ($1)', String(report.claims.length))}</h2>
      <p class="tier-counts">
        {t('popupTierCounts', '$1 dataset claims, $2 event mentions, $3 not in the dataset', [String(counts.claim), String(counts.event), String(counts.detected)])}
      </p>
      {groups.map((group) => (
        <div class="event-group" key={group.event?.id ?? 'none'}>
          {group.event && (
            <h3>
              {group.event.title} <time dateTime={group.event.date}>{formatPartialDate(group.event.date)}</time>
            </h3>
          )}
          <ul class="claims">
            {group.hits.map((hit) => (
              <HitItem key={`${hit.claimId ?? hit.tier}-${hit.start}`} hit={hit} index={index} onShow={onShow} />
            ))}
          </ul>
        </div>
      ))}
      {detected.length > 0 && (
        <div class="event-group detected">
          <h3>{t('popupDetected', 'Not in the dataset')}</h3>
          <ul class="claims">
            {detected.map((hit) => (
              <HitItem key={`detected-${hit.start}`} hit={hit} index={index} onShow={onShow} />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function ActorItem({ actor, date }: { actor: Actor; date: string }) {
  const role = roleAt(actor, date);
  const since = laterChange(actor, role);
  return (
    <li>
      <span class="actor-name">{actor.name}</span>
      {role && <span class="role"> — {role.title}</span>}
      {since && <span class="role since"> ({laterChangeText(since)})</span>}
      <p class="description">{actor.description}</p>
      {actor.wikidata && (
        <a href={`https://www.wikidata.org/wiki/${actor.wikidata}`} target="_blank" rel="noopener noreferrer">
          {t('popupWikidata', 'Wikidata')}
        </a>
      )}
    </li>
  );
}

export function ActorList({ report, index }: { report: PageReport; index: DatasetIndex }) {
  // Roles are given as of the page's own time: its publication date, else its latest claim.
  const claimDates = report.claims.map((hit) => (hit.claimId ? index.claims.get(hit.claimId)?.date ?? '' : '')).filter(Boolean).sort();
  const date = report.publishedDate?.slice(0, 10) ?? claimDates[claimDates.length - 1] ?? new Date().toISOString().slice(0, 10);
  const actors = report.actors.slice(0, 12).flatMap((mention) => {
    const actor = index.actors.get(mention.actorId);
    return actor ? [actor] : [];
  });
  if (actors.length === 0) return null;
  return (
    <section aria-labelledby="actors-title">
      <h2 id="actors-title">{t('popupActors', 'Who is involved')}</h2>
      <ul class="actors">
        {actors.map((actor) => (
          <ActorItem key={actor.id} actor={actor} date={date} />
        ))}
      </ul>
    </section>
  );
}

export function Timeline({ report, index }: { report: PageReport; index: DatasetIndex }) {
  const eventIds = new Set(report.claims.flatMap((hit) => hit.eventIds));
  const entries = [
    ...[...eventIds].flatMap((id) => {
      const event = index.events.get(id);
      return event ? [{ key: `e-${id}`, date: event.date, label: event.title, kind: 'event' as const }] : [];
    }),
    ...report.dates.slice(0, 20).map((mention, position) => ({ key: `d-${position}`, date: mention.date, label: t('popupPageMentions', 'The page mentions “$1”', mention.text), kind: 'mention' as const })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('popupTimeline', 'Timeline')}</h2>
      <ol class="timeline">
        {entries.map((entry) => (
          <li key={entry.key} class={entry.kind}>
            <time dateTime={entry.date}>{formatPartialDate(entry.date)}</time>
            <span>{entry.label}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function CoverageItem({ item }: { item: Coverage }) {
  return (
    <li>
      <span class="outlet">{item.outlet}</span>
      <SourceTitle source={item} />
      <time dateTime={item.date}>{formatPartialDate(item.date)}</time>
    </li>
  );
}

export function RelatedCoverage({ report, index }: { report: PageReport; index: DatasetIndex }) {
  const items = report.related.flatMap((id) => {
    const item = index.coverage.get(id);
    return item ? [item] : [];
  });
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-title">
      <h2 id="related-title">{t('popupRelated', 'Related coverage')}</h2>
      <ul class="coverage">
        {items.map((item) => (
          <CoverageItem key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}
