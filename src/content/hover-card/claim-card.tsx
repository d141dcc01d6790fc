/**
 * The hover card's content: one or two claims painted on the same sentence, or an event mention,
 * or a claim the dataset does not hold. Built with plain
 * DOM calls (no UI library in the script every page loads); every text goes in as a text
 * node, never as HTML.
 */
import type { Coverage } from '../../core/dataset/schema.ts';
import type { ClaimDetails } from '../../shared/claim-details.ts';
import type { DetectedDetails, EventMentionDetails, MentionDetails } from '../../shared/highlight-details.ts';
import { formatPartialDate, isRightToLeft, t } from '../../ui/i18n.ts';
import { laterChangeText } from '../../ui/role-status.ts';
import { statusLabel, statusSymbol } from '../../ui/status.ts';
import { tierLabel } from '../../ui/tiers.ts';

export interface ClaimCardProps {
  readonly claims: readonly ClaimDetails[];
  /** For an event mention or a detected claim (then `claims` is empty). */
  readonly mention?: MentionDetails | null;
  readonly position: { readonly index: number; readonly total: number };
  readonly confidence: number;
  readonly onClose: () => void;
  /** Opens the timeline at an event (through the background: a page cannot open extension pages). */
  readonly onOpenTimeline?: ((eventId: string) => void) | undefined;
}

type Child = Node | string | null | false | undefined;

