/**
 * Reads the page in slices: extract blocks, hash them, and have the background's engine
 * annotate them (sending only text it has not seen). Nothing of the page is kept after
 * painting but the highlights' ranges and the hashes of what was sent.
 */
import { extractBlocksInSteps, type DomBlock } from '../dom/extract-blocks.ts';
import { pageMetadata } from '../dom/page-metadata.ts';
import type { PagePaint } from '../shared/report.ts';
import { blockHash } from './block-hash.ts';
import { EngineClient, type AnnotateOptions } from './engine-client.ts';
import { runInSlices } from './scheduler.ts';

export interface PageReading {
  readonly blocks: readonly DomBlock[];
  readonly paint: PagePaint;
}

export interface ReaderOptions extends AnnotateOptions {
  readonly isExcluded: (element: Element) => boolean;
  readonly shadowRoots: boolean;
  readonly onShadowRoot: (shadowRoot: ShadowRoot) => void;
  /** Is a block element on screen (see visibility.ts)? Hidden text is neither read nor painted. */
  readonly isVisible: (element: Element) => boolean;
}

/** Characters hashed between two chances to yield (a few hundred microseconds of work). */
const CHARS_PER_STEP = 50_000;

function* hashAll(blocks: readonly DomBlock[]): Generator<void, number[], void> {
  const hashes: number[] = [];
  let chars = 0;
  for (const block of blocks) {
    hashes.push(blockHash(block.text));
    chars += block.text.length;
    if (chars >= CHARS_PER_STEP) {
      chars = 0;
      yield;
    }
  }
  return hashes;
}

export class PageReader {
  private readonly engine = new EngineClient();

  constructor(private readonly options: ReaderOptions) {}

  /** `region`: the article that names both states (see precheck.ts); the whole page when null. */
  async read(document: Document, region: Element | null, signal: AbortSignal): Promise<PageReading> {
    const root = region?.isConnected ? region : (document.body ?? document.documentElement);
    const { isExcluded, isVisible, shadowRoots, onShadowRoot, minConfidence, actorSpans, report } = this.options;
    const blocks = await runInSlices(extractBlocksInSteps(root, { isExcluded, isVisible, shadowRoots, onShadowRoot }), signal);
    const hashes = await runInSlices(hashAll(blocks), signal);
    const metadata = pageMetadata(document, root === region ? region : null);
    const url = document.location?.href ?? '';
    const paint = await this.engine.annotate(blocks, hashes, { ...metadata, url }, { minConfidence, actorSpans, report }, signal);
    return { blocks, paint };
  }

  /** A new page (SPA navigation): the background starts over too. */
  reset(): void {
    this.engine.reset();
  }
}
