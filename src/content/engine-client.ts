/**
 * The content script's side of the engine, which runs in the extension's background: send
 * the blocks' texts the background does not have yet (with the question where they fit in
 * one message, else ahead of it in messages of bounded size, yielding between them), then ask
 * for the annotation by hashes (a long page's order in bounded parts too). The page's text
 * goes to the extension's own background and nowhere else.
 */
import type { ClaimDetails } from '../shared/claim-details.ts';
import { BLOCK_KIND_CODES } from '../shared/block-kinds.ts';
import type { MentionDetails } from '../shared/highlight-details.ts';
import type { AnnotateReply, PagePaint, PaintItem } from '../shared/report.ts';
import type { DomBlock } from '../dom/extract-blocks.ts';
import { MAX_ORDER_PER_MESSAGE, MAX_TEXTS_PER_MESSAGE } from '../shared/message-limits.ts';
import { sendMessage } from './extension-api.ts';
import { Cancelled, yieldToMain } from './scheduler.ts';

/** Characters per `lens-texts` message: serializing one stays far under a millisecond or two. */
const CHARS_PER_MESSAGE = 256_000;

export interface PageFacts {
  readonly url: string;
  readonly title: string;
  readonly declaredLanguage?: string;
  readonly publishedDate?: string;
}

export interface AnnotateOptions {
  readonly minConfidence: number;
  readonly actorSpans: boolean;
  readonly report: boolean;
}

async function ask<T>(message: unknown): Promise<T> {
  const reply = (await sendMessage(message)) as { ok?: boolean; value?: T; error?: string } | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'no answer from the background');
  return reply.value as T;
}

function randomSession(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export class EngineClient {
  private readonly session = randomSession();
  /** Hashes of the texts the background kept after our last reading. */
  private known = new Set<number>();

  async annotate(blocks: readonly DomBlock[], hashes: readonly number[], page: PageFacts, options: AnnotateOptions, signal: AbortSignal): Promise<PagePaint> {
    const unsent = new Set<number>();
    hashes.forEach((hash) => {
      if (!this.known.has(hash)) unsent.add(hash);
    });
    const batches = textBatches(blocks, hashes, unsent);
    // All but the last part of a long page's order goes ahead (see message-limits.ts).
    const staged = hashes.length > MAX_ORDER_PER_MESSAGE ? Math.floor((hashes.length - 1) / MAX_ORDER_PER_MESSAGE) * MAX_ORDER_PER_MESSAGE : 0;
    // Texts that fit in one message ride with the question: a round trip less for a page of ordinary length.
    const inline = batches.length === 1 && staged === 0 ? batches.pop() : undefined;
    await this.sendBatches(batches, signal);
    const order = {
      hashes,
      kinds: blocks.map((block) => BLOCK_KIND_CODES[block.kind ?? 'other']).join(''),
      boilerplate: blocks.map((block) => (block.boilerplate ? '1' : '0')).join(''),
    };
    await this.stageOrder(order, staged, signal);
    const message = {
      type: 'lens-annotate',
      session: this.session,
      ...(staged > 0 ? { staged } : {}),
      ...(inline ? { texts: inline } : {}),
      hashes: hashes.slice(staged),
      kinds: order.kinds.slice(staged),
      boilerplate: order.boilerplate.slice(staged),
      page: {
        url: page.url.slice(0, 4096),
        title: page.title.slice(0, 500),
        ...(page.declaredLanguage ? { declaredLanguage: page.declaredLanguage.slice(0, 35) } : {}),
        ...(page.publishedDate ? { publishedDate: page.publishedDate.slice(0, 64) } : {}),
      },
      ...options,
    };
    let reply = await ask<AnnotateReply>(message);
    // The background was restarted (or dropped our session): send what it lacks and ask again. A restart between
    // the order's parts and this message takes two rounds: the order again, then the texts.
    for (let round = 0; 'missing' in reply; round++) {
      if (round === 2) throw new Error('the background keeps losing the page text');
      if (reply.restage) await this.stageOrder(order, staged, signal);
      else await this.sendBatches(textBatches(blocks, hashes, new Set(reply.missing)), signal);
      reply = await ask<AnnotateReply>(message);
    }
    if (signal.aborted) throw new Cancelled();
    this.known = new Set(hashes);
    return reply.paint;
  }

  /** A new page in the same document (SPA navigation): start over. */
  reset(): void {
    this.known.clear();
  }

  /** Sends the order's first `staged` blocks in parts, yielding between them. */
  private async stageOrder(order: { readonly hashes: readonly number[]; readonly kinds: string; readonly boilerplate: string }, staged: number, signal: AbortSignal): Promise<void> {
    for (let start = 0; start < staged; start += MAX_ORDER_PER_MESSAGE) {
      const end = Math.min(staged, start + MAX_ORDER_PER_MESSAGE);
      const part = { hashes: order.hashes.slice(start, end), kinds: order.kinds.slice(start, end), boilerplate: order.boilerplate.slice(start, end) };
      await ask<boolean>({ type: 'lens-order', session: this.session, start, ...part });
      if (signal.aborted) throw new Cancelled();
      await yieldToMain();
    }
  }

  /** Sends texts in `lens-texts` messages, yielding between them. */
  private async sendBatches(batches: readonly BlockText[][], signal: AbortSignal): Promise<void> {
    for (const texts of batches) {
      await ask<boolean>({ type: 'lens-texts', session: this.session, texts });
      if (signal.aborted) throw new Cancelled();
      await yieldToMain();
    }
  }
}

interface BlockText {
  readonly hash: number;
  readonly text: string;
}

/** The texts of the `wanted` blocks, each once, in batches closed at `CHARS_PER_MESSAGE` characters or `MAX_TEXTS_PER_MESSAGE` texts. */
function textBatches(blocks: readonly DomBlock[], hashes: readonly number[], wanted: ReadonlySet<number>): BlockText[][] {
  const batches: BlockText[][] = [];
  let batch: BlockText[] = [];
  let chars = 0;
  const taken = new Set<number>();
  for (let index = 0; index < blocks.length; index++) {
    const hash = hashes[index]!;
    if (!wanted.has(hash) || taken.has(hash)) continue;
    taken.add(hash);
    const text = blocks[index]!.text;
    batch.push({ hash, text });
    chars += text.length;
    if (chars >= CHARS_PER_MESSAGE || batch.length >= MAX_TEXTS_PER_MESSAGE) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** What the hover card shows for an event mention or a detected claim. */
export function loadMentionDetails(highlight: PaintItem): Promise<MentionDetails | null> {
  const { tier, eventIds, nearEventIds, evidence } = highlight;
  const ids = (list: readonly string[]) => list.slice(0, 50).map((id) => id.slice(0, 200));
  return ask<MentionDetails | null>({ type: 'mention-details', highlight: { tier, eventIds: ids(eventIds), nearEventIds: ids(nearEventIds), evidence: ids(evidence) } });
}

/** What the hover card shows about claims, from the background's copy of the dataset. */
export function loadClaimDetails(claimIds: readonly string[]): Promise<ClaimDetails[]> {
  return ask<ClaimDetails[]>({ type: 'claim-details', claimIds: claimIds.slice(0, 20) });
}

/** The hover card's stylesheet, kept by the background: every page would otherwise carry it in the script. */
export function loadCardStyles(): Promise<string> {
  return ask<string>({ type: 'card-style' });
}
