/**
 * Annotates pages for content scripts. Each reading session (one document in one tab)
 * sends its block texts once; later readings of the same document name unchanged blocks by
 * hash, so after a mutation only the changed text travels and is scanned again. What a
 * session keeps is bounded, and forgotten when its tab closes: a worker stopped by the
 * browser simply asks for the texts again (`missing`).
 */
import { BLOCK_SEPARATOR, pageLanguage, scanPageBlock, summarizePage, type Annotation, type BlockKind, type Engine, type PageBlock } from '../core/engine/annotate.ts';
import type { BlockScan } from '../core/engine/scan-block.ts';
import { BLOCK_KIND_CODES } from '../shared/block-kinds.ts';
import { MAX_BLOCKS, type LensAnnotate, type LensOrder } from '../shared/messages.ts';
import type { AnnotateReply, PagePaint, PaintItem } from '../shared/report.ts';

/** Sessions kept at once (oldest dropped first): more than anyone has tabs reading at the same time. */
const MAX_SESSIONS = 24;
/** Characters of text one session may keep: a page ten times the size of the largest we know. */
const MAX_SESSION_CHARS = 24_000_000;

interface Session {
  readonly tabId: number;
  /** Texts by hash: those of the last reading plus any sent since. */
  texts: Map<number, string>;
  chars: number;
  /** Scans of the last reading, by hash, valid for `scanKey` (the language they were read in). */
  scans: Map<number, BlockScan>;
  scanKey: string;
  language: string | null;
  languageUrl: string;
  /** The first blocks of a long page's order, sent ahead in `lens-order` parts, kept until its reading is annotated. */
  staged: StagedOrder;
}

interface StagedOrder {
  readonly hashes: number[];
  kinds: string;
  boilerplate: string;
}

const noStagedOrder = (): StagedOrder => ({ hashes: [], kinds: '', boilerplate: '' });

/** Work between two pauses of a page's scan. */
const SLICE_MS = 8;

const KIND_OF_CODE = new Map<string, BlockKind>(Object.entries(BLOCK_KIND_CODES).map(([kind, code]) => [code, kind as BlockKind]));

export interface AnnotatedReading {
  readonly annotation: Annotation;
  readonly texts: readonly string[];
}

export class PageAnnotator {
  private readonly sessions = new Map<string, Session>();

  /** `engine`: the engine, built when first asked for (engine-host.ts). */
  constructor(private readonly engine: () => Promise<Engine>) {}

  /** Stores block texts for a session; returns false when the session went over its budget (and was reset). */
  addTexts(tabId: number, sessionId: string, texts: readonly { hash: number; text: string }[]): boolean {
    const session = this.session(tabId, sessionId);
    for (const { hash, text } of texts) {
      if (session.texts.has(hash)) continue;
      session.texts.set(hash, text);
      session.chars += text.length;
    }
    if (session.chars <= MAX_SESSION_CHARS) return true;
    this.sessions.delete(this.key(tabId, sessionId));
    return false;
  }

  /**
   * Keeps a part of a long page's block order; returns false when it does not follow the parts before it (the
   * session restarted, or a newer reading began), which drops them all: the `lens-annotate` then asks for them again.
   */
  stageOrder(tabId: number, part: LensOrder): boolean {
    const session = this.session(tabId, part.session);
    if (part.start === 0) session.staged = noStagedOrder();
    const staged = session.staged;
    if (part.start !== staged.hashes.length || part.start + part.hashes.length > MAX_BLOCKS) {
      session.staged = noStagedOrder();
      return false;
    }
    staged.hashes.push(...part.hashes);
    staged.kinds += part.kinds;
    staged.boilerplate += part.boilerplate;
    return true;
  }

