/**
 * The hover card's content: one or two claims painted on the same sentence. Built with plain
 * DOM calls (no UI library in the script every page loads); every text goes in as a text
 * node, never as HTML.
 */
import type { ClaimDetails } from '../../shared/claim-details.ts';
import { formatPartialDate, isRightToLeft, t } from '../../ui/i18n.ts';
import { statusLabel, statusSymbol } from '../../ui/status.ts';

export interface ClaimCardProps {
  readonly claims: readonly ClaimDetails[];
  readonly position: { readonly index: number; readonly total: number };
  readonly confidence: number;
  readonly onClose: () => void;
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

function claimSection(document: Document, details: ClaimDetails): HTMLElement {
  const { claim } = details;
  const e = (tag: string, attributes: Record<string, string | undefined>, ...children: Child[]) => element(document, tag, attributes, ...children);
  const actors =
    details.actors.length > 0 &&
    e(
      'ul',
      { class: 'actors', 'aria-label': t('cardActors', 'People and organisations') },
      ...details.actors.map(({ actor, role }) => e('li', {}, e('span', { class: 'actor-name' }, actor.name), role && e('span', { class: 'role' }, ` — ${role.title}`))),
    );
  const timeline =
    details.timeline.length > 0 &&
    e(
      'ol',
      { class: 'timeline', 'aria-label': t('cardTimeline', 'Timeline') },
      ...details.timeline.map(({ event, linked }) => e('li', { class: linked ? 'linked' : undefined, 'aria-current': linked ? 'true' : undefined }, time(document, event.date), e('span', {}, event.title))),
    );
  const sources = e(
    'ul',
    { class: 'sources' },
    ...details.sources.map((source) => e('li', {}, e('span', { class: 'outlet' }, source.outlet), ', ', sourceTitle(document, source), ' · ', time(document, source.date))),
  );
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
    e('h3', {}, t('cardSources', 'Sources')),
    sources,
    details.otherSourceCount > 0 && e('p', { class: 'more' }, t('cardOtherSources', 'Reported by $1 other sources in the dataset', String(details.otherSourceCount))),
  );
}

export function claimCardView(document: Document, { claims, position, confidence, onClose }: ClaimCardProps): HTMLElement {
  const close = element(document, 'button', { type: 'button', class: 'close', 'aria-label': t('cardClose', 'Close') }, '×');
  close.addEventListener('click', onClose);
  return element(
    document,
    'div',
    { class: 'card', role: 'dialog', 'aria-label': t('cardLabel', 'Claim details'), dir: isRightToLeft() ? 'rtl' : 'ltr' },
    element(
      document,
      'header',
      {},
      element(document, 'span', { class: 'brand' }, t('extensionName', 'Russia–Iran Lens')),
      element(document, 'span', { class: 'position' }, t('cardPosition', 'Claim $1 of $2', [String(position.index + 1), String(position.total)])),
      element(document, 'span', { class: 'confidence', title: t('cardConfidenceHint', 'How closely this sentence matches the claim') }, t('cardConfidence', 'Match $1%', String(Math.round(confidence * 100)))),
      close,
    ),
    ...claims.map((details) => claimSection(document, details)),
  );
}