/** An element with attributes and children; strings become text nodes (append never parses HTML). */
function element(document: Document, tag: string, attributes: Record<string, string | undefined>, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(name, value);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** A source's title: a link only where the dataset has a real address, opened with noopener. */
function sourceTitle(document: Document, source: { readonly title: string; readonly url?: string | undefined }): HTMLElement {
  return source.url ? element(document, 'a', { href: source.url, target: '_blank', rel: 'noopener noreferrer' }, source.title) : element(document, 'span', {}, source.title);
}

const time = (document: Document, date: string) => element(document, 'time', { datetime: date }, formatPartialDate(date));

function sourceList(document: Document, sources: readonly Coverage[]): HTMLElement {
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  return e('ul', { class: 'sources' }, ...sources.map((source) => e('li', {}, e('span', { class: 'outlet' }, source.outlet), ', ', sourceTitle(document, source), ' · ', time(document, source.date))));
}

function actorList(document: Document, actors: ClaimDetails['actors']): HTMLElement | false {
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  return (
    actors.length > 0 &&
    e(
      'ul',
      { class: 'actors', 'aria-label': t('cardActors', 'People and organisations') },
      ...actors.map(({ actor, role, since }) =>
        e('li', {}, e('span', { class: 'actor-name' }, actor.name), role && e('span', { class: 'role' }, ` — ${role.title}`), since && e('span', { class: 'role since' }, ` (${laterChangeText(since)})`)),
      ),
    )
  );
}

/** "See on the timeline": a button, since the page must not see or follow an extension URL. */
function timelineButton(document: Document, eventId: string | undefined, onOpenTimeline: ClaimCardProps['onOpenTimeline']): HTMLElement | false {
  if (!eventId || !onOpenTimeline) return false;
  const button = element(document, 'button', { type: 'button', class: 'timeline-link' }, t('cardSeeOnTimeline', 'See on the timeline'));
  button.addEventListener('click', () => onOpenTimeline(eventId));
  return button;
}

/** What counted for this highlight, in a line: the reader can judge the match themselves. */
function why(document: Document, words: readonly string[]): HTMLElement | false {
  return words.length > 0 && element(document, 'p', { class: 'why' }, t('cardWhy', 'Why: $1', words.join(' · ')));
}

/** A sentence about a dataset event that states none of its claims: the event, its claims and its coverage. */
function eventSection(document: Document, details: EventMentionDetails, onOpenTimeline: ClaimCardProps['onOpenTimeline']): HTMLElement {
  const { event } = details;
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  const claims = details.claims.slice(0, 4).map((claim) =>
    e('li', {}, e('span', { class: `badge status-${claim.status}` }, e('span', { 'aria-hidden': 'true' }, statusSymbol(claim.status)), ` ${statusLabel(claim.status)}`), ' ', claim.text),
  );
  return e(
    'section',
    { class: 'mention', 'data-event-id': event.id },
    e('p', { class: 'badge tier-event' }, tierLabel('event')),
    e('p', { class: 'text' }, event.title),
    e('p', { class: 'attribution' }, time(document, event.date), event.place ? ` · ${event.place}` : ''),
    e('p', { class: 'context' }, event.summary),
    why(document, details.why),
    claims.length > 0 && e('h3', {}, t('cardEventClaims', 'Claims about this event in the dataset')),
    claims.length > 0 && e('ul', { class: 'event-claims' }, ...claims),
    actorList(document, details.actors),
    timelineButton(document, event.id, onOpenTimeline),
    e('h3', {}, t('cardSources', 'Sources')),
    sourceList(document, details.sources),
  );
}

/** A check-worthy sentence the dataset does not hold: said plainly, with what was recognised and the nearest events. */
function detectedSection(document: Document, details: DetectedDetails): HTMLElement {
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  const recognised = [...details.actors.map((actor) => actor.name), ...details.years.map(String)];
  return e(
    'section',
    { class: 'mention detected' },
    e('p', { class: 'badge tier-detected' }, tierLabel('detected')),
    e('p', { class: 'text' }, t('cardDetectedNote', 'This sentence reports dealings between Russia and Iran that the dataset does not hold. Check it against its sources.')),
    why(document, details.why),
    recognised.length > 0 && e('h3', {}, t('cardRecognised', 'Recognised')),
    recognised.length > 0 && e('p', { class: 'recognised' }, recognised.join(' · ')),
    details.nearEvents.length > 0 && e('h3', {}, t('cardNearEvents', 'Nearest events in the dataset')),
    details.nearEvents.length > 0 && e('ol', { class: 'timeline' }, ...details.nearEvents.map((event) => e('li', {}, time(document, event.date), e('span', {}, event.title)))),
  );
}

function claimSection(document: Document, details: ClaimDetails, onOpenTimeline: ClaimCardProps['onOpenTimeline']): HTMLElement {
  const { claim } = details;
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  const actors = actorList(document, details.actors);
  const timeline =
    details.timeline.length > 0 &&
    e(
      'ol',
      { class: 'timeline', 'aria-label': t('cardTimeline', 'Timeline') },
      ...details.timeline.map(({ event, linked }) => e('li', { class: linked ? 'linked' : undefined, 'aria-current': linked ? 'true' : undefined }, time(document, event.date), e('span', {}, event.title))),
    );
  const sources = sourceList(document, details.sources);
  return e(
    'section',
    { class: 'claim', 'data-claim-id': claim.id },
    e('p', { class: `badge status-${claim.status}` }, e('span', { 'aria-hidden': 'true' }, statusSymbol(claim.status)), ` ${statusLabel(claim.status)}`),
    e('p', { class: 'text' }, claim.text),
    e('p', { class: 'attribution' }, `${claim.attribution} · `, time(document, claim.date)),
    e('h3', {}, t('cardWhatNext', 'What happened next')),
    e('p', { class: 'context' }, claim.context),
    actors,
    timeline,
    timelineButton(document, details.events[0]?.id, onOpenTimeline),
    e('h3', {}, t('cardSources', 'Sources')),
    sources,
    details.otherSourceCount > 0 && e('p', { class: 'more' }, t('cardOtherSources', 'Reported by $1 other sources in the dataset', String(details.otherSourceCount))),
  );
}

export function claimCardView(document: Document, { claims, mention, position, confidence, onClose, onOpenTimeline }: ClaimCardProps): HTMLElement {
  const close = element(document, 'button', { type: 'button', class: 'close', 'aria-label': t('cardClose', 'Close') }, '×');
  close.addEventListener('click', onClose);
  return element(
    document,
    'div',
    { class: 'card', role: 'dialog', tabindex: '-1', 'aria-label': t('cardLabel', 'Claim details'), dir: isRightToLeft() ? 'rtl' : 'ltr' },
    element(
      document,
      'header',
      {},
      element(document, 'span', { class: 'brand' }, t('extensionName', 'Russia–Iran Lens')),
      element(document, 'span', { class: 'position' }, t('cardPosition', 'Highlight $1 of $2', [String(position.index + 1), String(position.total)])),
      element(document, 'span', { class: 'confidence', title: t('cardConfidenceHint', 'How closely this sentence matches the claim') }, t('cardConfidence', 'Match $1%', String(Math.round(confidence * 100)))),
      close,
    ),
    ...claims.map((details) => claimSection(document, details, onOpenTimeline)),
    mention?.kind === 'event' && eventSection(document, mention, onOpenTimeline),
    mention?.kind === 'detected' && detectedSection(document, mention),
  );
}