  async annotate(tabId: number, message: LensAnnotate): Promise<{ reply: AnnotateReply; reading?: AnnotatedReading }> {
    // Texts that came with the question (a page of ordinary length) are kept as if sent ahead in `lens-texts`.
    if (message.texts) this.addTexts(tabId, message.session, message.texts);
    const session = this.session(tabId, message.session);
    const order = orderOf(session, message);
    if (!order) return { reply: { missing: [], restage: true } };
    const { hashes } = order;
    const missing = hashes.filter((hash) => !session.texts.has(hash));
    if (missing.length > 0) return { reply: { missing: [...new Set(missing)] } };
    session.staged = noStagedOrder();

    const blocks: PageBlock[] = hashes.map((hash, index) => ({
      text: session.texts.get(hash)!,
      kind: KIND_OF_CODE.get(order.kinds[index]!) ?? 'other',
      boilerplate: order.boilerplate[index] === '1',
    }));
    // After the texts are taken: another reading of this session may replace them while the engine loads.
    const engine = await this.engine();
    const { page } = message;
    if (session.language === null || session.languageUrl !== page.url) {
      const sample = blocks.slice(0, 60).map((block) => block.text).join(' ');
      session.language = pageLanguage({ title: page.title, ...(page.declaredLanguage ? { declaredLanguage: page.declaredLanguage } : {}) }, sample);
      session.languageUrl = page.url;
    }
    const language = session.language;
    const scanKey = language;
    if (scanKey !== session.scanKey) {
      session.scans.clear();
      session.scanKey = scanKey;
    }
    // Scanned in slices: where Firefox runs the background page in the tab's own process, a long
    // scan would block the page; between slices it keeps running.
    const scans: BlockScan[] = [];
    let sliceStart = performance.now();
    for (let index = 0; index < blocks.length; index++) {
      const hash = hashes[index]!;
      scans.push(session.scans.get(hash) ?? scanPageBlock(engine, blocks[index]!.text, language));
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        sliceStart = performance.now();
      }
    }
    const annotation = summarizePage(engine, { blocks, ...page }, language, scans, { minConfidence: message.minConfidence });

    // Keep only this reading's texts and scans: an endlessly changing page cannot grow them.
    session.scans = new Map(hashes.map((hash, index) => [hash, scans[index]!]));
    session.texts = new Map(hashes.map((hash, index) => [hash, blocks[index]!.text]));
    session.chars = blocks.reduce((sum, block) => sum + block.text.length + BLOCK_SEPARATOR.length, 0);

    const paint: PagePaint = {
      relevant: annotation.relevant,
      highlights: annotation.claims.map((match): PaintItem => {
        const status = match.claimId ? engine.claimsById.get(match.claimId)?.status : undefined;
        return status ? { ...match, status } : match;
      }),
      actorSpans: message.actorSpans && annotation.claims.length > 0 ? actorSpans(blocks, scans) : [],
    };
    return { reply: { paint }, reading: { annotation, texts: blocks.map((block) => block.text) } };
  }

  /** The tab closed: forget its sessions. */
  forgetTab(tabId: number): void {
    for (const [key, session] of this.sessions) if (session.tabId === tabId) this.sessions.delete(key);
  }

  private key(tabId: number, sessionId: string): string {
    return `${tabId}:${sessionId}`;
  }

  private session(tabId: number, sessionId: string): Session {
    const key = this.key(tabId, sessionId);
    let session = this.sessions.get(key);
    if (session) {
      // Most recently used last, so the oldest is dropped first.
      this.sessions.delete(key);
    } else {
      session = { tabId, texts: new Map(), chars: 0, scans: new Map(), scanKey: '', language: null, languageUrl: '', staged: noStagedOrder() };
    }
    this.sessions.set(key, session);
    while (this.sessions.size > MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value!);
    return session;
  }
}

/** The reading's whole block order: the parts staged before, then the message's own; null when the staged parts are not all there. */
function orderOf(session: Session, message: LensAnnotate): { hashes: readonly number[]; kinds: string; boilerplate: string } | null {
  const staged = message.staged ?? 0;
  if (staged === 0) return message;
  if (session.staged.hashes.length !== staged || staged + message.hashes.length > MAX_BLOCKS) return null;
  const { hashes, kinds, boilerplate } = session.staged;
  return { hashes: [...hashes, ...message.hashes], kinds: kinds + message.kinds, boilerplate: boilerplate + message.boilerplate };
}

function actorSpans(blocks: readonly PageBlock[], scans: readonly BlockScan[]): PagePaint['actorSpans'] {
  return scans.flatMap((scan, blockIndex) => (blocks[blockIndex]?.boilerplate ? [] : scan.actorMentions.map(({ start, end }) => ({ blockIndex, start, end }))));
}
