/**
 * Reads the page in slices: extract blocks, scan each block (re-using earlier scans of
 * unchanged text, so a mutation costs in proportion to what changed), summarise.
 */
import { pageLanguage, scanPageBlock, summarizePage, type Annotation, type Engine } from '../core/engine/annotate.ts';
import type { BlockScan } from '../core/engine/scan-block.ts';
import { extractBlocksInSteps, type DomBlock } from '../dom/extract-blocks.ts';
import { pageMetadata } from '../dom/page-metadata.ts';
import { runInSlices } from './scheduler.ts';

export interface PageReading {
  readonly blocks: readonly DomBlock[];
  /** Actor mentions in article text (not page furniture), as block offsets. */
  readonly actorSpans: readonly { readonly blockIndex: number; readonly start: number; readonly end: number }[];
  readonly annotation: Annotation;
  readonly url: string;
  readonly publishedDate?: string;
}

export interface ReaderOptions {
  readonly minConfidence: number;
  readonly isExcluded: (element: Element) => boolean;
  readonly shadowRoots: boolean;
  readonly onShadowRoot: (shadowRoot: ShadowRoot) => void;
}

/** Scans keyed by block text; kept small so an endlessly mutating page cannot grow it without bound. */
const SCAN_CACHE_LIMIT = 5_000;

export class PageReader {
  private scanCache = new Map<string, BlockScan>();
  private language: string | null = null;

  constructor(
    private readonly engine: Engine,
    private readonly options: ReaderOptions,
  ) {}

  async read(document: Document, signal: AbortSignal): Promise<PageReading> {
    const root = document.body ?? document.documentElement;
    const { isExcluded, shadowRoots, onShadowRoot } = this.options;
    const blocks = await runInSlices(extractBlocksInSteps(root, { isExcluded, shadowRoots, onShadowRoot }), signal);
    const metadata = pageMetadata(document);
    this.language ??= pageLanguage(metadata, blocks.slice(0, 60).map((block) => block.text).join(' '));
    const language = this.language;
    const scans = await runInSlices(this.scanAll(blocks, language), signal);
    const url = document.location?.href ?? '';
    const annotation = summarizePage(this.engine, { blocks, ...metadata, url }, language, scans, { minConfidence: this.options.minConfidence });
    const actorSpans = scans.flatMap((scan, blockIndex) =>
      blocks[blockIndex]?.boilerplate ? [] : scan.actorMentions.map((mention) => ({ blockIndex, start: mention.start, end: mention.end })),
    );
    return { blocks, actorSpans, annotation, url, ...(metadata.publishedDate ? { publishedDate: metadata.publishedDate } : {}) };
  }

  private *scanAll(blocks: readonly DomBlock[], language: string): Generator<void, BlockScan[], void> {
    const next = new Map<string, BlockScan>();
    const scans: BlockScan[] = [];
    for (const block of blocks) {
      let scan = next.get(block.text) ?? this.scanCache.get(block.text);
      if (!scan) {
        scan = scanPageBlock(this.engine, block.text, language);
        yield;
      }
      if (next.size < SCAN_CACHE_LIMIT) next.set(block.text, scan);
      scans.push(scan);
    }
    this.scanCache = next;
    return scans;
  }

  /** A new page (SPA navigation): forget the language guess and cached scans. */
  reset(): void {
    this.scanCache.clear();
    this.language = null;
  }
}
